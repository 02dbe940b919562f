"""Step 5: meeting details, the checklist, and the .ics invite checked by two parsers."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import icalendar
import pytest
import vobject

from infoview_lib.meetings.schedule import (
    CHECKLIST,
    asked_length,
    checklist_items,
    end_utc,
    meeting_ics,
    save_meeting,
    start_utc,
    tick,
    when_text,
    write_meeting_ics,
)
from infoview_lib.outreach.parts import save_parts
from infoview_lib.outreach.tracker import outreach_for
from infoview_lib.workbook.errors import NotFound, ValidationError
from infoview_lib.workbook.model import Contact, Meeting

STAMP = datetime(2025, 7, 1, 12, tzinfo=timezone.utc)


@pytest.fixture
def zoe(wb):
    return wb.add(Contact(first_name="Zoë", last_name="Ó Briain", organization="Blue Heron Labs"))


def test_new_york_in_july_is_utc_minus_4(wb, zoe):
    m = save_meeting(wb, zoe.id, "2025-07-14", "15:00", "America/New_York", minutes=30)
    assert start_utc(m) == datetime(2025, 7, 14, 19, 0, tzinfo=timezone.utc)
    assert end_utc(m) - start_utc(m) == timedelta(minutes=30)
    m = save_meeting(wb, zoe.id, "2025-01-14", "15:00", "America/New_York", minutes=30)
    assert start_utc(m).hour == 20  # winter: UTC-5
    assert len(wb.list(Meeting)) == 1  # updated, not duplicated


def test_meeting_length_defaults_to_what_was_asked(wb, zoe):
    assert asked_length(wb, zoe.id) == 20
    save_parts(wb, zoe, {"minutes": 15})  # what step 3 writes
    assert asked_length(wb, zoe.id) == 15
    m = save_meeting(wb, zoe.id, "2025-07-14", "09:30", "Europe/London")
    assert m.duration_minutes == 15


def test_more_than_30_minutes_needs_override(wb, zoe):
    with pytest.raises(ValidationError, match="offered longer"):
        save_meeting(wb, zoe.id, "2025-07-14", "09:30", "Europe/London", minutes=45)
    m = save_meeting(wb, zoe.id, "2025-07-14", "09:30", "Europe/London", minutes=45,
                     override=True)
    assert m.duration_minutes == 45


@pytest.mark.parametrize("day, at, tz, message", [
    ("14/07/2025", "09:30", "Europe/London", "YYYY-MM-DD"),
    ("2025-07-14", "half nine", "Europe/London", "HH:MM"),
    ("2025-07-14", "09:30", "Mars/Olympus", "time zone name"),
    ("2025-03-09", "02:30", "America/New_York", "does not exist"),
])
def test_bad_meeting_details_are_refused(wb, zoe, day, at, tz, message):
    with pytest.raises(ValidationError, match=message):
        save_meeting(wb, zoe.id, day, at, tz)
    assert wb.list(Meeting) == []


def test_video_link_must_be_a_link(wb, zoe):
    with pytest.raises(ValidationError, match="https://"):
        save_meeting(wb, zoe.id, "2025-07-14", "09:30", "UTC", video_link="meet me")


def test_unknown_contact(wb):
    with pytest.raises(NotFound):
        save_meeting(wb, 999, "2025-07-14", "09:30", "UTC")


def test_saving_moves_outreach_to_meeting_set(wb, zoe):
    save_meeting(wb, zoe.id, "2025-07-14", "09:30", "UTC")
    assert outreach_for(wb, zoe.id).status == "meeting_set"


def test_checklist_ticks_are_saved(wb, zoe):
    m = save_meeting(wb, zoe.id, "2025-07-14", "09:30", "UTC")
    assert [done for _, _, done in checklist_items(m)] == [False] * len(CHECKLIST)
    assert {"confirm", "arrive_early", "dress", "resume", "business_card", "research"} == set(
        CHECKLIST)
    tick(wb, m.id, "confirm")
    tick(wb, m.id, "resume")
    tick(wb, m.id, "resume", False)
    stored = wb.get(Meeting, m.id)
    assert stored.checklist["confirm"] is True and stored.checklist["resume"] is False
    with pytest.raises(ValidationError, match="not on the checklist"):
        tick(wb, m.id, "bring_cake")


def test_when_text_shows_viewer_time(wb, zoe):
    m = save_meeting(wb, zoe.id, "2025-07-14", "15:00", "America/New_York", minutes=20)
    text = when_text(m, "Europe/Berlin")
    assert "15:00-15:20 (America/New_York)" in text and "21:00 (Europe/Berlin)" in text


# -- the .ics invite --------------------------------------------------------------------
def _invite(wb, zoe, **kw):
    m = save_meeting(wb, zoe.id, "2025-07-14", "15:00", "America/New_York", minutes=30,
                     video_link="https://meet.example/abc", **kw)
    return m, meeting_ics(wb, m, stamp=STAMP)


def test_ics_raw_shape_crlf_and_75_octets(wb, zoe):
    _, data = _invite(wb, zoe)
    assert data.endswith(b"\r\n")
    assert b"\n" not in data.replace(b"\r\n", b"")
    lines = data.split(b"\r\n")
    assert max(len(line) for line in lines) <= 75
    data.decode("utf-8")  # valid UTF-8 (non-ASCII name folded by octets, never split)
    assert b"DTSTAMP:20250701T120000Z" in data
    assert b"DTSTART:20250714T190000Z" in data and b"DTEND:20250714T193000Z" in data
    assert b"TZID" not in data  # UTC needs no VTIMEZONE


def test_ics_parses_with_icalendar_and_time_is_right(wb, zoe):
    _, data = _invite(wb, zoe)
    cal = icalendar.Calendar.from_ical(data)
    assert cal["VERSION"] == "2.0" and cal["PRODID"]
    events = cal.walk("VEVENT")
    assert len(events) == 1
    ev = events[0]
    assert ev["UID"] and ev.decoded("DTSTAMP").tzinfo is not None
    start, end = ev.decoded("DTSTART"), ev.decoded("DTEND")
    assert start.astimezone(timezone.utc) == datetime(2025, 7, 14, 19, tzinfo=timezone.utc)
    assert end - start == timedelta(minutes=30)
    assert "Zoë Ó Briain" in str(ev["SUMMARY"])
    assert "15:00-15:30 (America/New_York)" in str(ev["DESCRIPTION"])
    alarm = ev.walk("VALARM")[0]
    assert alarm["ACTION"] == "DISPLAY" and alarm.decoded("TRIGGER") == timedelta(days=-1)


def test_ics_validates_with_vobject(wb, zoe):
    _, data = _invite(wb, zoe)
    cal = vobject.readOne(data.decode("utf-8"), validate=True)
    ev = cal.vevent
    assert ev.dtstart.value.astimezone(timezone.utc).hour == 19
    assert ev.valarm.trigger.value == timedelta(days=-1)


def test_ics_uid_is_stable_across_exports(wb, zoe):
    m, first = _invite(wb, zoe)
    again = meeting_ics(wb, wb.get(Meeting, m.id), stamp=STAMP)
    uid = [line for line in first.split(b"\r\n") if line.startswith(b"UID:")]
    assert uid and uid == [line for line in again.split(b"\r\n") if line.startswith(b"UID:")]


def test_write_ics_file_and_refuse_undated(wb, zoe, tmp_path):
    m, _ = _invite(wb, zoe)
    path = write_meeting_ics(wb, m, tmp_path / "out" / "zoe.ics")
    assert icalendar.Calendar.from_ical(path.read_bytes()).walk("VEVENT")
    blank = wb.add(Meeting(contact_id=zoe.id))
    with pytest.raises(ValidationError, match="date and time"):
        meeting_ics(wb, blank)


def test_zone_found_from_a_city_name_typed_loosely(wb, zoe):
    m = save_meeting(wb, zoe.id, "2025-07-14", "09:30", " new york ", minutes=20)
    assert m.timezone == "America/New_York"
    assert save_meeting(wb, zoe.id, "2025-07-14", "09:30", "europe/london").timezone == \
        "Europe/London"
    with pytest.raises(ValidationError, match="not a time zone"):
        save_meeting(wb, zoe.id, "2025-07-14", "09:30", "Atlantis")


def test_the_invite_names_who_arranged_it(maya):
    import icalendar

    from infoview_lib.meetings.schedule import meeting_ics

    hana = maya.find_contact("Hana Sato")
    m = save_meeting(maya, hana.id, "2030-03-04", "10:00", "UTC")
    event = icalendar.Calendar.from_ical(meeting_ics(maya, m)).walk("VEVENT")[0]
    assert ("Arranged by Maya Okafor-Lind (maya.okaforlind@example.org, +1 503 555 0142)"
            in str(event["DESCRIPTION"]))
