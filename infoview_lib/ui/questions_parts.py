"""The widgets of step 4's panel, built in groups: whom it is for and the bank's filters,
the lists and the agenda, and the row to add your own question. QuestionsPanel wires them
to the library; CSS hooks are listed in ui/questions.py.

Example:
    >>> parts = QuestionsWidgets()
    >>> parts.contact = w.Dropdown(options=[("Everyone (my general list)", GENERAL)])
    >>> parts._build_own()
    >>> parts.add_button.description
    'Add my question'
"""

from __future__ import annotations

import ipywidgets as w

from ..meetings.schedule import meeting_order
from ..outreach.contacts import contact_label
from ..questions import CATEGORY_LABELS, PHASES, agenda_length, length_options, user_goal_kinds
from .common import choice, hooked, named, text_input
from .form_button import FormButton
from .questions_html import goal_options

GENERAL = "general"

class QuestionsWidgets:
    """Builders for the panel's widget groups (each sets attributes on self)."""

    def _build_filters(self, contact_id: int | None) -> None:
        people = [("Everyone (my general list)", GENERAL)] + [
            (contact_label(c), c.id) for c in meeting_order(self.wb)]  # whom you meet first
        self.contact = hooked(w.Dropdown(options=people, value=contact_id or GENERAL,
                                         description="For", layout=w.Layout(width="28em")),
                              "iv-question-contact")
        self.goal = hooked(w.Dropdown(options=goal_options(user_goal_kinds(self.wb)),
                                      value="mine", description="Suits",
                                      layout=w.Layout(width="28em")), "iv-goal-filter")
        self.category = hooked(w.Dropdown(
            options=[("All topics", "")] + [(v, k) for k, v in CATEGORY_LABELS.items()],
            description="Topic", layout=w.Layout(width="28em")), "iv-category-filter")

    def _build_lists(self) -> None:
        start = agenda_length(self.wb, self.contact_id)
        self.length = choice([(f"{m} min", m) for m in length_options(start)], start,
                             "iv-length", "Minutes")
        self.bank_box = w.VBox(layout=w.Layout(max_height="28em", overflow="auto"))
        self.picked_box = w.VBox()
        self.agenda = hooked(w.HTML(), "iv-agenda")
        self.warning = hooked(w.HTML(), "iv-agenda-warning")

    def _build_own(self) -> None:
        self.own_text = text_input("Write a question of your own", "iv-own-question",
                                   width="31.5em")
        self.own_phase = named(hooked(w.Dropdown(options=PHASES, value="core",
                                                 layout=w.Layout(width="8em")), "iv-own-phase"),
                               "When to ask it")
        self.own_minutes = named(hooked(w.BoundedFloatText(value=2, min=0.5, max=15, step=0.5,
                                                           layout=w.Layout(width="4.5em")),
                                        "iv-own-minutes"), "Minutes for your question")
        self.add_button = FormButton(  # what is typed travels with the click: no lost letters
            "Add my question", "iv-add-question",
            fields=[self.contact, self.own_text, self.own_phase, self.own_minutes])
