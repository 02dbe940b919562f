"""The records a workbook holds, as dataclasses that check themselves.

Example:
    >>> c = Contact(first_name="Ada", last_name="Example", categories=["friend"])
    >>> c.name
    'Ada Example'
    >>> Contact.from_dict(c.to_dict()) == c
    True
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any, ClassVar

from .errors import ValidationError

CATEGORIES = (
    "classmate", "instructor", "advisor", "friend", "parent", "relative", "neighbour",
    "co-worker", "club", "alumni", "online", "other",
)
TIE_STRENGTHS = ("often", "occasionally", "rarely")
TYPED_SOURCE = "typed"  # the source of a person the user typed in; imports never overwrite
TIE_STRENGTH_MEANING = {
    "often": "at least twice a week",
    "occasionally": "more than once a year, less than twice a week",
    "rarely": "once a year or less",
}
TARGET_KINDS = ("industry", "company", "field")
CHANNELS = ("email", "phone", "linkedin")  # how a request is sent (step 3)
PHASES = ("opening", "core", "closing")  # where a question sits in the meeting (step 4)
INTEREST = ("yes", "unsure", "no")  # "still keen?" after a meeting (step 6)
OUTREACH_STATUSES = (
    "to_contact", "sent", "replied", "meeting_set", "met", "thanked",
    "referrals_followed_up", "declined",
)


def now_iso() -> str:
    """The current UTC time as an ISO string, to the second."""
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat()


def _clean(text: Any) -> str:
    return "" if text is None else str(text).strip()


def _clean_list(values: Any) -> list[str]:
    if values is None:
        return []
    if isinstance(values, str):
        values = [values]
    out: list[str] = []
    for value in values:
        value = _clean(value)
        if value and value not in out:
            out.append(value)
    return out


class Record:
    """Shared behaviour: to_dict / from_dict and the table the record lives in."""

    table: ClassVar[str] = ""

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]):
        names = {f.name for f in dataclasses.fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in names})

    @classmethod
    def columns(cls) -> list[str]:
        return [f.name for f in dataclasses.fields(cls)]


def only_imported(sources: list[str]) -> bool:
    """True when a person's sources are all contact files (not typed, not a persona).

    >>> only_imported(["linkedin", "google"]), only_imported(["linkedin", TYPED_SOURCE])
    (True, False)
    """
    return bool(sources) and TYPED_SOURCE not in sources


@dataclass
class Contact(Record):
    """A person the user knows (or was referred to)."""

    table: ClassVar[str] = "contacts"
    id: int | None = None
    first_name: str = ""
    last_name: str = ""
    display_name: str = ""
    organization: str = ""
    title: str = ""
    emails: list[str] = field(default_factory=list)
    phones: list[str] = field(default_factory=list)
    linkedin_url: str = ""
    categories: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    tie_strength: str = ""
    can_interview: bool = False
    can_refer: bool = False
    introduced_by: int | None = None
    notes: str = ""
    sources: list[str] = field(default_factory=list)
    connected_on: str = ""
    created_at: str = ""
    updated_at: str = ""
    deleted_at: str = ""

    @property
    def imported(self) -> bool:
        """Came only from contact files (never typed in by the user, nor from a persona).

        >>> Contact(first_name="Ada", sources=["linkedin"]).imported
        True
        """
        return only_imported(self.sources)

    def __post_init__(self):
        for name in ("first_name", "last_name", "display_name", "organization", "title",
                     "linkedin_url", "notes", "connected_on", "tie_strength"):
            setattr(self, name, _clean(getattr(self, name)))
        for name in ("emails", "phones", "tags", "sources"):
            setattr(self, name, _clean_list(getattr(self, name)))
        self.categories = [c.lower() for c in _clean_list(self.categories)]
        self.tie_strength = self.tie_strength.lower()
        self.can_interview = bool(self.can_interview)
        self.can_refer = bool(self.can_refer)
        if not self.name:
            raise ValidationError("A contact needs a name: type at least a first or last name.")
        if self.tie_strength and self.tie_strength not in TIE_STRENGTHS:
            raise ValidationError(
                f"Tie strength {self.tie_strength!r} is not known; use one of "
                f"{', '.join(TIE_STRENGTHS)} (or leave it empty)."
            )

    @property
    def name(self) -> str:
        """The name to show: the display name, else first and last name."""
        return self.display_name or " ".join(p for p in (self.first_name, self.last_name) if p)


@dataclass
class Organization(Record):
    """A company, school, club or community."""

    table: ClassVar[str] = "organizations"
    id: int | None = None
    name: str = ""
    kind: str = "company"
    industry: str = ""
    notes: str = ""
    sources: list[str] = field(default_factory=list)

    def __post_init__(self):
        self.name = _clean(self.name)
        self.sources = _clean_list(self.sources)
        if not self.name:
            raise ValidationError("An organization needs a name.")


@dataclass
class Tie(Record):
    """Two contacts who know each other."""

    table: ClassVar[str] = "ties"
    id: int | None = None
    a: int = 0
    b: int = 0
    kind: str = "knows"
    note: str = ""

    def __post_init__(self):
        if self.a == self.b:
            raise ValidationError("A tie joins two different people; pick someone else.")
        self.a, self.b = sorted((int(self.a), int(self.b)))


@dataclass
class Target(Record):
    """Something the user wants to learn about: an industry, a company or a career field."""

    table: ClassVar[str] = "targets"
    id: int | None = None
    name: str = ""
    kind: str = "field"
    motivation: int = 3
    postings: bool = False
    what_to_learn: str = ""
    organization: str = ""
    keywords: list[str] = field(default_factory=list)
    notes: str = ""

    def __post_init__(self):
        self.name = _clean(self.name)
        self.kind = _clean(self.kind).lower()
        self.organization = _clean(self.organization)
        self.keywords = _clean_list(self.keywords)
        self.postings = bool(self.postings)
        if not self.name:
            raise ValidationError("A target needs a name, e.g. 'UX design' or 'Northwind Solar'.")
        if self.kind not in TARGET_KINDS:
            raise ValidationError(f"Target kind {self.kind!r} is not known; use industry, company or field.")
        try:
            self.motivation = int(self.motivation)
        except (TypeError, ValueError) as err:
            raise ValidationError("Motivation is a number from 1 (low) to 5 (high).") from err
        if not 0 <= self.motivation <= 5:
            raise ValidationError("Motivation is a number from 1 (low) to 5 (high).")


def target_organization(name: str, kind: str, organization: str = "") -> str:
    """The organisation a target points at: the one given, else a company target's own name.

    >>> target_organization("Northwind Solar", "company")
    'Northwind Solar'
    >>> target_organization("UX research", "field"), target_organization("X", "company", "Y Ltd")
    ('', 'Y Ltd')
    """
    return organization.strip() or (name.strip() if kind == "company" else "")


@dataclass
class Outreach(Record):
    """Reaching out to one contact: the message parts, the status and its history."""

    table: ClassVar[str] = "outreach"
    id: int | None = None
    contact_id: int = 0
    target_id: int | None = None
    status: str = "to_contact"
    channel: str = "email"
    parts: dict[str, Any] = field(default_factory=dict)
    history: list[list[str]] = field(default_factory=list)
    sent_on: str = ""
    replied_on: str = ""
    created_at: str = ""
    updated_at: str = ""

    def __post_init__(self):
        if self.status not in OUTREACH_STATUSES:
            raise ValidationError(
                f"Outreach status {self.status!r} is not known; use one of {', '.join(OUTREACH_STATUSES)}."
            )


@dataclass
class Meeting(Record):
    """An informational interview: when, where, how long, and what happened."""

    table: ClassVar[str] = "meetings"
    id: int | None = None
    contact_id: int = 0
    starts_at: str = ""
    timezone: str = "UTC"
    duration_minutes: int = 0   # set by meetings.schedule.save_meeting from the class protocol
    place: str = ""
    video_link: str = ""
    checklist: dict[str, bool] = field(default_factory=dict)
    debrief: dict[str, Any] = field(default_factory=dict)
    thank_you_sent_on: str = ""
    report_back_on: str = ""
    notes: str = ""


@dataclass
class QuestionChoice(Record):
    """A question the user picked for a meeting (contact_id None: the general list)."""

    table: ClassVar[str] = "questions"
    id: int | None = None
    contact_id: int | None = None
    question_id: str = ""
    text: str = ""
    phase: str = "core"
    minutes: float = 2.0
    position: int = 0

    def __post_init__(self):
        self.text = _clean(self.text)
        if not self.text:
            raise ValidationError("A question needs some text.")


@dataclass
class Note(Record):
    """A free-text note, optionally about one contact."""

    table: ClassVar[str] = "notes"
    id: int | None = None
    contact_id: int | None = None
    kind: str = "note"
    text: str = ""
    created_at: str = ""


RECORD_TYPES: tuple[type[Record], ...] = (
    Contact, Organization, Tie, Target, Outreach, Meeting, QuestionChoice, Note,
)
