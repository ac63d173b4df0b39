"""What keeps `retell serve` safe to expose: a bearer token, a per-client rate limit, a
cap on request bodies, and headers that forbid any script the page did not ship."""

from __future__ import annotations

import hmac
import threading
import time
from collections.abc import Callable

from fastapi import FastAPI, Request, Response
from fastapi.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from retell.errors import InputTooLarge
from retell.web.errors import error_body

#: No script but the page's own file, no inline script or style, no framing, nothing
#: fetched from anywhere but this server.
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)

HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cache-Control": "no-store",
}

#: The cookie the page's own requests carry once the token was given.
COOKIE = "retell_token"

#: Paths anyone may load: the page's script and styles hold nothing of the store.
PUBLIC_PREFIXES = ("/static/",)

LOOPBACK_HOSTS = ("127.0.0.1", "::1", "localhost")


def token_matches(request: Request, token: str) -> bool:
    """Whether a request carries the token, as a bearer header or (for the page's own
    navigations) the cookie the page set."""
    header = request.headers.get("authorization", "")
    scheme, _, given = header.partition(" ")
    if scheme.lower() == "bearer" and hmac.compare_digest(given.strip(), token):
        return True
    cookie = request.cookies.get(COOKIE, "")
    return bool(cookie) and hmac.compare_digest(cookie, token)


class RateLimit:
    """A token bucket per client address: `per_minute` requests, refilled evenly."""

    def __init__(self, per_minute: int) -> None:
        self.per_minute = per_minute
        self._buckets: dict[str, tuple[float, float]] = {}
        self._lock = threading.Lock()

    def allow(self, client: str) -> bool:
        """Take one request from the client's bucket, if there is one to take."""
        if self.per_minute <= 0:
            return True
        now = time.monotonic()
        with self._lock:
            tokens, last = self._buckets.get(client, (float(self.per_minute), now))
            tokens = min(float(self.per_minute), tokens + (now - last) * self.per_minute / 60)
            allowed = tokens >= 1.0
            self._buckets[client] = (tokens - 1.0 if allowed else tokens, now)
        return allowed


class BodyLimit:
    """Refuses a request body past `limit` bytes, counted as it arrives (so a chunked body
    with no length is stopped too), with 413 and the JSON error body."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.limit:
            await self._refuse(scope, receive, send)
            return
        seen = 0

        async def counted() -> Message:
            nonlocal seen
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > self.limit:
                # Raised inside the route reading the body, so the app's handler answers it.
                raise InputTooLarge(self._message(), source="<request>")
            return message

        await self.app(scope, counted, send)

    def _message(self) -> str:
        return f"the request body is larger than the {self.limit:,} bytes limit"

    async def _refuse(self, scope: Scope, receive: Receive, send: Send) -> None:
        body = error_body("InputTooLarge", InputTooLarge.exit_code, self._message(), "<request>")
        await JSONResponse(body, status_code=413, headers=HEADERS)(scope, receive, send)


class Guard:
    """The token check and the rate limit in front of every route, and the safety headers
    on every response, as plain ASGI (so streamed responses pass through untouched)."""

    def __init__(
        self,
        app: ASGIApp,
        token: str | None,
        limiter: RateLimit,
        login: Callable[[], str],
    ) -> None:
        self.app = app
        self.token = token
        self.limiter = limiter
        self.login = login

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                names = {name.lower() for name, _ in message.get("headers", [])}
                extra = [
                    (name.lower().encode(), value.encode())
                    for name, value in HEADERS.items()
                    if name.lower().encode() not in names
                ]
                message["headers"] = [*message.get("headers", []), *extra]
            await send(message)

        refusal = self.refusal(Request(scope))
        if refusal is not None:
            await refusal(scope, receive, with_headers)
            return
        await self.app(scope, receive, with_headers)

    def refusal(self, request: Request) -> Response | None:
        """The answer a request earns instead of its route, if any."""
        client = request.client.host if request.client else "-"
        if not self.limiter.allow(client):
            body = error_body("RateLimited", 1, "too many requests; wait a little and try again")
            return JSONResponse(body, status_code=429, headers={"Retry-After": "5"})
        path = request.url.path
        token = self.token
        if token is None or path.startswith(PUBLIC_PREFIXES) or token_matches(request, token):
            return None
        if path.startswith("/v1") or path == "/openapi.json":
            body = error_body("Unauthorized", 1, "this server needs its token as a bearer header")
            return JSONResponse(body, status_code=401, headers={"WWW-Authenticate": "Bearer"})
        return Response(self.login(), status_code=401, media_type="text/html")


def install(
    app: FastAPI,
    *,
    token: str | None,
    rate_per_minute: int,
    max_body: int,
    login: Callable[[], str],
) -> None:
    """Put the token check, rate limit, headers and body cap in front of every route;
    `login` renders the page that asks for the token."""
    app.add_middleware(BodyLimit, limit=max_body)
    app.add_middleware(Guard, token=token, limiter=RateLimit(rate_per_minute), login=login)


def session_cookie(response: Response, token: str, *, secure: bool) -> None:
    """Set the cookie that lets the page's own navigations through."""
    response.set_cookie(COOKIE, token, httponly=True, samesite="strict", secure=secure)
