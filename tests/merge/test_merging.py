"""Merging across articles: order independence, rebuilds, hard rules, near-duplicates."""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
import json

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from selon.merge import dedup, incremental, names
from selon.merge.clusters import agglomerate
from selon.merge.compatible import compatible_types, type_score
from selon.merge.similarity import (
    ANCHORED_FLOOR,
    CONFLICT_FLOOR,
    EVIDENCE_FLOOR,
    NAMED_EVIDENCE,
    RECENT_DAYS,
    Place,
    Report,
    compare,
    criteria,
    dateline,
    evidence_floor,
    retold,
)
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
    # reports of a common day whose actors agree need less alike evidence; of the next day, not
    floors = {tuple(r["events"]): r["evidence_floor"] for r in event["merge_reasons"]}
    assert floors.get(("T1-e1", "T4-e1")) == ANCHORED_FLOOR
    assert {f for pair, f in floors.items() if "T5-e1" in pair} == {EVIDENCE_FLOOR}
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


KHARKIV = Place(49.98, 36.25, "UKR", "city")
KYIV = Place(50.45, 30.52, "UKR", "city")


def report(rid: str, **kw) -> Report:
    vector = np.ones(4, dtype=np.float32) / 2
    base = dict(
        id=rid,
        article_id=rid.split("-")[0],
        type="ASSAULT",
        source=("RUS", "MIL"),
        target=("UKR", None),
        date=("2024-05-25", "2024-05-25", "day"),
        places=[KHARKIV],
        vector=vector,
    )
    base.update(kw)
    return Report(**base)  # type: ignore[arg-type]


def with_cosine(cosine: float) -> np.ndarray:
    """A unit vector whose cosine with ``report()``'s default vector is ``cosine``."""
    base = np.ones(4, dtype=np.float32) / 2
    other = np.array([1, -1, 1, -1], dtype=np.float32) / 2
    return (cosine * base + np.sqrt(1 - cosine**2) * other).astype(np.float32)


def test_hard_rules_never_merge():
    a = report("A-e1")
    assert compare(a, report("B-e1")) is not None
    assert compare(a, report("B-e1", date=("2024-05-28", "2024-05-28", "day"))) is None
    assert compare(a, report("B-e1", places=[KYIV])) is None
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


def test_places_veto_cities_far_apart_never_countries():
    a = report("A-e1")
    # countries are too coarse to say "far": neighbours, cross-border acts
    ukraine, belarus = Place(49.0, 32.0, "UKR", "country"), Place(53.0, 28.0, "BLR", "country")
    assert compare(report("A-e1", places=[ukraine]), report("B-e1", places=[belarus]))
    assert criteria(a, report("B-e1", places=[belarus]))["place"] == 0.0
    # a city of a wave of strikes that another report names is close enough
    wave = report("B-e1", places=[KYIV, KHARKIV._replace(lat=49.99)])
    assert criteria(a, wave)["place"] > 0.9
    # a shared country keeps two city reports comparable (one attack told city by city)
    assert compare(a, report("B-e1", places=[KYIV, Place(49.0, 32.0, "UKR", "country")]))


def test_a_denial_never_merges_with_a_report_of_the_act():
    assert compare(report("A-e1"), report("B-e1", modality="denied")) is None
    assert compare(report("A-e1", modality="denied"), report("B-e1", modality="denied"))
    assert compare(report("A-e1"), report("B-e1", modality="hedged"))


def test_evidence_alone_does_not_merge_two_acts_of_one_kind():
    """Two "X urged Pyongyang to stop" with one side of each unknown and nothing else known."""
    a = report("A-e1", type="REQUEST", source=None, target=("PRK", "GOV"), date=None, places=[])
    b = report("B-e1", type="REQUEST", source=("USA", "GOV"), target=None, date=None, places=[])
    assert criteria(a, b) is not None and compare(a, b) is None
    # the same target named by both is enough
    same = report("B-e1", type="REQUEST", source=None, target=("PRK", "GOV"), date=None, places=[])
    assert compare(a, same)


