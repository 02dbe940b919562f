"""Step 1 panel, "who you know": prompts by part of life, quick add, bulk paste, import,
the list of people (with filters and a change-everyone-listed action) and a details editor. Every change is written to the workbook at once.

Other panels (e.g. the network map) can follow changes: `panel.on_change(callback)` adds a
callable to `panel.listeners`; each is called with no arguments after every add, edit,
delete, undo, import and bulk change (once per bulk change).

Example (in a notebook):
    panel = WhoYouKnowPanel(open_workbook())
    panel
"""

from __future__ import annotations

import asyncio
import html
import warnings
from collections.abc import Callable

import ipywidgets as w

from ..capture import add_bulk, preview_bulk, quick_add, similar_contacts
from ..classroom.protocol import Protocol, current_protocol
from ..importers import FORMATS, import_uploads
from ..workbook.errors import InfoviewError, ValidationError
from ..workbook.model import TIE_STRENGTH_MEANING, TIE_STRENGTHS, Contact
from ..workbook.store import Workbook
from .bulk_edit import BulkEditor
from .common import Panel, StatusLine, button, hooked, reports_errors, text_input, title
from .who_you_know_html import MAX_ROWS, bulk_preview_html, people_table, summary_html

PROMPT_SETTING = "who_you_know.prompt"
LABELS = {"description_width": "8em"}  # "Organization" and "Introduced by" fit; boxes line up
SETTLE_SECONDS = 0.3
WEAK_TIES = ("Why include people you rarely see? In Granovetter's study of job changers, the "
             "contact who helped had been seen often in only 17% of cases, occasionally in 55% "
             "and rarely in 28%: acquaintances hear of things your close friends do not.")


