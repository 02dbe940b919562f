"""SQLite's errors on writing, as one line that says what is wrong and what to do.

Example:
    >>> import sqlite3
    >>> err = sqlite3.OperationalError("database is locked")
    >>> "locked by another program" in str(cannot_write(Path("/tmp/w.sqlite"), err))
    True
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from .errors import WorkbookCorrupt, WorkbookDeleted, WorkbookError


def file_identity(path: str | os.PathLike) -> tuple:
    """(device, inode) of the file at path; () when there is none.

    >>> file_identity("/no/such/file")
    ()
    """
    try:
        stat = os.stat(path)
    except OSError:
        return ()
    return (stat.st_dev, stat.st_ino)


def workbook_deleted(path: str | os.PathLike) -> WorkbookDeleted:
    """The error for an open workbook whose file is gone (or was replaced by another file).

    >>> print(workbook_deleted("/tmp/w.sqlite"))  # doctest: +ELLIPSIS
    The workbook /tmp/w.sqlite was deleted ... Nothing was saved...
    """
    return WorkbookDeleted(
        f"The workbook {path} was deleted (for example with 'Delete my data' in another "
        "notebook), so what this panel showed is gone. Nothing was saved. To go on, restart "
        "the kernel (menu Kernel > Restart Kernel and Run All Cells): you start again with a "
        "new, empty workbook. At the command line, just run the command again.")


def _moved(path: Path, err: sqlite3.Error, text: str) -> bool:
    """True when SQLite refused to write because the file was deleted or replaced."""
    if getattr(err, "sqlite_errorname", "") == "SQLITE_READONLY_DBMOVED":
        return True
    return ("readonly" in text or "read-only" in text) and not Path(path).exists()


def cannot_write(path: Path, err: sqlite3.Error) -> WorkbookError:
    """A one-line reason the workbook cannot be written, from SQLite's error."""
    text = str(err).lower()
    if _moved(path, err, text):
        return workbook_deleted(path)
    if "locked" in text or "busy" in text:
        return WorkbookError(
            f"{path} is locked by another program that kept it busy for a minute. Close other "
            "programs using it (a stuck notebook kernel, a database viewer) and try again.")
    if "readonly" in text or "read-only" in text or (
            Path(path).exists() and not os.access(path, os.W_OK)):
        return WorkbookError(
            f"{path} is read-only, so nothing can be saved in it. Make it writable (and its "
            "folder), or copy it somewhere you may write and use --workbook.")
    if "malformed" in text or "not a database" in text:
        return WorkbookCorrupt(
            f"{path} has damaged pages ({err}); nothing was changed. Restore a copy from its "
            "backups/ folder.")
    return WorkbookError(f"Could not save in {path} ({err}); check the disk has space and "
                         "that you may write there.")


_WRITE_PROBLEMS = ("locked", "busy", "readonly", "read-only", "disk", "full", "i/o",
                   "malformed", "not a database", "unable to open")


def is_write_problem(err: sqlite3.Error) -> bool:
    """True for errors about the file (locked, read-only, full, damaged), not about the SQL.

    >>> is_write_problem(sqlite3.OperationalError("database or disk is full"))
    True
    >>> is_write_problem(sqlite3.OperationalError("no such column: x"))
    False
    """
    text = str(err).lower()
    return any(word in text for word in _WRITE_PROBLEMS)


__all__ = ["cannot_write", "file_identity", "is_write_problem", "workbook_deleted"]
