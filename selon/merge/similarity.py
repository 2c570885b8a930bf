"""The criteria that say two reports (events of two articles) are one real-world event.

``compare(a, b)`` scores five criteria and returns a ``Link`` when the reports may merge, or
None when a hard rule forbids it. The hard rules ("never merge"):

- types differ beyond the compatible pairs (``selon.merge.compatible``);
- one report denies the act and the other does not (a denial is its own event);
- dates both known and disjoint (each date is an interval at its precision: a month-precision
  date covers the month; two days one day apart still meet); an undated report is held to its
  window (the month before its article, and the month after too when the act is only planned,
  threatened, requested, conditional or hypothetical: ``selon.merge.incremental.window``);
- places both known, at city precision or finer, and no two of them close (``PLACE_KM`` by the
  coarser precision). Countries are too coarse to say "far" (neighbours, cross-border acts):
  they only score, and a country both reports name keeps them comparable (one combined attack
  on several cities is told city by city);
- both roles surely name other actors (other countries, or sectors of no common family);
  the same two actors the other way round count as other actors (a counter-accusation, a
  reprisal) except for an exchange told from either side (``EXCHANGED_TYPES``); never for
  types whose actors are interchangeable;
- both reports from the same article (an article reports each act once; same-type events of
  one sentence are distinct acts in the gold corpus more often than duplicates). Two events of
  one article told in two sentences (``retold``) still never link, but may end in one cluster.

Otherwise the score is a weighted mean of the criteria (``WEIGHTS``), each in 0..1, and the
reports link when the score reaches ``LINK_THRESHOLD``, the evidence agrees (cosine of the
multilingual vectors of the evidence sentences ≥ the evidence floor) *and* the
actors, the date or the place agree better than an unknown would (``corroborated``). Type,
actors, date and place make a merge plausible; the evidence says the reports tell of the same
kind of act; who, when or where says it is the same act (two "X urged Pyongyang to stop" of one
day, with one actor unknown on each side, are not one act). The floor (``evidence_floor``) is
``ANCHORED_FLOOR`` when both reports date the act to a common day (not merely the next one:
nightly strikes on one city are look-alikes), neither actors nor places conflict, and the doer
or a place finer than a country agrees too, since the encoder scores paraphrases across
languages low and two such reports of one type are rarely two acts; ``CONFLICT_FLOOR`` when
they name two different doers (only a contested attribution told alike merges), when one of
two acts in words names its speaker and the other does not (a missing speaker is unknown, not
the same one), or when one report is undated and the other's date is more than
``RECENT_DAYS`` from the undated report's article (news dates an older act, so an undated
report most likely tells of recent days); else ``EVIDENCE_FLOOR``.
Actors otherwise only score: reports disagree on who did it, and one report's "Moscow" is
another's "Russian forces".

The encoder scores a French and an English telling of one act low; a proper name or a figure
that both evidence sentences write ("Rubaya", "dix-huit" / "18": ``selon.merge.names``) makes
up for it: for two reports whose dates share a day, one of them a week or finer, and that are
not held to ``CONFLICT_FLOOR``, the evidence counts as ``NAMED_EVIDENCE`` at least (``named``;
the criterion ``names`` records how many are shared). A wire dateline ("SEOUL, May 30 -") is
not a place of the act (``dateline``).

The function is symmetric (the pair is put in id order first), so the decision never depends
on which report came first.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field
from typing import Any, NamedTuple

import numpy as np

from selon.geo import km
from selon.merge import names
from selon.merge.compatible import EXCHANGED_TYPES, SPOKEN_TYPES, SYMMETRIC_TYPES, type_score

#: Distance (km) under which two places can be the same place, by the coarser precision.
PLACE_KM = {"point": 25.0, "city": 50.0, "admin2": 100.0, "admin1": 300.0}
WEIGHTS = {"type": 1.0, "actors": 1.0, "date": 1.0, "place": 1.0, "evidence": 3.0}
LINK_THRESHOLD = 0.6
EVIDENCE_FLOOR = 0.5
ANCHORED_FLOOR = 0.35
CONFLICT_FLOOR = 0.65
#: The evidence score of two dated reports whose evidence sentences share a proper name or a
#: figure (``selon.merge.names``), when the cosine is lower: "Rubaya" or "18 missiles" in both
#: a French and an English sentence says more than the encoder's cross-lingual cosine.
NAMED_EVIDENCE = 0.6
#: ... when one of the two dates at least is this many days or fewer (a day, a week): two
#: reports dated to a month only are recaps, and a name shared by two recaps of one month
#: ("strikes on Kharkiv in May") tells of many acts.
NAMED_DAYS = 7
#: Characters from the start of an article inside which a place written in capitals is the
#: wire dateline ("SEOUL, May 30 (...) -"): where the story was filed, not where the act was.
DATELINE_CHARS = 40
#: Place score of two reports placed in one country, no finer.
SHARED_COUNTRY = 0.6
#: An undated report's window starts this many days before its article's day.
UNDATED_DAYS = 30
#: Days around its article's day that an undated report most likely tells of: news gives the
#: date of an older act ("le 7 mars"), so a dated act further away needs near-identical
#: evidence to be the undated report's act.
RECENT_DAYS = 7
#: The criteria of which one at least must agree for a link (``corroborated``).
CORROBORATING = ("actors", "date", "place")
#: Score of a criterion that cannot be checked because one side is unknown.
UNKNOWN = 0.5
#: Sectors that different reports use for one actor, so that two sectors of one family in one
#: country half conflict: "Moscow", "the Kremlin" and "Russian forces" are one state;
#: "protesters", "the unions" and "students" one crowd. Any other two sectors conflict (an army
#: is not the rebels it fights), as do two of one family whose countries are not both known.
SECTOR_FAMILIES = (
    frozenset({"GOV", "MIL", "COP", "LEG", "JUD"}),
    frozenset({"CVL", "LAB", "EDU", "OPP", "REL"}),
)
_PRECISION_RANK = {"point": 0, "city": 1, "admin2": 2, "admin1": 3, "country": 4}

Actor = tuple[str | None, str | None]  # (country or IGO code, sector)


class Place(NamedTuple):
    lat: float | None
    lon: float | None
    country: str | None
    precision: str
    name: str = ""


def dateline(place: dict[str, Any]) -> bool:
    """Whether a place is a wire dateline ("SEOUL, May 30 -"): a city written in capitals at
    the very start of the article. It says where the report was filed, so it neither scores nor
    parts two reports."""
    name, start = place.get("name") or "", place.get("start")
    return (
        len(name) >= 4
        and name.isupper()
        and start is not None
        and start < DATELINE_CHARS
        and place.get("precision") != "country"
    )


def _actor(a: dict[str, Any] | None) -> Actor | None:
    """(country, sector); an IGO is known by its code ("EU", "UN") in the country's place."""
    if not a:
        return None
    country, sector = a.get("country"), a.get("sector")
    if country is None and sector == "IGO" and a.get("code") not in (None, "IGO"):
        country = a["code"]
    if country is None and sector is None:
        return None
    return (country, sector)


