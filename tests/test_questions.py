"""Step 4: the question bank, filtering by goal, the user's picks and the agenda arithmetic."""

from __future__ import annotations

import pytest

from infoview_lib.classroom.protocol import current_protocol
from infoview_lib.questions import (
    PHASES,
    QUESTION_CATEGORIES,
    TIARA,
    add_own,
    build_agenda,
    chosen,
    edit,
    filter_bank,
    keep_question,
    load_bank,
    move,
    parse_bank,
    pick,
    small_talk_minutes,
    unpick,
    user_goal_kinds,
    user_goal_text,
)
from infoview_lib.workbook.errors import NotFound, ValidationError
from infoview_lib.workbook.model import Contact, QuestionChoice, Target


@pytest.fixture(scope="module")
def bank():
    return load_bank()


def by_id(bank, qid):
    return next(q for q in bank if q.id == qid)


# -- the bank ---------------------------------------------------------------------------
def test_bank_path_comes_from_protocol(bank):
    assert current_protocol().question_bank.name == "questions.yaml"
    assert len(load_bank(current_protocol().question_bank)) == len(bank)


def test_bank_has_at_least_60_valid_questions(bank):
    assert len(bank) >= 60
    assert len({q.id for q in bank}) == len(bank)
    assert len({q.text.casefold() for q in bank}) == len(bank)
    for q in bank:
        assert q.category in QUESTION_CATEGORIES and q.tiara in TIARA and q.phase in PHASES
        assert q.goals and set(q.goals) <= {"industry", "company", "field"}
        assert 0 < q.minutes <= 5 and q.text.endswith("?")
    assert {q.category for q in bank} == set(QUESTION_CATEGORIES)
    assert {q.tiara for q in bank} == set(TIARA)
    assert {q.phase for q in bank} == set(PHASES)


def test_who_else_question_is_kept_in_closing(bank):
    keep = keep_question(bank)
    assert keep.phase == "closing" and keep.keep
    assert "who else" in keep.text.lower() and "you sent me" in keep.text.lower()
    assert [q.id for q in bank if q.keep] == [keep.id]


BASE = """questions:
  - {id: who, text: 'Who else?', category: resources-and-people, tiara: R, phase: closing,
     goals: [field], minutes: 1, keep: true}
"""


@pytest.mark.parametrize("extra, message", [
    ("  - {id: q1, text: Hi, category: gossip, tiara: T, phase: core, goals: [field]}",
     "question q1: category 'gossip'"),
    ("  - {id: q1, text: Hi, category: advice, tiara: X, phase: core, goals: [field]}",
     "question q1: tiara 'X'"),
    ("  - {id: q1, text: Hi, category: advice, tiara: A, phase: middle, goals: [field]}",
     "question q1: phase 'middle'"),
    ("  - {id: q1, text: Hi, category: advice, tiara: A, phase: core, goals: [jobs]}",
     "question q1: goals must be"),
    ("  - {id: q1, text: '', category: advice, tiara: A, phase: core, goals: [field]}",
     "question q1: the text is empty"),
    ("  - {id: q1, text: Hi, category: advice, tiara: A, phase: core, goals: [field], "
     "minutes: lots}", "question q1: minutes must be a number"),
    ("  - {id: who, text: Hi, category: advice, tiara: A, phase: core, goals: [field]}",
     "question who appears twice"),
    ("  - {id: Bad Id, text: Hi, category: advice, tiara: A, phase: core, goals: [field]}",
     "question Bad Id: the id"),
])
def test_bank_mistakes_name_the_question(extra, message):
    with pytest.raises(ValidationError, match=message):
        parse_bank(BASE + extra + "\n", "bank.yaml")


def test_bank_without_kept_closing_question_is_refused():
    text = BASE.replace("keep: true", "keep: false")
    with pytest.raises(ValidationError, match="keep: true"):
        parse_bank(text)


def test_bank_that_is_not_yaml_is_refused():
    with pytest.raises(ValidationError, match="not valid YAML"):
        parse_bank("questions: [unclosed", "q.yaml")


# -- filtering -------------------------------------------------------------------------
def test_filter_by_goal_kind(bank):
    company = filter_bank(bank, ["company"])
    assert company and all("company" in q.goals for q in company)
    assert by_id(bank, "cul-decisions") in company and by_id(bank, "tr-five-years") not in company
    both = filter_bank(bank, ["company", "industry"])
    assert set(company) < set(both)
    assert filter_bank(bank, []) == bank
    culture = filter_bank(bank, ["company"], category="company-culture")
    assert culture and {q.category for q in culture} == {"company-culture"}


def test_goal_kinds_from_step_2_setting_then_targets(wb):
    assert user_goal_kinds(wb) == []
    wb.add(Target(name="Northwind Solar", kind="company"))
    wb.add(Target(name="UX research", kind="field"))
    assert user_goal_kinds(wb) == ["company", "field"]
    wb.set_setting("goals", {"kinds": ["industry"], "learn": "How energy firms hire"})
    assert user_goal_kinds(wb) == ["industry"]
    wb.set_setting("goals", {"kinds": [], "learn": ""})
    assert user_goal_kinds(wb) == ["company", "field"]


def test_goal_text_from_step_2(wb):
    from infoview_lib.targets import set_goals

    assert user_goal_text(wb) == ""
    set_goals(wb, ["field"], "Whether research suits a designer")
    assert user_goal_kinds(wb) == ["field"]
    assert user_goal_text(wb) == "Whether research suits a designer"
    wb.set_setting("goals", {"kinds": ["field"], "learn": "Older shape"})
    assert user_goal_text(wb) == "Older shape"


