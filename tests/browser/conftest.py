"""Fixtures for real-browser tests: a fresh JupyterLab per test and a Chromium page."""

from __future__ import annotations

import pytest
from jlab import Lab, isolated_jupyter_env


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1400, "height": 1000})

    def only_local(route):
        url = route.request.url
        if url.startswith(("http://127.0.0.1", "data:", "blob:", "ws://127.0.0.1")):
            return route.continue_()
        return route.abort()

    context.route("**/*", only_local)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def lab(tmp_path):
    env = isolated_jupyter_env(tmp_path / "home")
    env["INFOVIEW_WORKBOOK"] = str(tmp_path / "workbook" / "workbook.sqlite")
    server = Lab(root=tmp_path / "root", env=env)
    server.root.mkdir()
    server.start()
    yield server
    server.stop()
