"""Listing merged events: the filter table follows every write, filters apply to the merged
record, pages are right whichever plan runs, and every filter's plan goes through an index."""

from __future__ import annotations

import random
import unicodedata
from collections.abc import Iterator
from typing import Any

import pytest

from selon import loadtest
from selon.store import Store
from selon.store import queries as Q
from selon.store.migrations import MERGED_COLUMNS, merged_rows_sql, page_rows_sql
from selon.store.queries import EventFilter
from tests.factories import hostile_record, kharkiv_record, protest_record


def stored_rows(store: Store) -> list[tuple[Any, ...]]:
    return [
        tuple(r)
        for r in store.db.execute(
            f"SELECT {', '.join(MERGED_COLUMNS)} FROM merged_events ORDER BY id"
        )
    ]


def recomputed_rows(store: Store) -> list[tuple[Any, ...]]:
    return sorted((tuple(r) for r in store.db.execute(merged_rows_sql("1"))), key=lambda r: r[1])


def stored_pages(store: Store) -> dict[str, str]:
    return dict(store.db.execute("SELECT id, json FROM event_pages").fetchall())


def recomputed_pages(store: Store) -> dict[str, str]:
    return dict(store.db.execute(page_rows_sql("1")).fetchall())


def in_step(store: Store) -> bool:
    """The filter rows and the listing JSON both equal what the stored events give now."""
    return stored_rows(store) == recomputed_rows(store) and stored_pages(store) == recomputed_pages(
        store
    )


def test_merged_events_follow_saves_merges_replacements_and_rebuilds():
    store = Store(":memory:")
    records = [
        kharkiv_record("T1", "2024-05-25"),
        kharkiv_record("T4", "2024-05-25"),
        kharkiv_record("T5", "2024-05-26"),
        kharkiv_record("T3", "2024-05-28"),
        protest_record(),
        hostile_record(),
    ]
    for record in records:
        store.save(record, content_hash=record.article.id)
        assert in_step(store)
    ids = {r[1] for r in stored_rows(store)}
    assert ids == {"T1-e1", "T3-e1", "T2-e1", "X1-e1"}  # T4 and T5 merged into T1
    assert set(stored_pages(store)) == ids
    assert store.db.execute("SELECT num_sources FROM merged_events WHERE id = 'T1-e1'").fetchone()
    store.save(kharkiv_record("T1", "2024-06-20"), content_hash="moved")  # T1 leaves
    assert in_step(store)
    assert {r[1] for r in stored_rows(store)} == {"T1-e1", "T4-e1", "T3-e1", "T2-e1", "X1-e1"}
    assert '"articles":["T4","T5"]' in stored_pages(store)["T4-e1"]
    assert store.rebuild_merges() == 5
    assert in_step(store)
    store.db.execute("DELETE FROM articles WHERE id = 'T4'")
    assert in_step(store)
    assert "T4-e1" not in {r[1] for r in stored_rows(store)}


def test_filters_apply_to_the_merged_record_not_the_representative_report():
    store = Store(":memory:")
    hedged = kharkiv_record("T1", "2024-05-25")
    hedged.events[0].modality = "hedged"
    for record in [hedged, kharkiv_record("T4", "2024-05-25"), kharkiv_record("T5", "2024-05-25")]:
        store.save(record, content_hash=record.article.id)
    shown = store.event("T1-e1")
    assert shown["articles"] == ["T1", "T4", "T5"] and shown["modality"] == "asserted"

    def listed(**params: str) -> list[str]:
        return [e["id"] for e in Q.list_events(store.db, EventFilter.checked(**params))[0]]

    assert listed(modality="asserted") == ["T1-e1"]
    assert listed(modality="hedged") == []
    assert Q.stats(store.db, EventFilter.checked(modality="hedged"))["total"] == 0
    assert [p[0] for p in Q.count_points(store.db, EventFilter.checked(modality="asserted"))] == [
        "T1-e1"
    ]
    assert [e["id"] for e in store.events(type="ASSAULT")] == ["T1-e1"]
    # search and article match any report of the merged event, listed once
    assert listed(q="frappes") == ["T1-e1"]
    assert listed(article="T5") == ["T1-e1"]


# --- pages over a synthetic store, checked against the merged records in Python -------------


@pytest.fixture(scope="module")
def synthetic() -> Iterator[Store]:
    store = Store(":memory:")
    rng = random.Random(3)
    for n in range(60):
        store.save(
            loadtest.synthetic_record(n, 6, rng),
            content_hash=str(n),
            origin=str(n),
            encode=False,
        )
    yield store
    store.close()


