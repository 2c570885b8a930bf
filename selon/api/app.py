"""The analyst's workbench: a read-only JSON API over the store and the offline UI.

``create_app(db)`` migrates the store once, then reads it through a pool of connections, one
per request in flight. Every ``/api`` answer is an envelope (``selon.api.envelope``); the UI is
static files from ``selon/ui/static`` that call the same API. OpenAPI is at ``/docs``.
``app_from_env`` is the same app over ``$SELON_DB``, which each worker process of
``selon serve --workers N`` builds for itself.
"""

from __future__ import annotations

import queue
import sqlite3
from collections.abc import AsyncIterator, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

from fastapi import Depends, FastAPI, Query, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.datastructures import MutableHeaders
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from selon import __version__
from selon.api import envelope
from selon.api.envelope import ApiError, ok, ok_json
from selon.export import FORMATS, LAYOUTS, MEDIA_TYPES, export_bytes
from selon.store import Store, default_db_path
from selon.store import queries as Q
from selon.store.queries import EventFilter

STATIC = Path(__file__).resolve().parent.parent / "ui" / "static"

# The UI builds its pages with textContent only; the policy is a second wall against article
# text that would try to run: no inline script, no script from anywhere but this server.
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline';"
    " img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none';"
    " frame-ancestors 'none'"
)


