"""`infoview hand-in`: the anonymised bundle for your instructor, in its one place.

Example:
    $ infoview hand-in
    Hand-in ready: my-workbook/exports/for-instructor/infoview-anonymised.zip
    Your student id for the class list: 3f2a9c0e
"""

from __future__ import annotations

from ..classroom.handin import write_hand_in
from ..workbook.store import open_workbook
from . import add_workbook_option


def cmd_hand_in(args) -> int:
    with open_workbook(args.workbook, create=False) as wb:
        made = write_hand_in(wb)
    verb = "replaced" if made.replaced else "ready"
    print(f"Hand-in {verb}: {made.path}")
    print(f"Your student id for the class list: {made.student_id}")
    for warning in made.warnings:
        print(f"Note: {warning}")
    print("Hand in that file (upload it where your instructor said). Run this again after "
          "more work: it replaces only that file.")
    return 0


def register(sub) -> None:
    p = sub.add_parser("hand-in", help="write the anonymised bundle for your instructor "
                                       "(again at any time: it replaces only that file)")
    add_workbook_option(p)
    p.set_defaults(func=cmd_hand_in)
