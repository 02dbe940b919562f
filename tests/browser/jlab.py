"""Driving JupyterLab in headless Chromium (the recipe in shared/TESTING.md).

Example (in a test):
    open_notebook(page, lab, "00_start_here.ipynb")
    run_all(page)
    page.locator("button.iv-load-persona").click()
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from infoview_lib.notebook_clean import server_options

REPO = Path(__file__).resolve().parents[2]


def isolated_jupyter_env(root) -> dict[str, str]:
    """Environment variables that keep Jupyter, IPython and matplotlib out of the real home."""
    env = dict(os.environ)
    for name in ("JUPYTER_CONFIG_DIR", "JUPYTER_DATA_DIR", "JUPYTER_RUNTIME_DIR", "IPYTHONDIR",
                 "MPLCONFIGDIR", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
        path = root / name.lower()
        path.mkdir(parents=True, exist_ok=True)
        env[name] = str(path)
    env["JUPYTER_PLATFORM_DIRS"] = "1"
    env["MPLBACKEND"] = "Agg"
    return env


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _settings(settings_dir: Path) -> None:
    files = {
        "@jupyterlab/apputils-extension/notification.jupyterlab-settings":
            {"fetchNews": "false", "checkForUpdates": False},
        "@jupyterlab/notebook-extension/tracker.jupyterlab-settings": {"windowingMode": "none"},
    }
    for rel, value in files.items():
        path = settings_dir / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(value))


@dataclass
class Lab:
    """A JupyterLab server on a free port serving a copy of notebooks/ with its own workbook."""

    root: Path
    env: dict[str, str]
    port: int = field(default_factory=free_port)
    process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def workbook(self) -> Path:
        return Path(self.env["INFOVIEW_WORKBOOK"])

    def start(self, timeout: float = 60) -> Lab:
        shutil.copytree(REPO / "notebooks", self.root / "notebooks")
        settings = self.root / "lab-settings"
        _settings(settings / "user")
        command = [
            sys.executable, "-m", "jupyter", "lab", "--no-browser", "--allow-root",
            "--ip=127.0.0.1", f"--port={self.port}", f"--ServerApp.root_dir={self.root}",
            "--IdentityProvider.token=", "--ServerApp.password=",
            "--ServerApp.disable_check_xsrf=True",
            f"--LabApp.user_settings_dir={settings / 'user'}",
            f"--LabApp.workspaces_dir={settings / 'workspaces'}",
            *server_options(),  # as `infoview lab` does: notebooks are saved clean
        ]
        log = open(self.root / "lab.log", "wb")  # noqa: SIM115 - closed with the process
        self.process = subprocess.Popen(command, env=self.env, stdout=log, stderr=log)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"JupyterLab exited: {(self.root / 'lab.log').read_text()[-2000:]}")
            try:
                with urllib.request.urlopen(f"{self.url}/api/status", timeout=2) as response:
                    if response.status == 200:
                        return self
            except OSError:
                time.sleep(0.3)
        raise RuntimeError("JupyterLab did not answer within the timeout")

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            try:
                request = urllib.request.Request(f"{self.url}/api/shutdown", method="POST")
                urllib.request.urlopen(request, timeout=5).close()
                self.process.wait(timeout=15)
            except (OSError, subprocess.TimeoutExpired):
                self.process.kill()
                self.process.wait()

    def load_persona(self, persona: str) -> None:
        """Fill the lab's workbook with a sample persona (before a notebook is opened)."""
        from infoview_lib.workbook.personas import load_persona
        from infoview_lib.workbook.store import open_workbook

        with open_workbook(self.workbook) as wb:
            load_persona(wb, persona)


