"""Wording a first-time user saw on a walk (W2): big counts with a thousands separator,
"this 1 person", and checker quotes cut at a word, not in the middle of one."""

from __future__ import annotations

import ipywidgets as w

from infoview_lib.capture import BulkChange
from infoview_lib.outreach.checker import check_message, quote
from infoview_lib.steps import STEPS, _measure
from infoview_lib.ui.bulk_edit import BulkEditor


def test_a_bulk_change_of_thousands_reads_with_a_separator():
    change = BulkChange(selected=2500, add_category="friend",
                        before={i: ([], "", "") for i in range(2000)})
    assert change.message.startswith("Changed 2,000 people: part of life 'friend' "
                                     "(500 already had it).")
    nothing = BulkChange(selected=2000, tie_strength="often")
    assert "all 2,000 chosen people already had" in nothing.message


def test_the_bulk_button_says_this_for_one_person_and_these_for_more():
    editor = BulkEditor(None, ["friend"], w.Text(), changed=lambda: None)
    editor.show_count(1, 5)
    assert editor.apply_button.description == "Set for this 1 person"
    editor.show_count(2010, 2010)
    assert editor.apply_button.description == "Set for these 2,010 people"


def test_step_progress_writes_big_counts_with_a_separator():
    people = next(s for s in STEPS if s.count == "people")
    detail = _measure(people, 2010, 1000, 2000).detail
    assert detail == "2,010 people listed (aim for 1,000, stretch to 2,000)"


def test_the_checker_quotes_the_opening_up_to_a_whole_word():
    opening = ("Greetings from a long way away across the water and the mountains beyond it, "
               "I hope this finds you well.")
    results = check_message(opening + " Would you have 20 minutes for a call?")
    detail = next(r.detail for r in results if r.rule == "connection_first")
    shown = detail.split("\u201c", 1)[1].rsplit("\u201d", 1)[0]
    assert shown.endswith("\u2026") and opening.startswith(shown[:-1])
    assert opening[len(shown) - 1] == " "  # the cut falls between two words
    assert quote("Short one.") == "Short one."
