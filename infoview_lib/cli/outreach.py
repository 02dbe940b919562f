"""Step 3 commands: `infoview outreach` (a draft and the checker's verdict) and
`infoview due` (the 3B7 follow-ups that are due, optionally as an .ics file).

Example:
    infoview outreach --contact "Hana Sato" --channel linkedin --check
    infoview due --ics exports/follow-ups.ics
"""

from __future__ import annotations

import argparse
from datetime import date

from ..ics import write_ics
from ..outreach import CHANNELS, draft_for, format_results
from ..outreach.actions import coming_up
from ..outreach.tracker import as_date, due_calendar, due_now
from ..text import plural
from ..workbook.backups import refuse_workbook_path
from ..workbook.store import open_workbook
from . import add_workbook_option


def cmd_outreach(args) -> int:
    with open_workbook(args.workbook, create=False) as wb:
        contact = wb.find_contact(args.contact)
        draft, _parts, results = draft_for(wb, contact, args.channel, strict=args.strict)
    print(draft.as_text())
    if draft.notes:
        print("\n" + "\n".join(f"Note: {note}" for note in draft.notes))
    if args.check:
        print("\nChecker" + (" (strict)" if args.strict else "") + ":")
        print(format_results(results))
        return 0 if all(r.passed for r in results) else 1
    return 0


def cmd_due(args) -> int:
    today = as_date(args.today) or date.today()
    with open_workbook(args.workbook, create=False) as wb:
        if args.ics:
            refuse_workbook_path(args.ics, wb.path, "calendar")
        now = due_now(wb, today)
        later = coming_up(wb, today)
        if args.ics:
            cal, items = due_calendar(wb, today)
            path = write_ics(cal, args.ics)
            print(f"Wrote {plural(len(items), 'follow-up date')} to {path}")
    if not now:
        print("Nothing is due today.")
    for item in now:
        print(f"DUE   {item.due_on.isoformat()}  {item.text}")
    for item in later:
        print(f"later {item.due_on.isoformat()}  {item.text}")
    return 0


def register(sub) -> None:
    p = sub.add_parser("outreach", help="draft a message to a contact and check it")
    add_workbook_option(p)
    p.add_argument("--contact", required=True, metavar="NAME", help="the contact's name")
    p.add_argument("--channel", choices=CHANNELS, default="email",
                   help="email (default), phone script or LinkedIn note")
    p.add_argument("--check", action="store_true",
                   help="print the checker's verdict (exit 1 when a rule fails)")
    p.add_argument("--strict", action="store_true", help="use the strict word limit")
    p.set_defaults(func=cmd_outreach)

    p = sub.add_parser("due", help="list the follow-ups due under the 3B7 routine")
    add_workbook_option(p)
    p.add_argument("--ics", metavar="FILE", help="also write the follow-up dates as .ics")
    # --today pins the date (tests and instructors' demos); hidden from --help.
    p.add_argument("--today", metavar="YYYY-MM-DD", help=argparse.SUPPRESS)
    p.set_defaults(func=cmd_due)

