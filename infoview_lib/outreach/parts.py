"""The parts of an outreach message, with defaults drawn from the workbook.

The method fixes the parts: who referred you (or how you know them) first, who you are,
your interest in their company, industry or career and that you want information rather
than a job, the ask for a short meeting, the fallback ("if you're too busy, who else could
I talk to?") and thanks. The user edits each part; edits are stored in Outreach.parts.

Example:
    >>> p = MessageParts(recipient_name="Hana Sato", sender_name="Maya Okafor-Lind", minutes=20)
    >>> p.recipient_first, p.sender_first, default_ask(20)[-1]
    ('Hana', 'Maya', '?')
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any

from ..meetings.lengths import default_minutes, lengths_text, meeting_lengths
from ..targets import ranked_targets
from ..workbook.errors import NotFound, ValidationError
from ..workbook.model import Contact, Outreach, Target
from ..workbook.profile import get_profile
from ..workbook.store import Workbook
from .tracker import outreach_for
from .words import JOB_WORDS

EDITABLE = ("referrer", "connection", "who_i_am", "topic", "interest", "purpose", "minutes",
            "ask", "fallback", "thanks")

# How you know them, by part of life: the connection comes first, and every line can be
# said aloud as well as written (the phone script uses it too).
CONNECTIONS = {
    "classmate": "We know each other from class, so I hope it's all right to ask you.",
    "instructor": "I was one of your students, and your classes stayed with me.",
    "advisor": "You have advised me before, so you were the first person I thought of.",
    "friend": "As a friend, you are one of the first people I wanted to ask about this.",
    "parent": "You know me better than anyone, so I wanted to ask you first.",
    "relative": "As family, you are one of the first people I wanted to ask.",
    "neighbour": "As your neighbour, I hope it's all right to ask you.",
    "co-worker": "We worked together, so I hope it's all right to ask you.",
    "club": "We know each other from {org}, so I hope it's all right to ask you.",
    "alumni": "We are both alumni of the same school, so I hope it's all right to ask you.",
    "online": "We are connected online, and what you share about your work caught my eye.",
}
# Anyone else (the "other" part of life, a class's own categories, no category at all).
ANY_CONNECTION = "We know each other, so I hope it's all right to ask you."
# They know who you are: no introduction in the message.
CLOSE = ("parent",)


def default_ask(minutes: int) -> str:
    return f"Would you have {minutes} minutes for a call or coffee in the next few weeks?"


DEFAULT_FALLBACK = "If you're too busy, who else could I talk to?"
DEFAULT_PURPOSE = "This is only to learn from your experience."
DEFAULT_THANKS = "Thank you for your time."


@dataclass
class MessageParts:
    """Everything a template may use. Empty parts simply drop out of the message."""

    recipient_name: str = ""
    sender_name: str = ""
    sender_phone: str = ""
    sender_email: str = ""
    sender_programme: str = ""
    sender_linkedin: str = ""
    referrer: str = ""
    connection: str = ""
    who_i_am: str = ""
    topic: str = ""
    interest: str = ""
    purpose: str = DEFAULT_PURPOSE
    minutes: int = 0   # 0: the protocol's default length
    ask: str = ""
    fallback: str = DEFAULT_FALLBACK
    thanks: str = DEFAULT_THANKS

    def __post_init__(self):
        for f in dataclasses.fields(self):
            if f.name != "minutes":
                setattr(self, f.name, " ".join(str(getattr(self, f.name) or "").split()))
        try:
            self.minutes = int(self.minutes or default_minutes())
        except (TypeError, ValueError) as err:
            raise ValidationError(f"The meeting length is a number of minutes: "
                                  f"{lengths_text()}.") from err
        if self.minutes not in meeting_lengths():
            raise ValidationError(f"Ask for {lengths_text()} minutes; short asks get more yeses.")
        if not self.ask:
            self.ask = default_ask(self.minutes)

    @property
    def recipient_first(self) -> str:
        return self.recipient_name.split()[0] if self.recipient_name else "there"

    @property
    def sender_first(self) -> str:
        return self.sender_name.split()[0] if self.sender_name else ""

    def context(self) -> dict[str, Any]:
        """The values templates see (fields plus the first names); the parts that stand as
        sentences of their own start with a capital and end with a full stop."""
        data = dataclasses.asdict(self)
        data.update({name: as_sentence(data[name]) for name in SENTENCES})
        data["ask"] = capital_first(self.ask)  # no full stop added: the checker wants a "?"
        data.update(recipient_first=self.recipient_first, sender_first=self.sender_first)
        return data

    def replace(self, **changes: Any) -> MessageParts:
        return dataclasses.replace(self, **changes)


# The parts a template places as whole sentences (the ask is one too, but keeps its own end).
SENTENCES = ("connection", "interest", "purpose", "fallback", "thanks")


def capital_first(text: str) -> str:
    """'how you got there' -> 'How you got there'; an empty part stays empty."""
    return text[:1].upper() + text[1:]


def as_sentence(text: str) -> str:
    """A part typed as a phrase reads as a sentence in the draft.

    >>> as_sentence("how you went from studying to building solar sites")
    'How you went from studying to building solar sites.'
    >>> as_sentence("Thanks!"), as_sentence("")
    ('Thanks!', '')
    """
    text = capital_first(text.strip())
    if text and text[-1] not in ".!?…\"'’”)":
        text += "."
    return text


def lower_first(text: str) -> str:
    """'Data analysis' -> 'data analysis', but 'UX research' and 'MSc' stay as they are."""
    if len(text) > 1 and text[0].isupper() and text[1].islower():
        return text[0].lower() + text[1:]
    return text


def with_article(phrase: str) -> str:
    """'maths teacher' -> 'a maths teacher'; 'MSc graduate' -> 'an MSc graduate'."""
    phrase = phrase.strip()
    if not phrase:
        return ""
    first = phrase.split()[0]
    if first.lower() in ("a", "an", "the", "my"):
        return phrase
    if len(first) > 1 and first[:2].isupper():  # an acronym: say the letter's name
        vowel = first[0] in "AEFHILMNORSX"
    else:
        vowel = first[0].lower() in "aeiou"
    return ("an " if vowel else "a ") + phrase


def _who_i_am(headline: str) -> str:
    return with_article(lower_first(headline.strip().rstrip(".")))


def target_for(wb: Workbook, contact: Contact) -> Target | None:
    """The best-ranked target this contact leads to (None when they lead to none)."""
    for row in ranked_targets(wb):
        if any(lead.contact_id == contact.id for lead in row.leads):
            return row.target
    return None


def _interest(topic: str, contact: Contact) -> str:
    if not topic:
        if contact.title and not JOB_WORDS.search(contact.title):
            return (f"I'd love to hear how you became {with_article(lower_first(contact.title))} "
                    "and what a usual week is like for you.")
        return "I'd love to hear about your work and how you got there."
    if contact.organization and contact.organization.casefold() != topic.casefold():
        return (f"I'd love to hear how you got into {topic} and what your work at "
                f"{contact.organization} is like.")
    if contact.organization:
        return f"I'd love to hear what your work at {contact.organization} is like."
    return f"I'd love to hear how you got into {topic} and what a usual week is like for you."


def default_parts(wb: Workbook, contact: Contact, target: Target | None = None) -> MessageParts:
    """Parts filled from the workbook: your profile, the introducer, the target and the tie."""
    me = get_profile(wb)
    referrer = ""
    if contact.introduced_by:
        try:
            intro = wb.get(Contact, contact.introduced_by)
            referrer = "" if intro.deleted_at else intro.name
        except NotFound:  # the introducer record is gone
            referrer = ""
    connection = ANY_CONNECTION
    for category in contact.categories:
        if category in CONNECTIONS:
            connection = CONNECTIONS[category].format(org=contact.organization or "the club")
            break
    close = any(category in CLOSE for category in contact.categories)
    target = target or target_for(wb, contact)
    if target is not None:
        topic = target.name if target.kind == "company" else lower_first(target.name)
    else:
        topic = ""
    return MessageParts(
        recipient_name=contact.name, sender_name=me.name, sender_phone=me.phone,
        sender_email=me.email, sender_programme=me.programme, sender_linkedin=me.linkedin_url,
        referrer=referrer, connection=connection,
        who_i_am="" if close else _who_i_am(me.introduction),
        topic=topic, interest=_interest(topic, contact),
    )


def parts_for(wb: Workbook, contact: Contact) -> MessageParts:
    """The defaults, overlaid with whatever the user edited and saved for this contact."""
    record = outreach_for(wb, contact.id, create=False)
    target = None
    if record is not None and record.target_id:
        try:
            target = wb.get(Target, record.target_id)
        except NotFound:
            target = None
    parts = default_parts(wb, contact, target)
    saved = {k: v for k, v in (record.parts if record else {}).items() if k in EDITABLE}
    if "minutes" in saved and "ask" not in saved:
        saved["ask"] = default_ask(int(saved["minutes"]))
    return parts.replace(**saved)


def save_parts(wb: Workbook, contact: Contact, changes: dict[str, Any]) -> Outreach:
    """Store the user's edits to the parts (validated first; unknown keys refused)."""
    unknown = set(changes) - set(EDITABLE)
    if unknown:
        raise ValidationError(f"{', '.join(sorted(unknown))} cannot be edited; "
                              f"the parts are {', '.join(EDITABLE)}.")

    with wb.transaction():
        record = outreach_for(wb, contact.id)
        merged = {**record.parts, **changes}
        parts_for(wb, contact).replace(**merged)  # raises ValidationError on bad values
        extra = {}
        if not record.target_id:
            target = target_for(wb, contact)
            extra["target_id"] = target.id if target else None
        return wb.update(Outreach, record.id, parts=merged, **extra)


__all__ = ["ANY_CONNECTION", "CONNECTIONS", "EDITABLE", "MessageParts", "default_ask", "default_parts",
           "parts_for", "save_parts", "target_for"]
