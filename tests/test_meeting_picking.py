"""Which meetings step 6 offers and opens on, and what step 5's form needs (no widgets)."""

from __future__ import annotations

from datetime import date, datetime, timezone

from infoview_lib.followthrough import add_referral
from infoview_lib.meetings.form import (
    NOBODY_YET,
    is_override,
    missing_details,
    not_saved_message,
    people_options,
    starting_minutes,
)
from infoview_lib.meetings.lengths import default_minutes
from infoview_lib.meetings.picking import (
    alive,
    default_meeting,
    meeting_label,
    meetings_to_follow,
    next_report_kind,
    referral_names,
)
from infoview_lib.meetings.schedule import max_minutes, save_meeting
from infoview_lib.workbook.model import Contact, Meeting

UTC = timezone.utc


def _two_meetings(wb):
    ada = wb.add(Contact(first_name="Ada", last_name="Lovelace"))
    bo = wb.add(Contact(first_name="Bo", last_name="Chen"))
    old = save_meeting(wb, ada.id, "2025-07-14", "15:00", "UTC", minutes=20)
    new = save_meeting(wb, bo.id, "2999-01-04", "10:00", "UTC", minutes=20)
    return ada, bo, old, new


def test_dated_meetings_oldest_first_without_deleted_people(wb):
    ada, bo, old, new = _two_meetings(wb)
    wb.add(Meeting(contact_id=ada.id))            # no date yet: not offered
    assert [m.id for m in meetings_to_follow(wb)] == [old.id, new.id]
    assert meeting_label(wb, old) == "Ada Lovelace (2025-07-14)"
    wb.delete_contact(ada.id)
    assert not alive(wb, ada.id) and alive(wb, bo.id)
    assert [m.id for m in meetings_to_follow(wb)] == [new.id]


def test_opens_on_the_latest_meeting_that_ended_else_the_next(wb):
    _, _, old, new = _two_meetings(wb)
    meetings = meetings_to_follow(wb)
    assert default_meeting(meetings, now=datetime(2026, 1, 1, tzinfo=UTC)) == old.id
    assert default_meeting(meetings, now=datetime(2025, 1, 1, tzinfo=UTC)) == old.id
    assert default_meeting(meetings[1:], now=datetime(2026, 1, 1, tzinfo=UTC)) == new.id
    assert default_meeting([]) is None


def test_referral_names_leave_out_deleted_people(wb):
    _, _, old, _ = _two_meetings(wb)
    kim = add_referral(wb, old.id, "Kim Park")
    lee = add_referral(wb, old.id, "Lee Ong")
    old = wb.get(Meeting, old.id)
    assert referral_names(wb, old) == ["Kim Park", "Lee Ong"]
    wb.delete_contact(kim.id)
    assert referral_names(wb, old) == [lee.name]


def test_report_back_is_an_update_first_then_the_decision():
    fresh = Meeting(contact_id=1)
    updated = Meeting(contact_id=1, debrief={"reported_back": [["update", "2025-08-01"]]})
    assert next_report_kind(fresh, decided=True) == "update"
    assert next_report_kind(updated, decided=False) == "update"
    assert next_report_kind(updated, decided=True) == "decision"


def test_form_saves_only_with_date_time_and_zone(wb):
    assert missing_details(None, "", "") == ["date", "time", "time zone"]
    assert missing_details(date(2025, 7, 14), "15:00", "UTC") == []
    assert "fill in the time zone too" in not_saved_message(["time zone"])
    assert people_options(wb) == [NOBODY_YET]
    ada = wb.add(Contact(first_name="Ada", last_name="Lovelace"))
    assert people_options(wb) == [("Ada Lovelace", ada.id)]
    assert starting_minutes(wb, None) == default_minutes()
    assert is_override(max_minutes() + 1) and not is_override(max_minutes())
