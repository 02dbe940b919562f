"""Step 5, be a professional: meeting details, the checklist, and the .ics invite.

A meeting is stored with its local start ("2025-07-14T15:00") and an IANA time zone
("America/New_York"). The .ics file (written with infoview_lib.ics) gives the times in
UTC ("Z") and the local time in the description, with a reminder the day before. UTC is
chosen on purpose: the RDATE-style VTIMEZONE that icalendar generates is misread by
vobject/dateutil (a July 15:00 New York meeting came back as UTC-5), and every calendar
app shows UTC times correctly in the reader's own zone. The length is the one asked for in the
outreach (one of the class protocol's meeting lengths); more than the longest needs
`override=True` (they offered longer).

Example:
    >>> import tempfile, pathlib
    >>> from infoview_lib.workbook.store import open_workbook
    >>> from infoview_lib.workbook.model import Contact
    >>> wb = open_workbook(pathlib.Path(tempfile.mkdtemp()) / "w.sqlite")
    >>> ada = wb.add(Contact(first_name="Ada"))
    >>> m = save_meeting(wb, ada.id, "2025-07-14", "15:00", "America/New_York", minutes=20)
    >>> start_utc(m).isoformat()
    '2025-07-14T19:00:00+00:00'
"""

from __future__ import annotations

import os
import uuid
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from .. import ics as ical
from ..outreach.tracker import outreach_for, set_status
from ..workbook.errors import ValidationError
from ..workbook.model import Contact, Meeting, Outreach
from ..workbook.profile import get_profile
from ..workbook.store import Workbook
from .lengths import default_minutes, max_minutes

CHECKLIST = {
    "confirm": "Confirm the day before (a short, friendly note)",
    "arrive_early": "Arrive 10-15 minutes early (or test the video link 10 minutes before)",
    "dress": "Dress the way people at their workplace dress, a notch smarter",
    "resume": "Résumé copies with you, offered only if they ask",
    "business_card": "Ask for a business card (or their preferred contact details)",
    "research": "Research notes reviewed: their role, organisation and recent news",
}
REMINDER_MINUTES = 24 * 60


def zone(name: str) -> ZoneInfo:
    """The IANA time zone called name, or a ValidationError saying how to write one."""
    name = (name or "").strip()
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as err:
        found = _zone_named(name)
        if found:
            return ZoneInfo(found)
        raise ValidationError(f"{name!r} is not a time zone name; use a name such as "
                              "'Europe/London' or 'America/New_York'.") from err


def _zone_named(name: str) -> str | None:
    """The one zone whose name, or city part, matches name ignoring case and spaces:
    'london' -> 'Europe/London', 'new york' -> 'America/New_York'."""
    key = name.casefold().replace(" ", "_")
    if not key:
        return None
    hits = {z for z in common_zones() if z.casefold() == key}
    hits = hits or {z for z in common_zones() if z.casefold().rsplit("/", 1)[-1] == key}
    return hits.pop() if len(hits) == 1 else None


def common_zones() -> list[str]:
    """Every IANA zone name, sorted (for a drop-down)."""
    return sorted(z for z in available_timezones() if "/" in z or z == "UTC")


def asked_length(wb: Workbook, contact_id: int) -> int:
    """The meeting length asked for in the outreach to this contact (else the protocol's
    default length, see lengths.py).

    The outreach step stores it as Outreach.parts["minutes"] (see outreach/parts.py).
    """
    for record in reversed(wb.list(Outreach, contact_id=contact_id)):
        try:
            value = int(record.parts.get("minutes") or 0)
        except (TypeError, ValueError):
            continue
        if value > 0:
            return value
    return default_minutes()


def meeting_for(wb: Workbook, contact_id: int) -> Meeting | None:
    """The contact's newest meeting, or None."""
    found = wb.list(Meeting, contact_id=contact_id)
    return found[-1] if found else None


def _parse_local(day: date | str, at: time | str) -> datetime:
    try:
        day = day if isinstance(day, date) else date.fromisoformat(str(day).strip())
    except ValueError as err:
        raise ValidationError(f"{day!r} is not a date; write it as YYYY-MM-DD.") from err
    try:
        at = at if isinstance(at, time) else time.fromisoformat(str(at).strip())
    except ValueError as err:
        raise ValidationError(f"{at!r} is not a time; write it as HH:MM, e.g. 15:30.") from err
    return datetime.combine(day, at.replace(second=0, microsecond=0, tzinfo=None))


