"""WCAG 2.1 AA checks on every notebook, as a career centre would audit the workbook.

In Voila (app mode) and in JupyterLab after Run All, with the persona maya loaded: axe-core
(critical and serious violations of the WCAG 2.1 A/AA rules inside the project's output),
plus what axe does not check: every visible control and picture has a name in Chromium's
accessibility tree, each panel has a status region, selected choices expose their state,
button text has 4.5:1 contrast, the keyboard focus ring is 2 px at 3:1, and nothing spills
sideways at 200 % zoom (640 px) or 320 px. docs/accessibility.md explains each check.
"""

from __future__ import annotations

import json
import urllib.request

import pytest
from accessibility import audit, faint_focus, sideways_overflow
from jlab import REPO, Lab, error_texts, isolated_jupyter_env, run_all, wait_idle
from test_voila_browser import APP_NOTEBOOKS, open_app, start_voila

pytestmark = pytest.mark.browser
OUTPUT = ".jp-OutputArea"


IDS = [p.relative_to(REPO / "notebooks").as_posix() for p in APP_NOTEBOOKS]


@pytest.fixture(scope="module")
def voila_app(tmp_path_factory):
    server = start_voila(tmp_path_factory.mktemp("a11y-voila"), REPO / "notebooks", "maya")
    yield server
    server.stop()


def settle(page) -> None:
    """Wait two frames, so what a resize set off (resize observers, re-layout) has run."""
    page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")


@pytest.mark.parametrize("rel", IDS)
def test_app_renders_passes_the_audit_and_reflows(page, voila_app, rel):
    """One page load per notebook (each load is a kernel running every cell): the app renders
    (open_app: every cell ran, a panel drawn, no error, no code on show), passes the audit, and
    reflows without sideways scrolling at 640 px (a 1280 px window at 200 % zoom, which is how
    a reader gets there: zooming an open page) and at 320 px (WCAG 1.4.10's reflow width)."""
    open_app(page, voila_app, rel)
    found = {"audit": audit(page, "body"),  # in app mode the whole page is the project's
             "focus": faint_focus(page)}
    for width in (640, 320):
        page.set_viewport_size({"width": width, "height": 900})
        page.evaluate("() => window.scrollTo(0, 0)")
        settle(page)
        found[f"reflow at {width} px"] = sideways_overflow(page, OUTPUT)
    assert found == {"audit": [], "focus": [], "reflow at 640 px": [], "reflow at 320 px": []}


@pytest.fixture(scope="module")
def lab_with_maya(tmp_path_factory):
    root = tmp_path_factory.mktemp("a11y-lab")
    env = isolated_jupyter_env(root / "home")
    env["INFOVIEW_WORKBOOK"] = str(root / "workbook" / "workbook.sqlite")
    server = Lab(root=root / "root", env=env)
    server.root.mkdir()
    server.load_persona("maya")
    server.start()
    yield server
    server.stop()


def stop_kernels(lab: Lab) -> None:
    """Shut down every kernel, so the notebooks audited one after another do not pile up."""
    with urllib.request.urlopen(f"{lab.url}/api/kernels", timeout=10) as response:
        kernels = json.load(response)
    for kernel in kernels:
        request = urllib.request.Request(f"{lab.url}/api/kernels/{kernel['id']}", method="DELETE")
        urllib.request.urlopen(request, timeout=10).close()


@pytest.mark.kernel
@pytest.mark.parametrize("rel", IDS)
def test_lab_output_passes_the_audit(page, lab_with_maya, rel):
    """JupyterLab after Run All: the same audit inside the notebook's output areas."""
    workspace = "a11y-" + rel.replace("/", "-").removesuffix(".ipynb")
    page.goto(f"{lab_with_maya.url}/lab/workspaces/{workspace}/tree/notebooks/{rel}?reset")
    page.wait_for_selector(".jp-Notebook", timeout=60_000)
    page.locator(".jp-Toolbar-kernelName", has_text="Python").wait_for(timeout=90_000)
    wait_idle(page, 90_000)
    try:
        run_all(page)
        page.locator(".iv-a11y").first.wait_for(timeout=60_000)
        assert error_texts(page) == []
        assert audit(page, OUTPUT) == []
    finally:
        stop_kernels(lab_with_maya)
