"""The HTTP API through an in-process client: envelopes, filters, pagination, search, export."""

from __future__ import annotations

import pytest

from selon.store import Store
from tests.factories import kharkiv_record

RESULT_KEYS = {"ok", "data", "meta"}
ERROR_KEYS = {"ok", "status", "error", "errors"}


@pytest.mark.parametrize(
    "path",
    [
        "/api/events",
        "/api/events/T1-e1",
        "/api/articles/T1",
        "/api/quotes?speaker=gouverneur",
        "/api/actors",
        "/api/stats",
        "/api/points",
        "/api/facets",
    ],
)
def test_api_result_envelope(client, path):
    response = client.get(path)
    assert response.status_code == 200
    body = response.json()
    assert set(body) == RESULT_KEYS and body["ok"] is True and isinstance(body["meta"], dict)


@pytest.mark.parametrize(
    ("params", "param"),
    [
        ({"type": "BOMB"}, "type"),
        ({"modality": "maybe"}, "modality"),
        ({"since": "yesterday"}, "since"),
        ({"since": "2024-06-01", "until": "2024-05-01"}, "until"),
        ({"bbox": "1,2,3"}, "bbox"),
        ({"source_country": "UK"}, "source_country"),
        ({"target_sector": "XYZ"}, "target_sector"),
        ({"limit": "0"}, "limit"),
        ({"limit": "many"}, "limit"),
        ({"min_sources": "0"}, "min_sources"),
        ({"cursor": "garbage!"}, "cursor"),
        ({"q": "«»"}, "q"),
    ],
)
def test_api_error_envelope_names_the_parameter(client, params, param):
    response = client.get("/api/events", params=params)
    assert response.status_code == 400
    body = response.json()
    assert set(body) == ERROR_KEYS and body["ok"] is False and body["status"] == 400
    assert body["errors"][0]["param"] == param
    assert body["error"].startswith(f"{param}: ")


@pytest.mark.parametrize("path", ["/api/events/nope", "/api/articles/nope", "/api/nothing"])
def test_api_not_found_is_an_error_envelope(client, path):
    response = client.get(path)
    assert response.status_code == 404
    assert set(response.json()) == ERROR_KEYS


def test_api_export_bad_format_names_it(client):
    body = client.get("/api/export", params={"format": "xlsx"}).json()
    assert body["status"] == 400 and body["errors"][0]["param"] == "format"


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"type": "PROTEST"}, {"T2-e1"}),
        ({"type": "assault,protest", "place_country": "GEO"}, {"T2-e1"}),
        ({"mode": "aerial"}, {"T1-e1", "T3-e1"}),
        ({"modality": "hedged"}, {"T2-e1"}),
        ({"source_country": "RUS", "source_sector": "MIL"}, {"T1-e1", "T3-e1", "X1-e1"}),
        ({"target_country": "UKR", "until": "2024-05-25"}, {"T1-e1", "X1-e1"}),
        ({"source_sector": "CVL"}, {"T2-e1"}),
        ({"country": "GEO"}, {"T2-e1"}),
        ({"bbox": "40,40,50,45"}, {"T2-e1"}),
        ({"since": "2024-05-26"}, {"T3-e1"}),
        ({"min_sources": "1", "type": "PROTEST"}, {"T2-e1"}),
        ({"min_sources": "2"}, set()),
        ({"q": "frappes"}, {"T1-e1", "T3-e1"}),
        ({"q": "cederons"}, {"T1-e1", "T3-e1"}),  # in a quote, accents folded
        ({"q": "Tbili"}, {"T2-e1"}),  # prefix
        ({"article": "T3"}, {"T3-e1"}),
    ],
)
def test_api_events_filters(client, params, expected):
    body = client.get("/api/events", params=params).json()
    assert {e["id"] for e in body["data"]} == expected


def test_api_events_cursor_pages_cover_everything_once(client):
    seen, cursor = [], None
    while True:
        params = {"limit": 1} | ({"cursor": cursor} if cursor else {})
        body = client.get("/api/events", params=params).json()
        seen += [e["id"] for e in body["data"]]
        cursor = body["meta"]["next_cursor"]
        if cursor is None:
            break
    assert len(seen) == len(set(seen)) == 4
    assert seen[0] == "T3-e1"  # newest first


