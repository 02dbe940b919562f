"""The workbook: one SQLite file per person.

Every user action is one transaction, so two kernels (or a kernel and the CLI) can write
at the same time and a killed process leaves the file as it was before that action.
Destructive actions (import, merge, delete, restore) first copy the file to backups/.

Example:
    >>> import tempfile, pathlib
    >>> wb = open_workbook(pathlib.Path(tempfile.mkdtemp()) / "w.sqlite")
    >>> ada = wb.add(Contact(first_name="Ada", categories=["friend"]))
    >>> [c.name for c in wb.contacts()]
    ['Ada']
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import json
import os
import sqlite3
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, TypeVar

from .backup_check import check_backup
from .backups import BACKUPS_KEPT, write_backup
from .errors import (
    NotFound,
    ValidationError,
    WorkbookCorrupt,
    WorkbookError,
    WorkbookExists,
    WorkbookNotFound,
)
from .model import RECORD_TYPES, Contact, Record, now_iso
from .paths import resolve_workbook_path
from .schema import SCHEMA_VERSION, is_foreign, migrate
from .sqlite_errors import cannot_write, file_identity, is_write_problem, workbook_deleted

R = TypeVar("R", bound=Record)
__all__ = ["BACKUPS_KEPT", "Workbook", "create_workbook", "open_workbook"]
JSON_FORMAT = "infoview-workbook"


@functools.cache
def _json_fields(cls: type[Record]) -> dict[str, type]:
    """Fields stored as JSON text, with the empty value for each."""
    return {f.name: f.default_factory for f in dataclasses.fields(cls)
            if f.default_factory in (list, dict)}  # type: ignore[misc]


@functools.cache
def _bool_fields(cls: type[Record]) -> frozenset[str]:
    return frozenset(f.name for f in dataclasses.fields(cls) if f.type in ("bool", bool))


class Workbook:
    """An open workbook file. Use open_workbook() to get one."""

    def __init__(self, path: Path, conn: sqlite3.Connection):
        self.path = path
        self._conn = conn
        self._depth = 0
        self._where = os.path.abspath(path)  # the file this connection reads, by inode
        self._file = file_identity(self._where)

    def _live(self) -> sqlite3.Connection:
        """The connection, once sure its file is still there: after the file was deleted or
        replaced SQLite would go on reading the deleted one and call writes "read-only"."""
        if file_identity(self._where) != self._file:
            raise workbook_deleted(self.path)
        return self._conn

    # -- transactions -------------------------------------------------------------
    @contextlib.contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One user action: everything inside is written together or not at all."""
        if self._depth:
            self._depth += 1
            try:
                yield self._conn
            finally:
                self._depth -= 1
            return
        try:
            self._live().execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as err:
            raise cannot_write(self.path, err) from err
        self._depth = 1
        try:
            yield self._conn
            self._conn.execute("COMMIT")
        except BaseException as err:
            if self._conn.in_transaction:
                self._conn.execute("ROLLBACK")
            if isinstance(err, sqlite3.IntegrityError):
                raise ValidationError(f"That change does not fit the workbook ({err}); "
                                      "nothing was changed.") from err
            if isinstance(err, sqlite3.OperationalError) and is_write_problem(err):
                raise cannot_write(self.path, err) from err
            raise
        finally:
            self._depth = 0

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> Workbook:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- records ------------------------------------------------------------------
    def _to_row(self, record: Record) -> dict[str, Any]:
        row = record.to_dict()
        for name in _json_fields(type(record)):
            row[name] = json.dumps(row[name], ensure_ascii=False)
        for name in _bool_fields(type(record)):
            row[name] = int(row[name])
        return row

    def _from_row(self, cls: type[R], row: sqlite3.Row) -> R:
        data = dict(row)
        for name, empty in _json_fields(cls).items():
            data[name] = json.loads(data[name]) if data[name] else empty()
        return cls.from_dict(data)

    def add(self, record: R) -> R:
        """Store a new record and return it with its id."""
        return self.add_many([record])[0]

    def add_many(self, records: Iterable[R]) -> list[R]:
        """Store several records in one transaction; return them with their ids."""
        out = []
        stamp = now_iso()
        with self.transaction() as conn:
            for record in records:
                if hasattr(record, "created_at") and not record.created_at:
                    record = dataclasses.replace(record, created_at=stamp)
                if hasattr(record, "updated_at"):
                    record = dataclasses.replace(record, updated_at=stamp)
                row = self._to_row(record)
                if row["id"] is None:
                    del row["id"]
                cols = ", ".join(row)
                marks = ", ".join(f":{c}" for c in row)
                cur = conn.execute(f"INSERT INTO {record.table} ({cols}) VALUES ({marks})", row)
                out.append(dataclasses.replace(record, id=cur.lastrowid))
        return out

    def get(self, cls: type[R], record_id: int) -> R:
        """One record by id; NotFound if there is none."""
        row = self._live().execute(f"SELECT * FROM {cls.table} WHERE id = ?", (record_id,)).fetchone()
        if row is None:
            raise NotFound(f"No {cls.__name__.lower()} with id {record_id}; list them to see the ids.")
        return self._from_row(cls, row)

    def list(self, cls: type[R], **where: Any) -> list[R]:
        """All records of a type, oldest first, optionally filtered by equal columns."""
        sql = f"SELECT * FROM {cls.table}"
        params = []
        if where:
            clauses = []
            for key, value in where.items():
                if key not in cls.columns():
                    raise ValueError(f"{cls.__name__} has no column {key!r}")
                if value is None:
                    clauses.append(f"{key} IS NULL")
                else:
                    clauses.append(f"{key} = ?")
                    params.append(value)
            sql += " WHERE " + " AND ".join(clauses)
        rows = self._live().execute(sql + " ORDER BY id", params).fetchall()
        return [self._from_row(cls, row) for row in rows]

    def update(self, cls: type[R], record_id: int, **changes: Any) -> R:
        """Change some fields of one record; the new values are validated first."""
        with self.transaction():
            current = self.get(cls, record_id)
            if hasattr(current, "updated_at"):
                changes.setdefault("updated_at", now_iso())
            record = dataclasses.replace(current, **changes)
            row = self._to_row(record)
            sets = ", ".join(f"{c} = :{c}" for c in row if c != "id")
            self._conn.execute(f"UPDATE {cls.table} SET {sets} WHERE id = :id", row)
        return record

    def remove(self, cls: type[R], record_id: int) -> None:
        """Delete a record for good (contacts: use delete_contact, which can be undone)."""
        with self.transaction() as conn:
            conn.execute(f"DELETE FROM {cls.table} WHERE id = ?", (record_id,))

    # -- contacts -----------------------------------------------------------------
    def contacts(self, include_deleted: bool = False) -> list[Contact]:
        """The contacts on the list (deleted ones only when asked)."""
        sql = "SELECT * FROM contacts"
        if not include_deleted:
            sql += " WHERE deleted_at = '' OR deleted_at IS NULL"
        return [self._from_row(Contact, r) for r in self._live().execute(sql + " ORDER BY id")]

    def delete_contact(self, contact_id: int) -> Contact:
        """Take a contact off the list; undo_delete_contact brings them back."""
        self.backup("delete")
        return self.update(Contact, contact_id, deleted_at=now_iso())

    def undo_delete_contact(self, contact_id: int) -> Contact:
        """Put a deleted contact back on the list."""
        return self.update(Contact, contact_id, deleted_at="")

    def find_contact(self, name: str) -> Contact:
        """The one contact whose name matches (case-insensitive; exact match wins)."""
        wanted = name.strip().casefold()
        people = self.contacts()
        exact = [c for c in people if c.name.casefold() == wanted]
        if len(exact) == 1:
            return exact[0]
        partial = exact or [c for c in people if wanted and wanted in c.name.casefold()]
        if len(partial) == 1:
            return partial[0]
        if not partial:
            raise NotFound(f"Nobody called {name!r} is on your list; 'infoview contacts' lists them.")
        names = ", ".join(sorted(c.name for c in partial)[:5])
        raise ValidationError(f"{name!r} matches several people ({names}); type more of the name.")

    # -- change detection -----------------------------------------------------------
    def version(self) -> tuple:
        """A token that changes when another connection (another notebook, the CLI) commits
        to this workbook; this connection's own writes leave it as it is. Compare it with
        `changed_since`. WorkbookDeleted once the file was deleted or replaced.

        >>> import tempfile, pathlib
        >>> path = pathlib.Path(tempfile.mkdtemp()) / "w.sqlite"
        >>> mine, other = open_workbook(path), open_workbook(path)
        >>> seen = mine.version()
        >>> _ = mine.add(Contact(first_name="Ada"))
        >>> mine.changed_since(seen)
        False
        >>> _ = other.add(Contact(first_name="Bo"))
        >>> mine.changed_since(seen)
        True
        """
        return (self._live().execute("PRAGMA data_version").fetchone()[0],)

    def changed_since(self, seen: tuple | None) -> bool:
        """True when `seen` (from version()) is no longer current."""
        return seen is not None and seen != self.version()

    def rows(self, sql: str, params: tuple = ()) -> Iterator[tuple]:
        """Plain rows of one SELECT, streamed (for readers that need a few columns of many
        records fast, such as the map; everyone else uses list() and gets records)."""
        if not sql.lstrip().upper().startswith("SELECT"):
            raise ValueError("Workbook.rows only reads: give it a SELECT")
        return iter(self._live().execute(sql, params))

    # -- settings -----------------------------------------------------------------
    def setting(self, key: str, default: Any = None) -> Any:
        """A stored setting (JSON value), or default."""
        row = self._live().execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        return default if row is None else json.loads(row[0])

    def set_setting(self, key: str, value: Any) -> None:
        """Store a setting (any JSON value)."""
        with self.transaction() as conn:
            conn.execute(
                "INSERT INTO settings (key, value) VALUES (?, ?) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                (key, json.dumps(value, ensure_ascii=False)),
            )

    # -- backups ------------------------------------------------------------------
    @property
    def backups_dir(self) -> Path:
        return self.path.parent / "backups"

    def backup(self, reason: str) -> Path:
        """Copy the workbook to backups/ (the last few are kept) and return the copy's path.

        Call it before opening the transaction of the destructive action: SQLite cannot
        copy a database from inside one of its own write transactions.
        """
        if self._depth:
            raise RuntimeError("backup() must be called outside a transaction")
        return write_backup(self._live(), self.path, reason)  # never back up a deleted file

    # -- JSON ---------------------------------------------------------------------
    def to_json(self) -> dict[str, Any]:
        """Everything in the workbook as plain JSON data (restore_json reads it back)."""
        data: dict[str, Any] = {"format": JSON_FORMAT, "schema_version": SCHEMA_VERSION}
        rows = self._live().execute("SELECT key, value FROM settings ORDER BY key").fetchall()
        data["settings"] = {k: json.loads(v) for k, v in rows}
        for cls in RECORD_TYPES:
            data[cls.table] = [r.to_dict() for r in self.list(cls)]
        return data

    def restore_json(self, data: dict[str, Any]) -> None:
        """Replace everything with a JSON copy made by to_json (backs up first)."""
        records = check_backup(data, JSON_FORMAT, SCHEMA_VERSION)
        self.backup("restore")
        with self.transaction() as conn:
            conn.execute("PRAGMA defer_foreign_keys = ON")
            for cls in reversed(RECORD_TYPES):
                conn.execute(f"DELETE FROM {cls.table}")
            conn.execute("DELETE FROM settings")
            for key, value in data.get("settings", {}).items():
                self.set_setting(key, value)
            for cls in RECORD_TYPES:
                rows = [self._to_row(r) for r in records.get(cls, [])]
                if rows:
                    cols = cls.columns()
                    conn.executemany(
                        f"INSERT INTO {cls.table} ({', '.join(cols)}) "
                        f"VALUES ({', '.join(':' + c for c in cols)})",
                        rows,
                    )


