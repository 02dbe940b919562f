"""The step 5 panel without a browser: details saved, checklist ticks, invite, plan."""

from __future__ import annotations

import base64
from datetime import date

import icalendar

from infoview_lib.meetings.schedule import meeting_for
from infoview_lib.ui.meeting import MeetingPanel
from infoview_lib.workbook.model import Contact, Meeting
from infoview_lib.workbook.paths import output_dir


def test_details_autosave_once_complete(wb):
    ada = wb.add(Contact(first_name="Ada", last_name="Lovelace"))
    panel = MeetingPanel(wb)
    assert panel.contact.value == ada.id and panel.checks["confirm"].disabled
    panel.place.value = "Engines Ltd"
    assert "Not saved yet: fill in the date and time too" in panel.status.text
    panel.date.value = date(2025, 7, 14)
    assert wb.list(Meeting) == []  # time still missing
    assert "fill in the time too" in panel.status.text
    panel.tz.value = "America/New_York"
    panel.time.value = "15:00"
    m = meeting_for(wb, ada.id)
    assert m.starts_at == "2025-07-14T15:00" and m.timezone == "America/New_York"
    assert "15:00-15:20" in panel.when.value and not panel.checks["confirm"].disabled
    panel.place.value = "Engines Ltd, 2nd floor"
    assert meeting_for(wb, ada.id).place == "Engines Ltd, 2nd floor"
    assert "Engines Ltd, 2nd floor" in panel.plan_md


def test_bad_input_shows_error_and_keeps_data(wb):
    ada = wb.add(Contact(first_name="Ada"))
    panel = MeetingPanel(wb, contact_id=ada.id)
    panel.date.value = date(2025, 7, 14)
    panel.tz.value = "Europe/London"
    panel.time.value = "10:00"
    panel.minutes.value = 45
    assert "offered longer" in panel.status.text
    assert meeting_for(wb, ada.id).duration_minutes == 20
    panel.override.value = True  # ticking the box saves: no extra click needed
    assert meeting_for(wb, ada.id).duration_minutes == 45
    panel.tz.value = "Nowhere/Land"
    assert "not a time zone" in panel.status.text
    assert meeting_for(wb, ada.id).timezone == "Europe/London"


def test_checklist_ticks_saved_and_reloaded(wb):
    ada = wb.add(Contact(first_name="Ada"))
    panel = MeetingPanel(wb)
    panel.checks["confirm"].value = True  # no meeting yet: refused politely
    assert "Save the meeting first" in panel.status.text
    # a meeting still to come: a past one leaves the day-before note out of the plan
    panel.date.value, panel.tz.value, panel.time.value = date(2099, 7, 14), "UTC", "09:00"
    panel.checks["confirm"].value = True
    panel.checks["business_card"].value = True
    assert meeting_for(wb, ada.id).checklist["business_card"] is True
    again = MeetingPanel(wb)
    assert again.checks["confirm"].value and not again.checks["dress"].value
    assert "- [x] Confirm the day before" in again.plan_md


def test_invite_written_and_offered_for_download(wb):
    ada = wb.add(Contact(first_name="Ada", last_name="<b>Love</b>"))
    panel = MeetingPanel(wb)
    panel.make_ics()
    assert "before making the invite" in panel.status.text
    panel.date.value, panel.tz.value, panel.time.value = (date(2025, 7, 14),
                                                          "America/New_York", "15:00")
    panel.ics_button.click()
    assert panel.last_ics_path.exists()
    assert panel.last_ics_path.parent == output_dir(wb.path) / "invites"  # *delete my data* removes it
    assert "<b>" not in panel.last_ics_path.name and "/" not in panel.last_ics_path.stem
    data = panel.ics_link.value.split("base64,")[1].split("'")[0]
    ev = icalendar.Calendar.from_ical(base64.b64decode(data)).walk("VEVENT")[0]
    assert ev.decoded("DTSTART").hour == 19 and ada.name in str(ev["SUMMARY"])


def test_empty_workbook_panel_builds(wb):
    panel = MeetingPanel(wb)
    assert panel.contact_id is None and panel.contact.label.startswith("(no contacts")
    panel.save()
    assert "step 1" in panel.status.text and "01_who_you_know" in panel.status.text
    panel.make_ics()
    assert "step 1" in panel.status.text
    assert "step 1" in panel.plan_md


def test_next_meeting_starts_in_the_zone_used_last(wb):
    ada = wb.add(Contact(first_name="Ada"))
    ben = wb.add(Contact(first_name="Ben"))
    panel = MeetingPanel(wb, contact_id=ada.id)
    panel.date.value, panel.tz.value, panel.time.value = date(2025, 7, 14), "Asia/Tokyo", "09:00"
    panel.contact.value = ben.id
    assert panel.tz.value == "Asia/Tokyo" and panel.time.value == ""
    assert MeetingPanel(wb, contact_id=ben.id).tz.value == "Asia/Tokyo"


def test_a_past_meeting_plan_drops_the_day_before_note_and_names_step_six(wb):
    wb.add(Contact(first_name="Ada", organization="Acme"))
    panel = MeetingPanel(wb)
    assert panel.contact.label == "Ada (Acme)"  # name and organization, as in step 3
    panel.date.value, panel.tz.value, panel.time.value = date(2025, 7, 14), "UTC", "09:00"
    assert "Before the meeting" in panel.plan_md
    assert "Confirm the day before" not in panel.plan_md
    assert "06\\_always\\_be\\_courteous" in panel.plan_md
