"""Which meetings step 6 offers, and which one it opens on.

Only dated meetings with people still on your list count, oldest first; the panel opens on
the most recent meeting that has ended (the one to follow up now), else the next one.

Example:
    >>> import pathlib, tempfile
    >>> from infoview_lib.workbook.store import open_workbook
    >>> wb = open_workbook(pathlib.Path(tempfile.mkdtemp()) / "w.sqlite")
    >>> meetings_to_follow(wb), default_meeting([])
    ([], None)
"""

from __future__ import annotations

from datetime import datetime, timezone

from ..workbook.errors import InfoviewError
from ..workbook.model import Contact, Meeting
from ..workbook.store import Workbook
from .schedule import end_utc


def alive(wb: Workbook, contact_id: int) -> bool:
    """True while the contact is on the list (not deleted)."""
    return any(c.id == contact_id for c in wb.contacts())


def meetings_to_follow(wb: Workbook) -> list[Meeting]:
    """Dated meetings with people still on the list, oldest first."""
    return sorted((m for m in wb.list(Meeting) if m.starts_at and alive(wb, m.contact_id)),
                  key=lambda m: m.starts_at)


def meeting_label(wb: Workbook, meeting: Meeting) -> str:
    """The picker's line: who, and the day (plain text)."""
    return f"{wb.get(Contact, meeting.contact_id).name} ({meeting.starts_at[:10]})"


def default_meeting(meetings: list[Meeting], now: datetime | None = None) -> int | None:
    """The most recent meeting that has ended, else the next one coming up."""
    if not meetings:
        return None
    now = now or datetime.now(timezone.utc)
    held = [m for m in meetings if end_utc(m) <= now]
    return (held[-1] if held else meetings[0]).id


def referral_names(wb: Workbook, meeting: Meeting) -> list[str]:
    """The people this meeting's contact suggested who are still on the list."""
    return [wb.get(Contact, i).name for i in meeting.debrief.get("referrals", [])
            if alive(wb, i)]


def next_report_kind(meeting: Meeting, decided: bool) -> str:
    """The report-back to log next: an 'update' first; a 'decision' once you have decided
    and the update is logged.

    >>> next_report_kind(Meeting(contact_id=1, debrief={"reported_back": [["update", "x"]]}),
    ...                  decided=True)
    'decision'
    """
    done = {k for k, _ in meeting.debrief.get("reported_back", [])}
    return "update" if "update" not in done or not decided else "decision"


def meeting_identity(wb: Workbook, meeting: Meeting | None) -> tuple | None:
    """Who and when (with the id), so a record reusing an id after a restore is not taken
    for the meeting shown before."""
    if meeting is None:
        return None
    return meeting.id, meeting.starts_at, wb.get(Contact, meeting.contact_id).name


def is_same_meeting(wb: Workbook, meeting_id: int | None, identity: tuple | None) -> bool:
    """True while meeting_id is still the meeting whose identity was noted (the same
    person at the same time); False once it is gone or is now someone else's."""
    try:
        meeting = wb.get(Meeting, meeting_id) if meeting_id else None
        return meeting_identity(wb, meeting) == identity
    except InfoviewError:
        return False
