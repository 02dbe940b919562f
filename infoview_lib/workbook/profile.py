"""Who the user is, told once: the profile every draft, signature, plan and invite uses.

Stored in the workbook's settings under "ego" (the map's centre reads the name from there
too). Name and a one-line introduction are required before any draft is written; e-mail,
phone, LinkedIn address and programme are optional and used where they fit.

Example:
    >>> import tempfile, pathlib
    >>> from infoview_lib.workbook.store import open_workbook
    >>> wb = open_workbook(pathlib.Path(tempfile.mkdtemp()) / "w.sqlite")
    >>> get_profile(wb).missing()
    ['your name', 'a one-line introduction']
    >>> p = update_profile(wb, name="Sam Lee", introduction="a final-year history student")
    >>> p.complete, get_profile(wb).first_name
    (True, 'Sam')
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from typing import Any

from .errors import ValidationError
from .store import Workbook

PROFILE_KEY = "ego"
FIELDS = ("name", "introduction", "email", "phone", "linkedin_url", "programme")
REQUIRED = ("name", "introduction")
LABELS = {"name": "your name", "introduction": "a one-line introduction", "email": "e-mail",
          "phone": "phone", "linkedin_url": "LinkedIn address", "programme": "programme or school"}
WHERE = ("Fill it in under 'Who you are' in 00_start_here.ipynb, or run: infoview profile "
         "--name \"Your Name\" --introduction \"a final-year design student\".")
LEGACY = {"headline": "introduction", "linkedin": "linkedin_url", "program": "programme"}
MAX_LENGTH = {"name": 80, "introduction": 160, "email": 120, "phone": 40, "linkedin_url": 200,
              "programme": 120}
PLACEHOLDER = re.compile(r"[\[\]{}<>]")
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
PHONE = re.compile(r"^\+?[\d\s().-]{5,}$")


def _clean(value: Any) -> str:
    return " ".join(str(value or "").split())


@dataclass
class Profile:
    """The user's own details. Validated on construction; empty fields are allowed here
    (`missing()` says which required ones are still empty)."""

    name: str = ""
    introduction: str = ""
    email: str = ""
    phone: str = ""
    linkedin_url: str = ""
    programme: str = ""

    def __post_init__(self):
        for key in FIELDS:
            value = _clean(getattr(self, key))
            if len(value) > MAX_LENGTH[key]:
                raise ValidationError(f"Keep {LABELS[key]} under {MAX_LENGTH[key]} characters "
                                      f"(it has {len(value)}).")
            if PLACEHOLDER.search(value):
                raise ValidationError(f"Write {LABELS[key]} without brackets or braces; type "
                                      "the real text, not a placeholder.")
            setattr(self, key, value)
        self.introduction = re.sub(r"^(i'm|i am)\s+", "", self.introduction,
                                   flags=re.IGNORECASE).rstrip(".")
        if self.email and not EMAIL.match(self.email):
            raise ValidationError(f"{self.email!r} is not an e-mail address; write it like "
                                  "name@example.org.")
        if self.phone and not PHONE.match(self.phone):
            raise ValidationError(f"{self.phone!r} is not a phone number; use digits, spaces "
                                  "and +, e.g. +44 20 7946 0000.")
        if self.linkedin_url:
            url = self.linkedin_url
            if not url.lower().startswith(("http://", "https://")):
                url = "https://" + url
            if "linkedin.com/" not in url.lower():
                raise ValidationError("Paste your LinkedIn address as shown in your browser, "
                                      "e.g. https://www.linkedin.com/in/your-name.")
            self.linkedin_url = url

    @property
    def first_name(self) -> str:
        return self.name.split()[0] if self.name else ""

    def missing(self) -> list[str]:
        """The required details still empty, in words."""
        return [LABELS[k] for k in REQUIRED if not getattr(self, k)]

    @property
    def complete(self) -> bool:
        return not self.missing()

    def to_dict(self) -> dict[str, str]:
        return dataclasses.asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> Profile:
        """From a stored dict (old workbooks wrote 'headline' for the introduction)."""
        data = dict(data or {})
        for old, new in LEGACY.items():
            if old in data and not data.get(new):
                data[new] = data[old]
        return cls(**{k: data.get(k, "") for k in FIELDS})


def missing_message(profile: Profile) -> str:
    """What to fill in, and where: '' when nothing is missing."""
    missing = profile.missing()
    if not missing:
        return ""
    return (f"Tell the workbook who you are first: {' and '.join(missing)} "
            f"{'is' if len(missing) == 1 else 'are'} missing. {WHERE}")


def get_profile(wb: Workbook) -> Profile:
    """The stored profile (empty when none was saved)."""
    stored = wb.setting(PROFILE_KEY)
    return Profile.from_dict(stored if isinstance(stored, dict) else {})


def save_profile(wb: Workbook, profile: Profile) -> Profile:
    """Store the profile (other keys under the setting, e.g. 'country', are kept)."""
    stored = wb.setting(PROFILE_KEY)
    extra = {k: v for k, v in (stored if isinstance(stored, dict) else {}).items()
             if k not in FIELDS and k not in LEGACY}
    wb.set_setting(PROFILE_KEY, {**extra, **profile.to_dict()})
    return profile


def update_profile(wb: Workbook, **changes: Any) -> Profile:
    """Change some fields (validated) and store the result."""
    unknown = set(changes) - set(FIELDS)
    if unknown:
        raise ValidationError(f"{', '.join(sorted(unknown))} is not part of your profile; "
                              f"use {', '.join(FIELDS)}.")
    current = get_profile(wb).to_dict()
    return save_profile(wb, Profile(**{**current, **changes}))


def require_profile(wb: Workbook) -> Profile:
    """The profile, or a ValidationError saying what to fill in and where."""
    profile = get_profile(wb)
    if not profile.complete:
        raise ValidationError(missing_message(profile))
    return profile


__all__ = ["FIELDS", "LABELS", "Profile", "REQUIRED", "get_profile", "missing_message",
           "require_profile", "save_profile", "update_profile"]
