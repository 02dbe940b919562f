"""What step 5's meeting form offers and needs before it saves.

The people are offered in the order steps 4 and 5 share (meeting, then replied, then the
rest); a meeting is saved once its date, time and time zone are all there.

Example:
    >>> missing_details(None, " ", "Europe/Oslo")
    ['date', 'time']
    >>> not_saved_message(["date", "time"])[:40]
    'Not saved yet: fill in the date and time'
"""

from __future__ import annotations

from datetime import date

from ..outreach.contacts import contact_label
from ..workbook.store import Workbook
from .lengths import default_minutes
from .schedule import asked_length, max_minutes, meeting_order

NOBODY_YET = ("(no contacts yet: start in step 1)", 0)


def people_options(wb: Workbook) -> list[tuple[str, int]]:
    """("Name (Organization)", id) in meeting order, as step 3's picker writes them, so
    namesakes can be told apart; one placeholder line (id 0) while the list is empty."""
    return [(contact_label(c), c.id) for c in meeting_order(wb)] or [NOBODY_YET]


def missing_details(day: date | None, at: str, tz: str) -> list[str]:
    """Which of date, time and time zone are still blank (none: the meeting can be saved)."""
    return [name for name, value in (("date", day), ("time", (at or "").strip()),
                                     ("time zone", (tz or "").strip())) if not value]


def not_saved_message(missing: list[str]) -> str:
    """What the form says while details are missing."""
    return (f"Not saved yet: fill in the {' and '.join(missing)} too; "
            "the meeting is saved as soon as all three are there.")


def starting_minutes(wb: Workbook, contact_id: int | None) -> int:
    """The length a new meeting starts from: what you asked this person for, else the
    class's default."""
    return asked_length(wb, contact_id) if contact_id else default_minutes()


def is_override(minutes: int) -> bool:
    """A saved length above the class's longest was one they offered (the override).

    >>> is_override(max_minutes() + 10)
    True
    """
    return minutes > max_minutes()
