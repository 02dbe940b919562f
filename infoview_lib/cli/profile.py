"""`infoview profile`: show who you are, or set some of it (the drafts, signatures, plans and
invites use it).

Example:
    infoview profile
    infoview profile --name "Maya Okafor-Lind" --introduction "a final-year design student"
    infoview profile --email maya@example.org --phone "+1 503 555 0142"
"""

from __future__ import annotations

from ..workbook.profile import FIELDS, get_profile, update_profile
from ..workbook.store import open_workbook
from . import add_workbook_option

TITLES = {"name": "Name", "introduction": "Introduction", "email": "E-mail", "phone": "Phone",
          "linkedin_url": "LinkedIn", "programme": "Programme"}
OPTIONS = {"name": "name", "introduction": "introduction", "email": "email", "phone": "phone",
           "linkedin_url": "linkedin", "programme": "programme"}


def cmd_profile(args) -> int:
    changes = {field: getattr(args, OPTIONS[field]) for field in FIELDS
               if getattr(args, OPTIONS[field]) is not None}
    with open_workbook(args.workbook, create=False) as wb:
        profile = update_profile(wb, **changes) if changes else get_profile(wb)
    for field in FIELDS:
        print(f"{TITLES[field] + ':':<14}{getattr(profile, field) or '-'}")
    if changes:
        print("Saved.")
    missing = profile.missing()
    if missing:
        print(f"Still missing: {' and '.join(missing)}. No draft is written without them; set "
              "them with: infoview profile --name \"Your Name\" --introduction \"a final-year "
              "design student\"")
    return 0


def register(sub) -> None:
    p = sub.add_parser("profile", help="show or set who you are (used in every draft)")
    add_workbook_option(p)
    p.add_argument("--name", metavar="TEXT", help="your full name")
    p.add_argument("--introduction", metavar="TEXT",
                   help="one line about you, e.g. 'a final-year design student'")
    p.add_argument("--email", metavar="ADDRESS")
    p.add_argument("--phone", metavar="NUMBER")
    p.add_argument("--linkedin", metavar="URL", help="your LinkedIn address")
    p.add_argument("--programme", metavar="TEXT", help="your programme or school")
    p.set_defaults(func=cmd_profile)
