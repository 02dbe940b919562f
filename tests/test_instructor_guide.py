"""docs/instructors.md, followed as written: every command in a `console` block runs, in
order, in a fresh folder (real processes), and the sample outputs shown are what the
workbook prints. The guide and the product cannot drift apart."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from infoview_lib.workbook.personas import load_persona
from infoview_lib.workbook.store import open_workbook

REPO = Path(__file__).resolve().parent.parent
GUIDE = (REPO / "docs" / "instructors.md").read_text(encoding="utf-8")
BLOCK = re.compile(r"^( *)```(\w*)\n(.*?)^\1```", re.S | re.M)


def blocks(kind: str) -> list[str]:
    return [textwrap_dedent(m.group(3), m.group(1)) for m in BLOCK.finditer(GUIDE)
            if m.group(2) == kind]


def textwrap_dedent(text: str, indent: str) -> str:
    return "".join(line[len(indent):] if line.startswith(indent) else line
                   for line in text.splitlines(keepends=True))


def commands() -> list[str]:
    return [line[2:].strip() for block in blocks("console") for line in block.splitlines()
            if line.startswith("$ ")]


@pytest.fixture(scope="module")
def sandbox(tmp_path_factory):
    """A class folder: the course notebooks, a student's workbook, nothing else."""
    root = tmp_path_factory.mktemp("class")
    (root / "notebooks").symlink_to(REPO / "notebooks")
    env = {k: v for k, v in os.environ.items() if not k.startswith("INFOVIEW_")}
    env["INFOVIEW_WORKBOOK"] = str(root / "my-workbook" / "workbook.sqlite")
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"
    with open_workbook(Path(env["INFOVIEW_WORKBOOK"])) as wb:
        load_persona(wb, "maya")
    return root, env


def prepare(command: str, root: Path, outputs: dict[str, str]) -> None:
    """What the guide takes for granted before a command: the hand-ins and a roster."""
    if "handed-in/" in command:
        folder = root / "handed-in" / "student-1"
        folder.mkdir(parents=True, exist_ok=True)
        shutil.copy(root / "practice-exports" / "for-instructor" / "infoview-anonymised.zip",
                    folder)
        student = re.search(r"class list: (\w+)", outputs["hand-in"]).group(1)
        (root / "roster.txt").write_text(f"# week 3\n{student}\nabcdef99\n", encoding="utf-8")


def test_the_guide_has_the_commands_an_instructor_needs():
    found = " ".join(commands())
    for needed in ("doctor", "personas", "protocol check", "handout", "nbconvert --to slides",
                   "hand-in", "class-report", "backup", "restore"):
        assert needed in found, needed


def test_every_command_in_the_guide_runs_in_order(sandbox):
    root, env = sandbox
    outputs: dict[str, str] = {}
    for command in commands():
        prepare(command, root, outputs)
        done = subprocess.run(["bash", "-c", command], cwd=root, env=env, capture_output=True,
                              text=True, timeout=600)
        assert done.returncode == 0, f"{command}\n{done.stdout}\n{done.stderr}"
        assert "Traceback" not in done.stderr, command
        name = command.split()[1] if command.startswith("infoview") else command.split()[0]
        outputs[name] = done.stdout
    assert "ok: course/protocol.yaml" in outputs["protocol"]
    assert "1 submission(s) used, 0 file(s) skipped" in outputs["class-report"]
    # handed in after the guide's due date; a persona alone is not the student's progress
    assert "handed in: 1, late: 1, missing: 1, not started: 1" in outputs["class-report"]
    assert (root / "handout.pdf").read_bytes().startswith(b"%PDF")
    assert (root / "slides" / "slides.slides.html").stat().st_size > 10_000
    assert (root / "class-report" / "students.csv").exists()


def test_the_protocol_example_prints_what_the_guide_shows(tmp_path):
    (tmp_path / "course").mkdir()
    (tmp_path / "course" / "broken.yaml").write_text(blocks("yaml")[0], encoding="utf-8")
    shown = next(b for b in blocks("text") if b.startswith("course/broken.yaml"))
    done = subprocess.run([sys.executable, "-m", "infoview_lib", "protocol", "check",
                           "course/broken.yaml"], cwd=tmp_path, capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 1
    assert done.stdout == shown


def test_the_doctor_sample_counts_its_own_failures():
    sample = next(b for b in blocks("text") if b.startswith("[ok ] Python"))
    lines = sample.splitlines()
    failures = sum(line.startswith("[FAIL]") for line in lines)
    assert lines[-1] == f"{failures} problem(s): run the fix lines above."
    assert all(re.match(r"^(\[ok \]|\[FAIL\]) [^:]+: |^       fix: ", line)
               for line in lines[:-1])


def test_the_step_table_matches_the_steps():
    from infoview_lib.steps import STEPS, steps_markdown

    assert steps_markdown() in GUIDE
    for step in STEPS:
        assert f"`{step.notebook}`" in GUIDE


def test_debug_works_after_the_command_too(tmp_path):
    done = subprocess.run([sys.executable, "-m", "infoview_lib", "protocol", "check",
                           str(tmp_path / "missing.yaml"), "--debug"], capture_output=True,
                          text=True, timeout=120)
    assert done.returncode != 0 and "Traceback" in done.stderr
    assert "ProtocolError: Cannot read the protocol file" in done.stderr
