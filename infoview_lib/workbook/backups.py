"""Automatic backups of one workbook: written safely, verified, matched exactly.

A backup is copied to a temporary file, checked with `PRAGMA integrity_check`, and only then
renamed to `backups/<stem>.<YYYYmmdd-HHMMSS-ffffff>.<reason>.sqlite`. A kill or a full disk
leaves at most a temporary file, never an empty or half-written backup under a real name.
Rotation keeps the last few *verified* backups of *this* workbook: files of another workbook
in the same folder (`workbook.old.sqlite` beside `workbook.sqlite`) never match.

Example:
    >>> backup_pattern("workbook").match("workbook.20260101-120000-000000.import.sqlite") is not None
    True
    >>> backup_pattern("workbook").match("workbook.old.20260101-120000-000000.import.sqlite") is None
    True
"""

from __future__ import annotations

import contextlib
import os
import re
import sqlite3
from datetime import datetime
from pathlib import Path

from .errors import ValidationError, WorkbookCorrupt, WorkbookError

BACKUPS_KEPT = 5
SQLITE_HEADER = b"SQLite format 3\x00"
TEMP_PREFIX = ".partial-"


def backup_pattern(stem: str) -> re.Pattern[str]:
    """The exact name of an automatic backup of the workbook whose file stem is stem."""
    return re.compile(rf"{re.escape(stem)}\.(\d{{8}}-\d{{6}}-\d{{6}})\.([a-z0-9-]+)\.sqlite")


def backups_dir(workbook: Path) -> Path:
    """backups/ beside the workbook file."""
    return Path(workbook).parent / "backups"


def own_backups(workbook: Path) -> list[Path]:
    """Every file named as an automatic backup of this workbook (oldest first), verified or not."""
    folder = backups_dir(workbook)
    if not folder.is_dir():
        return []
    pattern = backup_pattern(Path(workbook).stem)
    found = [p for p in folder.iterdir() if pattern.fullmatch(p.name) and p.is_file()]
    return sorted(found, key=lambda p: pattern.fullmatch(p.name).group(1))


def own_temp_files(workbook: Path) -> list[Path]:
    """Temporary files a killed backup of this workbook left behind."""
    folder = backups_dir(workbook)
    if not folder.is_dir():
        return []
    pattern = backup_pattern(Path(workbook).stem)
    return [p for p in folder.iterdir() if p.name.startswith(TEMP_PREFIX)
            and pattern.fullmatch(p.name[len(TEMP_PREFIX):])]


def looks_like_sqlite(path: Path) -> bool:
    """True when the file starts with SQLite's header (an empty or cut file does not)."""
    try:
        with open(path, "rb") as handle:
            return handle.read(len(SQLITE_HEADER)) == SQLITE_HEADER
    except OSError:
        return False


def integrity_problem(path: Path) -> str | None:
    """None when `PRAGMA integrity_check` passes on the file, else what it reported."""
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            rows = conn.execute("PRAGMA integrity_check").fetchall()
        finally:
            conn.close()
    except sqlite3.DatabaseError as err:
        return str(err)
    result = "; ".join(str(r[0]) for r in rows[:3])
    return None if result == "ok" else result


def write_backup(conn: sqlite3.Connection, workbook: Path, reason: str) -> Path:
    """Copy the open connection's database to a verified backup file and rotate; its path.

    Raises WorkbookCorrupt (the workbook has damaged pages: nothing is replaced) or
    WorkbookError (the copy could not be written: no space, no permission) in one line.
    """
    folder = backups_dir(workbook)
    stem = Path(workbook).stem
    name = f"{stem}.{datetime.now().strftime('%Y%m%d-%H%M%S-%f')}.{reason}.sqlite"
    if not backup_pattern(stem).fullmatch(name):
        raise ValueError(f"backup reason {reason!r}: use lower-case letters, digits and '-'")
    temp = folder / (TEMP_PREFIX + name)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        dest = sqlite3.connect(temp)
        try:
            conn.backup(dest)
        finally:
            dest.close()
        problem = integrity_problem(temp)
    except (OSError, sqlite3.Error) as err:
        with contextlib.suppress(OSError):
            temp.unlink(missing_ok=True)
        if "malformed" in str(err) or "not a database" in str(err):
            raise _corrupt(workbook, str(err)) from err
        raise WorkbookError(
            f"Could not write a backup in {folder} ({getattr(err, 'strerror', None) or err}); "
            "free some disk space or check you may write there. Nothing was changed."
        ) from err
    if problem:
        with contextlib.suppress(OSError):
            temp.unlink(missing_ok=True)
        raise _corrupt(workbook, problem)
    target = folder / name
    os.replace(temp, target)
    rotate(workbook)
    return target


def _corrupt(workbook: Path, detail: str) -> WorkbookCorrupt:
    return WorkbookCorrupt(
        f"{workbook} has damaged pages ({detail[:80]}), so nothing was changed and your "
        "earlier backups were kept. Restore the newest good copy from its backups/ folder "
        "('infoview restore' takes a JSON backup; a .sqlite backup can be copied in its place)."
    )


STALE_TEMP_SECONDS = 3600  # a temporary file this old belongs to a killed backup


def rotate(workbook: Path, keep: int = BACKUPS_KEPT) -> list[Path]:
    """Keep the newest `keep` verified backups of this workbook; remove older ones, empty or
    cut files named as its backups, and temporary files of backups killed over an hour ago
    (a younger one may be another process's backup in progress). Returns what was removed."""
    removed = []
    valid = []
    for path in own_backups(workbook):
        (valid if looks_like_sqlite(path) else removed).append(path)
    removed += valid[:-keep] if keep else valid
    now = datetime.now().timestamp()
    for temp in own_temp_files(workbook):
        with contextlib.suppress(OSError):
            if now - temp.stat().st_mtime > STALE_TEMP_SECONDS:
                removed.append(temp)
    for path in removed:
        path.unlink(missing_ok=True)
    return removed


def verified_backups(workbook: Path) -> list[Path]:
    """This workbook's backups that start as an SQLite file does (oldest first)."""
    return [p for p in own_backups(workbook) if looks_like_sqlite(p)]


def refuse_workbook_path(out: str | os.PathLike, workbook: str | os.PathLike,
                         what: str = "file") -> Path:
    """out, resolved; ValidationError if it is the workbook, its side files or a backup of it.

    >>> refuse_workbook_path("/tmp/w.sqlite", "/tmp/w.sqlite")
    Traceback (most recent call last):
    ...
    infoview_lib.workbook.errors.ValidationError: /tmp/w.sqlite is your workbook itself; write the file somewhere else (nothing was written).
    """
    target = Path(out).expanduser().resolve()
    book = Path(workbook).expanduser().resolve()
    own = {book, *(book.with_name(book.name + s) for s in ("-wal", "-shm", "-journal"))}
    if target in own:
        raise ValidationError(f"{out} is your workbook itself; write the {what} somewhere "
                              "else (nothing was written).")
    if target.parent == backups_dir(book) and backup_pattern(book.stem).fullmatch(target.name):
        raise ValidationError(f"{out} is one of your workbook's automatic backups; write the "
                              f"{what} somewhere else (nothing was written).")
    return target
