"""Step 5 panel: meeting details per contact, the checklist, the .ics invite and the
one-page plan (Markdown, shown in the notebook).

Details are saved as soon as date, time and time zone are all filled in; checklist ticks
are saved at once. CSS hooks: .iv-meeting-contact, .iv-meeting-date, .iv-meeting-time,
.iv-meeting-tz, .iv-meeting-place, .iv-meeting-video, .iv-meeting-minutes, .iv-override,
.iv-save-meeting, .iv-check-<key>, .iv-make-ics, .iv-ics-link, .iv-plan.
"""

from __future__ import annotations

import base64
from contextlib import contextmanager
from datetime import date

import ipywidgets as w
from IPython.display import Markdown, display

from ..export.names import safe_filename
from ..export.plans import plan_markdown
from ..meetings.form import (
    is_override,
    missing_details,
    not_saved_message,
    people_options,
    starting_minutes,
)
from ..meetings.schedule import (
    meeting_for,
    meeting_ics,
    save_meeting,
    tick,
    when_text,
    write_meeting_ics,
)
from ..workbook.paths import output_dir
from ..workbook.store import Workbook
from .a11y import task_marks
from .common import Panel, StatusLine, hooked, reports_errors, stops_when_deleted, title
from .meeting_html import NOT_FIXED, invite_link_html, when_html
from .meeting_parts import MeetingWidgets
from .typed_boxes import TypedBoxes

NO_PEOPLE = ("There is nobody on your list yet: add the people you know in step 1 "
             "(01_who_you_know.ipynb), then come back here.")
NO_PLAN = ("*Your plan appears here once you have people on your list: add them "
           "in step 1 (`01_who_you_know.ipynb`).*")


