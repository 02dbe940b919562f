"""Once a meeting has a date, the plan (step 5 and the export) shows the meeting and what to
do before it first, and no longer the outreach's "Reply on" line."""

from __future__ import annotations

from datetime import date, datetime, timezone

import pytest

from infoview_lib.export import export_workbook
from infoview_lib.export.markdown import md_escape
from infoview_lib.export.plans import plan_markdown
from infoview_lib.meetings.plan import AFTER_IT, PICK_QUESTIONS, plan_data
from infoview_lib.meetings.schedule import save_meeting, tick
from infoview_lib.outreach.tracker import outreach_for, set_status
from infoview_lib.questions import load_bank, pick
from infoview_lib.workbook.model import Contact


@pytest.fixture
def ada(wb):
    """Ada was written to on 20 Nov and answered on 24 Nov."""
    person = wb.add(Contact(first_name="Ada", last_name="Example", organization="Northwind"))
    record = outreach_for(wb, person.id)
    set_status(wb, record.id, "sent", date(2026, 11, 20))
    set_status(wb, record.id, "replied", date(2026, 11, 24))
    return person


def sections(md: str) -> list[str]:
    return [line[3:] for line in md.splitlines() if line.startswith("## ")]


def test_before_the_meeting_is_fixed_the_plan_says_they_replied(wb, ada):
    md = plan_markdown(wb, ada)
    assert "- **They replied on:** 2026-11-24" in md
    assert "Reply on" not in md
    assert "Not fixed yet" in md and "Your meeting" not in sections(md)


def test_a_fixed_meeting_comes_first_with_what_to_do_before_it(wb, ada):
    save_meeting(wb, ada.id, "2099-03-10", "15:00", "Europe/London", place="Café Nero")
    md = plan_markdown(wb, ada)
    assert "Reply on" not in md and "replied" not in md  # the outreach part is over
    assert sections(md)[:3] == ["Your meeting", "Before the meeting", "Who they are"]
    assert "- **When:** Tue 10 Mar 2099, 15:00-15:20 (Europe/London)" in md
    assert "- **Where:** Café Nero" in md and "- **Length:** 20 minutes" in md
    assert "- [ ] Confirm the day before, Mon 09 Mar (a short, friendly note)" in md
    assert f"- [ ] {PICK_QUESTIONS}" in md  # nothing picked yet
    assert "Outreach" not in sections(md) and "Logistics" not in sections(md)
    assert AFTER_IT not in md


def test_what_to_do_before_follows_the_ticks_and_the_questions(wb, ada):
    meeting = save_meeting(wb, ada.id, "2099-03-10", "15:00", "Europe/London")
    tick(wb, meeting.id, "confirm")
    pick(wb, next(q for q in load_bank() if q.phase == "core"), ada.id)
    before = plan_data(wb, ada)["meeting"]["before"]
    assert PICK_QUESTIONS not in [b["text"] for b in before]
    assert before[0] == {"text": "Confirm the day before, Mon 09 Mar (a short, friendly note)",
                         "done": True}
    assert "- [x] Confirm the day before, Mon 09 Mar" in plan_markdown(wb, ada)


def test_a_meeting_that_has_happened_points_to_step_six(wb, ada):
    save_meeting(wb, ada.id, "2026-11-30", "10:00", "UTC")
    after = datetime(2026, 11, 30, 10, 30, tzinfo=timezone.utc)
    during = datetime(2026, 11, 30, 10, 10, tzinfo=timezone.utc)
    assert plan_data(wb, ada, now=after)["meeting"]["happened"] is True
    assert plan_data(wb, ada, now=during)["meeting"]["happened"] is False
    md = plan_markdown(wb, ada)  # today is after 30 Nov 2026
    assert md_escape(AFTER_IT) in md and "step 6" in AFTER_IT


def test_the_exported_plan_shows_the_meeting_not_the_reply(wb, ada, tmp_path):
    save_meeting(wb, ada.id, "2099-03-10", "15:00", "Europe/London", place="Café Nero")
    result = export_workbook(wb, tmp_path / "out", formats="md,html", today=date(2026, 12, 1))
    names = set(result.names())
    assert "plan.md" in names
    text = (tmp_path / "out" / "plan.md").read_text(encoding="utf-8")
    part = text.split("# Ada Example", 1)[1]
    assert "Reply on" not in part
    assert part.index("Your meeting") < part.index("Before the meeting") < part.index("Who they are")
    html_text = (tmp_path / "out" / "plan.html").read_text(encoding="utf-8")
    assert "Reply on" not in html_text and "Before the meeting" in html_text


def test_a_past_meeting_names_the_real_step_six_notebook_and_drops_the_day_before_note(wb, ada):
    from pathlib import Path

    from infoview_lib.steps import STEPS
    notebook = next(s.notebook for s in STEPS if s.number == 6)
    assert f"({notebook})" in AFTER_IT
    assert (Path(__file__).resolve().parents[1] / "notebooks" / f"{notebook}.ipynb").exists()
    save_meeting(wb, ada.id, "2026-11-30", "10:00", "UTC")
    after = datetime(2026, 11, 30, 10, 30, tzinfo=timezone.utc)
    during = datetime(2026, 11, 30, 10, 10, tzinfo=timezone.utc)
    texts = [b["text"] for b in plan_data(wb, ada, now=after)["meeting"]["before"]]
    assert texts and not any("Confirm the day before" in t for t in texts)
    assert any("Confirm the day before" in b["text"]
               for b in plan_data(wb, ada, now=during)["meeting"]["before"])
    md = plan_markdown(wb, ada)  # today is after 30 Nov 2026
    assert "Confirm the day before" not in md and "Before the meeting" in sections(md)
