"""The widgets of step 6's panel, built in groups (the debrief, the thank-you, referrals
and report-backs, the progress dashboard) and filled in from the workbook: the drafts and
when the thank-you is due, the funnel, what you owe and the next step. FollowThroughPanel
wires them to the library.

CSS hooks are listed in ui/followthrough.py.

Example:
    >>> parts = FollowThroughWidgets()
    >>> parts._build_dashboard()
    >>> sorted(parts.owed._dom_classes)
    ['iv-owed']
"""

from __future__ import annotations

import html

import ipywidgets as w

from ..classroom.protocol import current_protocol
from ..followthrough import (
    ThankYouTexts,
    funnel,
    has_happened,
    next_step,
    owed_actions,
    thank_you_state,
)
from ..meetings.picking import referral_names
from ..questions import chosen
from ..workbook.model import Meeting
from .common import AltImage, choice, hooked, named, text_input, title
from .followthrough_html import (
    default_meeting,
    drafts_note_html,
    funnel_png,
    label_html,
    meeting_options,
    owed_html,
    referrals_html,
    thanks_due_html,
    warn_html,
)
from .form_button import FormButton


class FollowThroughWidgets:
    """Builders for FollowThroughPanel's widget groups (each sets attributes on self)."""

    def _build_picker(self) -> list[Meeting]:
        """The meeting picker, on the meeting to follow up now; returns the meetings."""
        meetings, options = meeting_options(self.wb)
        self.meeting = hooked(w.Dropdown(options=options, description="Meeting",
                                         layout=w.Layout(width="32em")), "iv-ft-contact")
        if meetings:
            self.meeting.value = default_meeting(meetings)
        self.about = hooked(w.HTML(), "iv-ft-about")
        return meetings

    def _build_debrief(self) -> None:
        self.answers_box = w.VBox()
        self.learned = self._area("A few lines, in your own words", "iv-learned")
        self.specific = text_input("e.g. that bug reports can be a portfolio", "iv-specific",
                                   width="40em")
        self.use = text_input("e.g. I will write up three this month", "iv-use", width="40em")
        self.interested = choice(["yes", "unsure", "no"], None, "iv-interested", "Still keen?")

    def _build_thanks(self) -> None:
        self.due = hooked(w.HTML(), "iv-thanks-due")
        self.email = named(self._area("", "iv-thanks-email", rows=12), "Thank-you e-mail")
        self.card = named(self._area("", "iv-thanks-card", rows=6), "Thank-you card")
        self.drafts_note = hooked(w.HTML(), "iv-drafts-note")
        # each button sends the meeting picked (and what it reads) with the click: a fast
        # click acts on the meeting shown, and no held-back wording comes back after it
        self.redraft_button = FormButton("Start the drafts again from my notes", "iv-redraft",
                                         fields=[self.meeting, self.email, self.card])
        self.sent_button = FormButton("I sent the thank-you", "iv-thanks-sent", "success",
                                      [self.meeting])

    def _build_referrals(self) -> None:
        self.ref_name = text_input("Name of the person they suggested", "iv-referral-name",
                                   width="19em")
        self.ref_org = text_input("Organisation (optional)", "iv-referral-org")
        self.ref_email = text_input("E-mail (optional)", "iv-referral-email")
        self.ref_button = FormButton("Add referral", "iv-add-referral", fields=[
            self.meeting, self.ref_name, self.ref_org, self.ref_email])
        self.referrals = hooked(w.HTML(), "iv-referrals")
        self.reported_button = FormButton("I reported back to them", "iv-reported-back",
                                          fields=[self.meeting])
        self.decision = text_input("Your decision, when you make it", "iv-decision", width="30em")
        self.decision_button = FormButton("Record my decision", "iv-record-decision",
                                          fields=[self.decision])
        self._meeting_buttons = (self.sent_button, self.ref_button, self.reported_button,
                                 self.redraft_button)   # usable once the meeting happened
        for b in (*self._meeting_buttons, self.decision_button):
            b.layout = w.Layout(width="max-content")

    def _build_dashboard(self) -> None:
        self.funnel = hooked(AltImage(), "iv-funnel")  # a PNG with alt text
        self.owed = hooked(w.HTML(), "iv-owed")
        self.next = hooked(w.HTML(), "iv-next-step")

    def _form(self) -> w.VBox:
        slots = self._status_slots = {name: w.Box() for name in (
            "debrief", "thanks", "referrals", "report")}
        return hooked(w.VBox([
            title("Debrief"), w.HTML("A line or two per question, while you still remember."),
            self.answers_box,
            _label("What did you learn?"), self.learned,
            _label("One specific thing they said (the thank-you names it)"), self.specific,
            _label("How you will use it"), self.use, self.interested, slots["debrief"],
            title("Thank-you"), self.due, w.HTML("<b>E-mail</b>"), self.email,
            w.HTML("<b>Handwritten card</b>"), self.card, self.drafts_note,
            w.HBox([self.sent_button, self.redraft_button]), slots["thanks"],
            title("Referrals"), w.HBox([self.ref_name, self.ref_org, self.ref_email]),
            self.ref_button, self.referrals, slots["referrals"],
            title("Report back"), self.reported_button,
            w.HBox([self.decision, self.decision_button]), slots["report"],
        ]), "iv-ft-form")

    def _status_near(self, section: str | None) -> None:
        """Show the status line right under the section the user just used (None: under
        the whole form), so a message never appears screens away from its button."""
        slots = {**self._status_slots, None: self._status_home}
        for name, slot in slots.items():
            slot.children = (self.status.widget,) if name == section else ()

    @staticmethod
    def _area(placeholder: str, css: str, rows: int = 3) -> w.Textarea:
        return named(hooked(w.Textarea(placeholder=placeholder, rows=rows,
                                       layout=w.Layout(width="40em")), css), placeholder)

    # -- filling in ----------------------------------------------------------------------
    def _fill_debrief(self, m: Meeting | None) -> None:
        """The debrief boxes from the meeting; editable only once it has happened."""
        with self._loading_values():
            d = m.debrief if m else {}
            self.learned.value = d.get("learned", "")
            self.specific.value = d.get("specific", "")
            self.use.value = d.get("use", "")
            self.interested.value = d.get("still_interested") or None
            rows = self._answer_rows(m) if m else []
            self.answers_box.children = rows
            held = m is not None and has_happened(m)
            for field in (self.learned, self.specific, self.use, self.interested, self.email,
                          self.card, self.ref_name, self.ref_org, self.ref_email, *(
                              row.children[1] for row in rows)):
                field.disabled = not held

    def _answer_rows(self, m: Meeting) -> list[w.VBox]:
        """One notes box per question chosen for this person, named by the question."""
        rows = []
        for q in chosen(self.wb, m.contact_id, self.bank):
            box = self._area("Your notes", f"iv-debrief-{q.question_id}", rows=2)
            named(box, f"Your notes: {q.text}")  # the question is its name
            box.value = m.debrief.get("answers", {}).get(q.question_id, "")
            box.continuous_update = False
            box.observe(self._typed(lambda v, i=q.question_id: self.save(answers={i: v})),
                        names="value")
            rows.append(w.VBox([w.HTML(f"<i>{html.escape(q.text)}</i>"), box]))
        return rows

    def _show_drafts(self, m: Meeting, texts: ThankYouTexts) -> None:
        """Your own wording, else fresh drafts; when the thank-you is due; the referrals."""
        with self._loading_values():
            self.email.value, self.card.value = texts.email, texts.card
        self.redraft_button.layout.display = "" if texts.own else "none"
        self.drafts_note.value = drafts_note_html(texts.own, texts.email + texts.card)
        self.sent_button.description = ("Thank-you sent" if m.thank_you_sent_on
                                        else "I sent the thank-you")
        hours = current_protocol().follow_up["thank_you_within_hours"]
        self.due.value = thanks_due_html(m, thank_you_state(m), hours, texts.needs_specific)
        self.referrals.value = referrals_html(referral_names(self.wb, m))

    def _show_no_drafts(self, m: Meeting | None, message: str) -> None:
        """Empty drafts; the message (e.g. what to fill in for your name) where they would be."""
        with self._loading_values():
            self.email.value = self.card.value = ""
        self.due.value = warn_html(message)
        self.referrals.value = self.drafts_note.value = ""
        self.redraft_button.layout.display = "none"
        if m is not None:
            self.sent_button.disabled = True

    def refresh_dashboard(self) -> None:
        """The funnel, what you owe and the next step."""
        counts = funnel(self.wb)
        if counts != getattr(self, "counts", None):  # redraw only when a number changed
            self.counts = counts
            self.funnel.show(funnel_png(counts), "Your progress funnel: " + ", ".join(
                f"{n} {stage}" for stage, n in counts.items()) + ".")  # sent once, not twice
        self.owed.value = owed_html(owed_actions(self.wb))
        self.next.value = f"<b>{html.escape(next_step(self.wb))}</b>"


def _label(text: str) -> w.HTML:
    return w.HTML(label_html(text))
