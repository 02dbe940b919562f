"""The environment check behind `infoview doctor` and the start notebook.

Every failed check carries the exact command that fixes it.

Example:
    >>> checks = run_checks()
    >>> checks[0].name
    'Python'
"""

from __future__ import annotations

import importlib.metadata as md
import json
import os
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from ..fonts import coverage_report
from ..workbook.errors import InfoviewError
from ..workbook.paths import DATA_DIR, default_workbook_path
from ..workbook.personas import PERSONAS_DIR, list_personas
from ..workbook.store import open_workbook
from .protocol import PROTOCOL_ENV, current_protocol, protocol_path
from .question_bank import read_bank

MIN_PYTHON = (3, 10)
# distribution name -> import name, for the packages the workbook cannot run without
REQUIRED = {
    "jupyterlab": "jupyterlab", "ipywidgets": "ipywidgets", "ipykernel": "ipykernel",
    "pandas": "pandas", "networkx": "networkx", "matplotlib": "matplotlib",
    "icalendar": "icalendar", "holidays": "holidays",
    "jinja2": "jinja2", "fpdf2": "fpdf", "pyyaml": "yaml",
}


@dataclass(frozen=True)
class Check:
    name: str
    ok: bool
    detail: str
    fix: str = ""


def _pip(package: str) -> str:
    return f"{sys.executable} -m pip install '{package}'"


def check_python() -> Check:
    ok = sys.version_info[:2] >= MIN_PYTHON
    version = ".".join(map(str, sys.version_info[:3]))
    return Check("Python", ok, f"Python {version}",
                 "" if ok else "Install Python 3.10 or newer, then run 'make lab' again.")


def check_package(dist: str) -> Check:
    try:
        version = md.version(dist)
    except md.PackageNotFoundError:
        return Check(dist, False, "not installed", _pip(dist))
    return Check(dist, True, version)


def check_widget_extension() -> Check:
    from jupyter_core.paths import jupyter_path  # lazy: only `infoview doctor` needs it

    rel = Path("labextensions", "@jupyter-widgets", "jupyterlab-manager", "package.json")
    for base in jupyter_path():
        if (Path(base) / rel).exists():
            return Check("JupyterLab widget extension", True, "found")
    return Check("JupyterLab widget extension", False,
                 "not found: sliders and buttons would show as plain text",
                 _pip("jupyterlab_widgets>=3"))


def check_workbook_writable(path: Path | None = None) -> Check:
    path = path or default_workbook_path()
    folder = path.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=folder):
            pass
    except OSError as err:
        return Check("Workbook folder", False, f"{folder} is not writable ({err.strerror})",
                     f"export INFOVIEW_WORKBOOK={Path.home() / 'infoview' / 'workbook.sqlite'}")
    return Check("Workbook folder", True, str(path))


REINSTALL = ("Reinstall infoview (pip install --force-reinstall infoview, or 'make lab' in a "
             "checkout): its data folder is missing or damaged.")


def check_personas() -> Check:
    try:
        found = list_personas()
    except (OSError, ValueError, KeyError) as err:
        return Check("Sample personas", False, f"cannot be read ({err})", REINSTALL)
    if not found:
        return Check("Sample personas", False, f"none in {PERSONAS_DIR}", REINSTALL)
    return Check("Sample personas", True, ", ".join(p.id for p in found))


def check_protocol() -> Check:
    """The protocol in force ($INFOVIEW_PROTOCOL or the shipped one) and its question bank."""
    where = protocol_path()
    try:
        protocol = current_protocol()
        bank = read_bank(protocol.question_bank)
    except InfoviewError as err:
        mistakes = getattr(err, "mistakes", None)
        first = (f"{where}: {len(mistakes)} mistake(s), the first: {mistakes[0]}" if mistakes
                 else str(err).splitlines()[0])
        fix = (f"infoview protocol check {where}  (then fix each line it names, or unset "
               f"{PROTOCOL_ENV})" if os.environ.get(PROTOCOL_ENV) else REINSTALL)
        return Check("Class protocol", False, first, fix)
    return Check("Class protocol", True, f"{where} ({len(protocol.prompts)} prompts, "
                 f"{len(bank)} questions in {protocol.question_bank.name})")


def check_templates() -> Check:
    names = ("email_subject.txt.j2", "email_body.txt.j2", "phone.txt.j2", "linkedin.txt.j2")
    missing = [n for n in names if not (DATA_DIR / "templates" / n).is_file()]
    if missing:
        return Check("Message templates", False, f"missing: {', '.join(missing)}", REINSTALL)
    return Check("Message templates", True, str(DATA_DIR / "templates"))


def check_fonts(path: Path | None = None) -> Check:
    """Names in the workbook that no installed font draws (the map shows 'Contact N')."""
    path = path or default_workbook_path()
    names = []
    if path.exists():
        with open_workbook(path, create=False) as wb:
            names = [c.name for c in wb.contacts()]
    ok, detail, fix = coverage_report(names)
    return Check("Fonts for names", ok, detail, fix)


def run_checks(workbook: Path | None = None) -> list[Check]:
    """All checks, in the order they are shown."""
    checks = [check_python()]
    checks += [check_package(dist) for dist in REQUIRED]
    if all(c.ok for c in checks if c.name == "jupyterlab"):
        checks.append(check_widget_extension())
    checks += [check_personas(), check_protocol(), check_templates()]
    checks.append(check_workbook_writable(workbook))
    checks.append(check_fonts(workbook))
    return checks


def run_checks_apart(workbook: Path | None = None) -> list[Check]:
    """run_checks() in a Python process of its own, for a notebook kernel: the font check
    loads matplotlib and the font list (about 35 MB) that the kernel would otherwise keep
    until it is shut down. Falls back to running them here if that process fails.

    >>> [c.name for c in run_checks_apart()][0]
    'Python'
    """
    code = ("import json, sys; from dataclasses import asdict; from pathlib import Path; "
            "from infoview_lib.classroom.doctor import run_checks; "
            "path = sys.argv[1] or None; "
            "print(json.dumps([asdict(c) for c in run_checks(path and Path(path))]))")
    try:
        out = subprocess.run([sys.executable, "-c", code, str(workbook or "")],
                             capture_output=True, text=True, timeout=120, check=True)
        return [Check(**item) for item in json.loads(out.stdout.splitlines()[-1])]
    except (OSError, subprocess.SubprocessError, ValueError, IndexError, TypeError):
        return run_checks(workbook)


def format_checks(checks: list[Check]) -> str:
    """Plain text, one line per check, fixes indented under failures."""
    lines = []
    for check in checks:
        mark = "ok " if check.ok else "FAIL"
        lines.append(f"[{mark}] {check.name}: {check.detail}")
        if check.fix:
            lines.append(f"       fix: {check.fix}")
    bad = sum(not c.ok for c in checks)
    lines.append("All good." if not bad else f"{bad} problem(s): run the fix lines above.")
    return os.linesep.join(lines)
