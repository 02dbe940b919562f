"""Export everything a user asks for into one folder, and zip it.

Example:
    >>> import tempfile, pathlib
    >>> from infoview_lib.workbook.store import open_workbook
    >>> from infoview_lib.workbook.model import Contact
    >>> tmp = pathlib.Path(tempfile.mkdtemp())
    >>> wb = open_workbook(tmp / "w.sqlite")
    >>> _ = wb.add(Contact(first_name="Ada"))
    >>> result = export_workbook(wb, tmp / "out", formats={"csv", "json"})
    >>> sorted(result.names())
    ['README.txt', 'backup/workbook.json', 'tables/contacts.csv', 'tables/outreach.csv', 'tables/ties.csv']
"""

from __future__ import annotations

import json
import os
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from ..classroom.protocol import current_protocol
from ..meetings.schedule import meeting_ics
from ..workbook.anonymize import anonymous_names
from ..workbook.errors import ExportError, ValidationError
from ..workbook.model import Contact, Meeting
from ..workbook.store import Workbook
from . import anonymised, maps, plans, tables
from .document import Document
from .html import render_html
from .json_backup import backup_text
from .markdown import render_markdown
from .names import ExportFolder, safe_filename, unique_filename
from .pdf import render_pdf
from .workbook_calendar import combined_ics

FORMATS = ("md", "html", "pdf", "ics", "csv", "xlsx", "json", "graphml", "png", "svg", "zip")
FORMAT_HELP = {
    "md": "plans as Markdown", "html": "plans as web pages to print",
    "pdf": "plans and the map as PDF", "ics": "calendar: meetings and follow-ups",
    "csv": "contacts, ties, outreach as CSV", "xlsx": "the same tables as one Excel file",
    "json": "full backup (restores exactly)", "graphml": "the map for Gephi or Kumu",
    "png": "the map as a picture", "svg": "the map as a scalable picture",
    "zip": "everything in one .zip",
}
PLAN_FORMATS = ("md", "html", "pdf")
NOT_ANONYMISED = {"ics": "calendars hold names and places",
                  "json": "a backup holds everything"}


@dataclass
class ExportResult:
    folder: Path
    files: list[Path] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    zip_path: Path | None = None

    def names(self) -> list[str]:
        """The files written, relative to the folder (forward slashes)."""
        return [p.relative_to(self.folder).as_posix() for p in self.files]


def parse_formats(text: str | Iterable[str] | None) -> set[str]:
    """'md,html' or ['md', 'html'] -> {'md', 'html'}; None or 'all' -> every format.

    >>> sorted(parse_formats("PDF, md"))
    ['md', 'pdf']
    """
    if text is None:
        return set(FORMATS)
    items = text.split(",") if isinstance(text, str) else list(text)
    wanted = {i.strip().lower().lstrip(".") for i in items if i and i.strip()}
    if not wanted or wanted == {"all"}:
        return set(FORMATS)
    unknown = sorted(wanted - set(FORMATS))
    if unknown:
        raise ValidationError(f"Unknown format(s) {', '.join(unknown)}; choose from "
                              f"{', '.join(FORMATS)} (comma-separated).")
    return wanted


def _write_document(folder: ExportFolder, stem: str, doc: Document, formats: set[str],
                    result: ExportResult, image_link: str | None = None) -> None:
    if "md" in formats:
        links = {i: image_link for i, b in enumerate(doc.blocks)
                 if type(b).__name__ == "Image" and image_link}
        folder.write_text(f"{stem}.md", render_markdown(doc, links))
    if "html" in formats:
        folder.write_text(f"{stem}.html", render_html(doc))
    if "pdf" in formats:
        data, warning = render_pdf(doc)
        folder.write_bytes(f"{stem}.pdf", data)
        if warning and warning not in result.warnings:
            result.warnings.append(warning)


def _zip(folder: ExportFolder, name: str) -> Path:
    target = folder.path(name)
    files = [p for p in folder.written if p != target]
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for path in files:
            archive.write(path, folder.relative(path))
    return target


def _readme(formats: set[str]) -> str:
    lines = ["This folder was exported by infoview. It holds personal data about the people",
             "you know: keep it private, and delete it when you no longer need it.", "",
             "plan.*          the whole plan: targets, whom to contact, meetings, follow-ups",
             "plans/          one interview plan per person you are contacting or meeting",
             "calendar.ics    meetings and follow-ups (import into any calendar app)",
             "tables/         contacts, ties and outreach (CSV in UTF-8, and .xlsx)",
             "backup/         the whole workbook as JSON ('infoview restore FILE' reads it)",
             "map/            the map (PNG, SVG, PDF, GraphML)", "",
             "In the tables, text that begins with = + - or @ has a ' in front, so that",
             "spreadsheet programs never run it as a formula (phone numbers included).", "",
             "Formats exported: " + ", ".join(f for f in FORMATS if f in formats)]
    return "\n".join(lines) + "\n"


