import json
import sqlite3

import pytest

from selon.errors import EmptyInputError, NotFoundError, StoreError
from selon.ingest import ingest
from selon.store import Store
from selon.store.migrations import MIGRATIONS

FR = "Des frappes russes ont visé Kharkiv dans la nuit de samedi à dimanche, selon le gouverneur Oleh Synehoubov. Au moins 12 personnes ont été tuées."
EN = "Russian forces shelled Kharkiv overnight, killing at least 12 civilians, Governor Oleh Syniehubov said on Telegram."


@pytest.fixture
def articles(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.json").write_text(
        json.dumps({"id": "fr1", "text": FR, "published": "2024-05-26T09:00:00+03:00"})
    )
    (folder / "b.json").write_text(
        json.dumps({"id": "en1", "text": EN, "published": "2024-05-26T09:00:00+03:00"})
    )
    (folder / "bad.txt").write_bytes(b"\x00\x00binary")
    return folder


def test_store_migrations_are_recorded_once(tmp_path):
    path = tmp_path / "s.db"
    with Store(path) as store:
        assert store.schema_version() == len(MIGRATIONS)
    with Store(path) as store:
        assert store.migrate() == []
        rows = store.db.execute("SELECT version, name FROM migrations").fetchall()
        assert [tuple(r) for r in rows] == [(v, n) for v, n, _ in MIGRATIONS]


def test_store_ingest_is_idempotent_and_records_failures(tmp_path, articles):
    with Store(tmp_path / "s.db") as store:
        first = ingest(store, [str(articles)])
        assert (first.saved, first.failed) == (2, 1)
        counts = store.counts()
        assert counts["articles"] == 2 and counts["errors"] == 1 and counts["events"] >= 2
        assert store.errors()[0]["code"] == "binary"
        again = ingest(store, [str(articles)])
        assert (again.saved, again.unchanged, again.failed) == (0, 2, 1)
        assert store.counts() == counts


def test_store_changed_article_replaces_its_records(tmp_path, articles):
    with Store(tmp_path / "s.db") as store:
        ingest(store, [str(articles)])
        (articles / "a.json").write_text(
            json.dumps(
                {
                    "id": "fr1",
                    "text": "La police a arrêté trois manifestants à Tbilissi mardi soir, a indiqué le ministère.",
                }
            )
        )
        report = ingest(store, [str(articles)])
        assert report.saved == 1
        events = list(store.events())
        assert {e["type"] for e in events if e["articles"] == ["fr1"]} == {"COERCE"}
        assert all("Tbilissi" in e["evidence"]["text"] for e in events if e["articles"] == ["fr1"])
        assert store.counts()["articles"] == 2


def test_store_a_failing_write_loses_nothing(tmp_path, articles, monkeypatch):
    with Store(tmp_path / "s.db") as store:
        ingest(store, [str(articles / "a.json")])
        counts = store.counts()
        original = store.db

        class Exploding:
            def __init__(self):
                self.calls = 0

            def execute(self, sql, *args):
                if sql.startswith("INSERT INTO events"):
                    raise sqlite3.OperationalError("disk full")
                return original.execute(sql, *args)

        (articles / "a.json").write_text(json.dumps({"id": "fr1", "text": FR + " Encore."}))
        store.db = Exploding()  # type: ignore[assignment]
        with pytest.raises(sqlite3.OperationalError):
            ingest(store, [str(articles / "a.json")])
        store.db = original
        assert store.counts() == counts  # the old version of the article is intact


def test_store_event_lookup_and_filters(tmp_path, articles):
    with Store(tmp_path / "s.db") as store:
        ingest(store, [str(articles)])
        assault = list(store.events(type="assault"))
        assert assault and all(e["type"] == "ASSAULT" for e in assault)
        assert list(store.events(country="UKR"))
        assert list(store.events(since="2024-05-25", until="2024-05-26"))
        one = store.event(assault[0]["id"])
        assert one["article"]["id"] in ("fr1", "en1")
        with pytest.raises(NotFoundError):
            store.event("nope")


def test_store_unreadable_file_is_a_store_error(tmp_path):
    path = tmp_path / "not.db"
    path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError):
        Store(path)


def test_store_records_an_error_with_its_reason(tmp_path):
    with Store(tmp_path / "s.db") as store:
        store.record_error("x.txt", EmptyInputError("no article text"))
        store.record_error("x.txt", EmptyInputError("no article text"))
        assert [(e["origin"], e["code"]) for e in store.errors()] == [("x.txt", "empty")]
