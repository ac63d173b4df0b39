"""Reading the date lines that copy sites print above a story.

`parse_date` finds a calendar date in a short line written in any of the
common styles ("Sat. Feb 22nd, 2025", "22 February 2025", "2025-02-22",
"22.02.2025", "Dienstag, 4. März 2025"). `date_line` accepts a line only when
the date is all it says, apart from weekdays, times, time zones and words such
as "Published" or "Updated", so that a headline mentioning a date is never
mistaken for the site's date header.

Numeric dates with both parts at most 12 are ambiguous; retell reads them
day first (22/02/2025, 03.04.2025), as most of the world and all of the
development pages write them, unless the second number cannot be a month.
"""

from __future__ import annotations

import datetime as dt
import re

_MONTHS: dict[str, int] = {}
for _number, _names in enumerate(
    [
        "january jan janvier januar jänner enero gennaio",
        "february feb febr février fevrier februar febrero febbraio",
        "march mar mars märz maerz marzo",
        "april apr avril abril aprile",
        "may mai mayo maggio",
        "june jun juin juni junio giugno",
        "july jul juillet juli julio luglio",
        "august aug août aout agosto",
        "september sep sept septembre settembre septiembre",
        "october oct octobre oktober okt octubre ottobre",
        "november nov novembre noviembre",
        "december dec décembre decembre dezember dez diciembre dicembre",
    ],
    start=1,
):
    for _name in _names.split():
        _MONTHS[_name] = _number

# Words that may stand beside a date in a header line without making it more than a date.
_FILLER = set(
    """
    monday tuesday wednesday thursday friday saturday sunday
    mon tue tues wed thu thur thurs fri sat sun
    montag dienstag mittwoch donnerstag freitag samstag sonnabend sonntag
    mo di mi do fr sa so
    lundi mardi mercredi jeudi vendredi samedi dimanche
    lunes martes miércoles miercoles jueves viernes sábado sabado domingo
    published posted updated last modified on at am pm a.m p.m of the
    gmt utc bst cet cest est edt pst pdt cst cdt ist
    veröffentlicht aktualisiert stand um uhr den
    publié le mis à jour de del el publicado actualizado
    today heute
    """.split()
)

_MONTH_NAME = r"(?P<month>[^\W\d_]{3,10})\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th|er|\.|º)?"
_YEAR = r"(?P<year>\d{4})"
_PATTERNS = [
    re.compile(r"\b(?P<year>\d{4})[-/.](?P<month>\d{1,2})[-/.](?P<day>\d{1,2})\b"),
    re.compile(r"\b(?P<first>\d{1,2})(?P<sep>[./-])(?P<second>\d{1,2})(?P=sep)(?P<year>\d{4})\b"),
    re.compile(rf"\b{_DAY}\s*(?:of\s+|de\s+)?{_MONTH_NAME}[\s,]+(?:de\s+)?{_YEAR}\b", re.I),
    re.compile(rf"\b{_MONTH_NAME}\s+{_DAY},?\s+{_YEAR}\b", re.I),
]
_TIME = re.compile(
    r"\b\d{1,2}[:.h]\d{2}(?:[:.]\d{2})?\s*(?:[ap]\.?m\.?)?|\b\d{1,2}\s*[ap]\.?m\.?", re.I
)
_WORD = re.compile(r"[^\W_]+(?:\.[^\W_]+)*", re.UNICODE)

MAX_DATE_LINE = 80


def parse_date(text: str) -> tuple[dt.date, tuple[int, int]] | None:
    """The first calendar date written in `text` and the span it occupies."""
    for pattern in _PATTERNS:
        for match in pattern.finditer(text):
            found = _to_date(match.groupdict())
            if found is not None:
                return found, match.span()
    return None


def date_line(line: str) -> dt.date | None:
    """The date a line holds, when that date is all the line says."""
    return _date_with_extra_words(line, 0)


#: Words besides the date a header line may hold ("The Coastal Herald | 13 Feb 2025").
HEADER_EXTRA_WORDS = 4


def header_date(line: str) -> dt.date | None:
    """The date of a line at the top of a page, which may also name the site or author."""
    if " " not in line.strip():
        return date_line(line)  # a line without spaces is a slug or a URL, not a dateline
    return _date_with_extra_words(line, HEADER_EXTRA_WORDS)


def _date_with_extra_words(line: str, allowed: int) -> dt.date | None:
    """The line's date, if besides it the line holds at most `allowed` other words.

    Weekdays, times, time zones and words such as "Published" do not count.
    """
    if len(line) > MAX_DATE_LINE:
        return None
    parsed = parse_date(line)
    if parsed is None:
        return None
    date, (start, end) = parsed
    rest = _TIME.sub(" ", line[:start] + " " + line[end:])
    leftover = [word for word in _WORD.findall(rest.lower()) if word not in _FILLER]
    return date if len(leftover) <= allowed else None


def _to_date(parts: dict[str, str | None]) -> dt.date | None:
    """Build a date from matched parts, or None when they name no real day."""
    year = int(parts["year"] or 0)
    if "first" in parts:
        day, month = _day_month(int(parts["first"] or 0), int(parts["second"] or 0))
    else:
        day = int(parts["day"] or 0)
        month = _month_number(parts["month"] or "")
    if not 1900 <= year <= 2100:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _day_month(first: int, second: int) -> tuple[int, int]:
    """Order two numbers of a numeric date as (day, month), day first unless impossible."""
    if second > 12 >= first:
        return second, first
    return first, second


def _month_number(name: str) -> int:
    """The month a name or number stands for, 0 when it is neither."""
    if name.isdigit():
        return int(name)
    return _MONTHS.get(name.lower().rstrip("."), 0)
