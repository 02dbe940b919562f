"""The second day: a notebook that was run, used and saved, then closed with its kernel
stopped, reopens with no "Error displaying widget: model not found"; Run All brings the panel
back with yesterday's people; and the tracked notebooks never changed (git pull merges)."""

from __future__ import annotations

import re

import pytest
from jlab import (
    error_texts,
    git_changed,
    git_snapshot,
    open_notebook,
    run_all,
    save_notebook,
    shut_down_kernels,
)
from playwright.sync_api import expect


def count_is(page, number: int) -> None:
    page.locator(".iv-count .iv-count-number", has_text=re.compile(rf"^{number}$")).wait_for(
        timeout=30_000)


@pytest.mark.browser
def test_reopened_next_day_no_model_not_found_and_git_clean(page, lab):
    git_snapshot(lab.root)
    open_notebook(page, lab, "01_who_you_know.ipynb")
    run_all(page)
    name = page.locator(".iv-name input")
    name.fill("Ada Example")
    name.press("Enter")
    count_is(page, 1)
    page.locator(".iv-map img").first.wait_for(timeout=30_000)
    save_notebook(page)  # the panels are on screen when the file is written
    assert git_changed(lab.root) == []

    shut_down_kernels(lab)
    page.goto("about:blank")
    open_notebook(page, lab, "01_who_you_know.ipynb")  # the next day: a new kernel
    assert page.locator(".jp-OutputArea-output").count() == 0
    assert "model not found" not in page.locator(".jp-Notebook").inner_text()
    hint = page.locator(".jp-MarkdownCell", has_text="Run All Cells").first
    assert hint.is_visible()  # the one instruction a newcomer needs, at the top
    run_all(page)
    count_is(page, 1)
    expect(page.locator(".iv-people")).to_contain_text("Ada Example", timeout=10_000)
    assert "model not found" not in page.locator(".jp-Notebook").inner_text()
    save_notebook(page)
    assert git_changed(lab.root) == []
    assert error_texts(page) == []
