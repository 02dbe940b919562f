"""The step-1 map in a real browser: add a person and see the map image change."""

from __future__ import annotations

import pytest
from jlab import error_texts, open_notebook, run_all


def map_src(page) -> str:
    return page.locator(".iv-map img").first.get_attribute("src") or ""


@pytest.mark.browser
def test_adding_a_contact_redraws_the_map(page, lab):
    lab.load_persona("maya")
    open_notebook(page, lab, "01_who_you_know.ipynb")
    run_all(page)
    image = page.locator(".iv-map img").first
    image.wait_for(timeout=60_000)
    caption = page.locator(".iv-map-caption")
    assert "56 people" in caption.inner_text()
    before = map_src(page)
    assert before

    name = page.locator(".iv-name input")
    name.scroll_into_view_if_needed()
    name.fill("Zed Browser")
    page.locator("button.iv-add").click()
    page.locator(".iv-map-caption", has_text="57 people").wait_for(timeout=30_000)
    page.wait_for_function(
        "(old) => { const img = document.querySelector('.iv-map img');"
        " return img && img.getAttribute('src') && img.getAttribute('src') !== old; }",
        arg=before, timeout=30_000)
    image.scroll_into_view_if_needed()
    box = image.bounding_box()
    assert box and box["width"] > 300 and box["height"] > 200  # really shown, not collapsed
    assert error_texts(page) == []
