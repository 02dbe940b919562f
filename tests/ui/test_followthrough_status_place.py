"""Step 6 shows each message right under the part of the form that caused it: in the walk
in a real browser, "Thank-you recorded" and a new referral's line showed under *Report
back*, screens away from the buttons that were clicked."""

from __future__ import annotations

from infoview_lib.meetings.schedule import save_meeting
from infoview_lib.ui.followthrough import FollowThroughPanel
from infoview_lib.workbook.model import Contact
from infoview_lib.workbook.profile import update_profile


def holder(panel) -> str:
    """Which slot holds the status line ("home": under the whole form)."""
    places = {**panel._status_slots, "home": panel._status_home}
    found = [name for name, box in places.items() if panel.status.widget in box.children]
    assert len(found) == 1, found  # shown exactly once
    return found[0]


def test_each_message_sits_under_its_own_section(wb):
    update_profile(wb, name="Jordan Rivera", introduction="a final-year engineering student")
    bo = wb.add(Contact(first_name="Bo", last_name="Chen"))
    save_meeting(wb, bo.id, "2025-07-14", "15:00", "UTC", minutes=20)
    panel = FollowThroughPanel(wb)
    assert holder(panel) == "home"
    panel.learned.value = "Site surveys teach the whole trade."
    assert holder(panel) == "debrief" and "Saved" in panel.status.text
    panel.sent_button.click()
    assert holder(panel) == "thanks" and "Thank-you recorded" in panel.status.text
    panel.ref_name.value = "Kim Lowe"
    panel.ref_button.click()
    assert holder(panel) == "referrals" and "Kim Lowe is on your list" in panel.status.text
    panel.ref_button.click()  # an error (no name typed) shows in the same place
    assert holder(panel) == "referrals" and "Type the name" in panel.status.text
    panel.reported_button.click()
    assert holder(panel) == "report"
