"""The few columns the map needs, read from a workbook with plain SQL (no model objects).

Building 20,000 `Contact` records (validation, JSON lists, dataclass copies) took longer
than drawing them; the map reads only what it shows, into light records with the same
attribute names, so `build_graph_from` takes either. Values were cleaned when they were
stored, so they are used as they are.

Example:
    >>> import tempfile, pathlib
    >>> from infoview_lib.workbook.store import open_workbook
    >>> from infoview_lib.workbook.model import Contact
    >>> wb = open_workbook(pathlib.Path(tempfile.mkdtemp()) / "w.sqlite")
    >>> _ = wb.add(Contact(first_name="Ada", last_name="Lovelace", categories=["friend"]))
    >>> [(p.id, p.name, p.categories) for p in people(wb)]
    [(1, 'Ada Lovelace', ['friend'])]
"""

from __future__ import annotations

import json
from typing import NamedTuple

from ..workbook.model import only_imported


class Person(NamedTuple):
    """A contact as the map sees it (the attributes of `Contact` that the map reads)."""

    id: int
    name: str
    organization: str
    title: str
    categories: list
    tie_strength: str
    can_interview: bool
    can_refer: bool
    introduced_by: int | None
    notes: str
    deleted_at: str = ""
    imported: bool = False  # only from contact files: see model.only_imported


class Org(NamedTuple):
    id: int
    name: str
    kind: str
    industry: str


class Link(NamedTuple):
    a: int
    b: int
    note: str


class Status(NamedTuple):
    id: int
    contact_id: int
    status: str


_PEOPLE = ("SELECT id, first_name, last_name, display_name, organization, title, categories, "
           "tie_strength, can_interview, can_refer, introduced_by, notes, sources FROM contacts "
           "WHERE deleted_at = '' OR deleted_at IS NULL ORDER BY id")


def people(wb) -> list[Person]:
    """The contacts on the list (not the deleted ones), in id order."""
    lists: dict[str, list] = {}  # the same JSON list text is parsed once

    def as_list(text):
        if not text:
            return []
        found = lists.get(text)
        if found is None:
            found = lists[text] = json.loads(text)
        return list(found)

    return [Person(cid, display or " ".join(p for p in (first, last) if p), org or "",
                   title or "", as_list(cats), tie or "", bool(interview), bool(refer),
                   intro, notes or "", imported=only_imported(as_list(sources)))
            for cid, first, last, display, org, title, cats, tie, interview, refer, intro, notes,
            sources in wb.rows(_PEOPLE)]


def organizations(wb) -> list[Org]:
    return [Org(i, n or "", k or "", ind or "") for i, n, k, ind in
            wb.rows("SELECT id, name, kind, industry FROM organizations ORDER BY id")]


def ties(wb) -> list[Link]:
    return [Link(a, b, note or "") for a, b, note in
            wb.rows("SELECT a, b, note FROM ties ORDER BY id")]


def statuses(wb) -> list[Status]:
    return [Status(i, c, s or "") for i, c, s in
            wb.rows("SELECT id, contact_id, status FROM outreach ORDER BY id")]


__all__ = ["Person", "people", "organizations", "ties", "statuses"]
