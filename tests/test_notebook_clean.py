"""The step notebooks are saved as committed, however they are used: no outputs, widget state
or run-time metadata (so no "model not found" the next day, and `git pull` always merges)."""

from __future__ import annotations

import importlib
import json
from pathlib import Path

import nbformat
import pytest

from infoview_lib import notebook_clean
from infoview_lib.cli import core

REPO = Path(__file__).resolve().parent.parent
STEPS = sorted((REPO / "notebooks").glob("0*.ipynb"))


def used(nb):
    """A notebook as JupyterLab would save it after Run All with live panels."""
    nb = nbformat.from_dict(json.loads(json.dumps(nb)))
    for n, cell in enumerate(nb.cells):
        if cell.cell_type == "code":
            cell.execution_count = n
            cell.metadata["execution"] = {"iopub.status.busy": "2026-12-02T10:00:00"}
            cell.outputs = [nbformat.v4.new_output(
                "display_data", data={"application/vnd.jupyter.widget-view+json": {
                    "model_id": "abc", "version_major": 2, "version_minor": 0},
                    "text/plain": "VBox()"})]
        else:
            cell.metadata["jp-MarkdownHeadingCollapsed"] = True
    nb.metadata["widgets"] = {"application/vnd.jupyter.widget-state+json": {"state": {}}}
    nb.metadata["language_info"] = {"name": "python", "version": "3.12.3",
                                    "codemirror_mode": {"name": "ipython", "version": 3}}
    nb.metadata["kernelspec"] = {"display_name": "Python 3 (ipykernel) venv", "language":
                                 "python", "name": "python3"}
    return nb


@pytest.mark.parametrize("path", STEPS, ids=lambda p: p.name)
def test_a_used_step_notebook_saves_byte_for_byte_as_committed(path):
    committed = path.read_text(encoding="utf-8")
    nb = nbformat.reads(committed, as_version=4)
    assert notebook_clean.is_marked(nb)
    model = {"type": "notebook", "content": used(nb)}
    notebook_clean.pre_save_hook(model, f"notebooks/{path.name}")
    assert nbformat.writes(nbformat.from_dict(model["content"])) + "\n" == committed


def test_only_marked_notebooks_are_touched():
    nb = used(nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("1 + 1")]))
    model = {"type": "notebook", "content": nb}
    notebook_clean.pre_save_hook(model, "my_own_analysis.ipynb")
    assert model["content"].cells[0].outputs and "widgets" in model["content"].metadata
    notebook_clean.pre_save_hook({"type": "file", "content": "text"}, "notes.txt")


def test_the_first_thing_a_newcomer_reads_is_how_to_open_the_panel():
    for path in STEPS:
        cells = nbformat.read(path, as_version=4).cells
        assert cells[0].source.startswith("# ")
        assert "Run ▸ Run All Cells" in cells[1].source, path.name
        # right in the app view too (no menu there, the panel is already running)
        assert "in JupyterLab, choose" in cells[1].source, path.name
        assert "app view" in cells[1].source and "in the menu, choose" not in cells[1].source
        # closing a notebook: saving is harmless, the hook keeps it as committed
        assert "either answer is fine" in cells[1].source, path.name


def test_lab_and_the_hub_config_turn_the_hook_on(monkeypatch):
    module, _, name = notebook_clean.HOOK.rpartition(".")
    assert getattr(importlib.import_module(module), name) is notebook_clean.pre_save_hook
    config = json.loads((REPO / "infoview_lib" / "jupyter" / "jupyter_server_config.json")
                        .read_text())
    assert config["ContentsManager"]["pre_save_hook"] == notebook_clean.HOOK
    ran = []
    monkeypatch.setattr(core.os, "execv", lambda exe, argv: ran.append(argv))
    monkeypatch.setattr(core.subprocess, "call", lambda argv: ran.append(argv) or 0)
    args = type("Args", (), {"no_browser": True, "unknown": []})()
    core.cmd_lab(args)
    assert f"--ContentsManager.pre_save_hook={notebook_clean.HOOK}" in ran[0]


def test_binder_turns_the_hook_on_too():
    """repo2docker copies the repository into the home folder, so .jupyter/ becomes the
    server's user config folder on Binder: the same hook, the same file."""
    ours = REPO / ".jupyter" / "jupyter_server_config.json"
    assert ours.read_text() == (REPO / "infoview_lib" / "jupyter" /
                                "jupyter_server_config.json").read_text()
