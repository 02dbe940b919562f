"""`infoview import PATH...`: read contact files into the workbook.

Exit 0 when every file was read (even with per-record problems). A file that cannot be read
(missing, binary, unknown format) is reported and the others are imported, with exit 1;
when no file can be read, nothing is written (not even a new, empty workbook).

Example:
    infoview import Connections.csv contacts.vcf --json
"""

from __future__ import annotations

import json

from ..importers import FORMATS, read_contacts
from ..importers.files import import_parsed, parse_all
from ..workbook.store import open_workbook
from . import add_workbook_option


def cmd_import(args) -> int:
    # read first: a run where no file can be read stops here, before a workbook is created
    results, failed = parse_all(args.paths, lambda path: read_contacts(path, args.format))
    with open_workbook(args.workbook) as wb:
        summary = import_parsed(wb, results, failed)
    code = 1 if summary.failed else 0
    if args.json:
        print(json.dumps(summary.to_json(), ensure_ascii=False))
        return code
    print(summary.text())
    for problem in summary.skipped:
        print(f"  skipped {problem.file} line {problem.line}: {problem.message}")
    for problem in summary.errors:
        print(f"  problem {problem.file} line {problem.line}: {problem.message}")
    return code


def register(sub) -> None:
    p = sub.add_parser(
        "import", help="import contacts (LinkedIn, Google or Outlook CSV, vCard, LinkedIn .zip)",
        description="Import contact files into the workbook. The format is detected from each "
                    "file's content; --format overrides it. Importing the same file twice adds "
                    "nobody. A backup is made before anything is written.")
    p.add_argument("paths", nargs="+", metavar="PATH", help="contact files to import")
    add_workbook_option(p)
    p.add_argument("--format", choices=FORMATS, default="auto",
                   help="file format (default: detect from the content)")
    p.add_argument("--json", action="store_true", help="print one JSON object with the counts")
    p.set_defaults(func=cmd_import)
