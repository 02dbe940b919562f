"""Merge parsed contacts into a workbook: one backup, one transaction, no duplicates.

Two records are the same person when they share an e-mail (ignoring case), a LinkedIn
profile URL, or a name (ignoring case, honorifics and credentials such as Dr., PhD, Jr.).
Two different LinkedIn URLs keep same-named people apart. A merge keeps every e-mail,
phone, source, category and tag; fills empty fields; lets a newer import update title and
organization; never replaces a value with an empty one. People the user deleted are not
brought back (they are reported as skipped).

Example:
    >>> import tempfile, pathlib
    >>> from infoview_lib.workbook.store import open_workbook
    >>> from infoview_lib.importers import parse_contacts
    >>> wb = open_workbook(pathlib.Path(tempfile.mkdtemp()) / "w.sqlite")
    >>> data = b"First Name,Last Name,Company,Position,Connected On\\nAda,Example,Acme,CTO,\\n"
    >>> s = merge_results(wb, [parse_contacts(data, "c.csv")])
    >>> (s.added, s.merged), (merge_results(wb, [parse_contacts(data, "c.csv")]).merged)
    ((1, 0), 1)
"""

from __future__ import annotations

import dataclasses
import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from ..workbook.model import Contact, Organization, now_iso
from ..workbook.store import Workbook
from .base import ParseResult, Problem, linkedin_key, name_key

Progress = Callable[[float], None]
BATCH = 2000


@dataclass
class ImportSummary:
    """What an import did. to_json() gives the CLI's --json shape."""

    added: int = 0
    merged: int = 0
    organizations_added: int = 0
    skipped: list[Problem] = field(default_factory=list)
    errors: list[Problem] = field(default_factory=list)
    files: list[str] = field(default_factory=list)

    def to_json(self) -> dict:
        return {
            "added": self.added,
            "merged": self.merged,
            "skipped": [{"file": p.file, "line": p.line, "reason": p.message}
                        for p in self.skipped],
            "errors": [{"file": p.file, "line": p.line, "message": p.message}
                       for p in self.errors],
        }

    def text(self) -> str:
        """A short human summary, one line per count."""
        lines = [f"Added {self.added} new people; merged {self.merged} into people already "
                 "on your list."]
        if self.organizations_added:
            lines.append(f"Added {self.organizations_added} organizations (records with no "
                         "person's name).")
        lines.append(f"Skipped {len(self.skipped)} records; {len(self.errors)} problems.")
        return "\n".join(lines)


def _phone_key(phone: str) -> str:
    digits = re.sub(r"\D", "", phone)
    return digits or phone.casefold()


def _union(old: list[str], new: list[str], key=str.casefold) -> list[str]:
    seen = {key(v) for v in old}
    out = list(old)
    for value in new:
        if key(value) not in seen:
            seen.add(key(value))
            out.append(value)
    return out


def merge_contact(old: Contact, new: Contact) -> dict:
    """The field changes that merging `new` into `old` makes (empty dict: nothing new).

    >>> a = Contact(first_name="Ada", title="Intern", emails=["A@x.org"])
    >>> b = Contact(first_name="Ada", title="Engineer", emails=["a@x.org", "ada@y.org"])
    >>> sorted(merge_contact(a, b).items())
    [('emails', ['A@x.org', 'ada@y.org']), ('title', 'Engineer')]
    """
    changes: dict = {}
    for name, key in (("emails", str.casefold), ("phones", _phone_key),
                      ("sources", str.casefold), ("categories", str.casefold),
                      ("tags", str.casefold)):
        merged = _union(getattr(old, name), getattr(new, name), key)
        if merged != getattr(old, name):
            changes[name] = merged
    for name in ("linkedin_url", "connected_on"):
        if not getattr(old, name) and getattr(new, name):
            changes[name] = getattr(new, name)
    for name in ("organization", "title"):
        if getattr(new, name) and getattr(new, name) != getattr(old, name):
            changes[name] = getattr(new, name)
    if new.notes and new.notes not in old.notes:
        changes["notes"] = f"{old.notes}\n\n{new.notes}" if old.notes else new.notes
    return changes


