"""retell.toml and RETELL_* variables: layers in order, each value's origin shown by
`retell config`, the command line's defaults taken from them, prices turned into costs,
and a file that does not fit refused in one line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from retell.cli.main import cli

STORY = Path(__file__).resolve().parents[1] / "examples" / "harbour-ferry.txt"


@pytest.fixture(autouse=True)
def isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Each test in an empty working directory with an empty user config directory."""
    home = tmp_path / "xdg"
    (home / "retell").mkdir(parents=True)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home))
    for name in ("RETELL_BACKEND", "RETELL_JUDGE", "RETELL_SERVER__PORT", "RETELL_TOKEN"):
        monkeypatch.delenv(name, raising=False)
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    return home / "retell" / "retell.toml"


def run(*args: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), env=env)
    return result.exit_code, result.stdout, result.stderr


def shown(stdout: str) -> dict[str, tuple[object, str]]:
    """`retell config`'s lines as key → (value, origin)."""
    rows = {}
    for line in stdout.splitlines():
        setting, origin = line.split("    # ")
        key, value = setting.split(" = ", 1)
        rows[key] = (json.loads(value), origin)
    return rows


def test_each_layer_overrides_the_one_before_and_says_so(isolated: Path) -> None:
    isolated.write_text('backend = "fake"\n[server]\nport = 9001\nworkers = 2\n')
    Path("retell.toml").write_text("[server]\nport = 9002\n")
    extra = Path("extra.toml")
    extra.write_text('[server]\ndb = "shared.sqlite"\n')
    code, stdout, _ = run("--config", str(extra), "config", env={"RETELL_JUDGE": "fake"})
    assert code == 0
    rows = shown(stdout)
    assert rows["backend"] == ("fake", str(isolated))
    assert rows["server.workers"] == (2, str(isolated))
    assert rows["server.port"] == (9002, str(Path.cwd() / "retell.toml"))
    assert rows["server.db"] == ("shared.sqlite", str(extra))
    assert rows["judge"] == ("fake", "environment")
    assert rows["server.host"] == ("127.0.0.1", "default")
    code, stdout, _ = run("config", env={"RETELL_SERVER__PORT": "9100"})
    assert shown(stdout)["server.port"] == (9100, "environment")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[server]\nport = 'many'\n", "server.port"),
        ("colour = 'blue'\n", "colour: Extra inputs are not permitted"),
        ("backend = \n", "cannot be read as TOML"),
    ],
)
def test_a_file_that_does_not_fit_is_refused_in_one_line(text: str, message: str) -> None:
    Path("retell.toml").write_text(text)
    code, _, stderr = run("config")
    assert code == 2
    assert message in stderr and len(stderr.strip().splitlines()) == 1


def test_a_missing_config_file_is_refused() -> None:
    code, _, stderr = run("--config", "nowhere.toml", "config")
    assert code == 2 and "nowhere.toml: no such configuration file" in stderr


def test_commands_take_their_defaults_from_the_file_and_options_win() -> None:
    Path("retell.toml").write_text(
        'backend = "fake"\n[prices.fake]\ninput = 2.0\noutput = 8.0\n[server]\nhost = "0.0.0.0"\n'
    )
    code, stdout, _ = run("rewrite", str(STORY), "--dry-run")
    assert code == 0
    assert "backend fake" in stdout.splitlines()[0]
    assert "at the configured price of fake" in stdout.splitlines()[-1]
    code, stdout, _ = run("rewrite", str(STORY), "--dry-run", "--backend", "fake:")
    assert "configured price" not in stdout
    code, _, stderr = run("serve")
    assert code == 2 and "binding to 0.0.0.0 needs a token" in stderr


def test_usage_prices_the_configured_backends(tmp_path: Path) -> None:
    store = str(tmp_path / "store.sqlite")
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "story.txt").write_bytes(STORY.read_bytes())
    code, _, stderr = run("batch", str(pages), "--db", store, "--backend", "fake", "--quiet")
    assert code == 0, stderr
    Path("retell.toml").write_text("[prices.fake]\ninput = 1000000.0\noutput = 0.0\n")
    code, stdout, _ = run("usage", "--db", store, "--format", "json")
    total = json.loads(stdout)[-1]
    assert total["cost"] == pytest.approx(total["prompt_tokens"]) and total["unpriced"] == 0
    code, stdout, _ = run("usage", "--db", store, "--by", "backend")
    assert "cost" in stdout.splitlines()[0]


def test_a_cost_budget_stops_the_batch_at_the_configured_price(tmp_path: Path) -> None:
    pages = tmp_path / "pages"
    pages.mkdir()
    scraped = Path(__file__).resolve().parent / "data" / "scraped"
    for name in ("01_port_callow_ferry", "02_eastmere_budget", "03_riverside_tram"):
        (pages / f"{name}.txt").write_bytes((scraped / f"{name}.txt").read_bytes())
    store = str(tmp_path / "store.sqlite")
    batch = ("batch", str(pages), "--db", store, "--backend", "fake", "--quiet")
    code, _, stderr = run(*batch, "--max-cost", "0.01")
    assert code == 2 and '[prices."fake"] in retell.toml' in stderr
    Path("retell.toml").write_text("[prices.fake]\ninput = 1.0\noutput = 1.0\n")
    judge = "openai:http://127.0.0.1:9/v1"
    code, _, stderr = run(*batch, "--max-cost", "0.01", "--judge", judge)
    assert code == 2 and f'[prices."{judge}"] in retell.toml' in stderr  # the judge spends too
    code, _, stderr = run(*batch, "--max-cost", "0.000001")
    assert code == 17 and "stopped at the cost budget" in stderr
    assert "2 articles still to rewrite" in stderr
    code, _, stderr = run(*batch)
    assert code == 0, stderr


def test_rewrite_json_carries_the_cost_at_the_configured_price() -> None:
    Path("retell.toml").write_text('backend = "fake"\n[prices.fake]\ninput = 1.0\noutput = 2.0\n')
    code, stdout, stderr = run("rewrite", str(STORY), "--format", "json", "--quiet", "--no-cache")
    assert code == 0, stderr
    totals = json.loads(stdout)["totals"]
    expected = (totals["prompt_tokens"] * 1.0 + totals["completion_tokens"] * 2.0) / 1_000_000
    assert totals["cost"] == pytest.approx(expected, abs=1e-6)
    Path("retell.toml").write_text('backend = "fake"\n')
    code, stdout, _ = run("rewrite", str(STORY), "--format", "json", "--quiet", "--no-cache")
    assert "cost" not in json.loads(stdout)["totals"]
