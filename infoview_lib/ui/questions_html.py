"""What step 4's panel shows, as HTML: the agenda table, the tag beside each bank question,
the phase beside a picked one, the too-long warning, and the goal filter's lines.
Every user value is escaped.

Example:
    >>> goal_options([])[0]
    ('My goals (none set in step 2 yet: all)', 'mine')
    >>> too_long_html("")
    ''
"""

from __future__ import annotations

import html

from ..questions import TIARA
from .common import color, styled

PICK_HINT = ("<i>Tick questions in the bank above; five to ten is plenty. The closing question "
             "is always on the list.</i>")
TIARA_NOTE = ("Tick the questions you want to ask. TIARA (Trends, Insights, Advice, "
              "Resources, Assignments) is Steve Dalton's way of sorting good questions.")


def agenda_html(agenda) -> str:
    """The agenda as an HTML table, minutes per phase."""
    rows = []
    for phase in agenda.phases:
        rows.append(f"<tr><td><b>{html.escape(phase.name)}</b></td>"
                    f"<td style='text-align:right'><b>{phase.minutes:g} min</b></td></tr>")
        for text, minutes in phase.items:
            rows.append(f"<tr><td style='padding-left:1.5em'>{html.escape(text)}</td>"
                        f"<td style='text-align:right'>{f'{minutes:g}' if minutes else ''}</td></tr>")
    kind = "ok" if agenda.fits else "error"
    rows.append(f"<tr><td><b>Total</b></td><td style='{color(kind)};text-align:right'>"
                f"<b class='iv-agenda-total'>{agenda.total:g} of {agenda.length} min</b></td></tr>")
    return "<table style='width:100%'>" + "".join(rows) + "</table>"


def tag_html(q) -> str:
    """TIARA letter and word, phase and minutes, beside a bank question."""
    return styled(f"{html.escape(q.tiara[0])} ({html.escape(TIARA[q.tiara])}) · "
                  f"{html.escape(q.phase)} · {q.minutes:g} min", "muted")


def phase_html(phase: str) -> str:
    return styled(html.escape(phase), "muted")


def too_long_html(warning: str) -> str:
    """The warning when the questions no longer fit the meeting ('' when they fit)."""
    return styled(f"<b>Too long:</b> {html.escape(warning)}", "error", "div") if warning else ""


def goal_options(kinds: list[str]) -> list[tuple[str, str]]:
    """The goal filter's lines; the first names your goals from step 2."""
    mine = (f"My goals ({', '.join(kinds)})" if kinds
            else "My goals (none set in step 2 yet: all)")
    return [(mine, "mine"), ("Industry", "industry"), ("Company", "company"),
            ("Career field", "field"), ("All questions", "all")]
