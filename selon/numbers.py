"""Reading quantities in French and English: digits, number words and approximate forms.

``find_quantities(text, lang)`` yields every quantity with its span and its (min, max, approx):
"45 000", "45,000", "1,5 million", "vingt-deux", "une dizaine" (10, 10, approx), "des dizaines"
(20, 99, approx), "au moins 80" (80, None), "plus de 20" (21, None), "jusqu'à 30" (None, 30),
"aucune victime" (0, 0) and their English counterparts.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

UNITS_FR = {
    "zéro": 0, "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6,
    "sept": 7, "huit": 8, "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "treize": 13,
    "quatorze": 14, "quinze": 15, "seize": 16, "vingt": 20, "vingts": 20, "trente": 30,
    "quarante": 40, "cinquante": 50, "soixante": 60, "cent": 100, "cents": 100,
    "mille": 1000,
}  # fmt: skip
UNITS_EN = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "thousand": 1000,
}  # fmt: skip
SCALES = {
    "million": 1_000_000, "millions": 1_000_000, "milliard": 1_000_000_000,
    "milliards": 1_000_000_000, "billion": 1_000_000_000, "billions": 1_000_000_000,
}  # fmt: skip

#: Approximate nouns: (min, max, approx).
APPROX_NOUNS = {
    "fr": {
        "une dizaine": (10, 10, True), "une douzaine": (12, 12, True), "une quinzaine": (15, 15, True),
        "une vingtaine": (20, 20, True), "une trentaine": (30, 30, True), "une quarantaine": (40, 40, True),
        "une cinquantaine": (50, 50, True), "une soixantaine": (60, 60, True), "une centaine": (100, 100, True),
        "un millier": (1000, 1000, True), "des dizaines": (20, 99, True), "des douzaines": (24, 99, True),
        "des centaines": (200, 999, True), "des milliers": (2000, 9999, True),
        "des dizaines de milliers": (20000, 99999, True), "des centaines de milliers": (200000, 999999, True),
        "plusieurs dizaines": (20, 99, True), "plusieurs centaines": (200, 999, True),
        "plusieurs milliers": (2000, 9999, True), "quelques dizaines": (20, 50, True),
        "quelques centaines": (200, 500, True), "plusieurs": (2, None, True),
        "quelques": (2, 9, True), "de nombreux": (10, None, True), "de nombreuses": (10, None, True),
    },
    "en": {
        "a dozen": (12, 12, True), "dozens": (24, 99, True), "scores": (40, 99, True),
        "hundreds": (200, 999, True), "thousands": (2000, 9999, True),
        "tens of thousands": (20000, 99999, True), "hundreds of thousands": (200000, 999999, True),
        "a handful": (2, 5, True), "several": (3, None, True), "a few": (2, 5, True),
        "many": (10, None, True), "a couple": (2, 2, True), "dozen": (12, 12, True),
    },
}  # fmt: skip
#: Words before a number: (kind) min, max, approx, plus.
QUALIFIERS = {
    "fr": {
        "au moins": "min", "au minimum": "min", "pas moins de": "min", "plus de": "over",
        "près de": "approx", "environ": "approx", "quelque": "approx", "autour de": "approx",
        "jusqu'à": "max", "jusqu’à": "max", "au plus": "max", "moins de": "under",
        "au maximum": "max", "pas plus de": "max",
    },
    "en": {
        "at least": "min", "no fewer than": "min", "more than": "over", "over": "over",
        "nearly": "approx", "almost": "approx", "about": "approx", "around": "approx",
        "roughly": "approx", "some": "approx", "approximately": "approx", "up to": "max",
        "at most": "max", "fewer than": "under", "less than": "under", "as many as": "max",
    },
}  # fmt: skip
ZERO_FR = r"(?:aucun(?:e)?|pas\s+de|pas\s+d['’]|nul(?:le)?)"
ZERO_EN = r"(?:no|zero|not\s+a\s+single)"


@dataclass(frozen=True)
class Quantity:
    start: int
    end: int
    min: float | None
    max: float | None
    approx: bool
    text: str


def _words_value(words: list[str], lang: str) -> int | None:
    """Number words to a value: "quatre-vingt-dix-sept" -> 97, "twenty-two" -> 22."""
    units = UNITS_FR if lang == "fr" else UNITS_EN
    total = current = 0
    seen = False
    for word in words:
        if word in ("et", "and", "-"):
            continue
        value = units.get(word)
        if value is None:
            return None
        seen = True
        if value == 100:
            current = max(current, 1) * 100
        elif value == 1000:
            total += max(current, 1) * 1000
            current = 0
        elif word in ("vingt", "vingts") and current in (4,):
            current *= 20  # quatre-vingts
        else:
            current += value
    return total + current if seen else None


def parse_number(text: str, lang: str) -> float | None:
    """A number written with digits or words, with an optional scale ("1,5 million")."""
    text = text.strip().lower().replace("\u202f", " ").replace("\u00a0", " ")
    scale = 1
    parts = text.split()
    if parts and parts[-1] in SCALES:
        scale = SCALES[parts[-1]]
        text = " ".join(parts[:-1]).removesuffix(" de").strip()
    digits = text.replace(" ", "")
    if re.fullmatch(r"\d+(?:[.,]\d+)*", digits):
        value = _digits_value(digits, lang, scaled=scale > 1)
        return None if value is None else value * scale
    words = [w for w in re.split(r"[\s\-]+", text) if w]
    value = _words_value(words, lang)
    return None if value is None else float(value * scale)


def _digits_value(digits: str, lang: str, *, scaled: bool) -> float | None:
    if re.fullmatch(r"\d{1,3}(?:[.,]\d{3})+", digits) and not (scaled and len(digits) <= 5):
        # "45,000" (en), "3.000" (fr): thousands separators, not decimals.
        return float(re.sub(r"[.,]", "", digits))
    if re.fullmatch(r"\d+[.,]\d+", digits):
        return float(digits.replace(",", "."))
    if digits.isdigit():
        return float(digits)
    return None


def _alternation(words: Iterable[str]) -> str:
    return "|".join(
        sorted((re.escape(w).replace("\\ ", r"\s+") for w in words), key=len, reverse=True)
    )


_DIGITS = r"\d{1,3}(?:[ \u00a0\u202f.,]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?"


def _number_re(lang: str) -> re.Pattern[str]:
    units = UNITS_FR if lang == "fr" else UNITS_EN
    word = _alternation(set(units))
    words = rf"(?:{word})(?:(?:-|\s+(?:et\s+|and\s+)?|-et-)(?:{word}))*"
    scale = r"(?:\s+(?:de\s+)?(?:millions?|milliards?|billions?))?"
    qualifier = _alternation(QUALIFIERS[lang])
    approx = _alternation(APPROX_NOUNS[lang])
    return re.compile(
        rf"(?:(?P<qual>{qualifier})\s+)?"
        rf"(?:(?P<approx>{approx})\b|(?P<num>(?:{_DIGITS})|\b(?:{words})\b){scale})",
        re.I,
    )


_PATTERNS = {lang: _number_re(lang) for lang in ("fr", "en")}
_ZERO = {
    "fr": re.compile(rf"\b{ZERO_FR}\s*(?=\w)", re.I),
    "en": re.compile(rf"\b{ZERO_EN}\s+(?=\w)|\bno\s+one\b|\bnobody\b", re.I),
}


def find_quantities(text: str, lang: str) -> Iterator[Quantity]:
    """Every quantity of a text, left to right."""
    for m in _PATTERNS[lang].finditer(text):
        qualifier = (m["qual"] or "").lower()
        kind = QUALIFIERS[lang].get(re.sub(r"\s+", " ", qualifier)) if qualifier else None
        if m["approx"]:
            low, high, approx = APPROX_NOUNS[lang][re.sub(r"\s+", " ", m["approx"].lower())]
            value_low: float | None = low
            value_high: float | None = high
        else:
            value = parse_number(
                m["num"]
                if not m.group(0)[m.end("num") - m.start() :].strip()
                else m.group(0)[m.start("num") - m.start() :],
                lang,
            )
            if value is None:
                continue
            if lang == "fr" and m["num"].lower() in ("un", "une") and not kind:
                continue  # the article, not the number
            if lang == "en" and m["num"].lower() == "one" and not kind:
                continue
            value_low = value_high = value
            approx = False
        if kind == "min":
            value_high = None
        elif kind == "over":
            value_low = (
                (value_low or 0) + 1
                if value_low is not None and float(value_low).is_integer()
                else value_low
            )
            value_high = None
        elif kind == "under":
            value_high = (value_high - 1) if value_high is not None else None
            value_low = None
        elif kind == "max":
            value_low = None
        elif kind == "approx":
            approx = True
        yield Quantity(m.start(), m.end(), value_low, value_high, approx, m.group(0))


def find_zeros(text: str, lang: str) -> Iterator[tuple[int, int]]:
    """Spans of zero quantities by negation: "aucune", "pas de", "no", "no one"."""
    for m in _ZERO[lang].finditer(text):
        yield m.start(), m.end()