# -- picks ------------------------------------------------------------------------------
def test_pick_unpick_and_kept_question_always_there(wb, bank):
    keep = keep_question(bank)
    assert [q.question_id for q in chosen(wb, None, bank)] == [keep.id]
    pick(wb, by_id(bank, "lk-hardest"), None)
    pick(wb, by_id(bank, "bg-path"), None)
    pick(wb, by_id(bank, "bg-path"), None)  # twice is once
    assert [q.question_id for q in chosen(wb, None, bank)] == ["bg-path", "lk-hardest", keep.id]
    unpick(wb, "lk-hardest", None, bank)
    assert [q.question_id for q in wb.list(QuestionChoice)] == ["bg-path"]
    with pytest.raises(ValidationError, match="always stays"):
        unpick(wb, keep.id, None, bank)


def test_reorder_within_phase(wb, bank):
    for qid in ("lk-hardest", "adv-mistakes", "tr-tools"):
        pick(wb, by_id(bank, qid))
    move(wb, "tr-tools", -1)
    assert [q.question_id for q in chosen(wb, None, bank)][:3] == [
        "lk-hardest", "tr-tools", "adv-mistakes"]
    move(wb, "lk-hardest", -1)  # already first: nothing changes
    move(wb, "lk-hardest", +1)
    assert [q.question_id for q in chosen(wb, None, bank)][:3] == [
        "tr-tools", "lk-hardest", "adv-mistakes"]
    with pytest.raises(NotFound):
        move(wb, "bg-path", 1)


def test_edit_and_add_own(wb, bank):
    pick(wb, by_id(bank, "lk-hardest"))
    edit(wb, "lk-hardest", text="What is the toughest part of your week?", minutes=3)
    own = add_own(wb, "How did the team handle the move to remote work?", "core", 2.5)
    assert own.question_id == "own-1"
    rows = chosen(wb, None, bank)
    assert rows[0].text == "What is the toughest part of your week?" and rows[0].minutes == 3
    assert rows[1].text.startswith("How did the team")
    keep = keep_question(bank)
    edit(wb, keep.id, text="Who else could I ask about this, and may I say you suggested it?")
    assert chosen(wb, None, bank)[-1].text.startswith("Who else could I ask")
    with pytest.raises(ValidationError, match="needs some text"):
        edit(wb, "lk-hardest", text="  ")
    with pytest.raises(ValidationError, match="between"):
        add_own(wb, "Long one?", "core", 90)
    with pytest.raises(ValidationError, match="Phase"):
        add_own(wb, "Hm?", "middle")


def test_per_contact_list_starts_as_copy_of_general(wb, bank):
    ada = wb.add(Contact(first_name="Ada"))
    pick(wb, by_id(bank, "bg-path"))
    assert [q.question_id for q in chosen(wb, ada.id, bank)][0] == "bg-path"
    assert wb.list(QuestionChoice, contact_id=ada.id) == []  # reading does not write
    pick(wb, by_id(bank, "cul-words"), ada.id)
    mine = [q.question_id for q in wb.list(QuestionChoice, contact_id=ada.id)]
    assert sorted(mine) == ["bg-path", "cul-words"]
    assert [q.question_id for q in wb.list(QuestionChoice, contact_id=None)] == ["bg-path"]


# -- agenda arithmetic ------------------------------------------------------------------
def test_small_talk_minutes_per_length():
    assert [small_talk_minutes(n) for n in (15, 20, 30)] == [2, 3, 4]


def test_agenda_phases_and_totals(bank):
    qs = [by_id(bank, "bg-path"), by_id(bank, "lk-hardest"), keep_question(bank)]
    agenda = build_agenda(qs, 15)
    assert [p.name for p in agenda.phases] == ["Small talk", "Questions", "Next steps"]
    assert [p.minutes for p in agenda.phases] == [2, 5.0, 2.5]
    assert agenda.total == 9.5 and agenda.fits and agenda.warning == ""
    assert [t for t, _ in agenda.phases[1].items] == [qs[0].text, qs[1].text]


def test_agenda_warns_when_questions_do_not_fit(bank):
    core = [q for q in bank if q.phase == "core" and q.minutes == 2][:5]
    agenda = build_agenda(core + [keep_question(bank)], 15)
    # 2 small talk + 10 questions + 1.5 who-else + 1 wrap-up = 14.5: fits
    assert agenda.total == 14.5 and agenda.fits
    one_more = core + [q for q in bank if q.phase == "core" and q.minutes == 2][5:6]
    agenda = build_agenda(one_more + [keep_question(bank)], 15)
    assert agenda.total == 16.5 and not agenda.fits and agenda.over_by == 1.5
    assert "16.5 minutes" in agenda.warning and "1.5 more than the 15" in agenda.warning
    assert "ask for 20 minutes" in agenda.warning
    assert build_agenda(one_more + [keep_question(bank)], 20).fits


def test_agenda_rejects_zero_length():
    with pytest.raises(ValidationError):
        build_agenda([], 0)


def test_own_question_duplicate_or_too_long_is_refused(wb):
    add_own(wb, "What would you read first?")
    with pytest.raises(ValidationError, match="already on your list"):
        add_own(wb, "  what would you read FIRST?  ")
    with pytest.raises(ValidationError, match="under 300"):
        add_own(wb, "x" * 301)
    row = wb.list(QuestionChoice)[-1]
    with pytest.raises(ValidationError, match="under 300"):
        edit(wb, row.question_id, text="y" * 301)
    assert wb.get(QuestionChoice, row.id).text == "What would you read first?"
