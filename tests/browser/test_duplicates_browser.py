"""Step 1's possible duplicates in a real browser: two imports give two "Sam Lee"s with
different e-mails and employers; the user sees the pair, merges it (one Sam Lee with both
e-mails), undoes the merge (two again), marks them as different people, and after a reload
and the same files imported again the pair is not proposed again."""

from __future__ import annotations

import re

import pytest
from jlab import error_texts, open_notebook, run_all, wait_idle
from playwright.sync_api import expect

from infoview_lib.workbook.store import open_workbook

LINKEDIN = (
    "Notes:\n"
    '"When exporting your connection data, you may notice that some of the email addresses '
    'are missing."\n'
    "\n"
    "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
    "Sam,Lee,https://www.linkedin.com/in/sam-lee-maple,sam@maple.example,Maple Bank,"
    "Analyst,12 Mar 2024\n"
    "Ada,Example,https://www.linkedin.com/in/ada-example,,Acme,Engineer,02 Jan 2023\n"
)
GOOGLE = (
    "First Name,Middle Name,Last Name,Organization Name,Organization Title,Labels,"
    "E-mail 1 - Label,E-mail 1 - Value,Phone 1 - Label,Phone 1 - Value\n"
    "Sam,,Lee,Cedar School,Teacher,* myContacts,Work,sam@cedar.example,Mobile,+44 7700 900321\n"
    "Bo,,Chen,Northwind Solar,,* myContacts,Home,bo@example.org,,\n"
)


def count_is(page, number: int) -> None:
    page.locator(".iv-count .iv-count-number", has_text=re.compile(rf"^{number}$")).wait_for(
        timeout=30_000)


def upload(page, path) -> None:
    # ipywidgets 8 keeps the upload's <input type=file> outside the page: answer the chooser
    with page.expect_file_chooser() as chooser:
        page.locator("button.iv-upload").click()
    chooser.value.set_files(path)


def people_rows(page, name: str):
    return page.locator(".iv-people tr", has=page.locator("td", has_text=re.compile(
        rf"^{re.escape(name)}$")))


def sams(lab) -> list[list[str]]:
    with open_workbook(lab.workbook) as wb:
        return sorted(sorted(c.emails) for c in wb.contacts() if c.name == "Sam Lee")


@pytest.mark.browser
def test_merge_undo_and_different_people(page, lab, tmp_path):
    linkedin, google = tmp_path / "Connections.csv", tmp_path / "google.csv"
    linkedin.write_text(LINKEDIN, encoding="utf-8")
    google.write_text(GOOGLE, encoding="utf-8")
    open_notebook(page, lab, "01_who_you_know.ipynb")
    run_all(page)
    count_is(page, 0)
    expect(page.locator(".iv-duplicates")).to_be_hidden()  # nothing to review yet

    upload(page, linkedin)
    count_is(page, 2)
    upload(page, google)
    count_is(page, 4)
    pairs = page.locator(".iv-dup-row")
    expect(pairs).to_have_count(1, timeout=10_000)
    pair = pairs.first
    pair.scroll_into_view_if_needed()
    expect(page.locator(".iv-duplicates")).to_contain_text("Possible duplicates (1)")
    for seen in ("Maple Bank", "sam@maple.example", "Cedar School", "sam@cedar.example"):
        expect(pair).to_contain_text(seen)
    expect(page.locator(".iv-import-summary")).to_contain_text("1 possible duplicate was kept apart")
    expect(people_rows(page, "Sam Lee")).to_have_count(2, timeout=10_000)

    pair.locator("button.iv-dup-merge").click()
    count_is(page, 3)
    status = page.locator(".iv-duplicates-status")
    expect(status).to_contain_text("Merged Sam Lee into Sam Lee", timeout=10_000)
    expect(status).to_contain_text("sam@maple.example")  # the merged person, both e-mails
    expect(status).to_contain_text("sam@cedar.example")
    expect(people_rows(page, "Sam Lee")).to_have_count(1, timeout=10_000)
    expect(pairs).to_have_count(0)
    assert sams(lab) == [["sam@cedar.example", "sam@maple.example"]]

    page.locator("button.iv-duplicates-undo").click()
    count_is(page, 4)
    expect(status).to_contain_text("two people again", timeout=10_000)
    expect(people_rows(page, "Sam Lee")).to_have_count(2, timeout=10_000)
    expect(pairs).to_have_count(1)
    expect(page.locator("button.iv-duplicates-undo")).to_be_hidden()
    assert sams(lab) == [["sam@cedar.example"], ["sam@maple.example"]]

    pairs.first.locator("button.iv-dup-different").click()
    expect(status).to_contain_text("will not be proposed again", timeout=10_000)
    expect(pairs).to_have_count(0)
    expect(people_rows(page, "Sam Lee")).to_have_count(2)
    assert error_texts(page) == []

    page.reload()  # the user reloads; Run All builds step 1 again from the workbook
    page.wait_for_selector(".jp-Notebook", timeout=60_000)
    wait_idle(page, 90_000)
    run_all(page)
    count_is(page, 4)
    expect(people_rows(page, "Sam Lee")).to_have_count(2, timeout=10_000)
    expect(page.locator(".iv-duplicates")).to_be_hidden()
    upload(page, google)  # the same file again: nobody added, the pair not proposed again
    expect(page.locator(".iv-import-summary")).to_contain_text("Added 0", timeout=30_000)
    count_is(page, 4)
    expect(page.locator(".iv-dup-row")).to_have_count(0)
    expect(page.locator(".iv-duplicates")).to_be_hidden()
    assert sams(lab) == [["sam@cedar.example"], ["sam@maple.example"]]
    assert error_texts(page) == []
