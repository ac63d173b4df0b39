"""The labelled claim set is well formed and its evidence is real source text."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .conftest import DATA, claim_path

CLAIMS = DATA / "claims" / "claims.jsonl"
HELDOUT = DATA / "heldout" / "claims.jsonl"
LABELS = {"supported", "unsupported", "contradicted"}
TYPES = {
    "number",
    "date",
    "entity",
    "role",
    "quote",
    "polarity",
    "relation",
    "addition",
    "consistency",
}


def load_claims(path: Path = CLAIMS) -> list[dict[str, str | None]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def source_text(source: str) -> str:
    return " ".join(claim_path(source).read_text(encoding="utf-8").split())


@pytest.mark.parametrize("claim", load_claims(), ids=lambda claim: str(claim["id"]))
def test_claim_is_well_formed(claim: dict[str, str | None]) -> None:
    assert set(claim) == {"id", "source", "claim", "label", "type", "evidence", "note"}
    assert claim["label"] in LABELS
    assert (claim["type"] is None) == (claim["label"] == "supported")
    assert claim["type"] is None or claim["type"] in TYPES
    if claim["evidence"] is not None:
        assert " ".join(str(claim["evidence"]).split()) in source_text(str(claim["source"]))


def test_the_set_is_balanced_and_large_enough() -> None:
    claims = load_claims()
    supported = sum(claim["label"] == "supported" for claim in claims)
    assert len(claims) >= 60
    assert 0.35 <= supported / len(claims) <= 0.65


@pytest.mark.parametrize("claim", load_claims(HELDOUT), ids=lambda claim: str(claim["id"]))
def test_heldout_claim_is_well_formed(claim: dict[str, str | None]) -> None:
    assert set(claim) == {"id", "source", "claim", "label", "type", "note"}
    assert claim["label"] in {"supported", "unsupported"}
    assert (claim["type"] is None) == (claim["label"] == "supported")
    assert claim["type"] is None or claim["type"] in TYPES
    assert str(claim["source"]).partition(":")[0] in {"seed", "heldout"}
    assert claim_path(str(claim["source"])).is_file()


def test_the_heldout_set_has_every_error_type_and_both_labels_equally() -> None:
    claims = load_claims(HELDOUT)
    assert sum(claim["label"] == "supported" for claim in claims) * 2 == len(claims)
    assert {claim["type"] for claim in claims} - {None} == TYPES - {"consistency"}