@pytest.mark.parametrize(
    ("date", "cosine", "links"),
    [
        (("2024-05-25", "2024-05-25", "day"), (ANCHORED_FLOOR + EVIDENCE_FLOOR) / 2, True),
        (("2024-05-25", "2024-05-25", "day"), ANCHORED_FLOOR - 0.05, False),
        (("2024-05-26", "2024-05-26", "day"), (ANCHORED_FLOOR + EVIDENCE_FLOOR) / 2, False),
        (None, (ANCHORED_FLOOR + EVIDENCE_FLOOR) / 2, False),
        (None, EVIDENCE_FLOOR + 0.05, True),
    ],
)
def test_evidence_floor_is_lower_for_reports_of_one_day(date, cosine, links):
    a = report("A-e1")
    link = compare(a, report("B-e1", date=date, vector=with_cosine(cosine)))
    assert (link is not None) is links
    if link is not None:
        reason = link.as_reason()
        assert reason["evidence_floor"] == (ANCHORED_FLOOR if date == a.date else EVIDENCE_FLOOR)
        assert reason["criteria"]["evidence"] >= reason["evidence_floor"]


def test_reports_of_one_day_in_two_countries_are_not_anchored():
    kyiv = report("A-e1", places=[Place(50.45, 30.52, "UKR", "country")])
    minsk = report("B-e1", places=[Place(53.9, 27.56, "BLR", "country")], vector=with_cosine(0.45))
    assert criteria(kyiv, minsk) is not None and compare(kyiv, minsk) is None
    assert compare(kyiv, dataclasses.replace(minsk, places=[]))  # one place unknown


def test_actor_codes_compared_across_reports():
    a = report("A-e1", target=("UKR", "MIL"))
    assert criteria(a, report("B-e1", target=("UKR", None)))["actors"] == 0.875  # UKR ~ UKRMIL
    assert criteria(a, report("B-e1", target=None))["actors"] == 0.75  # one lacks a target
    # "Moscow" (RUSGOV) and "Russian forces" (RUSMIL): one state; protesters and unions: one
    # crowd; half a conflict each
    moscow = report("B-e1", source=("RUS", "GOV"), target=("UKR", "MIL"))
    assert criteria(a, moscow)["actors"] == 0.625
    crowd = report("A-e1", type="PROTEST", source=("FRA", "CVL"), target=("FRA", "GOV"))
    unions = report("B-e1", type="PROTEST", source=("FRA", "LAB"), target=("FRA", "GOV"))
    assert criteria(crowd, unions)["actors"] == 0.625
    somewhere = report("B-e1", type="PROTEST", source=(None, "LAB"), target=("FRA", "GOV"))
    assert criteria(crowd, somewhere)["actors"] == 0.5  # whose unions? no half measure
    rebels = report("B-e1", source=("UKR", "REB"), target=("UKR", "MIL"))
    assert criteria(a, rebels)["actors"] == 0.5  # an army is not the rebels: no half measure
    eu = {"name": "UE", "country": None, "sector": "IGO", "code": "EU"}
    un = {**eu, "name": "ONU", "code": "UN"}
    event = {"id": "A-e1", "type": "SANCTION", "source": eu, "places": []}
    assert Report.from_record(event, "A", None).source == ("EU", "IGO")
    other = Report.from_record({**event, "id": "B-e1", "source": un}, "B", None)
    assert criteria(Report.from_record(event, "A", None), other)["actors"] == 0.25


def test_undated_window_reaches_forward_for_acts_not_yet_done():
    planned = {"date": None, "modality": "planned"}
    done = {"date": None, "modality": "asserted"}
    assert incremental.window(done, "2024-05-30T08:00:00+09:00")[:2] == ("2024-04-30", "2024-05-31")
    assert incremental.window(planned, "2024-05-30T08:00:00+09:00")[:2] == (
        "2024-04-30",
        "2024-06-29",
    )
    # compare() holds undated reports to the same windows as the candidate search
    meeting = report("A-e1", type="CONSULT", date=("2024-06-02", "2024-06-02", "day"))
    later = report("B-e1", type="CONSULT", date=None, window=("2024-04-30", "2024-06-29"))
    earlier = report("B-e1", type="CONSULT", date=None, window=("2024-04-30", "2024-05-31"))
    assert compare(meeting, later) is not None and criteria(meeting, earlier) is None


