"""Every notebook runs alone from a fresh kernel against a temporary workbook, and is stored clean."""

from __future__ import annotations

import json

import pytest
from notebook_runner import NOTEBOOKS, cell_text, error_outputs, run_notebook

from infoview_lib.workbook.store import open_workbook

ALL_NOTEBOOKS = sorted(p for p in NOTEBOOKS.rglob("*.ipynb") if ".ipynb_checkpoints" not in p.parts)


def test_there_are_notebooks():
    assert (NOTEBOOKS / "00_start_here.ipynb") in ALL_NOTEBOOKS


@pytest.mark.parametrize("path", ALL_NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_is_stored_clean(path):
    data = json.loads(path.read_text(encoding="utf-8"))
    assert "widgets" not in data.get("metadata", {}), "widget state is stored"
    for cell in data["cells"]:
        if cell["cell_type"] == "code":
            assert cell["outputs"] == [] and cell["execution_count"] is None, "outputs stored"


@pytest.mark.parametrize("path", ALL_NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_runs_alone(path, tmp_path):
    env = {"INFOVIEW_WORKBOOK": str(tmp_path / "wb.sqlite"), "MPLBACKEND": "Agg"}
    nb = run_notebook(path, env)
    assert error_outputs(nb) == []


def test_start_notebook_loads_persona_and_shows_progress(tmp_path):
    env = {"INFOVIEW_WORKBOOK": str(tmp_path / "wb.sqlite")}
    nb = run_notebook(NOTEBOOKS / "00_start_here.ipynb", env, probes=[
        "print(panel.progress.value.count('&#10003;'))",
        "panel.persona.value = 'daniel'; panel.load(); print(panel.status.text)",
        "print(panel.progress.value.count('&#10003;'))",
    ])
    assert error_outputs(nb) == []
    before, loaded, after = (cell_text(c) for c in nb.cells[-3:])
    assert before.strip() == "0"
    assert "Loaded daniel" in loaded
    assert int(after.strip()) >= 2
    with open_workbook(tmp_path / "wb.sqlite") as wb:
        assert len(wb.contacts()) > 40
