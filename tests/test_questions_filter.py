"""Step 4's goal filter as a library rule (questions.kinds_for_filter), without widgets."""

from __future__ import annotations

from infoview_lib.questions import filter_bank, kinds_for_filter, load_bank
from infoview_lib.targets import set_goals


def test_mine_means_your_goals_all_means_no_kinds_else_that_kind(wb):
    assert kinds_for_filter(wb, "mine") == []          # no goals yet: every question
    set_goals(wb, ["industry"])
    assert kinds_for_filter(wb, "mine") == ["industry"]
    assert kinds_for_filter(wb, "all") == []
    assert kinds_for_filter(wb, "company") == ["company"]


def test_the_filter_narrows_the_bank(wb):
    bank = load_bank()
    set_goals(wb, ["company"])
    mine = filter_bank(bank, kinds_for_filter(wb, "mine"))
    assert mine and all("company" in q.goals for q in mine)
    assert len(filter_bank(bank, kinds_for_filter(wb, "all"))) == len(bank)
