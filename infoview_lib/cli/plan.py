"""Steps 4-6 commands: `infoview plan` (the one-page plan as Markdown) and `infoview meeting`
(show or set a meeting, write its .ics invite).

Example:
    infoview plan --contact "Ava Lindqvist"
    infoview meeting --contact Ava --date 2025-07-14 --time 15:00 --tz America/New_York \\
        --video https://meet.example/abc --ics ava.ics
"""

from __future__ import annotations

from ..export.plans import plan_markdown
from ..meetings.schedule import meeting_for, save_meeting, when_text, where_text, write_meeting_ics
from ..workbook.backups import refuse_workbook_path
from ..workbook.errors import ValidationError
from ..workbook.store import open_workbook
from . import add_workbook_option


def cmd_plan(args) -> int:
    with open_workbook(args.workbook, create=False) as wb:
        contact = wb.find_contact(args.contact)
        print(plan_markdown(wb, contact), end="")
    return 0


def cmd_meeting(args) -> int:
    with open_workbook(args.workbook, create=False) as wb:
        if args.ics:
            refuse_workbook_path(args.ics, wb.path, "invite")
        contact = wb.find_contact(args.contact)
        meeting = meeting_for(wb, contact.id)
        wanted = (args.date, args.time, args.tz, args.minutes, args.place, args.video)
        if any(v is not None for v in wanted):
            old = meeting
            day = args.date or (old.starts_at[:10] if old and old.starts_at else None)
            at = args.time or (old.starts_at[11:16] if old and old.starts_at else None)
            tz = args.tz or (old.timezone if old else None)
            if not (day and at and tz):
                raise ValidationError("Give --date YYYY-MM-DD, --time HH:MM and --tz ZONE "
                                      "(e.g. Europe/London) for a new meeting.")
            meeting = save_meeting(
                wb, contact.id, day, at, tz,
                place=args.place if args.place is not None else (old.place if old else ""),
                video_link=args.video if args.video is not None else (
                    old.video_link if old else ""),
                minutes=args.minutes if args.minutes else (old.duration_minutes if old else None),
                override=args.override)
        if meeting is None or not meeting.starts_at:
            raise ValidationError(f"No meeting with {contact.name} yet; set one with --date, "
                                  "--time and --tz.")
        print(f"{contact.name}: {when_text(meeting)}; {where_text(meeting)}")
        if args.ics:
            path = write_meeting_ics(wb, meeting, args.ics)
            print(f"Invite written to {path}")
    return 0


def register(sub) -> None:
    p = sub.add_parser("plan", help="print the one-page interview plan for a contact (Markdown)")
    add_workbook_option(p)
    p.add_argument("--contact", required=True, metavar="NAME", help="the person you will meet")
    p.set_defaults(func=cmd_plan)

    p = sub.add_parser("meeting", help="show or set a meeting, and write its .ics invite")
    add_workbook_option(p)
    p.add_argument("--contact", required=True, metavar="NAME")
    p.add_argument("--date", metavar="YYYY-MM-DD")
    p.add_argument("--time", metavar="HH:MM", help="local time where the meeting happens")
    p.add_argument("--tz", metavar="ZONE", help="IANA time zone, e.g. America/New_York")
    p.add_argument("--place", metavar="TEXT")
    p.add_argument("--video", metavar="URL")
    p.add_argument("--minutes", type=int,
                   help="length (default: what you asked for; at most the longest length in "
                        "your class protocol)")
    p.add_argument("--override", action="store_true",
                   help="allow more than the protocol's longest length (only if they offered)")
    p.add_argument("--ics", metavar="FILE", help="write the invite to FILE")
    p.set_defaults(func=cmd_meeting)
