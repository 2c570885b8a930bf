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


def run_statements(db: sqlite3.Connection, script: str) -> None:
    """Like ``run_script``, but a statement ends only where SQLite says it is complete, so
    trigger bodies (``BEGIN ...; ... END;``) stay whole."""
    pending = ""
    for piece in script.split(";"):
        pending += piece + ";"
        if sqlite3.complete_statement(pending):
            if pending.strip(" \n;"):
                db.execute(pending)
            pending = ""


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


def m002_search_and_links(db: sqlite3.Connection) -> None:
    """Full-text search over evidence, triggers and quotes; quote-event links; read indexes.

    The FTS5 tables keep their own copy of the text with the id beside it (``UNINDEXED``) and
    the row's rowid as theirs, so the triggers can delete by rowid; searches join on the id.
    ``quote_events`` unpacks each quote's ``event_ids`` so "the quotes of an event" is a lookup.
    Foreign-key cascades fire these triggers, so replacing an article keeps everything in step.
    """
    run_statements(
        db,
        """
        CREATE VIRTUAL TABLE events_fts USING fts5(
            event_id UNINDEXED, evidence, trigger, tokenize = 'unicode61 remove_diacritics 2'
        );
        CREATE VIRTUAL TABLE quotes_fts USING fts5(
            quote_id UNINDEXED, text, speaker, tokenize = 'unicode61 remove_diacritics 2'
        );
        CREATE TABLE quote_events (
            quote_id TEXT NOT NULL, event_id TEXT NOT NULL, PRIMARY KEY (quote_id, event_id)
        ) WITHOUT ROWID;
        CREATE INDEX quote_events_event ON quote_events(event_id);
        CREATE TRIGGER events_fts_insert AFTER INSERT ON events BEGIN
            INSERT INTO events_fts (rowid, event_id, evidence, trigger)
            VALUES (new.rowid, new.id, new.evidence, new.trigger);
        END;
        CREATE TRIGGER events_fts_delete AFTER DELETE ON events BEGIN
            DELETE FROM events_fts WHERE rowid = old.rowid;
        END;
        CREATE TRIGGER quotes_fts_insert AFTER INSERT ON quotes BEGIN
            INSERT INTO quotes_fts (rowid, quote_id, text, speaker)
            VALUES (new.rowid, new.id, new.text, new.speaker_name);
            INSERT OR IGNORE INTO quote_events (quote_id, event_id)
            SELECT new.id, value FROM json_each(new.record, '$.event_ids');
        END;
        CREATE TRIGGER quotes_fts_delete AFTER DELETE ON quotes BEGIN
            DELETE FROM quotes_fts WHERE rowid = old.rowid;
            DELETE FROM quote_events WHERE quote_id = old.id;
        END;
        INSERT INTO events_fts (rowid, event_id, evidence, trigger)
            SELECT rowid, id, evidence, trigger FROM events;
        INSERT INTO quotes_fts (rowid, quote_id, text, speaker)
            SELECT rowid, id, text, speaker_name FROM quotes;
        INSERT OR IGNORE INTO quote_events (quote_id, event_id)
            SELECT q.id, j.value FROM quotes q, json_each(q.record, '$.event_ids') j;
        CREATE INDEX events_sort ON events(COALESCE(date_start, '') DESC, id);
        CREATE INDEX events_date ON events(date_start, date_end);
        CREATE INDEX events_place_country ON events(place_country);
        CREATE INDEX events_modality ON events(modality);
        CREATE INDEX events_lat_lon ON events(lat, lon);
        CREATE INDEX actors_name ON actors(name);
        """,
    )