class ContactIndex:
    """Contacts looked up by e-mail, LinkedIn URL and name key, in dicts (no quadratic scan)."""

    def __init__(self, contacts: Iterable[Contact] = ()):
        self.entries: list[Contact] = []
        self.by_email: dict[str, int] = {}
        self.by_url: dict[str, int] = {}
        self.by_name: dict[str, list[int]] = {}
        for contact in contacts:
            self.add(contact)

    def _index(self, pos: int, contact: Contact) -> None:
        for email in contact.emails:
            self.by_email.setdefault(email.casefold(), pos)
        url = linkedin_key(contact.linkedin_url)
        if url:
            self.by_url.setdefault(url, pos)
        key = name_key(contact.name)
        if key:
            bucket = self.by_name.setdefault(key, [])
            if pos not in bucket:
                bucket.append(pos)

    def add(self, contact: Contact) -> int:
        self.entries.append(contact)
        self._index(len(self.entries) - 1, contact)
        return len(self.entries) - 1

    def replace(self, pos: int, contact: Contact) -> None:
        self.entries[pos] = contact
        self._index(pos, contact)

    def find(self, contact: Contact) -> int | None:
        """Position of the known person `contact` is, or None."""
        for email in contact.emails:
            pos = self.by_email.get(email.casefold())
            if pos is not None:
                return pos
        url = linkedin_key(contact.linkedin_url)
        if url and url in self.by_url:
            return self.by_url[url]
        for pos in self.by_name.get(name_key(contact.name), ()):
            other = linkedin_key(self.entries[pos].linkedin_url)
            if not (url and other and url != other):
                return pos
        return None


def _insert_contacts(conn, contacts: list[Contact], stamp: str) -> None:
    """Bulk insert (executemany) inside the caller's transaction: the import's fast path."""
    fields = [f for f in dataclasses.fields(Contact) if f.name != "id"]
    json_cols = {f.name for f in fields if f.default_factory in (list, dict)}  # type: ignore
    bool_cols = {f.name for f in fields if f.type in ("bool", bool)}
    names = [f.name for f in fields]

    def row(contact: Contact) -> list:
        values = []
        for name in names:
            value = getattr(contact, name)
            if name in json_cols:
                value = json.dumps(value, ensure_ascii=False)
            elif name in bool_cols:
                value = int(value)
            elif name in ("created_at", "updated_at") and not value:
                value = stamp
            values.append(value)
        return values

    sql = (f"INSERT INTO {Contact.table} ({', '.join(names)}) "
           f"VALUES ({', '.join('?' for _ in names)})")
    conn.executemany(sql, (row(c) for c in contacts))


def _plan(wb: Workbook, results: list[ParseResult], progress: Progress | None):
    """What merging results into the workbook as it is now would add and change."""
    summary = ImportSummary(files=[r.file for r in results])
    for result in results:
        summary.skipped += result.skipped
        summary.errors += result.errors
    existing = wb.contacts(include_deleted=True)
    index = ContactIndex(existing)
    known = len(existing)
    changed: dict[int, dict] = {}
    total = sum(len(r.contacts) for r in results) or 1
    done = 0
    for result in results:
        for line, contact in result.contacts:
            done += 1
            if progress and done % BATCH == 0:
                progress(0.5 * done / total)
            pos = index.find(contact)
            if pos is None:
                index.add(contact)
                summary.added += 1
                continue
            target = index.entries[pos]
            if target.deleted_at:
                summary.skipped.append(Problem(result.file, line, (
                    f"{contact.name} was deleted from your list; undo the delete to bring "
                    "them back")))
                continue
            changes = merge_contact(target, contact)
            if changes:
                index.replace(pos, dataclasses.replace(target, **changes))
                if pos < known:
                    changed.setdefault(pos, {}).update(changes)
            summary.merged += 1
    org_names = {o.name.casefold() for o in wb.list(Organization)}
    new_orgs = []
    for result in results:
        for _line, org in result.organizations:
            if org.name.casefold() not in org_names:
                org_names.add(org.name.casefold())
                new_orgs.append(org)
    summary.organizations_added = len(new_orgs)
    return summary, index, index.entries[known:], changed, new_orgs


def merge_results(wb: Workbook, results: list[ParseResult],
                  progress: Progress | None = None) -> ImportSummary:
    """Write parsed results into the workbook (backup first, then one transaction)."""
    summary, index, new_people, changed, new_orgs = _plan(wb, results, progress)
    if new_people or changed or new_orgs:
        wb.backup("import")
        stamp = now_iso()
        with wb.transaction() as conn:
            # Again under the write lock: a parallel import may have written since.
            summary, index, new_people, changed, new_orgs = _plan(wb, results, None)
            for start in range(0, len(new_people), BATCH):
                _insert_contacts(conn, new_people[start:start + BATCH], stamp)
                if progress:
                    progress(0.5 + 0.4 * min(1.0, (start + BATCH) / len(new_people)))
            for pos, changes in changed.items():
                wb.update(Contact, index.entries[pos].id, **changes)
            wb.add_many(new_orgs)
    if progress:
        progress(1.0)
    return summary
