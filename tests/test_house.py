"""The house keeps its shape: stages import only earlier stages (the import-linter contract
in pyproject.toml), and the README's picture of the house lists the packages there are."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LINT_IMPORTS = Path(sys.executable).parent / "lint-imports"


def lint_imports(package_parent: Path) -> subprocess.CompletedProcess[str]:
    """import-linter's verdict on the `retell` package found under `package_parent`."""
    env = {**os.environ, "PYTHONPATH": str(package_parent)}
    return subprocess.run(
        [str(LINT_IMPORTS), "--config", str(ROOT / "pyproject.toml"), "--no-cache"],
        cwd=package_parent,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_the_stages_keep_the_import_contract() -> None:
    run = lint_imports(ROOT)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "1 kept, 0 broken" in run.stdout


@pytest.mark.parametrize(
    ("module", "imported"),
    [
        ("rewrite/guard.py", "retell.verify.judge"),  # a stage importing a later stage
        ("store/sqlite.py", "retell.cli.main"),  # the library importing its shell
    ],
)
def test_the_contract_fails_when_a_module_imports_upward(
    tmp_path: Path, module: str, imported: str
) -> None:
    shutil.copytree(ROOT / "retell", tmp_path / "retell")
    path = tmp_path / "retell" / module
    path.write_text(path.read_text() + f"\nimport {imported}\n")
    run = lint_imports(tmp_path)
    assert run.returncode != 0
    assert "BROKEN" in run.stdout
    importer = "retell." + module.removesuffix(".py").replace("/", ".")
    assert f"{importer} -> {imported}" in run.stdout


def _house_in_readme() -> dict[str, str]:
    """The README's picture of the house: each `retell/...` entry and its line."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("<!-- house -->", 2)[1]
    return dict(re.findall(r"^  (\S+?)/?\s{2,}(\S.*)$", block, re.M))


def _house_on_disk() -> set[str]:
    """The stage packages and the top-level modules of the library."""
    package = ROOT / "retell"
    packages = {p.parent.name for p in package.glob("*/__init__.py")}
    modules = {p.name for p in package.glob("*.py") if p.name not in {"__main__.py"}}
    return packages | modules


def test_the_readme_pictures_the_house_as_it_is() -> None:
    assert set(_house_in_readme()) == _house_on_disk()
