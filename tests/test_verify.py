"""The typed checks, one behaviour each, and `retell check` (the model judge is still to come)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from retell import clean
from retell.article import Article, layout_blocks
from retell.cli.main import cli
from retell.text.facts import numbers, roles
from retell.verify import check

SOURCE = clean(
    b"Ferry kept\n\n"
    b"Councillors in Westmere voted 7 to 4 on Tuesday to keep the ferry until 2028.\n\n"
    b"Council leader Margaret Osei said the \xc2\xa31.2million subsidy would be reviewed.\n\n"
    b"Opposition councillor Peter Hale criticised the decision. 'We cannot keep writing "
    b"cheques for a boat that sails half empty,' he said.\n\n"
    b"Prime Minister Ada Brennan did not comment.\n"
)


def label_of(sentence: str) -> tuple[str, tuple[str, ...]]:
    verdict = check(SOURCE, sentence).verdicts[0]
    return verdict.label, verdict.types


@pytest.mark.parametrize(
    "sentence",
    [
        "Westmere councillors decided by 7 votes to 4 to keep their ferry until 2028.",
        "Margaret Osei, the council leader, said the £1.2million subsidy would be reviewed.",
        "Peter Hale, an opposition councillor, criticised the decision.",
    ],
)
def test_faithful_paraphrases_are_supported(sentence: str) -> None:
    assert label_of(sentence) == ("supported", ())


@pytest.mark.parametrize(
    ("sentence", "error_type"),
    [
        ("Councillors voted 8 to 4 to keep the ferry until 2028.", "number"),
        ("Hale said: 'We cannot keep paying for a boat that sails half empty.'", "quote"),
        ("Former council leader Margaret Osei said the subsidy would be reviewed.", "role"),
        ("Prime Minister Margaret Osei said the subsidy would be reviewed.", "role"),
        ("Peter Hale praised the decision.", "polarity"),
    ],
)
def test_single_errors_are_contradicted_with_their_type(sentence: str, error_type: str) -> None:
    label, types = label_of(sentence)
    assert label == "contradicted"
    assert error_type in types


@pytest.mark.parametrize(
    ("sentence", "error_type"),
    [
        ("Mayor Tom Quill welcomed the ferry vote in Westmere.", "entity"),
        (
            "The decision reflects complex regional dynamics and shifting tourism priorities.",
            "addition",
        ),
    ],
)
def test_additions_are_unsupported(sentence: str, error_type: str) -> None:
    label, types = label_of(sentence)
    assert label == "unsupported"
    assert error_type in types


def test_verdict_offsets_and_evidence_point_at_real_text() -> None:
    candidate = "Councillors voted 7 to 4.\n\nHale criticised the decision."
    report = check(SOURCE, candidate)
    for verdict in report.verdicts:
        assert candidate[verdict.start : verdict.end] == verdict.text
        for span in verdict.evidence:
            assert SOURCE.text[span.start : span.end] == span.text
    assert [verdict.paragraph for verdict in report.verdicts] == [0, 1]


def test_numbers_read_alike_in_every_writing() -> None:
    assert numbers("£3billion and 30,000 troops, 5%") == {3e9, 30000.0, 5.0}
    assert numbers("3 bn") == numbers("3,000,000,000")


def test_roles_pair_a_title_with_the_surname() -> None:
    assert roles("former US President Donald Trump met Prime Minister Ada Brennan") == [
        ("former", "Trump"),
        ("prime minister", "Brennan"),
    ]


def test_cli_check_exit_codes(tmp_path: Path) -> None:
    source = tmp_path / "source.txt"
    source.write_text(SOURCE.title + "\n\n" + "\n\n".join(SOURCE.body) + "\n", encoding="utf-8")
    good, bad = tmp_path / "good.txt", tmp_path / "bad.txt"
    good.write_text("Councillors voted 7 to 4 to keep the ferry until 2028.\n", encoding="utf-8")
    bad.write_text("Councillors voted 9 to 2 to keep the ferry until 2030.\n", encoding="utf-8")
    runner = CliRunner()
    ok = runner.invoke(cli, ["check", str(source), str(good)])
    failed = runner.invoke(cli, ["check", str(source), str(bad)])
    assert ok.exit_code == 0 and failed.exit_code == 1
    data = json.loads(failed.stdout)
    assert data["summary"] == {"supported": 0, "unsupported": 0, "contradicted": 1}
    assert data["sentences"][0]["types"] == ["number"]


def test_a_changed_weekday_is_contradicted() -> None:
    assert label_of("Councillors voted 7 to 4 on Monday to keep the ferry until 2028.") == (
        "contradicted",
        ("date",),
    )


def test_evidence_a_caption_repeats_is_shown_once() -> None:
    body = [
        "Mayor Ines Carrow will open the new tram line on Friday, the council said, after "
        "two years of works.",
        "Traders on Mill Street said the works had cost them customers.",
    ]
    caption = ["Mayor Ines Carrow will open the new tram line on Friday"]
    article = Article(source="tram", title=None, blocks=layout_blocks(body, caption))
    verdict = check(article, "Ines Carrow will open the tram line on Friday.").verdicts[0]
    texts = [" ".join(span.text.split()) for span in verdict.evidence]
    assert not any(a != b and a in b for a in texts for b in texts)
    assert any("two years of works" in text for text in texts)
