"""`infoview class-report FILES... --out DIR`: the anonymous class dashboard.

FILES are progress.json files, anonymised bundles (.zip) holding one, or folders of them.

Example:
    $ infoview class-report handed-in/ --out class-report --due 2026-03-15 --roster ids.txt
    40 submission(s) used, 8 file(s) skipped:
    ...
    handed in: 40, late: 3, missing: 2, not started: 1
    Class report: class-report/index.html
"""

from __future__ import annotations

from ..classroom.handout import write_handout
from ..classroom.report_render import build_report
from ..workbook.errors import ValidationError
from ..workbook.paths import default_exports_dir


def cmd_class_report(args) -> int:
    result = build_report(args.files, args.out, due=args.due, roster=args.roster)
    students = result.summary["students"]
    print(f"{students} submission(s) used, {len(result.problems)} file(s) skipped"
          + (":" if result.problems else "."))
    for problem in result.problems:
        print(f"  {problem}")
    if not students:
        raise ValidationError("No usable progress file among those given; ask students to "
                              "export their anonymised progress again (see docs/instructors.md).")
    counts = result.summary["hand_ins"]
    print(", ".join(f"{k.replace('_', ' ')}: {v}" for k, v in counts.items()))
    for path in result.charts.values():
        print(path)
    print(f"Class report: {result.html}")
    return 0


def cmd_handout(args) -> int:
    path, warning = write_handout(args.out, link=args.link or "", course=args.course or "")
    print(f"Handout: {path}" + (f" ({warning})" if warning else ""))
    return 0


def register(sub) -> None:
    h = sub.add_parser("handout", help="instructors: a one-page student handout from the class "
                                       "protocol (the link, personas, six steps, hand-in)")
    h.add_argument("--out", default=str(default_exports_dir() / "handout.pdf"),
                   metavar="FILE.pdf|FILE.md", help="default: exports/handout.pdf")
    h.add_argument("--link", metavar="URL", help="where students open the workbook")
    h.add_argument("--course", metavar="TEXT", help="a line under the title, e.g. the course")
    h.set_defaults(func=cmd_handout)

    p = sub.add_parser("class-report",
                       help="combine students' anonymised progress files into a class dashboard")
    p.add_argument("files", nargs="+", metavar="FILE",
                   help="progress.json files, anonymised .zip bundles, or folders of them")
    p.add_argument("--out", default=str(default_exports_dir() / "class-report"), metavar="DIR",
                   help="folder for index.html, summary.json and the charts "
                        "(default: exports/class-report)")
    p.add_argument("--due", metavar="YYYY-MM-DD", help="the due date: later hand-ins are marked late")
    p.add_argument("--roster", metavar="FILE",
                   help="expected hand-ins: a text file of student ids (one per line, from "
                        "their progress files), or holding just the number of students")
    p.set_defaults(func=cmd_class_report)
