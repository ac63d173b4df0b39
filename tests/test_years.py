"""Where a year puts what is said: in it, since it, before or after it (`retell.verify.years`)."""

from __future__ import annotations

from retell.verify.checks import check_dates
from retell.verify.years import placings

from .test_checks import findings, story


def test_a_year_is_placed_by_its_preposition() -> None:
    assert placings("Fares rose in 2023 and have not fallen since 2019.") == {
        "2023": frozenset({"at"}),
        "2019": frozenset({"since"}),
    }
    assert placings("The 2019 season was cut short.") == {"2019": frozenset({""})}


def test_a_year_something_has_held_since_told_as_the_year_it_held_is_contradicted() -> None:
    # The Nassau Guardian's page (2026-12-06): "the highest year over year increase in
    # consumer prices since 1991" retold "remain at 7.3 percent in 1991".
    source = story("Bus fares rose 9 percent this year, the biggest rise since 1998.")
    wrong = "Bus fares rose 9 percent in 1998."
    assert findings(check_dates, source, wrong) == [("date", "contradicted")]
    assert findings(check_dates, source, "It was the biggest rise in fares since 1998.") == []


def test_since_for_the_year_something_began_is_let_be() -> None:
    # FaithBench: "had been with the Sunday Times since 1993" for "joined ... in 1993".
    source = story("Ada Brook joined the Courier in 1993 and edited it for a decade.")
    assert findings(check_dates, source, "Ada Brook had been with the Courier since 1993.") == []
    assert findings(check_dates, source, "Ada Brook left the Courier before 1993.") == [
        ("date", "contradicted")
    ]
