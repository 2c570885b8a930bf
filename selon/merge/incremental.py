"""Merging inside the store: each article's events are linked and clustered as it is saved.

``merge_article`` runs inside the transaction that saves the article: it records the article's
near-duplicates, finds the stored reports each new event could be the same as (same or
compatible type, overlapping date windows, through the ``events_window`` index), stores the
links, and re-clusters only the connected components the article touches. An undated report's
window is the month before its article, or the month either side of it when the act is not
(yet) done; ``selon.merge.similarity`` holds undated reports to the same windows. ``rebuild``
does the same for every stored report from scratch. Both give the same clusters for the same
set of articles, in any order (``selon.merge.clusters``).
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections import Counter
from collections.abc import Iterable
from typing import Any

import numpy as np

from selon.merge import dedup, embed
from selon.merge.clusters import agglomerate
from selon.merge.compatible import compatible_types
from selon.merge.similarity import UNDATED_DAYS, Link, Report, compare, evidence_floor, widened

#: Window classes by longest window (days): a report is compared with those whose windows
#: overlap its own, searched class by class so the index range stays short.
WINDOW_CLASSES = (3, 9, 33, 400)
#: An undated report is about the month before its article (``UNDATED_DAYS``), or about the
#: month around it when the act is not (yet) done: planned, threatened, requested, conditional
#: or hypothetical.
IRREALIS = frozenset({"planned", "threatened", "requested", "conditional", "hypothetical"})
OPEN = ("0000-01-01", "9999-12-31")
PRECISION_ORDER = {"day": 0, "week": 1, "month": 2, "year": 3}


def window(event: dict[str, Any], published: str | None) -> tuple[str, str, int]:
    """The dates a report may be compared on, and its window class."""
    date = event.get("date")
    if date:
        start, end = widened((date["start"], date["end"], date["precision"]))
    elif published:
        day = dt.date.fromisoformat(published[:10])
        ahead = UNDATED_DAYS if event.get("modality") in IRREALIS else 1
        start = (day - dt.timedelta(days=UNDATED_DAYS)).isoformat()
        end = (day + dt.timedelta(days=ahead)).isoformat()
    else:
        return (*OPEN, len(WINDOW_CLASSES))
    days = (dt.date.fromisoformat(end) - dt.date.fromisoformat(start)).days + 1
    cls = next((i for i, top in enumerate(WINDOW_CLASSES) if days <= top), len(WINDOW_CLASSES))
    return start, end, cls


def _minus(day: str, days: int) -> str:
    try:
        return (dt.date.fromisoformat(day) - dt.timedelta(days=days)).isoformat()
    except (ValueError, OverflowError):
        return OPEN[0]


# --- near-duplicate articles --------------------------------------------------------------------


def record_duplicates(db: sqlite3.Connection, article_id: str, text: str) -> None:
    found = dedup.shingles(text)
    buckets = dedup.bands(dedup.signature(found))
    db.executemany(
        "INSERT INTO article_bands (band, bucket, article_id) VALUES (?,?,?)",
        [(band, bucket, article_id) for band, bucket in buckets],
    )
    candidates: set[str] = set()
    for band, bucket in buckets:
        candidates.update(
            r[0]
            for r in db.execute(
                "SELECT article_id FROM article_bands WHERE band = ? AND bucket = ? AND article_id != ?",
                (band, bucket, article_id),
            )
        )
    for other in sorted(candidates):
        row = db.execute("SELECT text FROM articles WHERE id = ?", (other,)).fetchone()
        same, score = dedup.is_near_duplicate(found, dedup.shingles(row[0]))
        if same:
            a, b = sorted((article_id, other))
            db.execute(
                "INSERT OR REPLACE INTO article_duplicates (a, b, similarity) VALUES (?,?,?)",
                (a, b, score),
            )


# --- reports and links --------------------------------------------------------------------------


def load_reports(db: sqlite3.Connection, ids: Iterable[str]) -> dict[str, Report]:
    """The stored events as merging sees them, by id."""
    ids = list(ids)
    out: dict[str, Report] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        marks = ",".join("?" * len(chunk))
        for row in db.execute(
            f"SELECT e.id, e.article_id, e.record, v.vector, e.window_start, e.window_end"
            f" FROM events e LEFT JOIN event_vectors v ON v.event_id = e.id"
            f" WHERE e.id IN ({marks})",
            chunk,
        ):
            vector = embed.from_blob(row[3]) if row[3] is not None else None
            span = (row[4], row[5]) if row[4] is not None and (row[4], row[5]) != OPEN else None
            out[row[0]] = Report.from_record(json.loads(row[2]), row[1], vector, span)
    return out


def candidates(db: sqlite3.Connection, event_id: str) -> list[str]:
    """Stored reports (of other articles) whose windows overlap this one's, of a compatible type."""
    row = db.execute(
        "SELECT type, window_start, window_end, article_id FROM events WHERE id = ?", (event_id,)
    ).fetchone()
    kind, start, end, article_id = row
    found: list[str] = []
    for other_type in compatible_types(kind):
        for cls, longest in enumerate((*WINDOW_CLASSES, None)):
            lowest = _minus(start, longest) if longest is not None else OPEN[0]
            found += [
                r[0]
                for r in db.execute(
                    "SELECT id FROM events INDEXED BY events_window WHERE type = ?"
                    " AND window_class = ? AND window_start BETWEEN ? AND ?"
                    " AND window_end >= ? AND article_id != ?",
                    (other_type, cls, lowest, end, start, article_id),
                )
            ]
    return found