def _fold(text: str) -> str:
    return "".join(
        c for c in unicodedata.normalize("NFD", text.lower()) if not unicodedata.combining(c)
    )


def expected_ids(store: Store, flt: EventFilter) -> list[str]:
    """The matching merged events, newest first, computed in Python from the merged records."""
    import re

    events = list(store.events())
    reports: dict[str, list[str]] = {}
    for row in store.db.execute("SELECT cluster_id, evidence, trigger, article_id FROM events"):
        reports.setdefault(row[0], []).append(f"{row[1]} {row[2]} \x00{row[3]}")

    def keep(e: dict[str, Any]) -> bool:
        place = (e.get("places") or [{}])[0]
        src, tgt, date = e.get("source") or {}, e.get("target") or {}, e.get("date") or {}
        fields = {
            "type": e["type"],
            "mode": e.get("mode"),
            "modality": e["modality"],
            "source_country": src.get("country"),
            "source_sector": src.get("sector"),
            "target_country": tgt.get("country"),
            "target_sector": tgt.get("sector"),
            "place_country": place.get("country"),
        }
        if any(getattr(flt, k) and v not in getattr(flt, k) for k, v in fields.items()):
            return False
        if flt.country and not {src.get("country"), tgt.get("country"), place.get("country")} & set(
            flt.country
        ):
            return False
        if flt.bbox:
            west, south, east, north = flt.bbox
            lat, lon = place.get("lat"), place.get("lon")
            if lat is None or not south <= lat <= north:
                return False
            if not (west <= lon <= east if west <= east else lon >= west or lon <= east):
                return False
        if flt.since and not (date.get("end") and date["end"] >= flt.since):
            return False
        if flt.until and not (date.get("start") and date["start"] <= flt.until):
            return False
        if flt.min_sources and e["num_sources"] < flt.min_sources:
            return False
        if flt.q:
            words = [_fold(w) for w in re.findall(r"\w+", flt.q)]
            texts = [re.findall(r"\w+", _fold(t)) for t in reports[e["cluster_id"]]]
            if not any(
                all(w in t for w in words[:-1]) and any(x.startswith(words[-1]) for x in t)
                for t in texts
            ):
                return False
        return True

    return [e["id"] for e in events if keep(e)]


FILTERS: list[dict[str, Any]] = [
    *[{k: v for k, v in q.items() if k != "limit"} for q in loadtest.QUERIES],
    {},
    {"source_country": "RUS", "type": "ASSAULT"},
    {"country": "UKR,SDN", "modality": "asserted,hedged", "until": "2024-07-31"},
    {"target_country": "ISR", "target_sector": "MIL", "since": "2024-02-01"},
    {"q": "missil", "place_country": "UKR"},
    {"q": "négociations accord", "since": "2024-06-01"},
    {"bbox": "100,-10,-60,20"},  # across the antimeridian: Manila and Port-au-Prince
    {"until": "2024-03-31", "source_sector": "CVL"},
    {"place_country": "PHL", "type": "CONSULT,AID,ASSAULT", "target_country": "FRA"},
]


@pytest.mark.parametrize("params", FILTERS, ids=[str(f) for f in FILTERS])
def test_pages_of_combined_filters_match_the_merged_records(synthetic, params):
    flt = EventFilter.checked(**params)
    expected = expected_ids(synthetic, flt)
    seen: list[str] = []
    cursor = None
    for _ in range(1000):
        page, cursor = Q.list_events(synthetic.db, flt, limit=7, cursor=cursor)
        seen += [e["id"] for e in page]
        if cursor is None:
            break
    assert seen == expected
    # both plans select the same rows, whichever the budget lets run
    for sql, args in Q.page_queries(flt, None, 10_000):
        assert [r["id"] for r in synthetic.db.execute(sql, args)] == expected
    stats = Q.stats(synthetic.db, flt)
    assert stats["total"] == len(expected)


def test_synthetic_filters_are_not_trivial(synthetic):
    sizes = [len(expected_ids(synthetic, EventFilter.checked(**p))) for p in FILTERS]
    assert sizes[len(loadtest.QUERIES)] == 360  # no filter: every event
    assert sum(1 for s in sizes if 0 < s < 360) >= len(FILTERS) - 3


# --- query plans ------------------------------------------------------------------------------


def plan(store: Store, sql: str, args: list[Any]) -> list[str]:
    return [r[3] for r in store.db.execute(f"EXPLAIN QUERY PLAN {sql}", args)]


