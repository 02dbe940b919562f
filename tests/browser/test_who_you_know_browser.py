"""Step 1 in a real browser: quick-add two people (Enter and the Add button), import a LinkedIn
file through the upload widget, and see the count and the table change."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from jlab import REPO, error_texts, open_notebook, run_all
from playwright.sync_api import expect
from test_voila_browser import assert_app_page, start_voila

from infoview_lib.workbook.store import open_workbook

FIX = Path(__file__).resolve().parent.parent / "fixtures" / "contacts"


def count_is(page, number: int) -> None:
    page.locator(".iv-count .iv-count-number", has_text=re.compile(rf"^{number}$")).wait_for(
        timeout=30_000)


@pytest.mark.browser
def test_quick_add_and_linkedin_upload(page, lab):
    open_notebook(page, lab, "01_who_you_know.ipynb")
    run_all(page)
    count_is(page, 0)

    name = page.locator(".iv-name input")
    name.scroll_into_view_if_needed()
    name.fill("Ada Example")
    name.press("Enter")
    count_is(page, 1)
    assert name.input_value() == ""

    name.fill("Bo Chen")
    page.locator(".iv-org input").fill("Northwind Solar")
    page.locator("button.iv-add").click()
    count_is(page, 2)
    # the count and the table are two widget updates: wait for the table's, do not race it
    expect(page.locator(".iv-people")).to_contain_text("Bo Chen", timeout=10_000)

    # one click after another: each typed name arrives before its click (a click can overtake
    # text that is only sent when the box is left; every other add used to find no name)
    for number, person in enumerate(("Cy Click", "Di Click", "Ed Click"), start=3):
        name.fill(person)
        page.locator("button.iv-add").click()
        count_is(page, number)
    assert "Type a name first" not in page.locator(".iv-who-you-know .iv-status").first.inner_text()

    # the import button says what to do; no file count ("(0)" read as "no contacts")
    upload = page.locator("button.iv-upload")
    upload.scroll_into_view_if_needed()
    expect(upload).to_have_text("Choose a contacts file…")
    expect(page.get_by_role("button", name="Choose a contacts file…", exact=True)).to_be_visible()
    assert "(0)" not in page.locator(".iv-who-you-know").inner_text()
    # the button opens the browser's file chooser: answer it
    with page.expect_file_chooser() as chooser:
        upload.click()
    chooser.value.set_files(FIX / "linkedin_current.csv")
    count_is(page, 15)
    expect(upload).to_have_text("Choose another file… (chosen: linkedin_current.csv)")
    expect(upload).to_be_enabled()
    summary = page.locator(".iv-import-summary")
    summary.scroll_into_view_if_needed()
    assert "Added 10" in summary.inner_text()
    assert "Skipped 2" in summary.inner_text()
    expect(page.locator(".iv-people")).to_contain_text("Zoë Ó Briain", timeout=10_000)
    # whose e-mail came through: a mailto link in the e-mail column, the table within the panel
    mail = page.locator(".iv-people td.iv-email a[href='mailto:zoe.obriain@example.org']")
    expect(mail).to_have_text("zoe.obriain@example.org")
    expect(mail).to_have_attribute("title", "zoe.obriain@example.org")
    table, box = (page.locator(s).bounding_box() for s in (".iv-people-table", ".iv-people"))
    assert table["x"] + table["width"] <= box["x"] + box["width"] + 1

    # the same file again, from the keyboard: nobody is added twice, and the button (whose
    # label does not change this time) comes back from "Reading…"
    with page.expect_file_chooser() as chooser:
        upload.focus()  # (inside: a round trip after the chooser is watched for)
        page.keyboard.press("Enter")
    chooser.value.set_files(FIX / "linkedin_current.csv")
    expect(page.locator(".iv-import-summary")).to_contain_text("Added 0", timeout=30_000)
    expect(upload).to_have_text("Choose another file… (chosen: linkedin_current.csv)")
    expect(upload).to_be_enabled()
    count_is(page, 15)

    with open_workbook(lab.workbook) as wb:
        people = wb.contacts()
    assert len(people) == 15
    assert [c.organization for c in people if c.name == "Bo Chen"] == ["Northwind Solar"]
    assert error_texts(page) == []


@pytest.mark.browser
def test_import_in_app_mode(page, tmp_path):
    """Voila (app mode): the import button says what to do, takes a file and names it."""
    server = start_voila(tmp_path, REPO / "notebooks" / "01_who_you_know.ipynb")
    try:
        page.goto(server.url + "/", timeout=120_000)
        assert_app_page(page)
        upload = page.locator("button.iv-upload")
        expect(upload).to_have_text("Choose a contacts file…", timeout=60_000)
        with page.expect_file_chooser() as chooser:
            upload.click()
        chooser.value.set_files(FIX / "vcard40.vcf")
        expect(upload).to_have_text("Choose another file… (chosen: vcard40.vcf)",
                                    timeout=60_000)
        expect(page.locator(".iv-import-summary")).to_contain_text("Added 2")
        with open_workbook(server.workbook) as wb:
            assert len(wb.contacts()) == 2
    finally:
        server.stop()
