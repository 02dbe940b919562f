"""Steps 1, 4, 5 and 6 without a browser: what the browser sends with a click (ui/form_button.py)
is what gets saved, even when the boxes' own updates have not arrived; every box a button's
handler reads travels with that button."""

from __future__ import annotations

from datetime import date

import icalendar

from infoview_lib.classroom.report import write_sample_folder
from infoview_lib.meetings.schedule import meeting_for, save_meeting
from infoview_lib.outreach.tracker import outreach_for
from infoview_lib.questions import chosen
from infoview_lib.ui import meeting as meeting_ui
from infoview_lib.ui.followthrough import FollowThroughPanel
from infoview_lib.ui.form_button import FormButton
from infoview_lib.ui.meeting import MeetingPanel
from infoview_lib.ui.outreach import OutreachPanel
from infoview_lib.ui.questions import QuestionsPanel
from infoview_lib.ui.who_you_know import WhoYouKnowPanel
from infoview_lib.workbook.model import Contact, Meeting
from infoview_lib.workbook.paths import output_dir
from infoview_lib.workbook.profile import update_profile


def sent(*pairs) -> dict:
    """The values a click sends: {model_id: {"value" or "index": ...}}."""
    return {box.model_id: {key: value} for box, key, value in pairs}


def day(d: date) -> dict:
    """A date as the browser's date picker sends it (month counted from 0)."""
    return {"year": d.year, "month": d.month - 1, "date": d.day}


def test_paste_preview_and_add_use_the_text_and_tick_sent_with_the_click(wb):
    wb.add(Contact(first_name="Ada", last_name="Example"))
    panel = WhoYouKnowPanel(wb)
    panel.bulk_text.value = "Bo Che"  # the kernel had all but the last keystrokes
    panel.preview_button.receive(sent(
        (panel.bulk_text, "value", "Bo Chen, Northwind Solar\nAda Example")))
    assert "Bo Chen" in panel.bulk_preview.value and not panel.confirm_button.disabled
    panel.confirm_button.receive(sent((panel.include_duplicates, "value", True)))
    names = sorted(c.name for c in wb.contacts())
    assert names == ["Ada Example", "Ada Example", "Bo Chen"]  # the duplicate too: ticked
    assert panel.bulk_text.value == "" and panel.confirm_button.disabled


def test_bulk_change_applies_to_the_people_the_search_sent_lists(wb):
    for first, last in (("Ann", "Lee"), ("Anna", "Park"), ("Bo", "Chen")):
        wb.add(Contact(first_name=first, last_name=last))
    panel = WhoYouKnowPanel(wb)
    bulk = panel.bulk
    cats = [v for _, v in bulk.category.options]
    assert panel.search.value == ""  # no keystroke arrived yet: the kernel lists everyone
    bulk.apply_button.receive(sent((panel.search, "value", "ann"),
                                   (bulk.category, "index", cats.index("co-worker"))))
    changed = sorted(c.name for c in wb.contacts() if c.categories == ["co-worker"])
    assert changed == ["Ann Lee", "Anna Park"]  # not Bo Chen, listed before the search arrived
    assert "Changed 2 people" in bulk.status.text


def test_delete_asks_about_the_person_picked_in_the_browser(wb):
    ada = wb.add(Contact(first_name="Ada", last_name="Example"))
    bo = wb.add(Contact(first_name="Bo", last_name="Chen"))
    panel = WhoYouKnowPanel(wb)
    panel.person.value = ada.id  # the kernel's copy; the browser had just picked Bo
    panel.delete_button.receive(sent((panel.person, "index", index_of(panel.person, bo.id))))
    assert panel.confirm_text.value == "<b>Delete Bo Chen?</b>"
    panel.yes_button.click()
    assert [c.name for c in wb.contacts()] == ["Ada Example"]
    assert panel.delete_button.fields == [panel.person]


def test_own_question_keeps_every_letter_phase_and_minutes(wb):
    panel = QuestionsPanel(wb)
    panel.own_text.value = "What would you read fir"
    phases = list(panel.own_phase.options)  # opening, core, closing
    panel.add_button.receive(sent(
        (panel.own_text, "value", "What would you read first?"),
        (panel.own_phase, "index", phases.index("closing")), (panel.own_minutes, "value", 3.5)))
    own = [q for q in chosen(wb, None) if q.text == "What would you read first?"]
    assert len(own) == 1 and (own[0].phase, own[0].minutes) == ("closing", 3.5)
    assert panel.own_text.value == ""


