"""environment.yml (conda, Binder, JupyterHub) and pyproject.toml list the same runtime packages."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import yaml

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

REPO = Path(__file__).resolve().parent.parent


def _split(requirement: str) -> tuple[str, str]:
    match = re.match(r"^\s*([A-Za-z0-9_.\-]+)\s*(.*)$", requirement)
    return match.group(1).lower().replace("_", "-"), match.group(2).replace(" ", "")


def pyproject_runtime() -> dict[str, str]:
    data = tomllib.loads((REPO / "pyproject.toml").read_text())
    return dict(_split(r) for r in data["project"]["dependencies"])


def environment_runtime() -> dict[str, str]:
    data = yaml.safe_load((REPO / "environment.yml").read_text())
    found = {}
    for dep in data["dependencies"]:
        if isinstance(dep, str):
            name, spec = _split(dep)
            if name not in ("python", "pip"):
                found[name] = spec
    return found


def test_same_runtime_packages_and_versions():
    assert environment_runtime() == pyproject_runtime()


def test_environment_installs_the_project_and_uses_conda_forge():
    data = yaml.safe_load((REPO / "environment.yml").read_text())
    assert data["channels"] == ["conda-forge"]
    pip = [d for d in data["dependencies"] if isinstance(d, dict)][0]["pip"]
    assert "-e ." in pip
    python = [d for d in data["dependencies"]
              if isinstance(d, str) and re.match(r"python\s*[=<>]", d)]
    assert len(python) == 1
    version = python[0].split("#")[0].strip().removeprefix("python").lstrip("=>")
    assert tuple(int(x) for x in version.split(".")) >= (3, 10)
