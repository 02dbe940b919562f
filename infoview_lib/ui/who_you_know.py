"""Step 1 panel, "who you know": prompts by part of life, quick add, bulk paste, import, the
list of people (filters, a change-everyone-listed action) and a details editor. Every change is
written to the workbook at once; each message shows next to the control that caused it.

Other panels (e.g. the network map) can follow changes: `panel.on_change(callback)` adds a
callable to `panel.listeners`; each is called with no arguments after every add, edit,
delete, undo, import and bulk change (once per bulk change).

Example (in a notebook):
    panel = WhoYouKnowPanel(open_workbook())
    panel
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import ipywidgets as w

from ..capture import quick_add, similar_contacts
from ..classroom.protocol import Protocol, current_protocol
from ..workbook.store import Workbook
from . import who_you_know_html as texts
from .bulk_edit import BulkEditor
from .common import Panel, StatusLine, hooked, reports_errors, stops_when_deleted, text_input, title
from .list_prompts import PROMPT_SETTING, PromptsMixin  # noqa: F401 - the setting's old home
from .paste_import import PasteImportMixin
from .person_delete import DeleteControls
from .person_details import DetailsEditor
from .quick_add import QuickAddForm
from .who_you_know_html import people_table, person_options

if TYPE_CHECKING:  # the map panel is only passed in; importing it here would load matplotlib
    from .network_map import MapPanel

EDITOR = {"save_details", "ask_delete", "delete", "cancel_delete", "undo"}


class WhoYouKnowPanel(PromptsMixin, PasteImportMixin, DetailsEditor, DeleteControls, Panel):
    """List everyone you know, one part of life at a time; import contacts you have."""

    def __init__(self, wb: Workbook, protocol: Protocol | None = None,
                 map_panel: Panel | None = None):
        self.wb = wb
        self.protocol = protocol or current_protocol()
        self.status = StatusLine()  # quick add; each section below has its own line
        self.paste_status = StatusLine("iv-paste-status")
        self.import_status = StatusLine("iv-import-status")
        self.editor_status = StatusLine("iv-editor-status")
        self.listeners: list[Callable[[], None]] = []
        self._loading = False
        cats = list(self.protocol.categories)
        # name, organization, title and part of life travel with the click (see quick_add)
        self.quick = QuickAddForm([("(no category)", "")] + [(c, c) for c in cats], self.add)
        self._build_prompts()
        self._build_paste()
        self._build_import()
        self._build_people(cats)
        self._build_editor(cats)
        self.widget = hooked(w.VBox(self._sections(map_panel)), "iv-who-you-know")
        if map_panel is not None:
            self._follow_map(map_panel)
        self._show_prompt()
        self.refresh(people_changed=True)

    def _build_people(self, cats: list[str]) -> None:
        """The search box, the filters and change-everyone-listed action, and the table."""
        self.search = text_input("Find a person by name", "iv-search")
        self.search.observe(lambda _: self.refresh(), names="value")
        self.bulk = BulkEditor(self.wb, cats, self.search, changed=self._changed,
                               refilter=self.refresh, catch_up=self.catch_up)
        self.people_html = hooked(w.HTML(), "iv-people")

    def _sections(self, map_panel: Panel | None) -> list[w.Widget]:
        """The panel top to bottom: prompts, add one, (the map), paste, import, list, details."""
        return [
            title("Think of people, one part of your life at a time"), self.prompt_html,
            w.HBox([self.prev_button, self.next_button]), w.HBox([self.count_bar, self.count_html]),
            title("Add one person"), self.quick, self.status.widget,
            *([map_panel.widget] if map_panel is not None else []),
            title("Paste a list"), self.bulk_text,
            w.HBox([self.preview_button, self.include_duplicates, self.confirm_button]),
            self.paste_status.widget, self.bulk_preview,
            title("Import contacts you already have"),
            w.HTML(texts.IMPORT_HELP),
            w.HBox([self.upload, self.import_format]), self.import_status.widget,
            self.import_progress, self.import_summary, self.duplicates.widget,
            title("Your people"), w.HBox([self.search, self.bulk.filters]), self.bulk.count,
            self.people_html,  # scrolls inside (a named tab stop: who_you_know_html)
            self.bulk.widget,
            title("Details for one person"), self.editor_hint, self.person, self.detail_org,
            self.detail_title,
            self.detail_categories, self.tie, self.tie_help,
            w.HBox([self.can_interview, self.can_refer]), self.introduced_by, self.notes,
            w.HBox([self.delete_button, self.confirm_box, self.undo_button]),
            self.editor_status.widget,
        ]

    def _follow_map(self, map_panel: MapPanel) -> None:
        """The map redraws after every change; a click on the explorable map picks a person."""
        self.on_change(map_panel.refresh)
        map_panel.on_select(self.select_person)

    # -- change notification ------------------------------------------------------------
    def on_change(self, callback: Callable[[], None]) -> None:
        """Call `callback()` after every add, edit, delete, undo and import."""
        self.listeners.append(callback)

    def status_for(self, handler: str) -> StatusLine:
        """Each message next to the control that caused it."""
        lines = {"preview": self.paste_status, "confirm_bulk": self.paste_status,
                 "import_files": self.import_status}
        return lines.get(handler) or (self.editor_status if handler in EDITOR else self.status)

    def snapshot(self) -> tuple:
        """The people the pickers offer and the one shown (Panel.catch_up compares them)."""
        return tuple(self.introduced_by.options), self.person.value

    def reload(self) -> None:
        """Everything from the workbook again (another notebook changed it)."""
        self._last_deleted = None
        self.undo_button.disabled = True
        self.bulk.forget()
        self._hide_confirm()
        self._changed()

    def _changed(self, people_changed: bool = True) -> None:
        """Tell the listeners (the map: the picture the user waits for goes to the browser
        first), then list the people again (table, pickers)."""
        for listener in list(self.listeners):
            listener()
        self.refresh(people_changed=people_changed)

    # -- refresh ---------------------------------------------------------------------------
    @stops_when_deleted  # the search box runs it
    def refresh(self, people_changed: bool = False) -> None:
        """Rebuild the count, the table and (if the list changed) the pickers from the workbook."""
        people = self.wb.contacts()
        self._show_count(people)
        names = {c.id: c.name for c in people}
        if people_changed:
            self.bulk.set_people(people)
        shown = self.bulk.selection(people)
        self.bulk.show_count(len(shown), len(people))
        self.people_html.value = people_table(shown, names, empty=texts.NO_MATCH.format(
            self.bulk.describe()) if people else texts.NOBODY_YET)
        self.editor_hint.value = "" if shown else (
            texts.EDITOR_NO_MATCH if people else texts.EDITOR_EMPTY)
        current = self.person.value
        options = person_options(shown)
        self._loading = True
        try:
            if people_changed:
                self.introduced_by.options = [("(nobody)", None)] + sorted(
                    ((c.name, c.id) for c in people), key=lambda o: o[0].casefold())
            self.person.options = options
            values = {v for _, v in options}
            self.person.value = current if current in values else (
                options[0][1] if options else None)
        finally:
            self._loading = False
        self.load_person()

    def select_person(self, contact_id: int) -> None:
        """Open this person in the details editor (clearing a search that hides them)."""
        if contact_id not in {v for _, v in self.person.options}:
            self.bulk.search.value = ""  # a search that hid them is cleared
            self.refresh()
        if contact_id in {v for _, v in self.person.options}:
            self.person.value = contact_id

    # -- handlers ----------------------------------------------------------------------------
    def add(self, fields: dict) -> None:
        """Quick add: the name (and optional organization, title, category) sent by the form;
        when nobody was added, the typed text goes back into the boxes."""
        if not self._add(fields):
            self.quick.refused(fields)

    @reports_errors
    def _add(self, fields: dict) -> bool:
        result = quick_add(self.wb, fields["name"], fields["organization"], fields["title"],
                           fields["category"], allow_duplicate=fields["anyway"])
        if result.contact is None:
            self.status.warn(result.message)
            return False
        (self.status.warn if result.same or result.similar else self.status.ok)(result.message)
        self._changed()
        return True

    def looks_like(self, name: str) -> list[str]:
        """Names already listed that look like `name` (same or very similar)."""
        same, near = similar_contacts(self.wb.contacts(), name)
        return [c.name for c in same + near]
