"""Read queries over the store for the API, the UI and the exports.

Everything here reads; ``Store`` stays the one writer. Filters are one dataclass,
``EventFilter``, checked once by ``EventFilter.checked`` (which names the bad parameter) and
turned into SQL by ``merged_where`` (merged events: ``/api/events``, ``/api/points``,
``/api/stats``) or ``where_clause`` (reports: ``/api/export`` and ``selon export``), which
share their field conditions.

Events are merged across articles (``selon.merge``): a merged event is listed once, through
its representative report (the one whose id is the cluster id), with the merged record and the
cluster fields (``cluster_id``, ``articles``, ``num_articles``, ``num_sources``, ``reports``,
``merge_reasons``). Filters on fields apply to what is shown, the merged record (its type,
actors, date and first place, kept in ``merged_events`` by triggers, migration 4); ``article``
and ``q`` match any of its reports; ``min_sources`` the merged event. Exports list every report
with its ``cluster_id`` and the cluster's counts, filtered on the report's own fields.
"""

from __future__ import annotations

import base64
import datetime as dt
import json
import re
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from selon.records import MODALITIES, PLOVER_TYPES, SECTORS

MAX_LIMIT = 1000
MAX_POINTS = 50_000
_COUNTRY = re.compile(r"^[A-Z]{3}$")
_WORD = re.compile(r"\w+", re.UNICODE)
_CURSOR_DAY = re.compile(r"^(\d{4}-\d{2}-\d{2})?$")


class QueryError(ValueError):
    """A bad query parameter; ``param`` names it."""

    def __init__(self, param: str, message: str) -> None:
        super().__init__(f"{param}: {message}")
        self.param = param
        self.message = message


def connect(path: str | Path) -> sqlite3.Connection:
    """A reading connection (the schema must be migrated already: open a ``Store`` once)."""
    db = sqlite3.connect(str(path), check_same_thread=False)
    db.row_factory = sqlite3.Row
    db.execute("PRAGMA busy_timeout = 5000")
    db.execute("PRAGMA query_only = 1")
    return db


# --- filters ------------------------------------------------------------------------------------


def _split(value: str | list[str] | None) -> list[str]:
    if value is None:
        return []
    items = value if isinstance(value, list) else [value]
    return [p.strip() for item in items for p in item.split(",") if p.strip()]


def _choices(param: str, value: str | list[str] | None, allowed: tuple[str, ...]) -> list[str]:
    chosen = []
    for item in _split(value):
        if item.upper() in allowed:
            chosen.append(item.upper())
        elif item.lower() in allowed:
            chosen.append(item.lower())
        else:
            raise QueryError(param, f"{item!r} is not one of {', '.join(allowed)}")
    return chosen


def _countries(param: str, value: str | list[str] | None) -> list[str]:
    codes = [c.upper() for c in _split(value)]
    for code in codes:
        if not _COUNTRY.match(code):
            raise QueryError(param, f"{code!r} is not an ISO 3166-1 alpha-3 code, e.g. UKR")
    return codes


def _day(param: str, value: str | None) -> str | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise QueryError(param, f"{value!r} is not a date (YYYY-MM-DD)") from None


def _bbox(value: str | None) -> tuple[float, float, float, float] | None:
    if not value:
        return None
    try:
        west, south, east, north = (float(p) for p in value.split(","))
    except ValueError:
        raise QueryError("bbox", f"{value!r} is not west,south,east,north in degrees") from None
    if not (-180 <= west <= 180 and -180 <= east <= 180 and -90 <= south <= north <= 90):
        raise QueryError("bbox", f"{value!r} is out of range (longitudes ±180, latitudes ±90)")
    return west, south, east, north


def fts_query(text: str) -> str:
    """Words as an FTS5 query (every word, the last one as a prefix); never a syntax error."""
    words = _WORD.findall(text)
    if not words:
        raise QueryError("q", f"{text!r} has no word to search for")
    quoted = [f'"{w}"' for w in words]
    quoted[-1] += "*"
    return " ".join(quoted)


