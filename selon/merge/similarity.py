"""The criteria that say two reports (events of two articles) are one real-world event.

``compare(a, b)`` scores five criteria and returns a ``Link`` when the reports may merge, or
None when a hard rule forbids it. The hard rules ("never merge"):

- types differ beyond the compatible pairs (``selon.merge.compatible``);
- dates both known and disjoint (each date is an interval at its precision: a month-precision
  date covers the month; two days one day apart still meet);
- places both known and farther apart than the distance their precisions allow
  (``PLACE_KM``; country precision compares countries);
- both reports from the same article (an article reports each act once).

Otherwise the score is a weighted mean of the criteria (``WEIGHTS``), each in 0..1, and the
reports link when the score reaches ``LINK_THRESHOLD`` *and* the evidence sentences agree
(cosine of their multilingual embeddings ≥ ``EVIDENCE_FLOOR``): type, actors, date and place
only make a merge plausible, the evidence says it is the same act. The function is symmetric
(the pair is put in id order first), so the decision never depends on which report came first.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from selon.geo import km
from selon.merge.compatible import SYMMETRIC_TYPES, type_score

#: Distance (km) under which two places can be the same place, by the coarser precision.
PLACE_KM = {"point": 25.0, "city": 50.0, "admin2": 100.0, "admin1": 300.0}
WEIGHTS = {"type": 1.0, "actors": 1.0, "date": 1.0, "place": 1.0, "evidence": 3.0}
LINK_THRESHOLD = 0.6
EVIDENCE_FLOOR = 0.5
#: Score of a criterion that cannot be checked because one side is unknown.
UNKNOWN = 0.5
_PRECISION_RANK = {"point": 0, "city": 1, "admin2": 2, "admin1": 3, "country": 4}


@dataclass
class Report:
    """What merging needs of one stored event."""

    id: str
    article_id: str
    type: str
    source: tuple[str | None, str | None] | None  # (country, sector)
    target: tuple[str | None, str | None] | None
    date: tuple[str, str, str] | None  # (start, end, precision)
    places: list[tuple[float | None, float | None, str | None, str]] = field(default_factory=list)
    vector: np.ndarray | None = None

    @classmethod
    def from_record(
        cls, event: dict[str, Any], article_id: str, vector: np.ndarray | None
    ) -> Report:
        def actor(a: dict[str, Any] | None) -> tuple[str | None, str | None] | None:
            if not a or (a.get("country") is None and a.get("sector") is None):
                return None
            return (a.get("country"), a.get("sector"))

        date = event.get("date")
        return cls(
            id=event["id"],
            article_id=article_id,
            type=event["type"],
            source=actor(event.get("source")),
            target=actor(event.get("target")),
            date=(date["start"], date["end"], date["precision"]) if date else None,
            places=[
                (p.get("lat"), p.get("lon"), p.get("country"), p.get("precision") or "city")
                for p in event.get("places", [])
            ],
            vector=vector,
        )


@dataclass
class Link:
    """Why two reports are one event: each criterion's score, the total and the threshold."""

    a: str
    b: str
    score: float
    criteria: dict[str, float]
    threshold: float = LINK_THRESHOLD

    def as_reason(self) -> dict[str, Any]:
        return {
            "events": [self.a, self.b],
            "score": round(self.score, 4),
            "threshold": self.threshold,
            "evidence_floor": EVIDENCE_FLOOR,
            "criteria": {k: round(v, 4) for k, v in self.criteria.items()},
        }


def _role(
    x: tuple[str | None, str | None] | None, y: tuple[str | None, str | None] | None
) -> float | None:
    if x is None or y is None:
        return UNKNOWN
    (cx, sx), (cy, sy) = x, y
    if cx and cy and cx != cy:
        return 0.0
    if not (cx and cy) and not (sx and sy):
        return UNKNOWN
    if sx and sy and sx != sy:
        return 0.0
    return 1.0 if (cx and cy) and (sx and sy) else 0.75


