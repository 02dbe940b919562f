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

import html
from collections.abc import Callable

import ipywidgets as w

from ..capture import add_bulk, preview_bulk, quick_add, similar_contacts
from ..classroom.protocol import Protocol, current_protocol
from ..importers import FORMATS, import_uploads
from ..workbook.errors import InfoviewError, ValidationError
from ..workbook.model import Contact
from ..workbook.store import Workbook
from . import who_you_know_html as texts
from .bulk_edit import BulkEditor
from .common import (
    Panel,
    StatusLine,
    button,
    hooked,
    named,
    reports_errors,
    styled,
    text_input,
    title,
)
from .duplicates import DuplicatesPanel
from .person_delete import DeleteControls
from .person_details import DETAIL_FIELDS, add_detail_widgets
from .quick_add import QuickAddForm
from .who_you_know_html import MAX_ROWS, bulk_preview_html, people_table, summary_html

PROMPT_SETTING = "who_you_know.prompt"
EDITOR = {"save_details", "ask_delete", "delete", "cancel_delete", "undo"}
LABELS = {"description_width": "8em"}  # "Organization" and "Introduced by" fit; boxes line up


class WhoYouKnowPanel(DeleteControls, Panel):
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
        self._bulk_lines: list = []
        self._loading = False
        cats = list(self.protocol.categories)
        self.prompts = list(self.protocol.prompts)
        self._prompt = min(int(wb.setting(PROMPT_SETTING, 0) or 0), max(len(self.prompts) - 1, 0))

        self.prompt_html = hooked(w.HTML(), "iv-prompt")
        self.prev_button = button("◀ Previous", "iv-prev")
        self.next_button = button("Next ▶", "iv-next")
        self.prev_button.on_click(lambda _=None: self.move_prompt(-1))
        self.next_button.on_click(lambda _=None: self.move_prompt(+1))
        self.count_html = hooked(w.HTML(), "iv-count")
        self.count_bar = hooked(w.IntProgress(min=0, max=self.protocol.list_stretch,
                                              layout=w.Layout(width="24em")), "iv-count-bar")

        # name, organization, title and part of life travel with the click (see quick_add)
        self.quick = QuickAddForm([("(no category)", "")] + [(c, c) for c in cats], self.add)

        self.bulk_text = named(hooked(w.Textarea(
            placeholder="One person per line:\nAda Example\nBo Chen, Northwind Solar, Intern",
            layout=w.Layout(width="36em", height="8em")), "iv-bulk"), "People to add, one per line")
        self.preview_button = button("Preview", "iv-preview")
        self.preview_button.on_click(self.preview)
        self.bulk_preview = hooked(w.HTML(), "iv-bulk-preview")
        self.include_duplicates = hooked(w.Checkbox(description="also add lines marked as "
                                                    "duplicates", indent=False), "iv-include-dup")
        self.confirm_button = button("Add these people", "iv-bulk-confirm", "primary")
        self.confirm_button.disabled = True
        self.confirm_button.on_click(self.confirm_bulk)

        self.upload = hooked(w.FileUpload(accept=".csv,.vcf,.zip,.txt", multiple=True,
                                          description="Import contacts",
                                          layout=w.Layout(width="auto")), "iv-upload")
        self.import_format = hooked(w.Dropdown(options=FORMATS, value="auto",
                                               description="Format"), "iv-import-format")
        self.import_progress = hooked(w.FloatProgress(min=0.0, max=1.0, value=0.0),
                                      "iv-import-progress")
        self.import_summary = hooked(w.HTML(), "iv-import-summary")
        self.duplicates = DuplicatesPanel(wb, on_change=self._changed)  # review, merge, undo
        self.upload.observe(self._on_upload, names="value")

        self.search = text_input("Find a person by name", "iv-search")
        self.search.observe(lambda _: self.refresh(), names="value")
        self.bulk = BulkEditor(wb, cats, self.search, changed=self._changed, refilter=self.refresh,
                               catch_up=self.catch_up)
        self.people_html = hooked(w.HTML(), "iv-people")
        self.editor_hint = hooked(w.HTML(), "iv-editor-hint")

        self.person = hooked(w.Dropdown(description="Person", layout=w.Layout(width="30em")),
                             "iv-person")
        self.person.observe(self._on_person, names="value")
        add_detail_widgets(self, cats)
        for widget in DETAIL_FIELDS(self):
            widget.observe(self._on_detail, names="value")
        self.person.style.description_width = LABELS["description_width"]
        self.add_delete_controls()

        self.widget = hooked(w.VBox([
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
        ]), "iv-who-you-know")
        if map_panel is not None:
            self.on_change(map_panel.refresh)
            if hasattr(map_panel, "on_select"):  # a click on the explorable map picks a person
                map_panel.on_select(self.select_person)
        self._show_prompt()
        self.refresh(people_changed=True)

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
        self.refresh(people_changed=people_changed)
        for listener in list(self.listeners):
            listener()

    # -- prompts and count --------------------------------------------------------------
    def move_prompt(self, step: int) -> None:
        if self.prompts:
            self._prompt = (self._prompt + step) % len(self.prompts)
            self.wb.set_setting(PROMPT_SETTING, self._prompt)
        self._show_prompt()
        self._show_count(self.wb.contacts())

    def _show_prompt(self) -> None:
        if not self.prompts:
            self.prompt_html.value = ""
            return
        item = self.prompts[self._prompt]
        category = item.get("category", "")
        self.prompt_html.value = (
            f"<div style='line-height:1.5'><small>Prompt {self._prompt + 1} of {len(self.prompts)} · "
            f"{html.escape(category)}</small><br><b>{html.escape(item.get('prompt', ''))}</b>"
            "<br><small>Write down every name that comes to mind, even people you have not "
            "spoken to for years. You do not have to contact anyone yet.</small></div>")
        if category in [v for _, v in self.quick.categories]:
            self.quick.category = category

    def _show_count(self, people: list[Contact]) -> None:
        n, aim, stretch = len(people), self.protocol.list_aim, self.protocol.list_stretch
        self.count_bar.value = min(n, stretch)
        here = ""
        if self.prompts:
            cat = self.prompts[self._prompt].get("category", "")
            here = f" ({sum(cat in c.categories for c in people)} as {html.escape(cat)})"
        goal = (f"aim for {aim}, stretch to {stretch}" if n < aim else
                f"you passed the aim of {aim}; stretch to {stretch}" if n < stretch else
                f"you reached the stretch goal of {stretch}. Well done")
        self.count_html.value = f"<b class='iv-count-number'>{n}</b> people listed{here}: {goal}."

    # -- refresh ---------------------------------------------------------------------------
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
        options = [(f"{c.name}" + (f" ({c.organization})" if c.organization else ""), c.id)
                   for c in shown[:MAX_ROWS]]
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

    def _on_person(self, _change=None) -> None:
        if self._confirm_id is not None and self._confirm_id != self.person.value:
            self._hide_confirm()  # the question was about someone else
        self.load_person()

    def select_person(self, contact_id: int) -> None:
        """Open this person in the details editor (clearing a search that hides them)."""
        if contact_id not in {v for _, v in self.person.options}:
            self.bulk.search.value = ""  # a search that hid them is cleared
            self.refresh()
        if contact_id in {v for _, v in self.person.options}:
            self.person.value = contact_id

    def load_person(self) -> None:
        """Fill the details editor from the selected person."""
        if self._loading:
            return
        self._loading = True
        try:
            contact = self.wb.get(Contact, self.person.value) if self.person.value else None
            disabled = contact is None
            for widget in (*DETAIL_FIELDS(self), self.delete_button):
                widget.disabled = disabled
            if contact is None:
                return
            extra = [c for c in contact.categories if c not in self.detail_categories.options]
            if extra:
                self.detail_categories.options = list(self.detail_categories.options) + extra
            self.detail_org.value = contact.organization
            self.detail_title.value = contact.title
            self.detail_categories.value = tuple(contact.categories)
            self.tie.value = contact.tie_strength
            self.can_interview.value = contact.can_interview
            self.can_refer.value = contact.can_refer
            known = {v for _, v in self.introduced_by.options}
            self.introduced_by.value = contact.introduced_by if contact.introduced_by in known \
                else None
            self.notes.value = contact.notes
        finally:
            self._loading = False

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

    @reports_errors
    def preview(self, _=None) -> None:
        """Show what the pasted lines would add, with duplicates flagged; write nothing."""
        self._bulk_lines = preview_bulk(self.wb, self.bulk_text.value)
        self.bulk_preview.value = bulk_preview_html(self._bulk_lines)
        self.confirm_button.disabled = not self._bulk_lines

    @reports_errors
    def confirm_bulk(self, _=None) -> None:
        """Add the previewed lines (duplicates only if the box is ticked)."""
        if not self._bulk_lines:
            raise ValidationError("Paste some names and click Preview first.")
        added = add_bulk(self.wb, self._bulk_lines, category=self.quick.category,
                         include_duplicates=self.include_duplicates.value)
        self.paste_status.ok(f"Added {len(added)} people from the pasted list.")
        self._bulk_lines = []
        self.bulk_text.value = ""
        self.bulk_preview.value = ""
        self.confirm_button.disabled = True
        self._changed()

    def _on_upload(self, change) -> None:
        if change["new"]:
            self.import_files([(f["name"], bytes(f["content"])) for f in change["new"]])

    @reports_errors
    def import_files(self, files: list[tuple[str, bytes]]) -> None:
        """Import uploaded (name, bytes) files, with progress and a summary."""
        self.import_progress.value = 0.0
        self.import_summary.value = "Reading " + html.escape(", ".join(n for n, _ in files)) + "…"
        try:
            summary = import_uploads(self.wb, files, fmt=self.import_format.value,
                                     progress=lambda f: setattr(self.import_progress, "value", f))
        except Exception as err:  # said here, by the upload button, as well as in the status
            why = f" {html.escape(str(err))}" if isinstance(err, InfoviewError) else ""
            self.import_summary.value = styled(f"<b>Nothing was imported.</b>{why}", "error",
                                               "p", "iv-import-error")
            raise
        finally:
            self.upload.value = ()
        self.import_progress.value = 1.0
        self.import_summary.value = summary_html(summary) + self.duplicates.after_import(summary)
        if summary.added or summary.merged:
            self.import_status.ok(f"Import done: {summary.added} added, {summary.merged} merged.")
        else:
            self.import_status.warn("Nobody was imported from that file; the list below the upload "
                             "button says why.")
        self._changed()

    def _on_detail(self, change) -> None:
        if not self._loading:
            self.save_details()

    @reports_errors
    def save_details(self) -> None:
        """Write the details editor's values to the selected person."""
        if not self.person.value:
            return
        if self.introduced_by.value == self.person.value:
            raise ValidationError("Someone cannot introduce themselves; pick another person.")
        self.wb.update(Contact, self.person.value, organization=self.detail_org.value,
                       title=self.detail_title.value,
                       categories=list(self.detail_categories.value), tie_strength=self.tie.value,
                       can_interview=self.can_interview.value, can_refer=self.can_refer.value,
                       introduced_by=self.introduced_by.value, notes=self.notes.value)
        self.editor_status.ok(f"Saved {self.wb.get(Contact, self.person.value).name}.")
        self._changed(people_changed=False)

    def looks_like(self, name: str) -> list[str]:
        """Names already listed that look like `name` (same or very similar)."""
        same, near = similar_contacts(self.wb.contacts(), name)
        return [c.name for c in same + near]
