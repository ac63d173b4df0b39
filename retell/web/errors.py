"""Errors as the service returns them: JSON carrying the same kind, exit code and one-line
message the command line prints, under the HTTP status that fits the kind."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException

from retell.errors import (
    EXIT_USAGE,
    AddressRefused,
    BackendError,
    BinaryInput,
    EngineError,
    FetchError,
    InputNotFound,
    InputTooLarge,
    JobTimedOut,
    ModelError,
    NoArticle,
    RetellError,
    StoreError,
    UnknownBackend,
    UnsupportedLanguage,
)

# Most specific first: the first kind an error is an instance of gives its status.
STATUS: tuple[tuple[type[RetellError], int], ...] = (
    (InputNotFound, 404),
    (InputTooLarge, 413),
    (BinaryInput, 415),
    (NoArticle, 422),
    (UnsupportedLanguage, 422),
    (AddressRefused, 403),
    (FetchError, 502),
    (UnknownBackend, 400),
    (ModelError, 500),
    (BackendError, 503),
    (StoreError, 500),
    (EngineError, 503),
    (JobTimedOut, 504),
)


def http_status(error: RetellError) -> int:
    """The HTTP status for a retell error; input mistakes not listed are 400."""
    return next((status for kind, status in STATUS if isinstance(error, kind)), 400)


def error_body(
    kind: str, exit_code: int, message: str, source: str | None = None
) -> dict[str, Any]:
    """The JSON body of every error response."""
    line = f"{source}: {message}" if source else message
    return {
        "error": {
            "kind": kind,
            "exit_code": exit_code,
            "message": message,
            "source": source,
            "line": line,
        }
    }


def retell_error_response(error: RetellError) -> JSONResponse:
    """The response for an error retell raised."""
    body = error_body(type(error).__name__, error.exit_code, error.message, error.source)
    return JSONResponse(body, status_code=http_status(error))


async def _retell_error(request: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, RetellError)
    return retell_error_response(error)


async def _invalid(request: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, RequestValidationError)
    problems = "; ".join(
        f"{'.'.join(str(part) for part in problem['loc'])}: {problem['msg']}"
        for problem in error.errors()
    )
    return JSONResponse(error_body("UsageError", EXIT_USAGE, problems), status_code=422)


async def _http(request: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, HTTPException)
    body = error_body("HTTPError", 1, str(error.detail))
    return JSONResponse(body, status_code=error.status_code, headers=error.headers)


def install(app: FastAPI) -> None:
    """Make every error the app raises answer as JSON."""
    app.add_exception_handler(RetellError, _retell_error)
    app.add_exception_handler(RequestValidationError, _invalid)
    app.add_exception_handler(HTTPException, _http)
