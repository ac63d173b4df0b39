"""`retell serve`: the HTTP API and the newsroom page, a shell over the library like the
command line (`retell.cli`). Needs the `web` extra (FastAPI, uvicorn, Jinja2)."""

from retell.web.app import create_app
from retell.web.service import ServeConfig, Service

__all__ = ["ServeConfig", "Service", "create_app"]