@dataclass
class EventFilter:
    """Which events to select. Lists are ORed, fields are ANDed."""

    type: list[str] = field(default_factory=list)
    mode: list[str] = field(default_factory=list)
    modality: list[str] = field(default_factory=list)
    country: list[str] = field(default_factory=list)  # source, target or place
    source_country: list[str] = field(default_factory=list)
    source_sector: list[str] = field(default_factory=list)
    target_country: list[str] = field(default_factory=list)
    target_sector: list[str] = field(default_factory=list)
    place_country: list[str] = field(default_factory=list)
    bbox: tuple[float, float, float, float] | None = None
    since: str | None = None
    until: str | None = None
    min_sources: int | None = None
    q: str | None = None
    article: str | None = None

    @classmethod
    def checked(
        cls,
        *,
        type: str | list[str] | None = None,
        mode: str | list[str] | None = None,
        modality: str | list[str] | None = None,
        country: str | list[str] | None = None,
        source_country: str | list[str] | None = None,
        source_sector: str | list[str] | None = None,
        target_country: str | list[str] | None = None,
        target_sector: str | list[str] | None = None,
        place_country: str | list[str] | None = None,
        bbox: str | None = None,
        since: str | None = None,
        until: str | None = None,
        min_sources: int | None = None,
        q: str | None = None,
        article: str | None = None,
    ) -> EventFilter:
        """Parse and check raw parameters; a ``QueryError`` names the first bad one."""
        found = cls(
            type=_choices("type", type, PLOVER_TYPES),
            mode=[m.lower() for m in _split(mode)],
            modality=_choices("modality", modality, MODALITIES),
            country=_countries("country", country),
            source_country=_countries("source_country", source_country),
            source_sector=_choices("source_sector", source_sector, SECTORS),
            target_country=_countries("target_country", target_country),
            target_sector=_choices("target_sector", target_sector, SECTORS),
            place_country=_countries("place_country", place_country),
            bbox=_bbox(bbox),
            since=_day("since", since),
            until=_day("until", until),
            min_sources=min_sources,
            q=q.strip() if q and q.strip() else None,
            article=article or None,
        )
        if found.since and found.until and found.since > found.until:
            raise QueryError("until", f"{until} is before since ({since})")
        if min_sources is not None and min_sources < 1:
            raise QueryError("min_sources", "must be 1 or more")
        if found.q:
            fts_query(found.q)
        return found

    def as_params(self) -> dict[str, str]:
        """The filter as query parameters (what the UI and ``/api/export`` accept)."""
        out: dict[str, str] = {}
        for f in fields(self):
            value = getattr(self, f.name)
            if value in (None, [], ""):
                continue
            if isinstance(value, list):
                out[f.name] = ",".join(value)
            elif isinstance(value, tuple):
                out[f.name] = ",".join(str(v) for v in value)
            else:
                out[f.name] = str(value)
        return out


PAIRED = ("place_country", "source_country", "target_country")  # indexed with the type


