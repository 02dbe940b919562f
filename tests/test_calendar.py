"""infoview_lib.ics: valid RFC 5545 output (CRLF, 75-octet folding, UID, UTC DTSTAMP)."""

from __future__ import annotations

from datetime import date, datetime, timezone
from zoneinfo import ZoneInfo

import icalendar
import pytest
import vobject

from infoview_lib.ics import (
    add_event,
    add_todo_or_all_day_event,
    new_calendar,
    stable_uid,
    to_bytes,
    write_ics,
)
from infoview_lib.workbook.errors import ExportError, ValidationError

STAMP = datetime(2025, 3, 1, 9, 30, tzinfo=timezone.utc)


def _calendar() -> bytes:
    cal = new_calendar("Tests")
    add_todo_or_all_day_event(cal, stable_uid("a", 1), "Follow up with Łukasz Żółkiewski " * 4,
                              date(2025, 3, 4), description="é" * 200, stamp=STAMP)
    add_todo_or_all_day_event(cal, stable_uid("a", 2), "A task", date(2025, 3, 5), todo=True,
                              stamp=STAMP)
    add_event(cal, stable_uid("m", 1), "Coffee with 晓雯 李",
              datetime(2025, 7, 1, 15, 0, tzinfo=ZoneInfo("America/New_York")), minutes=20,
              location="Main St", alarm_minutes=60, stamp=STAMP)
    return to_bytes(cal)


def test_lines_end_with_crlf_and_fold_at_75_octets():
    data = _calendar()
    assert data.endswith(b"\r\n")
    assert b"\n" not in data.replace(b"\r\n", b"")
    lines = data.split(b"\r\n")
    assert max(len(line) for line in lines) <= 75
    assert any(line.startswith(b" ") for line in lines), "long text was folded"
    for line in lines:  # folding never splits a UTF-8 character
        line.decode("utf-8")


def test_parses_with_icalendar_and_vobject():
    data = _calendar()
    parsed = icalendar.Calendar.from_ical(data)
    assert parsed["PRODID"] and str(parsed["VERSION"]) == "2.0"
    events = parsed.walk("VEVENT")
    assert len(events) == 2 and len(parsed.walk("VTODO")) == 1
    assert events[0]["SUMMARY"].startswith("Follow up with Łukasz")
    assert events[0]["DESCRIPTION"] == "é" * 200
    vcal = vobject.readOne(data.decode("utf-8"))
    assert {c.name for c in vcal.getChildren()} >= {"VEVENT", "VTODO"}
    for component in parsed.walk():
        if component.name in ("VEVENT", "VTODO"):
            assert component["UID"].endswith("@infoview.local")
            assert component.decoded("DTSTAMP") == STAMP


def test_all_day_event_and_todo_dates():
    data = _calendar()
    assert b"DTSTART;VALUE=DATE:20250304" in data
    assert b"DTEND;VALUE=DATE:20250305" in data
    assert b"DUE;VALUE=DATE:20250305" in data
    assert b"DTSTAMP:20250301T093000Z" in data


def test_timed_event_keeps_its_time_zone_and_alarm():
    parsed = icalendar.Calendar.from_ical(_calendar())
    event = parsed.walk("VEVENT")[1]
    start = event.decoded("DTSTART")
    assert start.utcoffset().total_seconds() == -4 * 3600
    assert (event.decoded("DTEND") - start).total_seconds() == 20 * 60
    assert parsed.walk("VALARM")


def test_stable_uid_is_stable_and_distinct():
    assert stable_uid("follow-up", 3) == stable_uid("follow-up", 3)
    assert stable_uid("follow-up", 3) != stable_uid("follow-up", 4)


def test_same_input_same_bytes():
    assert _calendar() == _calendar()


def test_naive_times_are_refused():
    cal = new_calendar()
    with pytest.raises(ValidationError, match="time zone"):
        add_event(cal, "x", "Meeting", datetime(2025, 1, 1, 10))
    with pytest.raises(ValidationError, match="tzinfo"):
        add_todo_or_all_day_event(cal, "x", "A", date(2025, 1, 1), stamp=datetime(2025, 1, 1))
    with pytest.raises(ValidationError, match="end after"):
        add_event(cal, "x", "Meeting", STAMP, end=STAMP)


def test_write_ics(tmp_path):
    cal = new_calendar()
    add_todo_or_all_day_event(cal, "u1", "A", date(2025, 1, 2), stamp=STAMP)
    path = write_ics(cal, tmp_path / "sub" / "f.ics")
    assert path.read_bytes() == to_bytes(cal)
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(ExportError, match="Cannot write"):
        write_ics(cal, blocker / "f.ics")
