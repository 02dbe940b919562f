"""The class report shows who is stuck: one row per submission without names, a roster of
expected hand-ins, a due date with late flags; a persona's ready-made steps are not the
student's."""

from __future__ import annotations

import csv
import json

import pytest

from infoview_lib.classroom.class_rows import read_roster, student_rows
from infoview_lib.classroom.report import Submission, normalise, sample_submissions
from infoview_lib.classroom.report_render import build_report
from infoview_lib.cli import main
from infoview_lib.workbook.errors import ValidationError
from infoview_lib.workbook.personas import load_persona
from infoview_lib.workbook.store import open_workbook


def sub(data: dict, label: str = "x.json") -> Submission:
    return Submission(label, normalise(data), "")


def test_a_persona_loaded_and_nothing_else_is_not_started():
    data = sample_submissions(1)[0]
    data["steps_done"] = [1, 2]
    data["practice"] = {"persona": "maya", "own_people": 0}
    row = student_rows([sub(data)])[0]
    assert (row.furthest_step, row.data) == (0, "persona maya")
    data["steps_done"] = [1, 2, 3]
    data["practice"]["own_people"] = 4
    row = student_rows([sub(data)])[0]
    assert (row.furthest_step, row.data) == (3, "persona maya + 4 own")


def test_old_files_without_practice_count_as_own_data():
    data = sample_submissions(1)[0]
    assert student_rows([sub(data)])[0].data == "own data"


def test_a_real_persona_export_counts_no_step_for_the_student(tmp_path, capsys):
    workbook = tmp_path / "w.sqlite"
    with open_workbook(workbook) as wb:
        load_persona(wb, "maya")
    out = tmp_path / "export"
    assert main(["export", "--workbook", str(workbook), "--anonymize", "--formats", "zip",
                 "--out", str(out)]) == 0
    result = build_report([out / "infoview-anonymised.zip"], tmp_path / "report")
    (row,) = result.summary["rows"]
    assert row["furthest_step"] == 0 and row["data"] == "persona maya"
    assert result.summary["steps_done"][1] == 0 and result.summary["students_on_persona"] == 1


def test_roster_ids_due_date_and_the_files_written(tmp_path, capsys):
    subs = sample_submissions(4)
    for i, data in enumerate(subs):
        data["created_at"] = f"2026-03-0{i + 1}T09:00:00+00:00"
        (tmp_path / f"s{i}.json").write_text(json.dumps(data))
    roster = tmp_path / "roster.txt"
    roster.write_text(f"# week 3\n{subs[0]['submission_id'][:6]}\n{subs[3]['submission_id']}\n"
                      "ffffff99  # absent\n", encoding="utf-8")
    code = main(["class-report", str(tmp_path), "--out", str(tmp_path / "out"),
                 "--due", "2026-03-02", "--roster", str(roster)])
    out = capsys.readouterr().out
    assert code == 0
    assert "handed in: 4, late: 2, missing: 1, not started: 0" in out
    with (tmp_path / "out" / "students.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert [r["id"] for r in rows if r["missing"] == "True"] == ["ffffff99"]
    assert sorted(r["late"] for r in rows if r["missing"] == "False") == [
        "False", "False", "True", "True"]
    page = (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    assert "Each student" in page and "not handed in" in page and ">late<" in page


def test_a_roster_that_is_a_number_counts_the_missing(tmp_path):
    path = tmp_path / "n.txt"
    path.write_text("30\n", encoding="utf-8")
    assert read_roster(path) == ([], 30)
    result_rows = student_rows([sub(d) for d in sample_submissions(3)])
    from infoview_lib.classroom.class_rows import roster_summary

    assert roster_summary(result_rows, 30)["missing"] == 27


@pytest.mark.parametrize("text, words", [("Alice Smith\n", "not a student id"),
                                          ("ab\n", "not a student id")])
def test_a_roster_with_names_is_refused(tmp_path, text, words):
    path = tmp_path / "r.txt"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ValidationError, match=words):
        read_roster(path)


def test_a_bad_due_date_says_how_to_write_it():
    with pytest.raises(ValidationError, match="YYYY-MM-DD"):
        student_rows([], due="15/03/2026")


def test_the_class_summary_panel_shows_each_student_with_due_date_and_roster(tmp_path):
    from infoview_lib.ui.classreport import ClassReportPanel

    for i, data in enumerate(sample_submissions(3)):
        (tmp_path / f"s{i}.json").write_text(json.dumps(data))
    panel = ClassReportPanel(out=tmp_path / "out")
    panel.folder.value = str(tmp_path)
    panel.due.value = "2026-03-01"
    panel.roster.value = "5"
    panel.build_button.click()
    assert "Report for 3 students" in panel.status.text
    assert "handed in: 3" in panel.students.value and "missing: 2" in panel.students.value
    assert panel.students.value.count("<tr") == 4
    panel.roster.value = "no-such-roster.txt"
    panel.build_button.click()
    assert "There is no roster file" in panel.status.text
