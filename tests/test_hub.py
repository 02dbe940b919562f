"""A small class on a real JupyterHub (benchmarks/class_load.py with two students).

The hub runs docs/hub/jupyterhub_config.py on 127.0.0.1 with the local spawner; each student
is a system account this test creates and removes (so it runs as root). Both students sign
in, start their server, click the nbgitpuller link and go through the class plan at the same
time. Then: every step finished for both, neither can read the other's workbook, and a
course update through the nbgitpuller link brings the new notebook without touching either
student's workbook or exports.
"""

from __future__ import annotations

import hashlib
import os
import pwd
import shutil
import stat
import sys
import tempfile
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

pytestmark = [pytest.mark.kernel, pytest.mark.timeout(1200)]

NEW_CELL = "Course update through the hub: a new tip from your instructor."
STUDENTS = 2


def _why_not() -> str | None:
    if os.geteuid() != 0:
        return "needs root: it creates a system account per student"
    if not shutil.which("useradd") or not shutil.which("git"):
        return "needs useradd and git"
    return None


@pytest.fixture(scope="module")
def hub_class():
    """A hub, two students who went through the whole plan at once (kept running)."""
    why = _why_not()
    if why:
        pytest.skip(why)
    import class_load

    folder = Path(tempfile.mkdtemp(prefix="ivhub-"))
    folder.chmod(0o755)
    hub = class_load.Hub(folder, class_load.publish_course(folder))
    students = []
    try:
        try:
            hub.start()
        except class_load.NotReadable as err:  # e.g. a checkout under /root
            pytest.skip(str(err))
        result, students = class_load.run_round(hub, STUDENTS, reserve_mb=512, keep=True)
        yield hub, result, students
    finally:
        if students:
            class_load.end_round(hub, students)
        hub.stop()
        for name in [p.pw_name for p in pwd.getpwall() if p.pw_name.startswith(class_load.PREFIX)]:
            class_load.remove_account(name)
        shutil.rmtree(folder, ignore_errors=True)


def home(name: str) -> Path:
    return Path(pwd.getpwnam(name).pw_dir)


def student_files(name: str) -> dict[str, str]:
    """sha256 of every file in the student's workbook folder and exports, read as root."""
    clone = home(name) / "infoview"
    found = {}
    for folder in ("my-workbook", "exports"):
        for path in sorted((clone / folder).rglob("*")):
            if path.is_file():
                found[str(path.relative_to(clone))] = hashlib.sha256(path.read_bytes()).hexdigest()
    return found


def test_every_student_finishes_the_class_plan(hub_class):
    hub, result, students = hub_class
    import class_load

    assert result["failures"] == {}, hub.log_tail()
    assert result["finished"] == STUDENTS
    expected = ["sign in", "start server", "nbgitpuller link"] + [
        f"{notebook[:2]} {step}" for step, notebook, _ in class_load.PLAN]
    assert list(result["steps"]) == expected
    assert all(t["done"] == STUDENTS for t in result["steps"].values())
    for st in students:
        assert result["memory"][st.name]["kernels"] == len(class_load.PLAN)
        files = student_files(st.name)
        # the workbook is in the student's own clone, and the hand-in bundle beside it
        assert "my-workbook/workbook.sqlite" in files
        assert any(f.startswith("exports/hand-in/") for f in files)


def test_students_cannot_read_each_other(hub_class):
    _hub, result, students = hub_class
    assert len(result["peeks"]) == STUDENTS
    assert set(result["peeks"].values()) == {"DENIED"}
    for st in students:
        info = pwd.getpwnam(st.name)
        mode = stat.S_IMODE(os.stat(info.pw_dir).st_mode)
        assert mode == 0o700, oct(mode)
        workbook = home(st.name) / "infoview" / "my-workbook" / "workbook.sqlite"
        assert os.stat(workbook).st_uid == info.pw_uid


def test_course_update_through_the_hub_keeps_workbooks(hub_class, tmp_path):
    hub, _result, students = hub_class
    import class_load

    before = {st.name: student_files(st.name) for st in students}
    assert all(before.values())
    work = tmp_path / "instructor"
    class_load.git(tmp_path, "clone", "-q", str(hub.course), str(work))
    notebook = work / "notebooks" / "00_start_here.ipynb"
    nb = nbformat.read(notebook, as_version=4)
    nb.cells.append(nbformat.v4.new_markdown_cell(NEW_CELL))
    nbformat.write(nb, notebook)
    class_load.git(work, "commit", "-qam", "Week 2: new tips")
    class_load.git(work, "push", "-q", "origin", "main")

    for st in students:
        log = st.pull_course()  # the student clicks the nbgitpuller link again
        theirs = home(st.name) / "infoview" / "notebooks" / "00_start_here.ipynb"
        assert NEW_CELL in theirs.read_text(encoding="utf-8"), log
        assert student_files(st.name) == before[st.name]
