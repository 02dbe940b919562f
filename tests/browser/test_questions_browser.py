"""Step 4 in a real browser: tick questions and see the agenda warning appear once they no
longer fit into 15 minutes."""

from __future__ import annotations

import pytest
from jlab import error_texts, open_notebook, run_all

from infoview_lib.workbook.model import QuestionChoice
from infoview_lib.workbook.store import open_workbook

# Six core questions of two minutes each that suit a career-field goal (Maya explores fields).
TWO_MINUTE = ["bg-study", "bg-turning-point", "bg-redo", "bg-skills-used", "bg-learned-on-job",
              "lk-hardest"]


@pytest.mark.browser
def test_agenda_warning_appears_when_questions_exceed_15_minutes(page, lab):
    lab.load_persona("maya")
    open_notebook(page, lab, "04_be_the_host.ipynb")
    run_all(page)
    agenda = page.locator(".iv-agenda")
    agenda.wait_for(timeout=30_000)
    page.locator(".iv-length label", has_text="15 min").click()  # a radio button
    page.wait_for_function(
        "() => document.querySelector('.iv-agenda-total').textContent.includes('of 15 min')")
    warning = page.locator(".iv-agenda-warning")

    # 2 small talk + 5 x 2 + 1.5 (who else?) + 1 wrap-up = 14.5 minutes: fits.
    for qid in TWO_MINUTE[:5]:
        box = page.locator(f".iv-q-{qid} input")
        box.scroll_into_view_if_needed()
        box.check()
    page.wait_for_function(
        "() => document.querySelector('.iv-agenda-total').textContent.includes('14.5 of 15')")
    assert warning.inner_text().strip() == ""

    # One more two-minute question: 16.5 minutes, the warning appears.
    page.locator(f".iv-q-{TWO_MINUTE[5]} input").check()
    warning.locator("b", has_text="Too long").wait_for(timeout=15_000)
    assert "16.5 minutes" in warning.inner_text()
    assert "ask for 20 minutes" in warning.inner_text()

    with open_workbook(lab.workbook) as wb:
        assert sorted(r.question_id for r in wb.list(QuestionChoice)) == sorted(TWO_MINUTE)
    assert error_texts(page) == []
