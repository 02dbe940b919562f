"""Step 3 panel, "a plan to reach out": pick a contact, fill the message parts, see the
e-mail / phone script / LinkedIn note and the checker's verdict update as you type, track
the status with dates, and see what the 3B7 routine says is due.

CSS hooks: .iv-contact-pick, .iv-compose-body (the parts; each input also has
.iv-part-<name>), .iv-channel, .iv-strict, .iv-draft, .iv-checker, .iv-tracker,
button.iv-status-<status>, .iv-status-date, button.iv-log-follow-up, .iv-due,
button.iv-make-due-ics, .iv-due-ics-link.

Example (in a notebook):
    panel = OutreachPanel(open_workbook())
    panel
"""

from __future__ import annotations

import base64
import html
from datetime import date

import ipywidgets as w

from ..classroom.protocol import current_protocol
from ..ics import write_ics
from ..meetings.lengths import default_minutes, meeting_lengths
from ..outreach import (
    Limits,
    check_message,
    default_ask,
    parts_for,
    render,
    save_parts,
    verdict,
)
from ..outreach.tracker import (
    STATUS_LABELS,
    calendar_for,
    due_calendar,
    due_now,
    log_follow_up,
    outreach_for,
    reply_label,
    schedule,
    set_status,
    status_dates,
)
from ..targets import contact_first, ranked_targets
from ..text import plural
from ..workbook.errors import InfoviewError, ValidationError
from ..workbook.model import OUTREACH_STATUSES, Contact, Target
from ..workbook.paths import output_dir
from ..workbook.profile import get_profile, missing_message
from ..workbook.store import Workbook
from .common import Panel, StatusLine, button, choice, hooked, reports_errors, title

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
LAST_CONTACT_KEY = "outreach_last_contact"


def _wide(b: w.Button) -> w.Button:
    """Let a button grow to fit its label (the default width cuts long labels)."""
    b.layout.width = "auto"
    b.layout.min_width = "8.5em"
    b.layout.align_self = "flex-start"   # in a column: as wide as the label, not the page
    return b


def checker_html(results, notes=()) -> str:
    """One line per rule, green or red, and the overall verdict."""
    lines = []
    for r in results:
        colour, mark = ("#1a7f37", "&#10003;") if r.passed else ("#cf222e", "&#10007;")
        hint = "" if r.passed else f" <i>{html.escape(r.hint)}</i>"
        lines.append(f"<li class='iv-rule iv-rule-{r.rule} {'iv-pass' if r.passed else 'iv-fail'}'"
                     f" style='color:{colour}'>{mark} <b>{html.escape(r.label)}</b>: "
                     f"{html.escape(r.detail)}{hint}</li>")
    extra = "".join(f"<li style='color:#9a6700'>{html.escape(n)}</li>" for n in notes)
    ok = all(r.passed for r in results)
    return (f"<ul style='list-style:none;padding-left:0'>{''.join(lines)}{extra}</ul>"
            f"<p class='iv-verdict {'iv-pass' if ok else 'iv-fail'}' role='status'><b>"
            f"{html.escape(verdict(results))}</b></p>")


def _contact_options(wb: Workbook) -> tuple[list[tuple[str, int]], int | None]:
    """Contacts for the picker: the chosen 'contact first' people and leads to focus targets
    first, then everyone else by name. Returns (options, suggested id): the contact worked on
    last (so a restarted notebook comes back to them), else the first starred one."""
    people = {c.id: c for c in wb.contacts()}
    first: list[int] = []
    ranked = ranked_targets(wb)
    for row in ranked:
        if not row.focus:
            continue
        pick = contact_first(wb, row.target.id)
        if pick is not None and pick.id not in first:
            first.append(pick.id)
    for row in ranked:
        for lead in row.leads[:3] if row.focus else []:
            if lead.contact_id not in first and lead.contact_id in people:
                first.append(lead.contact_id)
    rest = sorted((i for i in people if i not in first), key=lambda i: people[i].name.casefold())

    def label(c: Contact, star: bool) -> str:
        where = f" ({c.organization})" if c.organization else ""
        return ("★ " if star else "") + c.name + where

    options = [(label(people[i], True), i) for i in first] + [(label(people[i], False), i)
                                                              for i in rest]
    last = wb.setting(LAST_CONTACT_KEY)
    if last in people:
        return options, last
    return options, (options[0][1] if options else None)