@dataclass
class Report:
    """What merging needs of one stored event."""

    id: str
    article_id: str
    type: str
    source: Actor | None
    target: Actor | None
    date: tuple[str, str, str] | None  # (start, end, precision)
    places: list[Place] = field(default_factory=list)
    vector: np.ndarray | None = None
    modality: str = "asserted"
    #: the days an undated report may be about (``selon.merge.incremental.window``)
    window: tuple[str, str] | None = None
    #: the evidence sentence
    text: str = ""
    _tokens: frozenset[str] | None = field(default=None, init=False, repr=False, compare=False)

    @property
    def tokens(self) -> frozenset[str]:
        """The names and figures of the evidence sentence (``selon.merge.names``)."""
        if self._tokens is None:
            self._tokens = names.tokens(self.text)
        return self._tokens

    @classmethod
    def from_record(
        cls,
        event: dict[str, Any],
        article_id: str,
        vector: np.ndarray | None,
        window: tuple[str, str] | None = None,
    ) -> Report:
        date = event.get("date")
        return cls(
            id=event["id"],
            article_id=article_id,
            type=event["type"],
            source=_actor(event.get("source")),
            target=_actor(event.get("target")),
            date=(date["start"], date["end"], date["precision"]) if date else None,
            places=[
                Place(
                    p.get("lat"),
                    p.get("lon"),
                    p.get("country"),
                    p.get("precision") or "city",
                    p.get("name") or "",
                )
                for p in event.get("places", [])
                if not dateline(p)
            ],
            vector=vector,
            modality=event.get("modality") or "asserted",
            window=window,
            text=(event.get("evidence") or {}).get("text") or "",
        )