def test_save_meeting_saves_the_boxes_sent_once(wb, monkeypatch):
    ada = wb.add(Contact(first_name="Ada", last_name="Lovelace"))
    panel = MeetingPanel(wb)
    saves = []
    real = meeting_ui.save_meeting
    monkeypatch.setattr(meeting_ui, "save_meeting",
                        lambda *a, **k: saves.append(a) or real(*a, **k))
    panel.place.value = "Engines Lt"  # the kernel's copy; the browser had more
    panel.save_button.receive(sent(
        (panel.date, "value", day(date(2026, 12, 9))), (panel.time, "value", "15:30"),
        (panel.tz, "value", "Europe/London"), (panel.place, "value", "Engines Ltd, 2nd floor"),
        (panel.video, "value", "https://meet.example.org/ada")))
    m = meeting_for(wb, ada.id)
    assert (m.starts_at, m.timezone, m.place, m.video_link) == (
        "2026-12-09T15:30", "Europe/London", "Engines Ltd, 2nd floor",
        "https://meet.example.org/ada")
    assert len(saves) == 1  # one save for the click, none half-filled box by box
    assert "Saved:" in panel.status.text


def test_invite_button_saves_what_was_typed_first(wb):
    ada = wb.add(Contact(first_name="Ada", last_name="Lovelace"))
    panel = MeetingPanel(wb)
    panel.date.value, panel.tz.value, panel.time.value = date(2026, 12, 9), "UTC", "09:00"
    panel.place.value = "Old place"
    panel.ics_button.receive(sent((panel.place, "value", "Engines Ltd, room 4"),
                                  (panel.time, "value", "10:15")))
    assert meeting_for(wb, ada.id).place == "Engines Ltd, room 4"
    event = icalendar.Calendar.from_ical(panel.last_ics_path.read_bytes()).walk("VEVENT")[0]
    assert str(event["LOCATION"]) == "Engines Ltd, room 4"
    assert event["DTSTART"].dt.strftime("%H:%M") == "10:15"
    assert "Invite ready" in panel.status.text


def test_invite_is_not_made_from_older_details_when_the_new_ones_cannot_be_saved(wb):
    wb.add(Contact(first_name="Ada"))
    panel = MeetingPanel(wb)
    panel.date.value, panel.tz.value, panel.time.value = date(2026, 12, 9), "UTC", "09:00"
    panel.ics_button.receive(sent((panel.tz, "value", "Nowhere/Land")))
    assert "not a time zone" in panel.status.text
    assert not hasattr(panel, "last_ics_path") and panel.ics_link.value == ""


def test_sent_is_logged_for_the_person_and_day_the_browser_showed(maya):
    hana, other = maya.find_contact("Hana Sato"), maya.find_contact("Arjun Mehta")
    panel = OutreachPanel(maya, today=date(2025, 3, 12))
    panel.contact.value = other.id  # the kernel's copy; the browser had Hana picked
    panel.status_buttons["sent"].receive(sent(
        (panel.contact, "index", index_of(panel.contact, hana.id)),
        (panel.when, "value", day(date(2025, 3, 7)))))
    record = outreach_for(maya, hana.id)
    assert (record.status, record.sent_on) == ("sent", "2025-03-07")
    assert outreach_for(maya, other.id).status != "sent"
    assert "Hana Sato" in panel.status.text and "2025-03-07" in panel.status.text
    panel.follow_up_button.receive(sent((panel.when, "value", day(date(2025, 3, 11)))))
    assert "Logged the follow-up to Hana Sato on 2025-03-11" in panel.status.text


def test_class_report_builds_from_the_folder_due_date_and_roster_typed(tmp_path):
    from infoview_lib.ui.classreport import ClassReportPanel  # builds a sample report at once

    folder = tmp_path / "handed-in"
    write_sample_folder(folder, 3)
    panel = ClassReportPanel(out=tmp_path / "out")
    panel.folder.value = str(folder)[:-3]  # the kernel had all but the last letters
    panel.build_button.receive(sent(
        (panel.folder, "value", str(folder)), (panel.due, "value", "2026-03-01"),
        (panel.roster, "value", "5")))
    assert "Report for 3 students" in panel.status.text  # the folder typed, not "handed"
    assert "missing: 2" in panel.students.value  # the roster typed: 5 expected
    assert panel.result.summary["hand_ins"]["late"] == 2  # the due date typed counts
    assert panel.build_button.fields == [panel.folder, panel.out, panel.due, panel.roster]


