"""Step 1 in a real browser: search the list, set a part of life for everyone it shows in one
click, read how many changed, then undo."""

from __future__ import annotations

import pytest
from jlab import error_texts, open_notebook, run_all

from infoview_lib.workbook.model import Contact
from infoview_lib.workbook.store import open_workbook


def categories(lab) -> dict[str, list[str]]:
    with open_workbook(lab.workbook) as wb:
        return {c.name: c.categories for c in wb.contacts()}


@pytest.mark.browser
def test_set_a_part_of_life_for_everyone_matching_a_search(page, lab):
    with open_workbook(lab.workbook) as wb:
        wb.add_many([Contact(first_name=first, last_name=last, categories=cats)
                     for first, last, cats in (
                         ("Ana", "Riverside", []), ("Ben", "Riverside", ["friend"]),
                         ("Cara", "Riverside", []), ("Dev", "Other", []), ("Eli", "Other", []))])
    open_notebook(page, lab, "01_who_you_know.ipynb")
    run_all(page)

    search = page.locator(".iv-search input")
    search.scroll_into_view_if_needed()
    search.fill("riverside")
    count = page.locator(".iv-bulk-count")
    count.filter(has_text="Chosen: 3 of 5 people").wait_for(timeout=30_000)
    page.locator(".iv-bulk-category select").select_option("neighbour")
    apply = page.locator("button.iv-bulk-apply")
    assert apply.inner_text() == "Set for these 3 people"
    apply.click()
    status = page.locator(".iv-bulk-status")
    status.filter(has_text="Changed 3 people: part of life 'neighbour'").wait_for(timeout=30_000)
    assert categories(lab) == {"Ana Riverside": ["neighbour"],
                               "Ben Riverside": ["friend", "neighbour"],
                               "Cara Riverside": ["neighbour"], "Dev Other": [], "Eli Other": []}
    page.wait_for_function(  # the table follows the status line and the new map picture
        "() => document.querySelector('.iv-people').innerText.split('neighbour').length === 4")

    page.locator("button.iv-bulk-undo").click()
    status.filter(has_text="Undone: 3 people").wait_for(timeout=30_000)
    assert categories(lab)["Ben Riverside"] == ["friend"]
    assert categories(lab)["Ana Riverside"] == []
    assert error_texts(page) == []