def m003_merging(db: sqlite3.Connection) -> None:
    """Merging reports across articles (selon.merge).

    ``events.cluster_id`` names the merged event a report belongs to (its smallest event id);
    ``window_start``/``window_end``/``window_class`` are the dates a report may be compared on
    (its date at its precision, a day give or take one; undated: the month up to its article's
    publication), indexed with the type so candidates are found by range. ``event_vectors`` holds
    the evidence's sentence vector, ``merge_links`` every pair that may merge with its criteria,
    ``clusters`` the merged record. ``article_bands``/``article_duplicates`` find near-duplicate
    articles (MinHash LSH).
    """
    run_statements(
        db,
        """
        ALTER TABLE events ADD COLUMN cluster_id TEXT;
        ALTER TABLE events ADD COLUMN window_start TEXT;
        ALTER TABLE events ADD COLUMN window_end TEXT;
        ALTER TABLE events ADD COLUMN window_class INTEGER;
        UPDATE events SET cluster_id = id;
        CREATE INDEX events_cluster ON events(cluster_id);
        CREATE INDEX events_window ON events(type, window_class, window_start);
        CREATE TABLE event_vectors (
            event_id TEXT PRIMARY KEY REFERENCES events(id) ON DELETE CASCADE,
            vector BLOB NOT NULL
        );
        CREATE TABLE merge_links (
            a TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
            b TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
            score REAL NOT NULL, criteria TEXT NOT NULL,
            PRIMARY KEY (a, b)
        ) WITHOUT ROWID;
        CREATE INDEX merge_links_b ON merge_links(b);
        CREATE TABLE clusters (
            id TEXT PRIMARY KEY, num_articles INTEGER NOT NULL, num_sources INTEGER NOT NULL,
            record TEXT NOT NULL
        );
        CREATE TABLE article_bands (
            band INTEGER NOT NULL, bucket INTEGER NOT NULL,
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE
        );
        CREATE INDEX article_bands_bucket ON article_bands(band, bucket);
        CREATE INDEX article_bands_article ON article_bands(article_id);
        CREATE TABLE article_duplicates (
            a TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            b TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            similarity REAL NOT NULL,
            PRIMARY KEY (a, b)
        ) WITHOUT ROWID;
        CREATE INDEX article_duplicates_b ON article_duplicates(b);
        """,
    )


# The filterable fields of a merged event: (column, from its representative report ``e``, from
# the merged record ``c.record``). ``rank`` orders newest first: minus the start day as YYYYMMDD,
# 0 when undated (so undated events come last).
MERGED_FIELDS = [
    ("date_start", "e.date_start", "'$.date.start'"),
    ("date_end", "e.date_end", "'$.date.end'"),
    ("type", "e.type", "'$.type'"),
    ("mode", "e.mode", "'$.mode'"),
    ("modality", "e.modality", "'$.modality'"),
    ("source_country", "e.source_country", "'$.source.country'"),
    ("source_sector", "e.source_sector", "'$.source.sector'"),
    ("target_country", "e.target_country", "'$.target.country'"),
    ("target_sector", "e.target_sector", "'$.target.sector'"),
    ("place_country", "e.place_country", "'$.places[0].country'"),
    ("lat", "e.lat", "'$.places[0].lat'"),
    ("lon", "e.lon", "'$.places[0].lon'"),
]


MERGED_COLUMNS = ["rank", "id", "rid", *(name for name, _, _ in MERGED_FIELDS), "num_sources"]


def merged_rows_sql(condition: str) -> str:
    """The ``merged_events`` rows of the representative reports meeting ``condition``: the
    merged record's fields when its cluster is written, else the report's own."""
    values = [
        f"CASE WHEN c.id IS NULL THEN {own} ELSE json_extract(c.record, {path}) END"
        for _, own, path in MERGED_FIELDS
    ]
    start = values[0]
    return (
        "SELECT COALESCE(-CAST(replace("
        + start
        + ", '-', '') AS INTEGER), 0), e.id, e.rowid, "
        + ", ".join(values)
        + ", COALESCE(c.num_sources, 1)"
        " FROM events e LEFT JOIN clusters c ON c.id = e.id"
        f" WHERE {condition} AND e.cluster_id = e.id"
    )