def test_persona_loads_as_picked_and_ticked_in_the_browser(wb):
    from infoview_lib.ui.start import StartPanel  # its environment check is not run here

    wb.add(Contact(first_name="Ada"))  # something to replace: the box must be ticked
    panel = StartPanel(wb, check_environment=False)
    ids = [v for _, v in panel.persona.options]
    other = next(i for i in ids if i != panel.persona.value)
    panel.load_button.receive(sent((panel.persona, "index", ids.index(other)),
                                   (panel.replace, "value", True)))
    assert wb.setting("persona") == other and "Ada" not in {c.name for c in wb.contacts()}
    assert f"Loaded {other}" in panel.status.text and panel.replace.value is False
    panel.blank_button.receive(sent((panel.replace, "value", True)))
    assert wb.contacts() == [] and "empty and ready" in panel.status.text
    assert panel.load_button.fields == [panel.persona, panel.replace, panel.practice]
    assert panel.blank_button.fields == [panel.replace]


def test_saved_map_is_anonymised_when_the_box_was_ticked_just_before(maya):
    from infoview_lib.ui.network_map import MapPanel  # draws the map: matplotlib

    panel = MapPanel(maya)
    assert panel.anonymize.value is False  # the tick had not arrived
    panel.save_button.receive(sent((panel.anonymize, "value", True)))
    svg = (output_dir(maya.path) / "map" / "map.svg").read_text(encoding="utf-8")
    assert "Priya Raman" not in svg and "Person " in svg
    assert panel.save_button.fields == [panel.anonymize]


def test_export_and_delete_use_the_boxes_ticked_and_typed_in_the_browser(maya, tmp_path):
    from infoview_lib.ui.export import ExportPanel  # the exporters load the map's libraries

    panel = ExportPanel(maya, exports_dir=tmp_path / "exports", notebook_dir=tmp_path)
    ticks = [(box, "value", f == "csv") for f, box in panel.formats.items()]
    panel.export_button.receive(sent(*ticks, (panel.anonymize, "value", True),
                                     (panel.folder, "value", str(tmp_path / "for-class"))))
    written = {p.suffix for p in (tmp_path / "for-class").rglob("*") if p.is_file()}
    assert ".csv" in written and not written & {".md", ".html", ".pdf", ".png", ".ics"}
    assert (tmp_path / "for-class" / "progress.json").is_file()  # anonymised: for a class
    assert "anonymised" in panel.status.text
    assert "Priya Raman" not in "".join(
        p.read_text(encoding="utf-8") for p in (tmp_path / "for-class").rglob("*.csv"))
    backup = tmp_path / "kept.json"
    panel.delete_button.receive(sent((panel.backup_path, "value", str(backup)),
                                     (panel.confirm, "value", True)))
    assert backup.is_file() and not maya.path.exists()  # the backup typed was made first
    assert panel.export_button.fields == [*panel.formats.values(), panel.anonymize,
                                          panel.folder, panel.force]
    assert panel.delete_button.fields == [panel.backup_path, panel.confirm]


def two_held_meetings(wb) -> tuple[Meeting, Meeting]:
    """Meetings with Ada and Bo, both over (step 6 acts only on meetings that happened)."""
    update_profile(wb, name="Sam Lee", introduction="a final-year history student")
    ada = wb.add(Contact(first_name="Ada", last_name="Lovelace"))
    bo = wb.add(Contact(first_name="Bo", last_name="Chen"))
    return (save_meeting(wb, ada.id, "2025-07-14", "15:00", "UTC"),
            save_meeting(wb, bo.id, "2025-07-15", "10:00", "UTC"))


def index_of(picker, value) -> int:
    return [v for _, v in picker.options].index(value)


def test_referral_keeps_every_letter_and_goes_to_the_meeting_shown(wb):
    ada_meeting, bo_meeting = two_held_meetings(wb)
    panel = FollowThroughPanel(wb)
    panel.meeting.value = ada_meeting.id  # the kernel's copy; the browser shows Bo's meeting
    panel.ref_name.value = "Noor Hadda"
    panel.ref_button.receive(sent(
        (panel.meeting, "index", index_of(panel.meeting, bo_meeting.id)),
        (panel.ref_name, "value", "Noor Haddad"), (panel.ref_org, "value", "Open Access Lab"),
        (panel.ref_email, "value", "noor@example.org")))
    noor = wb.find_contact("Noor Haddad")
    assert (noor.organization, noor.emails) == ("Open Access Lab", ["noor@example.org"])
    assert noor.introduced_by == bo_meeting.contact_id
    assert (panel.ref_name.value, panel.ref_org.value, panel.ref_email.value) == ("", "", "")
    assert "Noor Haddad is on your list" in panel.status.text


