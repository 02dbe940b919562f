"""Layering rules from DESIGN.md, and the curated public API."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import infoview_lib

PACKAGE = Path(infoview_lib.__file__).parent
GUI_MODULES = {"ipywidgets", "IPython"}


def imported_top_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {a.name.split(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module.split(".")[0])
    return found


def test_nothing_outside_ui_imports_widgets():
    offenders = [
        str(path.relative_to(PACKAGE)) for path in PACKAGE.rglob("*.py")
        if "ui" not in path.relative_to(PACKAGE).parts and imported_top_modules(path) & GUI_MODULES
    ]
    assert offenders == []


def test_importing_the_library_stays_light():
    code = ("import sys, infoview_lib, infoview_lib.cli; "
            "print(sorted(m for m in ('matplotlib', 'ipywidgets', 'pandas') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_public_api_is_curated():
    assert sorted(infoview_lib.__all__) == sorted([
        "CATEGORIES", "TARGET_KINDS", "TIE_STRENGTHS",
        "Contact", "Meeting", "Note", "Organization", "Outreach", "QuestionChoice", "Target", "Tie",
        "Workbook", "create_workbook", "open_workbook", "default_workbook_path",
        "InfoviewError", "WorkbookError", "WorkbookNotFound", "WorkbookExists", "WorkbookTooNew",
        "WorkbookCorrupt", "ValidationError", "NotFound", "ImportFormatError", "ExportError",
        "ProtocolError", "__version__",
    ])
    for name in infoview_lib.__all__:
        assert hasattr(infoview_lib, name), name


def test_every_exception_is_an_infoview_error():
    for name in infoview_lib.__all__:
        obj = getattr(infoview_lib, name)
        if isinstance(obj, type) and issubclass(obj, Exception):
            assert issubclass(obj, infoview_lib.InfoviewError)


def test_modules_stay_small():
    big = [str(p.relative_to(PACKAGE)) for p in PACKAGE.rglob("*.py")
           if len(p.read_text(encoding="utf-8").splitlines()) > 450]
    assert big == []
