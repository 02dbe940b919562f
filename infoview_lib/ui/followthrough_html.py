"""What step 6's panel shows, as HTML and PNG: the funnel picture, what you owe, the line
about the chosen meeting, the thank-you's due line, the referrals, the note under edited
drafts, and the meeting picker's lines.
Every user value is escaped.

Example:
    >>> owed_html([])
    '<i>Nothing owed right now.</i>'
"""

from __future__ import annotations

import html
import io
from datetime import datetime, timezone

from ..followthrough import PLACEHOLDER, ThankYouState, draw_funnel, has_happened
from ..meetings.picking import alive, default_meeting, meeting_label, meetings_to_follow
from ..meetings.schedule import when_text, zone
from ..text import plural
from ..workbook.model import Meeting
from ..workbook.store import Workbook
from .common import color, styled

__all__ = ["NO_MEETING", "about_html", "alive", "default_meeting", "drafts_note_html",
           "funnel_png", "label_html", "meeting_options", "owed_html", "referrals_html",
           "thanks_due_html", "warn_html"]

NO_MEETING = ("There is no meeting to follow up yet: set one in step 5 "
              "(05_be_a_professional.ipynb), then come back after the conversation.")


def funnel_png(counts: dict[str, int]) -> bytes:
    """The funnel chart as PNG bytes (matplotlib imported here, not at import time)."""
    from matplotlib.figure import Figure  # heavy: matplotlib only when drawing the funnel

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


def drafts_note_html(own: bool, text: str) -> str:
    """What to know about edited drafts: they stay as written; replace the placeholder."""
    notes = []
    if own:
        notes.append("You edited the drafts, so they stay as you wrote them.")
    if own and PLACEHOLDER in text:
        notes.append(f"Replace {PLACEHOLDER} before you send it.")
    return styled(html.escape(" ".join(notes)), "warn") if notes else ""


def meeting_options(wb: Workbook) -> tuple[list[Meeting], list[tuple[str, int]]]:
    """Dated meetings with people still on the list, oldest first, and their picker lines."""
    meetings = meetings_to_follow(wb)
    options = [(meeting_label(wb, m), m.id) for m in meetings]
    return meetings, options or [("(no meetings yet: set one in step 5)", 0)]


def thanks_due_html(m: Meeting, st: ThankYouState, hours: int, hint: bool) -> str:
    """When the thank-you was sent (on time or late), else when it is due; 'late' in red;
    the hint to write one specific thing they said when the drafts need it."""
    if st.sent:
        sent = datetime.fromisoformat(st.sent_on)
        sent = sent.replace(tzinfo=sent.tzinfo or timezone.utc).astimezone(zone(m.timezone))
        text = (f"Sent {sent:%a %d %b %H:%M} ({m.timezone})"
                + (f", after the {hours}-hour mark" if st.late else ", on time"))
    else:
        due = st.due.astimezone(zone(m.timezone))
        text = (f"Due by {due:%a %d %b %H:%M} ({m.timezone}), {plural(hours, 'hour')} after the "
                f"meeting ({when_text(m)})")
    late = " " + styled("late", "error", "b", "iv-late") if st.late and not st.sent else ""
    tip = ("<br>" + styled("Write one specific thing they said above; the drafts use it.",
                           "warn") if hint else "")
    return html.escape(text) + late + tip


def referrals_html(names: list[str]) -> str:
    return ("Referred: " + ", ".join(html.escape(n) for n in names) if names
            else "<i>No referrals recorded yet.</i>")


def warn_html(message: str) -> str:
    """A warning where the drafts would be (e.g. what to fill in for your name)."""
    return styled(html.escape(message), "warn", css="iv-warn") if message else ""


def label_html(text: str) -> str:
    """A muted label above a box."""
    return styled(html.escape(text), "muted")
