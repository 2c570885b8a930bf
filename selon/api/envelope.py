"""The two JSON shapes every ``/api`` answer takes, one for results and one for errors.

Results: ``{"ok": true, "data": ..., "meta": {...}}``; lists put the next page's cursor in
``meta.next_cursor`` (null on the last page). Errors: ``{"ok": false, "status": 400,
"error": "limit: must be 1000 or less", "errors": [{"param": "limit", "message": ...}]}``.
Keys keep their names and types; new keys may be added.
"""

from __future__ import annotations

import json
from typing import Any

from fastapi import Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from selon.store.queries import QueryError


class ApiError(Exception):
    """An error answered as the error envelope."""

    def __init__(self, status: int, message: str, param: str | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.param = param


def ok(data: Any, **meta: Any) -> JSONResponse:
    """The result envelope, serialised once: FastAPI's generic encoder would walk every
    nested event of a page again (it cost more than the query itself on /api/events)."""
    return JSONResponse({"ok": True, "data": data, "meta": meta})


def ok_json(data: str, **meta: Any) -> Response:
    """The result envelope around ``data`` already serialised (``/api/events`` pages)."""
    meta_json = json.dumps(meta, ensure_ascii=False, separators=(",", ":"))
    body = '{"ok":true,"data":' + data + ',"meta":' + meta_json + "}"
    return Response(body, media_type="application/json")


def error_body(status: int, errors: list[dict[str, Any]]) -> dict[str, Any]:
    message = "; ".join(
        f"{e['param']}: {e['message']}" if e.get("param") else e["message"] for e in errors
    )
    return {"ok": False, "status": status, "error": message, "errors": errors}


def error_response(status: int, errors: list[dict[str, Any]]) -> JSONResponse:
    return JSONResponse(error_body(status, errors), status_code=status)


async def on_api_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, ApiError)
    return error_response(exc.status, [{"param": exc.param, "message": exc.message}])


async def on_query_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, QueryError)
    return error_response(400, [{"param": exc.param, "message": exc.message}])


async def on_validation_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    errors = []
    for err in exc.errors():
        loc = [str(part) for part in err.get("loc", ()) if part not in ("query", "path", "body")]
        errors.append({"param": ".".join(loc) or None, "message": str(err.get("msg", "invalid"))})
    return error_response(400, errors)


async def on_http_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    message = exc.detail if isinstance(exc.detail, str) else "error"
    if exc.status_code == 404 and message == "Not Found":
        message = f"no such path: {request.url.path}"
    return error_response(exc.status_code, [{"param": None, "message": message}])


async def on_unexpected(request: Request, exc: Exception) -> JSONResponse:
    return error_response(
        500, [{"param": None, "message": f"internal error: {type(exc).__name__}"}]
    )
