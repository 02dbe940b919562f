"""Step 2's HTML pieces: the ranked target table and who leads to the chosen target.

Example:
    >>> LEADS_SHOWN  # leads listed before 'show all'
    8
"""

from __future__ import annotations

import html

from ..targets import FOCUS_SIZE, TargetRow, ways_in
from .common import styled

LAMP_NOTE = ("Sorted the LAMP way (from Steve Dalton's <i>The 2-Hour Job Search</i>): "
             "<b>M</b>otivation first, then whether <b>P</b>ostings exist, then <b>A</b>dvocacy "
             f"(someone on your list leads there). Work on the top {FOCUS_SIZE} first.")
CELL = "padding:3px 10px;text-align:left;vertical-align:top;overflow-wrap:anywhere"
LEADS_SHOWN = 8   # the best leads; 'show all' lists the rest


def targets_table(rows: list[TargetRow]) -> str:
    """The ranked targets as an HTML table; focus rows are bold."""
    if not rows:
        return ("<p><i>No targets yet. Add an industry, a company or a career field below; "
                "fields alone are fine if you have no company in mind.</i></p>")
    head = "<tr>" + "".join(
        f"<th style='{CELL}'>{h}</th>" for h in ("#", "Target", "Kind", "Motivation", "Postings",
                                                 "Advocacy", "People who lead there")) + "</tr>"
    body = []
    for r in rows:
        style = " style='font-weight:bold'" if r.focus else ""
        star = "&#9733; " if r.focus else ""
        cells = (f"{star}{r.rank}", html.escape(r.target.name), r.target.kind,
                 "&#9679;" * r.target.motivation, "yes" if r.target.postings else "",
                 "yes" if r.advocacy else styled("not yet", "warn"),
                 str(len(r.leads)))
        body.append(f"<tr{style}>" + "".join(f"<td style='{CELL}'>{c}</td>" for c in cells)
                    + "</tr>")
    return (f"<table class='iv-target-table' style='border-collapse:collapse;max-width:100%'>"
            f"{head}{''.join(body)}</table><p>{LAMP_NOTE}</p>")


def leads_html(row: TargetRow | None, people: int = 1, limit: int | None = LEADS_SHOWN) -> str:
    """Who leads to the chosen target (the best `limit`, None: all); with no target (or
    nobody listed), what to do next."""
    if people == 0:
        return ("<p class='iv-leads-empty'>Your list of people is empty, so nobody can point you "
                "anywhere yet. Add people in step 1 (<code>01_who_you_know.ipynb</code>), or load "
                "a sample persona in step 0, then open this step again.</p>")
    if row is None:
        return ("<p class='iv-leads-empty'>Add a target above; the people on your list who can "
                "point you there show up here.</p>")
    if not row.leads:
        ideas = "".join(f"<li>{html.escape(i)}</li>" for i in ways_in(row.target))
        return (f"<p>Nobody on your list leads to <b>{html.escape(row.target.name)}</b> yet. "
                f"Ways to find someone:</p><ul class='iv-ways-in'>{ideas}</ul>")
    shown = row.leads if limit is None else row.leads[:limit]
    items = "".join(
        f"<li><b>{html.escape(lead.name)}</b>: {html.escape(lead.reason)}<br>"
        f"<small>{html.escape(lead.path_text)}</small></li>" for lead in shown)
    more = len(row.leads) - len(shown)
    rest = (f"<p class='iv-leads-more'><small>… and {more} more: tick <i>show all</i> to list "
            f"them.</small></p>") if more else ""
    return (f"<p>Who can point you to <b>{html.escape(row.target.name)}</b> (best first, "
            f"{len(row.leads)} in all):</p><ol>{items}</ol>{rest}")