def _field_conditions(
    flt: EventFilter, t: str, walk: bool = False, paired: bool = False
) -> tuple[list[str], list[Any]]:
    """The conditions on fields that reports (``events``) and merged events (``merged_events``)
    both have, over the table alias ``t``; ``walk``: only an equality on one value may choose an
    index (which it walks in the listing's order), the other conditions are checked row by row
    (``+column``: else SQLite may gather their matches through an index and sort them);
    ``paired``: one type with one country of ``PAIRED`` goes through their joint index."""
    where: list[str] = []
    params: list[Any] = []
    c = f"+{t}." if walk else f"{t}."
    pair = None
    if paired and len(flt.type) == 1:
        pair = next((name for name in PAIRED if len(getattr(flt, name)) == 1), None)
    if pair:
        where.append(f"{t}.{pair} || ' ' || {t}.type = ?")
        params.append(f"{getattr(flt, pair)[0]} {flt.type[0]}")
    for name in (
        "type",
        "mode",
        "modality",
        "source_country",
        "source_sector",
        "target_country",
        "target_sector",
        "place_country",
    ):
        values = getattr(flt, name)
        if values:  # one value keeps an index in the listing's order, several do not
            column = f"{c}{name}" if len(values) > 1 else f"{t}.{name}"
            if pair and name in (pair, "type"):  # the pair's index finds them
                column = f"+{t}.{name}"
            where.append(f"{column} IN ({','.join('?' * len(values))})")
            params.extend(values)
    if flt.country:
        marks = ",".join("?" * len(flt.country))
        where.append(
            f"({c}source_country IN ({marks}) OR {c}target_country IN ({marks})"
            f" OR {c}place_country IN ({marks}))"
        )
        params += flt.country * 3
    if flt.bbox:
        west, south, east, north = flt.bbox
        where.append(f"{c}lat BETWEEN ? AND ?")
        params += [south, north]
        if west <= east:
            where.append(f"{c}lon BETWEEN ? AND ?")
            params += [west, east]
        else:  # across the antimeridian
            where.append(f"({c}lon >= ? OR {c}lon <= ?)")
            params += [west, east]
    if flt.since:
        where.append(f"{c}date_end >= ?")
        params.append(flt.since)
    return where, params


def _joined(where: list[str]) -> str:
    return (" WHERE " + " AND ".join(where)) if where else ""


EVENTS_FTS = "SELECT rowid FROM events_fts WHERE events_fts MATCH ?"
QUOTED_EVENTS = (
    "SELECT qe.event_id FROM quote_events qe WHERE qe.quote_id IN"
    " (SELECT quote_id FROM quotes_fts WHERE quotes_fts MATCH ?)"
)


def _when(where: list[str], params: list[Any], condition: str, value: Any) -> None:
    """Add ``condition`` with its one parameter, unless the value is missing."""
    if value:
        where.append(condition)
        params.append(value)


def _many(flt: EventFilter) -> int | None:
    """``min_sources`` when it selects anything (1 is every event)."""
    return flt.min_sources if flt.min_sources is not None and flt.min_sources > 1 else None


def where_clause(flt: EventFilter) -> tuple[str, list[Any]]:
    """SQL conditions over reports (``events e``) for a filter, and their parameters (exports
    list every report)."""
    where, params = _field_conditions(flt, "e")
    _when(where, params, "e.date_start <= ?", flt.until)
    _when(
        where,
        params,
        "e.cluster_id IN (SELECT id FROM clusters WHERE num_sources >= ?)",
        _many(flt),
    )
    _when(where, params, "e.article_id = ?", flt.article)
    if flt.q:
        match = fts_query(flt.q)
        # One IN over a UNION: an OR of two IN subqueries makes SQLite scan every event.
        where.append(
            "e.id IN (SELECT event_id FROM events_fts WHERE events_fts MATCH ?"
            f" UNION {QUOTED_EVENTS})"
        )
        params += [match, match]
    return _joined(where), params


def rank(day: str | None) -> int:
    """``merged_events.rank`` of a start day: newest first, undated last."""
    return -int(day.replace("-", "")) if day else 0


