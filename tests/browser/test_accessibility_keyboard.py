"""Keyboard only, in app mode (Voila): add a person in step 1; in step 3 pick a contact,
change the message and hear the verdict (the status region's text changes). No mouse
click and no element.focus(): only Tab, arrows, typing and Enter, as a keyboard user would.
"""

from __future__ import annotations

import pytest
from jlab import REPO
from test_voila_browser import open_app, start_voila

from infoview_lib.workbook.store import open_workbook

pytestmark = pytest.mark.browser
MAX_TABS = 150


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    server = start_voila(tmp_path_factory.mktemp("a11y-keys"), REPO / "notebooks", "maya")
    yield server
    server.stop()


def tab_to(page, selector: str) -> None:
    """Press Tab until the focused element matches `selector` (fails after MAX_TABS)."""
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement && document.activeElement.matches(s)",
                         selector):
            return
    raise AssertionError(f"Tab never reached {selector}")


def test_step1_add_a_person_with_the_keyboard(page, app):
    open_app(page, app, "01_who_you_know.ipynb")
    tab_to(page, ".iv-name input")
    page.keyboard.type("Ada Keyboard")
    page.keyboard.press("Tab")
    page.keyboard.type("Northwind Solar")
    page.keyboard.press("Enter")
    region = page.locator(".iv-who-you-know > .iv-status [role=status]")
    region.filter(has_text="Ada Keyboard").wait_for(timeout=30_000)
    with open_workbook(app.workbook) as wb:
        ada = wb.find_contact("Ada Keyboard")
    assert ada is not None and ada.organization == "Northwind Solar"


def test_step3_pick_a_contact_change_the_message_hear_the_verdict(page, app):
    open_app(page, app, "03_plan_outreach.ipynb")
    verdict = page.locator(".iv-checker .iv-verdict[role=status]")
    verdict.wait_for(timeout=30_000)
    tab_to(page, ".iv-contact-pick select")
    for _ in range(60):  # arrow down the list to Hana Sato, as a keyboard user would
        label = page.evaluate("() => document.activeElement.selectedOptions[0].textContent"
                              ".replace(/\\s+/g, ' ')")  # ipywidgets writes &nbsp;
        if "Hana Sato" in label:
            break
        page.keyboard.press("ArrowDown")
    else:
        raise AssertionError("Hana Sato is not in the contact list")
    page.locator(".iv-draft pre", has_text="Dolores Ibáñez suggested").wait_for(timeout=15_000)
    before = verdict.inner_text()
    assert "Fallback offered" not in before, before

    tab_to(page, ".iv-part-fallback input")
    page.keyboard.press("Control+A")
    page.keyboard.press("Delete")
    verdict.filter(has_text="Fallback offered").wait_for(timeout=15_000)  # the region speaks
    page.keyboard.type("If you're too busy, who else could I talk to?")
    page.wait_for_function(  # the verdict is read out again, as before the change
        "text => document.querySelector('.iv-checker .iv-verdict[role=status]').innerText === text",
        arg=before, timeout=15_000)
