"""Language identification for French and English, and a clear refusal of anything else.

lingua, built for French and English only, decides between the two. Because a two-language
detector always answers one of them, a second check guards against other languages: the share
of the text's words that are function words distinctive of the chosen language (words shared
with Spanish, Italian or German, such as "de", "la", "in", are left out of those lists).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from selon.errors import UnsupportedLanguageError

SUPPORTED = ("fr", "en")

FUNCTION_WORDS = {
    "fr": frozenset(
        [
            "le",
            "les",
            "des",
            "du",
            "et",
            "est",
            "une",
            "dans",
            "pour",
            "qui",
            "pas",
            "sur",
            "au",
            "aux",
            "ont",
            "été",
            "il",
            "elle",
            "ils",
            "elles",
            "nous",
            "vous",
            "ce",
            "cette",
            "ces",
            "avec",
            "sont",
            "mais",
            "ou",
            "où",
            "leur",
            "leurs",
            "selon",
            "après",
            "avait",
            "être",
            "sa",
            "ses",
            "son",
            "aussi",
            "plus",
            "comme",
            "lors",
            "dont",
            "depuis",
            "entre",
            "contre",
            "sans",
            "sous",
            "tout",
            "tous",
            "très",
            "déjà",
            "mardi",
            "lundi",
            "mercredi",
            "jeudi",
            "vendredi",
            "samedi",
            "dimanche",
        ]
    ),
    "en": frozenset(
        [
            "the",
            "of",
            "and",
            "to",
            "is",
            "was",
            "that",
            "for",
            "on",
            "with",
            "by",
            "he",
            "it",
            "as",
            "at",
            "from",
            "his",
            "said",
            "have",
            "has",
            "were",
            "are",
            "be",
            "this",
            "which",
            "not",
            "but",
            "they",
            "had",
            "been",
            "would",
            "their",
            "its",
            "after",
            "who",
            "will",
            "also",
            "than",
            "more",
            "about",
            "into",
            "over",
            "there",
            "could",
            "when",
        ]
    ),
}
#: Least share of distinctive function words in a text of enough words to be the language.
MIN_FUNCTION_SHARE = 0.08
#: Under this many words the function-word check is not reliable and lingua alone decides.
MIN_WORDS_FOR_CHECK = 25
#: The detector's least confidence to accept a text too short for the function-word check.
MIN_SHORT_CONFIDENCE = 0.9

WORD_RE = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?", re.UNICODE)


@lru_cache(maxsize=1)
def _detector() -> Any:
    from lingua import Language, LanguageDetectorBuilder

    return LanguageDetectorBuilder.from_languages(Language.FRENCH, Language.ENGLISH).build()


def function_share(text: str, lang: str) -> float:
    words = [w.lower() for w in WORD_RE.findall(text[:20000])]
    if not words:
        return 0.0
    vocab = FUNCTION_WORDS[lang]
    return sum(1 for w in words if w in vocab) / len(words)


def detect_language(text: str, *, origin: str | None = None) -> str:
    """``"fr"`` or ``"en"``; raises UnsupportedLanguageError for any other language."""
    from lingua import Language

    sample = text[:20000]
    values = _detector().compute_language_confidence_values(sample)
    best = values[0] if values else None
    lang = {Language.FRENCH: "fr", Language.ENGLISH: "en"}.get(best.language) if best else None
    if lang is not None and best is not None:
        if function_share(sample, lang) >= MIN_FUNCTION_SHARE:
            return lang
        # Too short for the function-word check: only a confident detector decides.
        if (
            len(WORD_RE.findall(sample)) < MIN_WORDS_FOR_CHECK
            and best.value >= MIN_SHORT_CONFIDENCE
        ):
            return lang
    raise UnsupportedLanguageError(
        "the text is neither French nor English (supported languages: fr, en); "
        "pass --lang fr or --lang en to force one",
        origin=origin,
    )


def check_language(lang: str | None, *, origin: str | None = None) -> str | None:
    """Normalise a requested language; ``None`` or ``auto`` means detect."""
    if lang is None:
        return None
    value = lang.strip().lower()
    if value in ("", "auto"):
        return None
    value = {"french": "fr", "fra": "fr", "fre": "fr", "english": "en", "eng": "en"}.get(
        value, value.split("-")[0].split("_")[0]
    )
    if value not in SUPPORTED:
        raise UnsupportedLanguageError(
            f"unsupported language {lang!r} (supported languages: fr, en)", origin=origin
        )
    return value
