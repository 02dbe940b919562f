"""HTML pieces of the step-1 panel: the people table, the bulk-paste preview, the import summary.

Example:
    >>> from infoview_lib.workbook.model import Contact
    >>> "<td>Ada Example</td>" in people_table([Contact(first_name="Ada", last_name="Example")], {})
    True
"""

from __future__ import annotations

import html
from urllib.parse import quote

from ..text import plural
from ..workbook.model import Contact
from .common import STYLES, color

MAX_ROWS = 200
NOBODY_YET = ("Nobody here yet. Start with the prompt at the top: type a name under 'Add one "
              "person' and press Enter.")
NO_MATCH = "Nobody on your list matches ({}). Clear the search box or the filters to see everyone."
EDITOR_NO_MATCH = "<p><i>Nobody matches; clear the search and filters to see everyone.</i></p>"
EDITOR_EMPTY = ("<p><i>Add someone above first; then pick them here to note how often you talk, "
                "whether they could talk to you about their work, and who introduced you.</i></p>")
IMPORT_HELP = ("LinkedIn <code>Connections.csv</code> (or the whole export <code>.zip</code>), "
               "Google or Outlook CSV, or vCard <code>.vcf</code>. A backup is made first; "
               "importing the same file again adds nobody. Nothing leaves this computer.")


TABLE_STYLE = ("<style>.iv-people-table{border-collapse:collapse;font-size:90%;line-height:1.35}"
               ".iv-people-table th,.iv-people-table td{padding:2px 8px;text-align:left;"
               "vertical-align:top}.iv-people-table tr:nth-child(even){background:#f6f8fa}"
               ".iv-email a{display:inline-block;max-width:16em;overflow:hidden;"
               "text-overflow:ellipsis;white-space:nowrap;vertical-align:top}"
               "</style>")  # a widget's HTML has a 28 px line height: too tall for a table
# a long address is cut with "…" (a table cell ignores max-width, so the link carries it);
# the whole address is in the link's title


def email_cell(emails: list[str]) -> str:
    """The e-mail cell: the first address as a mailto link (cut short with "…" when long, the
    whole address in its title), then how many more there are. Escaped; nothing is fetched.

    >>> cell = email_cell(["ada@example.com"])
    >>> "<a href='mailto:ada@example.com' title='ada@example.com'" in cell
    True
    >>> cell.endswith(">ada@example.com</a></td>")
    True
    >>> email_cell(["a@x.org", "b@y.org"]).endswith(" +1 more</td>")
    True
    >>> email_cell([])
    "<td class='iv-email'></td>"
    """
    emails = [e.strip() for e in emails if e and e.strip()]
    if not emails:
        return "<td class='iv-email'></td>"
    first = html.escape(emails[0])
    href = html.escape("mailto:" + quote(emails[0], safe="@+"))
    title = html.escape(", ".join(emails))
    more = f" +{len(emails) - 1} more" if len(emails) > 1 else ""
    return (f"<td class='iv-email'><a href='{href}' title='{title}' style='{color('link')}'>"
            f"{first}</a>{more}</td>")


def listed(people: list[Contact], limit: int = MAX_ROWS) -> list[Contact]:
    """Who the table and the details picker list: everyone in the order they were added, or,
    when there are more than `limit`, the `limit` added most recently, newest first (so a
    person typed in after a big import is right there).

    >>> [c.id for c in listed([Contact(id=i, first_name="P") for i in (1, 2, 3)], limit=2)]
    [3, 2]
    """
    if len(people) <= limit:
        return people
    return sorted(people, key=lambda c: c.id or 0, reverse=True)[:limit]


