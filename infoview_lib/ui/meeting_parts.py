"""The widgets of step 5's panel, built in groups: when and where, the length, the buttons
and the checklist. MeetingPanel wires them to the library; CSS hooks are listed in
ui/meeting.py.

Example (the buttons carry the boxes: build them first):
    >>> parts = MeetingWidgets()
    >>> parts.contact = w.Dropdown(options=[("Ada Example", 1)])
    >>> parts.date, parts.time, parts.tz = w.DatePicker(), w.Text(), w.Combobox()
    >>> parts.place, parts.video = w.Text(), w.Text()
    >>> parts._build_length()
    >>> parts._build_buttons()
    >>> parts.save_button.description, len(parts.ics_button.fields)
    ('Save meeting', 8)
"""

from __future__ import annotations

import ipywidgets as w

from ..meetings.lengths import default_minutes, lengths_text
from ..meetings.schedule import CHECKLIST, common_zones, max_minutes
from .common import hooked, text_input
from .form_button import FormButton
from .meeting_html import lengths_hint_html


class MeetingWidgets:
    """Builders for the panel's widget groups (each sets attributes on self)."""

    def _build_when(self) -> None:
        self.date = hooked(w.DatePicker(description="Date"), "iv-meeting-date")
        self.time = text_input("HH:MM, e.g. 15:30", "iv-meeting-time", "Time", "18em")
        self.time.continuous_update = False
        local = self.wb.setting("timezone") or "UTC"
        self.tz = hooked(w.Combobox(options=common_zones(), value=local, description="Zone",
                                    ensure_option=False, continuous_update=False,
                                    layout=w.Layout(width="24em")), "iv-meeting-tz")
        self.place = text_input("Address, building, room", "iv-meeting-place", "Place", "28em")
        self.video = text_input("https://...", "iv-meeting-video", "Video link", "28em")
        for box in (self.place, self.video):
            box.continuous_update = False
        self.when = hooked(w.HTML(), "iv-meeting-when")

    def _build_length(self) -> None:
        self.minutes = hooked(w.BoundedIntText(value=default_minutes(), min=5,
                                               max=max(120, 2 * max_minutes()),
                                               description="Minutes",
                                               layout=w.Layout(width="12em")),
                              "iv-meeting-minutes")
        self.minutes_hint = hooked(w.HTML(lengths_hint_html(lengths_text())),
                                   "iv-meeting-minutes-hint")
        self.override = hooked(w.Checkbox(value=False, description="They offered longer than "
                                          f"{max_minutes()} minutes", indent=False),
                               "iv-override")

    def _build_buttons(self) -> None:
        # what is typed or picked travels with the click (a fast click loses nothing); the
        # invite saves the boxes first too, so it never has an older time or place
        boxes = self.meeting_boxes()
        self.save_button = FormButton("Save meeting", "iv-save-meeting", "primary", boxes)
        self.ics_button = FormButton("Make calendar invite (.ics)", "iv-make-ics", fields=boxes)
        self.ics_button.layout = w.Layout(width="auto")
        self.ics_link = hooked(w.HTML(), "iv-ics-link")

    def meeting_boxes(self) -> list[w.Widget]:
        """Every box a meeting is saved from, the person first (a new person loads theirs)."""
        return [self.contact, self.date, self.time, self.tz, self.place, self.video,
                self.minutes, self.override]

    def _build_checklist(self) -> None:
        self.checks = {}
        for key, label in CHECKLIST.items():
            box = hooked(w.Checkbox(value=False, description=label, indent=False,
                                    layout=w.Layout(width="40em")), f"iv-check-{key}")
            self.checks[key] = box
