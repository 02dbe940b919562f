"""Step 5's plan, once the meeting is saved in the panel: the meeting and what to do before it
first, no "Reply on" line left over from the outreach."""

from __future__ import annotations

from datetime import date

from infoview_lib.outreach.tracker import outreach_for, set_status
from infoview_lib.ui.meeting import MeetingPanel
from infoview_lib.workbook.model import Contact


def test_saving_the_meeting_turns_the_plan_towards_it(wb):
    ada = wb.add(Contact(first_name="Ada", last_name="Lovelace"))
    record = outreach_for(wb, ada.id)
    set_status(wb, record.id, "sent", date(2026, 11, 20))
    set_status(wb, record.id, "replied", date(2026, 11, 24))
    panel = MeetingPanel(wb, contact_id=ada.id)
    assert "They replied on" in panel.plan_md and "Not fixed yet" in panel.plan_md
    panel.place.value = "Engines Ltd"
    panel.date.value = date(2099, 7, 14)
    panel.tz.value = "Europe/London"
    panel.time.value = "15:00"
    md = panel.plan_md
    assert "Reply on" not in md and "They replied on" not in md and "Not fixed yet" not in md
    heads = [line for line in md.splitlines() if line.startswith("## ")]
    assert heads[:2] == ["## Your meeting", "## Before the meeting"]
    assert "- **When:** Tue 14 Jul 2099, 15:00-15:20 (Europe/London)" in md
    assert "- **Where:** Engines Ltd" in md and "- **Length:** 20 minutes" in md
    assert "Confirm the day before, Mon 13 Jul" in md
    panel.checks["confirm"].value = True
    assert "- [x] Confirm the day before, Mon 13 Jul" in panel.plan_md
