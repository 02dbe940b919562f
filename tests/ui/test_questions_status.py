"""Step 4's status line says which question a tick added or took off (it shows under the
agenda, far from the ticked box, so a bare "Added." told the user nothing)."""

from __future__ import annotations

from infoview_lib.ui.questions import QuestionsPanel


def test_the_status_names_the_question_ticked_and_unticked(wb):
    panel = QuestionsPanel(wb)
    qid = next(q for q in panel.bank if q.phase == "core" and q.id in panel._checks).id
    text = next(q.text for q in panel.bank if q.id == qid)
    panel._checks[qid].value = True
    assert "Added to your questions" in panel.status.text and text in panel.status.text
    panel._checks[qid].value = False
    assert "Taken off your questions" in panel.status.text and text in panel.status.text
