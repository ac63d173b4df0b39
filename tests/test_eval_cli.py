"""`retell eval` from the command line: extraction against both gold formats, the claim
sets as the evaluation gate scores them (the same code), and summaries with ROUGE beside
the lead baseline."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from click.testing import CliRunner

from retell import clean
from retell.cli.main import cli
from retell.eval import data, scoring
from retell.eval.claims import score_claims

from .conftest import DATA, ROOT, SHARED, claim_path

HTML = DATA / "html" / "01_lighthouse.html"
#: A short story in Welsh, written for this test: retell summarises English only.
WELSH = (
    "Mae cyngor y dref wedi penderfynu cadw'r fferi i'r ynysoedd am dair blynedd arall.\n\n"
    "Dywedodd arweinydd y cyngor fod y penderfyniad yn bwysig iawn i bobl yr ynysoedd, "
    "sydd heb ffordd arall i gyrraedd yr ysbyty.\n\n"
    "Bydd y cwmni sy'n rhedeg y gwasanaeth yn cyhoeddi faint o bobl sy'n teithio bob mis."
)


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_extract_scores_snippets_and_article_bodies(tmp_path: Path) -> None:
    pages = tmp_path / "pages"
    pages.mkdir()
    shutil.copy(HTML, pages / "lighthouse.html")
    article = clean(HTML.read_bytes())
    body = article.body
    snippets = {
        "https://example.org/lighthouse": {
            "file": "lighthouse.html",
            "with": [body[0][:40], body[-1][-40:]],
            "without": ["This sentence is on no page at all"],
        }
    }
    (tmp_path / "snippets.json").write_text(json.dumps(snippets))
    code, stdout, stderr = run(
        "eval", "extract", str(pages), "--gold", str(tmp_path / "snippets.json"), "--format", "json"
    )
    assert code == 0, stderr
    scored = json.loads(stdout)
    assert scored["retell"] | {"pages_per_second": 0} == {
        "pages": 1, "precision": 1.0, "recall": 1.0, "f1": 1.0, "pages_per_second": 0,
        "failures": 0,
    }  # fmt: skip
    assert "trafilatura" in scored
    bodies = {"lighthouse": {"articleBody": " ".join(body) + " and some words never written"}}
    (tmp_path / "bodies.json").write_text(json.dumps(bodies))
    code, stdout, _ = run("eval", "extract", str(pages), "--gold", str(tmp_path / "bodies.json"))
    assert code == 0 and "| retell | 1 |" in stdout
    row = next(line for line in stdout.splitlines() if line.startswith("| retell"))
    precision, recall = (float(cell) for cell in row.split("|")[3:5])
    assert precision > 0.9 and 0.8 < recall < 1.0


def test_extract_with_a_gold_file_naming_no_page_fails_in_one_line(tmp_path: Path) -> None:
    (tmp_path / "gold.json").write_text(json.dumps({"x": {"articleBody": "words"}}))
    code, _, stderr = run("eval", "extract", str(tmp_path), "--gold", str(tmp_path / "gold.json"))
    assert code == 3 and "no page of the folder is described" in stderr


def test_check_scores_a_claim_set_as_the_gate_does() -> None:
    claims = DATA / "heldout" / "claims.jsonl"
    folders = [
        f"seed={SHARED / 'seeds'}",
        f"heldout={DATA / 'heldout'}",
        f"scraped={DATA / 'scraped'}",
    ]
    args = [arg for folder in folders for arg in ("--sources", folder)]
    code, stdout, stderr = run("eval", "check", str(claims), *args, "--format", "json")
    assert code == 0, stderr
    found = json.loads(stdout)["claims"]
    value, right, totals = score_claims(claims, lambda spec: clean(claim_path(spec).read_bytes()))
    assert found["balanced_accuracy"] == round(value, 4)
    assert found["by_type"] == {kind: [right[kind], totals[kind]] for kind in sorted(totals)}


def test_check_scores_labelled_summaries_as_the_gate_does() -> None:
    faithbench, xsumfaith = SHARED / "data" / "faithbench", SHARED / "data" / "xsumfaith"
    code, stdout, stderr = run(
        "eval", "check", "--faithbench", str(faithbench), "--xsumfaith", str(xsumfaith),
        "--split", "test", "--limit", "4", "--format", "json",
    )  # fmt: skip
    assert code == 0, stderr
    found = json.loads(stdout)
    fb = scoring.verdicts(data.chosen(data.faithbench(faithbench), "test", 4))
    assert found["faithbench"]["summaries"] == len(fb) > 4  # several summaries per article
    assert found["faithbench"]["sentences"] == round(scoring.sentence_level(fb).value, 4)
    assert found["faithbench"]["summary_level"] == round(scoring.summary_level(fb).value, 4)
    xs = scoring.verdicts(data.chosen(data.xsumfaith(xsumfaith), "test", 4))
    assert found["xsumfaith"]["summaries"] == len(xs) == 20  # five systems per article
    assert found["xsumfaith"]["summary_level"] == round(scoring.summary_level(xs).value, 4)


def test_check_scores_summedits_with_a_threshold_chosen_on_evaluation() -> None:
    root = SHARED / "data" / "summedits"
    code, stdout, stderr = run(
        "eval", "check", "--summedits", str(root), "--limit", "6", "--format", "json"
    )
    assert code == 0, stderr
    found = json.loads(stdout)["summedits"]
    assert sorted(found) == data.summedits_domains(root) and len(found) == 7
    items = data.summedits(root, "samsum")
    items = data.chosen(items, "dev", 6) + data.chosen(items, "test", 6)
    threshold, test = scoring.thresholded(scoring.verdicts(items))
    assert found["samsum"] == {"threshold": round(threshold, 4), "test": round(test.value, 4)}


def test_check_needs_something_to_score() -> None:
    code, _, stderr = run("eval", "check")
    assert code == 1 and "give a claims file" in stderr


def test_summary_scores_rouge_beside_the_lead(tmp_path: Path) -> None:
    sources, references = tmp_path / "sources", tmp_path / "references"
    sources.mkdir()
    references.mkdir()
    shutil.copy(ROOT / "examples" / "harbour-ferry.txt", sources / "ferry.txt")
    first = clean((sources / "ferry.txt").read_bytes()).body[0]
    (references / "ferry.txt").write_text(first)
    code, stdout, stderr = run(
        "eval", "summary", str(sources), str(references), "--backend", "fake", "--format", "json"
    )
    assert code == 0, stderr
    record = json.loads(stdout)
    assert record["articles"] == 1
    assert set(record["rouge"]) == {"rouge1", "rouge2", "rougeL"}
    # The fake backend retells by echoing its source sentences, and the lead holds the
    # reference's sentence: both overlap it heavily.
    assert record["lead"]["rouge1"] > 50 and record["rouge"]["rouge1"] > 20
    assert 0.0 <= record["copy_share"] <= 1.0
    (sources / "fferi.txt").write_text(WELSH)
    (references / "fferi.txt").write_text("Mae'r cyngor wedi cadw'r fferi.")
    code, stdout, stderr = run(
        "eval", "summary", str(sources), str(references), "--backend", "fake", "--format", "json"
    )
    assert code == 0, stderr
    again = json.loads(stdout)
    assert again["articles"] == 1 and again["rouge"] == record["rouge"]  # the Welsh one is left out
    assert [name for name, _ in again["refused"]] == ["fferi.txt"]
    assert "Welsh" in again["refused"][0][1]
    code, _, stderr = run(
        "eval", "summary", str(sources), str(references), "--backend", "fake",
        "--judge", "nosuch:thing",
    )  # fmt: skip
    assert code == 10 and len(stderr.strip().splitlines()) == 1 and "nosuch" in stderr
