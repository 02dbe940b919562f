"""What step 6's panel shows, as HTML and PNG: the funnel picture, what you owe, the line
about the chosen meeting, the note under edited drafts, and the meeting picker's lines.
Every user value is escaped.

Example:
    >>> owed_html([])
    '<i>Nothing owed right now.</i>'
"""

from __future__ import annotations

import html
import io
from datetime import datetime, timezone

from ..followthrough import PLACEHOLDER, draw_funnel, has_happened
from ..meetings.schedule import end_utc, when_text
from ..workbook.model import Contact, Meeting
from ..workbook.store import Workbook
from .common import color, styled

NO_MEETING = ("There is no meeting to follow up yet: set one in step 5 "
              "(05_be_a_professional.ipynb), then come back after the conversation.")


def funnel_png(counts: dict[str, int]) -> bytes:
    """The funnel chart as PNG bytes (matplotlib imported here, not at import time)."""
    from matplotlib.figure import Figure

    fig = Figure(figsize=(6, 2.8), dpi=96)
    draw_funnel(counts, ax=fig.add_subplot())
    fig.tight_layout()
    buf = io.BytesIO()
    fig.savefig(buf, format="png")
    return buf.getvalue()


def owed_html(items) -> str:
    if not items:
        return "<i>Nothing owed right now.</i>"
    rows = []
    for o in items:
        late = " " + styled("late", "error", "b", "iv-late") if o.late else ""
        when = o.due[:16].replace("T", " ") + (" UTC" if "T" in o.due else "")
        due = " " + styled(f"(due {html.escape(when)})", "muted") if o.due else ""
        rows.append(f"<li>{html.escape(o.text)}{due}{late}</li>")
    return "<ul>" + "".join(rows) + "</ul>"


def about_html(m: Meeting | None) -> str:
    if m is None:
        return f"<i>{html.escape(NO_MEETING)}</i>"
    if not has_happened(m):
        return (f"<span class='iv-upcoming' style='{color('warn')}'>This conversation has not "
                f"happened yet: it is on {html.escape(when_text(m))}. Prepare your questions "
                "in step 4 and the meeting in step 5; come back here after it to write the "
                "debrief, send thanks and add referrals.</span>")
    return ""


def drafts_note_html(own: dict, text: str) -> str:
    notes = []
    if own:
        notes.append("You edited the drafts, so they stay as you wrote them.")
    if own and PLACEHOLDER in text:
        notes.append(f"Replace {PLACEHOLDER} before you send it.")
    return styled(html.escape(" ".join(notes)), "warn") if notes else ""


def meeting_options(wb: Workbook) -> tuple[list[Meeting], list[tuple[str, int]]]:
    """Dated meetings with people still on the list, oldest first, and their picker lines."""
    meetings = sorted((m for m in wb.list(Meeting) if m.starts_at
                       and alive(wb, m.contact_id)), key=lambda m: m.starts_at)
    options = [(f"{wb.get(Contact, m.contact_id).name} ({m.starts_at[:10]})", m.id)
               for m in meetings]
    return meetings, options or [("(no meetings yet: set one in step 5)", 0)]


def default_meeting(meetings: list[Meeting]) -> int | None:
    """The most recent meeting that has ended, else the next one coming up."""
    if not meetings:
        return None
    now = datetime.now(timezone.utc)
    held = [m for m in meetings if end_utc(m) <= now]
    return (held[-1] if held else meetings[0]).id


def alive(wb: Workbook, contact_id: int) -> bool:
    """True while the contact is on the list (not deleted)."""
    return any(c.id == contact_id for c in wb.contacts())