class WhoYouKnowPanel(Panel):
    """List everyone you know, one part of life at a time; import contacts you have."""

    def __init__(self, wb: Workbook, protocol: Protocol | None = None):
        self.wb = wb
        self.protocol = protocol or current_protocol()
        self.status = StatusLine()
        self.listeners: list[Callable[[], None]] = []
        self._last_deleted: int | None = None
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

        self.name = text_input("Name, e.g. Ada Example (Enter adds)", "iv-name", width="21em")
        self.organization = text_input("Organization (optional)", "iv-org")
        self.job_title = text_input("Job title (optional)", "iv-title")
        self.category = hooked(w.Dropdown(options=[("(no category)", "")] + [(c, c) for c in cats],
                                          layout=w.Layout(width="12em")), "iv-category")
        self.add_anyway = hooked(w.Checkbox(description="add anyway (same name, another person)",
                                            indent=False), "iv-add-anyway")
        # the boxes send their text as it is typed (nothing listens, so it costs nothing): a
        # click on Add can overtake a text sent only when the box is left
        self.add_button = button("Add", "iv-add", "primary")
        self.add_button.on_click(self.click_add)
        self._add_pending = False
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)
            self.name.on_submit(self.request_add)

        self.bulk_text = hooked(w.Textarea(
            placeholder="One person per line:\nAda Example\nBo Chen, Northwind Solar, Intern",
            layout=w.Layout(width="36em", height="8em")), "iv-bulk")
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
        self.upload.observe(self._on_upload, names="value")

        self.search = text_input("Find a person by name", "iv-search")
        self.search.observe(lambda _: self.refresh(), names="value")
        self.bulk = BulkEditor(wb, cats, self.search, changed=self._changed, refilter=self.refresh)
        self.people_html = hooked(w.HTML(), "iv-people")
        self.editor_hint = hooked(w.HTML(), "iv-editor-hint")

        self.person = hooked(w.Dropdown(description="Person", layout=w.Layout(width="30em")),
                             "iv-person")
        self.person.observe(lambda _: self.load_person(), names="value")
        self.detail_org = hooked(w.Text(description="Organization", continuous_update=False),
                                 "iv-detail-org")
        self.detail_title = hooked(w.Text(description="Job title", continuous_update=False),
                                   "iv-detail-title")
        self.detail_categories = hooked(w.SelectMultiple(options=cats, rows=6,
                                                         description="Categories"), "iv-categories")
        self.tie = hooked(w.ToggleButtons(
            options=[("not set", "")] + [(t, t) for t in TIE_STRENGTHS], description="We talk",
            tooltips=["not set"] + [TIE_STRENGTH_MEANING[t] for t in TIE_STRENGTHS]), "iv-tie")
        self.can_interview = hooked(w.Checkbox(description="could interview", indent=False),
                                    "iv-can-interview")
        self.can_refer = hooked(w.Checkbox(description="could refer me onward", indent=False),
                                "iv-can-refer")
        self.introduced_by = hooked(w.Dropdown(description="Introduced by",
                                               layout=w.Layout(width="30em")), "iv-introduced-by")
        self.notes = hooked(w.Textarea(description="Notes", continuous_update=False,
                                       layout=w.Layout(width="36em")), "iv-notes")
        for widget in (self.detail_org, self.detail_title, self.detail_categories, self.tie,
                       self.can_interview, self.can_refer, self.introduced_by, self.notes):
            widget.observe(self._on_detail, names="value")
        for widget in (self.person, self.detail_org, self.detail_title, self.detail_categories,
                       self.tie, self.introduced_by, self.notes):
            widget.style.description_width = LABELS["description_width"]
        self.tie.style.button_width = "8em"  # label and the four choices on one line
        for widget in (self.detail_org, self.detail_title):
            widget.layout.width = "30em"
        self.delete_button = button("Delete this person", "iv-delete", "danger")
        self.delete_button.on_click(self.delete)
        self.undo_button = button("Undo delete", "iv-undo")
        self.undo_button.disabled = True
        self.undo_button.on_click(self.undo)

        meanings = " · ".join(f"<b>{t}</b>: {html.escape(TIE_STRENGTH_MEANING[t])}"
                              for t in TIE_STRENGTHS)
        self.tie_help = tie_help = hooked(w.HTML(
            f"<div style='line-height:1.4;font-size:90%;margin:0 0 6px 8.5em'>{meanings}<br>"
            f"<span style='color:#555'>{html.escape(WEAK_TIES)}</span></div>"), "iv-tie-help")
        self.widget = hooked(w.VBox([
            title("Think of people, one part of your life at a time"), self.prompt_html,
            w.HBox([self.prev_button, self.next_button]), w.HBox([self.count_bar, self.count_html]),
            title("Add one person"),
            w.HBox([self.name, self.organization, self.job_title, self.category]),
            w.HBox([self.add_button, self.add_anyway]), self.status.widget,
            title("Paste a list"), self.bulk_text,
            w.HBox([self.preview_button, self.include_duplicates, self.confirm_button]),
            self.bulk_preview,
            title("Import contacts you already have"),
            w.HTML("LinkedIn <code>Connections.csv</code> (or the whole export <code>.zip</code>), "
                   "Google or Outlook CSV, or vCard <code>.vcf</code>. A backup is made first; "
                   "importing the same file again adds nobody. Nothing leaves this computer."),
            w.HBox([self.upload, self.import_format]), self.import_progress, self.import_summary,
            title("Your people"), w.HBox([self.search, self.bulk.filters]), self.bulk.count,
            w.Box([self.people_html], layout=w.Layout(max_height="24em", overflow="auto")),
            self.bulk.widget,
            title("Details for one person"), self.editor_hint, self.person, self.detail_org,
            self.detail_title,
            self.detail_categories, self.tie, tie_help,
            w.HBox([self.can_interview, self.can_refer]), self.introduced_by, self.notes,
            w.HBox([self.delete_button, self.undo_button]),
        ]), "iv-who-you-know")
        self._show_prompt()
        self.refresh(people_changed=True)

    # -- change notification ------------------------------------------------------------
    def on_change(self, callback: Callable[[], None]) -> None:
        """Call `callback()` after every add, edit, delete, undo and import."""
        self.listeners.append(callback)

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
        if category in [v for _, v in self.category.options]:
            self.category.value = category

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
        self.people_html.value = people_table(shown, names, empty=(
            f"Nobody on your list matches ({self.bulk.describe()}). Clear the search box or the "
            "filters to see everyone." if people else
            "Nobody here yet. Start with the prompt at the top: type a name under 'Add one "
            "person' and press Enter."))
        self.editor_hint.value = "" if shown else (
            "<p><i>Nobody matches; clear the search and filters to see everyone.</i></p>" if people
            else "<p><i>Add someone above first; then pick them here to note how often you "
                 "talk, whether they could talk to you about their work, and who introduced "
                 "you.</i></p>")
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

    def load_person(self) -> None:
        """Fill the details editor from the selected person."""
        if self._loading:
            return
        self._loading = True
        try:
            contact = self.wb.get(Contact, self.person.value) if self.person.value else None
            disabled = contact is None
            for widget in (self.detail_org, self.detail_title, self.detail_categories, self.tie,
                           self.can_interview, self.can_refer, self.introduced_by, self.notes,
                           self.delete_button):
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
    def click_add(self, _=None) -> None:
        """The Add button: add at once, unless the name has not arrived yet (the browser can
        send the click before the text typed just before it): then wait a moment, as Enter
        does, and only then say a name is missing."""
        if self.name.value.strip():
            self.add()
        else:
            self.request_add()

    def request_add(self, _=None) -> None:
        """Enter in the name box. The browser sends Enter before the text typed just before
        it, so in a kernel the add runs a moment later, once the boxes' values have arrived."""
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:  # plain Python (no event loop): the values are already set
            self.add()
            return
        if not self._add_pending:
            self._add_pending = True
            loop.call_later(SETTLE_SECONDS, self._flush_add)

    def _flush_add(self) -> None:
        self._add_pending = False
        self.add()

    @reports_errors
    def add(self, _=None) -> None:
        """Quick add: the name (and optional organization, title, category) typed above."""
        result = quick_add(self.wb, self.name.value, self.organization.value,
                           self.job_title.value, self.category.value,
                           allow_duplicate=self.add_anyway.value)
        if result.contact is None:
            self.status.warn(result.message)
            return
        (self.status.warn if result.same or result.similar else self.status.ok)(result.message)
        self.name.value = self.organization.value = self.job_title.value = ""
        self.add_anyway.value = False
        self._changed()

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
        added = add_bulk(self.wb, self._bulk_lines, category=self.category.value,
                         include_duplicates=self.include_duplicates.value)
        self.status.ok(f"Added {len(added)} people from the pasted list.")
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
            self.import_summary.value = (f"<p class='iv-import-error' style='color:#cf222e'>"
                                         f"<b>Nothing was imported.</b>{why}</p>")
            raise
        finally:
            self.upload.value = ()
        self.import_progress.value = 1.0
        self.import_summary.value = summary_html(summary)
        if summary.added or summary.merged:
            self.status.ok(f"Import done: {summary.added} added, {summary.merged} merged.")
        else:
            self.status.warn("Nobody was imported from that file; the list below the upload "
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
        self.status.ok("Saved.")
        self._changed(people_changed=False)

    @reports_errors
    def delete(self, _=None) -> None:
        """Take the selected person off the list (Undo brings them back)."""
        if not self.person.value:
            raise ValidationError("Pick a person first.")
        contact = self.wb.delete_contact(self.person.value)
        self._last_deleted = contact.id
        self.undo_button.disabled = False
        self.status.ok(f"Deleted {contact.name}. Click 'Undo delete' to bring them back.")
        self._changed()

    @reports_errors
    def undo(self, _=None) -> None:
        """Bring back the person deleted last."""
        if self._last_deleted is None:
            raise ValidationError("There is nothing to undo.")
        contact = self.wb.undo_delete_contact(self._last_deleted)
        self._last_deleted = None
        self.undo_button.disabled = True
        self.status.ok(f"{contact.name} is back on your list.")
        self._changed()
        if contact.id in {v for _, v in self.person.options}:
            self.person.value = contact.id

    def looks_like(self, name: str) -> list[str]:
        """Names already listed that look like `name` (same or very similar)."""
        same, near = similar_contacts(self.wb.contacts(), name)
        return [c.name for c in same + near]