def test_api_event_has_cluster_fields_reports_claims_and_quotes(client):
    event = client.get("/api/events/T1-e1").json()["data"]
    assert event["cluster_id"] == "T1-e1" and event["articles"] == ["T1"]
    assert event["num_articles"] == event["num_sources"] == 1
    assert [r["id"] for r in event["reports"]] == ["T1-e1"] and event["merge_reasons"] == []
    (deaths,) = event["claims_side_by_side"]
    assert deaths["what"] == "deaths"
    assert [(c["min"], c["according_to"]["name"]) for c in deaths["claims"]] == [
        (12, "ministère"),
        (30, "opposition"),
    ]
    assert [q["id"] for q in event["quotes"]] == ["T1-q1"]


def test_api_article_spans_point_into_the_text(client):
    article = client.get("/api/articles/T1").json()["data"]
    kinds = {s["kind"] for s in article["spans"]}
    assert {"actor", "trigger", "date", "place", "quote", "claim", "evidence"} <= kinds
    assert all(0 <= s["start"] < s["end"] <= len(article["text"]) for s in article["spans"])


def test_api_quotes_actors_stats(client):
    quotes = client.get("/api/quotes", params={"speaker": "gouverneur"}).json()["data"]
    assert {q["id"] for q in quotes} == {"T1-q1", "T3-q1"}
    actors = client.get("/api/actors", params={"q": "russes"}).json()["data"]
    assert actors[0]["code"] == "RUSMIL" and actors[0]["articles"] == 2
    stats = client.get("/api/stats", params={"type": "ASSAULT"}).json()["data"]
    assert stats["total"] == 3 and stats["by_type"] == {"ASSAULT": 3}
    assert {"date": "2024-05-27", "type": "ASSAULT", "count": 1} in stats["days"]


def test_api_export_endpoint(client):
    response = client.get(
        "/api/export", params={"format": "csv", "layout": "acled", "type": "ASSAULT"}
    )
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/csv")
    assert response.text.splitlines()[0].startswith("event_id_cnty,event_date")
    assert len(response.text.splitlines()) == 4


def test_api_serves_the_offline_ui_with_a_strict_policy(client):
    page = client.get("/")
    assert page.status_code == 200 and "app.js" in page.text
    assert "script-src 'self'" in page.headers["content-security-policy"]
    assert client.get("/static/data/countries-50m.json").status_code == 200
    assert client.get("/docs").status_code == 200


def test_search_index_follows_replaced_articles(tmp_path):
    with Store(tmp_path / "s.db") as store:
        store.save(kharkiv_record("R1"), content_hash="a", origin="r1")
        changed = kharkiv_record("R1")
        changed.article.text = changed.article.text.replace("frappes", "salves ")
        changed.events[0].evidence.text = changed.events[0].evidence.text.replace(
            "frappes", "salves "
        )
        changed.events[0].trigger.text = "salves"
        store.save(changed, content_hash="b", origin="r1")
        db = store.db

        def hits(word: str) -> int:
            return int(
                db.execute(
                    "SELECT COUNT(*) FROM events_fts WHERE events_fts MATCH ?", (word,)
                ).fetchone()[0]
            )

        assert (hits("frappes"), hits("salves")) == (0, 1)
        assert db.execute("SELECT COUNT(*) FROM quote_events").fetchone()[0] == 1
        db.execute("DELETE FROM articles")
        assert hits("salves") == 0
        assert db.execute("SELECT COUNT(*) FROM quote_events").fetchone()[0] == 0


def test_reader_lends_each_connection_to_one_request_at_a_time(store_path):
    from selon.api.app import Reader

    reader = Reader(str(store_path))
    with reader.lend() as a:
        with reader.lend() as b:
            assert a is not b  # two requests in flight never share a connection
        with reader.lend() as c:
            assert c is b  # a returned connection is lent again
    with pytest.raises(RuntimeError), reader.lend() as d:
        raise RuntimeError("the request failed")
    with reader.lend() as e, reader.lend() as f:
        assert {id(e), id(f)} == {id(a), id(b)} and d in (a, b)  # even after a failure


def test_concurrent_requests_all_answer(client):
    from concurrent.futures import ThreadPoolExecutor

    queries = [{"q": "frappes"}, {"type": "ASSAULT"}, {"country": "GEO"}, {}] * 10
    with ThreadPoolExecutor(8) as pool:
        answers = list(pool.map(lambda p: client.get("/api/events", params=p), queries))
    assert all(a.status_code == 200 and a.json()["ok"] for a in answers)
