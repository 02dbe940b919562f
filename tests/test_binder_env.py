"""environment.yml read the way Binder reads it: `repo2docker --no-build` prints the build plan.

repo2docker (PyPI jupyter-repo2docker) picks a buildpack from the repository's files and
prints the Dockerfile it would build, without Docker. The repository's tracked files are
copied to a temporary folder first, so the check sees what Binder sees (what is committed).
The agreement of environment.yml with pyproject.toml is tests/test_environment.py's job.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
REPO2DOCKER = Path(sys.executable).parent / "repo2docker"


def tracked_copy(dest: Path) -> Path:
    names = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True,
                           text=True, check=True).stdout.split("\0")
    for name in filter(None, names):
        if (ROOT / name).is_file():
            (dest / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, dest / name)
    return dest


def build_plan(repo: Path) -> subprocess.CompletedProcess:
    assert REPO2DOCKER.exists(), "install the test extra: pip install -e '.[test]'"
    return subprocess.run([str(REPO2DOCKER), "--no-build", "--no-run", str(repo)],
                          capture_output=True, text=True, timeout=120, cwd=repo)


@pytest.fixture(scope="module")
def plan(tmp_path_factory):
    repo = tracked_copy(tmp_path_factory.mktemp("binder"))
    assert (repo / "environment.yml").is_file(), "environment.yml is not committed"
    done = build_plan(repo)
    assert done.returncode == 0, done.stderr
    return done


def test_binder_uses_the_conda_buildpack_with_our_file(plan):
    assert plan.stdout.lstrip().startswith("FROM ")
    assert re.search(r'env update -p \$\{NB_PYTHON_PREFIX\} --file "environment\.yml"',
                     plan.stdout)
    assert "Building conda environment for python=3." in plan.stderr


def test_binder_python_is_one_the_project_supports(plan):
    version = re.search(r"conda environment for python=3\.(\d+)", plan.stderr).group(1)
    assert int(version) >= 10  # pyproject: requires-python >= 3.10


def test_no_other_build_file_overrides_environment_yml():
    # a Dockerfile would make Binder ignore environment.yml; requirements.txt would confuse
    tracked = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True,
                             check=True).stdout.split()
    for name in ("Dockerfile", "binder/Dockerfile", "binder/environment.yml", "requirements.txt",
                 ".binder/environment.yml"):
        assert name not in tracked, f"{name} would change what Binder builds"


@pytest.mark.parametrize("text, words", [
    ("name: x\ndependencies:\n  - python>=3.10\n  - [broken\n", "expected ','"),
    ("just some text\n", "should contain a dictionary"),
])
def test_a_broken_environment_file_fails_the_check(tmp_path, text, words):
    repo = tmp_path / "broken"
    repo.mkdir()
    shutil.copy2(ROOT / "pyproject.toml", repo / "pyproject.toml")
    (repo / "environment.yml").write_text(text, encoding="utf-8")
    done = build_plan(repo)
    assert done.returncode != 0 and words in done.stderr
    assert "FROM " not in done.stdout
