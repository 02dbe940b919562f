"""A first-time user's whole journey, in one continuous walk in JupyterLab, from a BLANK
workbook: who I am; people typed by hand with fast clicks; a delete; a 300-row LinkedIn
import; two targets one after the other; an e-mail that greets the right person and is signed
with my name; questions; a meeting; debrief and thank-you; export; delete my data. Two
notebooks are open at once and a persona is loaded in one while the other is open: the other
shows the persona's people before it acts. Then the kernels stop, the notebooks reopen with no
error, and git sees no change to them. It asserts what the user sees at each step."""

from __future__ import annotations

import os
import re
from datetime import date, timedelta
from pathlib import Path

import pytest
from jlab import (
    commit,
    error_texts,
    git_changed,
    git_snapshot,
    run_all,
    shut_down_kernels,
    wait_idle,
)
from playwright.sync_api import expect

from infoview_lib.workbook.model import Target
from infoview_lib.workbook.store import open_workbook

ME = "Jordan Rivera"
HELD = date.today() - timedelta(days=2)
SPECIFIC = "that site surveys are the best first job in solar"
PEOPLE = [  # typed by hand, clicked as fast as the page allows
    ("Ada Example", "Acme", "Product designer"),
    ("Bo Chen", "Northwind Solar", "Site engineer"),
    ("Cy Diaz", "Acme", "Intern"),
    ("Di Evans", "", "Teacher"),
    ("Ed Fox", "Northwind Solar", "Project manager"),
    ("Flo Grant", "", ""),
]


def open_in_tab(context, lab, name: str, workspace: str):
    """A browser tab with only this notebook open (its own workspace), kernel ready."""
    page = context.new_page()
    page.goto(f"{lab.url}/lab/workspaces/{workspace}/tree/notebooks/{name}?reset")
    page.wait_for_selector(".jp-Notebook", timeout=60_000)
    wait_idle(page, 90_000)
    return page


def count_is(page, number: int) -> None:
    page.locator(".iv-count .iv-count-number", has_text=re.compile(rf"^{number}$")).wait_for(
        timeout=60_000)