def link_events(db: sqlite3.Connection, event_ids: list[str]) -> int:
    """Compare each event with its candidates and store the links; returns how many."""
    mine = load_reports(db, event_ids)
    count = 0
    for event_id in event_ids:
        others = load_reports(db, candidates(db, event_id))
        for other in others.values():
            link = compare(mine[event_id], other)
            if link is not None:
                db.execute(
                    "INSERT OR REPLACE INTO merge_links (a, b, score, criteria) VALUES (?,?,?,?)",
                    (link.a, link.b, link.score, json.dumps(link.criteria, sort_keys=True)),
                )
                count += 1
    return count


def _component(db: sqlite3.Connection, seeds: Iterable[str]) -> set[str]:
    seen: set[str] = set()
    todo = [s for s in seeds]
    while todo:
        node = todo.pop()
        if node in seen:
            continue
        seen.add(node)
        for (other,) in db.execute(
            "SELECT b FROM merge_links WHERE a = ? UNION SELECT a FROM merge_links WHERE b = ?",
            (node, node),
        ):
            if other not in seen:
                todo.append(other)
    return seen


def _links(db: sqlite3.Connection, ids: set[str]) -> list[Link]:
    out = []
    for node in sorted(ids):
        for a, b, score, criteria in db.execute(
            "SELECT a, b, score, criteria FROM merge_links WHERE a = ?", (node,)
        ):
            if b in ids:
                out.append(Link(a, b, score, json.loads(criteria)))
    return out


def recluster(
    db: sqlite3.Connection, seeds: Iterable[str], old_clusters: Iterable[str] = ()
) -> None:
    """Re-cluster the components of the seed events and rewrite their merged records."""
    existing = {
        r[0] for s in set(seeds) for r in db.execute("SELECT id FROM events WHERE id = ?", (s,))
    }
    ids = _component(db, existing)
    if not ids and not old_clusters:
        return
    reports = load_reports(db, ids)
    links = _links(db, ids)
    for link in links:  # the floor each link met, for its merge reason
        link.evidence_floor = evidence_floor(reports[link.a], reports[link.b], link.criteria)
    cluster_of, reasons = agglomerate(reports, links)
    stale = set(old_clusters)
    for node in ids:
        stale.update(
            r[0] for r in db.execute("SELECT cluster_id FROM events WHERE id = ?", (node,))
        )
    for start in range(0, len(stale), 500):
        chunk = sorted(stale)[start : start + 500]
        db.execute(f"DELETE FROM clusters WHERE id IN ({','.join('?' * len(chunk))})", chunk)
    db.executemany(
        "UPDATE events SET cluster_id = ? WHERE id = ?", [(c, e) for e, c in cluster_of.items()]
    )
    members: dict[str, list[str]] = {}
    for event_id, cluster_id in cluster_of.items():
        members.setdefault(cluster_id, []).append(event_id)
    for cluster_id, event_ids in members.items():
        write_cluster(db, cluster_id, sorted(event_ids), reasons.get(cluster_id, []))


