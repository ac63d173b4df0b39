"""The code stays ruff- and mypy-clean, and every CLI command is documented."""

from __future__ import annotations

import subprocess
import sys

from retell.cli.main import cli

from .conftest import ROOT


def _run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)


def test_ruff_is_clean() -> None:
    result = _run(sys.executable, "-m", "ruff", "check", "retell", "tests", "bench", "scripts")
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_strict_is_clean() -> None:
    result = _run(sys.executable, "-m", "mypy", "retell")
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_command_is_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name in cli.commands:
        assert f"retell {name}" in readme, name


def test_readme_cli_reference_matches_help() -> None:
    result = _run(sys.executable, "scripts/update_readme.py", "--check")
    assert result.returncode == 0, "run: python scripts/update_readme.py"
