"""Never lose data: real processes writing at once, and a process killed mid-write."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap

from infoview_lib.workbook.model import Contact
from infoview_lib.workbook.store import open_workbook

WRITER = textwrap.dedent("""
    import sys
    from infoview_lib.workbook.model import Contact
    from infoview_lib.workbook.store import open_workbook
    path, tag, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
    wb = open_workbook(path)
    print("ready", flush=True)
    sys.stdin.readline()  # wait for the go signal so both writers overlap
    for i in range(count):
        with wb.transaction():
            wb.add(Contact(first_name=f"{tag}{i}"))
            n = len(wb.contacts())  # read inside the write, as a panel refresh would
    print("done", flush=True)
""")

BIG_WRITE = textwrap.dedent("""
    import sys
    from infoview_lib.workbook.model import Contact
    from infoview_lib.workbook.store import open_workbook
    wb = open_workbook(sys.argv[1])
    with wb.transaction():
        for i in range(20000):
            wb.add(Contact(first_name=f"Bulk{i}", emails=[f"b{i}@example.com"]))
            if i == 10000:
                print("halfway", flush=True)
        print("committing", flush=True)
""")


def _spawn(code: str, *args: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", code, *args], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, text=True)


def test_two_processes_write_at_once_and_nothing_is_lost(tmp_path):
    path = tmp_path / "w.sqlite"
    open_workbook(path).close()
    writers = [_spawn(WRITER, str(path), tag, "150") for tag in ("kernelA-", "cli-")]
    for proc in writers:
        assert proc.stdout.readline().strip() == "ready"
    for proc in writers:
        proc.stdin.write("go\n")
        proc.stdin.flush()
    for proc in writers:
        out, _ = proc.communicate(timeout=120)
        assert proc.returncode == 0 and "done" in out
    with open_workbook(path) as wb:
        names = {c.first_name for c in wb.contacts()}
    assert len(names) == 300
    assert {f"kernelA-{i}" for i in range(150)} <= names
    assert {f"cli-{i}" for i in range(150)} <= names


def test_killed_in_the_middle_of_a_large_write_leaves_the_workbook_as_before(tmp_path):
    path = tmp_path / "w.sqlite"
    with open_workbook(path) as wb:
        wb.add(Contact(first_name="Before"))
    proc = _spawn(BIG_WRITE, str(path))
    assert proc.stdout.readline().strip() == "halfway"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    with open_workbook(path) as wb:
        assert [c.first_name for c in wb.contacts()] == ["Before"]
        wb.add(Contact(first_name="After"))  # and it is still writable
        assert len(wb.contacts()) == 2


def test_a_completed_large_write_is_all_there(tmp_path):
    path = tmp_path / "w.sqlite"
    proc = _spawn(BIG_WRITE, str(path))
    out, _ = proc.communicate(timeout=120)
    assert proc.returncode == 0 and "committing" in out
    with open_workbook(path) as wb:
        assert len(wb.contacts()) == 20000
