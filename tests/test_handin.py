"""One hand-in place, shared by the export panel and `infoview hand-in`; re-runnable a week
later without --force; it replaces only its own file; the class report reads it."""

from __future__ import annotations

import zipfile

import pytest

from infoview_lib.classroom.handin import hand_in_path, write_hand_in
from infoview_lib.classroom.report import read_submissions
from infoview_lib.cli import main
from infoview_lib.workbook.model import Contact
from infoview_lib.workbook.personas import load_persona
from infoview_lib.workbook.store import open_workbook


@pytest.fixture
def workbook(tmp_path):
    path = tmp_path / "my-workbook" / "workbook.sqlite"
    with open_workbook(path) as wb:
        load_persona(wb, "maya")
    return path


def test_the_command_can_be_run_again_and_touches_nothing_else(workbook, capsys):
    assert main(["hand-in", "--workbook", str(workbook)]) == 0
    first = capsys.readouterr().out
    target = hand_in_path(workbook)
    assert f"Hand-in ready: {target}" in first
    assert target == workbook.parent / "exports" / "for-instructor" / "infoview-anonymised.zip"
    mine = target.parent / "my-notes.txt"
    mine.write_text("keep me", encoding="utf-8")
    with open_workbook(workbook) as wb:
        wb.add(Contact(first_name="Zed", categories=["friend"]))
    assert main(["hand-in", "--workbook", str(workbook)]) == 0  # a week later, no --force
    again = capsys.readouterr().out
    assert f"Hand-in replaced: {target}" in again
    assert mine.read_text(encoding="utf-8") == "keep me"
    assert sorted(p.name for p in target.parent.iterdir()) == ["infoview-anonymised.zip",
                                                               "my-notes.txt"]
    subs, problems = read_submissions([target])
    assert problems == [] and subs[0].data["own_people"] == 1
    student_id = again.split("class list: ")[1].split()[0]
    assert subs[0].data["submission_id"].startswith(student_id)
    with zipfile.ZipFile(target) as bundle:
        text = b"".join(bundle.read(n) for n in bundle.namelist())
    assert b"Zed" not in text and b"Maya" not in text


def test_the_export_panel_writes_the_same_file(workbook):
    pytest.importorskip("ipywidgets")
    from infoview_lib.ui.export import ExportPanel

    with open_workbook(workbook) as wb:
        panel = ExportPanel(wb, notebook_dir=workbook.parent)
        panel.hand_in_button.click()
        assert "your student id is" in panel.status.text
        assert "infoview-anonymised.zip" in panel.files.value
        made = write_hand_in(wb)
    assert made.replaced and made.path == hand_in_path(workbook)
