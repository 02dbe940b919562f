"""The step 3 panel without a browser: composer saves parts, the draft and checker follow the
text, the tracker logs statuses with dates, the due list and the .ics link."""

from __future__ import annotations

import base64
from datetime import date

import icalendar

from infoview_lib.outreach import parts_for
from infoview_lib.outreach.tracker import outreach_for
from infoview_lib.targets import set_contact_first
from infoview_lib.ui.outreach import OutreachPanel
from infoview_lib.workbook.model import Contact, Outreach
from infoview_lib.workbook.paths import output_dir
from infoview_lib.workbook.profile import update_profile


def test_blank_workbook(wb):
    panel = OutreachPanel(wb)
    assert panel.contact.value is None
    assert "Your list is empty" in panel.status.text
    panel.set_status("sent")
    assert "Pick a contact first" in panel.status.text
    # said next to the (empty) picker, and nothing can be typed that would be lost
    assert "step 1" in panel.empty_note.value
    assert all(box.disabled for box in panel.parts.values())
    assert panel.referrer.disabled and panel.status_buttons["sent"].disabled


def test_restarted_panel_comes_back_to_the_contact_worked_on(maya):
    panel = OutreachPanel(maya)
    chloe = maya.find_contact("Chloé Marchand")
    assert panel.contact.value != chloe.id
    panel.contact.value = chloe.id
    panel.parts["who_i_am"].value = "a design student 😀 <script>x</script>"
    again = OutreachPanel(maya)
    assert again.contact.value == chloe.id
    assert again.parts["who_i_am"].value == "a design student 😀 <script>x</script>"
    assert "<script>" not in again.draft.value


def test_an_empty_date_box_means_today_and_says_so(maya):
    panel = OutreachPanel(maya, today=date(2025, 3, 7))
    panel.when.value = None
    panel.set_status("sent")
    record = outreach_for(maya, panel.contact.value, create=False)
    assert record.sent_on == date.today().isoformat()
    assert f"sent on {date.today().isoformat()}" in panel.status.text and "None" not in \
        panel.status.text


def test_a_reply_dated_before_the_send_shows_what_to_do(maya):
    panel = OutreachPanel(maya)
    panel.when.value = date(2025, 3, 7)
    panel.set_status("sent")
    panel.when.value = date(2025, 3, 3)
    panel.set_status("replied")
    assert "before the day you sent" in panel.status.text and "iv-error" in panel.status.text
    assert outreach_for(maya, panel.contact.value).status == "sent"


def test_contact_first_pick_comes_first(maya):
    hana = maya.find_contact("Hana Sato")
    set_contact_first(maya, 1, hana.id)
    panel = OutreachPanel(maya)
    assert panel.contact.value == hana.id
    assert panel.contact.options[0][0].startswith("★ Hana Sato")
    assert panel.referrer.value == "Dolores Ibáñez"
    assert "Dolores Ibáñez suggested" in panel.draft.value


def test_checker_follows_the_text(maya):
    panel = OutreachPanel(maya)
    panel.contact.value = maya.find_contact("Hana Sato").id
    assert "All 8 checks pass." in panel.checker.value
    panel.parts["fallback"].value = ""
    assert "iv-rule-fallback iv-fail" in panel.checker.value
    assert "1 of 8 checks fail: Fallback offered." in panel.checker.value
    panel.parts["ask"].value = "Could we talk about job openings?"
    assert "iv-rule-no_job_words iv-fail" in panel.checker.value
    panel.parts["fallback"].value = "If you're too busy, who else could I ask?"
    panel.parts["ask"].value = "Would you have 20 minutes for a call?"
    assert "All 8 checks pass." in panel.checker.value
    saved = parts_for(maya, maya.find_contact("Hana Sato"))
    assert saved.ask == "Would you have 20 minutes for a call?"


def test_referrer_minutes_channel_and_strict(maya):
    panel = OutreachPanel(maya)
    hana = maya.find_contact("Hana Sato")
    panel.contact.value = hana.id
    panel.referrer.value = "(nobody)"
    assert parts_for(maya, hana).referrer == ""
    assert "Dolores" not in panel.draft.value
    panel.minutes.value = 15
    assert "15 minutes" in panel.parts["ask"].value and "15 minutes" in panel.draft.value
    panel.channel.value = "linkedin"
    assert "characters (at most 300)" in panel.checker.value
    panel.strict.value = True
    assert "in strict mode" in panel.checker.value
    panel.channel.value = "phone"
    assert "Hello Hana" in panel.draft.value


def test_tracker_and_due_list(maya, tmp_path):
    hana = maya.find_contact("Hana Sato")
    panel = OutreachPanel(maya, today=date(2025, 3, 12))
    panel.contact.value = hana.id
    panel.when.value = date(2025, 3, 7)
    panel.status_buttons["sent"].click()
    record = outreach_for(maya, hana.id)
    assert record.status == "sent" and record.sent_on == "2025-03-07"
    assert "sent: 2025-03-07" in panel.tracker.value
    assert "second person at" in panel.due.value
    panel.ics_button.click()
    assert panel.last_ics_path == output_dir(maya.path) / "follow-ups.ics"  # the one folder
    assert "2 follow-up dates" in panel.ics_link.value and "underline" in panel.ics_link.value
    data = panel.ics_link.value.split("base64,")[1].split("'")[0]
    cal = icalendar.Calendar.from_ical(base64.b64decode(data))
    assert len(cal.walk("VEVENT")) == 2
    panel.when.value = date(2025, 3, 11)
    panel.status_buttons["replied"].click()
    assert "booster" in panel.tracker.value
    assert "Nothing is due today." in panel.due.value
    panel.log_follow_up()
    assert "only makes sense after &#x27;sent&#x27;" in panel.status.text


def test_every_status_button_records_a_date(wb):
    ada = wb.add(Contact(first_name="Ada"))
    panel = OutreachPanel(wb)
    for status, b in panel.status_buttons.items():
        b.click()
        assert outreach_for(wb, ada.id).status == status
    # the record starts as "to contact" today, so clicking "To contact" the same day adds nothing
    assert len(wb.list(Outreach)[0].history) == len(panel.status_buttons)
    panel.status_buttons["declined"].click()      # a double click is one entry, not two
    assert len(wb.list(Outreach)[0].history) == len(panel.status_buttons)


def test_no_draft_with_blanks_until_the_user_says_who_they_are(wb):
    ada = wb.add(Contact(first_name="Ada", last_name="Example", categories=["friend"]))
    panel = OutreachPanel(wb)
    assert panel.contact.value == ada.id
    assert "Tell the workbook who you are first" in panel.draft.value
    assert "00_start_here.ipynb" in panel.draft.value and "I&#x27;m." not in panel.draft.value
    assert panel.checker.value == ""
    update_profile(wb, name="Sam Lee", introduction="a final-year history student")
    panel.channel.value = "phone"
    assert "This is Sam Lee, a final-year history student." in panel.draft.value
    assert panel.parts["who_i_am"].value == ""        # loaded before the profile existed
    panel.contact.value = ada.id
    again = OutreachPanel(wb)                          # the composer prefills from the profile
    assert again.parts["who_i_am"].value == "a final-year history student"
    again.parts["who_i_am"].value = "Ada's old classmate from Year 9"   # per-contact edit
    assert "Ada&#x27;s old classmate" in again.draft.value
