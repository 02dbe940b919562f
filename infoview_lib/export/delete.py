"""Delete my data: remove the workbook file and its automatic backups, after confirmation,
optionally writing a last JSON backup somewhere the user chooses first.

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
from dataclasses import dataclass, field
from pathlib import Path

from ..workbook.errors import ExportError, ValidationError
from ..workbook.store import Workbook, open_workbook

CONFIRM_MESSAGE = ("Deleting removes your workbook and its automatic backups for good. "
                   "Confirm it (--yes, or tick the box), and consider a final backup first "
                   "(--backup FILE.json).")


@dataclass
class DeleteReport:
    removed: list[Path] = field(default_factory=list)
    backup: Path | None = None

    def message(self) -> str:
        text = f"Deleted {len(self.removed)} file(s) of your workbook."
        if self.backup:
            text += f" Your final backup is at {self.backup}; delete it too when done."
        return text + (" Exports you wrote elsewhere (e.g. exports/) were not touched.")


def workbook_files(path: Path) -> list[Path]:
    """The workbook file, its SQLite side files and its automatic backups that exist."""
    path = Path(path)
    candidates = [path] + [path.with_name(path.name + s) for s in ("-wal", "-shm", "-journal")]
    backups = path.parent / "backups"
    if backups.is_dir():
        candidates += sorted(backups.glob(f"{path.stem}.*.sqlite"))
    return [p for p in candidates if p.exists()]


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
            if target in [p.resolve() for p in workbook_files(path)]:
                raise ExportError("The final backup cannot replace the workbook itself; choose "
                                  "another file name (nothing was deleted).")
            from .bundle import backup_text

            try:
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(backup_text(book), encoding="utf-8")
            except OSError as err:
                raise ExportError(f"Could not write the backup {target} ({err.strerror}); "
                                  "nothing was deleted.") from err
            report.backup = target
    except BaseException:
        if not own:
            book.close()
        raise
    book.close()
    for item in workbook_files(path):
        item.unlink()
        report.removed.append(item)
    try:
        (path.parent / "backups").rmdir()  # only if now empty
    except OSError:
        pass
    return report
