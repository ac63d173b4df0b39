"""The HTML check report: one self-contained page, every sentence marked, all text escaped."""

from __future__ import annotations

import dataclasses
import re
from html.parser import HTMLParser

from retell import clean
from retell.article import Evidence
from retell.render.report_html import Change, report_html
from retell.verify import Report, check

SOURCE = clean(
    b"Wed. Apr 2nd, 2025\n\n"
    b"Footbridge reopens\n\n"
    b"The Harwick footbridge reopened on Monday after a repair that cost 340,000 pounds.\n\n"
    b"Engineer Lena Morrow said 12 new steel cables had been fitted.\n\n"
    b"The bridge carries about 2,000 walkers a day.\n",
    url="https://news.example.org/harwick-footbridge",
)

FAITHFUL = "The Harwick footbridge reopened on Monday after repairs."
WRONG_NUMBER = "Engineer Lena Morrow said 15 new steel cables had been fitted."
CANDIDATE = f"{FAITHFUL}\n\n{WRONG_NUMBER}"

VOID = {"meta", "br", "hr", "img", "input", "link", "area", "base", "col", "source", "wbr"}


class TagChecker(HTMLParser):
    """Records every start tag and any end tag that does not close the innermost open one."""

    def __init__(self) -> None:
        super().__init__()
        self.open: list[str] = []
        self.errors: list[str] = []
        self.starts: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.starts.append((tag, dict(attrs)))
        if tag not in VOID:
            self.open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.open or self.open.pop() != tag:
            self.errors.append(tag)


def parse(page: str) -> TagChecker:
    checker = TagChecker()
    checker.feed(page)
    checker.close()
    return checker


def page() -> str:
    return report_html(check(SOURCE, CANDIDATE))


def marked_sentences(html: str) -> list[tuple[str, str]]:
    """(label class, text) of every sentence span in the reading view, in order."""
    pattern = r'<span class="s s-(\w+)" id="s-\d+" tabindex="0"[^>]*>([^<]*)<span class="pop"'
    return re.findall(pattern, html)


def section(html: str, name: str) -> str:
    """The text of one <section> of the page, found by its class."""
    start = html.index(f'<section class="{name}"')
    return html[start : html.index("</section>", start)]


def test_the_candidate_has_one_faithful_and_one_contradicted_sentence() -> None:
    labels = [verdict.label for verdict in check(SOURCE, CANDIDATE).verdicts]
    assert labels == ["supported", "contradicted"]


def test_page_is_one_balanced_html5_document() -> None:
    html = page()
    assert html.startswith("<!doctype html>\n")
    assert '<html lang="en">' in html
    assert '<meta charset="utf-8">' in html
    assert "<title>Verification report: Footbridge reopens</title>" in html
    checker = parse(html)
    assert checker.errors == []
    assert checker.open == []


def test_header_has_the_source_title_credit_and_counts() -> None:
    header = page().split("</header>")[0]
    assert "<h1>Footbridge reopens</h1>" in header
    assert "2025-04-02" in header
    assert "https://news.example.org/harwick-footbridge" in header
    counts = dict(re.findall(r'count-(\w+)"><span class="num">(\d+)</span>', header))
    assert counts == {"supported": "1", "unsupported": "0", "contradicted": "1"}


def test_each_sentence_is_marked_once_with_its_label_and_listed_once() -> None:
    html = page()
    assert marked_sentences(html) == [("supported", FAITHFUL), ("contradicted", WRONG_NUMBER)]
    for sentence in (FAITHFUL, WRONG_NUMBER):
        assert section(html, "text").count(sentence) == 1
        assert section(html, "details").count(sentence) == 1
    rows = re.findall(r'<tr class="row-(\w+)">', html)
    assert rows == ["supported", "contradicted"]


def test_sentences_sit_in_their_own_paragraphs() -> None:
    pattern = r'<p id="p-(\d)" data-paragraph="\d">(.*?)</p>'
    paragraphs = re.findall(pattern, section(page(), "text"))
    assert [number for number, _ in paragraphs] == ["1", "2"]
    assert FAITHFUL in paragraphs[0][1]
    assert WRONG_NUMBER in paragraphs[1][1]


