"""Writing iCalendar (.ics, RFC 5545) files: the few helpers every export shares.

Built on the `icalendar` library, which folds long lines at 75 octets (never inside a
UTF-8 character) and ends every line with CRLF. The helpers add what calendar apps need
and the library leaves to us: a stable UID (so re-importing a file updates events instead of
duplicating them) and a DTSTAMP in UTC.

API (keep it this small):
    new_calendar(name)                      -> an empty VCALENDAR with PRODID and VERSION
    stable_uid(*parts)                      -> the same UID for the same parts, every run
    add_event(cal, uid, summary, start, ...) -> a timed VEVENT (tz-aware start)
    add_todo_or_all_day_event(cal, uid, summary, day, ..., todo=False)
                                            -> an all-day VEVENT, or a VTODO due that day
    to_bytes(cal)                           -> the file's bytes (VTIMEZONEs added as needed)
    write_ics(cal, path)                    -> writes to_bytes(cal) and returns the path

Example:
    >>> from datetime import date, datetime, timezone
    >>> cal = new_calendar("Follow-ups")
    >>> _ = add_todo_or_all_day_event(cal, stable_uid("follow-up", 7), "Follow up with Ada",
    ...     date(2025, 3, 4), stamp=datetime(2025, 3, 1, tzinfo=timezone.utc))
    >>> data = to_bytes(cal)
    >>> data.startswith(b"BEGIN:VCALENDAR\\r\\n"), b"DTSTART;VALUE=DATE:20250304" in data
    (True, True)
"""

from __future__ import annotations

import hashlib
import os
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import icalendar

from .workbook.errors import ExportError, ValidationError

PRODID = "-//infoview//informational interviewing workbook//EN"
UID_DOMAIN = "infoview.local"


def new_calendar(name: str = "infoview") -> icalendar.Calendar:
    """An empty calendar with the properties RFC 5545 requires (PRODID, VERSION)."""
    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", name)
    return cal


def stable_uid(*parts: object) -> str:
    """A UID made from the parts (e.g. kind, workbook record id): same parts, same UID.

    >>> stable_uid("follow-up", 3) == stable_uid("follow-up", 3)
    True
    """
    key = "\x1f".join(str(p) for p in parts)
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:24] + "@" + UID_DOMAIN


def _stamp(stamp: datetime | None) -> datetime:
    if stamp is None:
        return datetime.now(timezone.utc).replace(microsecond=0)
    if stamp.tzinfo is None:
        raise ValidationError("DTSTAMP needs a time zone; pass a datetime with tzinfo=UTC.")
    return stamp.astimezone(timezone.utc)


def _text(component, description: str, location: str, url: str) -> None:
    if description:
        component.add("description", description)
    if location:
        component.add("location", location)
    if url:
        component.add("url", url)


def add_event(cal: icalendar.Calendar, uid: str, summary: str, start: datetime, *,
              end: datetime | None = None, minutes: int | None = None, description: str = "",
              location: str = "", url: str = "", alarm_minutes: int | None = None,
              stamp: datetime | None = None) -> icalendar.Event:
    """A timed event. start must carry a time zone (a zoneinfo.ZoneInfo or UTC).

    Give end or minutes (the length); alarm_minutes adds a display reminder before the start.
    """
    if start.tzinfo is None:
        raise ValidationError("The start time needs a time zone, e.g. ZoneInfo('Europe/London').")
    if end is None:
        end = start + timedelta(minutes=minutes or 30)
    if end <= start:
        raise ValidationError("An event must end after it starts; check the length.")
    event = icalendar.Event()
    event.add("uid", uid)
    event.add("dtstamp", _stamp(stamp))
    event.add("dtstart", start)
    event.add("dtend", end)
    event.add("summary", summary)
    _text(event, description, location, url)
    if alarm_minutes:
        alarm = icalendar.Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", summary)
        alarm.add("trigger", timedelta(minutes=-alarm_minutes))
        event.add_component(alarm)
    cal.add_component(event)
    return event


def add_todo_or_all_day_event(cal: icalendar.Calendar, uid: str, summary: str, day: date, *,
                              description: str = "", todo: bool = False,
                              stamp: datetime | None = None):
    """Something to do on a day: an all-day VEVENT (shown by every calendar app), or a
    VTODO due that day when todo=True (task apps)."""
    if isinstance(day, datetime):
        day = day.date()
    if todo:
        item = icalendar.Todo()
        item.add("uid", uid)
        item.add("dtstamp", _stamp(stamp))
        item.add("due", day)
        item.add("status", "NEEDS-ACTION")
    else:
        item = icalendar.Event()
        item.add("uid", uid)
        item.add("dtstamp", _stamp(stamp))
        item.add("dtstart", day)
        item.add("dtend", day + timedelta(days=1))
        item.add("transp", "TRANSPARENT")
    item.add("summary", summary)
    _text(item, description, "", "")
    cal.add_component(item)
    return item


def to_bytes(cal: icalendar.Calendar) -> bytes:
    """The calendar as .ics bytes: CRLF line ends, lines folded at 75 octets, and a
    VTIMEZONE for every time zone an event uses."""
    if hasattr(cal, "add_missing_timezones"):
        cal.add_missing_timezones()
    return cal.to_ical()


def write_ics(cal: icalendar.Calendar, path: str | os.PathLike) -> Path:
    """Write the calendar to path (folders are created); return the path."""
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(to_bytes(cal))
    except OSError as err:
        raise ExportError(f"Cannot write {path} ({err.strerror}); choose a folder you can "
                          "write to.") from err
    return path


__all__ = ["new_calendar", "stable_uid", "add_event", "add_todo_or_all_day_event",
           "to_bytes", "write_ics", "PRODID"]
