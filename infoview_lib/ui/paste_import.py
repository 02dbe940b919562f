"""Step 1's "Paste a list" and "Import contacts you already have" sections.

A mixin for WhoYouKnowPanel: `_build_paste()` and `_build_import()` add the widgets to the
panel (which has `wb`, `quick`, `paste_status`, `import_status` and `_changed()`); the handlers
write through capture.py and importers/.

Example (in a notebook):
    panel = WhoYouKnowPanel(open_workbook())
    panel.import_files([("Connections.csv", data)])
"""

from __future__ import annotations

import html

import ipywidgets as w

from ..capture import add_bulk, preview_bulk
from ..importers import FORMATS, import_uploads
from ..text import plural
from ..workbook.errors import InfoviewError, ValidationError
from .common import hooked, named, reports_errors, styled
from .duplicates import DuplicatesPanel
from .file_picker import FilePicker
from .form_button import FormButton
from .who_you_know_html import bulk_preview_html, summary_html

CHOOSE_FILE = "Choose a contacts file…"


def chosen_label(names: list[str]) -> str:
    """The import button's label once files were chosen: what to do next, then their names
    (a long name is cut short at the end, so the action comes first).

    >>> chosen_label(["Connections.csv"])
    'Choose another file… (chosen: Connections.csv)'
    >>> chosen_label([])
    'Choose a contacts file…'
    """
    return f"Choose another file… (chosen: {', '.join(names)})" if names else CHOOSE_FILE


class PasteImportMixin:
    """Bulk paste with a preview, and file import with progress and a summary."""

    def _build_paste(self) -> None:
        self._bulk_lines: list = []
        self.bulk_text = named(hooked(w.Textarea(
            placeholder="One person per line:\nAda Example\nBo Chen, Northwind Solar, Intern",
            layout=w.Layout(width="36em", height="8em")), "iv-bulk"), "People to add, one per line")
        # what is typed or ticked travels with the click (a fast click loses nothing)
        self.preview_button = FormButton("Preview", "iv-preview", fields=[self.bulk_text])
        self.preview_button.on_click(self.preview)
        self.bulk_preview = hooked(w.HTML(), "iv-bulk-preview")
        self.include_duplicates = hooked(w.Checkbox(description="also add lines marked as "
                                                    "duplicates", indent=False), "iv-include-dup")
        self.confirm_button = FormButton("Add these people", "iv-bulk-confirm", "primary",
                                         [self.include_duplicates])
        self.confirm_button.disabled = True
        self.confirm_button.on_click(self.confirm_bulk)

    def _build_import(self) -> None:
        # not a FileUpload: that always adds its file count, and "(0)" read as "no contacts"
        self.upload = FilePicker(CHOOSE_FILE, "iv-upload", accept=".csv,.vcf,.zip,.txt",
                                 multiple=True)
        self.import_format = hooked(w.Dropdown(options=FORMATS, value="auto",
                                               description="Format"), "iv-import-format")
        self.import_progress = hooked(w.FloatProgress(min=0.0, max=1.0, value=0.0),
                                      "iv-import-progress")
        self.import_summary = hooked(w.HTML(), "iv-import-summary")
        self.duplicates = DuplicatesPanel(self.wb, on_change=self._changed)  # review, merge, undo
        self.upload.observe(self._on_upload, names="value")

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
        self.paste_status.ok(f"Added {plural(len(added), 'person', 'people')} from the pasted "
                             "list.")
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
        self.upload.description = chosen_label([n for n, _ in files])
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
            merged = f", {summary.merged_text()}" if summary.merged else ""
            self.import_status.ok(f"Import done: {summary.added:,} added{merged}.")
        else:
            self.import_status.warn("Nobody was imported from that file; the list below the upload "
                                    "button says why.")
        self._changed()
