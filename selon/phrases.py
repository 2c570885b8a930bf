"""Phrase lookup over article text that survives accents, case, apostrophes and hyphens.

``fold`` maps every character to one lower-case base character, so folded text has the same
length as the original and a match's offsets are the original's offsets. A ``PhraseTable``
holds phrases as tuples of folded words and finds the longest ones in a text, left to right.
Actors (countries, demonyms, seats of power, titles) and places (the gazetteer) both use it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Generic, TypeVar

T = TypeVar("T")

_SPECIAL = {
    "’": "'",
    "ʼ": "'",
    "‘": "'",
    "`": "'",
    "´": "'",
    "‐": "-",
    "‑": "-",
    "–": "-",
    "—": "-",
    "\u00a0": " ",
    "\u202f": " ",
    "\u2009": " ",
    "ß": "s",
    "æ": "a",
    "œ": "o",
    "ø": "o",
    "ł": "l",
    "đ": "d",
    "ı": "i",
}
WORD_RE = re.compile(r"\w+", re.UNICODE)
#: What may stand between two words of one phrase ("N'Djamena", "U.S.", "St. Petersburg").
JOIN_RE = re.compile(r"[ '\-.]{0,3}")


@lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    if ch in _SPECIAL:
        return _SPECIAL[ch]
    base = unicodedata.normalize("NFD", ch)[0].lower()
    base = _SPECIAL.get(base, base)
    return base if len(base) == 1 else ch


class _FoldTable(dict[int, str]):
    """``str.translate``'s table for ``fold``, filled on first sight of each character."""

    def __missing__(self, code: int) -> str:
        folded = self[code] = _fold_char(chr(code))
        return folded


_FOLD_TABLE = _FoldTable()


def fold(text: str) -> str:
    """Lower-case, accent-free text of the same length: ``fold("Élysée") == "elysee"``."""
    return text.translate(_FOLD_TABLE)


def words(text: str) -> tuple[str, ...]:
    """The folded words of a phrase: ``("n", "djamena")`` for ``N'Djamena``."""
    return tuple(WORD_RE.findall(fold(text)))


@lru_cache(maxsize=16)
def _folded(text: str) -> str:
    """``fold`` of a text that several tables search in turn (an article's text)."""
    return fold(text)


@lru_cache(maxsize=16)
def _word_spans(folded: str) -> tuple[tuple[tuple[int, int, str], ...], tuple[str, ...]]:
    """The words of a folded text, with their spans."""
    spans = tuple((m.start(), m.end(), m.group()) for m in WORD_RE.finditer(folded))
    return spans, tuple(s[2] for s in spans)


@dataclass(frozen=True)
class Match(Generic[T]):
    start: int
    end: int
    values: tuple[T, ...]


class PhraseTable(Generic[T]):
    """Phrases (as folded word tuples) mapped to values; finds the longest match at each word."""

    def __init__(self) -> None:
        self._table: dict[tuple[str, ...], list[T]] = {}
        # Every key's first words, so that a match is extended only while a key may follow.
        self._prefixes: set[tuple[str, ...]] = set()
        self._firsts: set[str] = set()  # every key's first word
        self.max_words = 1

    def __len__(self) -> int:
        return len(self._table)

    def __contains__(self, phrase: str) -> bool:
        return words(phrase) in self._table

    def add(self, phrase: str, value: T) -> None:
        key = words(phrase)
        if not key:
            return
        bucket = self._table.setdefault(key, [])
        if value not in bucket:
            bucket.append(value)
        self._prefixes.update(key[:n] for n in range(1, len(key) + 1))
        self._firsts.add(key[0])
        self.max_words = max(self.max_words, len(key))

    def get(self, phrase: str) -> tuple[T, ...]:
        return tuple(self._table.get(words(phrase), ()))

    def find(
        self, text: str, *, capitalised: bool = False, folded: str | None = None
    ) -> Iterator[Match[T]]:
        """Longest non-overlapping matches, left to right, on word boundaries.

        With ``capitalised``, a match must start with an upper-case letter or a digit in the
        original text (place names; "les paris" is not Paris).
        """
        folded = _folded(text) if folded is None else folded
        spans, tokens = _word_spans(folded)
        firsts = self._firsts

        def joined(k: int) -> bool:
            """Whether word k and word k + 1 may belong to one phrase."""
            between = folded[spans[k][1] : spans[k + 1][0]]
            # a full stop then a space ends a sentence, except after an abbreviation ("St. ")
            return JOIN_RE.fullmatch(between) is not None and not (
                ". " in between and len(tokens[k]) > 3
            )

        i = 0
        while i < len(spans):
            start = spans[i][0]
            if capitalised and not (text[start].isupper() or text[start].isdigit()):
                i += 1
                continue
            if tokens[i] not in firsts:
                i += 1  # no key starts with this word
                continue
            # Walk forward while the words so far begin some key; keep the longest key met.
            found = None
            n = 1
            while i + n <= len(spans):
                key = tuple(tokens[i : i + n])
                if key not in self._prefixes:
                    break
                values = self._table.get(key)
                if values:
                    found = (n, values)
                if n >= self.max_words or i + n >= len(spans) or not joined(i + n - 1):
                    break
                n += 1
            if found is None:
                i += 1
                continue
            n, values = found
            yield Match(start, spans[i + n - 1][1], tuple(values))
            i += n
