"""Execute a notebook top to bottom in a real kernel, then run probe cells against it.

Example (in a test):
    nb = run_notebook(NOTEBOOKS / "00_start_here.ipynb", env, probes=["panel.load()"])
"""

from __future__ import annotations

import os
from pathlib import Path

import nbformat
from nbclient import NotebookClient

NOTEBOOKS = Path(__file__).resolve().parent.parent / "notebooks"


def error_outputs(nb) -> list[str]:
    """Tracebacks and stderr text from every cell (empty when the run was clean)."""
    found = []
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            if out.get("output_type") == "error":
                found.append(f"{out['ename']}: {out['evalue']}")
            elif out.get("output_type") == "stream" and out.get("name") == "stderr":
                if "Traceback" in out.get("text", "") or "Error" in out.get("text", ""):
                    found.append(out["text"])
    return found


def run_notebook(path: Path, env: dict[str, str], probes: list[str] = (), timeout: int = 180):
    """Run every cell, then each probe as an extra cell; return the executed notebook.

    env is applied to the kernel (e.g. INFOVIEW_WORKBOOK pointing at tmp_path).
    """
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(nb, timeout=timeout, kernel_name="python3",
                            resources={"metadata": {"path": str(path.parent)}})
    old = dict(os.environ)
    os.environ.update(env)
    try:
        with client.setup_kernel():
            for index, cell in enumerate(nb.cells):
                client.execute_cell(cell, index)
            for probe in probes:
                cell = nbformat.v4.new_code_cell(probe)
                nb.cells.append(cell)
                client.execute_cell(cell, len(nb.cells) - 1)
            client.set_widgets_metadata()
    finally:
        os.environ.clear()
        os.environ.update(old)
    return nb


def cell_text(cell) -> str:
    """All plain-text and HTML output of one executed cell."""
    parts = []
    for out in cell.get("outputs", []):
        if out.get("output_type") == "stream":
            parts.append(out.get("text", ""))
        for key in ("text/plain", "text/html", "text/markdown"):
            parts.append(str(out.get("data", {}).get(key, "")))
    return "\n".join(parts)
