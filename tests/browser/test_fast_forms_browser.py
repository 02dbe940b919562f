"""Typing and clicking at once, in a real browser: the profile's "Save who I am" (step 0),
step 2's "Add as new target", step 5's "Save meeting" and step 6's "Add referral" save exactly
what was typed, round after round (the text travels with the click: ui/form_button.py), and
each new target or referral starts from an empty form."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
from jlab import error_texts, open_notebook, run_all
from playwright.sync_api import expect

from infoview_lib.meetings.schedule import meeting_for, save_meeting
from infoview_lib.workbook.model import Contact, Target
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


@pytest.mark.browser
def test_meeting_saves_exactly_the_date_time_zone_place_and_link_typed(page, lab):
    lab.load_persona("maya")
    open_notebook(page, lab, "05_be_a_professional.ipynb")
    run_all(page)
    picker = page.locator(".iv-meeting-contact select")
    picker.wait_for(timeout=30_000)
    picker.select_option(label="Arjun Mehta")
    boxes = {key: page.locator(f".iv-meeting-{key} input")
             for key in ("time", "tz", "place", "video")}
    status = page.locator(".iv-meeting .iv-status")
    plan = page.locator(".iv-plan")
    first = date.today() + timedelta(days=7)
    for i in range(ROUNDS):
        day = first + timedelta(days=i)
        typed = {"time": f"{8 + i:02d}:{10 + i:02d}",
                 "tz": "Europe/London" if i % 2 else "America/New_York",
                 "place": f"Open Access Lab, room {i}0{i}, second floor",
                 "video": f"https://meet.example.org/arjun-{i}"}
        page.locator(".iv-meeting-date input").fill(day.isoformat())
        for key, box in boxes.items():
            type_over(box, typed[key])
        page.locator("button.iv-save-meeting").click()  # at once, after the last key
        status.filter(has_text=f"Saved: {day:%a %d %b %Y}, {typed['time']}-").wait_for(
            timeout=30_000)  # (leaving a box saves too: this may be that save)
        plan.filter(has_text=typed["video"]).filter(has_text=typed["place"]).wait_for(
            timeout=30_000)  # the click's save: the plan shows the link typed last
        with open_workbook(lab.workbook) as wb:
            m = meeting_for(wb, wb.find_contact("Arjun Mehta").id)
            saved = (m.starts_at, m.timezone, m.place, m.video_link)
        assert saved == (f"{day.isoformat()}T{typed['time']}", typed["tz"], typed["place"],
                         typed["video"]), f"round {i}"
    assert error_texts(page) == []


@pytest.mark.browser
def test_referrals_added_one_after_another_keep_every_letter(page, lab):
    lab.load_persona("maya")
    held = date.today() - timedelta(days=2)
    with open_workbook(lab.workbook) as wb:
        arjun = wb.find_contact("Arjun Mehta")
        save_meeting(wb, arjun.id, held, "15:00", "Europe/London")
    open_notebook(page, lab, "06_always_be_courteous.ipynb")
    run_all(page)
    chooser = page.locator(".iv-ft-contact select")
    chooser.wait_for(timeout=30_000)
    chooser.select_option(label=f"Arjun Mehta ({held.isoformat()})")
    boxes = {key: page.locator(f".iv-referral-{key} input") for key in ("name", "org", "email")}
    boxes["name"].scroll_into_view_if_needed()
    status = page.locator(".iv-followthrough .iv-status")
    expected = {}
    for i in range(ROUNDS):
        for box in boxes.values():
            expect(box).to_have_value("")  # each referral starts from an empty form
        typed = {"name": f"Noor Haddad-{i}-Salem", "org": f"Open Access Lab {i} Trust",
                 "email": f"noor.{i}@example.org"}
        for key, box in boxes.items():
            box.click()
            box.type(typed[key])  # typed into the empty box: text left behind would merge in
        page.locator("button.iv-add-referral").click()  # at once, after the last key
        status.filter(has_text=re.compile(rf"Noor Haddad-{i}-Salem is on your list")).wait_for(
            timeout=30_000)
        expected[typed["name"]] = (typed["org"], [typed["email"]])
    with open_workbook(lab.workbook) as wb:
        saved = {c.name: (c.organization, c.emails) for c in wb.list(Contact)
                 if c.introduced_by == arjun.id and c.name.startswith("Noor Haddad-")}
    assert saved == expected
    assert error_texts(page) == []
