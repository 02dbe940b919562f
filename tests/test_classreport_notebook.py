"""The instructor notebook and its panel: sample data from a fresh kernel, then a real folder."""

from __future__ import annotations

import json

from notebook_runner import NOTEBOOKS, cell_text, error_outputs, run_notebook

from infoview_lib.classroom.report import sample_submissions, write_sample_folder

NOTEBOOK = NOTEBOOKS / "instructor" / "class_summary.ipynb"


def test_panel_shows_sample_then_builds_a_folder(tmp_path):
    from infoview_lib.ui.classreport import ClassReportPanel

    panel = ClassReportPanel(out=tmp_path / "out")
    assert panel.result.summary["students"] == 40
    assert len(panel.charts.children) == 6 and "Skipped (8)" in panel.skipped.value
    assert "Sample data" in panel.status.text

    panel.folder.value = ""
    panel.build_button.click()
    assert "Type the folder" in panel.status.text and not panel.build_button.disabled
    panel.folder.value = str(tmp_path / "nowhere")
    panel.build_button.click()
    assert "There is no folder" in panel.status.text and "nowhere" in panel.status.text

    write_sample_folder(tmp_path / "handed-in", 3, broken=False)
    panel.folder.value = str(tmp_path / "handed-in")
    panel.build_button.click()
    assert panel.result.summary["students"] == 3
    assert "Report for 3 students" in panel.status.text
    assert (tmp_path / "out" / "index.html").is_file() and panel.skipped.value == ""


def test_panel_warns_when_nothing_is_usable(tmp_path):
    from infoview_lib.ui.classreport import ClassReportPanel

    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "bad.json").write_text("{}")
    panel = ClassReportPanel(folder=tmp_path / "in", out=tmp_path / "out")
    assert "None of the files" in panel.status.text and "iv-warn" in panel.status.text
    assert panel.charts.children == () and "bad.json" in panel.skipped.value


def test_panel_says_what_to_do_when_a_folder_holds_no_files(tmp_path):
    from infoview_lib.ui.classreport import ClassReportPanel

    (tmp_path / "empty" / "sub").mkdir(parents=True)
    panel = ClassReportPanel(out=tmp_path / "out")
    panel.folder.value = str(tmp_path / "empty")
    panel.build_button.click()
    assert "No file in" in panel.status.text
    assert "07_export_and_share.ipynb" in panel.status.text
    assert "temporary folder" not in panel.status.text
    (tmp_path / "empty" / "notes.txt").write_text("not a progress file")
    panel.build_button.click()  # every file handed in is used or listed with a reason
    assert "None of the files" in panel.status.text
    assert "notes.txt: skipped: a .txt file is not a progress file" in panel.skipped.value


def test_relative_folder_is_found_in_the_project(tmp_path, monkeypatch):
    from infoview_lib.ui import classreport as ui

    monkeypatch.setattr(ui, "project_dir", lambda: tmp_path / "course")
    write_sample_folder(tmp_path / "course" / "handed-in", 2, broken=False)
    monkeypatch.chdir(tmp_path)  # the notebook's own folder has no 'handed-in'
    panel = ui.ClassReportPanel(folder="handed-in", out=tmp_path / "out")
    assert panel.result.summary["students"] == 2, panel.status.text


def test_skipped_files_are_named_by_their_sub_folder(tmp_path):
    from infoview_lib.ui.classreport import ClassReportPanel

    for student in ("alice", "bob"):
        (tmp_path / "in" / student).mkdir(parents=True)
        (tmp_path / "in" / student / "progress.json").write_text("[]")
    panel = ClassReportPanel(folder=tmp_path / "in", out=tmp_path / "out")
    assert "alice/progress.json" in panel.skipped.value
    assert "bob/progress.json" in panel.skipped.value


def test_notebook_runs_alone_and_builds_a_handed_in_folder(tmp_path):
    folder = tmp_path / "handed-in"
    folder.mkdir()
    for i, data in enumerate(sample_submissions(4, seed=3)):
        (folder / f"s{i}.json").write_text(json.dumps(data))
    env = {"INFOVIEW_WORKBOOK": str(tmp_path / "wb.sqlite"), "MPLBACKEND": "Agg"}
    nb = run_notebook(NOTEBOOK, env, probes=[
        "print(panel.result.summary['students'], len(panel.charts.children))",
        f"panel.folder.value = {str(folder)!r}; panel.out.value = {str(tmp_path / 'r')!r}\n"
        "panel.build_button.click(); print(panel.status.text)",
    ])
    assert error_outputs(nb) == []
    sample, built = (cell_text(c) for c in nb.cells[-2:])
    assert sample.split()[:2] == ["40", "6"]
    assert "Report for 4 students" in built
    assert (tmp_path / "r" / "index.html").is_file()
