"""Language detection, and a plain refusal to rewrite what retell cannot."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from retell import clean
from retell.backends import FakeBackend
from retell.cli import cli
from retell.errors import UnsupportedLanguage
from retell.language import detect
from retell.rewrite import rewrite

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
        rewrite(article, FakeBackend())
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