def actor_score(a: Report, b: Report) -> float | None:
    def pair(s: Report, t: Report) -> float | None:
        src, tgt = _role(s.source, t.source), _role(s.target, t.target)
        return None if src is None or tgt is None else (src + tgt) / 2

    direct = pair(a, b)
    if a.type in SYMMETRIC_TYPES and b.type in SYMMETRIC_TYPES:
        swapped = _role(a.source, b.target), _role(a.target, b.source)
        if None not in swapped:
            value = (swapped[0] + swapped[1]) / 2  # type: ignore[operator]
            direct = value if direct is None else max(direct, value)
    return direct


def widened(date: tuple[str, str, str]) -> tuple[str, str]:
    """The interval a date may mean: a reported day is give or take one (time zones, nights
    that span two days, "yesterday" counted from another edition)."""
    if date[2] != "day":
        return date[0], date[1]
    # stretched by one day on one side only, so two stretched days meet when one day apart
    return date[0], (dt.date.fromisoformat(date[1]) + dt.timedelta(days=1)).isoformat()


def date_score(a: Report, b: Report) -> float | None:
    if a.date is None or b.date is None:
        return UNKNOWN
    (s1, e1), (s2, e2) = widened(a.date), widened(b.date)
    if e1 < s2 or e2 < s1:
        return None
    if a.date[2] == "day" and b.date[2] == "day":
        return 1.0 if a.date[0] <= b.date[1] and b.date[0] <= a.date[1] else 0.75
    days = max(
        (dt.date.fromisoformat(d[1]) - dt.date.fromisoformat(d[0])).days + 1
        for d in (a.date, b.date)
    )
    return max(UNKNOWN, 1.0 - math.log10(days) / 3)  # a week 0.72, a month 0.5


def place_score(a: Report, b: Report) -> float | None:
    if not a.places or not b.places:
        return UNKNOWN
    best: float | None = None
    for lat1, lon1, c1, p1 in a.places:
        for lat2, lon2, c2, p2 in b.places:
            coarse = p1 if _PRECISION_RANK.get(p1, 1) >= _PRECISION_RANK.get(p2, 1) else p2
            if coarse == "country" or None in (lat1, lon1, lat2, lon2):
                if c1 and c2:
                    value = 0.6 if c1 == c2 else None
                else:
                    value = UNKNOWN
            else:
                limit = PLACE_KM.get(coarse, 50.0)
                d = km(lat1, lon1, lat2, lon2)  # type: ignore[arg-type]
                value = 1.0 - 0.5 * d / limit if d <= limit else None
            if value is not None and (best is None or value > best):
                best = value
    return best


def evidence_score(a: Report, b: Report) -> float:
    if a.vector is None or b.vector is None:
        return 0.0
    return float(np.dot(a.vector.astype(np.float32), b.vector.astype(np.float32)))


def criteria(a: Report, b: Report) -> dict[str, float] | None:
    """Every criterion's score, or None when a hard rule says never merge."""
    if b.id < a.id:
        a, b = b, a
    if a.article_id == b.article_id:
        return None
    criteria: dict[str, float] = {}
    for name, func in (
        ("type", lambda: type_score(a.type, b.type)),
        ("date", lambda: date_score(a, b)),
        ("place", lambda: place_score(a, b)),
        ("actors", lambda: actor_score(a, b)),
    ):
        value = func()
        if value is None:
            return None
        criteria[name] = value
    criteria["evidence"] = evidence_score(a, b)
    return criteria


def compare(a: Report, b: Report) -> Link | None:
    """The link between two reports, or None when they must not (or need not) merge."""
    if b.id < a.id:
        a, b = b, a
    found = criteria(a, b)
    if found is None:
        return None
    total = sum(WEIGHTS[k] * v for k, v in found.items()) / sum(WEIGHTS.values())
    if found["evidence"] < EVIDENCE_FLOOR or total < LINK_THRESHOLD:
        return None
    return Link(a.id, b.id, total, found)
