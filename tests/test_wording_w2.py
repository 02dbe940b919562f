"""Wording a first-time user saw on a walk (W2): big counts with a thousands separator,
"this 1 person", and checker quotes cut at a word, not in the middle of one."""

from __future__ import annotations

from pathlib import Path

import ipywidgets as w

from infoview_lib.capture import BulkChange
from infoview_lib.importers import import_files
from infoview_lib.importers.summary import ImportSummary
from infoview_lib.outreach.checker import check_message
from infoview_lib.steps import STEPS, _measure
from infoview_lib.text import shorten as quote
from infoview_lib.ui.bulk_edit import BulkEditor
from infoview_lib.ui.duplicates import summary_extra_html
from infoview_lib.ui.who_you_know_html import summary_html
from infoview_lib.workbook.model import Contact


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


FIX = Path(__file__).parent / "fixtures" / "contacts"


def test_importing_the_same_file_again_says_nothing_new_not_merged(wb):
    import_files(wb, [FIX / "linkedin_current.csv"])
    again = import_files(wb, [FIX / "linkedin_current.csv"])
    assert (again.merged, again.updated) == (10, 0)
    assert again.text().splitlines()[0] == ("Added 0 new people; 10 already on your list "
                                            "(nothing new about them).")
    assert "merged" not in summary_html(again)
    assert "<b>10 already listed</b> (nothing new about them)" in summary_html(again)


def test_a_re_import_that_fills_a_detail_still_says_merged(wb):
    import_files(wb, [FIX / "linkedin_current.csv"])
    someone = next(c for c in wb.contacts() if c.emails)
    wb.update(Contact, someone.id, emails=[])  # the file has an e-mail for them
    again = import_files(wb, [FIX / "linkedin_current.csv"])
    assert (again.merged, again.updated) == (10, 1)
    assert "merged 10 into people already on your list" in again.text()
    assert "9 of them had nothing new" in again.text()
    assert "<b>merged 10</b>" in summary_html(again)


def test_columns_not_imported_name_each_file_once():
    summary = ImportSummary(unmapped=[("outlook.csv", "Abteilung"), ("outlook.csv", "Büro"),
                                      ("outlook.csv", "Priorität")])
    assert summary.text().count("outlook.csv") == 1
    assert "Columns not imported from outlook.csv" in summary.text()
    extra = summary_extra_html(summary)
    assert extra.count("outlook.csv") == 1 and "Abteilung, Büro, Priorität" in extra


def test_an_import_of_thousands_reads_with_separators():
    from infoview_lib.importers.base import Problem
    skipped = [Problem("big.csv", i, "no name") for i in range(1500)]
    text = summary_html(ImportSummary(added=2000, skipped=skipped))
    assert "<b>Added 2,000</b> new people" in text and "Skipped 1,500;" in text
    assert "<summary>Skipped (1,500)</summary>" in text and "… and 1,480 more" in text