def _export_full(wb: Workbook, folder: ExportFolder, formats: set[str],
                 result: ExportResult, contact: Contact | None, today: date | None) -> None:
    folder.write_text("README.txt", _readme(formats))
    wants_plans = bool(formats & set(PLAN_FORMATS))
    if contact is None:
        image = None
        if {"html", "pdf"} & formats:
            image, warning = maps.map_image(wb)
            if warning:
                result.warnings.append(warning)
        if wants_plans:
            link = "map/map.png" if "png" in formats else None
            _write_document(folder, "plan", plans.workbook_plan(wb, image, today), formats,
                            result, link)
        people = plans.plan_contacts(wb)
    else:
        people = [contact]
    if wants_plans:
        taken: set[str] = set()
        for person in people:
            stem = unique_filename(safe_filename(person.name, default=f"contact-{person.id}"),
                                   taken)
            taken.add(stem)
            _write_document(folder, f"plans/{stem}", plans.contact_plan(wb, person), formats,
                            result)
    if "ics" in formats:
        if contact is None:
            folder.write_bytes("calendar.ics", combined_ics(wb, today=today))
        else:
            dated = [m for m in wb.list(Meeting, contact_id=contact.id) if m.starts_at]
            if dated:
                stem = safe_filename(contact.name, default=f"contact-{contact.id}")
                folder.write_bytes(f"plans/{stem}.ics", meeting_ics(wb, dated[-1]))
    if contact is not None:
        return
    if "csv" in formats:
        for table in tables.all_tables(wb):
            folder.write_text(f"tables/{table.name}.csv", tables.csv_text(table), bom=True)
    if "xlsx" in formats:
        folder.write_bytes("tables/tables.xlsx", tables.xlsx_bytes(tables.all_tables(wb)))
    if "json" in formats:
        folder.write_text("backup/workbook.json", backup_text(wb))
    out = maps.write_map_files(wb, folder, formats, anonymize=False)
    result.warnings += [w for w in out.warnings if w not in result.warnings]


def _export_anonymised(wb: Workbook, folder: ExportFolder, formats: set[str],
                       result: ExportResult) -> None:
    names = anonymous_names(wb, current_protocol().categories)
    for fmt, why in NOT_ANONYMISED.items():
        if fmt in formats:
            result.warnings.append(f"Left out {fmt} in the anonymised export: {why}.")
    folder.write_text("README.txt", anonymised.README)
    data = anonymised.progress_data(wb)
    folder.write_text("progress.json", json.dumps(data, ensure_ascii=False, indent=1) + "\n")
    image = None
    if {"html", "pdf"} & formats:
        image, warning = maps.map_image(wb, anonymize=True)
        if warning:
            result.warnings.append(warning)
    link = "map/map.png" if "png" in formats else None
    _write_document(folder, "summary", anonymised.summary_document(data, image), formats,
                    result, link)
    if "csv" in formats:
        for table in tables.all_tables(wb, names):
            folder.write_text(f"tables/{table.name}.csv", tables.csv_text(table), bom=True)
    if "xlsx" in formats:
        folder.write_bytes("tables/tables.xlsx", tables.xlsx_bytes(tables.all_tables(wb, names)))
    out = maps.write_map_files(wb, folder, formats, anonymize=True)
    result.warnings += [w for w in out.warnings if w not in result.warnings]


def export_workbook(wb: Workbook, out: str | os.PathLike, formats: str | Iterable[str] | None = None,
                    anonymize: bool = False, contact: str | Contact | None = None,
                    force: bool = False, today: date | None = None) -> ExportResult:
    """Write the chosen formats into the folder out (refused if it holds files, unless force).

    anonymize=True writes the anonymised bundle (progress.json, summary, tables and map with
    pseudonyms). contact (a name or Contact) exports only that person's plan and invite.
    """
    wanted = parse_formats(formats)
    if isinstance(contact, str):
        contact = wb.find_contact(contact)
    if contact is not None and anonymize:
        raise ValidationError("A single person's plan cannot be anonymised (it is about them). "
                              "Leave out --contact, or leave out --anonymize.")
    folder = ExportFolder(out, force=force)
    result = ExportResult(folder.root)
    try:
        if anonymize:
            _export_anonymised(wb, folder, wanted, result)
        else:
            _export_full(wb, folder, wanted, result, contact, today)
        if "zip" in wanted:
            base = "infoview-anonymised" if anonymize else "infoview-export"
            if contact is not None:
                base += "-" + safe_filename(contact.name, default=f"contact-{contact.id}")
            result.zip_path = _zip(folder, base + ".zip")
            folder.record(result.zip_path)
    except OSError as err:
        raise ExportError(f"Could not write the export in {folder.root} ({err.strerror}); "
                          "check there is space and that you may write there.") from err
    result.files = list(folder.written)
    return result
