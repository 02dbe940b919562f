"""Step 6 panel: debrief, thank-you drafts, referrals, report-backs, and the progress
dashboard (funnel chart, what you owe, the next step).

Every field is saved when it changes. CSS hooks: .iv-ft-contact, .iv-debrief-<question id>,
.iv-learned, .iv-specific, .iv-use, .iv-interested, .iv-thanks-due, .iv-late,
.iv-thanks-email, .iv-thanks-card, .iv-thanks-sent, .iv-referral-name, .iv-add-referral,
.iv-referrals, .iv-reported-back, .iv-decision, .iv-record-decision, .iv-funnel, .iv-owed,
.iv-next-step.
"""

from __future__ import annotations

import ipywidgets as w

from ..followthrough import (
    add_referral,
    has_happened,
    record_decision,
    record_thank_you,
    report_back,
    save_debrief,
    save_drafts,
    thank_you_state,
    thank_you_texts,
)
from ..meetings.picking import meeting_identity
from ..questions import load_bank
from ..workbook.errors import ValidationError
from ..workbook.model import Meeting
from ..workbook.store import Workbook
from .common import Panel, StatusLine, hooked, reports_errors, title
from .followthrough_html import NO_MEETING, about_html, default_meeting, meeting_options
from .followthrough_parts import FollowThroughWidgets
from .followthrough_typing import SavesTyping
from .typed_boxes import TypedBoxes


