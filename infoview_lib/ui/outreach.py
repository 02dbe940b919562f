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

from datetime import date

from ..outreach import parts_for, save_parts
from ..outreach.actions import (
    change_length,
    compose,
    follow_up_sent,
    mark_status,
    write_due_calendar,
)
from ..outreach.contacts import contact_options, remember_contact
from ..outreach.tracker import STATUS_LABELS
from ..text import plural
from ..workbook.errors import InfoviewError, ValidationError
from ..workbook.model import Contact
from ..workbook.store import Workbook
from .common import Panel, StatusLine, reports_errors, stops_when_deleted
from .outreach_html import EMPTY_LIST, PICK_FIRST, composed_html, ics_link_html, warn_html
from .outreach_parts import NOBODY, OutreachWidgets, referrer_names
from .typed_boxes import TypedBoxes


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
        self.typed_parts = TypedBoxes(self.contact, [*self.parts.values(), self.referrer,
                                                     self.minutes])  # typed for whom
        self.channel.observe(self._render, names="value")
        self.strict.observe(self._render, names="value")
        for status, b in self.status_buttons.items():
            b.on_click(lambda _, s=status: self.set_status(s))
        self.follow_up_button.on_click(self.log_follow_up)
        self.ics_button.on_click(self.make_ics)

    def _person(self) -> Contact | None:
        return None if self.contact.value is None else self.wb.get(Contact, self.contact.value)

    def _picked(self) -> Contact:
        person = self._person()
        if person is None:
            raise ValidationError("Pick a contact first.")
        return person

    def _load_contact(self) -> None:
        """The chosen contact's parts, draft and tracker, from the workbook."""
        person = self._person()
        self._fill_parts(None if person is None else parts_for(self.wb, person))
        self._render()
        self._show_tracker()

    @stops_when_deleted
    def _render(self, _=None) -> None:
        person = self._person()
        if person is None:
            self.draft.value, self.checker.value = PICK_FIRST, ""
            return
        try:
            shown = compose(self.wb, person, self.channel.value, self.strict.value)
        except InfoviewError as err:
            self.draft.value = self.checker.value = ""
            self.status.error(str(err))
            return
        self.draft.value, self.checker.value = composed_html(shown)

    def snapshot(self) -> tuple:
        """The people offered and the one shown (Panel.catch_up compares them)."""
        return tuple(self.contact.options), self.contact.value

    def reload(self) -> None:
        """Everything from the workbook again (another notebook changed it): the people to
        pick from, the chosen person's parts, draft and tracker, the due list."""
        options, suggested = contact_options(self.wb)
        with self._quietly():
            self.contact.options = options
            self.contact.value = suggested
            self.referrer.options = referrer_names(self.wb)
        self._enable(suggested is not None)
        if suggested is not None:
            self.empty_note.value = ""
        self._load_contact()
        self.refresh_due()

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
        ask = change_length(self.wb, self._person(), self.parts["ask"].value,
                            change["old"], change["new"])
        with self._quietly():
            self.parts["ask"].value = ask
        self._render()

    @reports_errors
    def set_status(self, status: str) -> None:
        person, day = self._picked(), self.when.value or date.today()
        mark_status(self.wb, person, status, day)
        self._show_tracker()
        self.refresh_due()
        self.status.ok(f"{person.name}: {STATUS_LABELS[status]} on {day.isoformat()}.")

    @reports_errors
    def log_follow_up(self, _=None) -> None:
        person, day = self._picked(), self.when.value or date.today()
        follow_up_sent(self.wb, person, day)
        self._show_tracker()
        self.refresh_due()
        self.status.ok(f"Logged the follow-up to {person.name} on {day.isoformat()}.")

    @reports_errors
    def make_ics(self, _=None) -> None:
        path, count = write_due_calendar(self.wb, self.today or date.today())
        if path is None:
            self.ics_link.value = ""
            self.status.warn("No follow-ups are scheduled yet: mark a message as sent first.")
            return
        dates = plural(count, "follow-up date")
        self.ics_link.value = ics_link_html(path, dates)
        self.last_ics_path = path
        self.status.ok(f"Calendar file with {dates} is ready.")