def _connect(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path, timeout=60, isolation_level=None, check_same_thread=False)
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA busy_timeout = 60000")
    return conn


def open_workbook(path: str | os.PathLike | None = None, create: bool = True) -> Workbook:
    """Open the workbook at path (default: $INFOVIEW_WORKBOOK or my-workbook/), creating it if asked.

    >>> open_workbook("/no/such/dir/w.sqlite", create=False)
    Traceback (most recent call last):
    ...
    infoview_lib.workbook.errors.WorkbookNotFound: No workbook at /no/such/dir/w.sqlite. Create one with 'infoview init' or run notebooks/00_start_here.ipynb.
    """
    path = resolve_workbook_path(path)
    if not path.exists():
        if not create:
            raise WorkbookNotFound(
                f"No workbook at {path}. Create one with 'infoview init' or run "
                "notebooks/00_start_here.ipynb."
            )
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as err:
            raise WorkbookError(
                f"Cannot create the folder {path.parent} ({err.strerror}); choose another place "
                f"with --workbook or the INFOVIEW_WORKBOOK variable."
            ) from err
    conn = None
    try:
        conn = _connect(path)
        if is_foreign(conn):
            raise WorkbookCorrupt(
                f"{path} is an SQLite file of another program, not an infoview workbook; it "
                "was left untouched. Pick your workbook with --workbook, or a new file name.")
        if conn.execute("PRAGMA user_version").fetchone()[0] != SCHEMA_VERSION:
            conn.execute("BEGIN IMMEDIATE")
            try:
                migrate(conn)
                conn.execute("INSERT OR IGNORE INTO meta (key, value) VALUES ('app', 'infoview')")
                conn.execute("COMMIT")
            except BaseException:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise
    except sqlite3.DatabaseError as err:
        if conn is not None:
            conn.close()
        text = str(err).lower()
        if any(word in text for word in ("readonly", "read-only", "locked", "busy",
                                         "unable to open")):
            raise cannot_write(path, err) from err
        raise WorkbookCorrupt(
            f"{path} is not a readable infoview workbook ({err}). Pick another file with "
            "--workbook, or restore one from its backups/ folder with 'infoview restore'."
        ) from err
    except BaseException:
        if conn is not None:
            conn.close()
        raise
    return Workbook(path, conn)


def create_workbook(path: str | os.PathLike | None = None, force: bool = False) -> Workbook:
    """A new, empty workbook; refuses to replace an existing one unless force (then backs it up)."""
    path = resolve_workbook_path(path)
    if path.exists():
        if not force:
            raise WorkbookExists(
                f"A workbook already exists at {path}. Use --force to replace it "
                "(a backup is made first), or choose another path with --workbook."
            )
        with open_workbook(path) as old:
            old.backup("replaced")
        path.unlink()
    return open_workbook(path)