def _check_exists(local: datetime, tz: ZoneInfo) -> None:
    aware = local.replace(tzinfo=tz)
    back = aware.astimezone(timezone.utc).astimezone(tz).replace(tzinfo=None)
    if back != local:
        raise ValidationError(f"{local:%H:%M} does not exist on {local:%Y-%m-%d} in {tz.key} "
                              "(the clocks go forward); pick another time.")


def check_minutes(minutes: int, override: bool = False) -> int:
    """The meeting length, checked: more than the longest allowed needs override."""
    try:
        minutes = int(minutes)
    except (TypeError, ValueError) as err:
        raise ValidationError(f"The length is a number of minutes, e.g. {default_minutes()}."
                              ) from err
    if minutes <= 0:
        raise ValidationError("The length must be more than 0 minutes.")
    top = max_minutes()
    if minutes > top and not override:
        raise ValidationError(f"{minutes} minutes is longer than the {top} minutes you should "
                              "ask for. Keep to what you asked; tick 'they offered longer' only "
                              "if they did.")
    return minutes


def save_meeting(wb: Workbook, contact_id: int, day: date | str, at: time | str,
                 tz: str, place: str = "", video_link: str = "", minutes: int | None = None,
                 override: bool = False) -> Meeting:
    """Create or update the contact's meeting; the outreach moves on to 'meeting set'."""
    wb.get(Contact, contact_id)
    zone_ = zone(tz)
    local = _parse_local(day, at)
    _check_exists(local, zone_)
    minutes = check_minutes(minutes if minutes is not None else asked_length(wb, contact_id),
                            override)
    link = (video_link or "").strip()
    if link and not link.lower().startswith(("https://", "http://")):
        raise ValidationError("A video link starts with https:// ; paste the whole link.")
    if any(ch.isspace() or ord(ch) < 32 or ord(ch) == 127 for ch in link):
        raise ValidationError("A video link is one web address with no spaces or line breaks; "
                              "paste just the link.")
    values = dict(starts_at=local.isoformat(timespec="minutes"), timezone=zone_.key,
                  duration_minutes=minutes, place=(place or "").strip(), video_link=link)
    with wb.transaction():
        current = meeting_for(wb, contact_id)
        if current is None:
            meeting = wb.add(Meeting(contact_id=contact_id, checklist=dict.fromkeys(CHECKLIST,
                                                                                   False),
                                     **values))
        else:
            meeting = wb.update(Meeting, current.id, **values)
        record = outreach_for(wb, contact_id)
        if record.status in ("to_contact", "sent", "replied"):
            set_status(wb, record.id, "meeting_set")
    return meeting


def tick(wb: Workbook, meeting_id: int, key: str, done: bool = True) -> Meeting:
    """Tick (or untick) one checklist item; saved at once."""
    if key not in CHECKLIST:
        raise ValidationError(f"{key!r} is not on the checklist; use one of "
                              f"{', '.join(CHECKLIST)}.")
    with wb.transaction():
        meeting = wb.get(Meeting, meeting_id)
        checklist = {**dict.fromkeys(CHECKLIST, False), **meeting.checklist, key: bool(done)}
        return wb.update(Meeting, meeting_id, checklist=checklist)


def checklist_items(meeting: Meeting | None) -> list[tuple[str, str, bool]]:
    """(key, label, done) for each checklist item."""
    done = meeting.checklist if meeting else {}
    return [(key, label, bool(done.get(key))) for key, label in CHECKLIST.items()]


def start_local(meeting: Meeting) -> datetime:
    """The start as an aware datetime in the meeting's own time zone."""
    if not meeting.starts_at:
        raise ValidationError("This meeting has no date yet; fill in the date and time first.")
    return datetime.fromisoformat(meeting.starts_at).replace(tzinfo=zone(meeting.timezone))


def start_utc(meeting: Meeting) -> datetime:
    return start_local(meeting).astimezone(timezone.utc)


