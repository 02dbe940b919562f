"""Step 4 panel: filter the question bank by goal, pick, reorder, edit, add your own, and
watch the time-boxed agenda (with a warning when the questions no longer fit).

Every change is written to the workbook at once; the panel is rebuilt from the workbook.
CSS hooks: .iv-question-pick (+ .iv-q-<id>) on each checkbox, .iv-agenda,
.iv-agenda-warning, .iv-length, .iv-goal-filter, .iv-add-question.
"""

from __future__ import annotations

import ipywidgets as w

from ..questions import (
    add_own,
    agenda_length,
    build_agenda,
    chosen,
    edit,
    filter_bank,
    keep_question,
    kinds_for_filter,
    length_options,
    load_bank,
    move,
    pick,
    set_agenda_length,
    unpick,
)
from ..workbook.store import Workbook
from .common import (
    Panel,
    StatusLine,
    button,
    hooked,
    named,
    reports_errors,
    stops_when_deleted,
    title,
)
from .questions_html import (
    PICK_HINT,
    TIARA_NOTE,
    agenda_html,
    phase_html,
    tag_html,
    too_long_html,
)
from .questions_parts import GENERAL, QuestionsWidgets
from .typed_boxes import TypedBoxes


def _small(b: w.Button, tip: str) -> w.Button:
    b.tooltip = tip
    b.layout = w.Layout(width="2.6em")
    return b


