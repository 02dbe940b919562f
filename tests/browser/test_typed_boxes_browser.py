"""Typing for one person and picking another at once, in a real browser, with a kernel slow
to answer (each save waits 1 s, so the browser holds the newest keystrokes back): the text
is saved whole to the person it was typed for, and the next person's record and form are
untouched (ui/typed_boxes.py). Step 1's details editor, step 3's message parts and step 5's
meeting and step 6's debrief; and in step 3, typing for a person another notebook deleted meanwhile is saved to nobody."""

from __future__ import annotations

import json
import time

import pytest
from jlab import arm_busy_watch, error_texts, open_notebook, run_all, wait_busy_then_idle, wait_idle
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from playwright.sync_api import expect

from infoview_lib.meetings.picking import meeting_label
from infoview_lib.meetings.schedule import meeting_for, save_meeting
from infoview_lib.outreach import parts_for
from infoview_lib.workbook.model import Contact, Meeting
from infoview_lib.workbook.store import open_workbook

SLOW_SAVES = """\
import time as _time
import infoview_lib.ui.followthrough as _followthrough
import infoview_lib.ui.meeting as _meeting
import infoview_lib.ui.outreach as _outreach
import infoview_lib.ui.person_details as _details

def _slowly(save):
    def slow(*args, **kwargs):
        _time.sleep(1.0)  # a busy kernel: the browser holds the next keystrokes back
        return save(*args, **kwargs)
    return slow

_details.write_details = _slowly(_details.write_details)
_meeting.save_meeting = _slowly(_meeting.save_meeting)
_followthrough.save_debrief = _slowly(_followthrough.save_debrief)
_outreach.save_parts = _slowly(_outreach.save_parts)
_outreach.OutreachPanel.reload = _slowly(_outreach.OutreachPanel.reload)
"""


def slow_kernel(lab, notebook: str) -> None:
    """Put a first cell into the served copy of the notebook that makes every save slow."""
    path = lab.root / "notebooks" / notebook
    nb = json.loads(path.read_text())
    nb["cells"].insert(0, {"cell_type": "code", "execution_count": None, "id": "iv-slow",
                           "metadata": {}, "outputs": [], "source": SLOW_SAVES})
    path.write_text(json.dumps(nb))


def wait_until(check, timeout: float = 30) -> None:
    """Wait (polling) until check() is true; fail after timeout seconds."""
    deadline = time.monotonic() + timeout
    while not check():
        if time.monotonic() > deadline:
            raise AssertionError(f"still not true after {timeout} s: {check.__doc__}")
        time.sleep(0.1)


def person_in(label: str, people: list[Contact]) -> Contact:
    """The person a picker line names (the longest name found in it)."""
    label = label.replace("\xa0", " ")
    return max((c for c in people if c.name and c.name in label), key=lambda c: len(c.name))


def two_people(lab, picker) -> tuple[Contact, Contact, int]:
    """The people behind the picker's first two lines, and the index of the second."""
    labels = picker.locator("option").all_inner_texts()
    with open_workbook(lab.workbook) as wb:
        people = wb.contacts()
    return person_in(labels[0], people), person_in(labels[1], people), 1


def contact(lab, contact_id: int) -> Contact:
    with open_workbook(lab.workbook) as wb:
        return wb.get(Contact, contact_id)


def open_slowly(page, lab, notebook: str, picker_css: str, index: int = 0):
    """Maya's workbook in the notebook, run with a kernel slow to save, the person at index
    picked. Returns the person picker."""
    lab.load_persona("maya")
    slow_kernel(lab, notebook)
    open_notebook(page, lab, notebook)
    run_all(page)
    picker = page.locator(picker_css)
    try:
        picker.wait_for(timeout=90_000)  # a slow machine can take a while to build step 1
    except PlaywrightTimeout:
        raise AssertionError(f"no {picker_css} after Run All; errors shown: "
                             f"{error_texts(page)}") from None
    picker.select_option(index=index)
    wait_idle(page)
    return picker


