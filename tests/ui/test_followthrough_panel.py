"""The step 6 panel without a browser: debrief saved, drafts, referrals, dashboard."""

from __future__ import annotations

from infoview_lib.followup import outreach_for
from infoview_lib.meetings import save_meeting
from infoview_lib.model import Contact, Meeting, Outreach
from infoview_lib.questions import load_bank, pick
from infoview_lib.ui.followthrough import FollowThroughPanel


def setup_meeting(wb):
    ada = wb.add(Contact(first_name="Ada", last_name="Lovelace"))
    pick(wb, next(q for q in load_bank() if q.id == "bg-path"))
    m = save_meeting(wb, ada.id, "2025-07-14", "15:00", "America/New_York")
    return ada, m


def test_debrief_fields_save_at_once_and_drafts_follow(wb):
    ada, m = setup_meeting(wb)
    panel = FollowThroughPanel(wb)
    assert panel.meeting.value == m.id
    notes = {b._dom_classes[-1]: b for row in panel.answers_box.children
             for b in row.children[1:]}
    assert set(notes) >= {"iv-debrief-bg-path"}
    assert "late" in panel.due.value and "one specific thing" in panel.due.value
    notes["iv-debrief-bg-path"].value = "Began in the help desk"
    panel.learned.value = "Support is a real way in"
    panel.interested.value = "yes"
    panel.specific.value = "that writing good bug reports is a portfolio"
    d = wb.get(Meeting, m.id).debrief
    assert d["answers"] == {"bg-path": "Began in the help desk"} and d["still_interested"] == "yes"
    assert "bug reports is a portfolio" in panel.email.value
    assert panel.email.value.startswith("Subject: Thank you, Ada")
    assert "bug reports is a portfolio" in panel.card.value
    again = FollowThroughPanel(wb)
    assert again.learned.value == "Support is a real way in" and again.interested.value == "yes"


def test_thank_you_sent_and_referral_and_dashboard(wb):
    ada, m = setup_meeting(wb)
    panel = FollowThroughPanel(wb)
    assert bytes(panel.funnel.value).startswith(b"\x89PNG")
    assert "Send Ada Lovelace a thank-you" in panel.owed.value
    panel.sent_button.click()
    assert "Thank-you recorded (late" in panel.status.text
    assert wb.get(Meeting, m.id).thank_you_sent_on
    assert outreach_for(wb, ada.id).status == "thanked"
    panel.ref_name.value = "Ben Bridge"
    panel.ref_org.value = "Bridges Inc"
    panel.ref_button.click()
    ben = wb.find_contact("Ben Bridge")
    assert ben.introduced_by == ada.id and ben.organization == "Bridges Inc"
    assert [o.status for o in wb.list(Outreach, contact_id=ben.id)] == ["to_contact"]
    assert "Ben Bridge" in panel.referrals.value and panel.ref_name.value == ""
    assert "Reach out to Ben Bridge" in panel.owed.value
    assert panel.counts["thanked"] == 1 and panel.counts["listed"] == 2
    panel.ref_button.click()
    assert "Type the name" in panel.status.text
    panel.reported_button.click()
    assert wb.get(Meeting, m.id).debrief["reported_back"][0][0] == "update"
    panel.decision.value = "Applying for QA roles"
    panel.decision_button.click()
    assert "Tell Ada Lovelace what you decided" in panel.owed.value
    panel.reported_button.click()
    assert "Tell Ada Lovelace what you decided" not in panel.owed.value


def test_empty_workbook_panel(wb):
    panel = FollowThroughPanel(wb)
    assert panel.meeting_id is None and panel.sent_button.disabled
    assert "step 1" in panel.next.value
    panel.save(learned="x")
    assert "step 5" in panel.status.text
