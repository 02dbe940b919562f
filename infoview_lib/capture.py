"""Typing people in: quick add, bulk paste with a preview, and the duplicate warning.

Example:
    >>> import tempfile, pathlib
    >>> from infoview_lib.workbook.store import open_workbook
    >>> wb = open_workbook(pathlib.Path(tempfile.mkdtemp()) / "w.sqlite")
    >>> quick_add(wb, "Ada Example", organization="Acme").contact.name
    'Ada Example'
    >>> [(l.name, l.status) for l in preview_bulk(wb, "Dr. Ada Example\\nBo Chen, Acme, Intern")]
    [('Dr. Ada Example', 'duplicate'), ('Bo Chen', 'new')]
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field

from .classroom.protocol import current_protocol
from .importers.base import name_key
from .text import plural
from .workbook.errors import ValidationError
from .workbook.model import TIE_STRENGTHS, TYPED_SOURCE, Contact
from .workbook.store import Workbook

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


# -- changing many people at once ------------------------------------------------------------
def _same_org(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def select_people(wb_or_people, search: str = "", without_category: bool = False,
                  organization: str = "") -> list[Contact]:
    """The people on the list whose name contains `search` (any case), optionally only those
    with no part of life yet and/or at one organization (any case, spaces ignored).

    >>> people = [Contact(first_name="Ada", organization="Acme"),
    ...           Contact(first_name="Bo", categories=["friend"], organization="acme ")]
    >>> [c.name for c in select_people(people, without_category=True)]
    ['Ada']
    >>> [c.name for c in select_people(people, search="b", organization="ACME")]
    ['Bo']
    """
    people = wb_or_people.contacts() if hasattr(wb_or_people, "contacts") else wb_or_people
    wanted = " ".join((search or "").split()).casefold()
    org = (organization or "").strip()
    return [c for c in people
            if (not wanted or wanted in c.name.casefold())
            and (not without_category or not c.categories)
            and (not org or _same_org(c.organization, org))]


@dataclass
class BulkChange:
    """What one bulk edit did: the people changed, with their values before and after.

    before[id] = (categories, tie_strength, updated_at); after[id] = (categories, tie_strength).
    """

    selected: int
    add_category: str = ""
    tie_strength: str = ""
    before: dict[int, tuple[list[str], str, str]] = field(default_factory=dict)
    after: dict[int, tuple[list[str], str]] = field(default_factory=dict)

    @property
    def changed(self) -> int:
        return len(self.before)

    @property
    def message(self) -> str:
        what = " and ".join(part for part in (
            f"part of life '{self.add_category}'" if self.add_category else "",
            f"we talk '{self.tie_strength}'" if self.tie_strength else "") if part)
        if not self.changed:
            who = ("the person chosen already had" if self.selected == 1
                   else f"all {self.selected:,} chosen people already had")
            return f"Nothing changed: {who} {what}."
        same = self.selected - self.changed
        rest = f" ({same:,} already had it)" if same else ""
        return (f"Changed {plural(self.changed, 'person', 'people')}: {what}{rest}. "
                "A backup was made; 'Undo' puts their previous values back.")


def bulk_update(wb: Workbook, ids, add_category: str | None = None,
                tie_strength: str | None = None, protocol=None) -> BulkChange:
    """Add a part of life (other parts are kept) and/or set how often you talk, for many
    people in one transaction, after a backup. Deleted or unknown ids are left alone.
    Nothing is written (and no backup made) when nobody would change."""
    add_category = (add_category or "").strip()
    tie_strength = (tie_strength or "").strip()
    if not add_category and not tie_strength:
        raise ValidationError("Pick a part of life or how often you talk (or both) to set.")
    if add_category:
        categories = list((protocol or current_protocol()).categories)
        if add_category not in categories:
            raise ValidationError(f"'{add_category}' is not a part of life here; pick one of: "
                                  f"{', '.join(categories)}.")
    if tie_strength and tie_strength not in TIE_STRENGTHS:
        raise ValidationError(f"'{tie_strength}' is not a tie strength; pick one of: "
                              f"{', '.join(TIE_STRENGTHS)}.")
    ids = list(dict.fromkeys(ids or ()))
    if not ids:
        raise ValidationError("Nobody is chosen, so nothing changed. Clear the search box or "
                              "the filters to choose some people.")
    on_list = {c.id: c for c in wb.contacts()}
    chosen = [on_list[i] for i in ids if i in on_list]
    change = BulkChange(len(chosen), add_category, tie_strength)
    for person in chosen:
        cats = list(person.categories)
        if add_category and add_category not in cats:
            cats.append(add_category)
        tie = tie_strength or person.tie_strength
        if cats != person.categories or tie != person.tie_strength:
            change.before[person.id] = (list(person.categories), person.tie_strength,
                                        person.updated_at)
            change.after[person.id] = (cats, tie)
    if change.changed:
        wb.backup("bulk-edit")
        with wb.transaction():
            for person_id, (cats, tie) in change.after.items():
                wb.update(Contact, person_id, categories=cats, tie_strength=tie)
    return change


def undo_bulk(wb: Workbook, change: BulkChange) -> int:
    """Put back the values a bulk edit replaced, in one transaction; return how many people.
    Someone edited again since (values no longer those the bulk edit set) is left as is."""
    restored = 0
    with wb.transaction():
        for person_id, (cats, tie, stamp) in change.before.items():
            current = wb.get(Contact, person_id)
            if (current.categories, current.tie_strength) != change.after[person_id]:
                continue
            wb.update(Contact, person_id, categories=cats, tie_strength=tie, updated_at=stamp)
            restored += 1
    return restored


def list_goal(count: int, aim: int, stretch: int) -> str:
    """How far the list is from the class's aim and stretch goal (step 1's counter).

    >>> list_goal(3, 25, 50), list_goal(30, 25, 50)
    ('aim for 25, stretch to 50', 'you passed the aim of 25; stretch to 50')
    >>> list_goal(50, 25, 50)
    'you reached the stretch goal of 50. Well done'
    """
    if count < aim:
        return f"aim for {aim}, stretch to {stretch}"
    if count < stretch:
        return f"you passed the aim of {aim}; stretch to {stretch}"
    return f"you reached the stretch goal of {stretch}. Well done"


def save_details(wb: Workbook, contact_id: int, **fields) -> Contact:
    """Write step 1's details (organization, title, categories, tie strength, can interview,
    can refer, introduced by, notes) to one person; nobody introduces themselves.

    >>> import tempfile, pathlib
    >>> from infoview_lib.workbook.store import open_workbook
    >>> wb = open_workbook(pathlib.Path(tempfile.mkdtemp()) / "w.sqlite")
    >>> ada = quick_add(wb, "Ada Example").contact
    >>> save_details(wb, ada.id, title="Engineer").title
    'Engineer'
    """
    if fields.get("introduced_by") is not None and fields["introduced_by"] == contact_id:
        raise ValidationError("Someone cannot introduce themselves; pick another person.")
    wb.update(Contact, contact_id, **fields)
    return wb.get(Contact, contact_id)
