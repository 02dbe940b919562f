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
from pathlib import Path

from ..export import export_workbook
from ..steps import step_progress
from ..workbook.errors import ValidationError
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


MANIFEST = ".infoview-demo.json"  # what the last demo wrote here: the only files it removes


def _clear_last_demo(out_dir: Path) -> None:
    """Remove the files an earlier demo wrote in out_dir (listed in its manifest); refuse,
    changing nothing, when out_dir holds anything else the demo would write over."""
    manifest = out_dir / MANIFEST
    ours: list[str] = []
    if manifest.is_file():
        try:
            ours = [str(x) for x in json.loads(manifest.read_text(encoding="utf-8"))]
        except (ValueError, UnicodeDecodeError):
            ours = []
    root = out_dir.resolve()
    mine = {out_dir / rel for rel in ours if not Path(rel).is_absolute()
            and ".." not in Path(rel).parts and (out_dir / rel).parent.resolve().is_relative_to(root)}
    clash = sorted(p.name for p in out_dir.iterdir() if p.name in DEMO_NAMES
                   and not (_only_ours(p, mine) if p.is_dir() else p in mine))
    if clash:
        raise ValidationError(f"{out_dir} already holds {', '.join(clash)}, which the demo did "
                              "not write; nothing was changed. Choose an empty folder with --out.")
    for path in sorted(mine, key=lambda p: len(p.parts), reverse=True):
        if path.is_file() or path.is_symlink():
            path.unlink()
        elif path.is_dir() and not any(path.iterdir()):
            path.rmdir()


def _only_ours(folder: Path, mine: set[Path]) -> bool:
    return folder.is_dir() and all(p in mine for p in folder.rglob("*") if not p.is_dir())


DEMO_NAMES = {"workbook.sqlite", "workbook.sqlite-wal", "workbook.sqlite-shm", "summary.md",
              "workbook.json", "map.png", "map.svg", "map.txt", "export", "export-anonymised",
              "backups", "exports"}


def run_demo(out_dir: Path, persona: str = "maya") -> list[Path]:
    """Fresh workbook from a persona in out_dir, then every export; returns the files written.
    Run again, it replaces only what the last demo wrote there; other files are left alone."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    _clear_last_demo(out_dir)
    before = {p for p in out_dir.rglob("*")}
    with open_workbook(out_dir / "workbook.sqlite") as wb:
        load_persona(wb, persona)
        fit_persona_categories(wb)
        walk_through(wb)
        written = [write_summary(wb, out_dir / "summary.md")]
        backup = out_dir / "workbook.json"
        backup.write_text(json.dumps(wb.to_json(), ensure_ascii=False, indent=1), encoding="utf-8")
        written.append(backup)
        from ..map.draw import save_map  # heavy: matplotlib only when the demo draws the map

        written += [save_map(wb, out_dir / name).path for name in ("map.png", "map.svg")]
        written.append(out_dir / "map.txt")
        written += export_workbook(wb, out_dir / "export").files
        written += export_workbook(wb, out_dir / "export-anonymised", anonymize=True).files
    made = sorted(p.relative_to(out_dir).as_posix() for p in out_dir.rglob("*")
                  if p not in before and p.name != MANIFEST)
    (out_dir / MANIFEST).write_text(json.dumps(made, indent=0), encoding="utf-8")
    return written
