"""Steps 5 and 6 in a real browser: a meeting set in the past, its debrief, a thank-you draft
that names the specific thing, 'sent', and a referral who becomes a contact introduced by the
person met. Running the notebook again shows the same state (the workbook is the storage)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from jlab import commit, error_texts, open_notebook, run_all, wait_idle

from infoview_lib.meetings.schedule import meeting_for
from infoview_lib.outreach.tracker import outreach_for
from infoview_lib.workbook.model import Meeting
from infoview_lib.workbook.store import open_workbook

SPECIFIC = "that an accessibility audit is a good first portfolio piece"



@pytest.mark.browser
def test_meeting_in_the_past_to_thanks_and_referral(page, lab):
    lab.load_persona("maya")
    held = date.today() - timedelta(days=3)

    open_notebook(page, lab, "05_be_a_professional.ipynb")
    run_all(page)
    picker = page.locator(".iv-meeting-contact select")
    picker.wait_for(timeout=30_000)
    picker.select_option(label="Arjun Mehta")
    page.locator(".iv-meeting-date input").fill(held.isoformat())
    commit(page.locator(".iv-meeting-tz input"), "Europe/London")
    commit(page.locator(".iv-meeting-time input"), "15:00")
    page.locator(".iv-meeting-when", has_text="15:00-15:20 (Europe/London)").wait_for(
        timeout=15_000)
    with open_workbook(lab.workbook) as wb:
        arjun = wb.find_contact("Arjun Mehta")
        assert meeting_for(wb, arjun.id).starts_at == f"{held.isoformat()}T15:00"

    # Step 6 in a fresh tab and workspace, so only its notebook is on the page.
    context = page.context
    page.close()
    page = context.new_page()
    page.goto(f"{lab.url}/lab/workspaces/step6/tree/notebooks/06_always_be_courteous.ipynb")
    page.wait_for_selector(".jp-Notebook", timeout=60_000)
    wait_idle(page, 90_000)
    run_all(page)
    chooser = page.locator(".iv-ft-contact select")
    chooser.wait_for(timeout=30_000)
    shown = chooser.evaluate("s => s.options[s.selectedIndex].text").replace("\xa0", " ")
    assert shown == f"Arjun Mehta ({held.isoformat()})"
    page.locator(".iv-thanks-due", has_text="one specific thing").wait_for(timeout=15_000)
    commit(page.locator(".iv-learned textarea"), "Accessibility work needs testers too.")
    commit(page.locator(".iv-specific input"), SPECIFIC)
    email = page.locator(".iv-thanks-email textarea")
    page.wait_for_function(
        "t => document.querySelector('.iv-thanks-email textarea').value.includes(t)",
        arg=SPECIFIC, timeout=15_000)
    assert email.input_value().startswith("Subject: Thank you, Arjun")
    assert SPECIFIC in page.locator(".iv-thanks-card textarea").input_value()

    page.locator("button.iv-thanks-sent").click()
    page.locator(".iv-status", has_text="Thank-you recorded").wait_for(timeout=15_000)
    page.locator("button.iv-thanks-sent", has_text="Thank-you sent").wait_for(timeout=15_000)

    page.locator(".iv-referral-name input").fill("Noor Haddad <script>x</script>")
    page.locator(".iv-referral-org input").fill("Open Access Lab")
    page.locator("button.iv-add-referral").click()
    page.locator(".iv-referrals", has_text="Noor Haddad <script>x</script>").wait_for(
        timeout=15_000)
    page.locator(".iv-owed", has_text="Reach out to Noor Haddad").wait_for(timeout=15_000)

    with open_workbook(lab.workbook) as wb:
        noor = wb.find_contact("Noor Haddad <script>x</script>")
        assert noor.introduced_by == arjun.id and noor.organization == "Open Access Lab"
        assert outreach_for(wb, noor.id, create=False).status == "to_contact"
        meeting = wb.get(Meeting, meeting_for(wb, arjun.id).id)
        assert meeting.thank_you_sent_on and meeting.debrief["specific"] == SPECIFIC
        assert outreach_for(wb, arjun.id, create=False).status == "thanked"

    # Run everything again (a fresh panel): the same state comes back from the workbook.
    run_all(page)
    page.wait_for_function(
        "t => document.querySelector('.iv-specific input').value === t", arg=SPECIFIC,
        timeout=15_000)
    page.locator("button.iv-thanks-sent", has_text="Thank-you sent").wait_for(timeout=15_000)
    page.locator(".iv-referrals", has_text="Noor Haddad").wait_for(timeout=15_000)
    assert error_texts(page) == []
