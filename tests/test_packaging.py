"""`pip install .` (not editable) carries the data: personas, protocol, question bank and
templates; `doctor` checks they load. The wheel is built and installed into a fresh venv."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

import pytest
import setuptools

from infoview_lib.classroom.doctor import check_protocol, run_checks

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

REPO = Path(__file__).resolve().parent.parent


def test_every_package_of_the_tree_is_listed_for_the_wheel():
    listed = tomllib.loads((REPO / "pyproject.toml").read_text())["tool"]["setuptools"]
    found = set(setuptools.find_packages(str(REPO), include=["infoview_lib*"]))
    assert set(listed["packages"]) == found | {"infoview_lib.data"}
    assert listed["package-dir"] == {"infoview_lib.data": "data"}


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    """A fresh venv with the wheel installed (no network: dependencies come from this venv
    through a .pth file, which does not bring the editable checkout along)."""
    tmp = tmp_path_factory.mktemp("wheel")
    source = tmp / "source"  # a clean copy: no build/ left over from another build
    for name in ("infoview_lib", "data"):
        shutil.copytree(REPO / name, source / name,
                        ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(REPO / name, source / name)
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
                    "-q", "-w", str(tmp / "dist"), str(source)], check=True, cwd=tmp,
                   timeout=600)
    wheel = next((tmp / "dist").glob("infoview-*.whl"))
    venv.create(tmp / "venv", with_pip=True)
    python = tmp / "venv" / "bin" / "python"
    subprocess.run([str(python), "-m", "pip", "install", "-q", "--no-deps", "--no-index",
                    str(wheel)], check=True, timeout=600)
    site = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()"
                           "['purelib'])"], capture_output=True, text=True, check=True).stdout
    Path(site.strip(), "deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    return tmp


def run(installed, *args) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("INFOVIEW_")}
    home = installed / "home"
    home.mkdir(exist_ok=True)
    return subprocess.run([str(installed / "venv" / "bin" / "infoview"), *args],
                          capture_output=True, text=True, cwd=home, env=env, timeout=300)


def test_the_installed_package_uses_its_own_data(installed):
    python = installed / "venv" / "bin" / "python"
    out = subprocess.run([str(python), "-c", "from infoview_lib.workbook.paths import DATA_DIR;"
                          " print(DATA_DIR)"], capture_output=True, text=True, check=True,
                         cwd=installed).stdout.strip()
    assert out.startswith(str(installed / "venv")) and out.endswith("infoview_lib/data")


def test_installed_command_lists_personas_and_checks_the_protocol(installed):
    personas = run(installed, "personas")
    assert personas.returncode == 0, personas.stderr
    assert [line.split("\t")[0] for line in personas.stdout.splitlines()] == [
        "amara", "daniel", "maya"]
    check = run(installed, "protocol", "check")
    assert check.returncode == 0, check.stderr
    assert check.stdout.startswith("ok: ") and "infoview_lib/data/protocol.yaml" in check.stdout
    made = run(installed, "init", "--persona", "maya", "--workbook", "w.sqlite")
    assert made.returncode == 0 and "Loaded persona 'maya'" in made.stdout, made.stderr


def test_doctor_fails_when_the_protocol_in_force_is_broken(tmp_path, monkeypatch):
    broken = tmp_path / "class.yaml"
    broken.write_text("a: &a [*a]\n", encoding="utf-8")
    monkeypatch.setenv("INFOVIEW_PROTOCOL", str(broken))
    check = check_protocol()
    assert not check.ok and "line 1: YAML" in check.detail
    assert check.fix.startswith(f"infoview protocol check {broken}")
    assert [c.name for c in run_checks(tmp_path / "w.sqlite") if not c.ok] == ["Class protocol"]


def test_doctor_fails_when_the_data_folder_is_missing(tmp_path, monkeypatch):
    from infoview_lib.classroom import doctor

    monkeypatch.setattr(doctor, "PERSONAS_DIR", tmp_path)
    monkeypatch.setattr(doctor, "list_personas", lambda: [])
    monkeypatch.setattr(doctor, "DATA_DIR", tmp_path)
    bad = {c.name: c for c in run_checks(tmp_path / "w.sqlite") if not c.ok}
    assert set(bad) == {"Sample personas", "Message templates"}
    assert all("Reinstall infoview" in c.fix for c in bad.values())
