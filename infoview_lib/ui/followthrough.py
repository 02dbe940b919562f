"""Step 6 panel: debrief, thank-you drafts, referrals, report-backs, and the progress
dashboard (funnel chart, what you owe, the next step).

Every field is saved when it changes. CSS hooks: .iv-ft-contact, .iv-debrief-<question id>,
.iv-learned, .iv-specific, .iv-use, .iv-interested, .iv-thanks-due, .iv-late,
.iv-thanks-email, .iv-thanks-card, .iv-thanks-sent, .iv-referral-name, .iv-add-referral,
.iv-referrals, .iv-reported-back, .iv-decision, .iv-record-decision, .iv-funnel, .iv-owed,
.iv-next-step.
"""

from __future__ import annotations

import html

import ipywidgets as w

from ..followthrough import (
    add_referral,
    has_happened,
    mark_reported_back,
    mark_thank_you_sent,
    record_decision,
    save_debrief,
    save_drafts,
    thank_you_drafts,
    thank_you_state,
)
from ..meetings.picking import next_report_kind
from ..questions import chosen, load_bank
from ..workbook.errors import InfoviewError, ValidationError
from ..workbook.model import Contact, Meeting
from ..workbook.store import Workbook
from .common import Panel, StatusLine, hooked, named, reports_errors, title
from .followthrough_html import (
    NO_MEETING,
    about_html,
    default_meeting,
    meeting_options,
)
from .followthrough_parts import FollowThroughWidgets


class FollowThroughPanel(FollowThroughWidgets, Panel):
    """After the meeting: notes, thanks, referrals, report-backs and progress."""

    def __init__(self, wb: Workbook):
        self.wb = wb
        self.status = StatusLine()
        self._loading = False
        self.bank = load_bank()
        meetings, options = meeting_options(wb)
        self.meeting = hooked(w.Dropdown(options=options, description="Meeting",
                                         layout=w.Layout(width="32em")), "iv-ft-contact")
        if meetings:
            self.meeting.value = default_meeting(meetings)
        self.about = hooked(w.HTML(), "iv-ft-about")
        self._build_debrief()
        self._build_thanks()
        self._build_referrals()
        self._build_dashboard()
        self._wire()
        self.load()
        self.form = self._form()
        self.form.layout.display = "" if meetings else "none"
        self.widget = hooked(w.VBox([
            title("Which meeting?"), self.meeting, self.about, self.form, self.status.widget,
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
        self._meeting_buttons = (self.sent_button, self.ref_button, self.reported_button,
                                 self.redraft_button)
        for b in (*self._meeting_buttons, self.decision_button):
            b.layout = w.Layout(width="max-content")
        self.redraft_button.on_click(self.redraft)
        self.sent_button.on_click(self.thank_you_sent)
        self.ref_button.on_click(self.add_referral)
        self.reported_button.on_click(self.reported_back)
        self.decision_button.on_click(self.record_decision)
        self.meeting.observe(lambda _: None if self._loading else self.load(),
                             names="value")

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
        self._loading = True
        try:
            self.meeting.options = options
            ids = [m.id for m in meetings]
            self.meeting.value = current if current in ids else (
                default_meeting(meetings) if meetings else 0)
        finally:
            self._loading = False
        self.form.layout.display = "" if meetings else "none"
        self.load()

    def load(self) -> None:
        m = self._record()
        self._shown = self._identity(m)
        self._loading = True
        try:
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
        finally:
            self._loading = False
        self.about.value = about_html(m)
        self.refresh()

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

    def refresh(self) -> None:
        """Drafts, due date, referrals and the dashboard, from the workbook."""
        m = self._record()
        for b in self._meeting_buttons:
            b.disabled = m is None or not has_happened(m)
        try:
            drafts = thank_you_drafts(self.wb, m) if m else None
        except ValidationError as err:  # no name in the profile yet: say where to add it
            drafts = None
            self._show_no_drafts(m, str(err))
            m = None
        if m:
            self._show_drafts(m, drafts)
        elif drafts is None and self._record() is None:
            self._show_no_drafts(None, "")
        self.refresh_dashboard()

    # -- saving --------------------------------------------------------------------------
    def _typed(self, save):
        """A handler saving a typed value (unless loading, or another meeting is now shown)."""
        def handler(change):
            if not self._loading and self._same_meeting():
                save(change["new"])
        return handler

    def _identity(self, m: Meeting | None) -> tuple | None:
        """Who and when, so a record reusing the id after a restore is not taken for it."""
        return None if m is None else (m.id, m.starts_at, self.wb.get(Contact, m.contact_id).name)

    def _same_meeting(self) -> bool:
        """Before saving typed text: if another notebook changed the workbook, the text is
        still saved when the chosen meeting is the same person's (it is saved by id, field by
        field); otherwise the panel catches up and keeps the text on screen, unsaved."""
        if self.wb is None or not self.wb.changed_since(self._seen):
            return True
        try:
            same = self._identity(self._record()) == self._shown
        except InfoviewError:
            same = False
        if same:
            self.mark_current()   # nothing to rebuild that the typed text depends on
            return True
        fields = (self.learned, self.specific, self.use, self.email, self.card)
        typed = [f.value for f in fields]
        self.catch_up(status=self.status)
        if self.meeting_id:   # the same box, another meeting: show the text, do not save it
            self._loading = True
            try:
                for field, value in zip(fields, typed, strict=True):
                    field.value = value
            finally:
                self._loading = False
        return False

    def _no_meeting(self) -> bool:
        """True (and says so) when there is no meeting to save to."""
        if not self.meeting_id:
            self.status.warn(NO_MEETING)
        return not self.meeting_id

    @reports_errors
    def save(self, **fields) -> None:
        if self._no_meeting():
            return
        if fields.get("still_interested") == "":
            return
        save_debrief(self.wb, self.meeting_id, **fields)
        self.status.ok("Saved.")
        self.refresh()

    @reports_errors
    def keep_draft(self, key: str, text: str) -> None:
        if self._no_meeting():
            return
        save_drafts(self.wb, self.meeting_id, **{key: text})
        self.status.ok("Your wording is saved; it stays as you wrote it.")
        self.refresh()

    @reports_errors
    def redraft(self, _=None) -> None:
        if self._no_meeting():
            return
        save_drafts(self.wb, self.meeting_id, email="", card="")
        self.status.ok("New drafts made from your notes.")
        self.refresh()

    @reports_errors
    def thank_you_sent(self, _=None) -> None:
        if self._no_meeting():
            return
        already = self._record().thank_you_sent_on
        if already:
            self.status.ok(f"Already recorded: you sent it on {already[:10]}.")
            return
        m = mark_thank_you_sent(self.wb, self.meeting_id)
        late = thank_you_state(m).late
        self.status.ok("Thank-you recorded" + (" (late, but better late than never)."
                                               if late else ", on time."))
        self.refresh()

    @reports_errors
    def add_referral(self, _=None) -> None:
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
        if self._no_meeting():
            return
        kind = next_report_kind(self._record(), decided=bool(self.wb.setting("decision")))
        mark_reported_back(self.wb, self.meeting_id, kind)
        self.status.ok("Noted. People remember those who come back to say what happened.")
        self.refresh()

    @reports_errors
    def record_decision(self, _=None) -> None:
        record_decision(self.wb, self.decision.value)
        self.status.ok("Decision recorded: tell each person you met what you decided.")
        self.refresh()
