"""The JSON backup file: written safely (temporary file, checked, renamed), read carefully.

A kill or a full disk while writing never leaves an empty or half-written file where the
last good backup was, and the workbook itself can never be the target.

Example:
    >>> import tempfile, pathlib
    >>> from infoview_lib.workbook.store import open_workbook
    >>> tmp = pathlib.Path(tempfile.mkdtemp())
    >>> wb = open_workbook(tmp / "w.sqlite")
    >>> write_backup_file(wb, tmp / "copy.json").name
    'copy.json'
    >>> read_backup_file(tmp / "copy.json")["format"]
    'infoview-workbook'
"""

from __future__ import annotations

import contextlib
import json
import os
from pathlib import Path
from typing import Any

from ..workbook.backups import refuse_workbook_path
from ..workbook.errors import ExportError, WorkbookCorrupt
from ..workbook.store import Workbook

MAX_BACKUP_BYTES = 500_000_000


def backup_text(wb: Workbook) -> str:
    """The whole workbook as JSON text (Workbook.restore_json reads it back exactly)."""
    return json.dumps(wb.to_json(), ensure_ascii=False, indent=1) + "\n"


def write_backup_file(wb: Workbook, out: str | os.PathLike) -> Path:
    """Write the JSON backup to out via a temporary file that is read back before the rename."""
    target = refuse_workbook_path(out, wb.path, "backup")
    if target.is_dir():
        raise ExportError(f"{out} is a folder; give a file name ending in .json.")
    text = backup_text(wb)
    temp = target.with_name(f".{target.name}.partial")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with open(temp, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        if temp.read_text(encoding="utf-8") != text:
            raise OSError(0, "the copy read back differs")
        os.replace(temp, target)
    except OSError as err:
        with contextlib.suppress(OSError):
            temp.unlink(missing_ok=True)
        raise ExportError(f"Could not write the backup {target} ({err.strerror or err}); free "
                          "some space or pick another folder. An earlier file there was kept.") \
            from err
    return target


def read_backup_file(path: str | os.PathLike) -> Any:
    """The parsed JSON of a backup file, or WorkbookCorrupt in one line (nothing is changed)."""
    path = Path(path)
    try:
        if path.stat().st_size > MAX_BACKUP_BYTES:
            raise WorkbookCorrupt(f"{path} is larger than any infoview backup "
                                  f"({MAX_BACKUP_BYTES // 1_000_000} MB); nothing was changed.")
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise WorkbookCorrupt(f"There is no file {path}; check the name. Nothing was "
                              "changed.") from None
    except (UnicodeDecodeError, ValueError, RecursionError) as err:
        detail = "nested too deeply" if isinstance(err, RecursionError) else str(err)[:80]
        raise WorkbookCorrupt(f"{path} is not a JSON backup ({detail}); nothing was "
                              "changed.") from None
    except OSError as err:
        raise WorkbookCorrupt(f"Cannot read {path} ({err.strerror}); nothing was "
                              "changed.") from err
