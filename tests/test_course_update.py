"""A course update (the instructor pushes new notebooks) never touches a student's workbook.

An "instructor" bare repository is made from this tree's tracked files; a "student" clones
it, fills a workbook in my-workbook/ and writes an export in exports/; the instructor pushes
a new version of a notebook; the student updates with `git pull`, and with nbgitpuller's
own GitPuller (what a JupyterHub nbgitpuller link runs). The workbook must be byte-for-byte
the same and the notebook the new one. The same update through a real hub's nbgitpuller
link, for students signed in to their own servers: tests/test_hub.py.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
from pathlib import Path

import nbformat
import pytest
from nbgitpuller.pull import GitPuller

from infoview_lib.workbook.model import Contact
from infoview_lib.workbook.store import open_workbook

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOK = "notebooks/00_start_here.ipynb"
NEW_CELL = "Course update: new tips from your instructor."


@pytest.fixture
def git_env(tmp_path, monkeypatch):
    """Git with a throwaway identity and no user or system configuration."""
    home = tmp_path / "home"
    home.mkdir()
    for key, value in {
        "HOME": str(home), "GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_AUTHOR_NAME": "Instructor", "GIT_AUTHOR_EMAIL": "instructor@example.org",
        "GIT_COMMITTER_NAME": "Instructor", "GIT_COMMITTER_EMAIL": "instructor@example.org",
        "NBGITPULLER_DEPTH": "0",
    }.items():
        monkeypatch.setenv(key, value)


def git(cwd: Path, *args: str) -> str:
    done = subprocess.run(["git", "-c", "init.defaultBranch=main", *args], cwd=cwd,
                          capture_output=True, text=True)
    assert done.returncode == 0, f"git {' '.join(args)} failed:\n{done.stdout}{done.stderr}"
    return done.stdout


@pytest.fixture
def instructor(tmp_path, git_env) -> Path:
    """A bare repository holding this tree's tracked files, as the instructor publishes it."""
    work = tmp_path / "instructor-work"
    work.mkdir()
    tracked = git(ROOT, "ls-files", "-z").split("\0")
    for name in filter(None, tracked):
        source = ROOT / name
        if source.is_file():
            (work / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, work / name)
    git(work, "init", "-q")
    git(work, "add", "-A")
    git(work, "commit", "-qm", "Course, week 1")
    bare = tmp_path / "course.git"
    git(tmp_path, "clone", "-q", "--bare", str(work), str(bare))
    return bare


def push_notebook_update(instructor: Path, tmp_path: Path) -> bytes:
    """The instructor adds a cell to the start notebook and pushes; returns the new bytes."""
    work = tmp_path / "instructor-update"
    git(tmp_path, "clone", "-q", str(instructor), str(work))
    nb = nbformat.read(work / NOTEBOOK, as_version=4)
    nb.cells.append(nbformat.v4.new_markdown_cell(NEW_CELL))
    nbformat.write(nb, work / NOTEBOOK)
    git(work, "commit", "-qam", "Week 2: new tips")
    git(work, "push", "-q", "origin", "main")
    return (work / NOTEBOOK).read_bytes()


def make_student_data(clone: Path) -> dict[str, bytes]:
    """A workbook with contacts and an export, as a student leaves them; returns their bytes."""
    with open_workbook(clone / "my-workbook" / "workbook.sqlite") as wb:
        wb.add_many([Contact(first_name="Ada", last_name="Example", categories=["friend"]),
                     Contact(first_name="Bo", categories=["relative"], tie_strength="rarely")])
        wb.set_setting("persona", "none")
    exports = clone / "exports"
    exports.mkdir(exist_ok=True)
    (exports / "plan.md").write_text("# My plan\nTalk to Ada.\n", encoding="utf-8")
    return snapshot(clone)


def snapshot(clone: Path) -> dict[str, bytes]:
    found = {}
    for folder in ("my-workbook", "exports"):
        for path in sorted((clone / folder).rglob("*")):
            if path.is_file():
                found[str(path.relative_to(clone))] = path.read_bytes()
    return found


def digest(files: dict[str, bytes]) -> dict[str, str]:
    return {name: hashlib.sha256(data).hexdigest() for name, data in files.items()}


def assert_student_data_kept(clone: Path, before: dict[str, bytes]) -> None:
    assert digest(snapshot(clone)) == digest(before)
    with open_workbook(clone / "my-workbook" / "workbook.sqlite", create=False) as wb:
        assert sorted(c.name for c in wb.contacts()) == ["Ada Example", "Bo"]


def test_student_data_is_ignored_by_git(instructor, tmp_path):
    student = tmp_path / "student"
    git(tmp_path, "clone", "-q", str(instructor), str(student))
    make_student_data(student)
    assert git(student, "status", "--porcelain", "--untracked-files=all") == ""
    ignored = git(student, "status", "--porcelain", "--ignored", "--untracked-files=all")
    assert "!! my-workbook/workbook.sqlite" in ignored and "!! exports/plan.md" in ignored


def test_git_pull_updates_notebooks_and_keeps_the_workbook(instructor, tmp_path):
    student = tmp_path / "student"
    git(tmp_path, "clone", "-q", str(instructor), str(student))
    before = make_student_data(student)
    old_notebook = (student / NOTEBOOK).read_bytes()

    new_notebook = push_notebook_update(instructor, tmp_path)
    git(student, "pull", "-q", "--ff-only")

    assert (student / NOTEBOOK).read_bytes() == new_notebook != old_notebook
    assert NEW_CELL in (student / NOTEBOOK).read_text(encoding="utf-8")
    assert_student_data_kept(student, before)


def test_nbgitpuller_update_keeps_workbook_and_local_edits(instructor, tmp_path):
    student = tmp_path / "student"
    url = instructor.as_uri()
    for _ in GitPuller(url, str(student), branch="main").pull():  # first click: a clone
        pass
    before = make_student_data(student)
    # the student also ran and edited another notebook (outputs, a note of their own)
    other = next(p for p in sorted((student / "notebooks").rglob("*.ipynb"))
                 if p.relative_to(student).as_posix() != NOTEBOOK)
    edited = json.loads(other.read_text(encoding="utf-8"))
    edited["cells"].append({"cell_type": "markdown", "metadata": {}, "source": "my own note"})
    other.write_text(json.dumps(edited, indent=1), encoding="utf-8")
    edited_bytes = other.read_bytes()

    new_notebook = push_notebook_update(instructor, tmp_path)
    log = "".join(GitPuller(url, str(student), branch="main").pull())  # the link clicked again

    assert (student / NOTEBOOK).read_bytes() == new_notebook, log
    assert other.read_bytes() == edited_bytes
    assert_student_data_kept(student, before)


def test_nbgitpuller_restores_a_deleted_notebook_and_keeps_the_workbook(instructor, tmp_path):
    student = tmp_path / "student"
    url = instructor.as_uri()
    for _ in GitPuller(url, str(student), branch="main").pull():
        pass
    before = make_student_data(student)
    (student / NOTEBOOK).unlink()
    new_notebook = push_notebook_update(instructor, tmp_path)
    for _ in GitPuller(url, str(student), branch="main").pull():
        pass
    assert (student / NOTEBOOK).read_bytes() == new_notebook
    assert_student_data_kept(student, before)
