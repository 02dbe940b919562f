"""The export panel: choose formats, anonymise or not, export, see the files; delete my data.

Example (in a notebook):
    >>> panel = ExportPanel(wb)   # doctest: +SKIP
    >>> panel                     # doctest: +SKIP
"""

from __future__ import annotations

import base64
import html
import os
from datetime import datetime
from pathlib import Path
from urllib.parse import quote

import ipywidgets as w

from ..classroom.handin import write_hand_in
from ..export import FORMAT_HELP, FORMATS, delete_my_data, export_workbook
from ..workbook.errors import InfoviewError
from ..workbook.paths import output_dir
from ..workbook.store import Workbook
from .common import Panel, StatusLine, button, color, hooked, reports_errors, text_input, title
from .form_button import FormButton


class FileLinks(w.Output):
    """Links to written files, shown through Jupyter's own output renderer rather than as a
    widget's HTML: JupyterLab then opens a link to a file of the project in a tab of its own
    (a PDF in its viewer) instead of loading a second JupyterLab at that address.

    >>> links = FileLinks()
    >>> links.value = "<a href='plan.pdf'>plan.pdf</a>"
    >>> links.outputs[0]["data"]["text/html"] == links.value
    True
    """

    _markup = ""

    @property
    def value(self) -> str:
        return self._markup

    @value.setter
    def value(self, markup: str) -> None:
        self._markup = markup
        self.outputs = ({"output_type": "display_data", "data": {"text/html": markup},
                         "metadata": {}},) if markup else ()


def files_html(files: list[Path], base: Path, folder: Path | None = None) -> str:
    """The written files as links relative to base (the notebook's folder), each shown by its
    name inside the export folder (e.g. plans/Ada.pdf) when that folder is given."""
    items = []
    for path in files:
        try:
            rel = os.path.relpath(path, base)
        except ValueError:  # another drive (Windows)
            rel = str(path)
        shown = Path(rel).as_posix()
        if folder is not None and Path(path).is_relative_to(folder):
            shown = Path(path).relative_to(folder).as_posix()
        href = quote(Path(rel).as_posix())
        items.append(f"<li><a href='{html.escape(href, quote=True)}' "
                     f"style='{color('link')};text-decoration:underline'>"
                     f"{html.escape(shown)}</a></li>")
    return "<ul class='iv-file-list'>" + "".join(items) + "</ul>"


ZIP_DOWNLOAD_LIMIT = 25_000_000  # bytes; a bigger bundle stays a file on disk


def in_app_mode() -> bool:
    """True inside a Voila app: it serves no files, so relative links would lead nowhere."""
    return any(k in os.environ for k in ("VOILA_REQUEST_URL", "VOILA_BASE_URL",
                                         "VOILA_KERNEL_ID"))


def app_files_html(files: list[Path], folder: Path) -> str:
    """App mode: the files by name (no links) and the .zip bundle as a download, if written."""
    names = "".join(f"<li>{html.escape(Path(p).relative_to(folder).as_posix())}</li>"
                    if Path(p).is_relative_to(folder) else f"<li>{html.escape(str(p))}</li>"
                    for p in files)
    bundle = next((Path(p) for p in files if Path(p).suffix == ".zip"
                   and Path(p).parent == folder), None)
    if bundle is not None and bundle.stat().st_size <= ZIP_DOWNLOAD_LIMIT:
        data = base64.b64encode(bundle.read_bytes()).decode("ascii")
        size = bundle.stat().st_size / 1e6
        lead = (f"<p><a class='iv-download' download='{html.escape(bundle.name, quote=True)}' "
                f"href='data:application/zip;base64,{data}' style='{color('link')};"
                f"text-decoration:underline'>Download everything "
                f"({html.escape(bundle.name)}, {size:.1f} MB)</a></p>")
    else:
        lead = ("<p>Tick <b>zip</b> to get a download link here; the files are in "
                f"<code>{html.escape(str(folder))}</code> on the computer running this app.</p>")
    return lead + "<ul class='iv-file-list'>" + names + "</ul>"


EMPTY = ("Your workbook is empty, so an export holds little: list the people you know in "
         "01_who_you_know.ipynb first (or load a sample persona in 00_start_here.ipynb).")


def _stamp() -> str:
    return datetime.now().strftime("%Y%m%d-%H%M%S")