def test_every_sentence_is_focusable_and_described_by_its_popover() -> None:
    checker = parse(page())
    sentences = [attrs for tag, attrs in checker.starts if tag == "span" and attrs.get("tabindex")]
    ids = {attrs.get("id") for _, attrs in checker.starts}
    assert len(sentences) == 2
    for attrs in sentences:
        assert attrs["tabindex"] == "0"
        assert attrs["aria-describedby"] in ids
    assert ".s:hover > .pop, .s:focus > .pop, .s:focus-within > .pop" in page()


def test_popover_and_table_show_the_evidence_with_its_kind_and_offsets() -> None:
    report = check(SOURCE, CANDIDATE)
    wrong = report.verdicts[1]
    evidence = wrong.evidence[0]
    html = report_html(report)
    assert evidence.text == "Engineer Lena Morrow said 12 new steel cables had been fitted."
    where = f"<small>body, chars {evidence.start}–{evidence.end}</small>"
    popover = re.search(r'<span class="pop" role="tooltip" id="pop-2">(.*?)</span></span>', html)
    assert popover is not None
    assert "contradicted" in popover.group(1)
    assert "number" in popover.group(1)
    assert wrong.reason in popover.group(1)
    assert f"<q>{evidence.text}</q> {where}" in popover.group(1)
    assert f"<q>{evidence.text}</q> {where}" in section(html, "details")
    assert f"<td>{wrong.reason}</td>" in section(html, "details")


def test_untrusted_text_is_escaped_everywhere() -> None:
    report = check(SOURCE, CANDIDATE)
    attack = "<script>alert('x')</script>"
    verdict = dataclasses.replace(
        report.verdicts[0],
        text=f"Bridge {attack} opens.",
        reason=f"because {attack}",
        types=(attack,),
        evidence=(Evidence(f"Cables {attack} fitted.", 5, 40, "caption"),),
    )
    source = dataclasses.replace(report.source, title=attack, site_name=attack)
    change = Change(0, "dropped", attack, attack)
    html = report_html(Report(source, (verdict,)), title=attack, changes=[change])
    assert html.count("<script") == 1  # the page's own
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in html
    assert "Bridge &lt;script&gt;" in html
    assert "Cables &lt;script&gt;" in html
    assert parse(html).errors == []


def test_page_loads_nothing_from_outside() -> None:
    html = page()
    checker = parse(html)
    assert not [attrs for _, attrs in checker.starts if "src" in attrs]
    links = [attrs["href"] for tag, attrs in checker.starts if "href" in attrs]
    assert links and all(str(link).startswith("#") for link in links)
    assert not re.search(r"(src|href)\s*=\s*[\"']?(https?:)?//", html)
    assert "@import" not in html
    assert "url(" not in html
    assert not [tag for tag, _ in checker.starts if tag in {"link", "iframe", "img"}]


def test_changes_list_a_dropped_sentence_with_its_reason() -> None:
    dropped = "The bridge was built by Romans."
    change = Change(1, "dropped", dropped, "no source sentence mentions Romans")
    html = report_html(check(SOURCE, CANDIDATE), changes=[change])
    repairs = section(html, "changes")
    assert "<h2>Repairs</h2>" in repairs
    assert '<tr class="change-dropped"><td>2</td><td>dropped</td>' in repairs
    assert dropped in repairs
    assert "no source sentence mentions Romans" in repairs
    assert parse(html).errors == []


def test_no_changes_section_without_changes() -> None:
    assert 'class="changes"' not in page()
    assert "Repairs" not in page()


def test_title_replaces_the_kicker_and_page_title() -> None:
    html = report_html(check(SOURCE, CANDIDATE), title="Repair check")
    assert "<title>Repair check: Footbridge reopens</title>" in html
    assert '<p class="kicker">Repair check</p>' in html


def test_empty_report_still_makes_a_page() -> None:
    html = report_html(check(SOURCE, ""))
    assert "No sentences to check." in html
    assert parse(html).errors == []