def merged_where(
    flt: EventFilter, *, walk: bool = False, after: tuple[str, str] | None = None
) -> tuple[str, list[Any]]:
    """SQL conditions over merged events (``merged_events x``): their merged record's fields,
    any of their reports for ``article`` and ``q``.

    ``walk``: the conditions are checked row by row while walking the listing's order (the
    full-text matches are gathered once, then looked up); otherwise SQLite may start from any
    condition's index, the full-text matches included. ``after``: a cursor's (start day, id),
    the events listed after it, as a seek.
    """
    where, params = _field_conditions(flt, "x", walk, paired=True)
    if after:
        where.append("(x.rank, x.id) > (?, ?)")
        params += [rank(after[0]), after[1]]
    if flt.until:  # date_start <= until, as a range of the listing's order
        if after is None or rank(after[0]) < rank(flt.until):  # else the cursor implies it
            where.append("x.rank >= ?")
            params.append(rank(flt.until))
        where.append("x.rank < 0")
    _when(where, params, "x.num_sources >= ?", _many(flt))
    _when(
        where, params, "x.id IN (SELECT cluster_id FROM events WHERE article_id = ?)", flt.article
    )
    if flt.q:
        # Matches of the representative report (``rid``), of the other reports of a merged
        # event (few: the partial index events_merged_reports), and of quotes.
        x = "+x." if walk else "x."
        where.append(
            f"({x}rid IN ({EVENTS_FTS})"
            f" OR {x}id IN (SELECT cluster_id FROM events INDEXED BY events_merged_reports"
            f" WHERE cluster_id <> id"
            f" AND rowid IN ({EVENTS_FTS}))"
            f" OR {x}id IN (SELECT r.cluster_id FROM events r WHERE r.id IN ({QUOTED_EVENTS})))"
        )
        params += [fts_query(flt.q)] * 3
    return _joined(where), params


# --- cursors ------------------------------------------------------------------------------------


def encode_cursor(sort_key: str, event_id: str) -> str:
    raw = json.dumps([sort_key, event_id], ensure_ascii=False).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str) -> tuple[str, str]:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        key, event_id = json.loads(raw)
        if isinstance(key, str) and isinstance(event_id, str) and _CURSOR_DAY.match(key):
            return key, event_id
    except (ValueError, TypeError):
        pass
    raise QueryError("cursor", "is not a cursor returned by this API")


# --- events -------------------------------------------------------------------------------------

ARTICLE_COLUMNS = "a.title AS article_title, a.source AS article_source, a.url AS article_url, a.published AS article_published, a.language AS article_language"


CLUSTER_COLUMNS = "e.cluster_id, c.num_articles, c.num_sources, c.record AS cluster_record"
CLUSTER_JOIN = " LEFT JOIN clusters c ON c.id = e.cluster_id"


def _merged(row: sqlite3.Row, merged: bool) -> dict[str, Any]:
    """The merged record for a representative row, else the report's own record."""
    if merged and row["cluster_record"] and row["cluster_id"] == row["id"]:
        event: dict[str, Any] = json.loads(row["cluster_record"])
        event.pop("merge_reasons", None)
        return event
    return dict(json.loads(row["record"]))


def _cluster_fields(
    event: dict[str, Any], row: sqlite3.Row, articles: dict[str, list[str]] | None = None
) -> dict[str, Any]:
    """The stored-event fields of the contract: the cluster's id, articles and counts."""
    event["cluster_id"] = row["cluster_id"] or row["id"]
    event["articles"] = (articles or {}).get(event["cluster_id"]) or [row["article_id"]]
    event["num_articles"] = row["num_articles"] or 1
    event["num_sources"] = row["num_sources"] or 1
    event["article"] = {
        "id": row["article_id"],
        "title": row["article_title"],
        "source": row["article_source"],
        "url": row["article_url"],
        "published": row["article_published"],
        "language": row["article_language"],
    }
    return event


WALK_BUDGET = 30  # progress-handler calls, each after 1000 SQLite VM steps
STEPS_PER_MATCH = 5  # gathering one full-text match before the walk (measured: 4.5)


