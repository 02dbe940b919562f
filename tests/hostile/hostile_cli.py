"""Run the real `infoview` command in a separate process, as a user or an attacker would."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def cli_env(workbook: Path | None = None) -> dict[str, str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "MPLBACKEND": "Agg"}
    if workbook is not None:
        env["INFOVIEW_WORKBOOK"] = str(workbook)
    return env


def command(*args: str) -> list[str]:
    return [sys.executable, "-m", "infoview_lib", *map(str, args)]


def run_cli(*args: str, workbook: Path | None = None, timeout: float = 120):
    """Run `infoview ARGS` to the end; the CompletedProcess (text)."""
    return subprocess.run(command(*args), capture_output=True, text=True, env=cli_env(workbook),
                          timeout=timeout, cwd=ROOT)


def start_cli(*args: str, workbook: Path | None = None) -> subprocess.Popen:
    """Start `infoview ARGS` without waiting."""
    return subprocess.Popen(command(*args), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, env=cli_env(workbook), cwd=ROOT)


def one_line_error(proc) -> str:
    """The error a failed command printed: exactly one line, no traceback."""
    assert proc.returncode == 1, (proc.stdout, proc.stderr)
    lines = [line for line in proc.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and "Traceback" not in proc.stderr, proc.stderr
    assert lines[0].startswith("infoview: error: ")
    return lines[0]