def m004_merged_events(db: sqlite3.Connection) -> None:
    """One row per merged event with the fields the API filters on, kept in step by triggers.

    ``/api/events`` lists merged events and filters them on what it shows: the merged record
    (its type, actors, date and first place) when the cluster is written, else the
    representative report. The table is clustered on (rank, id), the listing's order, and each
    index ends with that key, so an equality filter walks its index in order and a cursor seeks
    with ``(rank, id) > (?, ?)``. Triggers on ``events`` and ``clusters`` refresh a row whenever
    either changes; ``selon.merge`` needs to know nothing about it. ``rid`` is the representative
    report's rowid (its ``events_fts`` rowid); ``events_merged_reports`` lists the other reports,
    so a full-text match is mapped to its merged event without reading the events themselves.
    """
    columns = ", ".join(MERGED_COLUMNS)
    refresh = {
        key: f"DELETE FROM merged_events WHERE id = {key};"
        f" INSERT INTO merged_events ({columns})"
        f" {merged_rows_sql(f'e.id = {key}')};"
        for key in ("new.id", "old.id")
    }
    run_statements(
        db,
        f"""
        CREATE TABLE merged_events (
            rank INTEGER NOT NULL, id TEXT NOT NULL, rid INTEGER NOT NULL,
            date_start TEXT, date_end TEXT, type TEXT NOT NULL, mode TEXT, modality TEXT,
            source_country TEXT, source_sector TEXT, target_country TEXT, target_sector TEXT,
            place_country TEXT, lat REAL, lon REAL, num_sources INTEGER NOT NULL,
            PRIMARY KEY (rank, id)
        ) WITHOUT ROWID;
        INSERT INTO merged_events ({columns})
            {merged_rows_sql("1")};
        CREATE UNIQUE INDEX merged_events_id ON merged_events(id);
        CREATE INDEX merged_events_type ON merged_events(type);
        CREATE INDEX merged_events_mode ON merged_events(mode);
        CREATE INDEX merged_events_modality ON merged_events(modality);
        CREATE INDEX merged_events_source_country ON merged_events(source_country);
        CREATE INDEX merged_events_source_sector ON merged_events(source_sector);
        CREATE INDEX merged_events_target_country ON merged_events(target_country);
        CREATE INDEX merged_events_target_sector ON merged_events(target_sector);
        CREATE INDEX merged_events_place_country ON merged_events(place_country);
        CREATE INDEX merged_events_lat_lon ON merged_events(lat, lon);
        CREATE INDEX merged_events_date_end ON merged_events(date_end);
        CREATE INDEX merged_events_num_sources ON merged_events(num_sources);
        CREATE INDEX merged_events_rid ON merged_events(rid);
        CREATE INDEX events_merged_reports ON events(cluster_id, id) WHERE cluster_id <> id;
        CREATE TRIGGER merged_events_event_insert AFTER INSERT ON events BEGIN
            {refresh["new.id"]}
        END;
        CREATE TRIGGER merged_events_event_delete AFTER DELETE ON events BEGIN
            DELETE FROM merged_events WHERE id = old.id;
        END;
        CREATE TRIGGER merged_events_event_recluster AFTER UPDATE OF cluster_id ON events
        WHEN old.cluster_id IS NOT new.cluster_id BEGIN
            {refresh["new.id"]}
        END;
        CREATE TRIGGER merged_events_cluster_insert AFTER INSERT ON clusters BEGIN
            {refresh["new.id"]}
        END;
        CREATE TRIGGER merged_events_cluster_update AFTER UPDATE ON clusters BEGIN
            {refresh["old.id"]}
            {refresh["new.id"]}
        END;
        CREATE TRIGGER merged_events_cluster_delete AFTER DELETE ON clusters BEGIN
            {refresh["old.id"]}
        END;
        """,
    )


def m005_country_type_indexes(db: sqlite3.Connection) -> None:
    """A country with a type, the commonest pair of filters, through one index each, in the
    listing's order. On the expression ``country || ' ' || type``: an index on the two columns
    would also be taken for the country alone, then sorted."""
    run_script(
        db,
        """
        CREATE INDEX merged_events_source_country_type
            ON merged_events(source_country || ' ' || type);
        CREATE INDEX merged_events_target_country_type
            ON merged_events(target_country || ' ' || type);
        CREATE INDEX merged_events_place_country_type
            ON merged_events(place_country || ' ' || type);
        """,
    )


