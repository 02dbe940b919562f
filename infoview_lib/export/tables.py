"""Contacts, ties and outreach as tables: CSV (UTF-8 with BOM, formula-safe) and one .xlsx.

Spreadsheet programs run a cell that starts with = + - @ (and, in some, tab, CR or LF) as a
formula. Every text cell that starts with one of those gets a leading apostrophe (the rule
OWASP gives for CSV injection). Phone numbers such as +1 555 0100 therefore show as
'+1 555 0100: the accepted price for safety. Numbers are written as numbers, untouched.

Example:
    >>> neutralise("=SUM(1+1)")
    "'=SUM(1+1)"
    >>> neutralise(42)
    42
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from typing import Any

from ..text import spreadsheet_safe
from ..workbook.anonymize import AnonymousNames
from ..workbook.model import Outreach, Target, Tie
from ..workbook.store import Workbook


@dataclass
class Table:
    """A named table: column names and rows of plain values."""

    name: str
    columns: list[str]
    rows: list[list[Any]]


def neutralise(value: Any) -> Any:
    """A cell value that no spreadsheet program will run as a formula."""
    return spreadsheet_safe(value) if isinstance(value, str) else value


def _cell(value: Any) -> Any:
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, (list, tuple)):
        return "; ".join(str(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    if value is None:
        return ""
    return value


def _status_by_contact(wb: Workbook) -> dict[int, str]:
    status: dict[int, str] = {}
    for item in wb.list(Outreach):
        status[item.contact_id] = item.status
    return status


Pseudonyms = dict[int, str] | AnonymousNames | None


def _split(names: Pseudonyms) -> tuple[dict[int, str] | None, AnonymousNames | None]:
    """(contact id -> pseudonym, the full AnonymousNames if given)."""
    if isinstance(names, AnonymousNames):
        return names.people, names
    return names, None


def contacts_table(wb: Workbook, pseudonyms: Pseudonyms = None) -> Table:
    """One row per contact. With pseudonyms: no names, e-mails, phones, URLs or notes (and
    with AnonymousNames, custom categories pseudonymised too)."""
    people = wb.contacts()
    status = _status_by_contact(wb)
    pseudonyms, anon = _split(pseudonyms)
    if pseudonyms is not None:
        cols = ["pseudonym", "categories", "tie_strength", "can_interview", "can_refer",
                "introduced_by", "outreach_status"]
        rows = [[pseudonyms.get(c.id, f"P{c.id}"),
                 anon.category_list(c.categories) if anon else c.categories, c.tie_strength,
                 c.can_interview, c.can_refer,
                 pseudonyms.get(c.introduced_by, "") if c.introduced_by else "",
                 status.get(c.id, "")] for c in people]
        return Table("contacts", cols, rows)
    names = {c.id: c.name for c in wb.contacts(include_deleted=True)}
    cols = ["id", "name", "first_name", "last_name", "organization", "title", "emails",
            "phones", "linkedin_url", "categories", "tags", "tie_strength", "can_interview",
            "can_refer", "introduced_by", "outreach_status", "connected_on", "sources", "notes"]
    rows = [[c.id, c.name, c.first_name, c.last_name, c.organization, c.title, c.emails,
             c.phones, c.linkedin_url, c.categories, c.tags, c.tie_strength, c.can_interview,
             c.can_refer, names.get(c.introduced_by, "") if c.introduced_by else "",
             status.get(c.id, ""), c.connected_on, c.sources, c.notes] for c in people]
    return Table("contacts", cols, rows)


def ties_table(wb: Workbook, pseudonyms: Pseudonyms = None) -> Table:
    """One row per "know each other" tie between two listed contacts."""
    listed = {c.id: c.name for c in wb.contacts()}
    ties = [t for t in wb.list(Tie) if t.a in listed and t.b in listed]
    pseudonyms, anon = _split(pseudonyms)
    if pseudonyms is not None:
        return Table("ties", ["a", "b", "kind"],
                     [[pseudonyms.get(t.a, f"P{t.a}"), pseudonyms.get(t.b, f"P{t.b}"),
                       anon.text(t.kind, "tie") if anon else t.kind] for t in ties])
    return Table("ties", ["a_id", "a", "b_id", "b", "kind", "note"],
                 [[t.a, listed[t.a], t.b, listed[t.b], t.kind, t.note] for t in ties])


def outreach_table(wb: Workbook, pseudonyms: Pseudonyms = None) -> Table:
    """One row per outreach: status, dates and (not anonymised) the message parts."""
    names = {c.id: c.name for c in wb.contacts(include_deleted=True)}
    pseudonyms, anon = _split(pseudonyms)
    targets = anon.targets if anon else {t.id: t.name for t in wb.list(Target)}
    items = wb.list(Outreach)
    history = [[f"{s}@{d}" for s, d in (o.history or [])] for o in items]
    if pseudonyms is not None:
        cols = ["pseudonym", "target", "status", "channel", "sent_on", "replied_on", "history"]
        rows = [[pseudonyms.get(o.contact_id, f"P{o.contact_id}"),
                 targets.get(o.target_id, ""), o.status, o.channel, o.sent_on, o.replied_on, h]
                for o, h in zip(items, history, strict=False)]
        return Table("outreach", cols, rows)
    part_keys = sorted({k for o in items for k in (o.parts or {})})
    cols = ["id", "contact_id", "contact", "target", "status", "channel", "sent_on",
            "replied_on", "history"] + [f"part_{k}" for k in part_keys]
    rows = [[o.id, o.contact_id, names.get(o.contact_id, ""), targets.get(o.target_id, ""),
             o.status, o.channel, o.sent_on, o.replied_on, h]
            + [(o.parts or {}).get(k, "") for k in part_keys]
            for o, h in zip(items, history, strict=False)]
    return Table("outreach", cols, rows)


def all_tables(wb: Workbook, pseudonyms: Pseudonyms = None) -> list[Table]:
    """Contacts, ties and outreach."""
    return [contacts_table(wb, pseudonyms), ties_table(wb, pseudonyms),
            outreach_table(wb, pseudonyms)]


def csv_text(table: Table) -> str:
    """The table as RFC 4180 CSV text (CRLF rows, every cell quoted, formulas neutralised).

    >>> csv_text(Table("t", ["a"], [["@Scale Partners"]]))
    '"a"\\r\\n"\\'@Scale Partners"\\r\\n'
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer, quoting=csv.QUOTE_ALL, lineterminator="\r\n")
    writer.writerow([neutralise(c) for c in table.columns])
    for row in table.rows:
        writer.writerow([neutralise(_cell(v)) for v in row])
    return buffer.getvalue()


def xlsx_bytes(tables: list[Table]) -> bytes:
    """All tables as sheets of one .xlsx file; every text cell is stored as text, never as
    a formula, and formula-like text gets the same apostrophe as in the CSV files."""
    from openpyxl import Workbook as XlsxBook  # heavy: openpyxl only when writing Excel
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE  # heavy: as above
    from openpyxl.styles import Font  # heavy: as above

    book = XlsxBook()
    book.remove(book.active)
    for table in tables:
        sheet = book.create_sheet(title=table.name[:31])
        sheet.append(table.columns)
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for r, row in enumerate(table.rows, start=2):
            for c, value in enumerate(row, start=1):
                value = neutralise(_cell(value))
                cell = sheet.cell(row=r, column=c)
                if isinstance(value, str):
                    cell.value = ILLEGAL_CHARACTERS_RE.sub("", value)
                    cell.data_type = "s"
                else:
                    cell.value = value
        sheet.freeze_panes = "A2"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