@dataclass
class Link:
    """Why two reports are one event: each criterion's score, the total and the threshold."""

    a: str
    b: str
    score: float
    criteria: dict[str, float]
    threshold: float = LINK_THRESHOLD
    evidence_floor: float = EVIDENCE_FLOOR

    def as_reason(self) -> dict[str, Any]:
        return {
            "events": [self.a, self.b],
            "score": round(self.score, 4),
            "threshold": self.threshold,
            "evidence_floor": self.evidence_floor,
            "criteria": {k: round(v, 4) for k, v in self.criteria.items()},
        }


def _role(x: Actor | None, y: Actor | None) -> float:
    """1 same actor, 0.75 same as far as both say, 0.5 unknown, 0.25 two sectors of one family
    (``SECTOR_FAMILIES``), 0 another actor."""
    if x is None or y is None:
        return UNKNOWN
    (cx, sx), (cy, sy) = x, y
    if cx and cy and cx != cy:
        return 0.0
    if sx and sy and sx != sy:
        kindred = cx and cy and any({sx, sy} <= family for family in SECTOR_FAMILIES)
        return 0.25 if kindred else 0.0
    if not (cx and cy) and not (sx and sy):
        return UNKNOWN
    return 1.0 if (cx and cy) and (sx and sy) else 0.75


def _differ(x: Actor | None, y: Actor | None) -> bool:
    """Whether two actors are surely two: other countries, or sectors of no common family."""
    if x is None or y is None:
        return False
    (cx, sx), (cy, sy) = x, y
    if cx and cy and cx != cy:
        return True
    kindred = any({sx, sy} <= family for family in SECTOR_FAMILIES)
    return bool(sx and sy and sx != sy and not kindred)


def _counterparts(a: Report, b: Report) -> tuple[Actor | None, Actor | None]:
    """b's actors facing a's source and target: a symmetric act is read either way round."""
    if a.type in SYMMETRIC_TYPES and b.type in SYMMETRIC_TYPES:
        direct = _role(a.source, b.source) + _role(a.target, b.target)
        if _role(a.source, b.target) + _role(a.target, b.source) > direct:
            return b.target, b.source
    return b.source, b.target


def _roles(a: Report, b: Report) -> tuple[float, float]:
    """The (source, target) scores."""
    source, target = _counterparts(a, b)
    return _role(a.source, source), _role(a.target, target)


def actor_score(a: Report, b: Report) -> float:
    return sum(_roles(a, b)) / 2


def other_actors(a: Report, b: Report) -> bool:
    """Whether both roles surely name other actors. The same two actors the other way round
    are other actors too (B accusing A answers A accusing B), except for an exchange
    (``EXCHANGED_TYPES``: prisoners freed by each side, told from either side)."""
    if a.type in SYMMETRIC_TYPES or b.type in SYMMETRIC_TYPES:
        return False
    direct = _differ(a.source, b.source) and _differ(a.target, b.target)
    if not direct or not (a.type in EXCHANGED_TYPES and b.type in EXCHANGED_TYPES):
        return direct
    return min(_role(a.source, b.target), _role(a.target, b.source)) < 0.75


def widened(date: tuple[str, str, str]) -> tuple[str, str]:
    """The interval a date may mean: a reported day is give or take one (time zones, nights
    that span two days, "yesterday" counted from another edition)."""
    if date[2] != "day":
        return date[0], date[1]
    # stretched by one day on one side only, so two stretched days meet when one day apart
    return date[0], (dt.date.fromisoformat(date[1]) + dt.timedelta(days=1)).isoformat()


def _span(report: Report) -> tuple[str, str] | None:
    return widened(report.date) if report.date is not None else report.window


def _days(span: tuple[str, str]) -> int:
    return (dt.date.fromisoformat(span[1]) - dt.date.fromisoformat(span[0])).days + 1


def date_score(a: Report, b: Report) -> float | None:
    """None for disjoint dates (an undated report's window counts as its date); UNKNOWN for
    one undated report; for two, UNKNOWN times the share of the shorter window that the other
    covers (two undated reports from articles three weeks apart are less likely one act than
    two of one day); else how precise and close the two dates are."""
    first, second = _span(a), _span(b)
    if first is None or second is None:
        return UNKNOWN
    if first[1] < second[0] or second[1] < first[0]:
        return None
    if a.date is None and b.date is None:
        common = (max(first[0], second[0]), min(first[1], second[1]))
        return UNKNOWN * _days(common) / min(_days(first), _days(second))
    if a.date is None or b.date is None:
        return UNKNOWN
    if a.date[2] == "day" and b.date[2] == "day":
        return 1.0 if a.date[0] <= b.date[1] and b.date[0] <= a.date[1] else 0.75
    days = max(_days((d[0], d[1])) for d in (a.date, b.date))
    return max(UNKNOWN, 1.0 - math.log10(days) / 3)  # a week 0.72, a month 0.5


