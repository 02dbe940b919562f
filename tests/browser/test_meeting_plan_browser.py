"""Step 5 in a real browser: once the meeting is saved, the plan below the form shows the
meeting and what to do before it first, and the outreach's reply line is gone."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from jlab import commit, error_texts, open_notebook, run_all
from playwright.sync_api import expect

from infoview_lib.outreach.tracker import outreach_for, set_status
from infoview_lib.workbook.model import Contact
from infoview_lib.workbook.store import open_workbook


@pytest.mark.browser
def test_the_plan_turns_to_the_meeting_once_it_is_saved(page, lab):
    with open_workbook(lab.workbook) as wb:
        ada = wb.add(Contact(first_name="Ada", last_name="Example", organization="Northwind"))
        record = outreach_for(wb, ada.id)
        set_status(wb, record.id, "sent", date.today() - timedelta(days=6))
        set_status(wb, record.id, "replied", date.today() - timedelta(days=2))
    day = date.today() + timedelta(days=30)
    open_notebook(page, lab, "05_be_a_professional.ipynb")
    run_all(page)
    plan = page.locator(".iv-plan")
    expect(plan).to_contain_text("They replied on", timeout=30_000)
    expect(plan).to_contain_text("Not fixed yet")

    page.locator(".iv-meeting-date input").fill(day.isoformat())
    commit(page.locator(".iv-meeting-tz input"), "Europe/London")
    commit(page.locator(".iv-meeting-time input"), "15:00")
    page.locator(".iv-meeting-when", has_text="15:00").wait_for(timeout=30_000)

    expect(plan.locator("h2").first).to_contain_text("Your meeting", timeout=30_000)
    heads = [h.rstrip("¶ \n") for h in plan.locator("h2").all_inner_texts()]  # ¶: Lab's anchor
    assert heads[:3] == ["Your meeting", "Before the meeting", "Who they are"]
    text = plan.inner_text()
    assert f"When: {day:%a %d %b %Y}, 15:00-15:20 (Europe/London)" in text
    assert "Length: 20 minutes" in text
    assert f"Confirm the day before, {day - timedelta(days=1):%a %d %b}" in text
    assert "Reply on" not in text and "They replied on" not in text
    assert "Not fixed yet" not in text
    assert error_texts(page) == []