def full_scan(line: str) -> bool:
    """A plan line reading a whole table or index. Not one: an FTS5 MATCH (a lookup), and the
    partial index of the reports merged into another (only those, a fraction of events)."""
    return (
        line.startswith("SCAN")
        and "VIRTUAL TABLE INDEX 0:M" not in line
        and not line.endswith("COVERING INDEX events_merged_reports")
    )


PLAN_FILTERS = [
    *FILTERS,
    {"mode": "aerial"},
    {"min_sources": 2},
    {"article": "S1"},
    {"target_sector": "GOV"},
]


@pytest.mark.parametrize("params", PLAN_FILTERS, ids=[str(f) for f in PLAN_FILTERS])
def test_each_filter_walks_the_listing_order_or_searches_an_index(synthetic, params):
    flt = EventFilter.checked(**params)
    for after in (None, ("2024-06-15", "S3-e2")):
        (walk_sql, walk_args), (sort_sql, sort_args) = Q.page_queries(flt, after, 101)
        walk = plan(synthetic, walk_sql, walk_args)
        # the walk reads merged events in the listing's order and stops; it sorts only the few
        # events of one article
        by_article = any("USING INDEX events_article" in line for line in walk)
        if not by_article:
            assert not any("TEMP B-TREE FOR ORDER BY" in line for line in walk), walk
        assert not [line for line in walk if full_scan(line) and line != "SCAN x"], walk
        # the sort reaches merged events only through an index, never a full scan
        sort = plan(synthetic, sort_sql, sort_args)
        if params:
            assert not [line for line in sort if full_scan(line)], sort
        if after and not by_article:  # a cursor seeks
            assert any("(rank,id)>(?,?)" in line for line in walk), walk


def test_listed_json_is_the_merged_record_with_the_cluster_fields():
    """SQLite builds each listed event's JSON; it must equal what Python builds for one event
    (``event_detail``'s ``_merged`` and ``_cluster_fields``), key order included."""
    store = Store(":memory:")
    for record in [
        kharkiv_record("T1", "2024-05-25"),
        kharkiv_record("T4", "2024-05-25"),
        protest_record(),
        hostile_record(),
    ]:
        store.save(record, content_hash=record.article.id)
    listed, _ = Q.list_events(store.db, EventFilter())
    assert [e["id"] for e in listed] == ["T1-e1", "X1-e1", "T2-e1"]
    for event in listed:
        row = store.db.execute(
            f"SELECT e.id, e.record, e.article_id, {Q.ARTICLE_COLUMNS}, {Q.CLUSTER_COLUMNS}"
            f" FROM events e JOIN articles a ON a.id = e.article_id{Q.CLUSTER_JOIN}"
            " WHERE e.id = ?",
            (event["id"],),
        ).fetchone()
        articles = {
            row["cluster_id"]: [
                r[0]
                for r in store.db.execute(
                    "SELECT DISTINCT article_id FROM events WHERE cluster_id = ?"
                    " ORDER BY article_id",
                    (row["cluster_id"],),
                )
            ]
        }
        built = Q._cluster_fields(Q._merged(row, True), row, articles)
        assert event == built and list(event) == list(built)
    assert listed[0]["articles"] == ["T1", "T4"] and "merge_reasons" not in listed[0]


def test_compact_rekeys_search_after_rowids_move(tmp_path):
    store = Store(tmp_path / "s.db")
    for record in [kharkiv_record("T1", "2024-05-25"), protest_record(), hostile_record()]:
        store.save(record, content_hash=record.article.id)
    store.db.execute("DELETE FROM articles WHERE id = 'X1'")
    # What a VACUUM that renumbers rowids leaves behind: search rows keyed on the old rowids.
    store.db.execute("DELETE FROM events_fts")
    store.db.execute(
        "INSERT INTO events_fts (rowid, event_id, evidence, trigger)"
        " SELECT rowid + 1000, id, evidence, trigger FROM events"
    )
    store.db.execute("UPDATE merged_events SET rid = rid + 1000")
    assert not in_step(store)
    store.compact()
    assert in_step(store)
    wrong = store.db.execute(
        "SELECT COUNT(*) FROM events_fts f LEFT JOIN events e ON e.rowid = f.rowid"
        " WHERE e.id IS NOT f.event_id"
    ).fetchone()[0]
    assert wrong == 0
    found, _ = Q.list_events(store.db, EventFilter.checked(q="Kharkiv"))
    assert [e["id"] for e in found] == ["T1-e1"]
    store.close()
