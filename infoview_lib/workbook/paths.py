"""Where things live: the project folder, the data folder and the default workbook.

Example:
    >>> default_workbook_path().suffix
    '.sqlite'
"""

from __future__ import annotations

import os
from pathlib import Path

WORKBOOK_ENV = "INFOVIEW_WORKBOOK"
PACKAGE_DIR = Path(__file__).resolve().parent.parent
PROJECT_DIR = PACKAGE_DIR.parent
# A wheel carries data/ inside the package (pyproject.toml); a checkout has it beside it.
DATA_DIR = next((d for d in (PACKAGE_DIR / "data", PROJECT_DIR / "data")
                 if (d / "protocol.yaml").is_file()), PROJECT_DIR / "data")


def project_dir() -> Path:
    """The checkout that holds notebooks/, or the current folder for other installs."""
    return PROJECT_DIR if (PROJECT_DIR / "notebooks").is_dir() else Path.cwd()


def default_workbook_path() -> Path:
    """$INFOVIEW_WORKBOOK if set, else my-workbook/workbook.sqlite in the project.

    my-workbook/ is ignored by git, so an instructor's course update never touches it,
    and it shows in JupyterLab's file browser.
    """
    env = os.environ.get(WORKBOOK_ENV, "").strip()
    if env:
        return Path(env).expanduser()
    return project_dir() / "my-workbook" / "workbook.sqlite"


def resolve_workbook_path(path: str | os.PathLike | None) -> Path:
    """The path given, else the default one."""
    return Path(path).expanduser() if path else default_workbook_path()


def default_exports_dir() -> Path:
    """exports/ in the project (ignored by git): for files that belong to no workbook
    (the demo, an instructor's class report)."""
    return project_dir() / "exports"


def output_dir(workbook_path: str | os.PathLike) -> Path:
    """The one folder under which every file a workbook writes goes (plans, invites,
    calendars, maps, exports): `exports/` beside the workbook, or `<name>-exports/` when the
    workbook file has another name. *Delete my data* removes it with the workbook.

    Example:
        >>> output_dir("my-workbook/workbook.sqlite").as_posix()
        'my-workbook/exports'
        >>> output_dir("/tmp/maya.sqlite").as_posix()
        '/tmp/maya-exports'
    """
    path = Path(workbook_path)
    name = "exports" if path.stem == "workbook" else f"{path.stem}-exports"
    return path.parent / name
