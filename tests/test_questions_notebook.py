"""Notebooks 04-06 run in a real kernel; probes click their panels headless, with a persona."""

from __future__ import annotations

from notebook_runner import NOTEBOOKS, cell_text, error_outputs, run_notebook

from infoview_lib.workbook.model import Meeting, QuestionChoice
from infoview_lib.workbook.personas import load_persona
from infoview_lib.workbook.store import open_workbook


def maya_workbook(tmp_path):
    path = tmp_path / "wb.sqlite"
    with open_workbook(path) as wb:
        load_persona(wb, "maya")
    return path


def test_04_pick_questions_until_warning(tmp_path):
    path = maya_workbook(tmp_path)
    nb = run_notebook(NOTEBOOKS / "04_be_the_host.ipynb", {"INFOVIEW_WORKBOOK": str(path)},
                      probes=[
        "panel.length.value = 15\n"
        "ids = [q.id for q in panel.bank if q.phase == 'core' and q.id in panel._checks][:7]\n"
        "for i in ids: panel._checks[i].value = True\n"
        "print('WARN' if panel.warning.value else 'FITS', len(ids))",
    ])
    assert error_outputs(nb) == []
    assert cell_text(nb.cells[-1]).split() == ["WARN", "7"]
    with open_workbook(path) as wb:
        assert len(wb.list(QuestionChoice)) == 7


def test_05_set_meeting_and_read_plan(tmp_path):
    path = maya_workbook(tmp_path)
    nb = run_notebook(NOTEBOOKS / "05_be_a_professional.ipynb", {"INFOVIEW_WORKBOOK": str(path)},
                      probes=[
        "import datetime\n"
        "panel.date.value = datetime.date(2025, 7, 14)\n"
        "panel.tz.value = 'America/New_York'\n"
        "panel.time.value = '15:00'\n"
        "panel.checks['confirm'].value = True\n"
        "panel.make_ics()\n"
        "print(panel.status.text)\n"
        "print(panel.plan_md.splitlines()[0])",
    ])
    assert error_outputs(nb) == []
    out = cell_text(nb.cells[-1])
    assert "Invite ready" in out and "# Interview plan:" in out
    with open_workbook(path) as wb:
        (m,) = wb.list(Meeting)
        assert m.starts_at == "2025-07-14T15:00" and m.checklist["confirm"]


def test_06_debrief_thank_and_referral(tmp_path):
    path = maya_workbook(tmp_path)
    from infoview_lib.meetings.schedule import save_meeting

    with open_workbook(path) as wb:
        first = wb.contacts()[0]
        save_meeting(wb, first.id, "2025-07-14", "10:00", "Europe/London")
    nb = run_notebook(NOTEBOOKS / "06_always_be_courteous.ipynb",
                      {"INFOVIEW_WORKBOOK": str(path)}, probes=[
        "panel.specific.value = 'that critique is a skill'\n"
        "panel.ref_name.value = 'Rosa Referral'\n"
        "panel.ref_button.click()\n"
        "panel.sent_button.click()\n"
        "print(panel.counts['thanked'], 'critique' in panel.email.value)",
    ])
    assert error_outputs(nb) == []
    assert cell_text(nb.cells[-1]).split() == ["1", "True"]
    with open_workbook(path) as wb:
        assert wb.find_contact("Rosa Referral").introduced_by == first.id