@pytest.mark.browser
def test_details_typed_for_one_person_stay_with_them_when_another_is_picked(page, lab):
    picker = open_slowly(page, lab, "01_who_you_know.ipynb", ".iv-person select")
    a, b, b_index = two_people(lab, picker)
    b_notes = contact(lab, b.id).notes
    notes = page.locator(".iv-notes textarea")
    notes.scroll_into_view_if_needed()
    expect(notes).to_have_value(a.notes)
    first, more = "Met at the career fair", " and talked about solar storage for an hour"
    notes.click()
    notes.press("Control+a")
    notes.type(first)
    notes.press("Tab")  # leaving the box saves it (slowly)
    notes.click()
    notes.press("Control+End")
    notes.type(more)
    picker.focus()  # as a click on the picker does: the notes box is left (its save held back)
    picker.select_option(index=b_index)  # and B is picked at once

    def settled():
        """A's notes are saved whole, or B's notes changed"""
        return (contact(lab, a.id).notes == first + more
                or contact(lab, b.id).notes != b_notes)
    wait_until(settled)
    wait_idle(page)
    assert contact(lab, a.id).notes == first + more
    assert contact(lab, b.id).notes == b_notes
    expect(notes).to_have_value(b_notes)
    assert contact(lab, a.id).notes == first + more  # nothing arrived late
    assert contact(lab, b.id).notes == b_notes
    assert error_texts(page) == []


@pytest.mark.browser
def test_message_parts_typed_for_one_person_stay_with_them_when_another_is_picked(page, lab):
    picker = open_slowly(page, lab, "03_plan_outreach.ipynb", ".iv-contact-pick select")
    a, b, b_index = two_people(lab, picker)

    def topic(person: Contact) -> str:
        with open_workbook(lab.workbook) as wb:
            return parts_for(wb, wb.get(Contact, person.id)).topic
    b_topic = topic(b)
    box = page.locator(".iv-part-topic input")
    box.scroll_into_view_if_needed()
    typed = "grid-scale battery storage and how a first site job looks"
    box.click()
    box.press("Control+a")
    box.type(typed)  # every key is sent: the first is saved slowly, the rest held back
    picker.focus()
    picker.select_option(index=b_index)  # B is picked at once

    def settled():
        """A's topic is saved whole, or B's topic changed"""
        return topic(a) == typed or topic(b) != b_topic
    wait_until(settled)
    wait_idle(page)
    assert topic(a) == typed
    assert topic(b) == b_topic
    expect(box).to_have_value(b_topic)
    assert (topic(a), topic(b)) == (typed, b_topic)  # nothing arrived late
    assert error_texts(page) == []


@pytest.mark.browser
def test_typing_for_a_person_deleted_elsewhere_is_not_saved_to_the_next_one(page, lab):
    picker = open_slowly(page, lab, "03_plan_outreach.ipynb", ".iv-contact-pick select")
    a, _, _ = two_people(lab, picker)
    with open_workbook(lab.workbook) as wb:
        wb.delete_contact(a.id)  # as Delete in step 1, in another notebook
        before = {c.id: parts_for(wb, c).topic for c in wb.contacts()}
    box = page.locator(".iv-part-topic input")
    box.scroll_into_view_if_needed()
    typed = "grid-scale battery storage and how a first site job looks"
    box.click()
    box.press("Control+a")
    box.type(typed)  # the first key finds the workbook changed: the panel shows someone else
    page.locator(".iv-outreach .iv-status").filter(
        has_text="changed in another notebook").wait_for(timeout=30_000)
    wait_idle(page)
    arm_busy_watch(page)  # one more round trip: whatever was typed has reached the kernel
    page.locator(".iv-channel label", has_text="Phone").click()
    wait_busy_then_idle(page)
    with open_workbook(lab.workbook) as wb:
        after = {c.id: parts_for(wb, c).topic for c in wb.contacts()}
        shown = person_in(picker.locator("option:checked").inner_text(), wb.contacts())
    assert after == before  # A's text went to nobody else
    assert shown.id != a.id
    expect(box).to_have_value(before[shown.id])
    assert error_texts(page) == []


@pytest.mark.browser
def test_typing_held_while_the_list_is_refilled_for_the_same_person_is_kept(page, lab):
    # not the first person: refilling the list passes by the first
    picker = open_slowly(page, lab, "01_who_you_know.ipynb", ".iv-person select", index=2)
    with open_workbook(lab.workbook) as wb:
        person = person_in(picker.locator("option:checked").inner_text(), wb.contacts())
    org = page.locator(".iv-detail-org input")
    org.scroll_into_view_if_needed()
    first, more = "Northwind", " Solar Cooperative"
    org.click()
    org.press("Control+a")
    org.type(first)
    org.press("Tab")  # saved slowly; the save refills the list (the line shows the new name)
    org.click()
    org.press("End")
    org.type(more)
    org.press("Tab")  # held back until the first save is answered, then sent
    def saved_whole():
        """the whole organisation is saved"""
        return contact(lab, person.id).organization == first + more
    wait_until(saved_whole)
    wait_idle(page)
    expect(picker.locator("option:checked")).to_contain_text(first + more)
    assert error_texts(page) == []


