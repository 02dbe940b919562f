"""Whom step 3 offers first, and the small rules about one contact's outreach.

The picker lists the people you chose "contact first" in step 2 and the best leads to your
focus targets (starred), then everyone else by name. It comes back to the person you worked
on last, so a restarted notebook opens where you stopped.

Example:
    >>> import pathlib, tempfile
    >>> from infoview_lib.workbook.store import open_workbook
    >>> wb = open_workbook(pathlib.Path(tempfile.mkdtemp()) / "w.sqlite")
    >>> contact_options(wb)
    ([], None)
    >>> length_changes("Would you have 20 minutes for a call?", 20, 30)["minutes"]
    30
"""

from __future__ import annotations

from ..targets import contact_first, ranked_targets
from ..workbook.errors import ValidationError
from ..workbook.model import Contact, Outreach
from ..workbook.store import Workbook
from .parts import default_ask

LAST_CONTACT_KEY = "outreach_last_contact"
LEADS_PER_TARGET = 3   # the best leads to each focus target are starred


def starred_ids(wb: Workbook, people: dict[int, Contact]) -> list[int]:
    """Contact-first picks of the focus targets, then their best leads; no repeats."""
    first: list[int] = []
    ranked = [row for row in ranked_targets(wb) if row.focus]
    for row in ranked:
        pick = contact_first(wb, row.target.id)
        if pick is not None and pick.id not in first:
            first.append(pick.id)
    for row in ranked:
        for lead in row.leads[:LEADS_PER_TARGET]:
            if lead.contact_id not in first and lead.contact_id in people:
                first.append(lead.contact_id)
    return first


def contact_label(contact: Contact, star: bool = False) -> str:
    """The picker's line for a person (plain text; a widget shows it as text).

    >>> contact_label(Contact(display_name="Hana Sato", organization="Acme"), star=True)
    '★ Hana Sato (Acme)'
    """
    where = f" ({contact.organization})" if contact.organization else ""
    return ("★ " if star else "") + contact.name + where


def contact_options(wb: Workbook) -> tuple[list[tuple[str, int]], int | None]:
    """(picker lines with ids, the id to show): starred people first, then the rest by name;
    the person worked on last is shown, else the first in the list."""
    people = {c.id: c for c in wb.contacts()}
    first = starred_ids(wb, people)
    rest = sorted((i for i in people if i not in first), key=lambda i: people[i].name.casefold())
    options = ([(contact_label(people[i], True), i) for i in first]
               + [(contact_label(people[i]), i) for i in rest])
    last = wb.setting(LAST_CONTACT_KEY)
    if last in people:
        return options, last
    return options, (options[0][1] if options else None)


def remember_contact(wb: Workbook, contact_id: int) -> None:
    """Note the person worked on, so step 3 opens on them next time."""
    wb.set_setting(LAST_CONTACT_KEY, contact_id)


def length_changes(ask: str, old: int, new: int) -> dict:
    """What to save when the meeting length changes: the length, and the ask too while it
    is still the default wording for the old length (your own wording is kept).

    >>> length_changes("Could we talk?", 20, 30)
    {'minutes': 30}
    """
    changes: dict = {"minutes": new}
    if ask == default_ask(old):
        changes["ask"] = default_ask(new)
    return changes


def require_sent(record: Outreach, name: str, label: str) -> None:
    """A follow-up is only logged after a message was sent and nobody replied.

    >>> require_sent(Outreach(contact_id=1, status="sent"), "Hana", "sent")
    """
    if record.status != "sent":
        raise ValidationError(f"{name} has status '{label}'; "
                              "a follow-up only makes sense after 'sent' with no reply.")
