"""Stable pseudonyms for sharing a map or an export without anyone's name in it.

Each workbook gets its own random key (stored once with wb.set_setting), and every contact's
pseudonym is a keyed hash of their id: "Person 4821". The same contact has the same
pseudonym in every export of that workbook, and nobody can turn it back into a name without
the workbook. Organizations get "Organization 312" the same way (from their name).

Example:
    >>> import tempfile, pathlib
    >>> from infoview_lib.workbook.store import open_workbook
    >>> from infoview_lib.workbook.model import Contact
    >>> wb = open_workbook(pathlib.Path(tempfile.mkdtemp()) / "w.sqlite")
    >>> ada = wb.add(Contact(first_name="Ada"))
    >>> pseudonym(wb, ada) == pseudonym(wb, ada.id) == pseudonyms(wb)[ada.id]
    True
    >>> pseudonym(wb, ada).startswith("Person ")
    True
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from collections.abc import Iterable
from dataclasses import dataclass

from .errors import NotFound
from .model import Contact, Organization, Target
from .store import Workbook

SALT_SETTING = "anonymize_salt"
CODE_SPACE = 9999  # pseudonym numbers 1..9999; beyond that many people, numbering continues


def workbook_salt(wb: Workbook) -> bytes:
    """This workbook's secret key for pseudonyms (made and stored on first use)."""
    salt = wb.setting(SALT_SETTING)
    if not salt:
        salt = secrets.token_hex(16)
        wb.set_setting(SALT_SETTING, salt)
    return bytes.fromhex(salt)


def _code(salt: bytes, text: str) -> int:
    digest = hmac.new(salt, text.encode("utf-8"), hashlib.sha256).digest()
    return int.from_bytes(digest[:8], "big") % CODE_SPACE + 1


def assign_codes(salt: bytes, keys: Iterable[str]) -> dict[str, int]:
    """One distinct number per key. Keys are taken in the order given (oldest first), so a
    newcomer never takes an older key's number: collisions move the newcomer on."""
    taken: set[int] = set()
    out: dict[str, int] = {}
    extra = CODE_SPACE
    for key in keys:
        code = _code(salt, key)
        if len(taken) >= CODE_SPACE:
            extra += 1
            code = extra
        else:
            while code in taken:
                code = code % CODE_SPACE + 1
        taken.add(code)
        out[key] = code
    return out


def pseudonyms(wb: Workbook) -> dict[int, str]:
    """Contact id -> "Person N" for every contact ever added (deleted ones keep theirs)."""
    salt = workbook_salt(wb)
    ids = [c.id for c in wb.contacts(include_deleted=True)]
    codes = assign_codes(salt, (f"contact:{i}" for i in ids))
    return {i: f"Person {codes[f'contact:{i}']}" for i in ids}


def pseudonym(wb: Workbook, contact: Contact | int) -> str:
    """The pseudonym of one contact (a Contact or its id)."""
    contact_id = contact.id if isinstance(contact, Contact) else int(contact)
    names = pseudonyms(wb)
    if contact_id not in names:
        raise NotFound(f"No contact with id {contact_id}; list them with 'infoview contacts'.")
    return names[contact_id]


def organization_pseudonyms(wb: Workbook, names: Iterable[str]) -> dict[str, str]:
    """Organization name -> "Organization N" (by casefolded name, sorted, so it is stable)."""
    salt = workbook_salt(wb)
    keys = sorted({n.casefold() for n in names if n})
    codes = assign_codes(salt, (f"org:{k}" for k in keys))
    return {k: f"Organization {codes[f'org:{k}']}" for k in keys}


_NAME_PARTICLES = {"de", "la", "le", "el", "al", "da", "di", "du", "van", "von", "der", "den",
                   "bin", "ibn", "of", "the", "and", "dr", "mr", "mrs", "ms", "jr", "sr"}
_WORD = re.compile(r"\w+")
_CONTACT_DETAIL = re.compile(r"@|https?:|www\.|\d{5,}")


@dataclass
class AnonymousNames:
    """Everything an anonymised export may show in place of names, one decision for every
    file of the bundle and the map: people, organizations (company targets share their
    organization's pseudonym), target names and categories.

    Free text (a field target's name, a custom category) is kept only when it names no
    contact, no organization and no contact detail; otherwise it becomes "Target N" or
    "Category N".
    """

    people: dict[int, str]
    organizations: dict[str, str]
    targets: dict[int, str]
    categories: dict[str, str]
    words: frozenset[str] = frozenset()

    def category_list(self, categories: Iterable[str]) -> list[str]:
        return [self.categories.get(c, "Category") for c in categories]

    def text(self, value: str, fallback: str) -> str:
        """value if it names nobody (no contact, organization or contact detail), else fallback."""
        low = value.casefold()
        if _CONTACT_DETAIL.search(low) or any(w in self.words for w in _WORD.findall(low)):
            return fallback
        if any(re.search(rf"\b{re.escape(org)}\b", low) for org in self.organizations):
            return fallback
        return value


def _name_words(wb: Workbook) -> frozenset[str]:
    words = set()
    ego = wb.setting("ego") or {}
    texts = [str(ego.get("name", "")) if isinstance(ego, dict) else ""]
    for c in wb.contacts(include_deleted=True):
        texts += [c.first_name, c.last_name, c.display_name]
    for text in texts:
        words |= {w for w in _WORD.findall(text.casefold()) if w not in _NAME_PARTICLES}
    return frozenset(words)


def anonymous_names(wb: Workbook, known_categories: Iterable[str]) -> AnonymousNames:
    """The AnonymousNames of this workbook (known_categories: the class protocol's, kept)."""
    salt = workbook_salt(wb)
    targets = wb.list(Target)
    orgs = [o.name for o in wb.list(Organization)] + [c.organization for c in wb.contacts()]
    companies = {t.id: (t.organization or t.name) for t in targets if t.kind == "company"}
    fake_orgs = organization_pseudonyms(wb, orgs + list(companies.values()))
    names = AnonymousNames(pseudonyms(wb), fake_orgs, {}, {}, _name_words(wb))
    known = list(known_categories)
    custom = sorted({c for p in wb.contacts(include_deleted=True) for c in p.categories
                     if c not in known})
    codes = assign_codes(salt, (f"category:{c}" for c in custom))
    names.categories = {**{c: c for c in known},
                        **{c: f"Category {codes[f'category:{c}']}" for c in custom}}
    target_codes = assign_codes(salt, (f"target:{t.id}" for t in targets))
    for t in targets:
        if t.id in companies:
            names.targets[t.id] = fake_orgs[companies[t.id].casefold()]
        else:
            names.targets[t.id] = names.text(t.name, f"Target {target_codes[f'target:{t.id}']}")
    return names


__all__ = ["AnonymousNames", "anonymous_names", "pseudonym", "pseudonyms",
           "organization_pseudonyms", "workbook_salt"]