def save_vectors(db: sqlite3.Connection, event_ids: list[str], texts: list[str]) -> None:
    vectors = embed.encode(texts)
    db.executemany(
        "INSERT OR REPLACE INTO event_vectors (event_id, vector) VALUES (?,?)",
        [(i, embed.to_blob(v)) for i, v in zip(event_ids, vectors, strict=True)],
    )


def merge_article(
    db: sqlite3.Connection,
    article_id: str,
    *,
    vectors: dict[str, np.ndarray] | None = None,
    previous: Iterable[str] = (),
    old_clusters: Iterable[str] = (),
) -> None:
    """Link and cluster one saved article's events (inside the caller's transaction).

    ``vectors``: the evidence vectors by event id (encoded before the transaction);
    ``previous``: the events that shared a cluster with this article's former version, so that
    a changed article re-merges them too; ``old_clusters``: the former cluster ids.
    """
    row = db.execute("SELECT text, published FROM articles WHERE id = ?", (article_id,)).fetchone()
    record_duplicates(db, article_id, row[0])
    events = [
        (r[0], json.loads(r[1]))
        for r in db.execute(
            "SELECT id, record FROM events WHERE article_id = ? ORDER BY id", (article_id,)
        )
    ]
    for event_id, event in events:
        start, end, cls = window(event, row[1])
        db.execute(
            "UPDATE events SET window_start = ?, window_end = ?, window_class = ?, cluster_id = id"
            " WHERE id = ?",
            (start, end, cls, event_id),
        )
    ids = [e for e, _ in events]
    if vectors is None:
        save_vectors(db, ids, [e["evidence"]["text"] for _, e in events])
    else:
        db.executemany(
            "INSERT OR REPLACE INTO event_vectors (event_id, vector) VALUES (?,?)",
            [(i, embed.to_blob(vectors[i])) for i in ids],
        )
    link_events(db, ids)
    recluster(db, [*ids, *previous], old_clusters)


def rebuild(db: sqlite3.Connection) -> int:
    """Recompute every link and cluster from the stored reports; returns the number of clusters."""
    db.execute("DELETE FROM merge_links")
    db.execute("DELETE FROM clusters")
    db.execute("DELETE FROM article_bands")
    db.execute("DELETE FROM article_duplicates")
    for article_id, text in db.execute("SELECT id, text FROM articles ORDER BY id").fetchall():
        record_duplicates(db, article_id, text)
    published = dict(db.execute("SELECT id, published FROM articles").fetchall())
    rows = db.execute("SELECT id, article_id, record FROM events ORDER BY id").fetchall()
    missing = []
    for event_id, article_id, record in rows:
        event = json.loads(record)
        start, end, cls = window(event, published.get(article_id))
        db.execute(
            "UPDATE events SET window_start = ?, window_end = ?, window_class = ?, cluster_id = id"
            " WHERE id = ?",
            (start, end, cls, event_id),
        )
        if (
            db.execute("SELECT 1 FROM event_vectors WHERE event_id = ?", (event_id,)).fetchone()
            is None
        ):
            missing.append((event_id, event["evidence"]["text"]))
    if missing:
        save_vectors(db, [m[0] for m in missing], [m[1] for m in missing])
    link_events(db, [r[0] for r in rows])
    recluster(db, [r[0] for r in rows])
    return int(db.execute("SELECT COUNT(*) FROM clusters").fetchone()[0])


# --- the merged record --------------------------------------------------------------------------


def _actor_key(actor: dict[str, Any] | None) -> str | None:
    if not actor:
        return None
    return actor.get("code") or actor.get("country") or actor.get("sector") or None


