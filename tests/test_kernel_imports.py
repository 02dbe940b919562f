"""What a step notebook's kernel loads: only the libraries its panel uses.

A student keeps up to eight notebook kernels open, so every library a panel imports without
using it is paid eight times (benchmarks/kernel_memory.py measures the memory). Each test runs
the notebooks' own code cells, one notebook after another, in a fresh Python process and
lists the heavy libraries loaded after each; no memory figures are asserted here.
"""

from __future__ import annotations

import gc
import json
import os
import subprocess
import sys
import weakref
from pathlib import Path

import pytest

from infoview_lib.workbook.personas import load_persona
from infoview_lib.workbook.store import open_workbook

NOTEBOOKS = Path(__file__).resolve().parent.parent / "notebooks"
NEVER = ("pandas", "networkx", "scipy", "ipympl", "matplotlib.pyplot", "fpdf", "openpyxl")
DRAWING = ("matplotlib", "numpy", "PIL")
# Run each notebook's code cells as Run All does, then list which watched modules are loaded.
PROBE = """
import json, sys
import nbformat
watched = json.loads(sys.argv[1])
found = {}
for path in sys.argv[2:]:
    scope = {}
    for cell in nbformat.read(path, as_version=4).cells:
        if cell.cell_type == "code":
            exec(compile(cell.source, path, "exec"), scope)
    shown = scope.get("panel")
    if shown is not None:
        shown._repr_mimebundle_()  # what displaying the last cell's panel does
    found[path.rsplit("/", 1)[-1]] = [m for m in watched if m in sys.modules]
print(json.dumps(found))
"""


@pytest.fixture(scope="module")
def persona_workbook(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("kernel") / "workbook.sqlite"
    with open_workbook(path) as wb:
        load_persona(wb, "maya")
    return path


def loaded_after_each(workbook: Path, stems: list[str], watched) -> dict[str, list[str]]:
    """{notebook file: watched modules loaded after its cells ran}, all in one new process
    (modules add up from one notebook to the next, so a module first shows where it came in)."""
    env = {**os.environ, "INFOVIEW_WORKBOOK": str(workbook), "MPLBACKEND": "Agg"}
    paths = [str(NOTEBOOKS / f"{stem}.ipynb") for stem in stems]
    out = subprocess.run([sys.executable, "-c", PROBE, json.dumps(list(watched)), *paths],
                         capture_output=True, text=True, env=env, cwd=NOTEBOOKS, timeout=300)
    assert out.returncode == 0, out.stderr[-3000:]
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_steps_without_pictures_load_no_drawing_library(persona_workbook):
    """Steps 3, 4, 5 and 7 draw nothing: no matplotlib, numpy or Pillow (~45 MB a kernel)."""
    stems = ["03_plan_outreach", "04_be_the_host", "05_be_a_professional",
             "07_export_and_share"]
    found = loaded_after_each(persona_workbook, stems, NEVER + DRAWING)
    assert found == {f"{stem}.ipynb": [] for stem in stems}


def test_steps_with_pictures_load_only_what_draws_them(persona_workbook):
    """Steps 0 (the font check), 1 and 2 (the map) and 6 (the funnel) use matplotlib, but
    never pyplot, ipympl (only once Explore is on), networkx or pandas."""
    stems = ["00_start_here", "01_who_you_know", "02_what_you_want_to_know",
             "06_always_be_courteous"]
    found = loaded_after_each(persona_workbook, stems, NEVER + ("matplotlib",))
    assert found["01_who_you_know.ipynb"] == ["matplotlib"]  # the check: it is watched
    assert {name: [m for m in mods if m != "matplotlib"] for name, mods in found.items()} == {
        f"{stem}.ipynb": [] for stem in stems}


def test_turning_explore_off_lets_go_of_its_figure(maya):
    from infoview_lib.ui.network_map import MapPanel

    panel = MapPanel(maya)
    panel.explore.value = True
    figure = weakref.ref(panel.explorer.canvas.figure)
    assert panel.explorer.people  # it drew the persona's people
    panel.explore.value = False
    gc.collect()
    assert figure() is None
    assert panel.explorer.person_at(0, 0) is None  # nothing drawn: nobody to point at


def test_showing_a_panel_gives_back_what_building_it_left(maya, monkeypatch):
    from infoview_lib.ui import common
    from infoview_lib.ui.questions import QuestionsPanel

    calls = []
    monkeypatch.setattr(common, "release_memory", lambda: calls.append(1) or True)
    bundle = QuestionsPanel(maya)._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in bundle and calls == [1]
