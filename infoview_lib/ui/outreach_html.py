"""What step 3's panel shows, as HTML: the checker's verdict, the draft, the tracker line,
the 3B7 due list and the calendar-file link. Every user value is escaped.

Example:
    >>> draft_html(type("D", (), {"subject": "<Hi>", "body": "a & b", "words": 3,
    ...                           "chars": 5})())[:40]
    '<p><b>Subject:</b> &lt;Hi&gt;</p><pre st'
"""

from __future__ import annotations

import base64
import html

from ..outreach import verdict
from ..outreach.actions import Composed, TrackerLine
from ..text import plural
from .common import color, styled

EMPTY_LIST = ("Your list is empty: add people in step 1 (or load a persona in step 0), "
              "then open this step again.")
NOTHING_LOGGED = "<p>Status: <b>to contact</b> (nothing logged yet).</p>"
PICK_FIRST = "<p><i>Pick a contact to see a draft.</i></p>"


def checker_html(results, notes=()) -> str:
    """One line per rule, green or red, and the overall verdict."""
    lines = []
    for r in results:
        kind, mark = ("ok", "&#10003;") if r.passed else ("error", "&#10007;")
        hint = "" if r.passed else f" <i>{html.escape(r.hint)}</i>"
        lines.append(styled(f"{mark} <b>{html.escape(r.label)}</b>: "
                            f"{html.escape(r.detail)}{hint}", kind, "li",
                            f"iv-rule iv-rule-{r.rule} {'iv-pass' if r.passed else 'iv-fail'}"))
    extra = "".join(styled(html.escape(n), "warn", "li") for n in notes)
    ok = all(r.passed for r in results)
    return (f"<ul style='list-style:none;padding-left:0'>{''.join(lines)}{extra}</ul>"
            f"<p class='iv-verdict {'iv-pass' if ok else 'iv-fail'}' role='status'><b>"
            f"{html.escape(verdict(results))}</b></p>")


def draft_html(draft) -> str:
    """The subject line, the body as written (wrapped) and its size."""
    subject = (f"<p><b>Subject:</b> {html.escape(draft.subject)}</p>" if draft.subject else "")
    size = f"{plural(draft.words, 'word')}, {plural(draft.chars, 'character')}"
    return (f"{subject}<pre style='white-space:pre-wrap;word-break:normal;"
            f"overflow-wrap:anywhere;font-family:inherit;"
            f"border:1px solid #ddd;padding:0.5em'>{html.escape(draft.body)}</pre>"
            f"<small>{size}</small>")


def warn_html(message: str, css: str) -> str:
    """A warning paragraph with a CSS hook (e.g. the profile is missing your name)."""
    return styled(html.escape(message), "warn", "p", css)


def composed_html(shown: Composed) -> tuple[str, str]:
    """(the draft, the checker's lines); what to fill in first while the profile lacks it."""
    if shown.missing:
        return warn_html(shown.missing, "iv-profile-missing iv-warn"), ""
    return draft_html(shown.draft), checker_html(shown.results, shown.draft.notes)


def tracker_html(line: TrackerLine | None) -> str:
    """The current status, how the reply went, the target, and each dated step."""
    if line is None:
        return NOTHING_LOGGED
    rows = "".join(f"<li>{html.escape(s)}: {html.escape(d)}</li>" for s, d in line.steps)
    reply = html.escape(line.reply)
    tag = f" &middot; <span class='iv-reply-label'>{reply}</span>" if reply else ""
    aim = f" &middot; target: {html.escape(line.target)}" if line.target else ""
    return (f"<p>Status: <b class='iv-current-status'>{html.escape(line.status)}</b>"
            f"{tag}{aim}</p><ul>{rows}</ul>")


def due_html(now, later, rules: dict) -> str:
    """What is due today, the next ten coming up, and the 3B7 routine in one line."""
    items = "".join(f"<li class='iv-due-item'>{html.escape(i.text)}</li>" for i in now)
    upcoming = "".join(f"<li>{html.escape(i.text)}</li>" for i in later[:10])
    return ((f"<ul>{items}</ul>" if now else "<p>Nothing is due today.</p>")
            + (f"<p>Coming up:</p><ul>{upcoming}</ul>" if later else "")
            + f"<p class='iv-3b7-rule'><small>3B7 (Steve Dalton, <i>The 2-Hour Job Search</i>):"
              f" no reply after {rules['second_contact_after_days']} business days, write to a "
              f"second person at the same target; after {rules['follow_up_after_days']}, send "
              "one follow-up. Weekends and public holidays are skipped.</small></p>")


def ics_link_html(path, dates: str) -> str:
    """A download link for follow-ups.ics (the file's bytes inline) and where it was saved."""
    data_b64 = base64.b64encode(path.read_bytes()).decode("ascii")
    return (f"<a download='follow-ups.ics' href='data:text/calendar;base64,"
            f"{data_b64}' style='{color('link')};text-decoration:underline'>"
            f"Download follow-ups.ics</a> ({dates}; also saved as "
            f"<code>{html.escape(str(path))}</code>)")