class OutreachPanel(Panel):
    """Composer, live checker, tracker and due list for one contact at a time."""

    def __init__(self, wb: Workbook, today: date | None = None):
        self.wb = wb
        self.today = today
        self.status = StatusLine()
        self._quiet = True
        options, suggested = _contact_options(wb)
        self.contact = hooked(w.Dropdown(options=options, value=suggested, description="Contact",
                                         layout=w.Layout(width="34em")), "iv-contact-pick")
        self.referrer = hooked(w.Dropdown(options=[NOBODY] + sorted(
            {c.name for c in wb.contacts()}, key=str.casefold), description="Referred by",
            layout=w.Layout(width="32em"), style=LABEL_STYLE), "iv-part-referrer")
        self.parts: dict[str, w.Widget] = {}
        for name, label, placeholder in TEXT_PARTS:
            cls = w.Textarea if name == "interest" else w.Text
            box = cls(description=label, placeholder=placeholder, continuous_update=True,
                      layout=w.Layout(width="54em", max_width="100%"), style=LABEL_STYLE)
            self.parts[name] = hooked(box, f"iv-part-{name}")
        self.minutes = choice([(f"{m} min", m) for m in meeting_lengths()], default_minutes(),
                              "iv-part-minutes", "Meeting length", style=LABEL_STYLE)
        self.channel = choice([("E-mail", "email"), ("Phone", "phone"),
                               ("LinkedIn note", "linkedin")], "email", "iv-channel", "Write as")
        self.strict = hooked(w.Checkbox(value=False, indent=False,
                                        description=f"Strict length (under "
                                        f"{Limits.from_protocol().strict_max_words} words)"),
                             "iv-strict")
        self.draft = hooked(w.HTML(), "iv-draft")
        self.checker = hooked(w.HTML(), "iv-checker")
        self.tracker = hooked(w.HTML(), "iv-tracker")
        self.when = hooked(w.DatePicker(description="On", value=today or date.today()),
                           "iv-status-date")
        self.status_buttons = {}
        for status in OUTREACH_STATUSES:
            b = _wide(button(STATUS_LABELS[status].capitalize(), f"iv-status-{status}"))
            b.on_click(lambda _, s=status: self.set_status(s))
            self.status_buttons[status] = b
        self.follow_up_button = _wide(button("I sent the follow-up", "iv-log-follow-up"))
        self.follow_up_button.on_click(self.log_follow_up)
        self.due = hooked(w.HTML(), "iv-due")
        self.ics_button = _wide(button("Make a calendar file (.ics) of follow-ups",
                                       "iv-make-due-ics"))
        self.ics_button.on_click(self.make_ics)
        self.ics_link = hooked(w.HTML(), "iv-due-ics-link")

        compose = hooked(w.VBox([self.referrer, *self.parts.values(), self.minutes]),
                         "iv-compose-body")
        self.empty_note = hooked(w.HTML(), "iv-outreach-empty")
        buttons = list(self.status_buttons.values())
        self.widget = hooked(w.VBox([
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

        self.contact.observe(self._contact_changed, names="value")
        self.referrer.observe(self._part_changed, names="value")
        self.minutes.observe(self._minutes_changed, names="value")
        for box in self.parts.values():
            box.observe(self._part_changed, names="value")
        self.channel.observe(self._render, names="value")
        self.strict.observe(self._render, names="value")
        self._load_contact()
        self._quiet = False
        self.refresh_due()
        if self.contact.value is None:
            message = ("Your list is empty: add people in step 1 (or load a persona in step 0), "
                       "then open this step again.")
            self.empty_note.value = f"<p class='iv-warn' style='color:#9a6700'>{message}</p>"
            self.status.warn(message)
            for box in (self.referrer, *self.parts.values(), self.minutes, self.when,
                        *self.status_buttons.values(), self.follow_up_button):
                box.disabled = True

    # -- helpers --------------------------------------------------------------------
    def _person(self) -> Contact | None:
        return None if self.contact.value is None else self.wb.get(Contact, self.contact.value)

    def _current_parts(self):
        person = self._person()
        return None if person is None else parts_for(self.wb, person)

    def _load_contact(self) -> None:
        """Fill the part inputs from the workbook for the chosen contact."""
        parts = self._current_parts()
        was, self._quiet = self._quiet, True
        try:
            for name, box in self.parts.items():
                box.value = getattr(parts, name) if parts else ""
            if parts is not None:
                if parts.referrer and parts.referrer not in self.referrer.options:
                    self.referrer.options = [*self.referrer.options, parts.referrer]
                self.referrer.value = parts.referrer or NOBODY
                self.minutes.value = parts.minutes
        finally:
            self._quiet = was
        self._render()
        self._show_tracker()

    def _render(self, _=None) -> None:
        parts = self._current_parts()
        if parts is None:
            self.draft.value = "<p><i>Pick a contact to see a draft.</i></p>"
            self.checker.value = ""
            return
        missing = missing_message(get_profile(self.wb))
        if missing:  # never a draft with a blank where your name or introduction belongs
            self.draft.value = (f"<p class='iv-profile-missing iv-warn' style='color:#7d5300'>"
                                f"{html.escape(missing)}</p>")
            self.checker.value = ""
            return
        try:
            draft = render(parts, self.channel.value)
        except InfoviewError as err:
            self.draft.value = ""
            self.checker.value = ""
            self.status.error(str(err))
            return
        subject = (f"<p><b>Subject:</b> {html.escape(draft.subject)}</p>" if draft.subject else "")
        size = f"{draft.words} words, {draft.chars} characters"
        self.draft.value = (f"{subject}<pre style='white-space:pre-wrap;word-break:normal;"
                            f"overflow-wrap:anywhere;font-family:inherit;"
                            f"border:1px solid #ddd;padding:0.5em'>{html.escape(draft.body)}</pre>"
                            f"<small>{size}</small>")
        results = check_message(draft.body, parts, strict=self.strict.value,
                                channel=self.channel.value)
        self.checker.value = checker_html(results, draft.notes)

    def _show_tracker(self) -> None:
        person = self._person()
        record = outreach_for(self.wb, person.id, create=False) if person else None
        if record is None:
            self.tracker.value = "<p>Status: <b>to contact</b> (nothing logged yet).</p>"
            return
        label = reply_label(record, calendar_for(self.wb), self.today)
        steps = "".join(f"<li>{html.escape(s)}: {html.escape(d)}</li>"
                        for s, d in status_dates(record))
        tag = f" &middot; <span class='iv-reply-label'>{label}</span>" if label else ""
        target = ""
        if record.target_id:
            target = f" &middot; target: {html.escape(self.wb.get(Target, record.target_id).name)}"
        self.tracker.value = (f"<p>Status: <b class='iv-current-status'>"
                              f"{html.escape(STATUS_LABELS[record.status])}</b>{tag}{target}</p>"
                              f"<ul>{steps}</ul>")

    def snapshot(self) -> tuple:
        """The people offered and the one shown (Panel.catch_up compares them)."""
        return tuple(self.contact.options), self.contact.value

    def reload(self) -> None:
        """Everything from the workbook again (another notebook changed it): the people to
        pick from, the chosen person's parts, draft and tracker, the due list."""
        options, suggested = _contact_options(self.wb)
        was, self._quiet = self._quiet, True
        try:
            self.contact.options = options
            self.contact.value = suggested
            self.referrer.options = [NOBODY] + sorted({c.name for c in self.wb.contacts()},
                                                      key=str.casefold)
        finally:
            self._quiet = was
        for box in (self.referrer, *self.parts.values(), self.minutes, self.when,
                    *self.status_buttons.values(), self.follow_up_button):
            box.disabled = suggested is None
        if suggested is not None:
            self.empty_note.value = ""
        self._load_contact()
        self.refresh_due()

    def refresh_due(self) -> None:
        today = self.today or date.today()
        now = due_now(self.wb, today)
        later = [i for i in schedule(self.wb, today) if i.due_on > today]
        rules = current_protocol().follow_up
        items = "".join(f"<li class='iv-due-item'>{html.escape(i.text)}</li>" for i in now)
        upcoming = "".join(f"<li>{html.escape(i.text)}</li>" for i in later[:10])
        self.due.value = (
            (f"<ul>{items}</ul>" if now else "<p>Nothing is due today.</p>")
            + (f"<p>Coming up:</p><ul>{upcoming}</ul>" if later else "")
            + f"<p class='iv-3b7-rule'><small>3B7 (Steve Dalton, <i>The 2-Hour Job Search</i>):"
              f" no reply after {rules['second_contact_after_days']} business days, write to a "
              f"second person at the same target; after {rules['follow_up_after_days']}, send "
              "one follow-up. Weekends and public holidays are skipped.</small></p>")

    # -- handlers -------------------------------------------------------------------
    @reports_errors
    def _contact_changed(self, _=None) -> None:
        if not self._quiet:
            self.ics_link.value = ""
            self._load_contact()
            if self.contact.value is not None:
                self.wb.set_setting(LAST_CONTACT_KEY, self.contact.value)

    @reports_errors
    def _part_changed(self, change) -> None:
        if self._quiet or self.contact.value is None:
            return
        owner = change["owner"]
        if owner is self.referrer:
            key, value = "referrer", "" if change["new"] == NOBODY else change["new"]
        else:
            key = next(k for k, box in self.parts.items() if box is owner)
            value = change["new"]
        save_parts(self.wb, self._person(), {key: value})
        self._render()

    @reports_errors
    def _minutes_changed(self, change) -> None:
        if self._quiet or self.contact.value is None:
            return
        changes = {"minutes": change["new"]}
        if self.parts["ask"].value == default_ask(change["old"]):
            changes["ask"] = default_ask(change["new"])
        save_parts(self.wb, self._person(), changes)
        was, self._quiet = self._quiet, True
        try:
            self.parts["ask"].value = self._current_parts().ask
        finally:
            self._quiet = was
        self._render()

    @reports_errors
    def set_status(self, status: str) -> None:
        person = self._person()
        if person is None:
            raise ValidationError("Pick a contact first.")
        record = outreach_for(self.wb, person.id)
        if record.target_id is None:
            save_parts(self.wb, person, {})   # links the best target
        day = self.when.value or date.today()
        set_status(self.wb, record.id, status, day)
        self._show_tracker()
        self.refresh_due()
        self.status.ok(f"{person.name}: {STATUS_LABELS[status]} on {day.isoformat()}.")

    @reports_errors
    def log_follow_up(self, _=None) -> None:
        person = self._person()
        if person is None:
            raise ValidationError("Pick a contact first.")
        record = outreach_for(self.wb, person.id)
        if record.status != "sent":
            raise ValidationError(f"{person.name} has status '{STATUS_LABELS[record.status]}'; "
                                  "a follow-up only makes sense after 'sent' with no reply.")
        day = self.when.value or date.today()
        log_follow_up(self.wb, record.id, day)
        self._show_tracker()
        self.refresh_due()
        self.status.ok(f"Logged the follow-up to {person.name} on {day.isoformat()}.")

    @reports_errors
    def make_ics(self, _=None) -> None:
        cal, items = due_calendar(self.wb, self.today or date.today())
        if not items:
            self.ics_link.value = ""
            self.status.warn("No follow-ups are scheduled yet: mark a message as sent first.")
            return
        path = write_ics(cal, output_dir(self.wb.path) / "follow-ups.ics")
        data = base64.b64encode(path.read_bytes()).decode("ascii")
        dates = plural(len(items), "follow-up date")
        self.ics_link.value = (f"<a download='follow-ups.ics' href='data:text/calendar;base64,"
                               f"{data}' style='color:#0969da;text-decoration:underline'>"
                               f"Download follow-ups.ics</a> ({dates}; also saved as "
                               f"<code>{html.escape(str(path))}</code>)")
        self.last_ics_path = path
        self.status.ok(f"Calendar file with {dates} is ready.")
