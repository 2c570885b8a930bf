"""Schema migrations, applied in order and recorded in the ``migrations`` table.

Append a new function to MIGRATIONS to change the schema; never edit one that has shipped.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable


def run_script(db: sqlite3.Connection, script: str) -> None:
    """Run statements one by one (executescript would commit the migration's transaction)."""
    for statement in script.split(";"):
        if statement.strip():
            db.execute(statement)


def m001_initial(db: sqlite3.Connection) -> None:
    run_script(
        db,
        """
        CREATE TABLE articles (
            id TEXT PRIMARY KEY,
            url TEXT, title TEXT, source TEXT, language TEXT NOT NULL,
            published TEXT, text TEXT NOT NULL,
            content_hash TEXT NOT NULL,
            origin TEXT,
            record TEXT NOT NULL,
            ingested_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
        );
        CREATE TABLE events (
            id TEXT PRIMARY KEY,
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            type TEXT NOT NULL, mode TEXT, modality TEXT NOT NULL,
            source_name TEXT, source_country TEXT, source_sector TEXT, source_code TEXT,
            target_name TEXT, target_country TEXT, target_sector TEXT, target_code TEXT,
            date_start TEXT, date_end TEXT, date_precision TEXT,
            place_name TEXT, place_country TEXT, lat REAL, lon REAL,
            trigger TEXT NOT NULL, evidence TEXT NOT NULL,
            confidence REAL NOT NULL,
            record TEXT NOT NULL
        );
        CREATE INDEX events_article ON events(article_id);
        CREATE INDEX events_type_date ON events(type, date_start);
        CREATE INDEX events_source_country ON events(source_country);
        CREATE INDEX events_target_country ON events(target_country);
        CREATE TABLE quotes (
            id TEXT PRIMARY KEY,
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            kind TEXT NOT NULL, text TEXT NOT NULL, speaker_name TEXT, speaker_code TEXT,
            verb TEXT, channel TEXT, record TEXT NOT NULL
        );
        CREATE INDEX quotes_article ON quotes(article_id);
        CREATE INDEX quotes_speaker ON quotes(speaker_name);
        CREATE TABLE claims (
            id TEXT PRIMARY KEY,
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            event_id TEXT, what TEXT NOT NULL, min REAL, max REAL, approx INTEGER NOT NULL,
            text TEXT NOT NULL, according_to TEXT, modality TEXT NOT NULL, record TEXT NOT NULL
        );
        CREATE INDEX claims_article ON claims(article_id);
        CREATE INDEX claims_event ON claims(event_id);
        CREATE TABLE actors (
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            name TEXT NOT NULL, country TEXT, sector TEXT, code TEXT, role TEXT,
            start INTEGER, end INTEGER
        );
        CREATE INDEX actors_article ON actors(article_id);
        CREATE INDEX actors_code ON actors(code);
        CREATE TABLE places (
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            event_id TEXT, name TEXT NOT NULL, country TEXT, admin1 TEXT, lat REAL, lon REAL,
            precision TEXT, geonames_id INTEGER, start INTEGER, end INTEGER
        );
        CREATE INDEX places_article ON places(article_id);
        CREATE TABLE errors (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            origin TEXT NOT NULL, article_id TEXT, code TEXT NOT NULL, reason TEXT NOT NULL,
            at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
        );
        CREATE INDEX errors_origin ON errors(origin);
        """,
    )


MIGRATIONS: list[tuple[int, str, Callable[[sqlite3.Connection], None]]] = [
    (1, "initial schema", m001_initial),
]