class FollowThroughPanel(SavesTyping, FollowThroughWidgets, Panel):
    """After the meeting: notes, thanks, referrals, report-backs and progress."""

    def __init__(self, wb: Workbook):
        self.wb = wb
        self.status = StatusLine()
        self._loading = False
        self.bank = load_bank()
        meetings = self._build_picker()
        self._build_debrief()
        self._build_thanks()
        self._build_referrals()
        self._build_dashboard()
        self._wire()
        self.load()
        self.form = self._form()
        self.form.layout.display = "" if meetings else "none"
        self._status_home = w.Box([self.status.widget])
        self.widget = hooked(w.VBox([
            title("Which meeting?"), self.meeting, self.about, self.form, self._status_home,
            title("Your progress"), w.Box([self.funnel], layout=w.Layout(width="36em")),
            w.HTML("<b>What you owe</b>"), self.owed, w.HTML("<b>Next step</b>"), self.next,
        ]), "iv-followthrough")

    def _wire(self) -> None:
        """Save each field when it changes; one handler per button; reload on a new meeting."""
        for field, key in ((self.learned, "learned"), (self.specific, "specific"),
                           (self.use, "use")):
            field.continuous_update = False
            field.observe(self._typed(lambda v, k=key: self.save(**{k: v or ""})), names="value")
        self.interested.observe(self._typed(lambda v: self.save(still_interested=v or "")),
                                names="value")
        for field, key in ((self.email, "email"), (self.card, "card")):
            field.continuous_update = False
            field.observe(self._typed(lambda v, k=key: self.keep_draft(k, v)), names="value")
        self.redraft_button.on_click(self.redraft)
        self.sent_button.on_click(self.thank_you_sent)
        self.ref_button.on_click(self.add_referral)
        self.reported_button.on_click(self.reported_back)
        self.decision_button.on_click(self.record_decision)
        self.meeting.observe(lambda _: None if self._loading else self._picked(), names="value")
        self.typed = TypedBoxes(self.meeting)  # typed for the meeting shown: saved to it

    def _picked(self) -> None:
        self._status_near(None)
        self.status.clear()
        self.load()

    @property
    def meeting_id(self) -> int | None:
        return self.meeting.value or None  # 0: the "no meetings yet" line (None = no choice)

    def _record(self) -> Meeting | None:
        return self.wb.get(Meeting, self.meeting_id) if self.meeting_id else None

    # -- loading -------------------------------------------------------------------------
    def reload(self) -> None:
        """Another notebook changed the workbook: the meetings to pick from (the same one
        stays chosen while it exists) and everything about it, again."""
        current = self.meeting.value
        meetings, options = meeting_options(self.wb)
        with self._loading_values():
            self.meeting.options = options
            ids = [m.id for m in meetings]
            self.meeting.value = current if current in ids else (
                default_meeting(meetings) if meetings else 0)
        self.form.layout.display = "" if meetings else "none"
        self.load()

    def load(self) -> None:
        m = self._record()
        self._shown = meeting_identity(self.wb, m)
        self._fill_debrief(m)
        self.typed.follow([self.learned, self.specific, self.use, self.interested, self.email,
                           self.card, *(row.children[1] for row in self.answers_box.children)])
        self.about.value = about_html(m)
        self.refresh()

    def refresh(self) -> None:
        """Drafts, due date, referrals and the dashboard, from the workbook."""
        m = self._record()
        for b in self._meeting_buttons:
            b.disabled = m is None or not has_happened(m)
        try:
            texts = thank_you_texts(self.wb, m) if m else None
        except ValidationError as err:  # no name in the profile yet: say where to add it
            self._show_no_drafts(m, str(err))
        else:
            if m:
                self._show_drafts(m, texts)
            else:
                self._show_no_drafts(None, "")
        self.refresh_dashboard()

    # -- saving --------------------------------------------------------------------------
    def _no_meeting(self) -> bool:
        """True (and says so) when there is no meeting to save to."""
        if not self.meeting_id:
            self.status.warn(NO_MEETING)
        return not self.meeting_id

    @reports_errors
    def save(self, **fields) -> None:
        self._status_near("debrief")
        if self._no_meeting() or fields.get("still_interested") == "":
            return
        save_debrief(self.wb, self.meeting_id, **fields)
        self.status.ok("Saved.")
        self.refresh()

    @reports_errors
    def keep_draft(self, key: str, text: str) -> None:
        self._status_near("thanks")
        if self._no_meeting():
            return
        save_drafts(self.wb, self.meeting_id, **{key: text})
        self.status.ok("Your wording is saved; it stays as you wrote it.")
        self.refresh()

    @reports_errors
    def redraft(self, _=None) -> None:
        self._status_near("thanks")
        if self._no_meeting():
            return
        save_drafts(self.wb, self.meeting_id, email="", card="")
        self.status.ok("New drafts made from your notes.")
        self.refresh()

    @reports_errors
    def thank_you_sent(self, _=None) -> None:
        self._status_near("thanks")
        if self._no_meeting():
            return
        m, now = record_thank_you(self.wb, self.meeting_id)
        if not now:
            self.status.ok(f"Already recorded: you sent it on {m.thank_you_sent_on[:10]}.")
            return
        late = thank_you_state(m).late
        self.status.ok("Thank-you recorded" + (" (late, but better late than never)."
                                               if late else ", on time."))
        self.refresh()

    @reports_errors
    def add_referral(self, _=None) -> None:
        self._status_near("referrals")
        if self._no_meeting():
            return
        person = add_referral(self.wb, self.meeting_id, self.ref_name.value,
                              self.ref_org.value, email=self.ref_email.value)
        self.ref_name.value = self.ref_org.value = self.ref_email.value = ""
        self.status.ok(f"{person.name} is on your list, introduced by the person you met, "
                       "with an outreach to plan in step 3.")
        self.refresh()

    @reports_errors
    def reported_back(self, _=None) -> None:
        self._status_near("report")
        if self._no_meeting():
            return
        report_back(self.wb, self.meeting_id)
        self.status.ok("Noted. People remember those who come back to say what happened.")
        self.refresh()

    @reports_errors
    def record_decision(self, _=None) -> None:
        self._status_near("report")
        record_decision(self.wb, self.decision.value)
        self.status.ok("Decision recorded: tell each person you met what you decided.")
        self.refresh()
