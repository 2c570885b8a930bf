"""selon_sentences: where a sentence may not start (hyphenated compounds, closing and opening
punctuation), checked on the tokens alone and through the whole pipeline."""

from __future__ import annotations

import pytest

from selon.components.sentences import cannot_start
from selon.pipeline import load_pipeline


def _forbidden(lang: str, text: str) -> list[str]:
    """The tokens of ``text`` that may not start a sentence."""
    doc = load_pipeline(lang).make_doc(text)
    return [t.text for t in doc if cannot_start(t)]


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # a hyphen glued to both words, and the word after it
        ("fr", "Le convoi a franchi le poste-frontière hier.", ["-", "frontière"]),
        ("en", "The cease-fire held.", ["-", "fire"]),
        # closing punctuation never starts a sentence
        ("fr", "Fondatrice du journal Azur, elle a été arrêtée.", [","]),
        ("en", "The talks (in Doha) ended.", ["in", ")"]),
        ("fr", "Il a dit « non » hier.", ["non", "»"]),
        # nor does the word after an opening quote
        ("en", "He said: “We will stay.”", [":", "We", "”"]),
    ],
)
def test_forbidden_starts(lang: str, text: str, expected: list[str]) -> None:
    assert _forbidden(lang, text) == expected


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # a spaced dash, a new sentence after a full stop, a line break: breaks stay possible
        ("fr", "Kiev a riposté - sans succès. Moscou a démenti."),
        ("en", "The army withdrew.\n, then the rebels entered."),
        ("en", "Rebels took the town. Troops fled."),
    ],
)
def test_allowed_starts(lang: str, text: str) -> None:
    assert _forbidden(lang, text) == []


@pytest.mark.parametrize(
    ("lang", "text", "inside"),
    [
        (
            "fr",
            "Fondatrice du site Ombre et Lumière , la journaliste a été interpellée à Batoumi.",
            ", la journaliste",
        ),
        ("fr", "Il a lancé : « Nous resterons à Goma. »", "« Nous resterons"),
        ("en", "Rebels shelled the Kibumba border-post overnight.", "border-post overnight"),
    ],
)
def test_pipeline_keeps_phrase_in_one_sentence(lang: str, text: str, inside: str) -> None:
    doc = load_pipeline(lang)(text)
    start = text.index(inside)
    span = doc.char_span(start, start + len(inside), alignment_mode="expand")
    assert span is not None
    assert all(not t.is_sent_start for t in span[1:])
