"""The amount of a change against the level it reached (`retell.verify.changes`)."""

from __future__ import annotations

from retell.verify.changes import roles, swapped
from retell.verify.checks import check_numbers

from .test_checks import findings, story

PRICES = (
    "Shop prices rose 6.8 percent this year, the statistics office said on Monday. "
    "It expects a smaller increase next year of 3.1 percent, before prices settle at "
    "2 percent in 2028."
)


def test_a_number_under_to_is_a_level_and_under_by_or_of_an_amount() -> None:
    assert roles("Rents fell by 2 percent to 900 pounds.") == {
        2.0: frozenset({"amount"}),
        900.0: frozenset({"level"}),
    }
    assert roles("A 12% rise in fares was announced.") == {12.0: frozenset({"amount"})}
    assert roles("Sales rose 5 percent.") == {5.0: frozenset({"amount"})}


def test_a_number_in_the_changes_subject_has_no_role() -> None:
    assert roles("15 staff were cut after the merger.") == {}
    assert roles("The town has 4,000 people and its school has grown.") == {}


def test_the_size_of_a_change_told_as_its_level_is_contradicted() -> None:
    # The Nassau Guardian's page (2026-12-06): "a lower increase in 2023 of 4.5 percent"
    # was retold "inflation will rise to 4.5 percent in 2023".
    source = story(PRICES)
    wrong = "Prices are expected to rise to 3.1 percent next year."
    assert findings(check_numbers, source, wrong) == [("number", "contradicted")]
    assert swapped(wrong, PRICES) == [(3.1, "level", "amount")]
    right = "Prices are expected to rise by 3.1 percent next year."
    assert findings(check_numbers, source, right) == []


def test_a_level_told_as_the_size_of_a_change_is_contradicted() -> None:
    source = story("Unemployment fell to 4 percent in May, from 5 percent in April.")
    assert findings(check_numbers, source, "Unemployment fell by 4 percent in May.") == [
        ("number", "contradicted")
    ]
    assert findings(check_numbers, source, "Unemployment dropped to 4 percent in May.") == []
