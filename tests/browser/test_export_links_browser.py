"""Step 7 in JupyterLab: a link to an exported file opens that file in a JupyterLab tab
(a first-time user clicked plan.pdf and got a second JupyterLab in a new browser tab)."""

from __future__ import annotations

import pytest
from jlab import Lab, error_texts, isolated_jupyter_env, open_notebook, run_all


@pytest.fixture
def lab_with_workbook_inside(tmp_path):
    """As `make lab` has it: the workbook (and so the exports) inside the folder served."""
    env = isolated_jupyter_env(tmp_path / "home")
    server = Lab(root=tmp_path / "root", env=env)
    env["INFOVIEW_WORKBOOK"] = str(server.root / "my-workbook" / "workbook.sqlite")
    server.root.mkdir()
    server.load_persona("maya")
    server.start()
    yield server
    server.stop()


@pytest.mark.browser
def test_an_exported_file_opens_in_a_jupyterlab_tab(page, lab_with_workbook_inside):
    open_notebook(page, lab_with_workbook_inside, "07_export_and_share.ipynb")
    run_all(page)
    page.locator("button.iv-export").click()
    link = page.locator(".iv-export-files a", has_text="contacts.csv")
    link.wait_for(timeout=120_000)
    assert "/files/my-workbook/" in link.get_attribute("href")  # the file's own address
    link.click()
    page.locator(".lm-TabBar-tab", has_text="contacts.csv").wait_for(timeout=30_000)
    assert len(page.context.pages) == 1  # no second JupyterLab in another browser tab
    assert error_texts(page) == []
