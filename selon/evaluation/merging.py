"""The ``merge`` facet: are reports of one real-world event merged, and only those?

The corpus articles are ingested into a temporary store (so merging runs exactly as in
``selon ingest``); predicted events are aligned to gold events per article
(``scorer._pair_events``); every pair of aligned events of one split is then scored: a gold
positive when their gold ``cluster`` ids are equal, a predicted positive when they are in the
same predicted cluster. Also reported: B³ F1 over the aligned events, and look-alike merges
(predicted positives whose gold events have different clusters but the same type and actors).

``python -m selon.evaluation.merging [CORPUS]`` lists, for the dev split only (the test split is
never diagnosed), every gold-positive pair left apart and every wrong merge, with both reports
and the criteria of the pair (or the hard rule that parts them): most are extraction errors.
"""

from __future__ import annotations

import itertools
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from selon.evaluation.corpus import GoldArticle, load_corpus
from selon.evaluation.scorer import PRF, _pair_events
from selon.records import ArticleRecord, Event
from selon.store import Store


@dataclass
class Aligned:
    event_id: str
    article_id: str
    split: str
    gold_cluster: str
    look: tuple[str, str, str]  # type, source, target of the gold event


@dataclass
class MergeScores:
    pairs: PRF
    b3_precision: float
    b3_recall: float
    look_alike_merges: int

    @property
    def b3_f1(self) -> float:
        p, r = self.b3_precision, self.b3_recall
        return 2 * p * r / (p + r) if p + r else 0.0


def _first(code: object) -> str:
    if isinstance(code, list):
        return str(code[0]) if code else ""
    return str(code or "")


def align(items: list[GoldArticle], records: list[ArticleRecord]) -> list[Aligned]:
    out = []
    for item, record in zip(items, records, strict=True):
        for n, (gold, event) in enumerate(
            _pair_events(record.article.text, item.gold.get("events", []), record.events)
        ):
            cluster = gold.get("cluster") or f"{record.article.id}#{gold['trigger']}#{n}"
            look = (gold["type"], _first(gold.get("source")), _first(gold.get("target")))
            out.append(Aligned(event.id, record.article.id, item.split, cluster, look))
    return out


def ingest(records: list[ArticleRecord]) -> Store:
    """A temporary store holding the records, merged as ``selon ingest`` merges them."""
    store = Store(":memory:")
    for record in records:
        store.save(record, content_hash=record.article.id)
    return store


def cluster_ids(records: list[ArticleRecord]) -> dict[str, str]:
    """Ingest the records into a temporary store; the cluster id of every event."""
    with ingest(records) as store:
        return {r[0]: r[1] for r in store.db.execute("SELECT id, cluster_id FROM events")}


def pairs(
    aligned: list[Aligned], predicted: dict[str, str]
) -> Iterator[tuple[Aligned, Aligned, bool, bool]]:
    """Every pair of aligned events: (a, b, gold positive, predicted positive)."""
    for a, b in itertools.combinations(aligned, 2):
        yield a, b, a.gold_cluster == b.gold_cluster, predicted[a.event_id] == predicted[b.event_id]


def score(aligned: list[Aligned], predicted: dict[str, str]) -> MergeScores:
    prf = PRF()
    looks = 0
    for a, b, positive, same in pairs(aligned, predicted):
        if positive and same:
            prf.tp += 1
        elif same:
            prf.fp += 1
            looks += a.look == b.look
        elif positive:
            prf.fn += 1
    b3p = b3r = 0.0
    for a in aligned:
        pred = {x.event_id for x in aligned if predicted[x.event_id] == predicted[a.event_id]}
        gold = {x.event_id for x in aligned if x.gold_cluster == a.gold_cluster}
        b3p += len(pred & gold) / len(pred)
        b3r += len(pred & gold) / len(gold)
    n = len(aligned) or 1
    return MergeScores(prf, b3p / n if aligned else 0.0, b3r / n if aligned else 0.0, looks)


def score_merges(
    items: list[GoldArticle], records: list[ArticleRecord], splits: tuple[str, ...]
) -> dict[str, MergeScores]:
    aligned = align(items, records)
    predicted = cluster_ids(records)
    out = {split: score([a for a in aligned if a.split == split], predicted) for split in splits}
    out["all"] = score(aligned, predicted)
    return out


def _describe(event: Event) -> str:
    def code(actor: object) -> str:
        return str(getattr(actor, "code", None) or "?")

    date = event.date
    when = f"{date.start}/{date.end} {date.precision}" if date else "undated"
    places = ", ".join(p.name for p in event.places) or "no place"
    return (
        f"{event.id} {event.type} {event.modality} {code(event.source)}->{code(event.target)}"
        f" {when}; {places}; trigger {event.trigger.text!r}"
    )


def diagnose(items: list[GoldArticle], records: list[ArticleRecord]) -> list[str]:
    """Lines about every dev gold-positive pair left apart and every wrong merge."""
    from selon.merge import incremental
    from selon.merge.similarity import criteria

    events = {e.id: e for record in records for e in record.events}
    aligned = [a for a in align(items, records) if a.split == "dev"]
    lines = []
    with ingest(records) as store:
        predicted = dict(store.db.execute("SELECT id, cluster_id FROM events").fetchall())
        for a, b, positive, same in pairs(aligned, predicted):
            if positive == same:
                continue
            reports = incremental.load_reports(store.db, [a.event_id, b.event_id])
            found = criteria(reports[a.event_id], reports[b.event_id])
            why = "never merged (a hard rule)"
            if found is not None:
                why = " ".join(f"{k} {v:.2f}" for k, v in found.items())
            head = "left apart" if positive else "wrongly merged"
            lines.append(f"{head}: {a.gold_cluster} / {b.gold_cluster}: {why}")
            lines += [f"    {_describe(events[x.event_id])}" for x in (a, b)]
    return lines


def main(argv: list[str]) -> None:
    from selon.pipeline import extract_many

    items = load_corpus(Path(argv[0] if argv else "corpus"))
    records = []
    for item, (_, result) in zip(items, extract_many([i.article for i in items]), strict=True):
        if not isinstance(result, ArticleRecord):
            raise SystemExit(f"{item.article.origin}: extraction failed")
        records.append(result)
    print("\n".join(diagnose(items, records)))


if __name__ == "__main__":
    main(sys.argv[1:])
