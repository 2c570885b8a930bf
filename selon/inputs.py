"""Reading articles from files, folders, standard input and URLs.

Every reader yields ``ArticleInput`` objects or ``InputFailure`` objects: a bad article never
stops the others. Supported: ``.txt``; ``.html``/``.htm`` (main text and metadata through
trafilatura); ``.json`` (an object with ``text``, or a list of them); ``.jsonl`` (one object a
line); ``-`` for standard input (sniffed); http(s) URLs (see fetch.py).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import sys
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from selon import limits
from selon.errors import (
    BinaryInputError,
    EmptyInputError,
    EncodingError,
    InputError,
    InputTooLargeError,
    MalformedInputError,
)

TEXT_SUFFIXES = {".txt", ".text", ".md"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSON_SUFFIXES = {".json"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
KNOWN_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES | JSONL_SUFFIXES
JSON_FIELDS = {"id", "text", "title", "url", "published", "source", "lang", "language"}


@dataclass
class ArticleInput:
    """One article to process, before NLP."""

    text: str
    origin: str
    id: str | None = None
    title: str | None = None
    url: str | None = None
    source: str | None = None
    published: dt.datetime | None = None
    lang: str | None = None  # as requested by the input; None means detect
    extra: dict[str, Any] = field(default_factory=dict)
    language: str | None = None  # as processed (requested or detected), set by the pipeline

    @property
    def article_id(self) -> str:
        """The given id, else a stable hash of the URL, else of the text."""
        if self.id:
            return self.id
        basis = self.url or self.text
        return "a" + hashlib.sha256(basis.encode("utf-8")).hexdigest()[:15]

    @property
    def content_hash(self) -> str:
        payload = json.dumps(
            [self.text, self.title, self.url, self.source, self.published_iso, self.lang],
            ensure_ascii=False,
        )
        return hashlib.sha256(payload.encode("utf-8")).hexdigest()

    @property
    def published_iso(self) -> str | None:
        return self.published.isoformat() if self.published else None


@dataclass
class InputFailure:
    """An input that could not become an article, with its reason."""

    origin: str
    error: InputError


ReadResult = ArticleInput | InputFailure


# --- text hygiene ---------------------------------------------------------------------------


def decode_bytes(data: bytes, origin: str) -> str:
    """Decode UTF-8 (with or without BOM), refusing binary data and other encodings."""
    if len(data) > limits.MAX_INPUT_BYTES:
        raise InputTooLargeError(
            f"{len(data)} bytes, over the limit of {limits.MAX_INPUT_BYTES} bytes", origin=origin
        )
    if b"\x00" in data[:8192]:
        raise BinaryInputError("binary data (NUL bytes), not text", origin=origin)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise EncodingError(
            f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
            "re-encode the file as UTF-8",
            origin=origin,
        ) from exc
    controls = sum(
        1 for ch in text[:8192] if unicodedata.category(ch) == "Cc" and ch not in "\n\r\t\f"
    )
    if controls > 8 and controls > len(text[:8192]) // 100:
        raise BinaryInputError(f"binary data ({controls} control characters)", origin=origin)
    return text


def clean_text(text: str, origin: str) -> str:
    """Normalise line ends and check the size; the result is what every offset points into."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").strip()
    letters = sum(1 for ch in text if ch.isalpha())
    if letters < limits.MIN_ARTICLE_LETTERS:
        raise EmptyInputError(
            "no article text" if not text else f"only {letters} letters of text", origin=origin
        )
    if len(text) > limits.MAX_ARTICLE_CHARS:
        raise InputTooLargeError(
            f"{len(text)} characters, over the limit of {limits.MAX_ARTICLE_CHARS}", origin=origin
        )
    return text


def parse_datetime(value: Any, origin: str) -> dt.datetime | None:
    """An ISO 8601 date or datetime; a date alone is taken as midnight."""
    if value in (None, ""):
        return None
    if not isinstance(value, str):
        raise MalformedInputError(
            f"published must be an ISO 8601 string, not {value!r}", origin=origin
        )
    try:
        return dt.datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError as exc:
        raise MalformedInputError(f"published {value!r} is not ISO 8601", origin=origin) from exc


# --- one format each --------------------------------------------------------------------------


def from_text(text: str, origin: str) -> ArticleInput:
    return ArticleInput(text=clean_text(text, origin), origin=origin)


def from_html(html: str, origin: str, *, url: str | None = None) -> ArticleInput:
    """The main text and metadata of an HTML page, through trafilatura."""
    import trafilatura

    if "<" not in html:
        raise MalformedInputError("no HTML markup found", origin=origin)
    try:
        doc = trafilatura.bare_extraction(
            html, url=url, with_metadata=True, include_comments=False, as_dict=False
        )
    except Exception as exc:  # trafilatura raises a variety of parser errors
        raise MalformedInputError(f"HTML could not be parsed ({exc})", origin=origin) from exc
    text = getattr(doc, "text", None) if doc is not None else None
    if not isinstance(text, str) or not text.strip():
        raise EmptyInputError("no main text found in the HTML page", origin=origin)
    published = None
    date = getattr(doc, "date", None)
    if date:
        try:
            published = parse_datetime(date, origin)
        except MalformedInputError:
            published = None
    return ArticleInput(
        text=clean_text(text, origin),
        origin=origin,
        title=getattr(doc, "title", None),
        url=url or getattr(doc, "url", None),
        source=getattr(doc, "sitename", None),
        published=published,
    )


