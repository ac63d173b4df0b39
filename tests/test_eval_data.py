"""The readers of the public labelled sets (../shared/data), and candidate sentence splitting."""

from __future__ import annotations

from retell.article import Verdict
from retell.eval import scoring
from retell.eval.data import Labelled, faithbench, source_article, summedits, xsumfaith
from retell.text.facts import known_words
from retell.verify import claim_sentences, framing

from .conftest import SHARED

DATA = SHARED / "data"


def test_faithbench_news_samples_with_spans_and_anchors() -> None:
    items = faithbench(DATA / "faithbench")
    assert len(items) == 520
    marked = [item for item in items if item.flagged]
    assert 300 < len(marked) < 400
    item = marked[0]
    start, end = item.spans[0]
    assert 0 <= start < end <= len(item.summary)
    assert item.marks(start, end)
    assert not item.marks(len(item.summary) + 1, len(item.summary) + 2)
    assert set(item.anchors) >= {"gpt_4o", "hhem-2.1"}
    assert {item.split for item in items} == {"dev", "test"}


def test_faithbench_one_source_never_straddles_the_splits() -> None:
    splits: dict[str, set[str]] = {}
    for item in faithbench(DATA / "faithbench"):
        splits.setdefault(item.group, set()).add(item.split)
    assert all(len(found) == 1 for found in splits.values())


def test_benign_spans_count_only_when_asked() -> None:
    plain = sum(len(item.spans) for item in faithbench(DATA / "faithbench"))
    with_benign = sum(len(item.spans) for item in faithbench(DATA / "faithbench", benign=True))
    assert with_benign > plain


def test_xsumfaith_token_labels_become_character_spans() -> None:
    items = xsumfaith(DATA / "xsumfaith", systems=("PtGen",))
    assert len(items) == 500
    item = next(item for item in items if item.spans and "'" in item.summary)
    assert "\\'" not in item.summary
    for start, end in item.spans:
        assert item.summary[start:end] == item.summary[start:end].strip()
        assert start == 0 or item.summary[start - 1] == " "
    assert any(item.anchors for item in items)


def test_xsumfaith_spans_carry_the_kind_annotators_named() -> None:
    items = xsumfaith(DATA / "xsumfaith", systems=("BERTS2S",))
    marked = [item for item in items if item.spans]
    assert all(len(item.kinds) == len(item.spans) for item in items)
    kinds = [kind for item in marked for kind in item.kinds]
    assert set(kinds) <= {"intrinsic", "extrinsic", "unknown"}
    # Most spans are found among the annotators' marks; both kinds occur.
    assert kinds.count("unknown") < len(kinds) / 10
    assert kinds.count("intrinsic") > 0 and kinds.count("extrinsic") > 0


def test_a_lower_cased_tokenised_source_reads_as_prose() -> None:
    item = next(
        item
        for item in faithbench(DATA / "faithbench")
        if " , " in item.source and " 's " in item.source
    )
    text = source_article(item).text
    assert " , " not in text and " 's " not in text


def test_summedits_uses_its_own_splits() -> None:
    items = summedits(DATA / "summedits", "ectsum")
    assert {item.split for item in items} == {"dev", "test"}
    assert any(item.flagged for item in items) and not all(item.flagged for item in items)


def test_candidate_list_markers_and_line_breaks() -> None:
    text = "Key points:\n1. The pool closes in May.\n2. A new one opens. It has six lanes."
    assert [text[a:b] for a, b in claim_sentences(text)] == [
        "Key points:",
        "The pool closes in May.",
        "A new one opens.",
        "It has six lanes.",
    ]


def test_framing_sentences_state_nothing() -> None:
    assert framing("Here is a concise summary of the passage, covering the key points:")
    assert framing("Here's a brief summary of the article:")
    assert not framing("Here is the pool that closes in May:")
    assert not framing("The passage says the pool closes in May.")


def test_known_words_take_hyphen_parts_and_plural_possessives() -> None:
    known = known_words("The Bolton-born boxer beat the Tories' candidate.")
    assert {"bolton", "born", "tories"} <= known


def test_error_kinds_are_counted_per_summary_for_retell_and_each_anchor() -> None:
    def item(name: str, kinds: tuple[str, ...], anchors: dict[str, bool]) -> Labelled:
        spans = tuple((0, 4) for _ in kinds)
        return Labelled("set", name, name, "source", "text", spans, "dev", anchors, kinds)

    def verdicts(*labels: str) -> tuple[Verdict, ...]:
        return tuple(Verdict("x", 0, 0, 1, label, (), (), 0.0, "") for label in labels)

    checked = [
        (item("a", ("intrinsic",), {"judge": True}), verdicts("supported", "unsupported")),
        (item("b", ("intrinsic", "extrinsic"), {"judge": False}), verdicts("supported")),
        (item("c", ("extrinsic",), {}), verdicts("contradicted")),
        (item("d", (), {"judge": True}), verdicts("unsupported")),
    ]
    table = scoring.by_kind_summaries(checked, ["judge"])
    assert table == {
        "extrinsic": {"retell": "1/2", "judge": "0/1"},
        "intrinsic": {"retell": "1/2", "judge": "1/2"},
        scoring.NO_ERROR: {"retell": "1/1", "judge": "1/1"},
    }