class ExportPanel(Panel):
    """Export plans, calendar, tables, backup and map, or an anonymised bundle; delete data."""

    def __init__(self, wb: Workbook, exports_dir: Path | None = None,
                 notebook_dir: Path | None = None):
        self.wb = wb
        self.notebook_dir = Path(notebook_dir) if notebook_dir else Path.cwd()
        self.exports_dir = Path(exports_dir) if exports_dir else output_dir(wb.path)
        self.status = StatusLine()
        self.delete_status = StatusLine("iv-delete-status")
        self.formats = {
            f: hooked(w.Checkbox(value=True, description=f"{f}: {FORMAT_HELP[f]}",
                                 indent=False, layout=w.Layout(width="21em")), f"iv-fmt-{f}")
            for f in FORMATS}
        self.anonymize = hooked(w.Checkbox(
            value=False, indent=False, layout=w.Layout(width="48em"),
            description="Anonymise: no names, e-mails, phones, links or notes (for a class)"),
            "iv-anonymize")
        self.folder = text_input("folder for the export", "iv-export-folder", "Folder",
                                 width="40em")
        self.folder.value = str(self.exports_dir / f"export-{_stamp()}")
        self.force = hooked(w.Checkbox(value=False, indent=False, layout=w.Layout(width="40em"),
                                       description="Replace an earlier export in that folder"),
                            "iv-force")
        # the boxes ticked and typed travel with each click (none lags behind the click)
        self.export_button = FormButton("Export", "iv-export", "primary", [
            *self.formats.values(), self.anonymize, self.folder, self.force])
        self.export_button.on_click(self.export)
        self.hand_in_button = button("For your instructor", "iv-hand-in")
        self.hand_in_button.on_click(self.hand_in)
        self.files = hooked(FileLinks(), "iv-export-files")
        # Empty unless the user asks for one: a backup made by default would keep every
        # contact's name in the project, which is what deleting was meant to end.
        self.backup_path = text_input(
            f"optional, e.g. {Path.home() / f'infoview-final-backup-{_stamp()}.json'}",
            "iv-delete-backup", "Backup", width="40em")
        self.confirm = hooked(w.Checkbox(
            value=False, indent=False, layout=w.Layout(width="48em"),
            description="Yes, delete my workbook, its backups and its exports for good"),
            "iv-delete-confirm")
        self.delete_button = FormButton("Delete my data", "iv-delete", "danger",
                                        [self.backup_path, self.confirm])  # the backup typed
        self.delete_button.on_click(self.delete)
        boxes = list(self.formats.values())
        grid = w.GridBox(boxes, layout=w.Layout(grid_template_columns="repeat(3, 22em)"))
        self.widget = hooked(w.VBox([
            title("Export"), w.HTML("Tick the formats you want, then click Export."), grid,
            self.anonymize, self.folder, self.force,
            w.HBox([self.export_button, self.hand_in_button]), self.status.widget,
            self.files,
            title("Delete my data"),
            w.HTML("Removes your workbook file, its automatic backups and every file it wrote "
                   f"(the folder <code>{html.escape(str(output_dir(wb.path)))}</code>). To keep a "
                   "copy you can restore, type a file name under <i>Backup</i> first; leave "
                   "it empty and nothing of your data is kept."),
            self.backup_path, self.confirm, self.delete_button, self.delete_status.widget,
        ]), "iv-export-panel")
        if not wb.contacts():
            self.status.warn(EMPTY)

    def chosen(self) -> list[str]:
        return [f for f, box in self.formats.items() if box.value]

    @reports_errors
    def export(self, _=None) -> None:
        formats = self.chosen()
        if not formats:
            self.status.warn("Tick at least one format, then click Export again.")
            return
        self.export_button.disabled = True
        self.status.warn("Exporting...")
        result = export_workbook(self.wb, self.folder.value.strip(), formats=formats,
                                 anonymize=self.anonymize.value, force=self.force.value)
        self.files.value = (app_files_html(result.files, result.folder) if in_app_mode()
                            else files_html(result.files, self.notebook_dir, result.folder))
        kind = "anonymised " if self.anonymize.value else ""
        message = f"Wrote {len(result.files)} {kind}files to {result.folder}."
        notes = list(result.warnings) + ([EMPTY] if not self.wb.contacts() else [])
        if notes:
            self.status.warn(message + " Note: " + " ".join(notes))
        else:
            self.status.ok(message)
        self.force.value = False
        self.folder.value = str(self.exports_dir / f"export-{_stamp()}")
        self.export_button.disabled = False

    @reports_errors
    def hand_in(self, _=None) -> None:
        """The anonymised bundle in its one place (replaces only the last hand-in)."""
        made = write_hand_in(self.wb)
        self.files.value = files_html([made.path], self.notebook_dir)
        self.status.ok(f"Hand in {made.path.name} (link below); your student id is "
                       f"{made.student_id}. Click again after more work: it replaces only "
                       "that file.")

    def delete(self, _=None) -> None:
        """Delete the workbook (after the box is ticked); errors show under this button."""
        if not self.confirm.value:
            self.delete_status.warn("Tick the box to confirm, then click again. Nothing was "
                                    "deleted.")
            return
        try:
            report = delete_my_data(self.wb, backup=self.backup_path.value.strip() or None,
                                    yes=True)
        except InfoviewError as err:
            self.delete_status.error(str(err))
            return
        self.confirm.value = False
        self.files.value = ""  # the links led to files that are gone
        self.status.clear()
        self.delete_status.ok(report.message() + " Restart the kernel before going on.")
        self.export_button.disabled = True
        self.delete_button.disabled = True