def test_thanks_report_back_and_decision_use_what_the_browser_showed(wb):
    ada_meeting, bo_meeting = two_held_meetings(wb)
    panel = FollowThroughPanel(wb)
    panel.meeting.value = ada_meeting.id
    bo = sent((panel.meeting, "index", index_of(panel.meeting, bo_meeting.id)))
    panel.sent_button.receive(bo)
    assert wb.get(Meeting, bo_meeting.id).thank_you_sent_on
    assert not wb.get(Meeting, ada_meeting.id).thank_you_sent_on
    panel.decision.value = "I am applying to UX research intern"
    panel.decision_button.receive(sent(
        (panel.decision, "value", "I am applying to UX research internships")))
    assert wb.setting("decision")["text"] == "I am applying to UX research internships"


def test_start_again_drops_wording_the_browser_still_held(wb):
    ada_meeting, _ = two_held_meetings(wb)
    panel = FollowThroughPanel(wb)
    panel.meeting.value = ada_meeting.id
    fresh = panel.email.value
    panel.email.value = fresh + " My own closing line."  # saved as my wording
    assert panel.redraft_button.layout.display == ""  # own wording kept: start again offered
    panel.redraft_button.receive(sent((panel.email, "value", fresh + " My own closing lin")))
    assert panel.email.value == fresh  # fresh drafts: no held-back wording came back
    assert panel.redraft_button.layout.display == "none"


def test_funnel_picture_and_alt_text_go_out_in_one_message(wb, monkeypatch):
    two_held_meetings(wb)
    panel = FollowThroughPanel(wb)
    shown = []
    real = panel.funnel.show  # AltImage.show: both in one message (alt then value: two)
    monkeypatch.setattr(panel.funnel, "show", lambda png, alt: shown.append(alt) or real(png, alt))
    wb.add(Contact(first_name="Cy"))  # one more listed: the funnel is drawn again
    panel.refresh_dashboard()
    assert len(shown) == 1 and shown[0].startswith("Your progress funnel: 3 ")
    assert panel.funnel.alt == shown[0] and panel.funnel.value.startswith(b"\x89PNG")
    panel.refresh_dashboard()  # nothing changed: not sent again
    assert len(shown) == 1


def test_every_box_a_handler_reads_travels_with_its_button(wb):
    wb.add(Contact(first_name="Ada"))
    step1 = WhoYouKnowPanel(wb)
    assert step1.preview_button.fields == [step1.bulk_text]
    assert step1.confirm_button.fields == [step1.include_duplicates]
    assert step1.bulk.apply_button.fields == [step1.search, step1.bulk.organization,
                                              step1.bulk.without, step1.bulk.category,
                                              step1.bulk.tie]
    step4 = QuestionsPanel(wb)
    assert step4.add_button.fields == [step4.contact, step4.own_text, step4.own_phase,
                                       step4.own_minutes]
    step5 = MeetingPanel(wb)
    boxes = [step5.contact, step5.date, step5.time, step5.tz, step5.place, step5.video,
             step5.minutes, step5.override]
    for button in (step1.preview_button, step1.confirm_button, step1.bulk.apply_button,
                   step4.add_button,
                   step5.save_button, step5.ics_button):
        assert isinstance(button, FormButton)
    assert step5.save_button.fields == boxes and step5.ics_button.fields == boxes
    step3 = OutreachPanel(wb)
    for button in (*step3.status_buttons.values(), step3.follow_up_button):
        assert isinstance(button, FormButton) and button.fields == [step3.contact, step3.when]
    two_held_meetings(wb)
    step6 = FollowThroughPanel(wb)
    assert step6.ref_button.fields == [step6.meeting, step6.ref_name, step6.ref_org,
                                       step6.ref_email]
    assert step6.redraft_button.fields == [step6.meeting, step6.email, step6.card]
    for button in (step6.sent_button, step6.reported_button):
        assert button.fields == [step6.meeting]
    assert step6.decision_button.fields == [step6.decision]