def linkedin_csv(path, rows: int = 300):
    lines = ["Notes:", "\"When exporting your connection data...\"", "",
             "First Name,Last Name,URL,Email Address,Company,Position,Connected On"]
    lines += [f"Lin{i},Kedin{i},https://www.linkedin.com/in/lk{i}-fict,,"
              f"{'Northwind Solar' if i % 10 == 0 else f'Firm {i % 37}'},Analyst,07 Mar 2024"
              for i in range(rows)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def who_am_i(page) -> None:
    """Step 0: tell the workbook who I am, once."""
    page.locator(".iv-profile-prompt", has_text="Tell us who you are").wait_for(timeout=30_000)
    for key, value in (("name", ME), ("introduction", "a final-year engineering student "
                                                      "curious about renewable energy"),
                       ("email", "jordan@example.org")):
        box = page.locator(f".iv-profile-{key} input")
        box.scroll_into_view_if_needed()
        box.fill(value)
    page.locator("button.iv-save-profile").click()
    page.locator(".iv-profile-prompt", has_text=f"written as {ME}").wait_for(timeout=30_000)


def stale_tab_catches_up(step0, step1) -> None:
    """A persona loaded in step 0 while step 1 is open: step 1's next click shows the
    persona's people first (and says so) instead of acting; then back to blank."""
    step0.locator(".iv-persona select").select_option(
        label=step0.locator(".iv-persona option", has_text="maya:").inner_text())
    step0.locator("button.iv-load-persona").click()
    step0.locator(".iv-status", has_text="Loaded maya").wait_for(timeout=30_000)
    name = step1.locator(".iv-name input")
    name.fill("Ada Example")
    step1.locator("button.iv-add").click()
    step1.locator(".iv-who-you-know > .iv-status", has_text="changed in another notebook"
                  ).wait_for(timeout=30_000)
    count_is(step1, 56)  # maya's people, shown before anything was added
    expect(step1.locator(".iv-people")).to_contain_text("Hana Sato", timeout=30_000)
    step1.wait_for_function(  # the typed name came back, nothing was added
        "() => document.querySelector('.iv-name input').value === 'Ada Example'")
    step0.locator(".iv-replace input").check()
    step0.locator("button.iv-start-blank").click()
    step0.locator(".iv-status", has_text="empty and ready").wait_for(timeout=30_000)
    step1.locator("button.iv-add").click()  # refreshed again: blank now
    count_is(step1, 0)
    name.fill("")


def list_people(page, lab, tmp_path) -> None:
    """Step 1: fast hand-typed adds, a delete with its question, an import of 300 people."""
    name, org, title = (page.locator(f".iv-{k} input") for k in ("name", "org", "title"))
    name.scroll_into_view_if_needed()
    for person, organization, job in PEOPLE:  # no waiting between one person and the next
        name.fill(person)
        org.fill(organization)
        title.fill(job)
        page.locator("button.iv-add").click()
    count_is(page, len(PEOPLE))
    page.locator(".iv-map img").first.wait_for(timeout=30_000)
    with open_workbook(lab.workbook) as wb:
        typed = {(c.name, c.organization, c.title) for c in wb.contacts()}
    assert typed == set(PEOPLE)  # not a letter lost, nothing merged into the next person

    person = page.locator(".iv-person select")
    person.scroll_into_view_if_needed()
    person.select_option(label="Cy Diaz (Acme)")
    page.locator("button.iv-delete").click()
    page.locator(".iv-delete-question", has_text="Delete Cy Diaz?").wait_for(timeout=30_000)
    page.locator("button.iv-delete-yes").dblclick()  # a second click right after the first
    page.locator(".iv-editor-status", has_text="Deleted Cy Diaz").wait_for(timeout=30_000)
    count_is(page, len(PEOPLE) - 1)
    assert page.locator("button.iv-undo").is_enabled()  # the undo is right there
    table = page.locator(".iv-people")  # it follows the status line and the new map
    expect(table).not_to_contain_text("Cy Diaz", timeout=30_000)
    expect(table).to_contain_text("Ada Example")  # only the one named was deleted

    with page.expect_file_chooser() as chooser:
        page.locator("button.iv-upload").click()
    chooser.value.set_files(linkedin_csv(tmp_path / "Connections.csv"))
    count_is(page, len(PEOPLE) - 1 + 300)
    page.locator(".iv-import-status", has_text="Import done: 300 added").wait_for(
        timeout=30_000)


def two_targets(page, lab) -> None:
    """Step 2: two targets one after the other, each from an empty form."""
    run_all(page)
    name = page.locator(".iv-t-name input")
    name.scroll_into_view_if_needed()
    name.fill("Solar energy")
    page.locator(".iv-t-keywords input").fill("solar, photovoltaic")
    page.locator(".iv-t-learn textarea").fill("How people get their first site job")
    page.locator("button.iv-add-target").click()
    page.locator(".iv-targets .iv-status", has_text="Added Solar energy").wait_for(
        timeout=30_000)
    assert name.input_value() == "" and page.locator(".iv-t-keywords input").input_value() == ""
    name.fill("Northwind Solar")
    page.locator(".iv-t-kind select").select_option("company")
    page.locator("button.iv-add-target").click()
    page.locator(".iv-targets .iv-status", has_text="Added Northwind Solar").wait_for(
        timeout=30_000)
    table = page.locator(".iv-target-table").inner_text()
    assert "Solar energy" in table and "Northwind Solar" in table
    assert "Bo Chen" in page.locator(".iv-leads").inner_text()
    with open_workbook(lab.workbook) as wb:
        second = next(t for t in wb.list(Target) if t.name == "Northwind Solar")
    assert second.keywords == [] and second.what_to_learn == ""  # nothing carried over


def write_to_bo(page, lab) -> None:
    """Step 3: an e-mail to Bo that greets Bo and is signed with my name; Sent."""
    run_all(page)
    picker = page.locator(".iv-contact-pick select")
    picker.wait_for(timeout=30_000)
    picker.select_option(label=page.locator(".iv-contact-pick option", has_text="Bo Chen"
                                            ).first.inner_text())
    draft = page.locator(".iv-draft pre")
    draft.wait_for(timeout=30_000)
    commit(page.locator(".iv-part-interest textarea"),
           "how you went from studying engineering to building solar sites")
    page.wait_for_function(
        "() => document.querySelector('.iv-draft pre').textContent.includes('solar sites')",
        timeout=30_000)
    text = draft.inner_text()
    assert re.search(r"\b(Dear|Hi|Hello) Bo\b", text), text[:200]
    assert ME in text and "[your name]" not in text and "I'm." not in text
    page.locator("button.iv-status-sent").click()
    page.locator(".iv-current-status", has_text="sent").wait_for(timeout=30_000)


def pick_questions(page, lab) -> None:
    """Step 4: tick two questions; the agenda counts them in."""
    run_all(page)
    page.locator(".iv-agenda-total").wait_for(timeout=30_000)
    boxes = page.locator(".iv-question-pick input")
    for i in range(2):
        boxes.nth(i).scroll_into_view_if_needed()
        boxes.nth(i).check()
    page.wait_for_function(  # both ticked questions are in the agenda
        """() => {
            const picks = Array.from(document.querySelectorAll('.iv-question-pick')).slice(0, 2)
                .map(p => p.textContent.replace(/[\u200b]/g, '').trim().slice(0, 30));
            const agenda = document.querySelector('.iv-agenda').textContent;
            return picks.length === 2 && picks.every(t => agenda.includes(t));
        }""", timeout=30_000)


def meet_bo(page, lab) -> None:
    """Step 5: the meeting with Bo, two days ago."""
    run_all(page)
    picker = page.locator(".iv-meeting-contact select")
    picker.wait_for(timeout=30_000)
    picker.select_option(label="Bo Chen (Northwind Solar)")  # name and organization
    page.locator(".iv-meeting-date input").fill(HELD.isoformat())
    commit(page.locator(".iv-meeting-tz input"), "Europe/London")
    commit(page.locator(".iv-meeting-time input"), "15:00")
    page.locator(".iv-meeting-when", has_text="15:00").wait_for(timeout=30_000)


def thank_bo(page, lab) -> None:
    """Step 6: debrief and a thank-you that names the specific thing, signed with my name."""
    run_all(page)
    chooser = page.locator(".iv-ft-contact select")
    chooser.wait_for(timeout=30_000)
    shown = chooser.evaluate("s => s.options[s.selectedIndex].text").replace("\xa0", " ")
    assert shown == f"Bo Chen ({HELD.isoformat()})"
    commit(page.locator(".iv-learned textarea"), "Site surveys teach the whole trade.")
    commit(page.locator(".iv-specific input"), SPECIFIC)
    page.wait_for_function(
        "t => document.querySelector('.iv-thanks-email textarea').value.includes(t)",
        arg=SPECIFIC, timeout=30_000)
    email = page.locator(".iv-thanks-email textarea").input_value()
    assert email.startswith("Subject: Thank you, Bo") and ME in email
    assert "[your name]" not in email
    page.locator("button.iv-thanks-sent").click()
    page.locator("button.iv-thanks-sent", has_text="Thank-you sent").wait_for(timeout=30_000)


def export_then_delete(page, lab) -> None:
    """Step 7: export (files offered), then delete my data."""
    run_all(page)
    page.locator("button.iv-export").click()
    files = page.locator(".iv-export-files")
    files.locator("a").first.wait_for(timeout=120_000)
    assert "plan" in files.inner_text().lower()
    page.locator(".iv-delete-confirm input").check()
    page.locator("button.iv-delete").click()
    page.locator(".iv-delete-status").filter(has_text=re.compile("[Dd]eleted")).wait_for(
        timeout=60_000)
    assert not lab.workbook.exists()


@pytest.mark.browser
@pytest.mark.timeout(600)
def shot(page, name: str) -> None:
    """A full-page screenshot in $INFOVIEW_JOURNEY_SHOTS, when set (to look at each step)."""
    folder = os.environ.get("INFOVIEW_JOURNEY_SHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=Path(folder) / f"{name}.png", full_page=True)


def test_a_first_time_users_whole_journey(browser, lab, tmp_path):
    git_snapshot(lab.root)
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    context.route("**/*", lambda route: route.continue_() if route.request.url.startswith(
        ("http://127.0.0.1", "data:", "blob:", "ws://127.0.0.1")) else route.abort())
    try:
        step0 = open_in_tab(context, lab, "00_start_here.ipynb", "step0")
        run_all(step0)
        step1 = open_in_tab(context, lab, "01_who_you_know.ipynb", "step1")
        run_all(step1)
        count_is(step1, 0)
        stale_tab_catches_up(step0, step1)  # two notebooks open at once
        who_am_i(step0)  # step 1 stays open: its list did not change, so Add just works
        shot(step0, "00_start_here")
        list_people(step1, lab, tmp_path)
        shot(step1, "01_who_you_know")
        pages = [step0, step1]
        for name, walk in (("02_what_you_want_to_know", two_targets),
                           ("03_plan_outreach", write_to_bo),
                           ("04_be_the_host", pick_questions),
                           ("05_be_a_professional", meet_bo),
                           ("06_always_be_courteous", thank_bo)):
            page = open_in_tab(context, lab, f"{name}.ipynb", name[:2])
            try:
                walk(page, lab)
            except Exception:
                page.screenshot(path=tmp_path / f"failed-{name}.png", full_page=True)
                raise
            assert error_texts(page) == [], name
            shot(page, name)
            pages.append(page)
        step7 = open_in_tab(context, lab, "07_export_and_share.ipynb", "07")
        export_then_delete(step7, lab)
        shot(step7, "07_export_and_share")
        pages.append(step7)
        assert all(error_texts(p) == [] for p in pages)

        # the next day: kernels stopped, notebooks reopened
        for page in pages:
            page.close()
        shut_down_kernels(lab)
        again = open_in_tab(context, lab, "01_who_you_know.ipynb", "nextday")
        assert "model not found" not in again.locator(".jp-Notebook").inner_text()
        run_all(again)
        count_is(again, 0)  # deleted means deleted
        shot(again, "next_day_01")
        assert error_texts(again) == []
        assert git_changed(lab.root) == []
    finally:
        context.close()