def people_table(people: list[Contact], names: dict[int, str], limit: int = MAX_ROWS,
                 empty: str = "Nobody here yet.") -> str:
    """The people as an HTML table (see listed()); `empty` when there is nobody."""
    if not people:
        return f"<p><i>{html.escape(empty, quote=False)}</i></p>"
    head = ("<tr><th>#</th><th>Name</th><th>E-mail</th><th>Organization</th><th>Title</th>"
            "<th>Categories</th><th>Tie</th><th>Interview</th><th>Refer</th>"
            "<th>Introduced by</th></tr>")
    rows = []
    for n, c in enumerate(listed(people, limit), start=1):
        cells = (c.organization, c.title, ", ".join(c.categories),
                 c.tie_strength, "yes" if c.can_interview else "", "yes" if c.can_refer else "",
                 names.get(c.introduced_by, "") if c.introduced_by else "")
        rows.append(f"<tr><td>{n}</td><td>{html.escape(c.name)}</td>{email_cell(c.emails)}"
                    + "".join(f"<td>{html.escape(x)}</td>" for x in cells) + "</tr>")
    more = (f"<p>These are the {limit} people added most recently, newest first; type in the "
            f"search box to find the other {len(people) - limit:,}.</p>"
            if len(people) > limit else "")
    # a box that scrolls: a tab stop with a name, so a keyboard can scroll it too
    return (f"{TABLE_STYLE}<div class='iv-people-scroll' tabindex='0' role='region' "
            f"aria-label='Your people' style='max-height:24em;overflow:auto'>"
            f"<table class='iv-people-table'>{head}{''.join(rows)}</table></div>{more}")


def person_options(people: list[Contact], limit: int = MAX_ROWS) -> list[tuple[str, int]]:
    """The details editor's choices, "Name (Organization)", for the people listed().

    >>> person_options([Contact(id=4, first_name="Ada", last_name="Example", organization="Acme")])
    [('Ada Example (Acme)', 4)]
    """
    return [(c.name + (f" ({c.organization})" if c.organization else ""), c.id)
            for c in listed(people, limit)]


def summary_html(summary) -> str:
    """An import summary: counts, then skipped records and problems with line numbers."""
    new = "new person" if summary.added == 1 else "new people"
    same = summary.merged - summary.updated
    if summary.nothing_new:  # a file imported again: say so, not "merged"
        merged = f"<b>{summary.merged:,} already listed</b> (nothing new about them)"
    else:
        merged = (f"<b>merged {summary.merged:,}</b> into people already listed"
                  + (f" ({same:,} of them had nothing new)" if same else ""))
    parts = [f"<b>Added {summary.added:,}</b> {new}, {merged}"]
    if summary.organizations_added:
        parts.append(f", added {plural(summary.organizations_added, 'organization')}")
    parts.append(f". Skipped {len(summary.skipped):,}; problems {len(summary.errors):,}.")
    for label, items in (("Skipped", summary.skipped), ("Problems", summary.errors)):
        if items:
            lis = "".join(f"<li>{html.escape(p.file)}, line {p.line}: {html.escape(p.message)}"
                          f"</li>" for p in items[:20])
            extra = f"<li>… and {len(items) - 20:,} more</li>" if len(items) > 20 else ""
            opened = "" if summary.added or summary.merged else " open"  # nothing came in: say why
            parts.append(f"<details{opened}><summary>{label} ({len(items):,})</summary><ul>{lis}"
                         f"{extra}</ul></details>")
    return "".join(parts)


def bulk_preview_html(lines) -> str:
    """The pasted lines as a table with each line's status, before anything is written."""
    colours = {"new": STYLES["ok"], "duplicate": STYLES["warn"], "repeat": STYLES["warn"],
               "error": STYLES["error"]}
    rows = "".join(
        f"<tr class='iv-bulk-{b.status}'><td>{b.line}</td><td>{html.escape(b.name)}</td>"
        f"<td>{html.escape(b.organization)}</td><td>{html.escape(b.title)}</td>"
        f"<td style='color:{colours[b.status]}'>{b.status} {html.escape(b.note)}</td></tr>"
        for b in lines)
    new = sum(b.status == "new" for b in lines)
    return (f"<p><b>{new}</b> new of {plural(len(lines), 'line')}. Nothing is saved until you click "
            f"'Add these people'.</p><table><tr><th>Line</th><th>Name</th><th>Organization</th>"
            f"<th>Title</th><th>Status</th></tr>{rows}</table>")
