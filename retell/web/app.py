"""The ASGI app `retell serve` runs: the /v1 API, the page, and what guards both."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI, Request, Response
from fastapi.staticfiles import StaticFiles

from retell import __version__
from retell.web import api, errors, page, security
from retell.web.service import ServeConfig, Service


def create_app(config: ServeConfig, service: Service | None = None) -> FastAPI:
    """The app for a configuration; the service (store, workers, backends) is made here
    unless one is given, and unfinished jobs of an earlier server are taken up at start."""
    service = service or Service(config)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        service.resume()
        yield
        service.close()

    app = FastAPI(
        title="retell",
        version=__version__,
        description="Clean news pages, rewrite them, and check every sentence against the source.",
        docs_url=None,  # the interactive docs load their script from a CDN; the schema stays
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.service = service
    app.include_router(api.router(service))
    app.include_router(page.router(service))
    app.mount("/static", StaticFiles(directory=str(page.STATIC)), name="static")

    @app.post("/v1/session", status_code=204)
    def session(request: Request) -> Response:
        """Let the page's own navigations through: sets a cookie holding the token."""
        response = Response(status_code=204)
        if config.token is not None:
            secure = request.url.scheme == "https"
            security.session_cookie(response, config.token, secure=secure)
        return response

    errors.install(app)
    security.install(
        app,
        token=config.token,
        rate_per_minute=config.rate_per_minute,
        max_body=config.max_body,
        login=page.login_html,
    )
    return app