def test_other_doers_need_near_identical_evidence_and_other_pairs_never_merge():
    a = report("A-e1", type="ACCUSE", source=("USA", "GOV"), target=("RWA", "MIL"))
    # another doer, same target: the evidence must be near word for word
    m23 = report("B-e1", type="ACCUSE", source=("COD", "REB"), target=("RWA", "MIL"))
    assert compare(a, m23) is not None  # identical evidence vectors
    link = compare(a, m23)
    assert link is not None and link.evidence_floor == CONFLICT_FLOOR
    assert compare(a, dataclasses.replace(m23, vector=with_cosine(CONFLICT_FLOOR - 0.05))) is None
    # another doer and another target: never, unless the roles read crosswise agree
    assert (
        criteria(a, report("B-e1", type="ACCUSE", source=("COD", "REB"), target=("COD", "MIL")))
        is None
    )
    # the same two actors the other way round: a counter-accusation, never the same act...
    told_back = report("B-e1", type="ACCUSE", source=("RWA", "MIL"), target=("USA", "GOV"))
    assert criteria(a, told_back) is None
    # ...except for an exchange, which either side tells as its own release
    freed = report("A-e1", type="CONCEDE", source=("RUS", "GOV"), target=("UKR", "GOV"))
    freed_back = report("B-e1", type="CONCEDE", source=("UKR", "GOV"), target=("RUS", "GOV"))
    assert criteria(freed, freed_back) is not None
    assert criteria(dataclasses.replace(freed, type="ASSAULT"), freed_back) is None
    # "the army" and "the government" of an unnamed country are not surely two doers
    army = report("A-e1", type="ACCUSE", source=(None, "MIL"), target=("COD", "REB"), date=None)
    government = dataclasses.replace(army, id="B-e1", article_id="B", source=(None, "GOV"))
    found = criteria(army, government)
    assert found is not None and evidence_floor(army, government, found) == EVIDENCE_FLOOR
    # two parties of a meeting, named in any order, are never ruled out
    meet = report("A-e1", type="CONSULT", source=("USA", "GOV"), target=("JPN", "GOV"))
    assert criteria(
        meet, report("B-e1", type="CONSULT", source=("KOR", "GOV"), target=("USA", "GOV"))
    )


def test_undated_reports_from_articles_weeks_apart_score_lower():
    first = report("A-e1", date=None, window=("2024-04-03", "2024-05-04"))
    same_day = report("B-e1", date=None, window=("2024-04-03", "2024-05-04"))
    weeks_later = report("B-e1", date=None, window=("2024-04-26", "2024-05-27"))
    assert criteria(first, same_day)["date"] == 0.5
    assert criteria(first, weeks_later)["date"] == pytest.approx(0.5 * 9 / 32)
    # a dated report inside an undated one's window: unknown, nothing more
    inside = report("B-e1", date=("2024-04-20", "2024-04-20", "day"))
    assert criteria(first, inside)["date"] == 0.5 and criteria(first, report("B-e1")) is None