def _coarser(p1: str, p2: str) -> str:
    return p1 if _PRECISION_RANK.get(p1, 1) >= _PRECISION_RANK.get(p2, 1) else p2


def _near(p: Place, q: Place) -> float | None:
    """How close two located places are (1 same spot, 0.5 at the limit), None beyond it."""
    limit = PLACE_KM.get(_coarser(p.precision, q.precision), 50.0)
    d = km(p.lat, p.lon, q.lat, q.lon)  # type: ignore[arg-type]
    return 1.0 - 0.5 * d / limit if d <= limit else None


def _located(place: Place) -> bool:
    """Has coordinates finer than a country's."""
    return place.lat is not None and place.lon is not None and place.precision != "country"


def place_score(a: Report, b: Report) -> float | None:
    """The closest pair of places (a country shared 0.6, another country 0), or None when both
    reports name cities (or finer) and no two places are close."""
    if not a.places or not b.places:
        return UNKNOWN
    best = 0.0
    for p in a.places:
        for q in b.places:
            if _located(p) and _located(q):
                value = _near(p, q) or 0.0
            elif p.country and q.country:
                value = SHARED_COUNTRY if p.country == q.country else 0.0
            else:
                value = UNKNOWN
            best = max(best, value)
    if best == 0.0 and any(map(_located, a.places)) and any(map(_located, b.places)):
        return None
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
    return _scores(a, b)


def _scores(a: Report, b: Report) -> dict[str, float] | None:
    """``criteria`` whatever the articles."""
    if (a.modality == "denied") != (b.modality == "denied"):
        return None
    if other_actors(a, b):
        return None
    found: dict[str, float] = {}
    for name, func in (
        ("type", lambda: type_score(a.type, b.type)),
        ("date", lambda: date_score(a, b)),
        ("place", lambda: place_score(a, b)),
        ("actors", lambda: actor_score(a, b)),
    ):
        value = func()
        if value is None:
            return None
        found[name] = value
    found["evidence"] = evidence_score(a, b)
    return found


def retold(a: Report, b: Report) -> bool:
    """Whether two events of one article may be one act told twice, in two sentences (a lead
    and its details: "fired a salvo on Thursday" ... "the missiles were launched at 6:14"): of
    one type and modality, both dated, and no other hard rule parts them. They never link (an
    article reports each act once, and same-type events of one sentence are distinct acts), but
    clustering lets them share a cluster that other articles' reports join them in, rather than
    let the second telling keep the first out of its own event (``selon.merge.clusters``)."""
    return (
        a.article_id == b.article_id
        and a.type == b.type
        and a.modality == b.modality
        and a.date is not None
        and b.date is not None
        and bool(a.text.strip())
        and bool(b.text.strip())
        and a.text.strip() != b.text.strip()
        and _scores(a, b) is not None
    )


def unsaid(a: Report, b: Report) -> bool:
    """Whether one report of an act in words (``SPOKEN_TYPES``) names who spoke and the other
    does not: the missing speaker is unknown, not the same one (the day Seoul urges Pyongyang
    to stop, Washington may urge it too)."""
    if a.type not in SPOKEN_TYPES or b.type not in SPOKEN_TYPES:
        return False
    return (a.source is None) != (b.source is None)


def _article_day(report: Report) -> dt.date | None:
    """The article's day of an undated report (its window starts ``UNDATED_DAYS`` before)."""
    if report.date is not None or report.window is None:
        return None
    return dt.date.fromisoformat(report.window[0]) + dt.timedelta(days=UNDATED_DAYS)


def remote(a: Report, b: Report) -> bool:
    """Whether one report is undated and the other's date is more than ``RECENT_DAYS`` from
    the undated report's article: inside its window, yet not what it most likely tells of (an
    undated "the blockade goes on" two weeks after a dated blockade)."""
    for undated, dated in ((a, b), (b, a)):
        day = _article_day(undated)
        if day is None or dated.date is None:
            continue
        start, end = (dt.date.fromisoformat(x) for x in widened(dated.date))
        recent = dt.timedelta(days=RECENT_DAYS)
        if end < day - recent or start > day + recent:
            return True
    return False