class QuestionsPanel(QuestionsWidgets, Panel):
    """Pick the questions for your conversations (general list, or one contact's)."""

    def __init__(self, wb: Workbook, contact_id: int | None = None):
        self.wb = wb
        self.bank = load_bank()
        self.keep = keep_question(self.bank)
        self.status = StatusLine()
        self._syncing = False
        self._build_filters(contact_id)
        self._build_lists()
        self._build_own()
        self.add_button.on_click(self.add_own)
        self.contact.observe(self._on_contact, names="value")
        self.goal.observe(self._on_filter, names="value")
        self.category.observe(self._on_filter, names="value")
        self.length.observe(self._on_length, names="value")
        self._checks: dict[str, w.Checkbox] = {}
        self.typed = TypedBoxes(self.contact)  # ticks and wording typed for the person shown
        self._build_bank()
        self.refresh()
        self.widget = hooked(w.VBox([
            title("Who is this for?"), self.contact,
            title("Question bank"), w.HTML(TIARA_NOTE),
            self.goal, self.category, self.bank_box,
            title("Your questions, in order"), self.picked_box,
            w.HBox([self.own_text, self.own_phase, self.own_minutes,
                    w.HTML("min", layout=w.Layout(width="2em")), self.add_button]),
            title("Agenda"), self.length, self.agenda, self.warning, self.status.widget,
        ]), "iv-questions")

    # -- state ---------------------------------------------------------------------------
    @property
    def contact_id(self) -> int | None:
        return None if self.contact.value == GENERAL else self.contact.value

    def _show_length(self) -> None:
        """The protocol's lengths (plus this meeting's own), this agenda's length chosen."""
        value = agenda_length(self.wb, self.contact_id)
        self.length.options = [(f"{m} min", m) for m in length_options(value)]
        self.length.value = value

    def _visible(self):
        return filter_bank(self.bank, kinds_for_filter(self.wb, self.goal.value),
                           self.category.value or None)

    def _build_bank(self) -> None:
        rows = []
        self._checks = {}
        for q in self._visible():
            box = w.Checkbox(value=False, description=q.text, indent=False,
                             layout=w.Layout(width="46em"))
            box.add_class("iv-question-pick")
            box.add_class(f"iv-q-{q.id}")
            box.observe(self._toggle_handler(q), names="value")
            self._checks[q.id] = box
            rows.append(w.HBox([box, w.HTML(tag_html(q))], layout=w.Layout(flex="0 0 auto")))
        self.bank_box.children = rows

    def _toggle_handler(self, question):
        def handler(change):
            if not self._syncing:
                self.toggle(question, change["new"])
        return handler

    def _picked_row(self, row) -> w.HBox:
        text = named(w.Text(value=row.text, continuous_update=False,
                            layout=w.Layout(width="38em")), "Question wording")
        text.add_class("iv-edit-question")
        text.add_class(f"iv-edit-{row.question_id}")
        minutes = named(w.BoundedFloatText(value=row.minutes, min=0.5, max=15, step=0.5,
                                           continuous_update=False, layout=w.Layout(width="4.5em")),
                        "Minutes for this question")
        up, down = _small(button("↑", "iv-up"), "Earlier"), _small(button("↓", "iv-down"), "Later")
        qid = row.question_id
        text.observe(lambda ch: self._edit(qid, text=ch["new"]), names="value")
        minutes.observe(lambda ch: self._edit(qid, minutes=ch["new"]), names="value")
        up.on_click(lambda _: self._move(qid, -1))
        down.on_click(lambda _: self._move(qid, +1))
        parts = [w.HTML(phase_html(row.phase), layout=w.Layout(width="4.5em")), text, minutes,
                 w.HTML("min", layout=w.Layout(width="2em")), up, down]
        if qid != self.keep.id:
            drop = _small(button("✕", "iv-remove-question"), "Remove from my list")
            drop.on_click(lambda _: self._remove(qid))
            parts.append(drop)
        return w.HBox(parts)

    def refresh(self) -> None:
        """Show what the workbook holds: ticks, the ordered list, the agenda."""
        rows = chosen(self.wb, self.contact_id, self.bank)
        ids = {r.question_id for r in rows}
        self._syncing = True
        try:
            for qid, box in self._checks.items():
                box.value = qid in ids
                box.disabled = qid == self.keep.id
        finally:
            self._syncing = False
        hint = [] if len(rows) > 1 else [hooked(w.HTML(PICK_HINT), "iv-picked-hint")]
        self.picked_box.children = hint + [self._picked_row(r) for r in rows]
        self.typed.follow([self.length, *self._checks.values(), *(
            box for row in self.picked_box.children for box in getattr(row, "children", ())
            if isinstance(box, (w.Text, w.BoundedFloatText)))])
        agenda = build_agenda(rows, int(self.length.value))
        self.agenda.value = agenda_html(agenda)
        self.warning.value = too_long_html(agenda.warning)
        self.last_agenda = agenda

    # -- handlers ------------------------------------------------------------------------
    @reports_errors
    def toggle(self, question, on: bool) -> None:
        if on:
            pick(self.wb, question, self.contact_id)
            self.status.ok(f"Added to your questions and the agenda: {question.text}")
        else:
            unpick(self.wb, question.id, self.contact_id, self.bank)
            self.status.ok(f"Taken off your questions: {question.text}")
        self.refresh()

    @reports_errors
    def _edit(self, qid: str, text: str | None = None, minutes: float | None = None) -> None:
        edit(self.wb, qid, text=text, minutes=minutes, contact_id=self.contact_id,
             bank=self.bank)
        self.status.ok("Saved.")
        self.refresh()

    @reports_errors
    def _move(self, qid: str, step: int) -> None:
        move(self.wb, qid, step, self.contact_id)
        self.refresh()

    @reports_errors
    def _remove(self, qid: str) -> None:
        unpick(self.wb, qid, self.contact_id, self.bank)
        self.status.ok("Removed.")
        self.refresh()

    @reports_errors
    def add_own(self, _=None) -> None:
        add_own(self.wb, self.own_text.value, self.own_phase.value, self.own_minutes.value,
                self.contact_id)
        self.own_text.value = ""
        self.status.ok("Your question is on the list.")
        self.refresh()

    def _on_filter(self, _change) -> None:
        self._build_bank()
        self.refresh()

    @stops_when_deleted
    def _on_contact(self, _change) -> None:
        self._syncing = True
        try:
            self._show_length()
        finally:
            self._syncing = False
        self.refresh()

    @reports_errors
    def _on_length(self, change) -> None:
        if self._syncing:
            return
        set_agenda_length(self.wb, int(change["new"]), self.contact_id)
        self.refresh()
