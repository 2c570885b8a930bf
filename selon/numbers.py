"""Reading quantities in French and English: digits, number words and approximate forms.

``find_quantities(text, lang)`` yields every quantity with its span and its (min, max, approx);
``find_ranges(text, lang)`` yields the ranges two of them make ("de 30 000 à 50 000", "from
81,000 to 700,000", "between 20 and 30": the first's min, the second's max);
``find_zeros(text, lang)`` yields the spans of zeros said by negation ("aucune victime");
``parse_number(text, lang)`` reads one number written with digits or words.

Digits. Spaces (normal, no-break U+00A0, narrow no-break U+202F), dots and commas followed by
exactly three digits group thousands in both languages ("45 000", "45,000", "3.000"); otherwise
a comma or a dot is the decimal mark ("2,5", "2.5"). With a scale, a short group is a decimal:
"1,250 milliard" is 1.25e9. When both marks occur the last one is the decimal ("1.234,5").
French "billion" is 10^12, English "billion" 10^9. "1,200" in French is read 1200, as agency
copy almost always means it.

Number words: "vingt-deux", "quatre-vingt-dix-sept", "soixante et onze", "deux cents", "trois
mille", "twenty-two", "one hundred and twenty", "a hundred", "a thousand", "two dozen".

Approximate nouns and quantifiers (min, max, approx); English mirrors French so that the same
story in both languages gives the same figures:

====================================  ==========================  =====================
French                                English                     min / max, approx
====================================  ==========================  =====================
une dizaine, une douzaine, ...        a dozen                     10/10, 12/12 ... True
une centaine / un millier             --                          100/100, 1000/1000 True
quelques                              a few                       2/9 True
--                                    a handful                   2/5 True
--                                    a couple                    2/2 True
plusieurs                             several                     2/None True
de nombreux, de nombreuses            many, numerous              10/None True
des dizaines, plusieurs dizaines      --                          20/99 True
des douzaines                         dozens, several dozen       24/99 True (two dozen+)
--                                    scores of                   40/99 True (two score+)
quelques dizaines                     --                          20/50 True
des centaines, plusieurs centaines    hundreds, several hundred   200/999 True
quelques centaines                    a few hundred               200/500 True
des milliers, plusieurs milliers      thousands, several thousand 2000/9999 True
quelques milliers                     a few thousand              2000/5000 True
des millions                          millions                    2e6/9999999 True
====================================  ==========================  =====================

"de milliers" / "of thousands" (and millions, milliards / billions) multiply a noun: a point
stays a point ("une dizaine de milliers" 10000), a range keeps its upper digits ("des dizaines
de milliers" 20000/99999, "hundreds of thousands" 200000/999999, "tens of thousands"
20000/99999).

Qualifiers before a number: "au moins 80", "at least 80" -> 80/None; "plus de 20", "more than",
"over" -> 21/None (a decimal keeps its value); "moins de 10", "fewer than", "less than" ->
None/9; "jusqu'à 30", "up to", "as many as", "at most" -> None/30; "près de 4 000", "environ",
"nearly", "almost", "about", "around", "some" -> 4000/4000 approx.

Not quantities: a bare article "un", "une", "one" ("un soldat", "l'un des"; "au moins un" and
"un million" are), digits glued to letters or after a hyphen ("G7", "1er", "2e", "A400M",
"F-16", "COVID-19", "Shahed-136"), number words starting a compound ("deux-roues",
"Trois-Rivières", "three-year-old"), times of day ("23 h", "14 h 30", "10:30", "3 p.m."),
"neuf" as "new" ("remis à neuf"), "cent" of "pour cent", "how many" / "as many". Years and
percentages are numbers: the claims component filters dates and units itself.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from selon.temporal import first_char_guard

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
#: Words after a number that multiply it ("1,5 million", "two dozen"). French "billion" is
#: 10^12 (the long scale), English 10^9.
SCALES = {
    "fr": {
        "million": 1_000_000, "millions": 1_000_000, "milliard": 1_000_000_000,
        "milliards": 1_000_000_000, "billion": 10**12, "billions": 10**12,
    },
    "en": {
        "million": 1_000_000, "millions": 1_000_000, "billion": 1_000_000_000,
        "billions": 1_000_000_000, "trillion": 10**12, "trillions": 10**12, "dozen": 12,
    },
}  # fmt: skip

#: Approximate nouns: (min, max, approx). See the table in the module docstring.
APPROX_NOUNS: dict[str, dict[str, tuple[int, int | None, bool]]] = {
    "fr": {
        "une dizaine": (10, 10, True), "une douzaine": (12, 12, True),
        "une quinzaine": (15, 15, True), "une vingtaine": (20, 20, True),
        "une trentaine": (30, 30, True), "une quarantaine": (40, 40, True),
        "une cinquantaine": (50, 50, True), "une soixantaine": (60, 60, True),
        "une centaine": (100, 100, True), "un millier": (1000, 1000, True),
        "des dizaines": (20, 99, True), "plusieurs dizaines": (20, 99, True),
        "quelques dizaines": (20, 50, True), "des douzaines": (24, 99, True),
        "des centaines": (200, 999, True), "plusieurs centaines": (200, 999, True),
        "quelques centaines": (200, 500, True), "des milliers": (2000, 9999, True),
        "plusieurs milliers": (2000, 9999, True), "quelques milliers": (2000, 5000, True),
        "des millions": (2_000_000, 9_999_999, True),
        "plusieurs millions": (2_000_000, 9_999_999, True),
        "plusieurs": (2, None, True), "quelques": (2, 9, True),
        "de nombreux": (10, None, True), "de nombreuses": (10, None, True),
    },
    "en": {
        "a dozen": (12, 12, True), "dozen": (12, 12, True), "dozens": (24, 99, True),
        "several dozen": (24, 99, True), "scores": (40, 99, True),
        "hundreds": (200, 999, True), "several hundred": (200, 999, True),
        "a few hundred": (200, 500, True), "thousands": (2000, 9999, True),
        "several thousand": (2000, 9999, True), "a few thousand": (2000, 5000, True),
        "millions": (2_000_000, 9_999_999, True),
        "tens of thousands": (20_000, 99_999, True),
        "tens of millions": (20_000_000, 99_999_999, True),
        "a handful": (2, 5, True), "several": (2, None, True), "a few": (2, 9, True),
        "many": (10, None, True), "numerous": (10, None, True), "a couple": (2, 2, True),
    },
}  # fmt: skip
#: Nouns only read before "of": "scores of protesters", not "the scores".
NEEDS_OF = {"scores"}
#: "de milliers" / "of thousands" after an approximate noun multiplies it.
MULTIPLIERS = {
    "fr": {"de milliers": 1000, "de millions": 1_000_000, "de milliards": 1_000_000_000},
    "en": {"of thousands": 1000, "of millions": 1_000_000, "of billions": 1_000_000_000},
}
#: Words before a number and what they do to it: min (N/None), over (N+1/None), under
#: (None/N-1), max (None/N), approx (N/N approx). "'" also stands for the curly apostrophe.
QUALIFIERS = {
    "fr": {
        "au moins": "min", "au minimum": "min", "pas moins de": "min", "pas moins d'": "min",
        "plus de": "over", "plus d'": "over", "près de": "approx", "près d'": "approx",
        "environ": "approx", "quelque": "approx", "autour de": "approx", "autour d'": "approx",
        "approximativement": "approx", "presque": "approx", "quasiment": "approx",
        "jusqu'à": "max", "au plus": "max", "au maximum": "max", "pas plus de": "max",
        "pas plus d'": "max", "moins de": "under", "moins d'": "under",
    },
    "en": {
        "at least": "min", "no fewer than": "min", "no less than": "min", "more than": "over",
        "over": "over", "upwards of": "over", "nearly": "approx", "almost": "approx",
        "about": "approx", "around": "approx", "roughly": "approx", "some": "approx",
        "approximately": "approx", "an estimated": "approx", "close to": "approx",
        "up to": "max", "at most": "max", "as many as": "max", "no more than": "max",
        "fewer than": "under", "less than": "under",
    },
}  # fmt: skip

# Zeros by negation. The span is the negation alone; the counted noun follows it. "nulle part"
# (nowhere), "no longer", "no more than" (a qualifier) and "No. 10" are not zeros.
ZERO_FR = (
    r"\b(?:aucune?\b|nul(?:le)?\b(?!\s+part\b)"
    # "pas de blessé", "n'a pas fait de victime", "il n'y a pas eu de mort"
    r"|pas\s+(?:eu\s+|fait\s+)?d(?:e\b|['’])|sans\s+faire\s+d(?:e\b|['’]))"
)
ZERO_EN = (
    r"\b(?:no\s+one|nobody|none)\b"
    r"|\b(?:zero|not\s+a\s+single|not\s+one|no)\b"
    r"(?!\s+(?:more|longer|fewer|less|later|sooner|matter|doubt)\b)(?![.,;:!?])"
)


@dataclass(frozen=True)
class Quantity:
    start: int
    end: int
    min: float | None
    max: float | None
    approx: bool
    text: str


def _normalise(text: str) -> str:
    """Lower case, one kind of space and of apostrophe."""
    text = text.strip().lower().replace("\u202f", " ").replace("\u00a0", " ")
    return re.sub(r"\s+", " ", text.replace("’", "'"))


def _words_value(words: list[str], lang: str) -> int | None:
    """Number words to a value: "quatre-vingt-dix-sept" -> 97, "twenty-two" -> 22."""
    units = UNITS_FR if lang == "fr" else UNITS_EN
    total = current = 0
    seen = False
    previous = ""
    for word in words:
        if word in ("et", "and"):
            continue
        if lang == "en" and word == "a" and not seen:
            word = "one"  # "a hundred", "a thousand", "a million"
        value = units.get(word)
        if value is None:
            return None
        seen = True
        if value == 100:
            current = max(current, 1) * 100
        elif value == 1000:
            total += max(current, 1) * 1000
            current = 0
        elif word in ("vingt", "vingts") and previous == "quatre":
            current += 80 - 4  # quatre-vingts: the "quatre" already added multiplies
        else:
            current += value
        previous = word
    return total + current if seen else None


def parse_number(text: str, lang: str) -> float | None:
    """A number written with digits or words, with an optional scale ("1,5 million")."""
    text = _normalise(text)
    scale = 1
    parts = text.split()
    if len(parts) > 1 and parts[-1] in SCALES[lang]:
        scale = SCALES[lang][parts[-1]]
        text = " ".join(parts[:-1])
    digits = text.replace(" ", "")
    if re.fullmatch(r"\d+(?:[.,]\d+)*", digits):
        value = _digits_value(digits, lang, scaled=scale > 1)
        return None if value is None else value * scale
    words = [w for w in re.split(r"[\s\-‑]+", text) if w]
    number = _words_value(words, lang)
    return None if number is None else float(number * scale)


def _digits_value(digits: str, lang: str, *, scaled: bool) -> float | None:
    """Digits without spaces: which mark groups thousands and which is the decimal."""
    if re.fullmatch(r"\d{1,3}(?:[.,]\d{3})+", digits) and not (scaled and len(digits) <= 5):
        # "45,000" (en), "3.000" (fr): thousands separators, not decimals. With a scale a
        # single group is a decimal: "1,250 milliard", "1.500 million".
        return float(re.sub(r"[.,]", "", digits))
    if re.fullmatch(r"\d+[.,]\d+", digits):
        return float(digits.replace(",", "."))
    if re.fullmatch(r"\d{1,3}(?:[.,]\d{3})*[.,]\d+", digits):
        # Both marks ("1.234,5", "45,000.50"): the last one is the decimal mark.
        whole, decimal = re.split(r"[.,](?=\d+$)", digits)
        return float(re.sub(r"[.,]", "", whole) + "." + decimal)
    if digits.isdigit():
        return float(digits)
    return None


def _alternation(words: Iterable[str]) -> str:
    """Longest first, any run of spaces between words, both apostrophes."""
    escaped = (
        re.escape(w).replace("\\ ", r"\s+").replace("'", "['’]").replace("\\-", "[-‑]")
        for w in words
    )
    return "|".join(sorted(escaped, key=len, reverse=True))


# Thousands grouped by a space, a no-break space, a narrow no-break space, a dot or a comma,
# with an optional decimal part; or a plain number with an optional decimal part.
_DIGITS = r"\d{1,3}(?:[ \u00a0\u202f.,]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?"
# Times of day are not counts: "23 h", "14 h 30", "23h30", "10:30", "3 p.m.", "11.30am".
_TIME = re.compile(
    r"(?<![\w.,])(?:[01]?\d|2[0-4])(?:\s?h(?:\s?[0-5]\d)?(?!\w)|:[0-5]\d"
    r"|(?:[.:][0-5]\d)?\s?[ap]\.?m\b\.?)",
    re.I,
)


def _number_re(lang: str) -> re.Pattern[str]:
    units = UNITS_FR if lang == "fr" else UNITS_EN
    word = rf"(?:{_alternation(units)})\b"
    if lang == "fr":
        # "et" joins only before un/une/onze: "vingt et un", "soixante et onze"; "entre deux
        # et trois" is two numbers.
        sep = r"[-‑]et[-‑](?=(?:une?|onze)\b)|\s+et\s+(?=(?:une?|onze)\b)|[-‑]|\s+"
        article = ""
    else:
        # "and" joins only after hundred/thousand: "one hundred and twenty"; "two and three"
        # is two numbers. "a" counts one before hundred, thousand and a scale.
        sep = r"(?<=hundred)\s+and\s+|(?<=thousand)\s+and\s+|[-‑]|\s+"
        article = r"(?:a\s+(?=(?:hundred|thousand)\b))?"
    words = rf"(?<![-‑])\b{article}{word}(?:(?:{sep}){word})*"
    scales = _alternation(SCALES[lang])
    scale = rf"(?P<scale>\s+(?:{scales})\b)?"
    lone_article = rf"\ba(?=\s+(?:{scales})\b)" if lang == "en" else r"(?!)"
    # Digits glued to a letter, a hyphen or a dot are part of a name or an ordinal: "G7",
    # "F-16", "A400M", "1er", "v1.5". Atomic, so "45 000e" does not fall back to "45".
    digits = rf"(?<![\w\-‑.,])(?>{_DIGITS})(?!\w)"
    qualifier = _alternation(QUALIFIERS[lang])
    approx = _alternation(APPROX_NOUNS[lang])
    multiplier = _alternation(MULTIPLIERS[lang])
    return re.compile(
        rf"(?:\b(?P<qual>{qualifier})(?:\s+|(?<=['’])))?"
        rf"(?:\b(?P<approx>{approx})\b(?P<mult>\s+(?:{multiplier})\b)?"
        # A number starting a compound is not a count: "deux-roues", "three-year-old".
        rf"|(?P<num>{digits}|{words}|{lone_article}){scale}(?![-‑][^\W\d_]))",
        re.I,
    )


_PATTERNS = {lang: first_char_guard(_number_re(lang)) for lang in ("fr", "en")}
_ZERO = {"fr": re.compile(ZERO_FR, re.I), "en": re.compile(ZERO_EN, re.I)}
_NUMERO = re.compile(r"(?:\bNo\.|\bn[°º]|\bN[°º])\s*$")
_ARTICLES = {"fr": {"un", "une"}, "en": {"one"}}


def _skip_word(lang: str, number: str, before: str, after: str) -> bool:
    """A lone number word that is not a count in its context."""
    if number in _ARTICLES[lang]:
        return True  # the article ("un soldat", "l'un des"), not the number
    if lang == "fr" and number == "neuf":
        # "neuf" is also "new": "remis à neuf", "flambant neuf", "un immeuble neuf."
        return bool(
            re.search(r"\b(?:à|flambant|du|de|tout)\s+$", before)
            or re.match(r"\s*(?:[.,;:!?)]|$)", after)
        )
    if lang == "fr" and number == "cent":
        return bool(re.search(r"\bpour\s+$", before))  # "dix pour cent"
    return False


def _apply(
    kind: str | None, low: float | None, high: float | None
) -> tuple[float | None, float | None]:
    """A qualifier's bounds: "plus de 20" -> (21, None), "moins de 10" -> (None, 9)."""
    if kind == "min":
        return low, None
    if kind == "over":
        if low is not None and float(low).is_integer():
            low += 1
        return low, None
    if kind == "under":
        if high is not None and float(high).is_integer():
            high -= 1
        return None, high
    if kind == "max":
        return None, high
    return low, high


