"""Backends: the registry, the fake backend, the packaged model and the local backend's checks."""

from __future__ import annotations

import hashlib
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from retell import backends
from retell.backends import (
    REGISTRY,
    Backend,
    BackendInfo,
    FakeBackend,
    Generation,
    Message,
    Options,
    get_backend,
    register,
)
from retell.backends.fake import echo_source
from retell.backends.local import LocalBackend
from retell.backends.models import PackagedModel, embedded_model_path, part_paths, verify_file
from retell.errors import ModelError, UnknownBackend

PROMPT = [
    Message("system", "Retell the source."),
    Message("user", "Please retell:\n<source>\n  The ferry   leaves at noon.\n</source>\nThanks."),
]

# --- the registry ---------------------------------------------------------------------------


def test_get_backend_fake() -> None:
    backend = get_backend("fake")
    assert isinstance(backend, FakeBackend)
    assert backend.info().name == "fake"


def test_built_in_kinds_are_registered() -> None:
    assert {"local", "openai", "fake"} <= set(REGISTRY)
    assert backends.DEFAULT_BACKEND in REGISTRY


def test_an_unknown_prefix_is_an_unknown_backend() -> None:
    with pytest.raises(UnknownBackend) as caught:
        get_backend("teleprinter:7")
    assert caught.value.exit_code == 10
    assert caught.value.source == "teleprinter:7"
    assert "fake" in caught.value.message and "openai" in caught.value.message
    assert caught.value.one_line().startswith("teleprinter:7: unknown backend")


def test_openai_without_a_url_is_an_unknown_backend() -> None:
    with pytest.raises(UnknownBackend) as caught:
        get_backend("openai:notaurl")
    assert caught.value.exit_code == 10
    assert "http" in caught.value.message


class _Mine(Backend):
    def __init__(self, argument: str) -> None:
        self.argument = argument

    def generate(self, messages: list[Message], options: Options) -> Generation:
        return Generation(self.argument, 0, 0, 0.0)

    def count_tokens(self, text: str) -> int:
        return len(text)

    def info(self) -> BackendInfo:
        return BackendInfo("mine", f"mine:{self.argument}", 100)


