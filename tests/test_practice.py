"""Practice mode: a persona with steps 3-6 under way, so step 6 can be practised in class;
what it fills in never counts as the student's progress."""

from __future__ import annotations

from datetime import date, datetime, timezone

from infoview_lib.classroom.practice import start_practice
from infoview_lib.classroom.report_render import build_report
from infoview_lib.cli import main
from infoview_lib.followthrough import mark_thank_you_sent, save_debrief
from infoview_lib.workbook.model import Meeting, Outreach
from infoview_lib.workbook.personas import load_persona
from infoview_lib.workbook.store import open_workbook


def test_a_past_meeting_can_be_debriefed_and_thanked_at_once(maya):
    names = start_practice(maya, today=date.today())
    (meeting,) = maya.list(Meeting)
    save_debrief(maya, meeting.id, learned="Portfolios matter more than grades.",
                 specific="Show process, not only results.", use="I will redo my case study.",
                 still_interested="yes")
    mark_thank_you_sent(maya, meeting.id, when=datetime.now(timezone.utc))
    referral = next(c for c in maya.contacts() if c.name == names["referred"])
    (record,) = maya.list(Outreach, contact_id=referral.id)
    assert record.status == "to_contact" and referral.introduced_by == meeting.contact_id


def test_the_command_and_the_class_report_do_not_count_practice_as_progress(tmp_path, capsys):
    workbook = tmp_path / "w.sqlite"
    assert main(["init", "--persona", "maya", "--practice", "--workbook", str(workbook)]) == 0
    out = capsys.readouterr().out
    assert "two days ago to debrief and thank" in out
    assert main(["hand-in", "--workbook", str(workbook)]) == 0
    bundle = tmp_path / "w-exports" / "for-instructor" / "infoview-anonymised.zip"
    report = build_report([bundle], tmp_path / "r")
    assert report.summary["rows"][0]["furthest_step"] == 0
    with open_workbook(workbook) as wb:  # the student practises step 6 for real
        (meeting,) = wb.list(Meeting)
        mark_thank_you_sent(wb, meeting.id, when=datetime.now(timezone.utc))
    assert main(["hand-in", "--workbook", str(workbook)]) == 0
    assert build_report([bundle], tmp_path / "r").summary["rows"][0]["furthest_step"] == 6


def test_practice_needs_a_persona(tmp_path, capsys):
    assert main(["init", "--practice", "--workbook", str(tmp_path / "w.sqlite")]) == 1
    assert "--practice needs --persona" in capsys.readouterr().err
    with open_workbook(tmp_path / "x.sqlite") as wb:
        load_persona(wb, "amara")
        assert set(start_practice(wb)) == {"met", "referred", "waiting"}


def test_the_start_panel_loads_a_persona_in_practice_mode(wb):
    from infoview_lib.ui.start import StartPanel

    panel = StartPanel(wb, check_environment=False)
    panel.persona.value = "maya"
    panel.practice.value = True
    panel.load_button.click()
    assert "Practice: debrief and thank" in panel.status.text, panel.status.text
    assert len(wb.list(Meeting)) == 1 and wb.setting("practice_prefilled") == [3, 5]
