"""retell's configuration: `retell.toml`, read with pydantic-settings.

Layers, each overriding the one before: the defaults; the user's file
(`$XDG_CONFIG_HOME/retell/retell.toml`, else `~/.config/retell/retell.toml`); `retell.toml`
in the working directory; the file `--config` names; and `RETELL_*` environment variables
(nested keys with `__`: `RETELL_SERVER__PORT=9000`). Every value remembers the layer it
came from, so `retell config` can say where each came from. Options given on the command
line override all of them.

The file, all of it optional::

    backend = "local"                 # default backend for rewrite, check, batch and serve
    judge = "openai:http://127.0.0.1:8080/v1"
    cache_dir = "/var/cache/retell"

    [prices."openai:http://127.0.0.1:8080/v1"]   # per million tokens, in your currency
    input = 0.15
    output = 0.60

    [server]
    host = "127.0.0.1"
    port = 8000
    db = "newsroom.sqlite"
    backends = ["local", "fake"]

    [publish]
    to = ["site:public/", "atom:public/retold.atom"]
    base_url = "https://news.example.org/retold/"
    title = "Retold news"
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError
from pydantic_settings import BaseSettings, EnvSettingsSource, TomlConfigSettingsSource

from retell.errors import ConfigError

FILE_NAME = "retell.toml"


class Price(BaseModel):
    """What a backend charges per million tokens."""

    model_config = ConfigDict(extra="forbid")

    input: float = Field(default=0.0, ge=0)
    output: float = Field(default=0.0, ge=0)

    def cost(self, prompt_tokens: int, completion_tokens: int) -> float:
        """The price of so many tokens."""
        return (prompt_tokens * self.input + completion_tokens * self.output) / 1_000_000


class Server(BaseModel):
    """`retell serve`'s settings."""

    model_config = ConfigDict(extra="forbid")

    host: str = "127.0.0.1"
    port: int = Field(default=8000, ge=0, le=65535)
    db: str = "retell.sqlite"
    backends: list[str] = Field(default_factory=lambda: ["local"])
    workers: int = Field(default=1, ge=1, le=32)
    allow_private: bool = False
    max_body: int = Field(default=5 * 1024 * 1024, ge=1024)
    rate: int = Field(default=600, ge=0)
    job_timeout: float = Field(default=1800.0, ge=1.0)


class Publish(BaseModel):
    """`retell publish`'s defaults."""

    model_config = ConfigDict(extra="forbid")

    to: list[str] = Field(default_factory=list)
    base_url: str | None = None
    title: str = "Retold news"


class Settings(BaseSettings):
    """Everything a configuration may set."""

    model_config = ConfigDict(extra="forbid")  # type: ignore[assignment]

    backend: str = "local"
    judge: str | None = None
    cache_dir: Path | None = None
    prices: dict[str, Price] = Field(default_factory=dict)
    server: Server = Server()
    publish: Publish = Publish()


@dataclass(frozen=True)
class Loaded:
    """The settings in force, and for each dotted key the layer it came from."""

    settings: Settings
    origins: dict[str, str]

    def price(self, backend: str) -> Price | None:
        """The price of a backend, when the configuration names one."""
        return self.settings.prices.get(backend)


def priced(prices: dict[str, Price], backends: Iterable[str]) -> dict[str, Price]:
    """The prices of the backends a run spends on, for a cost limit; a backend without one
    is a ConfigError, since its spending could not be counted."""
    found: dict[str, Price] = {}
    for backend in backends:
        price = prices.get(backend)
        if price is None:
            raise ConfigError(
                f"a cost limit needs a price for every backend the run uses: "
                f'[prices."{backend}"] in retell.toml',
                source=backend,
            )
        found[backend] = price
    return found


def user_file() -> Path:
    """The user's configuration file."""
    root = os.environ.get("XDG_CONFIG_HOME") or os.path.expanduser("~/.config")
    return Path(root) / "retell" / FILE_NAME