def test_a_third_party_backend_registers_through_the_same_door(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    seen: list[str] = []

    def factory(argument: str) -> Backend:
        seen.append(argument)
        return _Mine(argument)

    # Let monkeypatch remember that "mine" was absent, so it is removed again afterwards.
    monkeypatch.setitem(REGISTRY, "mine", REGISTRY["fake"])
    register("mine", factory, usage="mine:ARG", summary="a test backend")
    backend = get_backend("mine:arg")
    assert seen == ["arg"]
    assert isinstance(backend, _Mine)
    assert backend.generate([], Options()).text == "arg"
    assert REGISTRY["mine"].usage == "mine:ARG"
    get_backend("mine")
    assert seen == ["arg", ""]


def test_the_test_backend_did_not_stay_registered() -> None:
    assert "mine" not in REGISTRY


# --- the fake backend -----------------------------------------------------------------------


def test_fake_echoes_the_source_and_records_calls() -> None:
    backend = FakeBackend()
    answer = backend.generate(PROMPT, Options())
    assert answer.text == "The ferry leaves at noon."
    assert answer.finish_reason == "stop"
    assert not answer.cached
    assert backend.calls == [PROMPT]
    backend.generate(PROMPT[:1], Options())
    assert len(backend.calls) == 2
    assert backend.calls[1] == PROMPT[:1]


def test_echo_source_without_tags_answers_the_last_message() -> None:
    assert echo_source([Message("user", "  Just   this text. ")]) == "Just this text."
    assert echo_source([]) == ""


def test_fake_honours_max_tokens() -> None:
    backend = FakeBackend(lambda messages: "x" * 100)
    answer = backend.generate(PROMPT, Options(max_tokens=5))
    assert answer.finish_reason == "length"
    assert answer.text == "x" * 20
    assert answer.completion_tokens == 5
    whole = backend.generate(PROMPT, Options(max_tokens=25))
    assert whole.finish_reason == "stop"
    assert whole.text == "x" * 100


def test_fake_counts_a_token_per_four_characters() -> None:
    backend = FakeBackend()
    assert backend.count_tokens("") == 0
    assert backend.count_tokens("abcd") == 1
    assert backend.count_tokens("abcde") == 2
    answer = backend.generate(PROMPT, Options())
    assert answer.prompt_tokens == sum(backend.count_tokens(m.content) for m in PROMPT)


def test_fake_with_a_custom_handler() -> None:
    def shout(messages: list[Message]) -> str:
        return messages[-1].content.upper()

    backend = FakeBackend(shout, context_size=512)
    assert backend.generate([Message("user", "ahoy")], Options()).text == "AHOY"
    info = backend.info()
    assert info.context_size == 512
    assert info.identity != FakeBackend().info().identity
    assert "shout" in info.identity


# --- the packaged model ---------------------------------------------------------------------


@pytest.fixture
def part_modules(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Two tiny importable modules, each pointing at a part file, and their names."""
    monkeypatch.setenv("RETELL_CACHE", str(tmp_path / "cache"))
    code = tmp_path / "code"
    code.mkdir()
    names = [f"retell_test_part_{uuid.uuid4().hex}_{index}" for index in (1, 2)]
    for index, name in enumerate(names, start=1):
        part = tmp_path / f"part{index}.bin"
        part.write_bytes(b"GGUF" + bytes([index]) * 1000 if index == 1 else b"\x07" * 333)
        (code / f"{name}.py").write_text(
            f"def get_part_path():\n    return {str(part)!r}\n", encoding="utf-8"
        )
    monkeypatch.syspath_prepend(str(code))
    yield names
    for name in names:
        sys.modules.pop(name, None)


def _joined_bytes(tmp_path: Path) -> bytes:
    return (tmp_path / "part1.bin").read_bytes() + (tmp_path / "part2.bin").read_bytes()


def test_parts_join_into_the_cache_with_the_right_checksum(
    part_modules: list[str], tmp_path: Path
) -> None:
    whole = _joined_bytes(tmp_path)
    model = PackagedModel(
        "tiny", tuple(part_modules), len(whole), hashlib.sha256(whole).hexdigest()
    )
    assert [p.name for p in part_paths(model)] == ["part1.bin", "part2.bin"]
    path = embedded_model_path(model)
    assert path.read_bytes() == whole
    assert path.is_relative_to(tmp_path / "cache")
    assert path.suffix == ".gguf"
    verify_file(path, model.sha256)
    # Once joined and checked, the parts are no longer needed.
    (tmp_path / "part1.bin").unlink()
    assert embedded_model_path(model) == path


def test_a_wrong_checksum_is_refused_and_leaves_no_file(
    part_modules: list[str], tmp_path: Path
) -> None:
    whole = _joined_bytes(tmp_path)
    model = PackagedModel("tiny", tuple(part_modules), len(whole), "0" * 64)
    with pytest.raises(ModelError) as caught:
        embedded_model_path(model)
    assert caught.value.exit_code == 11
    assert hashlib.sha256(whole).hexdigest() in caught.value.message
    leftovers = [p for p in (tmp_path / "cache").rglob("*") if p.is_file()]
    assert leftovers == []


def test_a_missing_part_package_is_named(part_modules: list[str], tmp_path: Path) -> None:
    missing = f"retell_test_absent_{uuid.uuid4().hex}"
    model = PackagedModel("tiny", (part_modules[0], missing), 10, "0" * 64)
    with pytest.raises(ModelError) as caught:
        embedded_model_path(model)
    assert missing.replace("_", "-") in caught.value.message
    assert caught.value.source == "tiny"


def test_a_missing_part_file_is_a_model_error(part_modules: list[str], tmp_path: Path) -> None:
    whole = _joined_bytes(tmp_path)
    model = PackagedModel(
        "tiny", tuple(part_modules), len(whole), hashlib.sha256(whole).hexdigest()
    )
    (tmp_path / "part2.bin").unlink()
    with pytest.raises(ModelError):
        embedded_model_path(model)
    assert [p for p in (tmp_path / "cache").rglob("*") if p.is_file()] == []


def test_verify_file_refuses_a_wrong_checksum(tmp_path: Path) -> None:
    path = tmp_path / "model.gguf"
    path.write_bytes(b"GGUF and a little more")
    verify_file(path, hashlib.sha256(path.read_bytes()).hexdigest())
    with pytest.raises(ModelError):
        verify_file(path, "f" * 64)


# --- the local backend's checks before llama.cpp --------------------------------------------


def test_local_backend_refuses_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ModelError) as caught:
        LocalBackend(tmp_path / "missing.gguf")
    assert "not found" in caught.value.message
    assert caught.value.exit_code == 11


def test_local_backend_refuses_a_relative_missing_file() -> None:
    with pytest.raises(ModelError):
        LocalBackend(Path("missing.gguf"))


def test_local_backend_refuses_a_file_that_is_not_gguf(tmp_path: Path) -> None:
    path = tmp_path / "notes.gguf"
    path.write_text("These are meeting notes, not a model.", encoding="utf-8")
    with pytest.raises(ModelError) as caught:
        LocalBackend(path)
    assert "not a GGUF" in caught.value.message
    assert caught.value.source == str(path)


def test_local_backend_refuses_a_directory(tmp_path: Path) -> None:
    with pytest.raises(ModelError):
        LocalBackend(tmp_path)


def test_get_backend_local_with_a_missing_path(tmp_path: Path) -> None:
    with pytest.raises(ModelError):
        get_backend(f"local:{tmp_path / 'missing.gguf'}")
