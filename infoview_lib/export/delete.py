"""Delete my data: remove the workbook file, its automatic backups and its output folder
(every file the workbook wrote: exports, invites, calendars, maps), after confirmation,
optionally writing a last JSON backup somewhere the user chooses first. Nothing else is
touched: another workbook's backups in the same folder are not matched.

Example:
    >>> import tempfile, pathlib
    >>> from infoview_lib.workbook.store import open_workbook
    >>> tmp = pathlib.Path(tempfile.mkdtemp())
    >>> wb = open_workbook(tmp / "w.sqlite")
    >>> report = delete_my_data(wb, backup=tmp / "last.json", yes=True)
    >>> (tmp / "w.sqlite").exists(), report.backup.name
    (False, 'last.json')
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from ..workbook.backups import backups_dir, own_backups, own_temp_files
from ..workbook.errors import ExportError, ValidationError
from ..workbook.paths import output_dir
from ..workbook.store import Workbook, open_workbook
from .json_backup import write_backup_file

CONFIRM_MESSAGE = ("Deleting removes your workbook, its automatic backups and every file it "
                   "wrote (its exports folder) for good. "
                   "Confirm it (--yes, or tick the box), and consider a final backup first "
                   "(--backup FILE.json).")


@dataclass
class DeleteReport:
    removed: list[Path] = field(default_factory=list)
    backup: Path | None = None

    def message(self) -> str:
        text = f"Deleted {len(self.removed)} file(s) and folder(s) of your workbook."
        if self.backup:
            text += f" Your final backup is at {self.backup}; delete it too when done."
        return text + " Files you copied elsewhere yourself were not touched."


def workbook_files(path: Path) -> list[Path]:
    """The workbook file, its SQLite side files, its automatic backups (exactly this
    workbook's) and its output folder, those that exist."""
    path = Path(path)
    candidates = [path] + [path.with_name(path.name + s) for s in ("-wal", "-shm", "-journal")]
    candidates += own_backups(path) + own_temp_files(path) + [output_dir(path)]
    return [p for p in candidates if p.exists() or p.is_symlink()]


def _inside(target: Path, items: list[Path]) -> bool:
    resolved = [p.resolve() for p in items]
    return any(target == p or target.is_relative_to(p) for p in resolved)


def delete_my_data(wb: Workbook | str | os.PathLike, backup: str | os.PathLike | None = None,
                   yes: bool = False) -> DeleteReport:
    """Remove the workbook (closing it first). Refused unless yes=True.

    backup: a .json file to write first (refused if it already exists, or if it would sit
    among the files being deleted).
    """
    if not yes:
        raise ValidationError(CONFIRM_MESSAGE)
    own = isinstance(wb, Workbook)
    book = wb if own else open_workbook(wb, create=False)
    path = Path(book.path).resolve()
    report = DeleteReport()
    try:
        if backup:
            target = Path(backup).expanduser().resolve()
            if target.exists():
                raise ExportError(f"{target} already exists; choose a new file name for the "
                                  "final backup (nothing was deleted).")
            if _inside(target, workbook_files(path) + [output_dir(path)]) or \
                    target.parent == backups_dir(path).resolve():
                raise ExportError("The final backup would be deleted with the rest; choose a "
                                  "file outside the workbook's exports and backups folders "
                                  "(nothing was deleted).")
            report.backup = write_backup_file(book, target)
    except BaseException:
        if not own:
            book.close()
        raise
    book.close()
    for item in workbook_files(path):
        if item.is_dir() and not item.is_symlink():
            shutil.rmtree(item)
        else:
            item.unlink()
        report.removed.append(item)
    try:
        backups_dir(path).rmdir()  # only if now empty (another workbook's backups stay)
    except OSError:
        pass
    return report