def layers(config: Path | None = None) -> list[tuple[str, dict[str, Any]]]:
    """Each layer's values, lowest first, read by pydantic-settings' own sources."""
    found: list[tuple[str, dict[str, Any]]] = []
    files = [user_file(), Path.cwd() / FILE_NAME]
    for path in files:
        if path.is_file():
            found.append((str(path), _toml(path)))
    if config is not None:
        if not config.is_file():
            raise ConfigError("no such configuration file", source=str(config))
        found.append((str(config), _toml(config)))
    environment = EnvSettingsSource(Settings, env_prefix="RETELL_", env_nested_delimiter="__")()
    found.append(("environment", environment))
    return found


def _toml(path: Path) -> dict[str, Any]:
    """One TOML file's values."""
    try:
        values: dict[str, Any] = TomlConfigSettingsSource(Settings, toml_file=path)()
    except (OSError, ValueError) as error:
        raise ConfigError(f"cannot be read as TOML: {error}", source=str(path)) from error
    return values


def load(config: Path | None = None) -> Loaded:
    """The settings in force, validated, with where each value came from."""
    merged: dict[str, Any] = {}
    origins: dict[str, str] = {}
    for origin, values in layers(config):
        _merge(merged, values, origins, origin, "")
    try:
        settings = Settings.model_validate(merged)
    except ValidationError as error:
        problems = "; ".join(
            f"{'.'.join(str(part) for part in problem['loc'])}: {problem['msg']}"
            for problem in error.errors()
        )
        raise ConfigError(problems, source="configuration") from error
    return Loaded(settings, origins)


def _merge(
    into: dict[str, Any], values: dict[str, Any], origins: dict[str, str], origin: str, prefix: str
) -> None:
    """Lay values over what is there, table by table, noting each key's layer; a price
    table is taken whole (its keys are backend strings, not settings)."""
    for key, value in values.items():
        dotted = f"{prefix}{key}"
        if isinstance(value, dict) and dotted != "prices":
            table = into.get(key)
            into[key] = table if isinstance(table, dict) else {}
            _merge(into[key], value, origins, origin, dotted + ".")
            continue
        into[key] = value
        origins[dotted] = origin


def shown(loaded: Loaded) -> list[tuple[str, Any, str]]:
    """Every setting in force as (dotted key, value, where it came from)."""
    rows: list[tuple[str, Any, str]] = []
    _flatten(loaded.settings.model_dump(mode="json"), "", rows, loaded.origins)
    return rows


def _flatten(
    values: dict[str, Any], prefix: str, rows: list[tuple[str, Any, str]], origins: dict[str, str]
) -> None:
    """Rows for a table of values, nested tables flattened with dotted keys."""
    for key, value in values.items():
        dotted = f"{prefix}{key}"
        if isinstance(value, dict) and value and dotted != "prices":
            _flatten(value, dotted + ".", rows, origins)
        else:
            rows.append((dotted, value, origins.get(dotted, "default")))


def default_map(loaded: Loaded) -> dict[str, dict[str, Any]]:
    """The command line's defaults from the settings, by command and parameter name."""
    settings = loaded.settings
    server = settings.server
    backend = {"backend_spec": settings.backend}
    judge = {"judge_spec": settings.judge} if settings.judge else {}
    return {
        "rewrite": {**backend, **judge},
        "check": backend,
        "batch": {**backend, **judge},
        "serve": {
            "host": server.host,
            "port": server.port,
            "db": server.db,
            "backends": tuple(server.backends),
            "workers": server.workers,
            "allow_private": server.allow_private,
            "max_body": server.max_body,
            "rate": server.rate,
            "job_timeout": server.job_timeout,
        },
        "publish": {
            "targets": tuple(settings.publish.to),
            "base_url": settings.publish.base_url,
            "title": settings.publish.title,
        },
    }
