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
from datetime import date

from ..classroom.protocol import current_protocol
from ..ics import write_ics
from ..outreach import check_message, parts_for, render, save_parts
from ..outreach.contacts import contact_options, length_changes, remember_contact, require_sent
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
from ..text import plural
from ..workbook.errors import InfoviewError, ValidationError
from ..workbook.model import Contact, Target
from ..workbook.paths import output_dir
from ..workbook.profile import get_profile, missing_message
from ..workbook.store import Workbook
from .common import Panel, StatusLine, reports_errors
from .outreach_html import (
    EMPTY_LIST,
    NOTHING_LOGGED,
    PICK_FIRST,
    checker_html,
    draft_html,
    due_html,
    ics_link_html,
    later_items,
    tracker_html,
    warn_html,
)
from .outreach_parts import NOBODY, OutreachWidgets, referrer_names


class OutreachPanel(OutreachWidgets, Panel):
    """Composer, live checker, tracker and due list for one contact at a time."""

    def __init__(self, wb: Workbook, today: date | None = None):
        self.wb = wb
        self.today = today
        self.status = StatusLine()
        self._quiet = True
        self._build_picker()
        self._build_parts()
        self._build_draft()
        self._build_tracker()
        self._build_due()
        self.widget = self._layout()
        self._wire()
        self._load_contact()
        self._quiet = False
        self.refresh_due()
        if self.contact.value is None:
            self.empty_note.value = warn_html(EMPTY_LIST, "iv-warn")
            self.status.warn(EMPTY_LIST)
            self._enable(False)

    def _wire(self) -> None:
        self.contact.observe(self._contact_changed, names="value")
        self.referrer.observe(self._part_changed, names="value")
        self.minutes.observe(self._minutes_changed, names="value")
        for box in self.parts.values():
            box.observe(self._part_changed, names="value")
        self.channel.observe(self._render, names="value")
        self.strict.observe(self._render, names="value")
        for status, b in self.status_buttons.items():
            b.on_click(lambda _, s=status: self.set_status(s))
        self.follow_up_button.on_click(self.log_follow_up)
        self.ics_button.on_click(self.make_ics)

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
            self.draft.value, self.checker.value = PICK_FIRST, ""
            return
        missing = missing_message(get_profile(self.wb))
        if missing:  # never a draft with a blank where your name or introduction belongs
            self.draft.value = warn_html(missing, "iv-profile-missing iv-warn")
            self.checker.value = ""
            return
        try:
            draft = render(parts, self.channel.value)
        except InfoviewError as err:
            self.draft.value = self.checker.value = ""
            self.status.error(str(err))
            return
        self.draft.value = draft_html(draft)
        results = check_message(draft.body, parts, strict=self.strict.value,
                                channel=self.channel.value)
        self.checker.value = checker_html(results, draft.notes)

    def _show_tracker(self) -> None:
        person = self._person()
        record = outreach_for(self.wb, person.id, create=False) if person else None
        if record is None:
            self.tracker.value = NOTHING_LOGGED
            return
        target = self.wb.get(Target, record.target_id).name if record.target_id else ""
        self.tracker.value = tracker_html(STATUS_LABELS[record.status], status_dates(record),
                                          reply_label(record, calendar_for(self.wb), self.today),
                                          target)

    def snapshot(self) -> tuple:
        """The people offered and the one shown (Panel.catch_up compares them)."""
        return tuple(self.contact.options), self.contact.value

    def reload(self) -> None:
        """Everything from the workbook again (another notebook changed it): the people to
        pick from, the chosen person's parts, draft and tracker, the due list."""
        options, suggested = contact_options(self.wb)
        was, self._quiet = self._quiet, True
        try:
            self.contact.options = options
            self.contact.value = suggested
            self.referrer.options = referrer_names(self.wb)
        finally:
            self._quiet = was
        self._enable(suggested is not None)
        if suggested is not None:
            self.empty_note.value = ""
        self._load_contact()
        self.refresh_due()

    def refresh_due(self) -> None:
        today = self.today or date.today()
        self.due.value = due_html(due_now(self.wb, today),
                                  later_items(schedule(self.wb, today), today),
                                  current_protocol().follow_up)

    # -- handlers -------------------------------------------------------------------
    @reports_errors
    def _contact_changed(self, _=None) -> None:
        if not self._quiet:
            self.ics_link.value = ""
            self._load_contact()
            if self.contact.value is not None:
                remember_contact(self.wb, self.contact.value)

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
        changes = length_changes(self.parts["ask"].value, change["old"], change["new"])
        save_parts(self.wb, self._person(), changes)
        was, self._quiet = self._quiet, True
        try:
            self.parts["ask"].value = self._current_parts().ask
        finally:
            self._quiet = was
        self._render()

    def _picked(self) -> Contact:
        person = self._person()
        if person is None:
            raise ValidationError("Pick a contact first.")
        return person

    @reports_errors
    def set_status(self, status: str) -> None:
        person = self._picked()
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
        person = self._picked()
        record = outreach_for(self.wb, person.id)
        require_sent(record, person.name, STATUS_LABELS[record.status])
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
        dates = plural(len(items), "follow-up date")
        self.ics_link.value = ics_link_html(base64.b64encode(path.read_bytes()).decode("ascii"),
                                            path, dates)
        self.last_ics_path = path
        self.status.ok(f"Calendar file with {dates} is ready.")
