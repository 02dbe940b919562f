"""Items 2, 4, 5 and the damaged-file case: automatic backups are exact to their workbook,
verified before they count, never left half-written under a real name (kill -9), and no
command can write over the workbook itself."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap

import pytest
from hostile_cli import cli_env, one_line_error, run_cli

from infoview_lib.workbook.backups import BACKUPS_KEPT, integrity_problem, own_backups
from infoview_lib.workbook.model import Contact
from infoview_lib.workbook.store import open_workbook


def _book(path, people: int = 3):
    with open_workbook(path) as wb:
        wb.add_many(Contact(first_name="P", last_name=str(i), emails=[f"p{i}@x.example"])
                    for i in range(people))
    return path


def _vcf(tmp_path, name="Zed New"):
    path = tmp_path / "new.vcf"
    path.write_text(f"BEGIN:VCARD\nVERSION:3.0\nFN:{name}\nEND:VCARD\n", encoding="utf-8")
    return path


def test_another_workbooks_backups_are_never_touched(tmp_path):
    mine, other = _book(tmp_path / "workbook.sqlite"), _book(tmp_path / "workbook.old.sqlite")
    with open_workbook(other) as wb:
        theirs = [wb.backup("test") for _ in range(BACKUPS_KEPT)]
    with open_workbook(mine) as wb:
        for _ in range(BACKUPS_KEPT - 1):
            wb.backup("test")
    assert run_cli("import", _vcf(tmp_path), workbook=mine).returncode == 0
    kept = own_backups(mine)
    assert len(kept) == BACKUPS_KEPT and kept[-1].name.endswith(".import.sqlite")
    assert all(p.exists() for p in theirs)
    proc = run_cli("delete-my-data", "--yes", workbook=mine)
    assert proc.returncode == 0, proc.stderr
    assert not mine.exists() and not own_backups(mine)
    assert other.exists() and all(p.exists() for p in theirs)


def test_rotation_counts_only_verified_backups(tmp_path):
    book = _book(tmp_path / "workbook.sqlite")
    with open_workbook(book) as wb:
        good = [wb.backup("test") for _ in range(BACKUPS_KEPT)]
        folder = wb.backups_dir
        empty = folder / "workbook.29990101-000000-000000.import.sqlite"  # newest by name
        empty.write_bytes(b"")
        cut = folder / "workbook.29990101-000000-000001.import.sqlite"
        cut.write_bytes(good[0].read_bytes()[:10])
        newest = wb.backup("test")
    kept = own_backups(book)
    assert empty not in kept and cut not in kept
    assert kept == good[1:] + [newest]
    assert all(integrity_problem(p) is None for p in kept)


KILLED_BACKUPS = textwrap.dedent("""
    import sys
    from infoview_lib.workbook.store import open_workbook
    wb = open_workbook(sys.argv[1])
    while True:
        wb.backup("import")
        print("made", flush=True)
""")


def test_kill_9_during_backups_leaves_no_partial_backup(tmp_path):
    book = _book(tmp_path / "workbook.sqlite", people=5_000)
    proc = subprocess.Popen([sys.executable, "-c", KILLED_BACKUPS, str(book)],
                            stdout=subprocess.PIPE, text=True, env=cli_env())
    for _ in range(3):  # let it make a few, then kill it in the middle of the next
        assert proc.stdout.readline().strip() == "made"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    named = own_backups(book)
    assert named and all(integrity_problem(p) is None for p in named)
    with open_workbook(book) as wb:
        assert len(wb.contacts()) == 5_000
        wb.backup("after")  # the next backup rotates normally
    assert len(own_backups(book)) <= BACKUPS_KEPT


def test_a_backup_that_cannot_be_written_stops_the_import_in_one_line(tmp_path):
    book = _book(tmp_path / "workbook.sqlite")
    (tmp_path / "backups").write_text("a file where the backups folder should be")
    line = one_line_error(run_cli("import", _vcf(tmp_path), workbook=book))
    assert "Could not write a backup" in line and "Nothing was changed" in line
    with open_workbook(book) as wb:
        assert [c.name for c in wb.contacts() if c.name == "Zed New"] == []


def test_backup_out_keeps_the_old_file_when_the_new_one_fails(tmp_path):
    book = _book(tmp_path / "workbook.sqlite")
    out = tmp_path / "copy.json"
    assert run_cli("backup", "--out", out, workbook=book).returncode == 0
    before = out.read_bytes()
    (tmp_path / ".copy.json.partial").mkdir()  # the temporary file cannot be created
    line = one_line_error(run_cli("backup", "--out", out, workbook=book))
    assert "earlier file there was kept" in line
    assert out.read_bytes() == before and json.loads(before)["format"] == "infoview-workbook"


@pytest.mark.parametrize("args", [["backup", "--out", "{book}"],
                                  ["due", "--ics", "{book}"],
                                  ["meeting", "--contact", "P 1", "--date", "2030-01-02",
                                   "--time", "10:00", "--tz", "UTC", "--ics", "{book}"]])
def test_no_command_writes_over_the_workbook(tmp_path, args):
    book = _book(tmp_path / "workbook.sqlite")
    before = book.read_bytes()
    line = one_line_error(run_cli(*[a.format(book=book) for a in args], workbook=book))
    assert "your workbook itself" in line
    assert book.read_bytes() == before


def test_a_damaged_workbook_is_not_written_to_nor_backed_up(tmp_path):
    book = _book(tmp_path / "workbook.sqlite", people=3000)
    with open_workbook(book) as wb:
        good = wb.backup("test")
    data = bytearray(book.read_bytes())
    page = 4096
    data[page * 5:page * 9] = os.urandom(page * 4)  # damaged pages in the middle
    book.write_bytes(bytes(data))
    line = one_line_error(run_cli("import", _vcf(tmp_path), workbook=book))
    assert "damaged" in line
    assert own_backups(book) == [good] and integrity_problem(good) is None
    for args in (["export", "--out", tmp_path / "out", "--formats", "csv"],
                 ["backup", "--out", tmp_path / "b.json"]):
        assert "damaged" in one_line_error(run_cli(*args, workbook=book))


def test_a_foreign_sqlite_file_is_left_untouched(tmp_path):
    other = tmp_path / "photos.sqlite"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE albums (id INTEGER PRIMARY KEY, title TEXT)")
    conn.commit()
    conn.close()
    before = other.read_bytes()
    line = one_line_error(run_cli("contacts", workbook=other))
    assert "another program" in line and other.read_bytes() == before
