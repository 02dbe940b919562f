"""`infoview class-report FILES... --out DIR`: the anonymous class dashboard.

FILES are progress.json files, anonymised bundles (.zip) holding one, or folders of them.

Example:
    $ infoview class-report handed-in/ --out class-report
    40 submissions used, 8 files skipped:
    ...
    Class report: class-report/index.html
"""

from __future__ import annotations

from ..classroom.report_render import build_report
from ..workbook.errors import ValidationError
from ..workbook.paths import default_exports_dir


def cmd_class_report(args) -> int:
    result = build_report(args.files, args.out)
    students = result.summary["students"]
    print(f"{students} submission(s) used, {len(result.problems)} file(s) skipped"
          + (":" if result.problems else "."))
    for problem in result.problems:
        print(f"  {problem}")
    if not students:
        raise ValidationError("No usable progress file among those given; ask students to "
                              "export their anonymised progress again (see docs/instructors.md).")
    for path in result.charts.values():
        print(path)
    print(f"Class report: {result.html}")
    return 0


def register(sub) -> None:
    p = sub.add_parser("class-report",
                       help="combine students' anonymised progress files into a class dashboard")
    p.add_argument("files", nargs="+", metavar="FILE",
                   help="progress.json files, anonymised .zip bundles, or folders of them")
    p.add_argument("--out", default=str(default_exports_dir() / "class-report"), metavar="DIR",
                   help="folder for index.html, summary.json and the charts "
                        "(default: exports/class-report)")
    p.set_defaults(func=cmd_class_report)
