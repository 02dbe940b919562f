"""Outlook CSV (the desktop export, Outlook.com, and the Outlook-style CSVs other services
write). Columns are matched by name; German and French headers are understood too.

`Title` is the honorific (Mr./Dr.), the job is `Job Title`; empty dates are `0/0/00`.
Encodings: UTF-8 (with or without BOM), UTF-16, or Windows cp1252.

Example:
    >>> r = parse_outlook("First Name,Last Name,Company,Job Title,E-mail Address\\n"
    ...                   "Ada,Example,Acme,Engineer,ada@example.org\\n", "o.csv")
    >>> p = r.contacts[0][1]
    >>> (p.name, p.organization, p.title, p.emails)
    ('Ada Example', 'Acme', 'Engineer', ['ada@example.org'])
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
    read_csv,
)

COLUMNS = {
    "first": ("first name", "given name", "vorname", "prénom"),
    "middle": ("middle name", "weitere vornamen", "deuxième prénom", "second prénom"),
    "last": ("last name", "surname", "family name", "nachname", "nom"),
    "company": ("company", "firma", "société", "entreprise"),
    "title": ("job title", "position", "fonction", "titre du poste"),
    "notes": ("notes", "notizen"),
    "categories": ("categories", "kategorien", "catégories"),
    "web": ("web page", "webseite", "page web", "personal web page", "business web page"),
    "display": ("display name", "name"),
}
_EMAIL = re.compile(r"^(email( \d+)? address|email-adresse|email( \d+)?: adresse|"
                    r"adresse de messagerie( \d+)?|email)$")
_PHONE = re.compile(r"(phone|telefon|téléphone|mobiltelefon|pager|fax)( \d+)?$")
_ANY_PHONE = re.compile(r"phone|telefon|téléphone")


def is_outlook_header(keys: list[str]) -> bool:
    """An Outlook-style header: first/last name plus an e-mail, company or job column."""
    have = set(keys)
    named = ({"first name", "last name"} <= have or {"vorname", "nachname"} <= have
             or {"prénom", "nom"} <= have)
    extra = any(_EMAIL.match(k) for k in keys) or bool(
        have & {"company", "job title", "firma", "société", "business phone", "mobile phone"})
    return named and extra


def parse_outlook(data: bytes | str, name: str = "contacts.csv") -> ParseResult:
    """People (and organizations) from an Outlook-style CSV."""
    text = decode_bytes(data, name)
    result = ParseResult(name, "outlook")
    header, rows = read_csv(text, is_outlook_header, name=name)
    where = column_map(header, COLUMNS)
    email_cols = [i for i, k in enumerate(header) if _EMAIL.match(k)]
    phone_cols = [i for i, k in enumerate(header)
                  if _PHONE.search(k) and _ANY_PHONE.search(k) and "fax" not in k]
    for line, row in rows:
        def get(key: str, row=row) -> str:
            return cell(row, where.get(key))

        emails = [cell(row, i) for i in email_cols if "@" in cell(row, i)]
        phones = [cell(row, i) for i in phone_cols if cell(row, i)]
        labels = re.split(r"[;,]", get("categories")) if get("categories") else []
        categories, tags = labels_to_categories(labels)
        web = get("web")
        first = " ".join(p for p in (get("first"), get("middle")) if p)
        display = "" if first or get("last") else get("display")
        make_person(result, line, first=first, last=get("last"), display=display,
                    organization=get("company"), title=get("title"), emails=emails,
                    phones=phones, linkedin_url=web if is_linkedin(web) else "",
                    categories=categories, tags=tags, notes=get("notes"))
    return result
