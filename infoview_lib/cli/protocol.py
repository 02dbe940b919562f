"""`infoview protocol check [FILE]`: check an instructor's protocol file before class.

Example:
    $ infoview protocol check my-class.yaml
    ok: my-class.yaml (12 prompts, 12 categories, meetings of 15/20/30 minutes)
"""

from __future__ import annotations

from pathlib import Path

from ..classroom.protocol import PROTOCOL_ENV, load_protocol, protocol_path
from ..text import plural
from ..workbook.errors import ProtocolError


def cmd_check(args) -> int:
    path = Path(args.file).expanduser() if args.file else protocol_path()
    try:
        p = load_protocol(path)
    except ProtocolError as err:
        mistakes = getattr(err, "mistakes", None)
        if not mistakes:
            raise
        print(f"{path}: {len(mistakes)} mistake(s)")
        for mistake in mistakes:
            print(f"  {mistake}")
        return 1
    lengths = "/".join(str(m) for m in p.meeting_lengths)
    f = p.follow_up
    holidays = p.holidays.get("country") or "the student's own (else US)"
    print(f"ok: {path} ({len(p.prompts)} prompts, {len(p.categories)} categories, "
          f"meetings of {lengths} minutes, outreach under {p.outreach['max_words']} words)")
    print(f"    follow-ups after {f['second_contact_after_days']} and "
          f"{f['follow_up_after_days']} business days, thanks within "
          f"{plural(f['thank_you_within_hours'], 'hour')}; public holidays: {holidays}")
    return 0


def cmd_where(args) -> int:
    print(protocol_path())
    return 0


def register(sub) -> None:
    p = sub.add_parser("protocol", help="check or locate the class protocol file")
    psub = p.add_subparsers(dest="protocol_command", metavar="ACTION", required=True)
    c = psub.add_parser("check", help="check a protocol file and list every mistake")
    c.add_argument("file", nargs="?", metavar="FILE",
                   help=f"protocol YAML (default: ${PROTOCOL_ENV} or data/protocol.yaml)")
    c.set_defaults(func=cmd_check)
    w = psub.add_parser("where", help="print the path of the protocol file in force")
    w.set_defaults(func=cmd_where)
