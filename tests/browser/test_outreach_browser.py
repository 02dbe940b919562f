"""Step 3 in a real browser: compose a message for a persona contact and watch the checker's
verdict change as the text changes."""

from __future__ import annotations

import pytest
from jlab import error_texts, open_notebook, run_all

from infoview_lib.outreach.tracker import outreach_for
from infoview_lib.workbook.store import open_workbook


@pytest.mark.browser
def test_checker_verdict_follows_the_text(page, lab):
    lab.load_persona("maya")
    open_notebook(page, lab, "03_plan_outreach.ipynb")
    run_all(page)
    picker = page.locator(".iv-contact-pick select")
    picker.wait_for(timeout=30_000)
    label = page.locator(".iv-contact-pick option", has_text="Hana Sato").inner_text()
    picker.select_option(label=label)
    draft = page.locator(".iv-draft")
    draft.locator("pre", has_text="Dolores Ibáñez suggested").wait_for(timeout=15_000)
    checker = page.locator(".iv-checker")
    checker.locator(".iv-verdict.iv-pass").wait_for(timeout=15_000)
    assert "All 8 checks pass." in checker.inner_text()

    fallback = page.locator(".iv-part-fallback input")
    fallback.scroll_into_view_if_needed()
    fallback.fill("")
    checker.locator(".iv-rule-fallback.iv-fail").wait_for(timeout=15_000)
    assert "1 of 8 checks fail: Fallback offered." in checker.inner_text()

    ask = page.locator(".iv-part-ask input")
    ask.fill("I would like to discuss job openings with you.")
    checker.locator(".iv-rule-ask_is_question.iv-fail").wait_for(timeout=15_000)
    checker.locator(".iv-rule-no_job_words.iv-fail").wait_for(timeout=15_000)

    ask.fill("Would you have 20 minutes for a call next week?")
    fallback.fill("If you're too busy, who else could I talk to?")
    checker.locator(".iv-verdict.iv-pass").wait_for(timeout=15_000)
    assert "Would you have 20 minutes for a call next week?" in draft.inner_text()

    with open_workbook(lab.workbook) as wb:
        hana = wb.find_contact("Hana Sato")
        parts = outreach_for(wb, hana.id, create=False).parts
    assert parts["ask"] == "Would you have 20 minutes for a call next week?"
    assert parts["fallback"] == "If you're too busy, who else could I talk to?"
    assert error_texts(page) == []


_CUT_LABELS = """() => Array.from(document.querySelectorAll(
    '.iv-outreach .widget-label, .iv-outreach button')).filter(
    el => el.offsetParent !== null && el.scrollWidth > el.clientWidth + 1).map(
    el => el.textContent.trim())"""


@pytest.mark.browser
def test_labels_fit_and_a_blank_workbook_says_what_to_do(page, lab):
    open_notebook(page, lab, "03_plan_outreach.ipynb")
    run_all(page)
    note = page.locator(".iv-outreach-empty")
    note.wait_for(timeout=30_000)
    assert "step 1" in note.inner_text()
    assert page.locator(".iv-part-connection input").is_disabled()
    assert page.locator("button.iv-status-sent").is_disabled()
    label = page.locator(".iv-part-connection .widget-label")
    assert label.inner_text() == "How you know them"
    assert page.evaluate(_CUT_LABELS) == []   # no label or button ends in "..."
    assert error_texts(page) == []
