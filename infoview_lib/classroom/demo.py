"""`infoview demo`: the whole workbook run headless on a sample persona (steps 1 to 6, see
walkthrough.py), exports written out.

Example:
    >>> import tempfile, pathlib
    >>> files = run_demo(pathlib.Path(tempfile.mkdtemp()) / "demo")
    >>> {"summary.md", "workbook.json", "infoview-export.zip"} <= {p.name for p in files}
    True
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from ..steps import step_progress
from ..workbook.personas import load_persona
from ..workbook.store import Workbook, open_workbook
from .protocol import fit_persona_categories
from .walkthrough import walk_through


def write_summary(wb: Workbook, path: Path) -> Path:
    """A short Markdown summary: who the workbook belongs to and the progress per step."""
    ego = wb.setting("ego", {}) or {}
    lines = [f"# Workbook summary: {ego.get('name', 'you')}", ""]
    for step in step_progress(wb):
        mark = "x" if step.done else " "
        lines.append(f"- [{mark}] Step {step.number}, {step.title}: {step.detail}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def run_demo(out_dir: Path, persona: str = "maya") -> list[Path]:
    """Fresh workbook from a persona in out_dir, then every export; returns the files written."""
    out_dir = Path(out_dir)
    if out_dir.exists():
        shutil.rmtree(out_dir)
    out_dir.mkdir(parents=True)
    with open_workbook(out_dir / "workbook.sqlite") as wb:
        load_persona(wb, persona)
        fit_persona_categories(wb)
        walk_through(wb)
        written = [write_summary(wb, out_dir / "summary.md")]
        backup = out_dir / "workbook.json"
        backup.write_text(json.dumps(wb.to_json(), ensure_ascii=False, indent=1), encoding="utf-8")
        written.append(backup)
        from ..map.draw import save_map  # the persona's who-you-know map, with its caption

        written += [save_map(wb, out_dir / name).path for name in ("map.png", "map.svg")]
        written.append(out_dir / "map.txt")
        from ..export import export_workbook  # the full bundle and the anonymised one

        written += export_workbook(wb, out_dir / "export").files
        written += export_workbook(wb, out_dir / "export-anonymised", anonymize=True).files
    return written
