"""One calendar file with every scheduled meeting and every follow-up due.

Meetings come from step 5 (infoview_lib.meetings.schedule: time zones kept, reminder the day
before); follow-ups from the 3B7 tracker (infoview_lib.outreach.tracker) and the thank-you and
report-back dates of step 6 (infoview_lib.followthrough). All are written with the
shared helpers in infoview_lib.ics, so text is escaped and lines are folded at 75 octets.

Example:
    >>> import tempfile, pathlib
    >>> from infoview_lib.workbook.store import open_workbook
    >>> wb = open_workbook(pathlib.Path(tempfile.mkdtemp()) / "w.sqlite")
    >>> combined_ics(wb).startswith(b"BEGIN:VCALENDAR")
    True
"""

from __future__ import annotations

from datetime import date, datetime

from ..followthrough import owed_actions
from ..ics import add_todo_or_all_day_event, stable_uid, to_bytes
from ..meetings.schedule import meeting_calendar
from ..outreach.tracker import due_calendar
from ..workbook.store import Workbook


def combined_calendar(wb: Workbook, today: date | None = None, stamp: datetime | None = None):
    """An icalendar Calendar: the meetings, then the follow-ups (stable UIDs for both)."""
    cal = meeting_calendar(wb, stamp=stamp)
    cal["x-wr-calname"] = "Informational interviews and follow-ups"
    follow_ups, _items = due_calendar(wb, today=today, stamp=stamp)
    for component in follow_ups.subcomponents:
        cal.add_component(component)
    now = datetime.combine(today, datetime.min.time()).astimezone() if today else None
    for owed in owed_actions(wb, now=now):
        if not owed.due:  # open-ended (write a debrief, contact a referral): no date to put
            continue
        day = date.fromisoformat(owed.due[:10])
        add_todo_or_all_day_event(
            cal, stable_uid("infoview-owed", owed.kind, owed.meeting_id, owed.contact_id), owed.text,
            day, stamp=stamp, description=owed.text + (" (late)" if owed.late else ""))
    return cal


def combined_ics(wb: Workbook, today: date | None = None, stamp: datetime | None = None) -> bytes:
    """The combined calendar as .ics bytes (CRLF, folded, VTIMEZONEs included)."""
    return to_bytes(combined_calendar(wb, today=today, stamp=stamp))