@pytest.mark.browser
def test_meeting_place_typed_for_one_person_stays_with_them_when_another_is_picked(page, lab):
    lab.load_persona("maya")
    with open_workbook(lab.workbook) as wb:
        arjun = wb.find_contact("Arjun Mehta")
        save_meeting(wb, arjun.id, "2031-03-04", "15:00", "Europe/London", "Old place")
    slow_kernel(lab, "05_be_a_professional.ipynb")
    open_notebook(page, lab, "05_be_a_professional.ipynb")
    run_all(page)
    picker = page.locator(".iv-meeting-contact select")
    picker.wait_for(timeout=30_000)
    labels = picker.locator("option").all_inner_texts()
    with open_workbook(lab.workbook) as wb:
        people = wb.contacts()
    named = [person_in(label, people) for label in labels]
    a = next(i for i, c in enumerate(named) if c.id == arjun.id)
    b = named[(a + 1) % len(named)]
    picker.select_option(index=a)
    wait_idle(page)
    place = page.locator(".iv-meeting-place input")
    place.scroll_into_view_if_needed()
    expect(place).to_have_value("Old place")
    with open_workbook(lab.workbook) as wb:
        b_meeting = meeting_for(wb, b.id)
    first, more = "Open Access Lab", ", room 204, second floor"
    place.click()
    place.press("Control+a")
    place.type(first)
    place.press("Tab")  # leaving the box saves the meeting (slowly)
    place.click()
    place.press("End")
    place.type(more)
    picker.focus()  # the place box is left: its save is held back
    picker.select_option(index=(a + 1) % len(named))  # and the next person is picked at once

    def settled():
        """Arjun's place is saved whole"""
        with open_workbook(lab.workbook) as wb:
            return meeting_for(wb, arjun.id).place == first + more
    wait_until(settled)
    wait_idle(page)
    expect(place).to_have_value(b_meeting.place if b_meeting else "")
    with open_workbook(lab.workbook) as wb:
        assert meeting_for(wb, arjun.id).place == first + more
        assert meeting_for(wb, b.id) == b_meeting
    assert error_texts(page) == []


@pytest.mark.browser
def test_debrief_typed_for_one_meeting_stays_with_it_when_another_is_picked(page, lab):
    lab.load_persona("maya")
    with open_workbook(lab.workbook) as wb:
        arjun, other = wb.find_contact("Arjun Mehta"), wb.contacts()[0]
        for person, day in ((arjun, "2026-11-20"), (other, "2026-11-23")):
            save_meeting(wb, person.id, day, "15:00", "Europe/London", "Cafe")
        first_meeting, next_meeting = meeting_for(wb, arjun.id), meeting_for(wb, other.id)
        first_line, next_line = (meeting_label(wb, m) for m in (first_meeting, next_meeting))
    slow_kernel(lab, "06_always_be_courteous.ipynb")
    open_notebook(page, lab, "06_always_be_courteous.ipynb")
    run_all(page)
    picker = page.locator(".iv-ft-contact select")
    picker.wait_for(timeout=30_000)
    picker.select_option(label=first_line)
    wait_idle(page)
    learned = page.locator(".iv-learned textarea")
    learned.scroll_into_view_if_needed()
    first, more = "Site surveys are the best first job", " in solar, and they hire in spring"
    learned.click()
    learned.type(first)
    learned.press("Tab")  # leaving the box saves the debrief (slowly)
    learned.click()
    learned.press("Control+End")
    learned.type(more)
    picker.focus()  # the box is left: its save is held back
    picker.select_option(label=next_line)  # and the next meeting is picked at once

    def debrief(meeting) -> dict:
        with open_workbook(lab.workbook) as wb:
            return wb.get(Meeting, meeting.id).debrief

    def settled():
        """Arjun's debrief is saved whole"""
        return debrief(first_meeting).get("learned") == first + more
    wait_until(settled)
    wait_idle(page)
    expect(learned).to_have_value("")
    assert debrief(first_meeting)["learned"] == first + more
    assert debrief(next_meeting) == next_meeting.debrief  # the other meeting is untouched
    assert error_texts(page) == []
