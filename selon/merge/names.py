"""Names and figures that two evidence sentences share, across languages.

The sentence encoder scores two paraphrases in French and English low, yet reports of one act
often write the same proper name ("Rubaya", "Belhaj", "El-Obeid" / "El Obeid") or the same
figure ("dix-huit missiles" / "about 18 missiles") in both languages. ``tokens`` reads, from
one sentence:

- proper names: capitalised words of four letters or more that do not open the sentence,
  folded (no accents, lower case) and split at hyphens and apostrophes ("d'El-Obeid" gives
  "obeid"), minus ``COMMON`` (months, days, titles and other words that news capitalises in
  any story);
  and minus the words of country names, demonyms and capitals (``data/actors/countries.tsv``):
  those name the actors, which the actor criterion scores already ("Russie", "Seoul");
- figures: numbers of two digits or more, or number words (``NUMBER_WORDS``), except years
  and the day of a date ("May 30", "30 mai"), which the date criterion scores already.

Text in parentheses is dropped: a wire dateline's "(Agency Name)" names who filed the story.
"""

from __future__ import annotations

import re
from functools import lru_cache

from selon.lexicon import countries
from selon.phrases import fold
from selon.temporal import MONTHS_EN, MONTHS_FR, WEEKDAYS_EN, WEEKDAYS_FR

_CALENDAR = frozenset(fold(word) for word in (*MONTHS_FR, *MONTHS_EN, *WEEKDAYS_FR, *WEEKDAYS_EN))

#: Capitalised words that say nothing of which act a sentence tells (English and French): the
#: calendar's (months and weekdays, from ``selon.temporal``) and these.
COMMON = _CALENDAR | frozenset(
    (
        "president", "presidente", "minister", "ministre", "premier", "prime",
        "secretary", "general", "spokesman", "spokeswoman", "spokesperson", "porte-parole", "chief",
        "chef", "state", "etat", "government", "gouvernement", "army", "armee", "police", "forces",
        "force", "ministry", "ministere", "council", "conseil", "national", "nationale", "republic",
        "republique", "united", "unies", "nations", "union", "european", "europeenne", "north",
        "south", "east", "west", "nord", "sud", "est", "ouest", "with", "from", "after", "before",
        "when", "while", "their", "this", "that", "these", "those", "there", "selon", "apres",
        "avant", "dans", "pour", "avec", "leur", "cette", "elle", "ils", "elles",
    )
)  # fmt: skip
#: Number words of English and French from eleven (smaller figures are in every story) to
#: fifty; not "hundred" or "mille", which multiply ("three hundred"), nor "seize", an English
#: verb too.
NUMBER_WORDS = {
    "eleven": 11, "onze": 11, "twelve": 12, "douze": 12, "dozen": 12, "douzaine": 12,
    "thirteen": 13, "treize": 13, "fourteen": 14, "quatorze": 14, "fifteen": 15, "quinze": 15,
    "sixteen": 16, "seventeen": 17, "dix-sept": 17, "eighteen": 18, "dix-huit": 18,
    "nineteen": 19, "dix-neuf": 19, "twenty": 20, "vingt": 20, "thirty": 30, "trente": 30,
    "forty": 40, "quarante": 40, "fifty": 50, "cinquante": 50,
}  # fmt: skip
_MONTHS = "|".join(sorted({re.escape(m) for m in (*MONTHS_FR, *MONTHS_EN)}, key=len, reverse=True))
_DAY_OF_DATE = re.compile(
    rf"\b(?:(?:{_MONTHS})\.?\s+\d{{1,2}}|\d{{1,2}}(?:er)?\s+(?:{_MONTHS}))\b", re.IGNORECASE
)
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_PARENS = re.compile(r"\([^)]*\)")
_WORD = re.compile(r"[^\W\d_][\w'’-]*|\d[\d\s.,]*\d|\d")
_SENTENCE_END = re.compile(r"[.!?:;«»\"“”\-–—]\s*$")
#: Abbreviated titles whose full stop does not end a sentence ("M. Dupont", "Gen. Smith").
_TITLE = re.compile(r"\b(?:M|MM|Mme|Mmes|Mr|Mrs|Ms|Dr|Gen|Col|Lt|Sgt|St|Pr)\.\s*$")


@lru_cache(maxsize=1)
def actor_words() -> frozenset[str]:
    """The folded words of every country's names, demonyms and capitals."""
    found: set[str] = set()
    for country in countries().values():
        for name in (*country.names, *country.demonyms, *country.capitals):
            found.update(re.split(r"[\s'’-]+", fold(name)))
    return frozenset(found)


def _figure(word: str) -> int | None:
    digits = re.sub(r"[\s.,]", "", word)
    if digits.isdigit():
        value = int(digits)
        return value if value >= 10 else None
    return NUMBER_WORDS.get(fold(word))


def tokens(text: str) -> frozenset[str]:
    """The proper names ("n:rubaya") and figures ("#:18") of one sentence."""
    text = _YEAR.sub(" ", _DAY_OF_DATE.sub(" ", _PARENS.sub(" ", text)))
    found: set[str] = set()
    for match in _WORD.finditer(text):
        word = match.group()
        figure = _figure(word)
        if figure is not None:
            found.add(f"#:{figure}")
            continue
        before = text[: match.start()]
        opens = _SENTENCE_END.search(before) and not _TITLE.search(before)
        if not before.strip() or opens or fold(word) in COMMON:
            continue
        for piece in re.split(r"['’]", word):
            if not piece[:1].isupper():
                continue
            for part in fold(piece).split("-"):
                if len(part) >= 4 and part not in COMMON and part not in actor_words():
                    found.add(f"n:{part}")
    return frozenset(found)


def shared(a: str, b: str) -> frozenset[str]:
    """The names and figures that two sentences share."""
    return tokens(a) & tokens(b)
