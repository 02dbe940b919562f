"""Starting over: empty the workbook, or fill it from a persona, after a backup.

Example:
    >>> import tempfile, pathlib
    >>> from infoview_lib.workbook.store import open_workbook
    >>> wb = open_workbook(pathlib.Path(tempfile.mkdtemp()) / "w.sqlite")
    >>> start_from_persona(wb, "maya")["contacts"] > 40
    True
"""

from __future__ import annotations

from .model import Target
from .personas import load_persona
from .schema import SCHEMA_VERSION
from .store import JSON_FORMAT, Workbook


def is_empty(wb: Workbook) -> bool:
    """True when the workbook holds no contacts (deleted ones included) and no targets."""
    return not wb.list(Target) and not wb.contacts(include_deleted=True)


def clear_workbook(wb: Workbook) -> None:
    """Remove everything (a backup is made first, unless it was already empty)."""
    if not is_empty(wb):
        wb.restore_json({"format": JSON_FORMAT, "schema_version": SCHEMA_VERSION})


def start_from_persona(wb: Workbook, persona_id: str) -> dict[str, int]:
    """Replace the workbook's content with a sample persona (the old content is backed up)."""
    clear_workbook(wb)
    return load_persona(wb, persona_id)