def _best_actor(reports: list[dict[str, Any]], role: str) -> dict[str, Any] | None:
    keys = Counter(k for r in reports if (k := _actor_key(r.get(role))))
    if not keys:
        return None
    best = min(keys, key=lambda k: (-keys[k], -len(k), k))
    return next(r[role] for r in reports if _actor_key(r.get(role)) == best)


def _merged_date(reports: list[dict[str, Any]]) -> dict[str, Any] | None:
    dates = [r["date"] for r in reports if r.get("date")]
    if not dates:
        return None
    days = [d for d in dates if d["precision"] == "day"]
    if days:
        start, end = max(d["start"] for d in days), min(d["end"] for d in days)
        if start <= end:
            first = min(days, key=lambda d: (d["start"], d["end"]))
            return {**first, "start": start, "end": end}
    return min(
        dates,
        key=lambda d: (
            PRECISION_ORDER.get(d["precision"], 9),
            (dt.date.fromisoformat(d["end"]) - dt.date.fromisoformat(d["start"])).days,
            d["start"],
        ),
    )


def _distinct_places(reports: list[dict[str, Any]]) -> list[dict[str, Any]]:
    seen: set[Any] = set()
    out = []
    for r in reports:
        for p in r.get("places", []):
            key = p.get("geonames_id") or (
                (round(p["lat"], 2), round(p["lon"], 2))
                if p.get("lat") is not None
                else p["name"].lower()
            )
            if key not in seen:
                seen.add(key)
                out.append(p)
    return out


def num_sources(db: sqlite3.Connection, article_ids: list[str]) -> int:
    """Articles that report the event, counting near-duplicates once."""
    if not article_ids:
        return 0
    marks = ",".join("?" * len(article_ids))
    order = {
        r[0]: (r[1] or "", r[0])
        for r in db.execute(
            f"SELECT id, published FROM articles WHERE id IN ({marks})", article_ids
        )
    }
    copies = set()
    for a, b in db.execute(
        f"SELECT a, b FROM article_duplicates WHERE a IN ({marks}) AND b IN ({marks})",
        [*article_ids, *article_ids],
    ):
        copies.add(max((a, b), key=lambda x: order[x]))
    return len(article_ids) - len(copies)


def write_cluster(
    db: sqlite3.Connection, cluster_id: str, event_ids: list[str], links: list[Link]
) -> None:
    marks = ",".join("?" * len(event_ids))
    rows = db.execute(
        f"SELECT e.id, e.article_id, e.record FROM events e WHERE e.id IN ({marks}) ORDER BY e.id",
        event_ids,
    ).fetchall()
    reports = [json.loads(r[2]) for r in rows]
    articles = sorted({r[1] for r in rows})
    types = Counter(r["type"] for r in reports)
    best_type = min(
        types,
        key=lambda t: (-types[t], -max(r["confidence"] for r in reports if r["type"] == t), t),
    )
    base = next(r for r in reports if r["id"] == cluster_id)  # trigger, evidence, article
    modalities = Counter(r["modality"] for r in reports)
    according: dict[str, dict[str, Any]] = {}
    for r in reports:
        for a in r.get("according_to", []):
            according.setdefault(a["name"], a)
    merged = {
        **base,
        "id": cluster_id,
        "type": best_type,
        "source": _best_actor(reports, "source"),
        "target": _best_actor(reports, "target"),
        "date": _merged_date(reports),
        "places": _distinct_places(reports),
        "modality": min(modalities, key=lambda m: (-modalities[m], m)),
        "according_to": list(according.values()),
        "quantities": sorted({q for r in reports for q in r.get("quantities", [])}),
        "confidence": max(r["confidence"] for r in reports),
        "merge_reasons": [link_reason(link) for link in links],
    }
    db.execute(
        "INSERT OR REPLACE INTO clusters (id, num_articles, num_sources, record) VALUES (?,?,?,?)",
        (
            cluster_id,
            len(articles),
            num_sources(db, articles),
            json.dumps(merged, ensure_ascii=False),
        ),
    )


def link_reason(link: Link) -> dict[str, Any]:
    return link.as_reason()
