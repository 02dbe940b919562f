"""The tracker and 3B7 in business days: weekends, holidays, replies, labels, due list, .ics."""

from __future__ import annotations

from datetime import date, datetime, timezone

import icalendar
import pytest
import vobject

from infoview_lib.ics import to_bytes
from infoview_lib.outreach.tracker import (
    BusinessCalendar,
    calendar_for,
    due_calendar,
    due_now,
    holiday_country,
    log_follow_up,
    outreach_for,
    reply_label,
    schedule,
    set_status,
    status_dates,
)
from infoview_lib.workbook.errors import ValidationError
from infoview_lib.workbook.model import Contact, Target

US = BusinessCalendar("US")
GB = BusinessCalendar("GB")


# -- business days ------------------------------------------------------------------
def test_friday_send_counts_from_friday():
    fri = date(2025, 3, 7)
    assert US.day_zero(fri) == fri
    assert US.add(fri, 3) == date(2025, 3, 12)   # Mon, Tue, Wed
    assert US.add(fri, 7) == date(2025, 3, 18)   # the weekend is skipped


@pytest.mark.parametrize("sent", [date(2025, 3, 8), date(2025, 3, 9)], ids=["saturday", "sunday"])
def test_weekend_send_counts_from_monday(sent):
    day0 = US.day_zero(sent)
    assert day0 == date(2025, 3, 10)
    assert US.add(day0, 3) == date(2025, 3, 13)
    assert US.add(day0, 7) == date(2025, 3, 19)


def test_holiday_week_us_thanksgiving():
    monday = date(2025, 11, 24)
    assert US.add(monday, 3) == date(2025, 11, 28)   # Thursday 27th is skipped
    assert US.day_zero(date(2025, 11, 27)) == date(2025, 11, 28)
    assert US.between(monday, date(2025, 11, 28)) == 3


def test_holiday_week_gb_christmas_and_july_fourth():
    assert GB.add(date(2025, 12, 24), 3) == date(2025, 12, 31)   # 25th, 26th, weekend
    assert GB.day_zero(date(2025, 12, 25)) == date(2025, 12, 29)
    assert US.add(date(2025, 7, 3), 1) == date(2025, 7, 7)        # Friday 4 July
    assert GB.add(date(2025, 7, 3), 1) == date(2025, 7, 4)        # a working day in GB


def test_unknown_country_is_explained():
    with pytest.raises(ValidationError, match="two-letter code"):
        BusinessCalendar("XX")


def test_country_setting_then_ego_then_us(wb):
    assert holiday_country(wb) == "US"
    wb.set_setting("ego", {"name": "Ana", "country": "de"})
    assert holiday_country(wb) == "DE"
    wb.set_setting("holiday_country", "GB")
    assert calendar_for(wb).country == "GB"


# -- tracker ------------------------------------------------------------------------
@pytest.fixture
def people(wb):
    wb.set_setting("holiday_country", "US")
    target = wb.add(Target(name="Northwind", kind="company", organization="Northwind"))
    a, b, c = wb.add_many([
        Contact(first_name="Ada", organization="Northwind"),
        Contact(first_name="Ben", organization="Northwind"),
        Contact(first_name="Cy", organization="Elsewhere"),
    ])
    return wb, target, a, b, c


def test_status_history_keeps_dates(people):
    wb, _, a, _, _ = people
    record = outreach_for(wb, a.id)
    assert record.status == "to_contact"
    set_status(wb, record.id, "sent", "2025-03-07")
    record = set_status(wb, record.id, "replied", date(2025, 3, 10))
    assert record.sent_on == "2025-03-07" and record.replied_on == "2025-03-10"
    assert status_dates(record)[-2:] == [("sent", "2025-03-07"), ("replied", "2025-03-10")]
    assert outreach_for(wb, a.id).id == record.id  # one record per contact


def test_bad_status_and_date(people):
    wb, _, a, _, _ = people
    record = outreach_for(wb, a.id)
    with pytest.raises(ValidationError, match="Unknown status"):
        set_status(wb, record.id, "ghosted")
    with pytest.raises(ValidationError, match="YYYY-MM-DD"):
        set_status(wb, record.id, "sent", "7 March")
    assert wb.get(type(record), record.id).history == record.history


def test_reply_dated_before_the_send_is_refused_and_double_clicks_add_nothing(people):
    wb, _, a, _, _ = people
    record = outreach_for(wb, a.id)
    sent = set_status(wb, record.id, "sent", "2025-03-07")
    assert set_status(wb, record.id, "sent", "2025-03-07").history == sent.history
    with pytest.raises(ValidationError, match="before the day you sent"):
        set_status(wb, record.id, "replied", "2025-03-06")
    stored = wb.get(type(record), record.id)
    assert stored.history == sent.history and stored.replied_on == ""
    assert set_status(wb, record.id, "replied", "2025-03-07").replied_on == "2025-03-07"


