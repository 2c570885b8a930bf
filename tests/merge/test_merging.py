"""Merging across articles: order independence, rebuilds, hard rules, near-duplicates."""

from __future__ import annotations

import itertools
import json

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from selon.merge import dedup
from selon.merge.clusters import agglomerate
from selon.merge.compatible import compatible_types, type_score
from selon.merge.similarity import Report, compare
from selon.records import ArticleRecord
from selon.store import Store
from tests.factories import hostile_record, kharkiv_record, protest_record


@pytest.fixture(scope="module")
def records() -> list[ArticleRecord]:
    return [
        kharkiv_record("T1", "2024-05-25"),
        kharkiv_record("T4", "2024-05-25"),  # the same wire story: a near-duplicate
        kharkiv_record("T5", "2024-05-26"),  # the next day: the night spans both
        kharkiv_record("T3", "2024-05-28"),  # a look-alike three days later
        protest_record(),
        hostile_record(),
    ]


def clusters_of(store: Store) -> dict[str, str]:
    return dict(store.db.execute("SELECT id, cluster_id FROM events ORDER BY id").fetchall())


def ingest(records: list[ArticleRecord]) -> Store:
    store = Store(":memory:")
    for record in records:
        store.save(record, content_hash=record.article.id)
    return store


def test_reports_of_one_event_merge_and_look_alikes_do_not(records):
    store = ingest(records)
    found = clusters_of(store)
    assert found["T1-e1"] == found["T4-e1"] == found["T5-e1"] == "T1-e1"
    assert found["T3-e1"] == "T3-e1"
    event = store.event("T4-e1")
    assert event["cluster_id"] == "T1-e1" and event["articles"] == ["T1", "T4", "T5"]
    # the three texts are the same wire story: three articles, one source
    assert event["num_articles"] == 3 and event["num_sources"] == 1
    assert {r["id"] for r in event["reports"]} == {"T1-e1", "T4-e1", "T5-e1"}
    reason = event["merge_reasons"][0]
    assert set(reason["criteria"]) == {"type", "date", "place", "actors", "evidence"}
    assert reason["score"] >= reason["threshold"]
    # every claim of every report, side by side, with its article
    assert {c["article_id"] for c in event["claims"]} == {"T1", "T4", "T5"}
    # the day-precision dates 25 and 26 do not intersect: the most precise (earliest) is kept
    assert event["date"]["precision"] == "day"


@settings(max_examples=5, deadline=None)
@given(st.permutations(list(range(6))))
def test_merging_is_independent_of_order_and_equals_a_rebuild(records, order):
    reference = clusters_of(ingest(records))
    store = ingest([records[i] for i in order])
    assert clusters_of(store) == reference
    store.rebuild_merges()
    assert clusters_of(store) == reference
    assert {r[0] for r in store.db.execute("SELECT id FROM clusters")} == set(reference.values())


def test_reingest_is_idempotent_and_a_changed_article_re_merges(records):
    store = ingest(records)
    before = clusters_of(store)
    store.save(records[0], content_hash="T1")
    assert clusters_of(store) == before
    moved = kharkiv_record("T1", "2024-06-20")  # T1 now tells of another day
    store.save(moved, content_hash="changed")
    after = clusters_of(store)
    assert after["T1-e1"] == "T1-e1" and after["T4-e1"] == after["T5-e1"] == "T4-e1"
    assert store.db.execute("SELECT COUNT(*) FROM clusters WHERE id = 'T1-e1'").fetchone()[0] == 1
    assert (
        json.loads(
            store.db.execute("SELECT record FROM clusters WHERE id = 'T4-e1'").fetchone()[0]
        )["id"]
        == "T4-e1"
    )


def report(rid: str, **kw) -> Report:
    vector = np.ones(4, dtype=np.float32) / 2
    base = dict(
        id=rid,
        article_id=rid.split("-")[0],
        type="ASSAULT",
        source=("RUS", "MIL"),
        target=("UKR", None),
        date=("2024-05-25", "2024-05-25", "day"),
        places=[(49.98, 36.25, "UKR", "city")],
        vector=vector,
    )
    base.update(kw)
    return Report(**base)  # type: ignore[arg-type]


def test_hard_rules_never_merge():
    a = report("A-e1")
    assert compare(a, report("B-e1")) is not None
    assert compare(a, report("B-e1", date=("2024-05-28", "2024-05-28", "day"))) is None
    assert compare(a, report("B-e1", places=[(50.45, 30.52, "UKR", "city")])) is None  # Kyiv
    assert compare(a, report("B-e1", type="PROTEST")) is None
    assert compare(a, report("A-e2")) is None  # same article
    assert compare(a, report("B-e1", type="COERCE")) is not None  # a compatible pair
    assert compare(a, report("B-e1", date=None, places=[])) is not None  # unknown is no veto


def test_compare_is_symmetric_and_types_table():
    a, b = report("A-e1"), report("B-e1", date=("2024-05-01", "2024-05-31", "month"))
    assert compare(a, b) == compare(b, a)
    assert type_score("COERCE", "ASSAULT") == 0.5 and type_score("AGREE", "ASSAULT") is None
    assert compatible_types("ASSAULT") == ["ASSAULT", "COERCE"]


def test_agglomeration_respects_never_merge_through_a_third_report():
    a = report("A-e1")
    b = report("B-e1", date=None)
    c = report("C-e1", date=("2024-05-28", "2024-05-28", "day"))
    links = [x for x in (compare(a, b), compare(b, c), compare(a, c)) if x]
    assert len(links) == 2  # a~b and b~c, but a and c are days apart
    for perm in itertools.permutations(links):
        cluster_of, _ = agglomerate({r.id: r for r in (a, b, c)}, list(perm))
        assert cluster_of["A-e1"] != cluster_of["C-e1"]


def test_near_duplicates_edited_or_truncated():
    text = " ".join(f"word{i} said the minister in Kyiv on Tuesday" for i in range(60))
    edited = text.replace("word3 ", "wordX ").replace("Tuesday", "Tuesday,", 3)
    other = " ".join(f"protest{i} gathered in Paris against the reform" for i in range(60))
    full = dedup.shingles(text)
    assert dedup.is_near_duplicate(full, dedup.shingles(edited))[0]
    assert dedup.is_near_duplicate(full, dedup.shingles(text[: len(text) // 3]))[0]
    assert not dedup.is_near_duplicate(full, dedup.shingles(other))[0]
    sig_a, sig_b = dedup.signature(full), dedup.signature(dedup.shingles(edited))
    assert set(dedup.bands(sig_a)) & set(dedup.bands(sig_b))