def page_queries(
    flt: EventFilter, after: tuple[str, str] | None, limit: int
) -> list[tuple[str, list[Any]]]:
    """The two ways to select one page of merged events, newest first, each as (sql, params).

    The first walks the listing's order (the table itself, or an index whose equality filter
    leaves it in that order) and checks the other conditions row by row: fastest when matches
    are common, a few hundred rows for a page. The second sorts the matches found through the
    most selective index (``+`` keeps SQLite from walking the order): fastest when they are
    rare. A cursor is a seek, ``(rank, id) > (?, ?)``, in either.
    """
    out = []
    for walk in (True, False):
        where, params = merged_where(flt, walk=walk, after=after)
        order = "x.rank, x.id" if walk else "+x.rank, +x.id"
        out.append(
            (
                f"SELECT x.id, COALESCE(x.date_start, '') AS sort_key FROM merged_events x"
                f"{where} ORDER BY {order} LIMIT ?",
                [*params, limit],
            )
        )
    return out


def _page_ids(
    db: sqlite3.Connection, flt: EventFilter, after: tuple[str, str] | None, limit: int
) -> list[sqlite3.Row]:
    """The ids of one page: SQLite cannot know whether matches are common or rare, so the walk
    of ``page_queries`` gets a small budget and, past it, the sort of the matches runs. The
    walk first gathers the full-text matches, so its budget grows by their number (counting
    them reads only the index, about a millisecond for 20 000)."""
    (walk_sql, walk_params), (sort_sql, sort_params) = page_queries(flt, after, limit)
    allowed = WALK_BUDGET
    if flt.q:
        match = fts_query(flt.q)
        found = db.execute(
            "SELECT (SELECT COUNT(*) FROM events_fts WHERE events_fts MATCH ?)"
            " + (SELECT COUNT(*) FROM quotes_fts WHERE quotes_fts MATCH ?)",
            (match, match),
        ).fetchone()[0]
        allowed += found * STEPS_PER_MATCH // 1000
    calls = 0

    def budget() -> int:
        nonlocal calls
        calls += 1
        return 1 if calls > allowed else 0

    db.set_progress_handler(budget, 1000)
    try:
        return db.execute(walk_sql, walk_params).fetchall()
    except sqlite3.OperationalError as exc:
        if "interrupted" not in str(exc):
            raise
    finally:
        db.set_progress_handler(None, 0)
    return db.execute(sort_sql, sort_params).fetchall()


def list_events_json(
    db: sqlite3.Connection,
    flt: EventFilter,
    *,
    limit: int = 100,
    cursor: str | None = None,
) -> tuple[str, int, str | None]:
    """One page of merged events, newest first, as a JSON array; its length; the cursor of the
    next page (None at the end). Filters apply to the merged records (``merged_events``); each
    event's JSON was written with it (``event_pages``, migration m006)."""
    ids = _page_ids(db, flt, decode_cursor(cursor) if cursor else None, limit + 1)
    page_ids = [r["id"] for r in ids[:limit]]
    found = dict(
        db.execute(
            f"SELECT id, json FROM event_pages WHERE id IN ({','.join('?' * len(page_ids))})",
            page_ids,
        ).fetchall()
    )
    page = [found[i] for i in page_ids if i in found]
    next_cursor = None
    if len(ids) > limit:
        last = ids[limit - 1]
        next_cursor = encode_cursor(last["sort_key"], last["id"])
    return "[" + ",".join(page) + "]", len(page), next_cursor


def list_events(
    db: sqlite3.Connection,
    flt: EventFilter,
    *,
    limit: int = 100,
    cursor: str | None = None,
) -> tuple[list[dict[str, Any]], str | None]:
    """``list_events_json`` as Python objects."""
    page, _, next_cursor = list_events_json(db, flt, limit=limit, cursor=cursor)
    return json.loads(page), next_cursor


def iter_events(db: sqlite3.Connection, flt: EventFilter) -> Iterator[dict[str, Any]]:
    """Every matching event (for exports), newest first, with the cluster fields."""
    where, params = where_clause(flt)
    sql = (
        f"SELECT e.id, e.record, e.article_id, {ARTICLE_COLUMNS}, {CLUSTER_COLUMNS}"
        f" FROM events e JOIN articles a ON a.id = e.article_id{CLUSTER_JOIN}{where}"
        f" ORDER BY COALESCE(e.date_start, '') DESC, e.id"
    )
    for row in db.execute(sql, params):
        yield _cluster_fields(json.loads(row["record"]), row)


