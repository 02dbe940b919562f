"""`infoview export` (plans, calendar, tables, backup, map, zip; or the anonymised bundle) and
`infoview delete-my-data`."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from ..export import FORMAT_HELP, FORMATS, delete_my_data, export_workbook
from ..workbook.paths import output_dir, resolve_workbook_path
from ..workbook.store import open_workbook
from . import add_workbook_option


def default_export_folder(workbook: Path, anonymize: bool = False) -> Path:
    """A new folder under the workbook's output folder, named by the time.

    >>> default_export_folder(Path("my-workbook/workbook.sqlite")).parent.as_posix()
    'my-workbook/exports'
    """
    kind = "anonymised" if anonymize else "export"
    return output_dir(workbook) / f"{kind}-{datetime.now().strftime('%Y%m%d-%H%M%S')}"


def cmd_export(args) -> int:
    with open_workbook(args.workbook, create=False) as wb:
        out = args.out or default_export_folder(wb.path, args.anonymize)
        result = export_workbook(wb, out, formats=args.formats, anonymize=args.anonymize,
                                 contact=args.contact, force=args.force)
    for name in result.names():
        print(name)
    for warning in result.warnings:
        print(f"note: {warning}")
    kind = "Anonymised export" if args.anonymize else "Export"
    print(f"{kind}: {len(result.files)} files written to {result.folder}")
    return 0


def cmd_delete(args) -> int:
    report = delete_my_data(resolve_workbook_path(args.workbook), backup=args.backup,
                            yes=args.yes)
    for path in report.removed:
        print(f"removed {path}")
    print(report.message())
    return 0


def register(sub) -> None:
    formats = ", ".join(f"{f} ({FORMAT_HELP[f]})" for f in FORMATS)
    p = sub.add_parser(
        "export", help="export plans, calendar, tables, backup and map (or an anonymised bundle)",
        description=f"Write the chosen formats into a new folder. Formats: {formats}.")
    add_workbook_option(p)
    p.add_argument("--out", metavar="DIR", help="folder to write (must be new or empty, unless "
                   "--force); default: a new folder in the workbook's exports/ folder")
    p.add_argument("--formats", metavar="LIST", default=None,
                   help="comma-separated formats (default: all): " + ",".join(FORMATS))
    p.add_argument("--anonymize", "--anonymise", action="store_true",
                   help="no names, e-mails, phones, URLs or notes: progress.json, summary, "
                        "tables and map with pseudonyms (for an instructor or a class)")
    p.add_argument("--contact", metavar="NAME", help="only this person's plan and invite")
    p.add_argument("--force", action="store_true",
                   help="replace an earlier infoview export in the --out folder (a folder "
                        "holding anything infoview did not write is refused)")
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("delete-my-data", help="delete the workbook, its automatic backups and "
                       "every file it wrote (its exports/ folder)")
    add_workbook_option(p)
    p.add_argument("--backup", metavar="FILE.json",
                   help="write a final backup here first (a new file)")
    p.add_argument("--yes", action="store_true", help="confirm: the workbook is deleted for good")
    p.set_defaults(func=cmd_delete)
