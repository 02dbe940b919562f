"""The instructor notebook and its panel: sample data from a fresh kernel, then a real folder."""

from __future__ import annotations

import json

from notebook_runner import NOTEBOOKS, cell_text, error_outputs, run_notebook

from infoview_lib.classreport import sample_submissions, write_sample_folder

NOTEBOOK = NOTEBOOKS / "instructor" / "class_summary.ipynb"


def test_panel_shows_sample_then_builds_a_folder(tmp_path):
    from infoview_lib.ui.classreport import ClassReportPanel

    panel = ClassReportPanel(out=tmp_path / "out")
    assert panel.result.summary["students"] == 40
    assert len(panel.charts.children) == 6 and "Skipped (8)" in panel.skipped.value
    assert "Sample data" in panel.status.text

    panel.folder.value = str(tmp_path / "nowhere")
    panel.build_button.click()
    assert "Type the folder" in panel.status.text and not panel.build_button.disabled

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
    assert "No usable progress file" in panel.status.text
    assert panel.charts.children == () and "bad.json" in panel.skipped.value


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
