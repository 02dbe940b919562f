"""The HTML plans opened in headless Chromium (Debian's /usr/bin/chromium): no script errors,
no alert, the injected name shown as text, the map embedded, nothing fetched from outside."""

from __future__ import annotations

import pytest
from test_export_fixtures import INJECTED, TODAY, rich_workbook

from infoview_lib.export import export_workbook

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    root = tmp_path_factory.mktemp("html")
    with rich_workbook(root / "wb" / "w.sqlite") as wb:
        full = export_workbook(wb, root / "out", formats="html", today=TODAY)
        anon = export_workbook(wb, root / "anon", formats="html", anonymize=True)
    return full, anon


def _open(browser, path):
    page = browser.new_page()
    problems, dialogs, requests = [], [], []
    page.on("pageerror", lambda err: problems.append(str(err)))
    page.on("console", lambda msg: problems.append(msg.text) if msg.type == "error" else None)
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.on("request", lambda r: requests.append(r.url))
    page.goto(path.as_uri())
    page.wait_for_load_state("load")
    return page, problems, dialogs, requests


def test_injected_name_is_plain_text_and_nothing_runs(browser, pages):
    full, _ = pages
    for path in [full.folder / "plan.html", *sorted((full.folder / "plans").glob("*.html"))]:
        page, problems, dialogs, requests = _open(browser, path)
        assert problems == [] and dialogs == [], path.name
        assert page.locator("script").count() == 0
        assert all(url.startswith(("file:", "data:")) for url in requests), requests
        page.close()
    page, *_ = _open(browser, full.folder / "plan.html")
    body = page.inner_text("body")
    assert INJECTED in body and "晓雯 李" in body and "Ελένη Попова" in body
    assert page.get_by_text(INJECTED).first.is_visible()
    page.close()


def test_map_is_embedded_and_drawn(browser, pages):
    full, anon = pages
    for path in (full.folder / "plan.html", anon.folder / "summary.html"):
        page, problems, *_ = _open(browser, path)
        img = page.locator("figure img")
        assert img.count() == 1 and img.get_attribute("src").startswith("data:image/png;base64,")
        assert page.evaluate("document.querySelector('figure img').naturalWidth") > 100
        assert img.get_attribute("alt")
        assert problems == []
        page.close()


def test_print_layout_is_defined(browser, pages):
    full, _ = pages
    page, *_ = _open(browser, full.folder / "plan.html")
    page.emulate_media(media="print")
    assert page.evaluate("getComputedStyle(document.body).maxWidth") == "none"
    pdf = page.pdf()
    assert pdf.startswith(b"%PDF-")
    page.close()
