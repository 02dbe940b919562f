"""Possible duplicates: same-named people an import kept apart, for the user to review.

Pairs live in the workbook's settings (so backups and JSON restore carry them):
`possible_duplicates` (to review) and `different_people` (the user said so: never proposed
again). `merge_people` joins two people into one, keeping every e-mail, phone, source,
category and tag, moving their outreach, meetings, questions, notes and ties; the returned
record lets `undo_merge` put both back exactly.

Example:
    >>> import tempfile, pathlib
    >>> from infoview_lib.workbook.store import open_workbook
    >>> wb = open_workbook(pathlib.Path(tempfile.mkdtemp()) / "w.sqlite")
    >>> a = wb.add(Contact(first_name="Mario", phones=["+39 06 1"]))
    >>> b = wb.add(Contact(first_name="Mario", phones=["+39 06 2"], emails=["m@x.org"]))
    >>> add_pending(wb, [(a.id, b.id)])
    [(1, 2)]
    >>> undo = merge_people(wb, a.id, b.id)
    >>> (wb.get(Contact, a.id).phones, [c.name for c in wb.contacts()])
    (['+39 06 1', '+39 06 2'], ['Mario'])
    >>> undo_merge(wb, undo); [len(c.phones) for c in wb.contacts()]
    [1, 1]
"""

from __future__ import annotations

from ..workbook.errors import ValidationError
from ..workbook.model import Contact, now_iso
from ..workbook.store import Workbook

PENDING = "possible_duplicates"
DIFFERENT = "different_people"
_LISTS = ("emails", "phones", "sources", "categories", "tags")
_FILL = ("first_name", "last_name", "organization", "title", "linkedin_url", "connected_on",
         "tie_strength")
_MOVED = (("outreach", "contact_id"), ("meetings", "contact_id"), ("questions", "contact_id"),
          ("notes", "contact_id"), ("contacts", "introduced_by"))


def _key(a: int, b: int) -> tuple[int, int]:
    return (a, b) if a < b else (b, a)


def _pairs(wb: Workbook, setting: str) -> list[tuple[int, int]]:
    return [_key(*pair) for pair in wb.setting(setting, [])]


def add_pending(wb: Workbook, pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Store new pairs to review (not ones marked different or already stored); return them."""
    if not pairs:
        return []
    different = set(_pairs(wb, DIFFERENT))
    pending = _pairs(wb, PENDING)
    added = []
    for a, b in pairs:
        key = _key(a, b)
        if a != b and key not in different and key not in pending:
            pending.append(key)
            added.append((a, b))
    if added:
        wb.set_setting(PENDING, [list(p) for p in pending])
    return added


def possible_duplicates(wb: Workbook) -> list[tuple[Contact, Contact]]:
    """Pairs still to review, both people still on the list."""
    people = {c.id: c for c in wb.contacts()}
    return [(people[a], people[b]) for a, b in _pairs(wb, PENDING)
            if a in people and b in people]


def _drop_pending(wb: Workbook, a: int, b: int) -> None:
    key = _key(a, b)
    wb.set_setting(PENDING, [list(p) for p in _pairs(wb, PENDING) if p != key])


def mark_different(wb: Workbook, a: int, b: int) -> None:
    """These are different people: never propose the pair again."""
    with wb.transaction():
        _drop_pending(wb, a, b)
        different = _pairs(wb, DIFFERENT)
        if _key(a, b) not in different:
            wb.set_setting(DIFFERENT, [list(p) for p in different + [_key(a, b)]])


def _combined(keep: Contact, other: Contact) -> dict:
    changes: dict = {}
    for name in _LISTS:
        seen = {v.casefold() for v in getattr(keep, name)}
        extra = [v for v in getattr(other, name) if v.casefold() not in seen]
        if extra:
            changes[name] = getattr(keep, name) + extra
    for name in _FILL:
        if not getattr(keep, name) and getattr(other, name):
            changes[name] = getattr(other, name)
    for name in ("can_interview", "can_refer"):
        if getattr(other, name) and not getattr(keep, name):
            changes[name] = True
    if other.notes and other.notes not in keep.notes:
        changes["notes"] = "\n\n".join(n for n in (keep.notes, other.notes) if n)
    return changes


def merge_people(wb: Workbook, keep_id: int, other_id: int) -> dict:
    """Join `other` into `keep` (after a backup); return what undo_merge needs."""
    if keep_id == other_id:
        raise ValidationError("Choose two different people to merge.")
    wb.backup("merge")
    with wb.transaction() as conn:
        keep, other = wb.get(Contact, keep_id), wb.get(Contact, other_id)
        changes = _combined(keep, other)
        before = {name: getattr(keep, name) for name in changes}
        moved = {}
        for table, column in _MOVED:
            ids = [r[0] for r in conn.execute(
                f"SELECT id FROM {table} WHERE {column} = ?", (other_id,))]
            conn.execute(f"UPDATE {table} SET {column} = ? WHERE {column} = ?",
                         (keep_id, other_id))
            moved[f"{table}.{column}"] = ids
        for column in ("a", "b"):
            ids = [r[0] for r in conn.execute(f"SELECT id FROM ties WHERE {column} = ?",
                                              (other_id,))]
            conn.execute(f"UPDATE OR IGNORE ties SET {column} = ? WHERE {column} = ?",
                         (keep_id, other_id))
            moved[f"ties.{column}"] = [i for i in ids if conn.execute(
                f"SELECT 1 FROM ties WHERE id = ? AND {column} = ?", (i, keep_id)).fetchone()]
        if changes:
            wb.update(Contact, keep_id, **changes)
        wb.update(Contact, other_id, deleted_at=now_iso())
        _drop_pending(wb, keep_id, other_id)
    return {"keep": keep_id, "other": other_id, "before": before, "moved": moved,
            "names": [keep.name, other.name]}


def undo_merge(wb: Workbook, record: dict) -> None:
    """Put both people back as they were before merge_people."""
    keep_id, other_id = record["keep"], record["other"]
    with wb.transaction() as conn:
        for where, ids in record["moved"].items():
            table, column = where.split(".")
            for row_id in ids:
                conn.execute(f"UPDATE {table} SET {column} = ? WHERE id = ?", (other_id, row_id))
        if record["before"]:
            wb.update(Contact, keep_id, **record["before"])
        wb.update(Contact, other_id, deleted_at="")
        pending = _pairs(wb, PENDING)
        if _key(keep_id, other_id) not in pending:
            wb.set_setting(PENDING, [list(p) for p in pending + [_key(keep_id, other_id)]])