def wait_idle(page, timeout: float = 60_000) -> None:
    """Wait until the kernel is connected and idle (both checks, as TESTING.md explains)."""
    page.wait_for_function(
        """() => {
            const ind = document.querySelector('.jp-Notebook-ExecutionIndicator');
            const name = document.querySelector('.jp-Toolbar-kernelName');
            const kernel = name ? name.textContent.trim() : '';
            return ind && ind.getAttribute('data-status') === 'idle'
                && kernel !== '' && kernel !== 'No Kernel';
        }""",
        timeout=timeout,
    )


def arm_busy_watch(page) -> None:
    """Start watching for the kernel to go busy (call before the action that runs code)."""
    page.evaluate(
        """() => {
            window.__ivBusy = false;
            const ind = document.querySelector('.jp-Notebook-ExecutionIndicator');
            if (!ind) return;
            const seen = () => { if (ind.getAttribute('data-status') === 'busy') window.__ivBusy = true; };
            seen();
            new MutationObserver(seen).observe(ind, {attributes: true});
        }"""
    )


def wait_busy_then_idle(page, timeout: float = 120_000) -> None:
    """After arm_busy_watch and an action: wait for busy to have been seen, then idle."""
    page.wait_for_function("() => window.__ivBusy === true", timeout=timeout)
    wait_idle(page, timeout)


def open_notebook(page, lab: Lab, name: str) -> None:
    """Open notebooks/<name> in JupyterLab and wait for its kernel."""
    page.goto(f"{lab.url}/lab/tree/notebooks/{name}")
    page.wait_for_selector(".jp-Notebook", timeout=60_000)
    wait_idle(page, 90_000)


def run_all(page) -> None:
    """Run > Run All Cells, then wait for the kernel to finish."""
    arm_busy_watch(page)
    page.get_by_role("menuitem", name="Run", exact=True).click()
    page.get_by_role("menuitem", name="Run All Cells", exact=True).click()
    wait_busy_then_idle(page)


def commit(locator, text: str) -> None:
    """Type into a field that saves when left (continuous_update=False), then leave it."""
    locator.scroll_into_view_if_needed()
    locator.fill(text)
    locator.press("Tab")


def error_texts(page) -> list[str]:
    """Error outputs shown in the notebook (tracebacks)."""
    return page.locator(".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']"
                        ).all_inner_texts()


def api(lab: Lab, path: str, method: str = "GET"):
    """Call the server's REST API; the parsed JSON answer (None when empty)."""
    request = urllib.request.Request(f"{lab.url}{path}", method=method)
    with urllib.request.urlopen(request, timeout=30) as response:
        body = response.read()
    return json.loads(body) if body else None


def shut_down_kernels(lab: Lab) -> None:
    """What happens overnight: every kernel stops (the notebooks' sessions end)."""
    for session in api(lab, "/api/sessions"):
        api(lab, f"/api/sessions/{session['id']}", method="DELETE")
    assert api(lab, "/api/kernels") == []


def save_notebook(page) -> None:
    """Ctrl+S, then wait until the tab no longer shows unsaved changes."""
    page.locator(".jp-Notebook").first.click(position={"x": 5, "y": 5})
    page.keyboard.press("Control+s")
    page.wait_for_function(
        "() => !document.querySelector('.jp-mod-current.jp-mod-dirty, "
        ".lm-TabBar-tab.lm-mod-current.jp-mod-dirty')", timeout=30_000)


def git_snapshot(root: Path) -> None:
    """Put the served notebooks under git, as a student's clone of the course is."""
    for args in (["init", "-q"], ["add", "notebooks"],
                 ["-c", "user.name=Student", "-c", "user.email=s@example.org",
                  "commit", "-q", "-m", "course"]):
        subprocess.run(["git", "-C", str(root), *args], check=True)


def git_changed(root: Path) -> list[str]:
    """Tracked notebooks that differ from the course's commit."""
    out = subprocess.run(["git", "-C", str(root), "status", "--porcelain", "notebooks"],
                         check=True, capture_output=True, text=True).stdout
    return [line for line in out.splitlines() if not line.startswith("??")]