def event_claims(db: sqlite3.Connection, event_ids: list[str]) -> dict[str, list[dict[str, Any]]]:
    """Claims by event id."""
    out: dict[str, list[dict[str, Any]]] = {}
    for start in range(0, len(event_ids), 500):
        chunk = event_ids[start : start + 500]
        for row in db.execute(
            f"SELECT event_id, article_id, record FROM claims WHERE event_id IN ({','.join('?' * len(chunk))}) ORDER BY id",
            chunk,
        ):
            claim = json.loads(row["record"])
            claim["article_id"] = row["article_id"]
            out.setdefault(row["event_id"], []).append(claim)
    return out


def count_points(db: sqlite3.Connection, flt: EventFilter) -> list[list[Any]]:
    """Compact map points: ``[id, lat, lon, type, num_sources, modality]`` for placed events."""
    where, params = merged_where(flt)
    where += (" AND " if where else " WHERE ") + "x.lat IS NOT NULL AND x.lon IS NOT NULL"
    sql = (
        "SELECT x.id, x.lat, x.lon, x.type, x.num_sources, x.modality"
        f" FROM merged_events x{where} ORDER BY x.rank, x.id LIMIT {MAX_POINTS}"
    )
    return [list(r) for r in db.execute(sql, params)]


def _reason(reason: dict[str, Any]) -> dict[str, Any]:
    """A stored merge reason with a one-line summary for people."""
    crit = ", ".join(f"{k} {v:.2f}" for k, v in sorted(reason["criteria"].items()))
    a, b = reason["events"]
    summary = f"{a} ~ {b}: score {reason['score']:.2f} ≥ {reason['threshold']} ({crit})"
    return {**reason, "summary": summary}


def event_detail(db: sqlite3.Connection, event_id: str) -> dict[str, Any] | None:
    """One merged event (by any of its event ids or its cluster id) with its reports, merge
    reasons, claims side by side and quotes."""
    row = db.execute(
        f"SELECT e.id, e.record, e.article_id, {ARTICLE_COLUMNS}, {CLUSTER_COLUMNS} FROM events e"
        f" JOIN articles a ON a.id = e.article_id{CLUSTER_JOIN} WHERE e.id = ?",
        (event_id,),
    ).fetchone()
    if row is None:
        return None
    cluster_id = row["cluster_id"] or row["id"]
    members = db.execute(
        f"SELECT e.id, e.record, e.article_id, {ARTICLE_COLUMNS}, {CLUSTER_COLUMNS} FROM events e"
        f" JOIN articles a ON a.id = e.article_id{CLUSTER_JOIN}"
        " WHERE e.cluster_id = ? OR e.id = ? ORDER BY e.id",
        (cluster_id, event_id),
    ).fetchall()
    articles = {cluster_id: sorted({m["article_id"] for m in members})}
    reports = []
    for member in members:
        report = _cluster_fields(json.loads(member["record"]), member, articles)
        reports.append({k: v for k, v in report.items() if k not in ("cluster_id", "articles")})
    head = next((m for m in members if m["id"] == cluster_id), row)
    stored = json.loads(head["cluster_record"]) if head["cluster_record"] else {}
    event = _cluster_fields(_merged(head, True), head, articles)
    event["reports"] = reports
    event["merge_reasons"] = [_reason(r) for r in stored.get("merge_reasons", [])]
    ids = [m["id"] for m in members]
    by_event = event_claims(db, ids)
    claims = [c for i in ids for c in by_event.get(i, [])]
    event["claims"] = claims
    by_what: dict[str, list[dict[str, Any]]] = {}
    for claim in claims:
        by_what.setdefault(claim["what"], []).append(claim)
    event["claims_side_by_side"] = [{"what": w, "claims": c} for w, c in by_what.items()]
    quotes = []
    for qrow in db.execute(
        "SELECT DISTINCT q.id, q.article_id, q.record FROM quote_events qe"
        f" JOIN quotes q ON q.id = qe.quote_id WHERE qe.event_id IN ({','.join('?' * len(ids))})"
        " ORDER BY q.article_id, q.id",
        ids,
    ):
        quote = json.loads(qrow["record"])
        quote["article_id"] = qrow["article_id"]
        quotes.append(quote)
    event["quotes"] = quotes
    return event