def end_utc(meeting: Meeting) -> datetime:
    return start_utc(meeting) + timedelta(minutes=meeting.duration_minutes)


def has_happened(meeting: Meeting, now: datetime | None = None) -> bool:
    """True once the meeting has a date and its end has passed (now: an aware datetime)."""
    now = (now or datetime.now(timezone.utc)).astimezone(timezone.utc)
    return bool(meeting.starts_at) and end_utc(meeting) <= now


def when_text(meeting: Meeting, viewer_tz: str | None = None) -> str:
    """'Mon 14 Jul 2025, 15:00-15:20 (America/New_York)', plus the viewer's own time."""
    start = start_local(meeting)
    end = start + timedelta(minutes=meeting.duration_minutes)
    text = f"{start:%a %d %b %Y, %H:%M}-{end:%H:%M} ({meeting.timezone})"
    if viewer_tz and viewer_tz != meeting.timezone:
        mine = start.astimezone(zone(viewer_tz))
        text += f"; for you: {mine:%a %H:%M} ({viewer_tz})"
    return text


def where_text(meeting: Meeting) -> str:
    parts = [p for p in (meeting.place, meeting.video_link) if p]
    return "; ".join(parts) or "place to be agreed"


def workbook_key(wb: Workbook) -> str:
    """A random key made once per workbook, so invite UIDs stay the same on every export."""
    key = wb.setting("workbook_uid")
    if not key:
        key = uuid.uuid4().hex
        wb.set_setting("workbook_uid", key)
    return key


def meeting_calendar(wb: Workbook, meetings: list[Meeting] | None = None,
                     stamp: datetime | None = None):
    """An icalendar Calendar with one event per meeting (all meetings with a date if None)."""
    cal = ical.new_calendar("Informational interviews")
    for meeting in meetings if meetings is not None else wb.list(Meeting):
        if not meeting.starts_at:
            continue
        contact = wb.get(Contact, meeting.contact_id)
        who = contact.name + (f" ({contact.organization})" if contact.organization else "")
        description = (f"Informational interview with {contact.name}. "
                       f"Local time: {when_text(meeting)}.\n"
                       f"Keep to {meeting.duration_minutes} minutes; end with: who else should "
                       "I talk to?" + _organiser_line(wb))
        ical.add_event(cal, ical.stable_uid("meeting", workbook_key(wb), meeting.id),
                       f"Informational interview: {who}", start_utc(meeting),
                       minutes=meeting.duration_minutes, description=description,
                       location=meeting.place or meeting.video_link, url=meeting.video_link,
                       alarm_minutes=REMINDER_MINUTES, stamp=stamp)
    return cal


def _organiser_line(wb: Workbook) -> str:
    """'\nArranged by Maya Lind (maya@example.org, +1 555 0100)' from your profile, or ''."""
    me = get_profile(wb)
    reach = ", ".join(x for x in (me.email, me.phone) if x)
    return f"\nArranged by {me.name}" + (f" ({reach})" if reach else "") if me.name else ""


def meeting_ics(wb: Workbook, meeting: Meeting, stamp: datetime | None = None) -> bytes:
    """The .ics invite for one meeting (UTC times, reminder the day before)."""
    if not meeting.starts_at:
        raise ValidationError("Fill in the date and time before making the invite.")
    return ical.to_bytes(meeting_calendar(wb, [meeting], stamp))


def write_meeting_ics(wb: Workbook, meeting: Meeting, path: str | os.PathLike) -> Path:
    """Write the invite to path and return it."""
    if not meeting.starts_at:
        raise ValidationError("Fill in the date and time before making the invite.")
    return ical.write_ics(meeting_calendar(wb, [meeting]), path)


def meeting_order(wb: Workbook):
    """Who steps 4 and 5 offer first: contacts with a meeting, then those who replied, then
    those you wrote to (not 300 imported names first), then everyone else (by name)."""
    met = {m.contact_id for m in wb.list(Meeting)}
    outreach = wb.list(Outreach)
    replied = {o.contact_id for o in outreach if o.replied_on}
    sent = {o.contact_id for o in outreach if o.sent_on}
    people = wb.contacts()
    return sorted(people, key=lambda c: (c.id not in met, c.id not in replied, c.id not in sent,
                                         c.name.casefold()))
