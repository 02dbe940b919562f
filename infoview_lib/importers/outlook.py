"""Outlook CSV (the desktop export, Outlook.com, and the Outlook-style CSVs other services
write) and any other address-book CSV: Thunderbird (`Primary Email`, `Mobile Number`,
`Organization`), Roundcube, Yahoo, hand-made lists from Excel or Numbers (`Name`,
`Email Home`, `Email Work`, `E-mail 2` ...), with `,` `;` or tab between cells. Columns
are matched by name (German and French headers too). Every e-mail or phone column is read;
any other column with values is listed in `unmapped`, and a column whose values are
e-mail addresses is read whatever its name. The address in `E-mail Display Name` is kept
too; a web-page column is read for LinkedIn profiles and listed when it holds other sites.

`Title` is the honorific (Mr./Dr.), the job is `Job Title`; empty dates are `0/0/00`
(`0.0.00` in German).
Encodings: UTF-8 (with or without BOM), UTF-16, or Windows cp1252.

Example:
    >>> r = parse_outlook("First Name,Last Name,Company,Job Title,E-mail Address\\n"
    ...                   "Ada,Example,Acme,Engineer,ada@example.org\\n", "o.csv")
    >>> p = r.contacts[0][1]
    >>> (p.name, p.organization, p.title, p.emails)
    ('Ada Example', 'Acme', 'Engineer', ['ada@example.org'])
    >>> r = parse_address_book("Name;Email Work;Birthday\\nBo Chen;bo@x.org;1990\\n", "l.csv")
    >>> (r.contacts[0][1].emails, r.unmapped)
    (['bo@x.org'], ['birthday'])
"""

from __future__ import annotations

import re

from .base import (
    HONORIFICS,
    ParseResult,
    cell,
    clean_email,
    column_map,
    decode_bytes,
    is_linkedin,
    labels_to_categories,
    make_person,
    other_sites,
    read_csv,
    unmapped_columns,
)

COLUMNS = {
    "first": ("first name", "given name", "firstname", "forename", "first", "vorname",
              "prénom"),
    "middle": ("middle name", "middle", "weitere vornamen", "deuxième prénom",
               "second prénom"),
    "last": ("last name", "surname", "family name", "lastname", "last", "nachname", "nom"),
    "company": ("company", "organization", "organisation", "company name", "employer",
                "firma", "société", "entreprise"),
    "title": ("job title", "position", "role", "fonction", "titre du poste"),
    "notes": ("notes", "note", "notizen", "comments"),
    "categories": ("categories", "groups", "group", "kategorien", "catégories"),
    "display": ("display name", "name", "full name", "fullname", "contact name",
                "nickname", "nick name"),
    "suffix": ("suffix", "name suffix", "namenszusatz"),
}
# Outlook's "Comma Separated Values (DOS)" export writes the names without spaces (FirstName)
COLUMNS = {k: v + tuple(n.replace(" ", "") for n in v if " " in n) for k, v in COLUMNS.items()}
_PREFIX = ("title", "anrede", "name prefix", "prefix", "civilité")
_EMAIL = re.compile(r"e?mail|messagerie")
_NOT_EMAIL = re.compile(r"typ|display|label|name|sensitivity|routing|format|preferred")
_PHONE = re.compile(r"phone|mobile|cell|telefon|téléphone|handy|tel$|^tel\b|^portable")
_NOT_PHONE = re.compile(r"fax|pager|type|label")
_WEB = re.compile(r"web ?page|website|web site|webseite|homepage|url|linkedin|profile")
_IGNORED = re.compile(r"^e-?mail[ -]?\d*:?[ -]?type?$")  # SMTP / EX: the kind of address
# Outlook's "E-mail Display Name" ("Ada Example (ada@example.org)"): read for its address, which
# is the only SMTP address when the contact came from Exchange ("E-mail Address" = /o=...)
_DISPLAY = re.compile(r"^e-?mail[ -]?\d*:?[ -]?(display ?name|angezeigter name)$")
_ADDRESS = re.compile(r"[^\s@<>\"(),;:]+@[^\s@<>\"(),;:]+\.[^\s@<>\"(),;:]+")


def _email_column(key: str) -> bool:
    return bool(_EMAIL.search(key)) and not _NOT_EMAIL.search(key)


def _phone_column(key: str) -> bool:
    return bool(_PHONE.search(key)) and not _NOT_PHONE.search(key)


def is_outlook_header(keys: list[str]) -> bool:
    """An Outlook-style header: first/last name plus an e-mail, company or job column."""
    have = set(keys) | {k.replace(" ", "") for k in keys}
    named = ({"firstname", "lastname"} <= have or {"vorname", "nachname"} <= have
             or {"prénom", "nom"} <= have)
    extra = any(_email_column(k) for k in keys) or bool(
        have & {"company", "jobtitle", "firma", "société", "businessphone", "mobilephone"})
    return named and extra


