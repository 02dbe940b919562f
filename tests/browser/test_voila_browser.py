"""App mode: the step notebooks under Voila (code hidden), in headless Chromium.

The app command for a class that does not want to see Python:
    voila notebooks/00_start_here.ipynb --no-browser --port 8866 --Voila.ip=127.0.0.1
Per TESTING.md: wait for the TCP port (never poll GET /, each GET starts a kernel), block
every request not to 127.0.0.1 (Voila pages reference CDN fonts), stop with SIGTERM.
"""

from __future__ import annotations

import signal
import socket
import subprocess
import sys
import time
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest
from jlab import REPO, free_port, isolated_jupyter_env

from infoview_lib.workbook.personas import load_persona
from infoview_lib.workbook.store import open_workbook

pytestmark = pytest.mark.browser
VOILA = Path(sys.executable).parent / "voila"
STEP_NOTEBOOKS = sorted((REPO / "notebooks").glob("0*.ipynb"))
# The instructor's slides are a slide deck (nbconvert --to slides, tested there), not an app.
APP_NOTEBOOKS = STEP_NOTEBOOKS + [REPO / "notebooks" / "instructor" / "class_summary.ipynb"]
CODE_SNIPPETS = ("open_workbook()", "from infoview_lib")
ERROR_MARKS = ("There was an error when executing cell", "Traceback (most recent call last)")


@dataclass
class Voila:
    """A Voila server on a free port for one notebook (or a folder), with its own workbook."""

    target: Path
    workbook: Path
    home: Path
    port: int = 0
    process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, timeout: float = 60) -> Voila:
        env = isolated_jupyter_env(self.home)
        env["INFOVIEW_WORKBOOK"] = str(self.workbook)
        self.port = free_port()
        command = [str(VOILA), str(self.target), "--no-browser", f"--port={self.port}",
                   "--Voila.ip=127.0.0.1", "--show_tracebacks=True"]
        log = open(self.home / "voila.log", "wb")  # noqa: SIM115 - closed with the process
        self.process = subprocess.Popen(command, env=env, stdout=log, stderr=log,
                                        cwd=self.home)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"Voila exited: {self.log()[-2000:]}")
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
                return self
            except OSError:
                time.sleep(0.2)
        raise RuntimeError("Voila did not open its port within the timeout")

    def log(self) -> str:
        return (self.home / "voila.log").read_text(errors="replace")

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def start_voila(tmp_path: Path, target: Path, persona: str | None = None) -> Voila:
    workbook = tmp_path / "workbook" / "workbook.sqlite"
    if persona:
        with open_workbook(workbook) as wb:
            load_persona(wb, persona)
    home = tmp_path / "home"
    home.mkdir(parents=True, exist_ok=True)
    return Voila(target=target, workbook=workbook, home=home).start()


def assert_app_page(page) -> None:
    """Every cell run (Voila shows #rendered_cells at the end), a panel drawn, no error shown,
    no code on show."""
    page.locator("#rendered_cells").wait_for(state="visible", timeout=120_000)
    page.locator("[class*='iv-']").first.wait_for(state="visible", timeout=60_000)
    assert page.get_by_text("What's next").count() >= 1
    body = page.inner_text("body")
    for mark in ERROR_MARKS:
        assert mark not in body, body[max(0, body.find(mark) - 200):][:3000]
    for snippet in CODE_SNIPPETS:
        assert snippet not in body, f"code is visible in app mode: {snippet!r}"
    assert page.locator(".jp-InputArea-editor:visible").count() == 0


def open_app(page, server, rel: str) -> None:
    """Open one notebook as an app and wait until its panel is drawn and styled."""
    page.goto(f"{server.url}/voila/render/{rel}", timeout=120_000)
    assert_app_page(page)
    page.locator(".iv-a11y").first.wait_for(timeout=60_000)


@pytest.fixture
def start_here_app(tmp_path):
    server = start_voila(tmp_path, REPO / "notebooks" / "00_start_here.ipynb")
    yield server
    server.stop()


def test_start_here_as_an_app_loads_a_persona(page, start_here_app):
    page.goto(start_here_app.url + "/", timeout=120_000)
    load = page.locator("button.iv-load-persona")
    load.wait_for(timeout=120_000)
    assert_app_page(page)
    progress = page.locator(".iv-progress .iv-step-detail").first
    assert progress.inner_text().startswith("0 people")

    label = page.locator(".iv-persona option", has_text="maya:").inner_text()
    page.locator(".iv-persona select").select_option(label=label)
    load.click()
    page.locator(".iv-status .iv-ok").wait_for(timeout=30_000)
    assert "Loaded maya" in page.locator(".iv-status").inner_text()
    with open_workbook(start_here_app.workbook) as wb:
        people = len(wb.contacts())
    assert people > 0
    page.wait_for_function(
        "n => document.querySelector('.iv-progress .iv-step-detail').textContent"
        ".startsWith(n + ' people')", arg=people, timeout=10_000)


@pytest.fixture(scope="module")
def folder_app(tmp_path_factory):
    """One Voila serving the notebooks folder; each page is a fresh kernel on maya's workbook."""
    server = start_voila(tmp_path_factory.mktemp("voila-all"), REPO / "notebooks", "maya")
    yield server
    server.stop()


# Every notebook in APP_NOTEBOOKS rendering as an app (assert_app_page) is checked by
# test_accessibility.py's test_app_renders_passes_the_audit_and_reflows, on the same kind of
# server (the folder, maya's workbook), in the same page load as its audit: one kernel each.


def test_export_as_an_app_offers_the_zip_as_a_download(page, folder_app):
    """Voila serves no files, so the export panel hands over the .zip bundle itself."""
    page.goto(f"{folder_app.url}/voila/render/07_export_and_share.ipynb", timeout=120_000)
    assert_app_page(page)
    page.locator("button.iv-export").click()
    page.locator(".iv-export-panel .iv-status", has_text="Wrote").wait_for(timeout=120_000)
    assert page.locator(".iv-file-list a").count() == 0  # no links that would lead to a 404
    with page.expect_download(timeout=30_000) as info:
        page.locator("a.iv-download").click()
    download = info.value
    assert download.suggested_filename == "infoview-export.zip"
    with zipfile.ZipFile(download.path()) as archive:
        assert "plan.pdf" in archive.namelist()


def test_class_summary_as_an_app_reports_a_bad_folder(page, folder_app):
    page.goto(f"{folder_app.url}/voila/render/instructor/class_summary.ipynb", timeout=120_000)
    assert_app_page(page)
    page.locator(".iv-class-summary table").wait_for(timeout=60_000)  # the sample class
    page.locator(".iv-class-folder input").fill("/no/such/folder")
    page.locator("button.iv-class-build").click()
    status = page.locator(".iv-class-report .iv-status .iv-error")
    status.wait_for(timeout=30_000)
    assert "There is no folder '/no/such/folder'" in status.inner_text()