def _label_before(text: str, end: int) -> bool:
    """Whether a label mark ("No.", "n°") ends ``text[:end]``, spaces aside: the mark ends
    where the trailing spaces start, so only its few characters need looking at."""
    start = end
    while start > 0 and text[start - 1].isspace():
        start -= 1
    return _NUMERO.search(text, max(0, start - 3), end) is not None


def find_quantities(text: str, lang: str) -> Iterator[Quantity]:
    """Every quantity of a text, left to right."""
    yield from _quantities(text, lang)


@functools.lru_cache(maxsize=8)
def _quantities(text: str, lang: str) -> tuple[Quantity, ...]:
    """The quantities of a text, kept for the next caller: claims asks for them, then for
    the ranges they make, of the same article."""
    return tuple(_scan_quantities(text, lang))


def _scan_quantities(text: str, lang: str) -> Iterator[Quantity]:
    times = [m.span() for m in _TIME.finditer(text)]
    for m in _PATTERNS[lang].finditer(text):
        if any(start < m.end() and m.start() < end for start, end in times):
            continue
        kind = QUALIFIERS[lang].get(_normalise(m["qual"])) if m["qual"] else None
        low: float | None
        high: float | None
        if m["approx"]:
            noun = _normalise(m["approx"])
            if noun in NEEDS_OF and not re.match(r"\s+of\b", text[m.end() :], re.I):
                continue
            if noun == "many" and re.search(r"\b(?:how|as)\s+$", text[: m.start()], re.I):
                continue  # "how many", "as many people as": a question, a comparison
            least, most, approx = APPROX_NOUNS[lang][noun]
            if m["mult"]:
                factor = MULTIPLIERS[lang][_normalise(m["mult"])]
                # A point stays a point; a range keeps its upper digits: 99 -> 99 999.
                if most is not None:
                    most = most * factor if most == least else (most + 1) * factor - 1
                least *= factor
            low, high = least, most
        else:
            number = _normalise(m["num"])
            if (
                not kind
                and not m["scale"]
                and _skip_word(lang, number, text[: m.start()], text[m.end() :])
            ):
                continue
            if _label_before(text, m.start("num")):
                continue  # "No. 10 Downing Street", "n° 5": a label, not a count
            value = parse_number(number + (m["scale"] or ""), lang)
            if value is None:
                continue
            low = high = value
            approx = False
        low, high = _apply(kind, low, high)
        approx = approx or kind == "approx"
        yield Quantity(m.start(), m.end(), low, high, approx, m.group(0))