# --- articles, quotes, actors, stats ------------------------------------------------------------


def _span(
    kind: str, start: int | None, end: int | None, label: str, ref: str | None
) -> dict[str, Any] | None:
    if start is None or end is None or end <= start:
        return None
    return {"kind": kind, "start": start, "end": end, "label": label, "ref": ref}


def article_spans(record: dict[str, Any]) -> list[dict[str, Any]]:
    """Every span of an article record: actors, triggers, evidence, dates, places, quotes, claims."""
    spans: list[dict[str, Any] | None] = []
    for ent in record.get("entities", []):
        actor = ent.get("actor")
        if actor:
            label = actor["name"] + (f" [{actor['code']}]" if actor.get("code") else "")
            spans.append(_span("actor", ent["start"], ent["end"], label, None))
    for ev in record.get("events", []):
        eid = ev["id"]
        spans.append(
            _span("evidence", ev["evidence"]["start"], ev["evidence"]["end"], ev["type"], eid)
        )
        spans.append(
            _span("trigger", ev["trigger"]["start"], ev["trigger"]["end"], ev["type"], eid)
        )
        for role in ("source", "target"):
            actor = ev.get(role)
            if actor:
                spans.append(
                    _span(
                        "actor",
                        actor.get("start"),
                        actor.get("end"),
                        f"{role}: {actor['name']}",
                        eid,
                    )
                )
        for actor in ev.get("according_to", []):
            spans.append(
                _span(
                    "actor",
                    actor.get("start"),
                    actor.get("end"),
                    f"according to: {actor['name']}",
                    eid,
                )
            )
        date = ev.get("date")
        if date:
            when = (
                date["start"] if date["start"] == date["end"] else f"{date['start']}/{date['end']}"
            )
            spans.append(_span("date", date.get("start_offset"), date.get("end_offset"), when, eid))
        for place in ev.get("places", []):
            spans.append(
                _span(
                    "place",
                    place.get("start"),
                    place.get("end"),
                    f"{place['name']} ({place.get('country') or '?'})",
                    eid,
                )
            )
    for quote in record.get("quotes", []):
        speaker = (quote.get("speaker") or {}).get("name") or "unknown speaker"
        spans.append(
            _span(
                "quote",
                quote["start"],
                quote["end"],
                f"{quote['kind']} quote: {speaker}",
                quote["id"],
            )
        )
    for claim in record.get("claims", []):
        who = (claim.get("according_to") or {}).get("name") or "the article"
        spans.append(
            _span(
                "claim",
                claim["start"],
                claim["end"],
                f"{claim['what']} (according to {who})",
                claim["id"],
            )
        )
    unique: dict[tuple[str, int, int, str | None], dict[str, Any]] = {}
    for span in spans:
        if span is not None:
            unique.setdefault((span["kind"], span["start"], span["end"], span["ref"]), span)
    return sorted(unique.values(), key=lambda s: (s["start"], -s["end"], s["kind"]))


def article_detail(db: sqlite3.Connection, article_id: str) -> dict[str, Any] | None:
    row = db.execute("SELECT record FROM articles WHERE id = ?", (article_id,)).fetchone()
    if row is None:
        return None
    record = json.loads(row["record"])
    return {
        **record["article"],
        "events": record.get("events", []),
        "quotes": record.get("quotes", []),
        "claims": record.get("claims", []),
        "entities": record.get("entities", []),
        "spans": article_spans(record),
    }


