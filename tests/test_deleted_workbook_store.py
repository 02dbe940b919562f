"""An open workbook whose file was deleted or replaced: every read and write raises
WorkbookDeleted (never the deleted people, never "read-only", nothing written); a file that is
still there but read-only still says read-only."""

from __future__ import annotations

import sqlite3

import pytest

from infoview_lib.workbook.errors import WorkbookDeleted, WorkbookError
from infoview_lib.workbook.model import Contact
from infoview_lib.workbook.sqlite_errors import cannot_write
from infoview_lib.workbook.store import Workbook, open_workbook


def test_every_read_and_write_after_the_file_is_deleted_says_so(maya):
    first = maya.contacts()[0]
    maya.path.unlink()
    reads = [maya.contacts, lambda: maya.get(Contact, first.id), lambda: maya.list(Contact),
             lambda: maya.setting("profile"), lambda: list(maya.rows("SELECT id FROM contacts")),
             maya.version, maya.to_json]
    writes = [lambda: maya.add(Contact(first_name="Ada")),
              lambda: maya.update(Contact, first.id, first_name="Bo"),
              lambda: maya.delete_contact(first.id), lambda: maya.set_setting("x", 1)]
    for action in reads + writes:
        with pytest.raises(WorkbookDeleted, match="was deleted") as caught:
            action()
        assert "read-only" not in str(caught.value)
        assert "Restart Kernel" in str(caught.value)
    assert not maya.path.exists()
    assert not (maya.path.parent / "backups").exists()  # delete_contact backed nothing up


def test_sqlites_moved_error_reads_as_deleted(tmp_path):
    """The error SQLite itself gives for a write to a deleted file."""
    path = tmp_path / "w.sqlite"
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("CREATE TABLE t (a)")
    path.unlink()
    with pytest.raises(sqlite3.OperationalError) as raw:
        conn.execute("INSERT INTO t VALUES (1)")
    conn.close()
    err = cannot_write(path, raw.value)
    assert isinstance(err, WorkbookDeleted) and "read-only" not in str(err)


def test_a_read_only_file_that_is_still_there_still_says_read_only(tmp_path):
    path = tmp_path / "w.sqlite"
    open_workbook(path).close()
    read_only = sqlite3.connect(f"file:{path}?mode=ro", uri=True, isolation_level=None)
    book = Workbook(path, read_only)
    with pytest.raises(WorkbookError, match="is read-only") as caught:
        book.add(Contact(first_name="Ada"))
    assert not isinstance(caught.value, WorkbookDeleted)
    book.close()