def from_object(obj: Any, origin: str) -> ArticleInput:
    """A JSON object with ``text`` and optional ``id``, ``title``, ``url``, ``published``..."""
    if not isinstance(obj, dict):
        raise MalformedInputError(
            f"expected a JSON object with a 'text' field, got {type(obj).__name__}", origin=origin
        )
    text = obj.get("text")
    if not isinstance(text, str):
        raise MalformedInputError("the JSON object has no 'text' string", origin=origin)
    for key in ("id", "title", "url", "source", "lang", "language"):
        if obj.get(key) is not None and not isinstance(obj[key], str):
            raise MalformedInputError(f"'{key}' must be a string", origin=origin)
    return ArticleInput(
        text=clean_text(text, origin),
        origin=origin,
        id=obj.get("id") or None,
        title=obj.get("title"),
        url=obj.get("url"),
        source=obj.get("source"),
        published=parse_datetime(obj.get("published"), origin),
        lang=obj.get("lang") or obj.get("language"),
        extra={k: v for k, v in obj.items() if k not in JSON_FIELDS},
    )


def _guarded(origin: str, make: Any, *args: Any, **kwargs: Any) -> ReadResult:
    try:
        result: ArticleInput = make(*args, **kwargs)
        return result
    except InputError as exc:
        exc.origin = exc.origin or origin
        return InputFailure(origin, exc)


def from_json_text(text: str, origin: str) -> Iterator[ReadResult]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        yield InputFailure(
            origin,
            MalformedInputError(f"invalid JSON at line {exc.lineno} column {exc.colno}: {exc.msg}"),
        )
        return
    items = data if isinstance(data, list) else [data]
    if not items:
        yield InputFailure(origin, EmptyInputError("an empty JSON list"))
    for i, obj in enumerate(items):
        where = f"{origin}[{i}]" if isinstance(data, list) else origin
        yield _guarded(where, from_object, obj, where)


def from_jsonl_text(text: str, origin: str) -> Iterator[ReadResult]:
    seen = False
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        seen = True
        where = f"{origin}:{number}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield InputFailure(where, MalformedInputError(f"invalid JSON: {exc.msg}", origin=where))
            continue
        yield _guarded(where, from_object, obj, where)
    if not seen:
        yield InputFailure(origin, EmptyInputError("no JSON lines", origin=origin))


def sniff(text: str, origin: str, *, url: str | None = None) -> Iterator[ReadResult]:
    """Read text whose format is unknown (stdin, a URL without a content type)."""
    head = text.lstrip()[:200].lower()
    if head.startswith("{") and "\n{" in text.strip():
        yield from from_jsonl_text(text, origin)
    elif head.startswith(("{", "[")):
        yield from from_json_text(text, origin)
    elif head.startswith(
        ("<!doctype html", "<html", "<?xml", "<head", "<body", "<article", "<div")
    ):
        yield _guarded(origin, from_html, text, origin, url=url)
    else:
        yield _guarded(origin, from_text, text, origin)


def read_path(path: Path) -> Iterator[ReadResult]:
    """Every article in one file."""
    origin = str(path)
    suffix = path.suffix.lower()
    try:
        size = path.stat().st_size
        if size > limits.MAX_INPUT_BYTES:
            raise InputTooLargeError(
                f"{size} bytes, over the limit of {limits.MAX_INPUT_BYTES} bytes", origin=origin
            )
        text = decode_bytes(path.read_bytes(), origin)
    except InputError as exc:
        yield InputFailure(origin, exc)
        return
    except OSError as exc:
        yield InputFailure(origin, InputError(f"cannot read: {exc.strerror}", origin=origin))
        return
    if suffix in HTML_SUFFIXES:
        yield _guarded(origin, from_html, text, origin)
    elif suffix in JSON_SUFFIXES:
        yield from from_json_text(text, origin)
    elif suffix in JSONL_SUFFIXES:
        yield from from_jsonl_text(text, origin)
    elif suffix in TEXT_SUFFIXES:
        yield _guarded(origin, from_text, text, origin)
    else:
        yield from sniff(text, origin)


def expand(paths: Iterable[str]) -> Iterator[str]:
    """Folders become the article files under them (sorted), other names pass through."""
    for name in paths:
        path = Path(name)
        if name != "-" and not name.startswith(("http://", "https://")) and path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and child.suffix.lower() in KNOWN_SUFFIXES:
                    yield str(child)
        else:
            yield name


def read_inputs(names: Iterable[str], *, allow_private: bool = False) -> Iterator[ReadResult]:
    """Every article named by paths, folders, ``-`` and URLs, in order."""
    from selon.fetch import read_url

    for name in expand(names):
        if name == "-":
            try:
                data = sys.stdin.buffer.read(limits.MAX_INPUT_BYTES + 1)
                text = decode_bytes(data, "<stdin>")
            except InputError as exc:
                yield InputFailure("<stdin>", exc)
                continue
            yield from sniff(text, "<stdin>")
        elif name.startswith(("http://", "https://")):
            yield from read_url(name, allow_private=allow_private)
        elif not Path(name).exists():
            yield InputFailure(name, InputError("no such file or folder", origin=name))
        else:
            yield from read_path(Path(name))
