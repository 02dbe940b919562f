"""Exploring the step-1 map in a real browser, in JupyterLab and in Voila: point at a person
to see who they are, click to open them in the editor.

Where a person's marker is on the canvas is computed here by drawing the same figure with
Agg (the drawing is deterministic), then scaled to the canvas as the browser shows it.
"""

from __future__ import annotations

import time

import pytest
from jlab import REPO, error_texts, open_notebook, run_all

from infoview_lib.map.draw import FIGSIZE, draw_network, new_figure
from infoview_lib.map.network import build_graph
from infoview_lib.ui.map_explorer import EXPLORE_DPI
from infoview_lib.workbook.store import open_workbook

pytestmark = pytest.mark.browser
WHO = "Priya Raman"


def marker_pixel(workbook, name: str) -> tuple[int, float, float]:
    """(contact id, x, y from the top-left) of a person's marker on the explorer's figure."""
    with open_workbook(workbook, create=False) as wb:
        g = build_graph(wb)
    fig, ax = new_figure(EXPLORE_DPI)
    lay = draw_network(g, ax=ax).layout
    node = next(n for n, d in g.nodes(data=True) if d.get("label") == name)
    x, y = ax.transData.transform(lay[node])
    return g.nodes[node]["contact_id"], x, FIGSIZE[1] * EXPLORE_DPI - y


def explore(page, workbook) -> None:
    """Turn Explore on, point at WHO and check the details line, then click them."""
    toggle = page.locator(".iv-map-explore-on input").first  # a tick box
    toggle.scroll_into_view_if_needed()
    toggle.click()
    canvas = page.locator(".iv-map-canvas canvas").last
    canvas.wait_for(timeout=60_000)
    canvas.scroll_into_view_if_needed()
    page.wait_for_function("() => { const c = document.querySelector('.iv-map-canvas canvas');"
                           " return c && c.width > 100; }", timeout=60_000)
    box = canvas.bounding_box()
    scale = box["width"] / (FIGSIZE[0] * EXPLORE_DPI)
    contact_id, x, y = marker_pixel(workbook, WHO)
    page.mouse.move(box["x"] + x * scale + 2, box["y"] + y * scale + 2)
    page.mouse.move(box["x"] + x * scale, box["y"] + y * scale)
    hover = page.locator(".iv-map-hover")
    start = time.perf_counter()
    hover.filter(has_text=WHO).wait_for(timeout=10_000)
    print(f"hover answered in {1000 * (time.perf_counter() - start):.0f} ms")
    assert "classmate" in hover.inner_text()
    page.mouse.click(box["x"] + x * scale, box["y"] + y * scale)
    hover.filter(has_text="open in the editor").wait_for(timeout=10_000)
    page.wait_for_function(
        "(id) => { const s = document.querySelector('.iv-person select');"
        " return s && s.value !== '' && s.options[s.selectedIndex].text.includes('Priya'); }",
        arg=contact_id, timeout=10_000)


def test_explore_in_jupyterlab_hover_and_click(page, lab):
    lab.load_persona("maya")
    open_notebook(page, lab, "01_who_you_know.ipynb")
    run_all(page)
    page.locator(".iv-map img").first.wait_for(timeout=60_000)
    explore(page, lab.workbook)
    assert error_texts(page) == []


def test_explore_in_voila_hover_and_click(page, tmp_path):
    from test_voila_browser import Voila

    from infoview_lib.workbook.personas import load_persona

    workbook = tmp_path / "wb.sqlite"
    with open_workbook(workbook) as wb:
        load_persona(wb, "maya")
    (tmp_path / "home").mkdir()
    voila = Voila(REPO / "notebooks" / "01_who_you_know.ipynb", workbook, tmp_path / "home")
    voila.start()
    try:
        page.goto(voila.url, timeout=120_000)
        page.locator(".iv-map img").first.wait_for(timeout=120_000)
        explore(page, workbook)
        assert "Traceback" not in page.content()
    finally:
        voila.stop()
