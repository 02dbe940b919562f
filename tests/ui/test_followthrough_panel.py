"""The step 6 panel without a browser: debrief saved, drafts, referrals, dashboard."""

from __future__ import annotations

from infoview_lib.meetings.schedule import save_meeting
from infoview_lib.outreach.tracker import outreach_for
from infoview_lib.questions import load_bank, pick
from infoview_lib.ui.followthrough import FollowThroughPanel
from infoview_lib.workbook.model import Contact, Meeting, Outreach
from infoview_lib.workbook.profile import update_profile


def setup_meeting(wb):
    update_profile(wb, name="Sam Lee", introduction="a final-year history student")
    ada = wb.add(Contact(first_name="Ada", last_name="Lovelace"))
    pick(wb, next(q for q in load_bank() if q.id == "bg-path"))
    m = save_meeting(wb, ada.id, "2025-07-14", "15:00", "America/New_York")
    return ada, m


def test_debrief_fields_save_at_once_and_drafts_follow(wb):
    ada, m = setup_meeting(wb)
    panel = FollowThroughPanel(wb)
    assert panel.meeting.value == m.id and panel.form.layout.display == ""
    notes = {css: b for row in panel.answers_box.children for b in row.children[1:]
             for css in b._dom_classes if css.startswith("iv-debrief-")}
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
    assert panel.learned.disabled and panel.email.disabled and panel.ref_name.disabled
    assert "step 5" in panel.about.value and "05_be_a_professional" in panel.about.value
    assert panel.form.layout.display == "none" and panel.meeting.label.startswith("(no meet")
    assert "step 1" in panel.next.value
    panel.save(learned="x")
    assert "step 5" in panel.status.text
    for handler in (panel.thank_you_sent, panel.add_referral, panel.reported_back):
        panel.status.clear()
        handler()  # buttons come back enabled after any handler: each one checks again
        assert "step 5" in panel.status.text


def test_edited_drafts_are_kept_until_the_user_starts_again(wb):
    ada, m = setup_meeting(wb)
    panel = FollowThroughPanel(wb)
    assert panel.redraft_button.layout.display == "none"
    mine = panel.email.value.replace("Thank you for taking the time",
                                     "Many thanks for the time")
    panel.email.value = mine
    panel.specific.value = "that bug reports are a portfolio"  # would redraw the drafts
    assert panel.email.value == mine and "bug reports" in panel.card.value
    assert "you edited the drafts" in panel.drafts_note.value.lower()
    assert "[one specific thing they said]" in panel.drafts_note.value
    again = FollowThroughPanel(wb)
    assert again.email.value == mine and again.redraft_button.layout.display == ""
    again.redraft_button.click()
    assert "bug reports are a portfolio." in again.email.value
    assert "Many thanks" not in again.email.value and again.drafts_note.value == ""
    assert "drafts" not in wb.get(Meeting, m.id).debrief or \
        not wb.get(Meeting, m.id).debrief["drafts"]


def test_second_sent_click_keeps_the_first_date(wb):
    ada, m = setup_meeting(wb)
    panel = FollowThroughPanel(wb)
    panel.sent_button.click()
    first = wb.get(Meeting, m.id).thank_you_sent_on
    assert panel.sent_button.description == "Thank-you sent"
    assert panel.due.value.startswith("Sent ")  # in the meeting's zone, no raw ISO stamp
    assert "(America/New_York), after the 24-hour mark" in panel.due.value
    panel.sent_button.click()
    assert "Already recorded" in panel.status.text
    assert wb.get(Meeting, m.id).thank_you_sent_on == first


def test_opens_on_the_meeting_just_held_not_the_one_coming(wb):
    from datetime import date, timedelta

    ada, held = setup_meeting(wb)
    ben = wb.add(Contact(first_name="Ben"))
    soon = save_meeting(wb, ben.id, date.today() + timedelta(days=3), "10:00", "UTC")
    cleo = wb.add(Contact(first_name="Cleo"))
    last_week = save_meeting(wb, cleo.id, date.today() - timedelta(days=7), "10:00", "UTC")
    panel = FollowThroughPanel(wb)
    assert panel.meeting.value == last_week.id and panel.about.value == ""
    assert [label.split(" (")[0] for label, _ in panel.meeting.options] == [
        "Ada Lovelace", "Cleo", "Ben"]
    panel.meeting.value = soon.id
    assert "has not happened yet: it is on" in panel.about.value
    assert held.id in [v for _, v in panel.meeting.options]


def test_a_meeting_still_to_come_takes_no_thanks_debrief_or_referral(wb):
    from datetime import date, timedelta

    update_profile(wb, name="Sam Lee", introduction="a final-year history student")
    ben = wb.add(Contact(first_name="Ben", last_name="Okoro"))
    day = date.today() + timedelta(days=7)
    soon = save_meeting(wb, ben.id, day, "10:00", "UTC")
    panel = FollowThroughPanel(wb)
    assert panel.meeting.value == soon.id
    assert f"{day:%a %d %b %Y}, 10:00" in panel.about.value and "step 4" in panel.about.value
    assert panel.sent_button.disabled and panel.ref_button.disabled and panel.learned.disabled
    panel.thank_you_sent()          # even if the click got through, nothing is logged
    assert "has not happened yet" in panel.status.text and "step 5" in panel.status.text
    panel.ref_name.value = "Cy Young"
    panel.add_referral()
    assert "has not happened yet" in panel.status.text
    m = wb.get(Meeting, soon.id)
    assert m.thank_you_sent_on == "" and m.debrief == {}
    assert [c.name for c in wb.contacts()] == ["Ben Okoro"]
    assert panel.counts["met"] == 0 and panel.counts["thanked"] == 0


def test_no_name_in_the_profile_says_where_to_add_it(wb):
    ada = wb.add(Contact(first_name="Ada"))
    m = save_meeting(wb, ada.id, "2025-07-14", "15:00", "Europe/London")
    panel = FollowThroughPanel(wb)
    assert panel.meeting.value == m.id
    assert "00_start_here" in panel.due.value and "your name" in panel.due.value
    assert panel.email.value == "" and "[your name]" not in panel.card.value
    update_profile(wb, name="Sam Lee", introduction="a history student")
    panel.refresh()
    assert panel.email.value.rstrip().endswith("Sam Lee")


def test_notes_typed_while_another_notebook_writes_are_kept(wb):
    """Another notebook adds someone while the user types a debrief: the note is still saved
    to the same person's meeting (by id); after a persona replaced everything, the panel
    catches up and the text stays on screen instead of landing on someone else."""
    from infoview_lib.workbook.personas import load_persona
    from infoview_lib.workbook.reset import clear_workbook
    from infoview_lib.workbook.store import open_workbook

    ada, m = setup_meeting(wb)
    panel = FollowThroughPanel(wb)
    with open_workbook(wb.path) as other:
        other.add(Contact(first_name="Cy"))
    panel.learned.value = "Support is a real way in"
    assert wb.get(Meeting, m.id).debrief["learned"] == "Support is a real way in"
    with open_workbook(wb.path) as other:
        clear_workbook(other)
        load_persona(other, "maya")
        other.add(Meeting(contact_id=other.contacts()[0].id, starts_at="2025-07-01T10:00",
                          timezone="UTC", duration_minutes=20))
    panel.specific.value = "bug reports are a portfolio"
    assert "changed in another notebook" in panel.status.text
    assert all(not x.debrief.get("specific") for x in wb.list(Meeting))
    assert panel.specific.value == "bug reports are a portfolio"
