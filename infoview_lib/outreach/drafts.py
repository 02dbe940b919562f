"""Render message parts through the editable Jinja2 templates in data/templates/.

Channels: "email" (subject and body), "phone" (call or voicemail script) and "linkedin"
(a connection note of at most 300 characters; shortened step by step when longer, and
every step is reported in Draft.notes).

Example:
    >>> from infoview_lib.outreach.parts import MessageParts
    >>> p = MessageParts(recipient_name="Hana Sato", sender_name="Maya Lind",
    ...                  referrer="Dolores Ibáñez", topic="UX research")
    >>> d = render(p, "email")
    >>> d.subject
    'Dolores Ibáñez suggested I write to you'
    >>> d.body.splitlines()[2].startswith("Dolores Ibáñez suggested")
    True
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

import jinja2
from jinja2.sandbox import SandboxedEnvironment

from ..classroom.protocol import current_protocol
from ..workbook.errors import ProtocolError, ValidationError
from ..workbook.model import CHANNELS
from ..workbook.paths import DATA_DIR
from ..workbook.profile import WHERE
from .parts import MessageParts, lower_first

TEMPLATES_ENV = "INFOVIEW_TEMPLATES"
TEMPLATE_FILES = {"email_subject": "email_subject.txt.j2", "email": "email_body.txt.j2",
                  "phone": "phone.txt.j2", "linkedin": "linkedin.txt.j2"}
# What the LinkedIn note gives up, in order, when it is too long.
# Who you are goes early: LinkedIn shows your profile right next to the note.
LINKEDIN_CUTS = (
    ("thanks", "Thanks!", "shortened the thanks to 'Thanks!'"),
    ("who_i_am", "", "left out who you are (your profile shows it)"),
    ("purpose", "", "left out the sentence saying you only want to learn"),
    ("interest", "", "left out the sentence about your interest"),
    ("fallback", "", "left out the fallback question"),
)


@dataclass
class Draft:
    """A rendered message. notes says what was changed to make it fit."""

    channel: str
    body: str
    subject: str = ""
    notes: list[str] = field(default_factory=list)

    @property
    def chars(self) -> int:
        return len(self.body)

    @property
    def words(self) -> int:
        return len(re.findall(r"\w[\w'’-]*", self.body))

    def as_text(self) -> str:
        head = f"Subject: {self.subject}\n\n" if self.subject else ""
        return head + self.body


def templates_dir() -> Path:
    """$INFOVIEW_TEMPLATES if set, else data/templates/."""
    env = os.environ.get(TEMPLATES_ENV, "").strip()
    return Path(env).expanduser() if env else DATA_DIR / "templates"


class _Sandbox(SandboxedEnvironment):
    """Templates may come from an instructor's folder ($INFOVIEW_TEMPLATES): jinja2's sandbox
    stops attribute tricks that reach Python, and `*` / `**` (which could build gigabytes)
    are refused; see docs/security.md."""

    intercepted_binops = frozenset({"*", "**"})

    def call_binop(self, context, operator, left, right):
        raise jinja2.sandbox.SecurityError(f"'{operator}' is not allowed in a message template")


def _environment(folder: Path) -> jinja2.Environment:
    env = _Sandbox(
        loader=jinja2.FileSystemLoader(str(folder)), undefined=jinja2.StrictUndefined,
        autoescape=False, keep_trailing_newline=False, trim_blocks=True, lstrip_blocks=True,
    )
    env.filters["lower_first"] = lower_first
    return env


def tidy(text: str) -> str:
    """Collapse the spaces and blank lines that empty parts leave behind."""
    lines = [" ".join(line.split()) for line in text.strip().splitlines()]
    text = "\n".join(lines)
    text = re.sub(r"\n{3,}", "\n\n", text)
    text = re.sub(r" ([,.;:!?])", r"\1", text)
    return re.sub(r"[,;:]([.!?])", r"\1", text).strip()


def _render_file(env: jinja2.Environment, key: str, parts: MessageParts) -> str:
    name = TEMPLATE_FILES[key]
    try:
        return tidy(env.get_template(name).render(**parts.context()))
    except jinja2.TemplateNotFound as err:
        raise ProtocolError(f"The template {name} is missing from {env.loader.searchpath[0]}; "
                            "restore it from data/templates/ in the course files.") from err
    except jinja2.UndefinedError as err:
        raise ProtocolError(f"{name}: {err.message}. Use only the parts listed in "
                            "data/templates/README.md.") from err
    except jinja2.TemplateSyntaxError as err:
        raise ProtocolError(f"{name}, line {err.lineno}: {err.message}. Check the "
                            "{{ }} and {% %} pairs.") from err
    except (jinja2.sandbox.SecurityError, OverflowError, MemoryError) as err:
        raise ProtocolError(f"{name} tries something a message template may not do ({err}); "
                            "use only the parts listed in data/templates/README.md.") from err


def _truncate(text: str, limit: int) -> str:
    """Cut at the last sentence end that fits, else at a word, adding an ellipsis."""
    if len(text) <= limit:
        return text
    head = text[:limit]
    ends = [m.end() for m in re.finditer(r"[.!?](\s|$)", head)]
    if ends and ends[-1] > limit // 2:
        return head[:ends[-1]].strip()
    return head[: limit - 1].rsplit(" ", 1)[0].rstrip(",;: ") + "…"


def render(parts: MessageParts, channel: str = "email", folder: Path | None = None) -> Draft:
    """Render one channel's draft from the parts."""
    if channel not in CHANNELS:
        raise ValidationError(f"Unknown channel {channel!r}; use email, phone or linkedin.")
    if not parts.sender_name:
        raise ValidationError("Tell the workbook who you are first: your name is missing, so "
                              f"the draft would have a blank where it belongs. {WHERE}")
    env = _environment(Path(folder) if folder else templates_dir())
    if channel == "email":
        subject = " ".join(_render_file(env, "email_subject", parts).split())
        return Draft("email", _render_file(env, "email", parts), subject)
    if channel == "phone":
        return Draft("phone", _render_file(env, "phone", parts))
    limit = int(current_protocol().outreach.get("linkedin_note_max_chars", 300))
    body, notes = " ".join(_render_file(env, "linkedin", parts).split()), []
    for name, value, note in LINKEDIN_CUTS:
        if len(body) <= limit:
            break
        if getattr(parts, name) == value:
            continue
        parts = parts.replace(**{name: value})
        body = " ".join(_render_file(env, "linkedin", parts).split())
        notes.append(f"To fit {limit} characters, infoview {note}.")
    if len(body) > limit:
        body = _truncate(body, limit)
        notes.append(f"Still too long, so the note was cut to {limit} characters; shorten "
                     "the parts yourself for a better note.")
    return Draft("linkedin", body, notes=notes)


__all__ = ["CHANNELS", "Draft", "render", "templates_dir", "tidy"]