def test_an_undated_report_is_about_the_days_around_its_article():
    """An undated "the blockade goes on" is not a dated blockade two weeks before its article,
    unless told near word for word; a dated act of the days before the article may be it."""
    # article of 24 May: its window runs from 24 April to 25 May
    goes_on = report("B-e1", type="PROTEST", date=None, window=("2024-04-24", "2024-05-25"))
    weeks_before = report("A-e1", type="PROTEST", date=("2024-05-07", "2024-05-07", "day"))
    days_before = report("A-e1", type="PROTEST", date=("2024-05-22", "2024-05-22", "day"))
    alike = with_cosine((EVIDENCE_FLOOR + CONFLICT_FLOOR) / 2)
    assert compare(days_before, dataclasses.replace(goes_on, vector=alike)) is not None
    assert criteria(weeks_before, goes_on) is not None
    assert compare(weeks_before, dataclasses.replace(goes_on, vector=alike)) is None
    link = compare(weeks_before, goes_on)  # identical evidence
    assert link is not None and link.evidence_floor == CONFLICT_FLOOR
    # a strike called for, undated, may be days ahead of its article, not weeks
    called = dataclasses.replace(
        goes_on, modality="requested", window=("2024-04-24", "2024-06-23"), vector=alike
    )
    soon = report("A-e1", type="PROTEST", date=("2024-05-27", "2024-05-27", "day"))
    later = dataclasses.replace(soon, date=("2024-06-01", "2024-06-01", "day"))
    assert compare(soon, called) is not None
    assert (dt.date(2024, 6, 1) - dt.date(2024, 5, 24)).days > RECENT_DAYS
    assert compare(later, called) is None


def test_a_missing_speaker_is_unknown_not_the_same_one():
    """Two "... urged Pyongyang to stop" of one day, one by an unnamed speaker: not one act
    unless told near word for word; both unnamed or both named alike, the usual floors."""
    alike = with_cosine((EVIDENCE_FLOOR + CONFLICT_FLOOR) / 2)
    kwargs = dict(type="REQUEST", target=("PRK", "GOV"), places=[])
    washington = report("A-e1", source=("USA", "GOV"), **kwargs)
    unnamed = report("B-e1", source=None, vector=alike, **kwargs)
    assert criteria(washington, unnamed) is not None and compare(washington, unnamed) is None
    assert compare(washington, dataclasses.replace(unnamed, vector=washington.vector))
    assert compare(washington, dataclasses.replace(unnamed, source=("USA", "GOV")))
    assert compare(dataclasses.replace(washington, source=None), unnamed)
    # a physical act's doer is often unnamed by one side: that is no reason to part them
    strike = report("A-e1", places=[], vector=alike)
    assert compare(strike, report("B-e1", source=None, places=[]))


def test_one_day_in_one_country_anchors_only_with_a_doer_or_a_city():
    """Arrests by unnamed police on a day of nationwide protests, one report placing them in
    the country, the other in a city: not anchored, since each town had its own."""
    france = Place(46.6, 2.4, "FRA", "country")
    lyon = Place(45.76, 4.84, "FRA", "city")
    kwargs = dict(type="COERCE", source=None, target=("FRA", "CVL"))
    between = with_cosine((ANCHORED_FLOOR + EVIDENCE_FLOOR) / 2)
    somewhere = report("A-e1", places=[france], **kwargs)
    in_lyon = report("B-e1", places=[lyon], vector=between, **kwargs)
    found = criteria(somewhere, in_lyon)
    assert found is not None and evidence_floor(somewhere, in_lyon, found) == EVIDENCE_FLOOR
    assert compare(somewhere, in_lyon) is None
    # the same police named by both, or the same city: anchored
    police = dict(source=("FRA", "COP"))
    assert compare(dataclasses.replace(somewhere, **police), dataclasses.replace(in_lyon, **police))
    assert compare(dataclasses.replace(somewhere, places=[lyon]), in_lyon)


def test_names_and_figures_shared_across_languages():
    fr = "Samedi, les rebelles d'El-Kabor ont tiré dix-huit obus sur Mavuno, le 12 mai 2024."
    en = "KABOR, May 12 (Some Wire) - Rebels fired 18 shells at Mavuno from El Kabor on Saturday."
    assert names.shared(fr, en) == {"n:kabor", "n:mavuno", "#:18"}
    # the day of a date, the year, the wire's name and sentence openings are not names
    assert not {"#:12", "#:2024", "n:wire", "n:samedi", "n:rebels"} & names.tokens(en + fr)
    # countries, demonyms and capitals name the actors, which the actor criterion scores
    en = "Shells fell on Kharkiv overnight, Ukrainian officials in Kyiv said, blaming Russia."
    fr = "Des obus sont tombés sur Kharkiv, selon Kiev, qui accuse la Russie."
    assert names.tokens(en) == {"n:kharkiv"} and names.shared(en, fr) == {"n:kharkiv"}
    # a title's full stop does not open a sentence
    assert "n:dupuis" in names.tokens("Arrêté lundi, M. Dupuis a été inculpé.")


