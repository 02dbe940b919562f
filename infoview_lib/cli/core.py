"""Foundation commands: personas, init, contacts, backup, restore, doctor, demo, lab."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from ..classroom.demo import run_demo
from ..classroom.doctor import format_checks, run_checks
from ..classroom.practice import start_practice
from ..classroom.protocol import fit_persona_categories
from ..export.json_backup import read_backup_file, write_backup_file
from ..notebook_clean import server_options
from ..text import plural
from ..workbook.errors import ValidationError
from ..workbook.paths import default_exports_dir, project_dir, resolve_workbook_path
from ..workbook.personas import list_personas, load_persona
from ..workbook.store import create_workbook, open_workbook
from . import add_workbook_option

START_NOTEBOOK = "notebooks/00_start_here.ipynb"


def cmd_personas(args) -> int:
    for persona in list_personas():
        print(f"{persona.id}\t{persona.description}")
    return 0


def cmd_init(args) -> int:
    with create_workbook(args.workbook, force=args.force) as wb:
        if args.persona:
            counts = load_persona(wb, args.persona)
            fit_persona_categories(wb)
            print(f"Loaded persona {args.persona!r}: {counts['contacts']} contacts, "
                  f"{counts['targets']} targets.")
            if args.practice:
                names = start_practice(wb)
                print(f"Practice: a meeting with {names['met']} two days ago to debrief and "
                      f"thank (step 6), {names['referred']} to contact (step 3), and a reply "
                      f"awaited from {names['waiting']}.")
        elif args.practice:
            raise ValidationError("--practice needs --persona NAME (see 'infoview personas').")
        print(f"Workbook ready at {wb.path}")
    return 0


def contact_json(contact) -> dict:
    data = contact.to_dict()
    data["name"] = contact.name
    return data


def cmd_contacts(args) -> int:
    with open_workbook(args.workbook, create=False) as wb:
        people = wb.contacts()
    if args.json:
        print(json.dumps([contact_json(c) for c in people], ensure_ascii=False, indent=1))
        return 0
    for c in people:
        extra = ", ".join(x for x in (c.title, c.organization) if x)
        cats = "/".join(c.categories)
        print(f"{c.id:>5}  {c.name}" + (f" ({extra})" if extra else "") + (f"  [{cats}]" if cats else ""))
    print(plural(len(people), "contact"))
    return 0


def cmd_backup(args) -> int:
    with open_workbook(args.workbook, create=False) as wb:
        out = write_backup_file(wb, args.out)
        count = len(wb.contacts(include_deleted=True))
    print(f"Backed up {plural(count, 'contact')} to {out}")
    return 0


def cmd_restore(args) -> int:
    if not args.yes:
        raise ValidationError(
            "Restoring replaces everything in the workbook. Run again with --yes to go ahead "
            "(a backup of the current workbook is made first)."
        )
    data = read_backup_file(args.file)
    with open_workbook(args.workbook) as wb:
        wb.restore_json(data)
        print(f"Restored {plural(len(wb.contacts(include_deleted=True)), 'contact')} into "
              f"{wb.path}")
    return 0


def cmd_doctor(args) -> int:
    checks = run_checks(resolve_workbook_path(args.workbook))
    print(format_checks(checks))
    return 0 if all(c.ok for c in checks) else 1


def cmd_demo(args) -> int:
    out = Path(args.out) if args.out else default_exports_dir() / "demo"
    files = run_demo(out, persona=args.persona)
    for path in files:
        print(path)
    print(f"Demo for persona {args.persona!r} written to {out}")
    return 0


def cmd_lab(args) -> int:
    """Replace this process with JupyterLab, serving the project and opening the start notebook."""
    root = project_dir()
    # the step notebooks are saved as committed (no outputs or widget state): reopening one
    # never shows "model not found", and a course update always merges (notebook_clean)
    command = [sys.executable, "-m", "jupyter", "lab", f"--ServerApp.root_dir={root}",
               f"--LabApp.default_url=/lab/tree/{START_NOTEBOOK}", *server_options()]
    if args.no_browser:
        command.append("--no-browser")
    if hasattr(os, "geteuid") and os.geteuid() == 0 and "--allow-root" not in args.unknown:
        command.append("--allow-root")  # containers (Docker, some hubs) run as root
    command += args.unknown
    sys.stdout.flush()
    if os.name == "posix":
        os.execv(sys.executable, command)
    return subprocess.call(command)


def register(sub) -> None:
    p = sub.add_parser("personas", help="list the sample personas")
    p.set_defaults(func=cmd_personas)

    p = sub.add_parser("init", help="create a blank workbook, or one from a persona")
    add_workbook_option(p)
    p.add_argument("--persona", metavar="NAME", help="load a sample persona (see 'infoview personas')")
    p.add_argument("--practice", action="store_true",
                   help="with --persona: steps 3-6 already under way (a past meeting to "
                        "debrief, a referral to follow)")
    p.add_argument("--force", action="store_true", help="replace an existing workbook (backed up first)")
    p.set_defaults(func=cmd_init)

    p = sub.add_parser("contacts", help="list contacts")
    add_workbook_option(p)
    p.add_argument("--json", action="store_true", help="print a JSON list")
    p.set_defaults(func=cmd_contacts)

    p = sub.add_parser("backup", help="save the whole workbook as JSON")
    add_workbook_option(p)
    p.add_argument("--out", required=True, metavar="FILE.json")
    p.set_defaults(func=cmd_backup)

    p = sub.add_parser("restore", help="replace the workbook with a JSON backup")
    p.add_argument("file", metavar="FILE.json")
    add_workbook_option(p)
    p.add_argument("--yes", action="store_true", help="confirm: the workbook is replaced")
    p.set_defaults(func=cmd_restore)

    p = sub.add_parser("doctor", help="check that everything needed is installed")
    add_workbook_option(p)
    p.set_defaults(func=cmd_doctor)

    p = sub.add_parser("demo", help="run the workbook on a sample persona and write its exports")
    p.add_argument("--out", metavar="DIR", help="output folder (default: exports/demo)")
    p.add_argument("--persona", default="maya", help="persona id (default: maya)")
    p.set_defaults(func=cmd_demo)

    p = sub.add_parser("lab", help="open the workbook in JupyterLab (other options go to jupyter lab)")
    p.add_argument("--no-browser", action="store_true", help="print the URL instead of opening a browser")
    p.set_defaults(func=cmd_lab)
