"""Errors at the web edge: the library's typed errors become HTTP statuses here, and only here.

The API (paths under ``/api/``) answers every error with one JSON shape,
``{"error": {"type": ..., "message": ...}}``; pages get a readable HTML page.
"""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException

from ..errors import InputError, ModelError, NotFound, StoreError, StorylineError
from .security import Forbidden

log = logging.getLogger("storyline.web")

# (exception class, HTTP status, error type), most specific first
MAPPING: list[tuple[type[Exception], int, str]] = [
    (NotFound, 404, "not_found"),
    (InputError, 422, "invalid_input"),
    (Forbidden, 403, "forbidden"),
    (ModelError, 503, "model_unavailable"),
    (StoreError, 500, "store_error"),
    (StorylineError, 500, "storyline_error"),
]
HTTP_TYPES = {400: "bad_request", 403: "forbidden", 404: "not_found", 405: "method_not_allowed",
              413: "too_large", 415: "unsupported_media_type", 422: "invalid_request"}


def status_of(exc: Exception) -> tuple[int, str]:
    for cls, status, kind in MAPPING:
        if isinstance(exc, cls):
            return status, kind
    return 500, "internal_error"


def error_json(kind: str, message: str) -> dict:
    return {"error": {"type": kind, "message": message}}


def install(app: FastAPI, render_page) -> None:
    """Register the handlers. ``render_page(request, status, title, message)`` makes the HTML."""

    def respond(request: Request, status: int, kind: str, message: str) -> Response:
        if request.url.path.startswith("/api/") or request.url.path == "/api":
            return JSONResponse(error_json(kind, message), status_code=status)
        return render_page(request, status, kind, message)

    @app.exception_handler(StorylineError)
    @app.exception_handler(Forbidden)
    async def _library(request: Request, exc: Exception) -> Response:
        status, kind = status_of(exc)
        return respond(request, status, kind, str(exc))

    @app.exception_handler(HTTPException)
    async def _http(request: Request, exc: HTTPException) -> Response:
        message = exc.detail if isinstance(exc.detail, str) else "request refused"
        if exc.status_code == 404 and message == "Not Found":
            message = f"nothing at {request.url.path}"
        return respond(request, exc.status_code, HTTP_TYPES.get(exc.status_code, "http_error"), message)

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> Response:
        problems = []
        for e in exc.errors():
            where = ".".join(str(p) for p in e.get("loc", ()) if p not in ("body", "query", "path"))
            problems.append(f"{where}: {e.get('msg')}" if where else str(e.get("msg")))
        return respond(request, 422, "invalid_request", "; ".join(problems) or "invalid request")

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> Response:
        log.exception("unexpected error on %s", request.url.path)
        return respond(request, 500, "internal_error", "something went wrong inside the server; see its log")
