"""What step 3 does for one contact: the draft (or what to fill in first), a changed part
or meeting length, the tracker line, a new status, the follow-up, and the calendar file of
follow-ups. The panel (ui/outreach.py) only wires its widgets to these.

Example:
    >>> import pathlib, tempfile
    >>> from datetime import date
    >>> from infoview_lib.workbook.store import open_workbook
    >>> from infoview_lib.workbook.model import Contact
    >>> wb = open_workbook(pathlib.Path(tempfile.mkdtemp()) / "w.sqlite")
    >>> ada = wb.add(Contact(first_name="Ada", last_name="Byron"))
    >>> compose(wb, ada).missing.startswith("Tell the workbook who you are first")
    True
    >>> tracker_line(wb, ada.id) is None   # nothing logged yet
    True
    >>> mark_status(wb, ada, "sent", date(2025, 7, 1)).sent_on
    '2025-07-01'
    >>> tracker_line(wb, ada.id, date(2025, 7, 2)).status
    'sent'
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from ..ics import write_ics
from ..workbook.model import Contact, Outreach, Target
from ..workbook.paths import output_dir
from ..workbook.profile import get_profile, missing_message
from ..workbook.store import Workbook
from .checker import RuleResult, check_message
from .contacts import length_changes, require_sent
from .drafts import Draft, render
from .parts import MessageParts, parts_for, save_parts
from .tracker import (
    STATUS_LABELS,
    DueItem,
    calendar_for,
    due_calendar,
    log_follow_up,
    outreach_for,
    reply_label,
    schedule,
    set_status,
    status_dates,
)

CALENDAR_NAME = "follow-ups.ics"


@dataclass(frozen=True)
class Composed:
    """The parts, and either the draft with the checker's results or what is missing
    from your profile (then there is no draft: never one with a blank for your name)."""

    parts: MessageParts
    draft: Draft | None = None
    results: list[RuleResult] = field(default_factory=list)
    missing: str = ""


def compose(wb: Workbook, contact: Contact, channel: str = "email",
            strict: bool = False) -> Composed:
    """The contact's draft on a channel and the checker's verdict on it."""
    parts = parts_for(wb, contact)
    missing = missing_message(get_profile(wb))
    if missing:
        return Composed(parts, missing=missing)
    draft = render(parts, channel)
    return Composed(parts, draft, check_message(draft.body, parts, strict=strict,
                                                channel=channel))


def change_length(wb: Workbook, contact: Contact, ask: str, old: int, new: int) -> str:
    """Save a new meeting length (and the default ask for it, unless you reworded the ask);
    returns the ask as it is now."""
    save_parts(wb, contact, length_changes(ask, old, new))
    return parts_for(wb, contact).ask


@dataclass(frozen=True)
class TrackerLine:
    """What the tracker shows: the status, each dated step, how the reply went, the target."""

    status: str
    steps: list[tuple[str, str]]
    reply: str
    target: str


def tracker_line(wb: Workbook, contact_id: int, today: date | None = None) -> TrackerLine | None:
    """The contact's tracker line, or None while nothing is logged."""
    record = outreach_for(wb, contact_id, create=False)
    if record is None:
        return None
    target = wb.get(Target, record.target_id).name if record.target_id else ""
    return TrackerLine(STATUS_LABELS[record.status], status_dates(record),
                       reply_label(record, calendar_for(wb), today), target)


def mark_status(wb: Workbook, contact: Contact, status: str, day: date) -> Outreach:
    """Record a status on a day; an outreach without a target is linked to the best one."""
    record = outreach_for(wb, contact.id)
    if record.target_id is None:
        save_parts(wb, contact, {})   # links the best target
    return set_status(wb, record.id, status, day)


def follow_up_sent(wb: Workbook, contact: Contact, day: date) -> Outreach:
    """Log the one follow-up (only after 'sent' with no reply: a ValidationError otherwise)."""
    record = outreach_for(wb, contact.id)
    require_sent(record, contact.name, STATUS_LABELS[record.status])
    return log_follow_up(wb, record.id, day)


def coming_up(wb: Workbook, today: date) -> list[DueItem]:
    """The scheduled follow-ups after today (today's are in due_now)."""
    return [i for i in schedule(wb, today) if i.due_on > today]


def write_due_calendar(wb: Workbook, today: date) -> tuple[Path | None, int]:
    """(the .ics of every scheduled follow-up, how many); (None, 0) and no file while
    nothing is scheduled. The file goes in the workbook's output folder."""
    cal, items = due_calendar(wb, today)
    if not items:
        return None, 0
    return write_ics(cal, output_dir(wb.path) / CALENDAR_NAME), len(items)
