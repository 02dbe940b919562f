"""Typing and clicking at once, in a real browser: the profile's "Save who I am" (step 0) and
step 2's "Add as new target" save exactly what was typed, round after round (the text travels
with the click: ui/form_button.py), and each new target starts from an empty form."""

from __future__ import annotations

import re

import pytest
from jlab import error_texts, open_notebook, run_all
from playwright.sync_api import expect

from infoview_lib.workbook.model import Target
from infoview_lib.workbook.profile import get_profile
from infoview_lib.workbook.store import open_workbook

ROUNDS = 10


def type_over(box, text: str) -> None:
    """Replace what a box holds by typing, key after key with no pause (as fast as Playwright
    can), and no waiting afterwards."""
    box.click()
    box.press("Control+a")
    box.type(text)


@pytest.mark.browser
def test_profile_saves_exactly_what_was_typed_on_a_fast_click(page, lab):
    open_notebook(page, lab, "00_start_here.ipynb")
    run_all(page)
    boxes = {key: page.locator(f".iv-profile-{key} input")
             for key in ("name", "introduction", "email")}
    boxes["name"].scroll_into_view_if_needed()
    status = page.locator(".iv-profile-status")
    for i in range(ROUNDS):
        typed = {"name": f"Jordan Lee-{i}-Okafor",
                 "introduction": f"a final-year student exploring solar and storage, take {i}",
                 "email": f"jordan.{i}@example.org"}
        for key, box in boxes.items():
            type_over(box, typed[key])
        page.locator("button.iv-save-profile").click()  # at once, after the last key
        status.filter(has_text=re.compile(rf"written as Jordan Lee-{i}-")).wait_for(
            timeout=30_000)
        with open_workbook(lab.workbook) as wb:
            saved = get_profile(wb)
        assert {"name": saved.name, "introduction": saved.introduction,
                "email": saved.email} == typed, f"round {i}"
    assert error_texts(page) == []


@pytest.mark.browser
def test_targets_added_one_after_another_keep_every_letter(page, lab):
    open_notebook(page, lab, "02_what_you_want_to_know.ipynb")
    run_all(page)
    name = page.locator(".iv-t-name input")
    keywords = page.locator(".iv-t-keywords input")
    learn = page.locator(".iv-t-learn textarea")
    name.scroll_into_view_if_needed()
    status = page.locator(".iv-targets .iv-status")
    expected = {}
    for i in range(ROUNDS):
        expect(name).to_have_value("")  # each new target starts from an empty form
        expect(keywords).to_have_value("")
        typed = (f"Target {i} Northwind Solar", [f"solar{i}", "storage"],
                 f"How people get their first site job, take {i}")
        for box, text in ((name, typed[0]), (keywords, ", ".join(typed[1])), (learn, typed[2])):
            box.click()
            box.type(text)  # typed into the empty box: text left behind would merge in
        page.locator("button.iv-add-target").click()  # at once, after the last key
        status.filter(has_text=re.compile(rf"Added Target {i} ")).wait_for(timeout=30_000)
        expected[typed[0]] = typed
    with open_workbook(lab.workbook) as wb:
        saved = {t.name: (t.name, t.keywords, t.what_to_learn) for t in wb.list(Target)}
    assert saved == expected
    assert error_texts(page) == []
