"""Language detection, and a plain refusal to rewrite what retell cannot."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from retell import clean
from retell.article import Article, layout_blocks
from retell.backends import FakeBackend
from retell.cli.main import cli
from retell.errors import UnsupportedLanguage
from retell.rewrite.draft import draft
from retell.text.language import detect

from .conftest import DATA

GERMAN_PAGE = DATA / "scraped" / "05_altmoorbach_de.txt"

ENGLISH = (
    "The council said on Monday that the library would close for two weeks while the roof "
    "is repaired, and that books could be returned at the town hall in the meantime. "
    "Residents who have borrowed laptops were asked to keep them until it reopens."
)
GERMAN = (
    "Der Gemeinderat hat am Montag beschlossen, dass die Bücherei für zwei Wochen geschlossen "
    "wird, während das Dach repariert wird. Bücher können in dieser Zeit im Rathaus "
    "zurückgegeben werden, und die Öffnungszeiten werden danach verlängert."
)
FRENCH = (
    "Le conseil municipal a annoncé lundi que la bibliothèque sera fermée pendant deux "
    "semaines pour des travaux sur le toit. Les livres peuvent être rendus à la mairie, et "
    "les horaires seront prolongés après la réouverture des salles."
)


@pytest.mark.parametrize(("text", "code"), [(ENGLISH, "en"), (GERMAN, "de"), (FRENCH, "fr")])
def test_the_language_of_running_text_is_found(text: str, code: str) -> None:
    assert detect(text) == code


def test_a_text_too_short_to_tell_has_no_language() -> None:
    assert detect("Storm warning for Tuesday") is None
    assert detect("") is None


def test_rewriting_a_german_article_is_refused_plainly() -> None:
    article = clean(GERMAN_PAGE.read_bytes())
    with pytest.raises(UnsupportedLanguage) as caught:
        draft(article, FakeBackend())
    assert caught.value.exit_code == 15
    assert "German" in caught.value.message


def test_the_cli_says_so_in_one_line_and_exits_15() -> None:
    result = CliRunner().invoke(cli, ["rewrite", str(GERMAN_PAGE), "--backend", "fake"])
    assert result.exit_code == 15
    assert result.stderr.strip().count("\n") == 0
    assert "retell rewrites English articles only" in result.stderr


def test_a_batch_records_the_refusal_and_goes_on(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "de.txt").write_bytes(GERMAN_PAGE.read_bytes())
    (folder / "en.txt").write_bytes(
        (Path(__file__).parents[1] / "examples" / "harbour-ferry.txt").read_bytes()
    )
    db = tmp_path / "s.db"
    result = CliRunner().invoke(cli, ["batch", str(folder), "--db", str(db), "--backend", "fake"])
    assert result.exit_code == 1
    export = CliRunner().invoke(cli, ["export", "--db", str(db)])
    statuses = sorted(
        line.split('"status": "')[1].split('"')[0] for line in export.stdout.splitlines()
    )
    assert statuses == ["failed", "rewritten"]
    assert "retell rewrites English articles only" in export.stdout


RUSSIAN = (
    "Городской совет в понедельник сообщил, что библиотека будет закрыта на две недели, "
    "пока ремонтируют крышу. Книги можно вернуть в здании ратуши, а после открытия "
    "библиотека будет работать дольше обычного."
)
JAPANESE = (
    "市議会は月曜日、屋根の修理のため図書館を二週間閉館すると発表した。"
    "その間、本は市役所で返却できる。再開後は開館時間が延長される予定で、"
    "住民からは修理が早く終わることを望む声が上がっている。"
    "ノートパソコンを借りている人は、再開まで手元に置いておくよう求められた。"
    "市によると、修理の費用は約三千万円になる見込みだという。"
)


@pytest.mark.parametrize(("text", "code"), [(RUSSIAN, "ru"), (JAPANESE, "ja")])
def test_languages_beyond_western_europe_are_found(text: str, code: str) -> None:
    assert detect(text) == code


def test_the_refusal_names_the_language_whatever_it_is() -> None:
    article = Article("<ru>", "Библиотека закрыта", layout_blocks([RUSSIAN], []))
    with pytest.raises(UnsupportedLanguage) as caught:
        draft(article, FakeBackend())
    assert "the article is in Russian" in caught.value.message