def list_quotes(
    db: sqlite3.Connection,
    *,
    speaker: str | None = None,
    q: str | None = None,
    article: str | None = None,
    limit: int = 100,
    offset: int = 0,
) -> list[dict[str, Any]]:
    where: list[str] = []
    params: list[Any] = []
    if speaker:
        where.append("(q.speaker_name LIKE ? OR q.speaker_code = ?)")
        params += [f"%{speaker}%", speaker.upper()]
    if article:
        where.append("q.article_id = ?")
        params.append(article)
    if q:
        where.append("q.id IN (SELECT quote_id FROM quotes_fts WHERE quotes_fts MATCH ?)")
        params.append(fts_query(q))
    sql = "SELECT q.article_id, q.record FROM quotes q"
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY q.article_id, q.id LIMIT ? OFFSET ?"
    out = []
    for row in db.execute(sql, [*params, limit, offset]):
        quote = json.loads(row["record"])
        quote["article_id"] = row["article_id"]
        out.append(quote)
    return out


def list_actors(
    db: sqlite3.Connection,
    *,
    q: str | None = None,
    country: str | None = None,
    sector: str | None = None,
    limit: int = 100,
    offset: int = 0,
) -> list[dict[str, Any]]:
    """Actors as mentioned, grouped by code and name, most mentioned first."""
    where: list[str] = []
    params: list[Any] = []
    if q:
        where.append("name LIKE ?")
        params.append(f"%{q}%")
    if country:
        where.append("country = ?")
        params.append(country.upper())
    if sector:
        where.append("sector = ?")
        params.append(sector.upper())
    sql = (
        "SELECT name, code, country, sector, COUNT(*) AS mentions,"
        " COUNT(DISTINCT article_id) AS articles FROM actors"
    )
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " GROUP BY code, name ORDER BY mentions DESC, name LIMIT ? OFFSET ?"
    return [dict(r) for r in db.execute(sql, [*params, limit, offset])]


def stats(db: sqlite3.Connection, flt: EventFilter) -> dict[str, Any]:
    """Counts of matching merged events per day (of the start date) and type."""
    where, params = merged_where(flt)
    days = [
        {"date": r[0], "type": r[1], "count": r[2]}
        for r in db.execute(
            f"SELECT x.date_start, x.type, COUNT(*) FROM merged_events x{where}"
            " GROUP BY x.date_start, x.type ORDER BY x.date_start, x.type",
            params,
        )
    ]
    by_type: dict[str, int] = {}
    undated = 0
    for day in days:
        by_type[day["type"]] = by_type.get(day["type"], 0) + day["count"]
        if day["date"] is None:
            undated += day["count"]
    return {
        "total": sum(by_type.values()),
        "undated": undated,
        "by_type": dict(sorted(by_type.items(), key=lambda kv: -kv[1])),
        "days": [d for d in days if d["date"] is not None],
    }


def facets(db: sqlite3.Connection) -> dict[str, list[str]]:
    """The values the filters can match in the store (merged events' fields, read from their
    indexes), for the UI's filter menus."""

    def distinct(sql: str) -> list[str]:
        return [r[0] for r in db.execute(sql) if r[0]]

    return {
        "type": list(PLOVER_TYPES),
        "modality": list(MODALITIES),
        "sector": list(SECTORS),
        "mode": distinct("SELECT DISTINCT mode FROM merged_events ORDER BY mode"),
        "country": distinct(
            "SELECT DISTINCT source_country FROM merged_events"
            " UNION SELECT DISTINCT target_country FROM merged_events"
            " UNION SELECT DISTINCT place_country FROM merged_events ORDER BY 1"
        ),
    }