def find_zeros(text: str, lang: str) -> Iterator[tuple[int, int]]:
    """Spans of zero quantities by negation: "aucune", "pas de", "no", "no one", "nobody"."""
    for m in _ZERO[lang].finditer(text):
        yield m.start(), m.end()


#: "de 30 000 à 50 000", "from 81,000 to 700,000", "between 20 and 30", "entre 20 et 30".
RANGE_OPENERS = {"fr": r"(?:\bde|\bd['’]|\bentre)", "en": r"(?:\bfrom|\bbetween)"}
RANGE_JOINS = {"fr": r"\s+(?:à|et)\s+|\s*[-–]\s*", "en": r"\s+(?:to|and)\s+|\s*[-–]\s*"}


def find_ranges(text: str, lang: str) -> Iterator[Quantity]:
    """Ranges of two quantities: the span runs from the first to the second, the bounds are
    the first's min and the second's max ("from 81,000 to 700,000" -> 81000/700000)."""
    found = list(find_quantities(text, lang))
    opener = re.compile(RANGE_OPENERS[lang] + r"\s*$", re.I)
    join = re.compile(RANGE_JOINS[lang], re.I)
    for first, second in itertools.pairwise(found):
        between = text[first.end : second.start]
        if not join.fullmatch(between) or not opener.search(
            text[max(0, first.start - 10) : first.start]
        ):
            continue
        low, high = first.min, second.max
        if low is None or high is None or low > high:
            continue
        yield Quantity(
            first.start,
            second.end,
            low,
            high,
            first.approx or second.approx,
            text[first.start : second.end],
        )
