"""What step 3 does for one contact (outreach/actions.py), without widgets."""

from __future__ import annotations

from datetime import date

import icalendar
import pytest

from infoview_lib.outreach import default_ask, parts_for, save_parts
from infoview_lib.outreach.actions import (
    CALENDAR_NAME,
    change_length,
    coming_up,
    compose,
    follow_up_sent,
    mark_status,
    tracker_line,
    write_due_calendar,
)
from infoview_lib.outreach.tracker import FOLLOW_UP_EVENT, due_now, outreach_for, schedule
from infoview_lib.workbook.errors import ValidationError
from infoview_lib.workbook.model import Contact
from infoview_lib.workbook.paths import output_dir
from infoview_lib.workbook.profile import update_profile

SENT = date(2025, 7, 1)   # a Tuesday


@pytest.fixture
def ada(wb):
    return wb.add(Contact(first_name="Ada", last_name="Byron", organization="Acme"))


def test_no_draft_until_the_profile_has_your_name(wb, ada):
    shown = compose(wb, ada)
    assert shown.draft is None and shown.results == []
    assert "Tell the workbook who you are first" in shown.missing
    update_profile(wb, name="Sam Lee", introduction="a final-year history student")
    shown = compose(wb, ada, "email", strict=True)
    assert shown.missing == "" and shown.draft.channel == "email"
    assert "Sam Lee" in shown.draft.body
    assert {r.rule for r in shown.results} >= {"sender"}
    assert shown.parts.recipient_name == "Ada Byron"


def test_a_new_length_rewrites_the_default_ask_but_keeps_your_own(wb, ada):
    ask = parts_for(wb, ada).ask
    minutes = parts_for(wb, ada).minutes
    longer = minutes + 10
    assert change_length(wb, ada, ask, minutes, longer) == default_ask(longer)
    assert parts_for(wb, ada).minutes == longer
    save_parts(wb, ada, {"ask": "Could we talk over coffee?"})
    assert change_length(wb, ada, "Could we talk over coffee?", longer, minutes) == \
        "Could we talk over coffee?"
    assert parts_for(wb, ada).minutes == minutes


def test_tracker_line_after_a_status(wb, ada):
    assert tracker_line(wb, ada.id) is None
    mark_status(wb, ada, "sent", SENT)
    line = tracker_line(wb, ada.id, date(2025, 7, 2))
    assert line.status == "sent"
    assert ("sent", "2025-07-01") in line.steps
    assert line.reply == "" and line.target == ""


def test_marking_a_status_links_the_best_target(maya):
    hana = maya.find_contact("Hana Sato")
    record = mark_status(maya, hana, "sent", SENT)
    assert record.sent_on == "2025-07-01"
    if parts_for(maya, hana).topic:   # a contact with a matching target gets it linked
        assert outreach_for(maya, hana.id).target_id is not None


def test_follow_up_only_after_sent(wb, ada):
    with pytest.raises(ValidationError, match="only makes sense after 'sent'"):
        follow_up_sent(wb, ada, SENT)
    mark_status(wb, ada, "sent", SENT)
    record = follow_up_sent(wb, ada, date(2025, 7, 10))
    assert record.history[-1] == [FOLLOW_UP_EVENT, "2025-07-10"]


def test_coming_up_is_the_schedule_after_today(wb, ada):
    mark_status(wb, ada, "sent", SENT)
    today = date(2025, 7, 2)
    later = coming_up(wb, today)
    assert later and all(i.due_on > today for i in later)
    assert len(later) + len(due_now(wb, today)) == len(schedule(wb, today))


def test_calendar_file_only_when_something_is_scheduled(wb, ada):
    assert write_due_calendar(wb, SENT) == (None, 0)
    assert not (output_dir(wb.path) / CALENDAR_NAME).exists()
    mark_status(wb, ada, "sent", SENT)
    path, count = write_due_calendar(wb, SENT)
    assert path == output_dir(wb.path) / CALENDAR_NAME
    assert count == len(schedule(wb, SENT)) >= 1
    cal = icalendar.Calendar.from_ical(path.read_bytes())
    assert len([c for c in cal.walk() if c.name in ("VEVENT", "VTODO")]) == count