def evidence_floor(a: Report, b: Report, found: dict[str, float]) -> float:
    """The cosine the evidence needs: ``CONFLICT_FLOOR`` when the reports name two different
    doers (an attribution both tell alike may be contested; otherwise two acts), when one of
    two acts in words names no speaker (``unsaid``) or when an undated report's article is
    far from the other's date (``remote``), else ``ANCHORED_FLOOR`` for two reports of a
    common day whose actors and places do not conflict and that name the doer alike or a place
    finer than a country (on a day of nationwide protests, arrests by unnamed police
    "somewhere in France" are many acts), else ``EVIDENCE_FLOOR``."""
    if _differ(a.source, _counterparts(a, b)[0]) or unsaid(a, b) or remote(a, b):
        return CONFLICT_FLOOR
    source, target = _roles(a, b)
    anchored = (
        a.date is not None
        and b.date is not None
        and a.date[2] == b.date[2] == "day"
        and found["date"] == 1.0
        and min(source, target) >= UNKNOWN
        and found["place"] > 0.0
        and (source > UNKNOWN or found["place"] > SHARED_COUNTRY)
    )
    return ANCHORED_FLOOR if anchored else EVIDENCE_FLOOR


def corroborated(a: Report, b: Report, found: dict[str, float]) -> bool:
    """Whether who, when or where agrees (better than unknown): one role names the same actor,
    or the dates or the places agree. Similar evidence alone says that two reports tell of the
    same kind of act, not of the same act."""
    if max(found[k] for k in CORROBORATING) > UNKNOWN:
        return True
    return max(_roles(a, b)) >= 0.75


def total_score(found: dict[str, float]) -> float:
    """The weighted mean of the criteria; the evidence counts as ``NAMED_EVIDENCE`` at least
    when the evidence sentences share a name or a figure (criterion ``names``)."""
    scores = {k: v for k, v in found.items() if k in WEIGHTS}
    if found.get("names"):
        scores["evidence"] = max(scores["evidence"], NAMED_EVIDENCE)
    return sum(WEIGHTS[k] * v for k, v in scores.items()) / sum(WEIGHTS.values())


def agreeing(found: dict[str, float]) -> float:
    """The evidence score held to the floor: the cosine, or ``NAMED_EVIDENCE`` when names or
    figures are shared and that is higher."""
    if found.get("names"):
        return max(found["evidence"], NAMED_EVIDENCE)
    return found["evidence"]


def named(a: Report, b: Report, floor: float) -> int:
    """How many names and figures the evidence sentences of two dated reports share (0 when
    either is undated, or when the pair is held to ``CONFLICT_FLOOR``: two doers, a missing
    speaker or an undated report far from the date), and 0 unless the dates themselves share a
    day (the day after is another night of strikes on the same city) and one is a week or finer
    (``NAMED_DAYS``). A place both reports name is the place criterion's, not a new name. An
    undated report's window is a month: a name shared inside it ("Kyiv", "the CGT") is as
    likely another act of the same actors."""
    if a.date is None or b.date is None or floor >= CONFLICT_FLOOR:
        return 0
    if a.date[1] < b.date[0] or b.date[1] < a.date[0]:
        return 0
    if min(_days((d[0], d[1])) for d in (a.date, b.date)) > NAMED_DAYS:
        return 0
    placed = set.intersection(*(_place_tokens(r) for r in (a, b)))
    return len((a.tokens & b.tokens) - placed)


def _place_tokens(report: Report) -> set[str]:
    return {t for p in report.places for t in names.tokens(f"at {p.name}")}


def compare(a: Report, b: Report) -> Link | None:
    """The link between two reports, or None when they must not (or need not) merge."""
    if b.id < a.id:
        a, b = b, a
    found = criteria(a, b)
    if found is None:
        return None
    total = total_score(found)
    floor = evidence_floor(a, b, found)
    if found["evidence"] < floor or total < LINK_THRESHOLD:
        shared = named(a, b, floor)
        if shared:
            found["names"] = float(shared)
            total = total_score(found)
    if agreeing(found) < floor or total < LINK_THRESHOLD or not corroborated(a, b, found):
        return None
    return Link(a.id, b.id, total, found, evidence_floor=floor)
