"""The store: articles and everything extracted from them, in one SQLite file.

One ``Store`` object is the one writer; each article is written in one transaction that first
deletes what the article had, so re-ingesting is idempotent and a changed article replaces
its records. Reading is plain SQL over the same file.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from selon.errors import NotFoundError, SelonError, StoreError
from selon.records import ArticleRecord
from selon.store.migrations import MIGRATIONS


def default_db_path() -> Path:
    return Path(os.environ.get("SELON_DB", "selon.db"))


class Store:
    def __init__(self, path: str | Path = ":memory:") -> None:
        self.path = str(path)
        try:
            self.db = sqlite3.connect(self.path, isolation_level=None)
            self.db.row_factory = sqlite3.Row
            self.db.execute("PRAGMA foreign_keys = ON")
            if self.path != ":memory:":
                self.db.execute("PRAGMA journal_mode = WAL")
            self.db.execute("PRAGMA busy_timeout = 5000")
            self.migrate()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"cannot open the store {self.path}: {exc}") from exc

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- schema ---------------------------------------------------------------------------------

    def migrate(self) -> list[int]:
        """Apply the migrations this file has not had yet; returns their numbers."""
        self.db.execute(
            "CREATE TABLE IF NOT EXISTS migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL,"
            " applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')))"
        )
        done = {row[0] for row in self.db.execute("SELECT version FROM migrations")}
        applied = []
        for version, name, migration in MIGRATIONS:
            if version in done:
                continue
            self.db.execute("BEGIN IMMEDIATE")
            try:
                if self.db.execute(  # another process (a server's worker) got there first
                    "SELECT 1 FROM migrations WHERE version = ?", (version,)
                ).fetchone():
                    self.db.execute("COMMIT")
                    continue
                migration(self.db)
                self.db.execute(
                    "INSERT INTO migrations (version, name) VALUES (?, ?)", (version, name)
                )
                self.db.execute("COMMIT")
            except Exception:
                self.db.execute("ROLLBACK")
                raise
            applied.append(version)
        return applied

    def schema_version(self) -> int:
        row = self.db.execute("SELECT MAX(version) FROM migrations").fetchone()
        return int(row[0] or 0)

    # --- writing --------------------------------------------------------------------------------

    def content_hash(self, article_id: str) -> str | None:
        row = self.db.execute(
            "SELECT content_hash FROM articles WHERE id = ?", (article_id,)
        ).fetchone()
        return row[0] if row else None

    def save(
        self,
        record: ArticleRecord,
        *,
        content_hash: str,
        origin: str | None = None,
        encode: bool = True,
    ) -> None:
        """Write one article and its records in one transaction, replacing what it had, and
        merge its events with the stored reports of the same real-world events.

        ``encode=False`` skips the sentence encoder (zero vectors: no evidence similarity, so
        nothing merges on evidence); only for bulk synthetic stores such as the load test.
        """
        import numpy as np

        from selon.merge import embed, incremental

        article = record.article
        texts = [e.evidence.text for e in record.events]
        encoded = embed.encode(texts) if encode else np.zeros((len(texts), embed.DIM), np.float32)
        vectors = {e.id: v for e, v in zip(record.events, encoded, strict=True)}
        self.db.execute("BEGIN IMMEDIATE")
        try:
            old_clusters = [
                r[0]
                for r in self.db.execute(
                    "SELECT DISTINCT cluster_id FROM events WHERE article_id = ?", (article.id,)
                )
            ]
            previous = [
                r[0]
                for r in self.db.execute(
                    "SELECT id FROM events WHERE cluster_id IN"
                    " (SELECT cluster_id FROM events WHERE article_id = ?) AND article_id != ?",
                    (article.id, article.id),
                )
            ]
            self.db.execute("DELETE FROM articles WHERE id = ?", (article.id,))
            self.db.execute(
                "DELETE FROM errors WHERE article_id = ? OR origin = ?", (article.id, origin)
            )
            self.db.execute(
                "INSERT INTO articles (id, url, title, source, language, published, text,"
                " content_hash, origin, record) VALUES (?,?,?,?,?,?,?,?,?,?)",
                (
                    article.id,
                    article.url,
                    article.title,
                    article.source,
                    article.language,
                    article.published,
                    article.text,
                    content_hash,
                    origin,
                    record.model_dump_json(),
                ),
            )
            for event in record.events:
                place = event.places[0] if event.places else None
                src, tgt, date = event.source, event.target, event.date
                self.db.execute(
                    "INSERT INTO events (id, article_id, type, mode, modality,"
                    " source_name, source_country, source_sector, source_code,"
                    " target_name, target_country, target_sector, target_code,"
                    " date_start, date_end, date_precision, place_name, place_country, lat, lon,"
                    " trigger, evidence, confidence, record, cluster_id)"
                    " VALUES (?,?,?,?,?, ?,?,?,?, ?,?,?,?, ?,?,?, ?,?,?,?, ?,?,?,?, ?)",
                    (
                        event.id,
                        article.id,
                        event.type,
                        event.mode,
                        event.modality,
                        src and src.name,
                        src and src.country,
                        src and src.sector,
                        src and src.code,
                        tgt and tgt.name,
                        tgt and tgt.country,
                        tgt and tgt.sector,
                        tgt and tgt.code,
                        date and date.start,
                        date and date.end,
                        date and date.precision,
                        place and place.name,
                        place and place.country,
                        place and place.lat,
                        place and place.lon,
                        event.trigger.text,
                        event.evidence.text,
                        event.confidence,
                        event.model_dump_json(),
                        event.id,
                    ),
                )
                for p in event.places:
                    self.db.execute(
                        "INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                        (
                            article.id,
                            event.id,
                            p.name,
                            p.country,
                            p.admin1,
                            p.lat,
                            p.lon,
                            p.precision,
                            p.geonames_id,
                            p.start,
                            p.end,
                        ),
                    )
            for quote in record.quotes:
                speaker = quote.speaker
                self.db.execute(
                    "INSERT INTO quotes VALUES (?,?,?,?,?,?,?,?,?)",
                    (
                        quote.id,
                        article.id,
                        quote.kind,
                        quote.text,
                        speaker and speaker.name,
                        speaker and speaker.code,
                        quote.verb,
                        quote.channel,
                        quote.model_dump_json(),
                    ),
                )
            for claim in record.claims:
                source = claim.according_to
                self.db.execute(
                    "INSERT INTO claims VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                    (
                        claim.id,
                        article.id,
                        claim.event_id,
                        claim.what,
                        claim.min,
                        claim.max,
                        int(claim.approx),
                        claim.text,
                        source and source.name,
                        claim.modality,
                        claim.model_dump_json(),
                    ),
                )
            for entity in record.entities:
                if entity.actor is not None:
                    a = entity.actor
                    self.db.execute(
                        "INSERT INTO actors VALUES (?,?,?,?,?,?,?,?)",
                        (article.id, a.name, a.country, a.sector, a.code, a.role, a.start, a.end),
                    )
            incremental.merge_article(
                self.db, article.id, vectors=vectors, previous=previous, old_clusters=old_clusters
            )
            self.db.execute("COMMIT")
        except BaseException:
            self.db.execute("ROLLBACK")
            raise

    def rebuild_merges(self) -> int:
        """Recompute every merge from the stored reports; returns the number of merged events."""
        from selon.merge import incremental

        self.db.execute("BEGIN IMMEDIATE")
        try:
            count = incremental.rebuild(self.db)
            self.db.execute("COMMIT")
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        return count

    def compact(self) -> None:
        """VACUUM the file, then re-key what follows the rowids of ``events`` and ``quotes``
        (their full-text rows, and ``merged_events.rid``): SQLite's VACUUM may renumber the
        rowids of tables without an INTEGER PRIMARY KEY. A plain ``VACUUM`` from another tool
        can leave searches pointing at the wrong events; this puts them right again."""
        self.db.execute("VACUUM")
        self.db.execute("BEGIN IMMEDIATE")
        try:
            for statement in (
                "DELETE FROM events_fts",
                "INSERT INTO events_fts (rowid, event_id, evidence, trigger)"
                " SELECT rowid, id, evidence, trigger FROM events",
                "DELETE FROM quotes_fts",
                "INSERT INTO quotes_fts (rowid, quote_id, text, speaker)"
                " SELECT rowid, id, text, speaker_name FROM quotes",
                "UPDATE merged_events SET rid = (SELECT e.rowid FROM events e"
                " WHERE e.id = merged_events.id)",
            ):
                self.db.execute(statement)
            self.db.execute("COMMIT")
        except BaseException:
            self.db.execute("ROLLBACK")
            raise

    def record_error(self, origin: str, error: SelonError, article_id: str | None = None) -> None:
        """Record a failed input; a later success for the same origin clears it."""
        self.db.execute("BEGIN IMMEDIATE")
        try:
            self.db.execute("DELETE FROM errors WHERE origin = ?", (origin,))
            self.db.execute(
                "INSERT INTO errors (origin, article_id, code, reason) VALUES (?,?,?,?)",
                (origin, article_id, error.code, error.message),
            )
            self.db.execute("COMMIT")
        except BaseException:
            self.db.execute("ROLLBACK")
            raise

    # --- reading --------------------------------------------------------------------------------

    def counts(self) -> dict[str, int]:
        return {
            table: int(self.db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])
            for table in ("articles", "events", "quotes", "claims", "errors")
        }

    def events(
        self,
        *,
        type: str | None = None,
        country: str | None = None,
        since: str | None = None,
        until: str | None = None,
        text: str | None = None,
        limit: int | None = None,
        detail: bool = False,
    ) -> Iterator[dict[str, Any]]:
        """Merged events, newest first, each as its merged record with ``cluster_id``,
        ``articles``, ``num_articles`` and ``num_sources`` (``detail``: also ``reports``,
        ``claims`` and ``merge_reasons``). Filters apply to the merged record, ``text`` to any
        of its reports' evidence or trigger."""
        from selon.store.queries import EventFilter, event_detail, merged_where

        flt = EventFilter(
            type=[type.upper()] if type else [],
            country=[country.upper()] if country else [],
            since=since,
            until=until,
        )
        where, params = merged_where(flt)
        if text:
            where += (" AND " if where else " WHERE ") + (
                "x.id IN (SELECT cluster_id FROM events WHERE evidence LIKE ? OR trigger LIKE ?)"
            )
            params += [f"%{text}%"] * 2
        sql = f"SELECT x.id FROM merged_events x{where} ORDER BY x.rank, x.id"
        if limit:
            sql += f" LIMIT {int(limit)}"
        for (event_id,) in self.db.execute(sql, params).fetchall():
            event = event_detail(self.db, event_id)
            assert event is not None
            if detail:
                event["reports"] = [
                    {
                        "event_id": r["id"],
                        "article_id": r["article"]["id"],
                        "trigger": r["trigger"],
                        "evidence": r["evidence"],
                    }
                    for r in event["reports"]
                ]
                event.pop("claims_side_by_side", None)
                event.pop("quotes", None)
            else:
                for key in ("reports", "claims", "claims_side_by_side", "quotes", "merge_reasons"):
                    event.pop(key, None)
            yield event

    def event(self, event_id: str) -> dict[str, Any]:
        """One merged event (by any of its event ids or its cluster id) with its reports,
        merge reasons, claims and quotes."""
        from selon.store.queries import event_detail

        found = event_detail(self.db, event_id)
        if found is None:
            raise NotFoundError(f"no event {event_id!r} in the store")
        return found

    def errors(self) -> list[dict[str, Any]]:
        return [dict(r) for r in self.db.execute("SELECT * FROM errors ORDER BY id")]
