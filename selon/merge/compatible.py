"""PLOVER types that two reports of the same act may carry.

Two reports merge only when their types are equal or form one of the pairs below; every other
pair of types is a hard "never merge". The table is deliberately short: each pair is a real act
that the coding guidelines let an extractor read either way.
"""

from __future__ import annotations

#: (type, type, why). Order inside a pair does not matter.
COMPATIBLE_TYPES: tuple[tuple[str, str, str], ...] = (
    ("ASSAULT", "COERCE", "a raid, a violent arrest or a crackdown is coded either way"),
    ("SANCTION", "COERCE", "an expulsion, a seizure or a ban is coded either way"),
    ("RETREAT", "CONCEDE", "a withdrawal yielded under pressure is coded either way"),
)

#: Types whose two actors are interchangeable (A meets B is B meets A).
SYMMETRIC_TYPES = frozenset({"CONSULT", "AGREE", "COOPERATE"})
#: Types whose act two sides may do to each other at once, so that one report's "A frees B's
#: prisoners" and another's "B frees A's prisoners" tell of one exchange. For every other type
#: the same two actors the other way round are another act: a counter-accusation, a reprisal.
EXCHANGED_TYPES = frozenset({"CONCEDE"})
#: Acts done in words: who speaks is what tells one from another. The day after a missile
#: test, several capitals urge Pyongyang to stop, each its own request.
SPOKEN_TYPES = frozenset({"REQUEST", "ACCUSE", "REJECT", "THREATEN", "SUPPORT"})

_PAIRS = {frozenset((a, b)) for a, b, _ in COMPATIBLE_TYPES}


def type_score(a: str, b: str) -> float | None:
    """1.0 for the same type, 0.5 for a compatible pair, None when they can never merge."""
    if a == b:
        return 1.0
    if frozenset((a, b)) in _PAIRS:
        return 0.5
    return None


def compatible_types(kind: str) -> list[str]:
    """The type itself and every type it may merge with, sorted."""
    found = {kind}
    for a, b, _ in COMPATIBLE_TYPES:
        if kind in (a, b):
            found |= {a, b}
    return sorted(found)
