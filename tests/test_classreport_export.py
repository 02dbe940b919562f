"""The class report reads what students really hand in: `infoview export --anonymize`."""

from __future__ import annotations

import shutil

from infoview_lib.classroom.report import read_submissions
from infoview_lib.classroom.report_render import build_report
from infoview_lib.cli import main
from infoview_lib.workbook.personas import load_persona
from infoview_lib.workbook.store import open_workbook


def student_bundle(tmp_path, persona: str) -> tuple:
    workbook = tmp_path / persona / "workbook.sqlite"
    with open_workbook(workbook) as wb:
        load_persona(wb, persona)
        people = len(wb.contacts())
    out = tmp_path / persona / "export"
    assert main(["export", "--workbook", str(workbook), "--anonymize", "--formats", "md,zip",
                 "--out", str(out)]) == 0
    return out, people


def test_report_from_real_anonymised_bundles(tmp_path, capsys):
    handed_in = tmp_path / "handed-in"
    handed_in.mkdir()
    expected = 0
    for persona in ("maya", "daniel", "amara"):
        out, people = student_bundle(tmp_path, persona)
        expected += people
        shutil.copy(out / "infoview-anonymised.zip", handed_in / f"{persona}.zip")
    capsys.readouterr()
    result = build_report([handed_in], tmp_path / "report")
    assert result.problems == []
    assert result.summary["students"] == 3
    assert result.summary["people"]["total"] == expected
    page = result.html.read_text(encoding="utf-8")
    for name in ("Maya", "Daniel", "Amara"):
        assert name not in page


def test_whole_export_folder_counts_the_student_once(tmp_path, capsys):
    out, people = student_bundle(tmp_path, "maya")
    subs, problems = read_submissions([out])
    assert len(subs) == 1 and subs[0].data["people_total"] == people
    assert [p.source for p in problems] == ["progress.json"]
    assert "identical to infoview-anonymised.zip" in problems[0].message