def test_due_list_second_contact_then_follow_up(people):
    wb, _, a, _, c = people
    set_status(wb, outreach_for(wb, a.id).id, "sent", "2025-03-07")   # Friday
    assert due_now(wb, date(2025, 3, 11)) == []
    due = due_now(wb, date(2025, 3, 12))
    assert [(i.kind, i.contact_name, i.due_on) for i in due] == [
        ("second_contact", "Ada", date(2025, 3, 12))]
    assert "second person at Northwind" in due[0].text
    kinds = [(i.kind, i.due_on) for i in due_now(wb, date(2025, 3, 18))]
    assert kinds == [("second_contact", date(2025, 3, 12)), ("follow_up", date(2025, 3, 18))]
    # Cy's organization stands in for a target; Dee has neither, so only a follow-up
    dee = wb.add(Contact(first_name="Dee"))
    set_status(wb, outreach_for(wb, c.id).id, "sent", "2025-03-07")
    set_status(wb, outreach_for(wb, dee.id).id, "sent", "2025-03-07")
    assert [i.kind for i in schedule(wb) if i.contact_name == "Cy"] == ["second_contact",
                                                                        "follow_up"]
    assert [i.kind for i in schedule(wb) if i.contact_name == "Dee"] == ["follow_up"]


def test_second_contact_done_when_a_colleague_is_contacted(people):
    wb, _, a, b, _ = people
    set_status(wb, outreach_for(wb, a.id).id, "sent", "2025-03-07")
    set_status(wb, outreach_for(wb, b.id).id, "sent", "2025-03-12")
    items = [(i.kind, i.contact_name) for i in due_now(wb, date(2025, 3, 18))]
    assert ("second_contact", "Ada") not in items
    assert ("follow_up", "Ada") in items


def test_reply_resets_the_schedule(people):
    wb, _, a, _, _ = people
    record = outreach_for(wb, a.id)
    set_status(wb, record.id, "sent", "2025-03-07")
    assert due_now(wb, date(2025, 3, 20))
    set_status(wb, record.id, "replied", "2025-03-19")
    assert schedule(wb) == []
    set_status(wb, record.id, "sent", "2025-04-01")   # a new message starts a new clock
    assert {i.sent_on for i in schedule(wb)} == {date(2025, 4, 1)}


def test_follow_up_logged_leaves_the_list(people):
    wb, _, a, _, _ = people
    record = outreach_for(wb, a.id)
    set_status(wb, record.id, "sent", "2025-03-07")
    log_follow_up(wb, record.id, "2025-03-18")
    assert [i.kind for i in due_now(wb, date(2025, 3, 25))] == ["second_contact"]


def test_booster_obligate_curmudgeon(people):
    wb, _, a, _, _ = people
    cal = calendar_for(wb)
    record = set_status(wb, outreach_for(wb, a.id).id, "sent", "2025-03-08")   # Saturday
    assert reply_label(record, cal, date(2025, 3, 12)) == ""
    assert reply_label(record, cal, date(2025, 3, 19)) == "curmudgeon"
    fast = set_status(wb, record.id, "replied", "2025-03-13")    # 3rd business day
    assert reply_label(fast, cal) == "booster"
    record = set_status(wb, record.id, "sent", "2025-03-07")
    slow = set_status(wb, record.id, "meeting_set", "2025-03-13")  # 4th business day
    assert slow.replied_on == "2025-03-13"
    assert reply_label(slow, cal) == "obligate"


def test_deleted_contacts_drop_out(people):
    wb, _, a, _, _ = people
    set_status(wb, outreach_for(wb, a.id).id, "sent", "2025-03-07")
    wb.delete_contact(a.id)
    assert schedule(wb) == []


def test_due_calendar_is_valid_and_stable(people):
    wb, _, a, _, _ = people
    set_status(wb, outreach_for(wb, a.id).id, "sent", "2025-03-07")
    stamp = datetime(2025, 3, 1, tzinfo=timezone.utc)
    cal, items = due_calendar(wb, date(2025, 3, 12), stamp=stamp)
    assert len(items) == 2
    data = to_bytes(cal)
    again = to_bytes(due_calendar(wb, date(2025, 3, 12), stamp=stamp)[0])
    assert data == again
    parsed = icalendar.Calendar.from_ical(data)
    uids = [e["UID"] for e in parsed.walk("VEVENT")]
    assert len(set(uids)) == 2
    assert all(line and len(line) <= 75 for line in data.split(b"\r\n")[:-1])
    vcal = vobject.readOne(data.decode())
    assert sorted(e.dtstart.value for e in vcal.vevent_list) == [date(2025, 3, 12),
                                                                 date(2025, 3, 18)]
    only_due, due_items = due_calendar(wb, date(2025, 3, 12), include_upcoming=False)
    assert [i.kind for i in due_items] == ["second_contact"]