class MeetingPanel(MeetingWidgets, Panel):
    """Fix the meeting, tick the checklist, make the invite and read the plan."""

    def __init__(self, wb: Workbook, contact_id: int | None = None):
        self.wb = wb
        self.status = StatusLine()
        self._loading = self._filling = False
        self.contact = hooked(w.Dropdown(options=people_options(wb), description="With",
                                         layout=w.Layout(width="28em")), "iv-meeting-contact")
        if contact_id is not None:
            self.contact.value = contact_id
        self._build_when()
        self._build_length()
        self._build_buttons()
        self._build_checklist()
        self.plan = hooked(w.Output(), "iv-plan")
        self.plan_md = ""
        self.save_button.on_click(self.save)
        self.ics_button.on_click(self.save_and_make_ics)
        for button in (self.save_button, self.ics_button):  # one save per click, not per box
            button.while_filling = self._filling_from_click
        for key, box in self.checks.items():
            box.observe(self._tick_handler(key), names="value")
        self.contact.observe(lambda _: self.load(), names="value")
        for field in (self.date, self.time, self.tz, self.place, self.video, self.minutes,
                      self.override):
            field.observe(self._autosave, names="value")
        self.typed = TypedBoxes(self.contact, [  # typed for the person shown: saved to them
            self.date, self.time, self.tz, self.place, self.video, self.minutes, self.override,
            *self.checks.values()])
        self.load()
        self.widget = hooked(w.VBox([
            title("Meeting"), self.contact, self.date, self.time, self.tz, self.place,
            self.video, w.HBox([self.minutes, self.override]), self.minutes_hint, self.when,
            w.HBox([self.save_button, self.ics_button]), self.ics_link, self.status.widget,
            title("Checklist"), *self.checks.values(),
            title("Your one-page plan"), self.plan,
        ]), "iv-meeting")

    @property
    def contact_id(self) -> int | None:
        return self.contact.value or None  # 0: the "no contacts yet" line

    def _tick_handler(self, key):
        def handler(change):
            if not self._loading:
                self.tick(key, change["new"])
        return handler

    def snapshot(self) -> tuple:
        """The people offered and the one shown (Panel.catch_up compares them)."""
        return tuple(self.contact.options), self.contact.value

    def reload(self) -> None:
        """The people and the chosen person's meeting from the workbook again (another
        notebook changed it)."""
        self._loading = True
        try:
            self.contact.options = people_options(self.wb)
        finally:
            self._loading = False
        self.load()

    @stops_when_deleted
    def load(self) -> None:
        """Fill the fields from the workbook for the chosen contact."""
        self._loading = True
        try:
            meeting = meeting_for(self.wb, self.contact_id) if self.contact_id else None
            if meeting and meeting.starts_at:
                self.date.value = date.fromisoformat(meeting.starts_at[:10])
                self.time.value = meeting.starts_at[11:16]
                self.tz.value = meeting.timezone
                self.place.value, self.video.value = meeting.place, meeting.video_link
                self.minutes.value = meeting.duration_minutes
                self.override.value = is_override(meeting.duration_minutes)
                self.when.value = when_html(when_text(meeting))
            else:
                self.date.value, self.time.value = None, ""
                self.tz.value = self.wb.setting("timezone") or self.tz.value
                self.place.value = self.video.value = ""
                self.minutes.value = starting_minutes(self.wb, self.contact_id)
                self.when.value = NOT_FIXED
            for key, box in self.checks.items():
                box.value = bool(meeting and meeting.checklist.get(key))
                box.disabled = meeting is None
        finally:
            self._loading = False
        self.ics_link.value = ""
        self.show_plan()

    def show_plan(self) -> None:
        self.plan_md = plan_markdown(self.wb, self.contact_id) if self.contact_id else NO_PLAN
        self.plan.clear_output()
        with self.plan:
            display(Markdown(task_marks(self.plan_md)))  # no unnamed, untickable boxes

    def _missing(self) -> list[str]:
        return missing_details(self.date.value, self.time.value, self.tz.value)

    @contextmanager
    def _filling_from_click(self):
        """While a click puts what the browser shows into the boxes: no save per box."""
        self._filling = True
        try:
            yield
        finally:
            self._filling = False

    def _autosave(self, _change) -> None:
        if self._loading or self._filling:
            return
        if self.contact_id and not self._missing():
            self.save()
        elif self.contact_id:
            self.status.warn(not_saved_message(self._missing()))

    @reports_errors
    def save(self, _=None) -> None:
        self._save()

    def _save(self) -> None:
        if not self.contact_id:
            self.status.warn(NO_PEOPLE)
            return
        if self._missing():
            self.status.warn("Fill in the date, the time (HH:MM) and the time zone first.")
            return
        meeting = save_meeting(self.wb, self.contact_id, self.date.value, self.time.value,
                               self.tz.value, self.place.value, self.video.value,
                               self.minutes.value, self.override.value)
        self.wb.set_setting("timezone", meeting.timezone)  # the next meeting starts from it
        self.load()
        self.status.ok(f"Saved: {when_text(meeting)}.")

    @reports_errors
    def tick(self, key: str, done: bool) -> None:
        meeting = meeting_for(self.wb, self.contact_id)
        if meeting is None:
            self.status.warn("Save the meeting first, then tick the checklist.")
            return
        tick(self.wb, meeting.id, key, done)
        self.status.ok("Checklist saved.")
        self.show_plan()

    @reports_errors
    def save_and_make_ics(self, _=None) -> None:
        """The invite button: save what the boxes show (if complete), then make the invite
        (a time or place that cannot be saved stops it: no invite from older details)."""
        if self.contact_id and not self._missing():
            self._save()
        self.make_ics()

    @reports_errors
    def make_ics(self, _=None) -> None:
        if not self.contact_id:
            self.status.warn(NO_PEOPLE)
            return
        meeting = meeting_for(self.wb, self.contact_id)
        if meeting is None or not meeting.starts_at:
            self.status.warn("Save the meeting (date, time, zone) before making the invite.")
            return
        name = safe_filename(self.contact.label, default="meeting")
        path = write_meeting_ics(self.wb, meeting,
                                 output_dir(self.wb.path) / "invites" / f"meeting-{name}.ics")
        data = base64.b64encode(meeting_ics(self.wb, meeting)).decode("ascii")
        self.ics_link.value = invite_link_html(name, data, path)
        self.last_ics_path = path
        self.status.ok("Invite ready: open it to add the meeting to your calendar.")
