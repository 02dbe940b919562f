"""Fixtures shared by every test layer: a temporary workbook and isolated Jupyter dirs."""

from __future__ import annotations

import matplotlib
import pytest

matplotlib.use("Agg")

from pathlib import Path  # noqa: E402

from infoview_lib.workbook.personas import load_persona  # noqa: E402
from infoview_lib.workbook.store import open_workbook  # noqa: E402

# `make test` runs the suite in two parts: first everything that can share the machine, spread
# over every core (pytest-xdist), then these alone, one test at a time: real browsers and a
# real JupyterHub wait on kernels, and two cores shared with other tests make them time out.
RUN_ALONE = ("tests/browser", "tests/test_hub.py")
REPO = Path(__file__).resolve().parent.parent


def pytest_addoption(parser):
    parser.addoption("--part", choices=("all", "shared", "alone"), default="all",
                     help="shared: leave out the tests that must run alone (tests/conftest.py "
                          "RUN_ALONE); alone: only those. Default: every test.")


def runs_alone(path: Path) -> bool:
    """Whether a test file or folder is one that `make test` runs alone.

    Example:
        >>> runs_alone(REPO / "tests" / "browser" / "test_journey.py")
        True
        >>> runs_alone(REPO / "tests" / "test_store.py")
        False
    """
    try:
        rel = path.resolve().relative_to(REPO).as_posix()
    except ValueError:
        return False
    return any(rel == part or rel.startswith(part + "/") for part in RUN_ALONE)


def pytest_ignore_collect(collection_path, config):
    """--part shared skips the RUN_ALONE files; --part alone collects nothing else."""
    part = config.getoption("--part")
    if part == "shared" and runs_alone(collection_path):
        return True
    if part == "alone" and collection_path.is_file() and not runs_alone(collection_path):
        return True
    return None


@pytest.fixture
def workbook_path(tmp_path, monkeypatch):
    """A workbook path in tmp_path, also set as $INFOVIEW_WORKBOOK."""
    path = tmp_path / "workbook" / "workbook.sqlite"
    monkeypatch.setenv("INFOVIEW_WORKBOOK", str(path))
    return path


@pytest.fixture
def wb(workbook_path):
    """An empty workbook."""
    book = open_workbook(workbook_path)
    yield book
    book.close()


@pytest.fixture
def maya(workbook_path):
    """A workbook loaded with the 'maya' sample persona."""
    book = open_workbook(workbook_path)
    load_persona(book, "maya")
    yield book
    book.close()


@pytest.fixture
def only_default_font(monkeypatch):
    """As on a machine with no font but DejaVu (no CJK font, no refresh left to try)."""
    from infoview_lib import fonts

    only_dejavu = [c for c in fonts._candidates() if c[0] == fonts.DEFAULT_FAMILY]
    monkeypatch.setattr(fonts, "_candidates", lambda: only_dejavu)
    monkeypatch.setattr(fonts, "_refreshed", [True])
    fonts._families.cache_clear()
    yield
    fonts._families.cache_clear()


CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
]


@pytest.fixture(scope="module")
def browser():
    """Debian's headless Chromium driven by Playwright, one per test module. Playwright's
    sync API allows one running instance per process and leaves an event loop running
    while it is open, so it is closed before tests of other modules run."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    import matplotlib.pyplot as plt

    plt.close("all")



KERNEL_CALLS = ("run_notebook(", "NotebookClient(", "setup_kernel(")


def pytest_collection_modifyitems(config, items):
    """Mark every test that starts a Jupyter kernel (`make test-fast` leaves them out); with
    --part, leave out the tests of the other part (files named on the command line too)."""
    import inspect

    part = config.getoption("--part")
    if part != "all":
        keep, gone = [], []
        for item in items:
            (keep if runs_alone(item.path) == (part == "alone") else gone).append(item)
        if gone:
            config.hook.pytest_deselected(items=gone)
            items[:] = keep

    for item in items:
        function = getattr(item, "function", None)
        try:
            source = inspect.getsource(function) if function else ""
        except (OSError, TypeError):
            source = ""
        if any(call in source for call in KERNEL_CALLS):
            item.add_marker(pytest.mark.kernel)