# A listed event as JSON, built by SQLite from the stored JSON: the merged record when its
# cluster is written (without its merge reasons), else the report's own, with the stored-event
# fields of the contract. Frozen with m006, which keeps it in ``event_pages``; a later change is
# a new migration that rebuilds the table.
PAGE_JSON_V1 = (
    "json_set(CASE WHEN c.record IS NOT NULL AND e.cluster_id = e.id"
    " THEN json_remove(c.record, '$.merge_reasons') ELSE e.record END,"
    " '$.cluster_id', COALESCE(e.cluster_id, e.id),"
    " '$.articles', CASE WHEN e.cluster_id IS NULL THEN json_array(e.article_id) ELSE"
    " json((SELECT json_group_array(article_id) FROM (SELECT DISTINCT m.article_id FROM events m"
    " WHERE m.cluster_id = e.cluster_id ORDER BY m.article_id))) END,"
    " '$.num_articles', COALESCE(c.num_articles, 1), '$.num_sources', COALESCE(c.num_sources, 1),"
    " '$.article', json_object('id', e.article_id, 'title', a.title, 'source', a.source,"
    " 'url', a.url, 'published', a.published, 'language', a.language))"
)


def page_rows_sql(condition: str) -> str:
    """The ``event_pages`` rows of the representative reports meeting ``condition``."""
    return (
        f"SELECT e.id, {PAGE_JSON_V1} FROM events e JOIN articles a ON a.id = e.article_id"
        f" LEFT JOIN clusters c ON c.id = e.cluster_id WHERE {condition} AND e.cluster_id = e.id"
    )


def m006_event_pages(db: sqlite3.Connection) -> None:
    """Each merged event's listing JSON, written once with the event or its cluster.

    Building a page of 100 events from their stored JSON took SQLite about 2 ms, most of what
    ``/api/events`` cost the server; the API reads listings far more often than ``selon ingest``
    writes them, so the writer pays it once. Kept in step by triggers, like ``merged_events``
    (m004): a report joining or leaving a cluster also refreshes both clusters' rows, whose
    ``articles`` list it changes. A rowid table: rows of a kilobyte made the same lookups
    seven times slower in a ``WITHOUT ROWID`` one.
    """
    refresh = {
        key: f"DELETE FROM event_pages WHERE id = {key};"
        f" INSERT INTO event_pages (id, json) {page_rows_sql(f'e.id = {key}')};"
        for key in ("new.id", "old.id", "new.cluster_id", "old.cluster_id")
    }
    run_statements(
        db,
        f"""
        CREATE TABLE event_pages (id TEXT PRIMARY KEY, json TEXT NOT NULL);
        INSERT INTO event_pages (id, json) {page_rows_sql("1")};
        CREATE TRIGGER event_pages_event_insert AFTER INSERT ON events BEGIN
            {refresh["new.id"]}
        END;
        CREATE TRIGGER event_pages_event_delete AFTER DELETE ON events BEGIN
            DELETE FROM event_pages WHERE id = old.id;
            {refresh["old.cluster_id"]}
        END;
        CREATE TRIGGER event_pages_event_recluster AFTER UPDATE OF cluster_id ON events
        WHEN old.cluster_id IS NOT new.cluster_id BEGIN
            {refresh["new.id"]}
            {refresh["old.cluster_id"]}
            {refresh["new.cluster_id"]}
        END;
        CREATE TRIGGER event_pages_cluster_insert AFTER INSERT ON clusters BEGIN
            {refresh["new.id"]}
        END;
        CREATE TRIGGER event_pages_cluster_update AFTER UPDATE ON clusters BEGIN
            {refresh["old.id"]}
            {refresh["new.id"]}
        END;
        CREATE TRIGGER event_pages_cluster_delete AFTER DELETE ON clusters BEGIN
            {refresh["old.id"]}
        END;
        """,
    )


MIGRATIONS: list[tuple[int, str, Callable[[sqlite3.Connection], None]]] = [
    (1, "initial schema", m001_initial),
    (2, "full-text search, quote-event links, read indexes", m002_search_and_links),
    (3, "merging across articles, near-duplicates", m003_merging),
    (4, "merged events' filter fields, indexed in listing order", m004_merged_events),
    (5, "indexes of a country with a type", m005_country_type_indexes),
    (6, "merged events' listing JSON, written once", m006_event_pages),
]
