"""Google Contacts CSV: the current export (`First Name` ... `Labels`, `E-mail 1 - Value`)
and the legacy one (`Name`, `Given Name`, `Group Membership`, `E-mail 1 - Type`).

Several values in one cell are separated by ' ::: '; a label starting with '* ' is a system
group ('* myContacts') or marks the primary e-mail ('* Work').

Example:
    >>> r = parse_google("First Name,Last Name,Labels,E-mail 1 - Label,E-mail 1 - Value\\n"
    ...                  "Ada,Example,Friends ::: * myContacts,* Home,ada@example.org\\n", "g.csv")
    >>> p = r.contacts[0][1]
    >>> (p.name, p.categories, p.emails)
    ('Ada Example', ['friend'], ['ada@example.org'])
"""

from __future__ import annotations

import re

from .base import (
    ParseResult,
    cell,
    column_map,
    decode_bytes,
    is_linkedin,
    labels_to_categories,
    make_person,
    other_sites,
    read_csv,
    split_multi,
    unmapped_columns,
)

COLUMNS = {
    "first": ("first name", "given name"),
    "middle": ("middle name", "additional name"),
    "last": ("last name", "family name"),
    "full": ("name",),
    "prefix": ("name prefix",),
    "suffix": ("name suffix",),
    "nickname": ("nickname",),
    "file_as": ("file as",),
    "org": ("organization name", "organization 1 - name"),
    "title": ("organization title", "organization 1 - title"),
    "notes": ("notes",),
    "labels": ("labels", "group membership"),
}
_QUIET = re.compile(r"^(photo|phonetic .*|.* yomi|yomi name|initials|short name)$")
_NUMBERED = re.compile(r"^(email|phone|website) (\d+) - (label|type|value)$")


def is_google_header(keys: list[str]) -> bool:
    """Current or legacy Google Contacts CSV header."""
    have = set(keys)
    numbered = any(_NUMBERED.match(k) for k in keys)
    current = "first name" in have and ("labels" in have or "organization name" in have
                                        or "file as" in have or numbered)
    legacy = "given name" in have and ("group membership" in have or numbered
                                       or "family name" in have)
    return current or legacy


def _numbered(header: list[str]) -> dict[str, dict[int, dict[str, int]]]:
    groups: dict[str, dict[int, dict[str, int]]] = {"email": {}, "phone": {}, "website": {}}
    for index, key in enumerate(header):
        match = _NUMBERED.match(key)
        if match:
            kind, number, part = match.group(1), int(match.group(2)), match.group(3)
            part = "label" if part == "type" else part
            groups[kind].setdefault(number, {})[part] = index
    return groups


def _values(row: list[str], group: dict[int, dict[str, int]]) -> list[tuple[str, str]]:
    """(label, value) pairs in column order; ' ::: ' splits one cell into several values."""
    out = []
    for number in sorted(group):
        label = cell(row, group[number].get("label"))
        for value in split_multi(cell(row, group[number].get("value"))):
            out.append((label, value))
    return out


def parse_google(data: bytes | str, name: str = "contacts.csv") -> ParseResult:
    """People (and organizations) from a Google Contacts CSV export."""
    text = decode_bytes(data, name)
    result = ParseResult(name, "google")
    header, row_iter = read_csv(text, is_google_header, name=name)
    rows = list(row_iter)
    where = column_map(header, COLUMNS)
    groups = _numbered(header)
    used = set(where.values()) | {i for g in groups.values() for parts in g.values()
                                  for i in parts.values()}
    used |= {i for i, k in enumerate(header) if _QUIET.match(k)}
    used -= other_sites(rows, [p.get("value") for p in groups["website"].values()])
    result.unmapped = unmapped_columns(header, rows, used)
    for line, row in rows:
        def get(key: str, row=row) -> str:
            return cell(row, where.get(key))

        emails = _values(row, groups["email"])
        primary = [v for label, v in emails if label.startswith("*")]
        email_list = primary + [v for label, v in emails if not label.startswith("*")]
        phones = [v for _, v in _values(row, groups["phone"])]
        sites = [v for _, v in _values(row, groups["website"])]
        linkedin = next((s for s in sites if is_linkedin(s)), "")
        categories, tags = labels_to_categories(split_multi(get("labels")))
        first = " ".join(p for p in (get("first"), get("middle")) if p)
        last = get("last")
        display = ""
        if (first or last) and (get("prefix") or get("suffix")):
            display = " ".join(p for p in (get("prefix"), first, last) if p)
            display += f", {get('suffix')}" if get("suffix") else ""
        elif not first and not last:
            display = get("full") or get("nickname") or get("file_as")
            if display and display == get("org"):
                display = ""  # 'File As' repeating the organization: an organization card
        make_person(result, line, first=first, last=last, display=display,
                    organization=get("org"), title=get("title"), emails=email_list,
                    phones=phones, linkedin_url=linkedin, categories=categories, tags=tags,
                    notes=get("notes"))
    return result
