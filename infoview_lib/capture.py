"""Typing people in: quick add, bulk paste with a preview, and the duplicate warning.

Example:
    >>> import tempfile, pathlib
    >>> from infoview_lib.store import open_workbook
    >>> wb = open_workbook(pathlib.Path(tempfile.mkdtemp()) / "w.sqlite")
    >>> quick_add(wb, "Ada Example", organization="Acme").contact.name
    'Ada Example'
    >>> [(l.name, l.status) for l in preview_bulk(wb, "Dr. Ada Example\\nBo Chen, Acme, Intern")]
    [('Dr. Ada Example', 'duplicate'), ('Bo Chen', 'new')]
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field

from .errors import ValidationError
from .importers.base import name_key
from .model import Contact
from .store import Workbook

TYPED_SOURCE = "typed"
SIMILARITY = 0.88


def split_name(name: str) -> tuple[str, str]:
    """First word and the rest: 'Mary Ann de la Cruz' -> ('Mary', 'Ann de la Cruz').

    >>> split_name("  Ada   Example ")
    ('Ada', 'Example')
    """
    words = name.split()
    if not words:
        return "", ""
    return words[0], " ".join(words[1:])


def similar_contacts(people: list[Contact], name: str, exclude: int | None = None
                     ) -> tuple[list[Contact], list[Contact]]:
    """(same name, similar name) among people, ignoring case, honorifics and credentials.

    >>> same, near = similar_contacts([Contact(first_name="Jon", last_name="Smith")], "Jon Smyth")
    >>> (same, [c.name for c in near])
    ([], ['Jon Smith'])
    """
    key = name_key(name)
    same, near = [], []
    if not key:
        return same, near
    matcher = difflib.SequenceMatcher(b=key, autojunk=False)
    for person in people:
        if exclude is not None and person.id == exclude:
            continue
        other = name_key(person.name)
        if other == key:
            same.append(person)
            continue
        matcher.set_seq1(other)  # the analysis of b (our name) is cached
        if (matcher.real_quick_ratio() >= SIMILARITY and matcher.quick_ratio() >= SIMILARITY
                and matcher.ratio() >= SIMILARITY):
            near.append(person)
    return same, near


@dataclass
class QuickAddResult:
    """The person added (None if refused), and people whose names look the same."""

    contact: Contact | None
    same: list[Contact] = field(default_factory=list)
    similar: list[Contact] = field(default_factory=list)

    @property
    def message(self) -> str:
        if self.contact is None:
            names = ", ".join(c.name for c in self.same[:3])
            return (f"{names} is already on your list. If this is a different person, tick "
                    "'add anyway' and add again.")
        text = f"Added {self.contact.name}."
        if self.same or self.similar:
            names = ", ".join(c.name for c in (self.same + self.similar)[:3])
            text += (f" Check: this looks like {names}, already on your list. If it is the same "
                     "person, delete the new entry (you can undo).")
        return text


def quick_add(wb: Workbook, name: str, organization: str = "", title: str = "",
              category: str = "", allow_duplicate: bool = False) -> QuickAddResult:
    """Add one person by name at once; refuse an exact duplicate unless allow_duplicate."""
    name = " ".join((name or "").split())
    if not name:
        raise ValidationError("Type a name first (a first name is enough).")
    same, near = similar_contacts(wb.contacts(), name)
    if same and not allow_duplicate:
        return QuickAddResult(None, same, near)
    first, last = split_name(name)
    contact = wb.add(Contact(first_name=first, last_name=last, organization=organization,
                             title=title, categories=[category] if category else [],
                             sources=[TYPED_SOURCE]))
    return QuickAddResult(contact, same, near)


@dataclass
class BulkLine:
    """One pasted line, parsed: status is new, duplicate, repeat (earlier in the paste) or error."""

    line: int
    text: str
    name: str = ""
    organization: str = ""
    title: str = ""
    status: str = "new"
    note: str = ""


def _split_line(text: str) -> list[str]:
    if "\t" in text:
        parts = text.split("\t")
        return [p.strip() for p in parts[:2]] + ([" ".join(p.strip() for p in parts[2:])]
                                                 if len(parts) > 2 else [])
    return [p.strip() for p in text.split(",", 2)]


def preview_bulk(wb_or_people, text: str) -> list[BulkLine]:
    """Parse pasted lines ('Name' or 'Name, Organization, Title'; tabs work too) and flag
    duplicates, before anything is written. A title may contain commas."""
    people = wb_or_people.contacts() if hasattr(wb_or_people, "contacts") else wb_or_people
    index: dict[str, Contact] = {}
    for person in people:
        index.setdefault(name_key(person.name), person)
    seen: dict[str, int] = {}
    out = []
    for number, raw in enumerate((text or "").splitlines(), start=1):
        if not raw.strip():
            continue
        parts = _split_line(raw) + ["", ""]
        name = " ".join(parts[0].split())
        item = BulkLine(number, raw.strip(), name, parts[1], parts[2])
        key = name_key(name)
        if not key:
            item.status, item.note = "error", "no name before the first comma"
        elif key in index:
            item.status, item.note = "duplicate", f"looks like {index[key].name}, already listed"
        elif key in seen:
            item.status, item.note = "repeat", f"same name as line {seen[key]}"
        else:
            seen[key] = number
        out.append(item)
    return out


def add_bulk(wb: Workbook, lines: list[BulkLine], category: str = "",
             include_duplicates: bool = False) -> list[Contact]:
    """Write the previewed lines in one transaction; duplicates only if asked."""
    wanted = {"new"} | ({"duplicate", "repeat"} if include_duplicates else set())
    records = []
    for item in lines:
        if item.status in wanted:
            first, last = split_name(item.name)
            records.append(Contact(first_name=first, last_name=last,
                                   organization=item.organization, title=item.title,
                                   categories=[category] if category else [],
                                   sources=[TYPED_SOURCE]))
    return wb.add_many(records) if records else []