class SecurityHeaders:
    """Adds the security headers to every HTTP answer (the CSP everywhere but the API docs,
    which load their own script). A plain ASGI middleware: Starlette's ``BaseHTTPMiddleware``
    runs each request through an extra task and stream, a large share of a small answer's cost."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        docs = scope["path"].startswith(("/docs", "/redoc"))

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                if not docs:
                    headers["Content-Security-Policy"] = CSP
                headers["X-Content-Type-Options"] = "nosniff"
                headers["Referrer-Policy"] = "no-referrer"
            await send(message)

        await self.app(scope, receive, send_with_headers)


class Reader:
    """Read-only SQLite connections, each lent to one request at a time.

    Not one per thread: FastAPI may run a dependency and its endpoint on two different
    threadpool threads, so a thread-local connection could serve two requests at once (a
    progress handler set by one while the other's query runs deadlocked the server)."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.idle: queue.SimpleQueue[sqlite3.Connection] = queue.SimpleQueue()

    @contextmanager
    def lend(self) -> Iterator[sqlite3.Connection]:
        try:
            db = self.idle.get_nowait()
        except queue.Empty:
            db = Q.connect(self.path)
        try:
            yield db
        finally:
            self.idle.put(db)


async def event_filter(
    type: Annotated[str | None, Query(description="PLOVER types, comma-separated")] = None,
    mode: Annotated[str | None, Query(description="PLOVER modes, e.g. aerial")] = None,
    modality: Annotated[str | None, Query(description="asserted, hedged, denied...")] = None,
    country: Annotated[
        str | None, Query(description="ISO alpha-3 of source, target or place")
    ] = None,
    source_country: str | None = None,
    source_sector: Annotated[str | None, Query(description="GOV, MIL, CVL...")] = None,
    target_country: str | None = None,
    target_sector: str | None = None,
    place_country: str | None = None,
    bbox: Annotated[str | None, Query(description="west,south,east,north in degrees")] = None,
    since: Annotated[
        str | None, Query(description="events ending on or after (YYYY-MM-DD)")
    ] = None,
    until: Annotated[str | None, Query(description="events starting on or before")] = None,
    min_sources: Annotated[int | None, Query(ge=1, le=10_000)] = None,
    q: Annotated[str | None, Query(description="full-text search in evidence and quotes")] = None,
    article: Annotated[str | None, Query(description="events of one article")] = None,
) -> EventFilter:
    return EventFilter.checked(
        type=type,
        mode=mode,
        modality=modality,
        country=country,
        source_country=source_country,
        source_sector=source_sector,
        target_country=target_country,
        target_sector=target_sector,
        place_country=place_country,
        bbox=bbox,
        since=since,
        until=until,
        min_sources=min_sources,
        q=q,
        article=article,
    )


async def reading_connection(request: Request) -> AsyncIterator[sqlite3.Connection]:
    """A connection for one request. This and ``event_filter`` are quick and run on the event
    loop (``async``): FastAPI would hand a plain function to a worker thread, a hop each."""
    reader: Reader = request.app.state.reader
    with reader.lend() as db:
        yield db


DB = Annotated[sqlite3.Connection, Depends(reading_connection)]
Filter = Annotated[EventFilter, Depends(event_filter)]
Limit = Annotated[int, Query(ge=1, le=Q.MAX_LIMIT, description="page size")]
Offset = Annotated[int, Query(ge=0, le=1_000_000)]


def create_app(db_path: str | Path) -> FastAPI:
    """The app over the store at ``db_path`` (which must exist)."""
    path = str(db_path)
    if not Path(path).exists():
        raise FileNotFoundError(path)
    with Store(path):  # migrate once, as the writer
        pass

    app = FastAPI(
        title="selon",
        version=__version__,
        description="Political and conflict events read from French and English news, each "
        "field pointing at its evidence.",
    )
    app.state.reader = Reader(path)
    app.add_exception_handler(ApiError, envelope.on_api_error)
    app.add_exception_handler(Q.QueryError, envelope.on_query_error)
    app.add_exception_handler(RequestValidationError, envelope.on_validation_error)
    app.add_exception_handler(StarletteHTTPException, envelope.on_http_error)
    app.add_exception_handler(Exception, envelope.on_unexpected)

    app.add_middleware(SecurityHeaders)

    @app.get("/api/events", tags=["events"], response_class=JSONResponse)
    def events(db: DB, flt: Filter, limit: Limit = 100, cursor: str | None = None) -> Response:
        """Events matching the filters, newest first; follow ``meta.next_cursor`` for more."""
        page, returned, next_cursor = Q.list_events_json(db, flt, limit=limit, cursor=cursor)
        return ok_json(
            page, returned=returned, limit=limit, next_cursor=next_cursor, filters=flt.as_params()
        )

    @app.get("/api/events/{event_id}", tags=["events"])
    def event(db: DB, event_id: str) -> JSONResponse:
        """One event: its reports, merge reasons, claims side by side and quotes."""
        found = Q.event_detail(db, event_id)
        if found is None:
            raise ApiError(404, f"no event {event_id!r}", "event_id")
        return ok(found)

    @app.get("/api/points", tags=["events"])
    def points(db: DB, flt: Filter) -> JSONResponse:
        """Placed events for the map: ``[id, lat, lon, type, num_sources, modality]``."""
        found = Q.count_points(db, flt)
        return ok(
            found,
            returned=len(found),
            columns=["id", "lat", "lon", "type", "num_sources", "modality"],
            capped=len(found) >= Q.MAX_POINTS,
        )

    @app.get("/api/stats", tags=["events"])
    def stats(db: DB, flt: Filter) -> JSONResponse:
        """Counts of matching events per day and type."""
        return ok(Q.stats(db, flt))

    @app.get("/api/facets", tags=["events"])
    def facets(db: DB) -> JSONResponse:
        """The values the filters can take in this store."""
        return ok(Q.facets(db))

    @app.get("/api/articles/{article_id}", tags=["articles"])
    def article(db: DB, article_id: str) -> JSONResponse:
        """One article as written, with every span read from it."""
        found = Q.article_detail(db, article_id)
        if found is None:
            raise ApiError(404, f"no article {article_id!r}", "article_id")
        return ok(found)

    @app.get("/api/quotes", tags=["quotes"])
    def quotes(
        db: DB,
        speaker: Annotated[
            str | None, Query(description="part of the speaker's name, or a code")
        ] = None,
        q: Annotated[str | None, Query(description="full-text search in the quote")] = None,
        article: str | None = None,
        limit: Limit = 100,
        offset: Offset = 0,
    ) -> JSONResponse:
        """Quotes, by speaker or words."""
        found = Q.list_quotes(db, speaker=speaker, q=q, article=article, limit=limit, offset=offset)
        return ok(found, returned=len(found), limit=limit, offset=offset)

    @app.get("/api/actors", tags=["actors"])
    def actors(
        db: DB,
        q: Annotated[str | None, Query(description="part of the name")] = None,
        country: str | None = None,
        sector: str | None = None,
        limit: Limit = 100,
        offset: Offset = 0,
    ) -> JSONResponse:
        """Actors as mentioned, most mentioned first."""
        if country:
            Q.EventFilter.checked(country=country)
        if sector:
            Q.EventFilter.checked(source_sector=sector)
        found = Q.list_actors(db, q=q, country=country, sector=sector, limit=limit, offset=offset)
        return ok(found, returned=len(found), limit=limit, offset=offset)

    @app.get("/api/export", tags=["export"], response_class=Response)
    def export(
        db: DB,
        flt: Filter,
        format: Annotated[str, Query(description="csv, jsonl or parquet")] = "csv",
        layout: Annotated[str, Query(description="selon, plover, acled or gdelt")] = "selon",
    ) -> Response:
        """The matching events as a file, in one of the layouts documented in the README."""
        if format not in FORMATS:
            raise ApiError(400, f"{format!r} is not one of {', '.join(FORMATS)}", "format")
        if layout not in LAYOUTS:
            raise ApiError(400, f"{layout!r} is not one of {', '.join(LAYOUTS)}", "layout")
        body = export_bytes(db, flt, fmt=format, layout=layout)
        name = f"selon-{layout}.{format}"
        return Response(
            body,
            media_type=MEDIA_TYPES[format],
            headers={"Content-Disposition": f'attachment; filename="{name}"'},
        )

    @app.get("/api/{rest:path}", include_in_schema=False)
    def unknown(rest: str) -> None:
        raise ApiError(404, f"no such endpoint: /api/{rest}")

    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(STATIC / "index.html", media_type="text/html")

    return app


def app_from_env() -> FastAPI:
    """The app over the store named by ``$SELON_DB`` (default ``selon.db``)."""
    return create_app(default_db_path())
