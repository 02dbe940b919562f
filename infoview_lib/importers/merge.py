"""Merge parsed contacts into a workbook: one backup, one transaction, no lost data.

Two records are the same person when they share an e-mail (ignoring case) or a LinkedIn
profile URL. A bare name (ignoring case, honorifics and credentials such as Dr., PhD, Jr.;
family-first or given-first) merges only when nothing conflicts: no different e-mail,
employer, phone or LinkedIn URL on both sides. Otherwise both are kept and the pair is
stored as a *possible duplicate* for the user to review in step 1 (see duplicates.py).
A merge keeps every e-mail, phone, source, category and tag; fills empty fields; lets a
newer import update the title and organization of an imported person, but never replaces
what the user typed (the imported alternative goes into the notes). People the user
deleted are not brought back (they are reported as skipped).

The existing people are read inside the write transaction (BEGIN IMMEDIATE), so imports
running at the same time never merge into stale data.

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
import unicodedata
from collections.abc import Callable, Iterable

from ..workbook.model import TYPED_SOURCE, Contact, Organization, now_iso
from ..workbook.store import Workbook
from .base import ParseResult, Problem, linkedin_key, looks_like_email, name_key
from .duplicates import add_pending
from .summary import ImportSummary

Progress = Callable[[float], None]
BATCH = 2000

__all__ = ["BATCH", "ContactIndex", "ImportSummary", "Progress", "conflicts", "merge_contact",
           "merge_results", "name_keys"]


def _phone_key(phone: str) -> str:
    digits = re.sub(r"\D", "", phone)
    return digits[-9:] or phone.casefold()


def _union(old: list[str], new: list[str], key=str.casefold) -> list[str]:
    seen = {key(v) for v in old}
    out = list(old)
    for value in new:
        if key(value) not in seen:
            seen.add(key(value))
            out.append(value)
    return out


def _org_key(name: str) -> str:
    return re.sub(r"[\W_]+", " ", name.casefold()).replace(" inc", "").strip()


def conflicts(old: Contact, new: Contact) -> list[str]:
    """What tells two same-named records apart: e-mails, employer, phones, LinkedIn URL.

    >>> conflicts(Contact(first_name="Mario", phones=["+39 06 1"]),
    ...           Contact(first_name="Mario", phones=["+39 06 2"]))
    ['phone']
    """
    found = []
    if old.emails and new.emails and not ({e.casefold() for e in old.emails}
                                          & {e.casefold() for e in new.emails}):
        found.append("e-mail")
    if old.organization and new.organization and \
            _org_key(old.organization) != _org_key(new.organization):
        found.append("employer")
    if old.phones and new.phones and not ({_phone_key(p) for p in old.phones}
                                          & {_phone_key(p) for p in new.phones}):
        found.append("phone")
    a, b = linkedin_key(old.linkedin_url), linkedin_key(new.linkedin_url)
    if a and b and a != b:
        found.append("LinkedIn profile")
    return found


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
    typed = TYPED_SOURCE in old.sources
    kept = []
    for name, label in (("organization", "organization"), ("title", "job title")):
        value = getattr(new, name)
        if value and value != getattr(old, name):
            if typed and getattr(old, name):
                kept.append(f"{label} {value!r}")
            else:
                changes[name] = value
    if "@" in old.display_name + old.first_name and looks_like_email(old.name) and new.name \
            and not looks_like_email(new.name):
        changes.update(first_name=new.first_name, last_name=new.last_name,
                       display_name=new.display_name)
    notes = new.notes
    if kept:
        source = new.sources[0] if new.sources else "an import"
        notes = "\n".join(n for n in (f"From {source}: {', '.join(kept)}", notes) if n)
    if notes and notes not in old.notes:
        changes["notes"] = f"{old.notes}\n\n{notes}" if old.notes else notes
    return changes


_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]")


def name_keys(contact: Contact) -> set[str]:
    """Every way the same person's name may be written: the shown name, given-first and
    family-first; CJK names also without spaces. An e-mail used as a name gives none.

    >>> sorted(name_keys(Contact(first_name="秀英", last_name="王", display_name="王秀英")))
    ['王 秀英', '王秀英', '秀英 王', '秀英王']
    """
    first, last = contact.first_name, contact.last_name
    shown = contact.display_name or (f"{first} {last}" if first and last else first or last)
    if "@" in shown and looks_like_email(shown):
        return set()
    keys = {name_key(shown)}
    if first and last:
        keys.add(name_key(f"{last} {first}"))
        if contact.display_name:
            keys.add(name_key(f"{first} {last}"))
    keys.discard("")
    if not all(k.isascii() for k in keys) and any(_CJK.search(k) for k in keys):
        keys |= {unicodedata.normalize("NFKC", k).replace(" ", "") for k in keys}
    return keys


class ContactIndex:
    """Contacts looked up by e-mail, LinkedIn URL and name keys, in dicts (no quadratic scan).

    The name index is built the first time a lookup needs it (a re-import where everyone
    matches by e-mail or profile URL never pays for it)."""

    def __init__(self, contacts: Iterable[Contact] = ()):
        self.entries: list[Contact] = []
        self.by_email: dict[str, int] = {}
        self.by_url: dict[str, int] = {}
        self.by_name: dict[str, list[int]] | None = None
        for contact in contacts:
            self.add(contact)

    def _index(self, pos: int, contact: Contact, keys: set[str] | None = None) -> None:
        for email in contact.emails:
            self.by_email.setdefault(email.casefold(), pos)
        url = linkedin_key(contact.linkedin_url)
        if url:
            self.by_url.setdefault(url, pos)
        if self.by_name is not None:
            self._index_name(pos, name_keys(contact) if keys is None else keys)

    def _index_name(self, pos: int, keys: set[str]) -> None:
        assert self.by_name is not None
        for key in keys:
            bucket = self.by_name.setdefault(key, [])
            if pos not in bucket:
                bucket.append(pos)

    def _names(self) -> dict[str, list[int]]:
        if self.by_name is None:
            self.by_name = {}
            for pos, contact in enumerate(self.entries):
                self._index_name(pos, name_keys(contact))
        return self.by_name

    def add(self, contact: Contact, keys: set[str] | None = None) -> int:
        self.entries.append(contact)
        self._index(len(self.entries) - 1, contact, keys)
        return len(self.entries) - 1

    def replace(self, pos: int, contact: Contact) -> None:
        self.entries[pos] = contact
        self._index(pos, contact)

    def lookup(self, contact: Contact) -> tuple[int | None, list[int], set[str] | None]:
        """(position of the same person or None, positions of same-named people who differ,
        the contact's name keys when they were needed)."""
        for email in contact.emails:
            pos = self.by_email.get(email.casefold())
            if pos is not None:
                return pos, [], None
        url = linkedin_key(contact.linkedin_url)
        if url and url in self.by_url:
            return self.by_url[url], [], None
        keys = name_keys(contact)
        by_name = self._names()
        candidates: list[int] = []
        for key in keys:
            candidates += [p for p in by_name.get(key, ()) if p not in candidates]
        differ = []
        for pos in candidates:
            if not conflicts(self.entries[pos], contact):
                return pos, [], keys
            differ.append(pos)
        return None, differ, keys

    def find(self, contact: Contact) -> int | None:
        """Position of the known person `contact` is, or None."""
        return self.lookup(contact)[0]


def _insert_contacts(conn, contacts: list[Contact], stamp: str) -> list[int]:
    """Bulk insert (executemany) inside the caller's transaction: the import's fast path.
    Returns the new ids in order."""
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

    if not contacts:
        return []
    first = (conn.execute(f"SELECT COALESCE(MAX(id), 0) FROM {Contact.table}").fetchone()[0]
             + 1)
    sql = (f"INSERT INTO {Contact.table} (id, {', '.join(names)}) "
           f"VALUES ({', '.join('?' for _ in range(len(names) + 1))})")
    ids = list(range(first, first + len(contacts)))
    conn.executemany(sql, ([i, *row(c)] for i, c in zip(ids, contacts, strict=True)))
    return ids


class _Plan:
    """What an import will change, computed from the workbook as it is now; `summary` gets
    the counts, names and skips of this plan (a fresh one per attempt)."""

    def __init__(self, wb: Workbook, results: list[ParseResult], summary: ImportSummary,
                 progress: Progress | None):
        self.version = wb.version()
        everyone = wb.contacts(include_deleted=True)
        # people on the list first, so a merged-away (deleted) record never wins a match
        existing = [c for c in everyone if not c.deleted_at] + [c for c in everyone
                                                                if c.deleted_at]
        self.index = ContactIndex(existing)
        self.known = len(existing)
        self.changed: dict[int, dict] = {}
        self.pairs: list[tuple[int, int]] = []
        total = sum(len(r.contacts) for r in results) or 1
        done = 0
        for result in results:
            for line, contact in result.contacts:
                done += 1
                if progress and done % BATCH == 0:
                    progress(0.5 * done / total)
                self._one(result, line, contact, summary)
        org_names = {o.name.casefold() for o in wb.list(Organization)}
        self.new_orgs = []
        for result in results:
            for _line, org in result.organizations:
                if org.name.casefold() not in org_names:
                    org_names.add(org.name.casefold())
                    self.new_orgs.append(org)
        self.new_people = self.index.entries[self.known:]

    @property
    def writes(self) -> bool:
        return bool(self.new_people or self.changed or self.new_orgs)

    def _one(self, result: ParseResult, line: int, contact: Contact,
             summary: ImportSummary) -> None:
        pos, differ, keys = self.index.lookup(contact)
        if pos is None:
            new = self.index.add(contact, keys)
            summary.added += 1
            self.pairs += [(other, new) for other in differ]
            return
        target = self.index.entries[pos]
        if target.deleted_at:
            summary.skipped.append(Problem(result.file, line, (
                f"{contact.name} was deleted from your list; undo the delete to bring "
                "them back")))
            return
        changes = merge_contact(target, contact)
        if changes:
            summary.updated += 1
            self.index.replace(pos, dataclasses.replace(target, **changes))
            if pos < self.known:
                self.changed.setdefault(pos, {}).update(changes)
        summary.merged += 1
        summary.merged_names.append(self.index.entries[pos].name)


def _fresh_summary(results: list[ParseResult]) -> ImportSummary:
    summary = ImportSummary(files=[r.file for r in results])
    for result in results:
        summary.skipped += result.skipped
        summary.errors += result.errors
        summary.unmapped += [(result.file, c) for c in result.unmapped]
    return summary


def merge_results(wb: Workbook, results: list[ParseResult],
                  progress: Progress | None = None) -> ImportSummary:
    """Write parsed results into the workbook (backup first, then one transaction).

    The plan is made from the workbook as read now; inside the write transaction it is
    made again if another program committed in between, so nothing merges into stale data.
    An import that changes nothing writes nothing (no backup either)."""
    summary = _fresh_summary(results)
    plan = _Plan(wb, results, summary, progress)
    if not plan.writes:
        if progress:
            progress(1.0)
        return summary
    wb.backup("import")
    with wb.transaction() as conn:
        if wb.changed_since(plan.version):
            summary = _fresh_summary(results)
            plan = _Plan(wb, results, summary, None)
        _write(wb, conn, plan, summary, progress)
    if progress:
        progress(1.0)
    return summary


def _write(wb: Workbook, conn, plan: _Plan, summary: ImportSummary,
           progress: Progress | None) -> None:
    """The plan's inserts, updates, organizations and possible duplicates (in a transaction)."""
    stamp = now_iso()
    ids: list[int] = []
    for start in range(0, len(plan.new_people), BATCH):
        ids += _insert_contacts(conn, plan.new_people[start:start + BATCH], stamp)
        if progress:
            progress(0.5 + 0.4 * min(1.0, (start + BATCH) / len(plan.new_people)))
    for pos, changes in plan.changed.items():
        wb.update(Contact, plan.index.entries[pos].id, **changes)
    wb.add_many(plan.new_orgs)
    summary.organizations_added = len(plan.new_orgs)
    entries = plan.index.entries

    def id_of(pos: int) -> int:
        return entries[pos].id if pos < plan.known else ids[pos - plan.known]

    names = {id_of(p): entries[p].name for pair in plan.pairs for p in pair}
    stored = add_pending(wb, [(id_of(a), id_of(b)) for a, b in plan.pairs])
    summary.possible_duplicates = [(names[a], names[b], a, b) for a, b in stored]
