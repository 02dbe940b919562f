"""The hand-in: one anonymised bundle in one place, the same from the export panel and from
`infoview hand-in`, and safe to make again a week later.

It is written to `<output_dir>/for-instructor/infoview-anonymised.zip` (for the default
workbook: `my-workbook/exports/for-instructor/infoview-anonymised.zip`). Making it again
replaces only that file; anything else in the folder is left as it is.

Example:
    >>> import tempfile, pathlib
    >>> from infoview_lib.workbook.store import open_workbook
    >>> wb = open_workbook(pathlib.Path(tempfile.mkdtemp()) / "workbook.sqlite")
    >>> made = write_hand_in(wb)
    >>> made.path.relative_to(wb.path.parent).as_posix(), len(made.student_id)
    ('exports/for-instructor/infoview-anonymised.zip', 8)
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from ..export import export_workbook
from ..export.progress_file import submission_id
from ..workbook.errors import ExportError
from ..workbook.paths import output_dir
from ..workbook.store import Workbook

FOLDER = "for-instructor"
BUNDLE = "infoview-anonymised.zip"
FORMATS = "md,csv,zip"  # the summary, the anonymised tables, and progress.json (always)


@dataclass(frozen=True)
class HandIn:
    path: Path
    student_id: str  # the start of the progress file's random id: for the class roster
    replaced: bool
    warnings: list[str] = field(default_factory=list)


def hand_in_path(workbook_path: str | os.PathLike) -> Path:
    """Where the hand-in bundle of this workbook goes."""
    return output_dir(workbook_path) / FOLDER / BUNDLE


def write_hand_in(wb: Workbook) -> HandIn:
    """Write (or replace) the anonymised bundle; nothing else in the folder is touched."""
    target = hand_in_path(wb.path)
    replaced = target.exists()
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory(dir=target.parent, prefix=".hand-in-") as tmp:
            result = export_workbook(wb, Path(tmp) / "bundle", formats=FORMATS, anonymize=True)
            os.replace(result.zip_path, target)  # same folder: the old bundle is swapped whole
    except OSError as err:
        raise ExportError(f"Could not write the hand-in to {target} ({err.strerror}); check "
                          "there is space and that you may write there.") from err
    return HandIn(target, submission_id(wb)[:8], replaced, list(result.warnings))
