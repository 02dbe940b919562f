"""The widgets of step 3's panel, built in groups (the contact picker, the message parts,
the draft and checker, the tracker's buttons and the due list) and filled in from the
workbook: the parts, the tracker line and the due list. OutreachPanel wires them to the
library. CSS hooks are listed in ui/outreach.py.

Example:
    >>> parts = OutreachWidgets()
    >>> parts._build_draft()
    >>> parts.strict.description.startswith("Strict length (under ")
    True
"""

from __future__ import annotations

from contextlib import contextmanager
from datetime import date

import ipywidgets as w

from ..classroom.protocol import current_protocol
from ..meetings.lengths import default_minutes, meeting_lengths
from ..outreach import Limits, MessageParts
from ..outreach.actions import coming_up, tracker_line
from ..outreach.contacts import contact_options
from ..outreach.tracker import STATUS_LABELS, due_now
from ..workbook.model import OUTREACH_STATUSES
from ..workbook.store import Workbook
from .common import button, choice, hooked, title
from .form_button import FormButton
from .outreach_html import due_html, tracker_html

TEXT_PARTS = (("connection", "How you know them", "used when nobody referred you"),
              ("who_i_am", "Who you are", "from your profile in 00_start_here; change it here for this person"),
              ("topic", "Topic", "their field, industry or company"),
              ("interest", "Your interest", "what about their work you want to hear"),
              ("purpose", "Information only", "say you are after advice, not anything more"),
              ("ask", "The ask", "a question ending in ?"),
              ("fallback", "Fallback", "if they are too busy, who else?"),
              ("thanks", "Thanks", "a short thank-you"))
NOBODY = "(nobody)"
LABEL_STYLE = {"description_width": "11em"}   # wide enough for "How you know them"


def _wide(b: w.DOMWidget) -> w.DOMWidget:
    """Let a button grow to fit its label (the default width cuts long labels)."""
    b.layout.width = "auto"
    b.layout.min_width = "8.5em"
    b.layout.align_self = "flex-start"   # in a column: as wide as the label, not the page
    return b


def referrer_names(wb: Workbook) -> list[str]:
    return [NOBODY] + sorted({c.name for c in wb.contacts()}, key=str.casefold)


class OutreachWidgets:
    """Builders for OutreachPanel's widget groups (each sets attributes on self)."""

    def _build_picker(self) -> None:
        options, suggested = contact_options(self.wb)
        self.contact = hooked(w.Dropdown(options=options, value=suggested, description="Contact",
                                         layout=w.Layout(width="34em")), "iv-contact-pick")
        self.empty_note = hooked(w.HTML(), "iv-outreach-empty")

    def _build_parts(self) -> None:
        self.referrer = hooked(w.Dropdown(options=referrer_names(self.wb),
                                          description="Referred by", layout=w.Layout(width="32em"),
                                          style=LABEL_STYLE), "iv-part-referrer")
        self.parts: dict[str, w.Widget] = {}
        for name, label, placeholder in TEXT_PARTS:
            cls = w.Textarea if name == "interest" else w.Text
            box = cls(description=label, placeholder=placeholder, continuous_update=True,
                      layout=w.Layout(width="54em", max_width="100%"), style=LABEL_STYLE)
            self.parts[name] = hooked(box, f"iv-part-{name}")
        self.minutes = choice([(f"{m} min", m) for m in meeting_lengths()], default_minutes(),
                              "iv-part-minutes", "Meeting length", style=LABEL_STYLE)

    def _build_draft(self) -> None:
        self.channel = choice([("E-mail", "email"), ("Phone", "phone"),
                               ("LinkedIn note", "linkedin")], "email", "iv-channel", "Write as")
        words = Limits.from_protocol().strict_max_words
        self.strict = hooked(w.Checkbox(value=False, indent=False,
                                        description=f"Strict length (under {words} words)"),
                             "iv-strict")
        self.draft = hooked(w.HTML(), "iv-draft")
        self.checker = hooked(w.HTML(), "iv-checker")

    def _build_tracker(self) -> None:
        self.tracker = hooked(w.HTML(), "iv-tracker")
        self.when = hooked(w.DatePicker(description="On", value=self.today or date.today()),
                           "iv-status-date")
        # each click sends the person and the date shown with it: it is logged for them
        shown = [self.contact, self.when]
        self.status_buttons = {}
        for status in OUTREACH_STATUSES:
            b = _wide(FormButton(STATUS_LABELS[status].capitalize(), f"iv-status-{status}",
                                 fields=shown))
            self.status_buttons[status] = b
        self.follow_up_button = _wide(FormButton("I sent the follow-up", "iv-log-follow-up",
                                                 fields=shown))

    def _build_due(self) -> None:
        self.due = hooked(w.HTML(), "iv-due")
        self.ics_button = _wide(button("Make a calendar file (.ics) of follow-ups",
                                       "iv-make-due-ics"))
        self.ics_link = hooked(w.HTML(), "iv-due-ics-link")

    def _layout(self) -> w.VBox:
        compose = hooked(w.VBox([self.referrer, *self.parts.values(), self.minutes]),
                         "iv-compose-body")
        buttons = list(self.status_buttons.values())
        return hooked(w.VBox([
            title("Whom to contact"),
            w.HTML("★ marks the people you chose first in step 2 and those who lead to your "
                   "focus targets."),
            self.contact, self.empty_note,
            title("The parts of your message"), compose,
            title("Your draft"), w.HBox([self.channel, self.strict]), self.draft,
            title("Checker"), self.checker,
            title("Tracker"), self.tracker, self.when,
            w.HBox(buttons[:4]), w.HBox(buttons[4:] + [self.follow_up_button]),
            self.status.widget,
            title("Due now (3B7)"), self.due, self.ics_button, self.ics_link,
        ]), "iv-outreach")

    def _enable(self, on: bool) -> None:
        """The inputs and buttons that need a person (all off while the list is empty)."""
        for box in (self.referrer, *self.parts.values(), self.minutes, self.when,
                    *self.status_buttons.values(), self.follow_up_button):
            box.disabled = not on


    # -- filling in ----------------------------------------------------------------------
    @contextmanager
    def _quietly(self):
        """Set widgets from the workbook without their handlers saving anything."""
        was, self._quiet = self._quiet, True
        try:
            yield
        finally:
            self._quiet = was

    def _fill_parts(self, parts: MessageParts | None) -> None:
        """The part inputs, the referrer and the meeting length from the saved parts."""
        with self._quietly():
            for name, box in self.parts.items():
                box.value = getattr(parts, name) if parts else ""
            if parts is not None:
                if parts.referrer and parts.referrer not in self.referrer.options:
                    self.referrer.options = [*self.referrer.options, parts.referrer]
                self.referrer.value = parts.referrer or NOBODY
                self.minutes.value = parts.minutes

    def _show_tracker(self) -> None:
        """The chosen person's status line and dated steps."""
        person = self.contact.value
        self.tracker.value = tracker_html(None if person is None
                                          else tracker_line(self.wb, person, self.today))

    def refresh_due(self) -> None:
        """What the 3B7 routine says is due today, and what comes up next."""
        today = self.today or date.today()
        self.due.value = due_html(due_now(self.wb, today), coming_up(self.wb, today),
                                  current_protocol().follow_up)