def test_a_shared_name_or_figure_stands_for_alike_evidence_of_dated_reports():
    low = with_cosine(0.3)
    a = report("A-e1", text="Les rebelles ont pris Mavuno mardi.", places=[])
    b = report("B-e1", vector=low, text="The rebels captured the town of Mavuno.", places=[])
    assert criteria(a, b)["evidence"] < NAMED_EVIDENCE
    link = compare(a, b)
    assert link is not None and link.criteria["names"] == 1.0
    assert link.as_reason()["criteria"]["evidence"] < link.evidence_floor  # as data
    # nothing shared, or an undated side, or the next day: the cosine decides alone
    assert compare(a, dataclasses.replace(b, text="The rebels captured the town.")) is None
    assert compare(a, dataclasses.replace(b, date=None)) is None
    next_day = ("2024-05-26", "2024-05-26", "day")
    assert compare(a, dataclasses.replace(b, date=next_day)) is None
    # never against two different doers
    assert compare(a, dataclasses.replace(b, source=("BLR", "MIL"))) is None
    # two recaps of one month are many acts; a place both reports name is not a new name
    may = ("2024-05-01", "2024-05-31", "month")
    assert compare(dataclasses.replace(a, date=may), dataclasses.replace(b, date=may)) is None
    mavuno = Place(49.98, 36.25, "UKR", "city", "Mavuno")
    placed = [dataclasses.replace(r, places=[mavuno]) for r in (a, b)]
    assert criteria(*placed)["place"] == 1.0 and compare(*placed) is None
    assert compare(placed[0], b) is not None  # named by one report only: a new name


def test_a_dateline_neither_scores_nor_parts_two_reports():
    seoul = {"name": "SEOUL", "country": "KOR", "lat": 37.57, "lon": 126.98, "start": 0}
    event = {
        "id": "A-e1",
        "type": "ASSAULT",
        "date": None,
        "places": [seoul, {**seoul, "name": "Seoul", "start": 300}],
        "evidence": {"text": "t"},
    }
    assert dateline(seoul) and not dateline({**seoul, "start": 300})
    assert not dateline({**seoul, "name": "Seoul"})
    assert len(Report.from_record(event, "A", None).places) == 1


def test_one_act_told_twice_in_an_article_may_share_its_cluster():
    lead = report("A-e1", text="The army shelled Kharkiv on Saturday.")
    detail = report("A-e2", text="The shells hit a market near the station.")
    other = report("B-e1", text="L'armée a bombardé Kharkiv samedi.")
    assert retold(lead, detail) and criteria(lead, detail) is None
    assert not retold(lead, dataclasses.replace(detail, text=lead.text))  # one sentence
    assert not retold(lead, dataclasses.replace(detail, type="COERCE"))
    links = [x for x in (compare(lead, other), compare(detail, other)) if x]
    assert len(links) == 2
    for perm in itertools.permutations(links):
        cluster_of, _ = agglomerate({r.id: r for r in (lead, detail, other)}, list(perm))
        assert len(set(cluster_of.values())) == 1
    # two acts of one sentence stay apart: the other report joins one of them only
    twin = dataclasses.replace(detail, text=lead.text)
    links = [x for x in (compare(lead, other), compare(twin, other)) if x]
    cluster_of, _ = agglomerate({r.id: r for r in (lead, twin, other)}, links)
    assert cluster_of["A-e1"] != cluster_of["A-e2"]
