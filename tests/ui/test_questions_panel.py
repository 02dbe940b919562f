"""The step 4 panel without a browser: tick, reorder, edit, add, and watch the agenda."""

from __future__ import annotations

from infoview_lib.questions import keep_question, load_bank
from infoview_lib.ui.questions import QuestionsPanel
from infoview_lib.workbook.model import Contact, QuestionChoice, Target


def core_two_minute_ids(panel, n):
    return [q.id for q in panel.bank if q.phase == "core" and q.minutes == 2
            and q.id in panel._checks][:n]


def test_panel_starts_with_kept_question_ticked_and_disabled(wb):
    panel = QuestionsPanel(wb)
    keep = keep_question(load_bank())
    box = panel._checks[keep.id]
    assert box.value and box.disabled
    assert "iv-question-pick" in box._dom_classes and f"iv-q-{keep.id}" in box._dom_classes
    assert "iv-agenda" in panel.agenda._dom_classes and panel.warning.value == ""
    assert "iv-length" in panel.length._dom_classes and panel.length.value == 20


def test_ticking_saves_and_warning_appears_when_over_15_minutes(wb):
    panel = QuestionsPanel(wb)
    panel.length.value = 15
    ids = core_two_minute_ids(panel, 6)
    for qid in ids[:5]:
        panel._checks[qid].value = True
    assert len(wb.list(QuestionChoice)) == 5
    assert panel.warning.value == "" and "14.5 of 15 min" in panel.agenda.value
    panel._checks[ids[5]].value = True
    assert "Too long" in panel.warning.value and "16.5 minutes" in panel.warning.value
    panel.length.value = 20
    assert panel.warning.value == ""
    assert wb.setting("agenda_length") == {"general": 20}
    panel._checks[ids[0]].value = False
    assert len(wb.list(QuestionChoice)) == 5


def test_goal_filter_uses_step_2_goals(wb):
    wb.set_setting("goals", {"kinds": ["company"], "learn": ""})
    panel = QuestionsPanel(wb)
    shown = set(panel._checks)
    bank = {q.id: q for q in load_bank()}
    assert shown and all("company" in bank[i].goals for i in shown)
    assert "tr-five-years" not in shown
    panel.goal.value = "all"
    assert "tr-five-years" in panel._checks
    panel.category.value = "advice"
    assert {bank[i].category for i in panel._checks} == {"advice"}


def test_reorder_edit_remove_and_add_own(wb):
    panel = QuestionsPanel(wb)
    a, b = core_two_minute_ids(panel, 2)
    panel._checks[a].value = True
    panel._checks[b].value = True
    row_b = panel.picked_box.children[1]
    row_b.children[4].click()  # up (phase, text, minutes, "min", up, down, remove)
    assert [r.question_id for r in wb.list(QuestionChoice)
            if r.position == 0] == [b]
    text_box = panel.picked_box.children[0].children[1]
    text_box.value = "My own wording?"
    assert any(r.text == "My own wording?" for r in wb.list(QuestionChoice))
    panel.own_text.value = "What would you read first?"
    panel.add_button.click()
    assert "on the list" in panel.status.text and panel.own_text.value == ""
    assert any(r.question_id == "own-1" for r in wb.list(QuestionChoice))
    panel.own_text.value = ""
    panel.add_button.click()
    assert "needs some text" in panel.status.text
    remove = panel.picked_box.children[0].children[-1]
    remove.click()
    assert len(wb.list(QuestionChoice)) == 2


def test_per_contact_list_and_rebuild_from_workbook(wb):
    ada = wb.add(Contact(first_name="Ada"))
    wb.add(Target(name="UX", kind="field"))
    panel = QuestionsPanel(wb)
    panel.contact.value = ada.id
    qid = core_two_minute_ids(panel, 1)[0]
    panel._checks[qid].value = True
    assert [r.question_id for r in wb.list(QuestionChoice, contact_id=ada.id)] == [qid]
    again = QuestionsPanel(wb, contact_id=ada.id)
    assert again._checks[qid].value
    assert not QuestionsPanel(wb)._checks[qid].value


def test_hint_until_questions_are_picked_and_own_question_checks(wb):
    panel = QuestionsPanel(wb)
    hint = panel.picked_box.children[0]
    assert "iv-picked-hint" in hint._dom_classes and "Tick questions" in hint.value
    a, = core_two_minute_ids(panel, 1)
    panel._checks[a].value = True
    assert all("iv-picked-hint" not in c._dom_classes for c in panel.picked_box.children)
    panel.own_text.value = "<script>alert(1)</script> 😀"
    panel.add_button.click()
    assert any(r.text == "<script>alert(1)</script> 😀" for r in wb.list(QuestionChoice))
    panel.own_text.value = "<SCRIPT>alert(1)</script> 😀"
    panel.add_button.click()
    assert "already on your list" in panel.status.text
    assert panel.own_text.value.startswith("<SCRIPT>")  # kept, so it can be reworded
    panel.own_text.value = "Why? " * 100
    panel.add_button.click()
    assert "keep it under 300" in panel.status.text and len(wb.list(QuestionChoice)) == 2


def test_bank_tags_use_tiara_letters_and_step_2_hint(wb):
    panel = QuestionsPanel(wb)
    assert "step 2" in panel.goal.label
    panel.goal.value = "all"
    tags = {row.children[0]._dom_classes[-1]: row.children[1].value
            for row in panel.bank_box.children}
    assert ">A (Assignments) ·" in tags["iv-q-asg-try-it"]
    assert ">A (Advice) ·" in tags["iv-q-adv-wish-knew"]
    assert not any("A2" in t for t in tags.values())


def test_people_with_a_meeting_come_first_in_for(wb):
    from infoview_lib.meetings.schedule import save_meeting

    wb.add(Contact(first_name="Aaron"))
    zoe = wb.add(Contact(first_name="Zoe", organization="Acme"))
    save_meeting(wb, zoe.id, "2025-07-14", "10:00", "UTC")
    labels = [label for label, _ in QuestionsPanel(wb).contact.options]
    assert labels[:3] == ["Everyone (my general list)", "Zoe (Acme)", "Aaron"]  # namesakes apart