def is_address_book_header(keys: list[str]) -> bool:
    """Any contact-list header: a name column and an e-mail, phone or organization column."""
    names = {n for key in ("first", "last", "display") for n in COLUMNS[key]}
    named = any(k in names for k in keys)
    extra = any(_email_column(k) or _phone_column(k) or k in COLUMNS["company"] for k in keys)
    return named and extra


_PHONE_VALUE = re.compile(r"^\+?[\d\s().\-/]{7,}$")
_PHONE_PLACES = {"home", "work", "other", "primary", "main", "private", "business", "office"}


def _phone_like_column(rows: list[tuple[int, list[str]]], index: int) -> bool:
    values = [cell(r, index) for _, r in rows if cell(r, index)]
    return bool(values) and sum(bool(_PHONE_VALUE.match(v)) for v in values) >= 0.8 * len(values)


def _email_like_column(rows: list[tuple[int, list[str]]], index: int) -> bool:
    values = [cell(r, index) for _, r in rows if cell(r, index)]
    return bool(values) and sum(bool(clean_email(v)) for v in values) >= 0.8 * len(values)


def parse_address_book(data: bytes | str, name: str = "contacts.csv",
                       fmt: str = "csv") -> ParseResult:
    """People (and organizations) from any address-book CSV with a header row."""
    text = decode_bytes(data, name)
    result = ParseResult(name, fmt)
    check = is_outlook_header if fmt == "outlook" else is_address_book_header
    header, row_iter = read_csv(text, check, name=name)
    rows = list(row_iter)
    where = column_map(header, COLUMNS)
    _title_or_honorific(header, rows, where)
    used = set(where.values())
    email_cols = [i for i, k in enumerate(header) if _email_column(k) and i not in used]
    phone_cols = [i for i, k in enumerate(header) if _phone_column(k) and i not in used]
    web_cols = [i for i, k in enumerate(header) if _WEB.search(k) and i not in used]
    shown = [i for i, k in enumerate(header) if _DISPLAY.match(k) and i not in used]
    used |= set(email_cols) | set(phone_cols) | set(shown)
    used |= set(web_cols) - other_sites(rows, web_cols)
    for i, key in enumerate(header):
        if i not in used and _IGNORED.match(key):
            used.add(i)  # Outlook's e-mail type column (SMTP, EX)
        elif i not in used and _email_like_column(rows, i):
            email_cols.append(i)
            used.add(i)
        elif i not in used and key in _PHONE_PLACES and _phone_like_column(rows, i):
            phone_cols.append(i)  # Yahoo's 'Home', 'Work': numbers under a place name
            used.add(i)
    result.unmapped = unmapped_columns(header, rows, used)
    for line, row in rows:
        _row_to_person(result, line, row, where, (email_cols, shown), phone_cols, web_cols)
    return result


def _row_to_person(result: ParseResult, line: int, row: list[str], where: dict[str, int],
                   email_cols: tuple[list[int], list[int]], phone_cols: list[int],
                   web_cols: list[int]) -> None:
    def get(key: str) -> str:
        return cell(row, where.get(key))

    emails = [v for i in email_cols[0] for v in re.split(r"[;,]\s*", cell(row, i)) if "@" in v]
    seen = {e.casefold() for e in emails}
    emails += [a for i in email_cols[1] for a in _ADDRESS.findall(cell(row, i))
               if a.casefold() not in seen and not seen.add(a.casefold())]
    phones = [cell(row, i) for i in phone_cols if cell(row, i)]
    labels = re.split(r"[;,]", get("categories")) if get("categories") else []
    categories, tags = labels_to_categories(labels)
    web = next((cell(row, i) for i in web_cols if is_linkedin(cell(row, i))), "")
    first = " ".join(p for p in (get("first"), get("middle")) if p)
    display = "" if first or get("last") else get("display")
    if (first or get("last")) and get("suffix"):  # Jr., II: part of telling people apart
        display = " ".join(p for p in (first, get("last")) if p) + f", {get('suffix')}"
    make_person(result, line, first=first, last=get("last"), display=display,
                organization=get("company"), title=get("title"), emails=emails,
                phones=phones, linkedin_url=web, categories=categories, tags=tags,
                notes=get("notes"))


def _title_or_honorific(header: list[str], rows: list[tuple[int, list[str]]],
                        where: dict[str, int]) -> None:
    """Outlook's `Title` (and `Anrede`) is the honorific, Mr/Dr (not part of the name shown);
    in a hand-made list a `Title` column holding jobs is the job title (when there is no
    `Job Title` column)."""
    index = next((i for i, k in enumerate(header) if k in _PREFIX), None)
    if index is None:
        return
    values = [cell(r, index).strip(" .").casefold() for _, r in rows if cell(r, index).strip()]
    if all(v in HONORIFICS for v in values):
        where["prefix"] = index
    elif "title" not in where:
        where["title"] = index


def parse_outlook(data: bytes | str, name: str = "contacts.csv") -> ParseResult:
    """People (and organizations) from an Outlook-style CSV."""
    return parse_address_book(data, name, "outlook")
