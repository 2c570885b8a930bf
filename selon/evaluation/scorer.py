"""Per-facet scores of predicted records against gold annotations.

Facets (each a precision / recall / F1 over additive counts, in the spirit of spaCy's PRFScore):
- events: an event matches a gold event of the same article with the same type, source code
  and target code (a gold code may list acceptable alternatives; null must be null);
- dates, places, modality: over events paired by trigger (same type, overlapping trigger, else
  trigger in the same sentence): a date is right within the gold interval (one day of slack at
  day precision); a place within 50 km of a gold place (or the same country at country
  precision); modality is scored as accuracy, reported as P = R = F1;
- quotes: a quote matches when its span overlaps a gold quote; quote speaker: accuracy of the
  speaker on matched quotes;
- claims: a claim matches when its span overlaps a gold claim and value and source are right;
  claim value and claim source: over gold claims whose span a claim overlaps, the accuracy of
  its value and of its source (each reported as P = R = F1, like modality).
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field
from typing import Any

from selon.evaluation.corpus import find_trigger, parse_day
from selon.geo import km
from selon.phrases import words
from selon.records import ArticleRecord, Claim, Event


@dataclass
class PRF:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: PRF) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float]:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


FACETS = (
    "events",
    "dates",
    "places",
    "modality",
    "quotes",
    "quote_speaker",
    "claims",
    "claim_value",
    "claim_source",
    "merge",
)


@dataclass
class Scores:
    facets: dict[str, PRF] = field(default_factory=lambda: {f: PRF() for f in FACETS})
    undated_with_date: int = 0  # predicted dates on events whose gold date is null
    articles: int = 0
    merge_b3_f1: float = 0.0  # the merge facet's B³ F1 (set over the whole split)
    look_alike_merges: int = 0  # merged pairs of look-alike gold events

    def add(self, other: Scores) -> None:
        for name, prf in other.facets.items():
            self.facets[name].add(prf)
        self.undated_with_date += other.undated_with_date
        self.articles += other.articles

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {name: prf.as_dict() for name, prf in self.facets.items()}
        out["undated_events_given_a_date"] = self.undated_with_date
        out["merge_b3_f1"] = round(self.merge_b3_f1, 4)
        out["look_alike_merges"] = self.look_alike_merges
        return out


def code_matches(gold: Any, predicted: str | None) -> bool:
    if gold is None or gold == []:
        return predicted is None
    options = gold if isinstance(gold, list) else [gold]
    return predicted in options


def name_matches(gold: str | None, predicted: str | None) -> bool:
    """Loose name equality: same folded words, or one's last word among the other's words."""
    if not gold or not predicted:
        return gold is None and predicted is None
    g, p = words(gold), words(predicted)
    if not g or not p:
        return False
    return g == p or g[-1] in p or p[-1] in g


def _code(actor: Any) -> str | None:
    return actor.code if actor is not None else None


def _place_ok(gold_places: list[dict[str, Any]], event: Event) -> bool:
    for gold in gold_places:
        for place in event.places:
            if gold.get("precision") == "country" or place.precision == "country":
                if gold.get("country") and gold.get("country") == place.country:
                    return True
            elif (
                place.lat is not None
                and place.lon is not None
                and km(gold["lat"], gold["lon"], place.lat, place.lon) <= 50
            ):
                return True
    return False


def _date_ok(gold: dict[str, Any], event: Event) -> bool:
    if event.date is None:
        return False
    slack = dt.timedelta(days=1 if gold.get("precision") == "day" else 0)
    first, last = parse_day(gold["start"]) - slack, parse_day(gold["end"]) + slack
    return first <= parse_day(event.date.start) and parse_day(event.date.end) <= last


def _pair_events(
    text: str, gold_events: list[dict[str, Any]], events: list[Event]
) -> list[tuple[dict[str, Any], Event]]:
    pairs: list[tuple[dict[str, Any], Event]] = []
    used: set[int] = set()
    for strict in (True, False):
        for gold in gold_events:
            if any(gold is g for g, _ in pairs):
                continue
            start = find_trigger(text, gold["trigger"], gold.get("trigger_occurrence", 1))
            end = start + len(gold["trigger"])
            for i, event in enumerate(events):
                if i in used or event.type != gold["type"]:
                    continue
                if strict:
                    ok = event.trigger.start < end and start < event.trigger.end
                else:
                    ok = event.evidence.start <= start < event.evidence.end
                if ok:
                    pairs.append((gold, event))
                    used.add(i)
                    break
    return pairs


def score_article(record: ArticleRecord, gold: dict[str, Any]) -> Scores:
    scores = Scores(articles=1)
    text = record.article.text
    f = scores.facets
    gold_events = gold.get("events", [])
    # events: type + source + target
    used: set[int] = set()
    for g in gold_events:
        for i, event in enumerate(record.events):
            if i in used:
                continue
            if (
                event.type == g["type"]
                and code_matches(g.get("source"), _code(event.source))
                and code_matches(g.get("target"), _code(event.target))
            ):
                used.add(i)
                f["events"].tp += 1
                break
        else:
            f["events"].fn += 1
    f["events"].fp += len(record.events) - len(used)
    # dates, places, modality on paired events
    for g, event in _pair_events(text, gold_events, record.events):
        if g.get("date") is not None:
            if _date_ok(g["date"], event):
                f["dates"].tp += 1
            else:
                f["dates"].fn += 1
                if event.date is not None:
                    f["dates"].fp += 1
        elif event.date is not None:
            f["dates"].fp += 1
            scores.undated_with_date += 1
        if g.get("places"):
            if _place_ok(g["places"], event):
                f["places"].tp += 1
            else:
                f["places"].fn += 1
                if event.places:
                    f["places"].fp += 1
        elif event.places:
            f["places"].fp += 1
        if event.modality == g.get("modality", "asserted"):
            f["modality"].tp += 1
        else:
            f["modality"].fp += 1
            f["modality"].fn += 1
    # quotes and their speakers
    matched_quotes = set()
    for g in gold.get("quotes", []):
        start = text.find(g["text"])
        end = start + len(g["text"])
        hit = next((q for q in record.quotes if q.start < end and start < q.end), None)
        if hit is None:
            f["quotes"].fn += 1
            continue
        f["quotes"].tp += 1
        matched_quotes.add(hit.id)
        speaker = hit.speaker.name if hit.speaker is not None else None
        _accuracy(f["quote_speaker"], name_matches(g.get("speaker"), speaker))
    golds = [
        (text.find(g["text"]), text.find(g["text"]) + len(g["text"]))
        for g in gold.get("quotes", [])
    ]
    f["quotes"].fp += sum(
        1 for q in record.quotes if not any(q.start < e and s < q.end for s, e in golds)
    )
    # claims: value and source together; and each of them on the claims whose span is found
    claimed = set()
    for g in gold.get("claims", []):
        start = text.find(g["text"])
        end = start + len(g["text"])
        hits = [c for c in record.claims if c.start < end and start < c.end and c.id not in claimed]
        judged = [(c, _value_ok(c, g), _source_ok(c, g)) for c in hits]
        # The best claim on the span: both right, else the value right, else the first one.
        best = max(judged, key=lambda j: (j[1] and j[2], j[1]), default=None)
        if best is None:
            f["claims"].fn += 1
            continue
        claim, value_ok, source_ok = best
        _accuracy(f["claim_value"], value_ok)
        _accuracy(f["claim_source"], source_ok)
        if value_ok and source_ok:
            claimed.add(claim.id)
            f["claims"].tp += 1
        else:
            f["claims"].fn += 1
    f["claims"].fp += len(record.claims) - len(claimed)
    return scores


def _value_ok(claim: Claim, gold: dict[str, Any]) -> bool:
    """The same bounds, or overlapping ranges when both are approximate."""
    if claim.min == gold.get("min") and claim.max == gold.get("max"):
        return True
    return bool(
        claim.approx
        and gold.get("approx")
        and _overlap(claim.min, claim.max, gold.get("min"), gold.get("max"))
    )


def _source_ok(claim: Claim, gold: dict[str, Any]) -> bool:
    source = claim.according_to.name if claim.according_to is not None else None
    return name_matches(gold.get("according_to"), source)


def _accuracy(prf: PRF, right: bool) -> None:
    if right:
        prf.tp += 1
    else:
        prf.fp += 1
        prf.fn += 1


def _overlap(a: float | None, b: float | None, c: float | None, d: float | None) -> bool:
    lo1, hi1 = a if a is not None else -math.inf, b if b is not None else math.inf
    lo2, hi2 = c if c is not None else -math.inf, d if d is not None else math.inf
    return lo1 <= hi2 and lo2 <= hi1
