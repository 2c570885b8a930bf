"""Cost of merging one new article against a large store: ``python -m selon.merge.bench``.

Fills a temporary store with ``--events`` synthetic reports (16 types, two years of dates,
random places and evidence vectors, 8 events an article), then times ``merge_article`` for new
articles of 8 events each (the evidence vectors given, as ``Store.save`` encodes them before
its transaction), rolled back after each run so the store stays the same. Prints the median.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import statistics
import tempfile
import time
from pathlib import Path

import numpy as np

from selon.merge import embed, incremental
from selon.records import PLOVER_TYPES
from selon.store import Store

PER_ARTICLE = 8


def synthetic_event(rng: np.random.Generator, event_id: str, day: dt.date) -> dict:
    kind = PLOVER_TYPES[int(rng.integers(len(PLOVER_TYPES)))]
    lat, lon = float(rng.uniform(30, 60)), float(rng.uniform(-10, 50))
    return {
        "id": event_id,
        "type": kind,
        "mode": None,
        "context": [],
        "source": {"name": "x", "country": "RUS", "sector": "MIL", "code": "RUSMIL"},
        "target": None,
        "places": [{"name": "p", "country": "UKR", "lat": lat, "lon": lon, "precision": "city"}],
        "date": {"start": day.isoformat(), "end": day.isoformat(), "precision": "day"},
        "modality": "asserted",
        "according_to": [],
        "quantities": [],
        "trigger": {"text": "t", "start": 0, "end": 1},
        "evidence": {"text": "e", "start": 0, "end": 1},
        "confidence": 0.5,
    }


def fill(store: Store, events: int, rng: np.random.Generator) -> None:
    db = store.db
    first = dt.date(2023, 1, 1)
    db.execute("BEGIN")
    for a in range(events // PER_ARTICLE):
        aid = f"S{a:06d}"
        day = first + dt.timedelta(days=int(rng.integers(730)))
        db.execute(
            "INSERT INTO articles (id, language, published, text, content_hash, record)"
            " VALUES (?, 'en', ?, ?, 'x', '{}')",
            (aid, day.isoformat(), f"synthetic article {aid}"),
        )
        rows, vectors = [], []
        for n in range(PER_ARTICLE):
            eid = f"{aid}-e{n}"
            event = synthetic_event(rng, eid, day - dt.timedelta(days=int(rng.integers(3))))
            start, end, cls = incremental.window(event, day.isoformat())
            rows.append(
                (
                    eid,
                    aid,
                    event["type"],
                    "asserted",
                    "t",
                    "e",
                    0.5,
                    json.dumps(event),
                    eid,
                    start,
                    end,
                    cls,
                    event["date"]["start"],
                    event["date"]["end"],
                )
            )
            vector = rng.normal(size=embed.DIM).astype(np.float32)
            vectors.append((eid, embed.to_blob(vector / np.linalg.norm(vector))))
        db.executemany(
            "INSERT INTO events (id, article_id, type, modality, trigger, evidence, confidence,"
            " record, cluster_id, window_start, window_end, window_class, date_start, date_end)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            rows,
        )
        db.executemany("INSERT INTO event_vectors VALUES (?,?)", vectors)
    db.execute("COMMIT")


def run(events: int, articles: int, seed: int = 7) -> list[float]:
    rng = np.random.default_rng(seed)
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "bench.db")
        fill(store, events, rng)
        timings = []
        for n in range(articles):
            day = dt.date(2023, 1, 1) + dt.timedelta(days=int(rng.integers(730)))
            aid = f"N{n:04d}"
            store.db.execute("BEGIN IMMEDIATE")
            store.db.execute(
                "INSERT INTO articles (id, language, published, text, content_hash, record)"
                " VALUES (?, 'en', ?, ?, 'x', '{}')",
                (aid, day.isoformat(), f"new synthetic article {aid}"),
            )
            vectors = {}
            for k in range(PER_ARTICLE):
                eid = f"{aid}-e{k}"
                event = synthetic_event(rng, eid, day)
                store.db.execute(
                    "INSERT INTO events (id, article_id, type, modality, trigger, evidence,"
                    " confidence, record, cluster_id) VALUES (?,?,?,?,?,?,?,?,?)",
                    (eid, aid, event["type"], "asserted", "t", "e", 0.5, json.dumps(event), eid),
                )
                vector = rng.normal(size=embed.DIM).astype(np.float32)
                vectors[eid] = vector / np.linalg.norm(vector)
            start = time.perf_counter()
            incremental.merge_article(store.db, aid, vectors=vectors)
            timings.append((time.perf_counter() - start) * 1000)
            store.db.execute("ROLLBACK")
        store.close()
    return timings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--articles", type=int, default=50)
    args = parser.parse_args()
    timings = run(args.events, args.articles)
    print(
        f"{args.events} stored events; merging one new article of {PER_ARTICLE} events:"
        f" median {statistics.median(timings):.1f} ms, p90"
        f" {sorted(timings)[int(len(timings) * 0.9)]:.1f} ms ({args.articles} articles)"
    )


if __name__ == "__main__":
    main()
