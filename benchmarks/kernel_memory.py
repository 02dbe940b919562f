"""Benchmark: memory held by each step notebook's kernel after Run All, and all eight at once.

A student who works through the class opens one notebook after another; JupyterLab keeps
each notebook's kernel running until it is shut down or culled. This starts the eight step
notebooks' kernels one after another against one workbook filled from a persona (as in
class), runs every cell of each (Run All), then measures each kernel process:
RSS (what `top` shows; shared libraries counted in every process) and USS (memory only that
process holds: what one more kernel really costs). Baselines (the floor no notebook goes
under): a bare ipykernel that ran `1 + 1`, and one that imported ipywidgets. It also lists
which heavy libraries each kernel imported, and the load average (figures taken on a busy
machine are a little higher).

Run:  .venv/bin/python benchmarks/kernel_memory.py [--persona maya] [--json FILE]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path

import nbformat
import psutil
from jupyter_client.manager import KernelManager
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
HEAVY = ("pandas", "matplotlib", "networkx", "numpy", "openpyxl", "fpdf", "holidays",
         "icalendar", "jinja2", "fontTools", "uharfbuzz", "PIL", "ipympl", "anywidget")
AIM_EACH, AIM_ALL = 120, 700  # MB RSS: issue 16's aim per step kernel and for all eight
FLOORS = {"(bare ipykernel)": "1 + 1", "(ipykernel + ipywidgets)": "import ipywidgets"}
PROBE = f"import sys; print('IVMODS', ','.join(m for m in {HEAVY!r} if m in sys.modules))"
MB = 1024 * 1024


def kernel_memory(pid: int) -> dict[str, float]:
    """RSS and USS (MB) of one kernel process and its children."""
    proc = psutil.Process(pid)
    rss = uss = 0
    for p in [proc, *proc.children(recursive=True)]:
        info = p.memory_full_info()
        rss += info.rss
        uss += info.uss
    return {"rss_mb": round(rss / MB, 1), "uss_mb": round(uss / MB, 1)}


def run_all(path: Path | str, env: dict[str, str], collect: bool = False
            ) -> tuple[KernelManager, str]:
    """Start a kernel, run every cell of the notebook (or one line of code); return it running.

    collect: also run a full garbage collection at the end (what is left is really held).
    """
    nb = nbformat.read(path, as_version=4) if isinstance(path, Path) else (
        nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(path)]))
    if collect:
        nb.cells.append(nbformat.v4.new_code_cell("import gc; gc.collect()"))
    nb.cells.append(nbformat.v4.new_code_cell(PROBE))
    km = KernelManager(kernel_name="python3")
    km.start_kernel(cwd=str(NOTEBOOKS), env={**os.environ, **env})
    client = NotebookClient(nb, km=km, timeout=300, kernel_name="python3",
                            resources={"metadata": {"path": str(NOTEBOOKS)}})
    with client.setup_kernel(cleanup_kc=False):  # the kernel stays up, as in JupyterLab
        for index, cell in enumerate(nb.cells):
            client.execute_cell(cell, index)
    client.kc.stop_channels()
    mods = ""
    for out in nb.cells[-1].get("outputs", []):
        if out.get("name") == "stdout" and "IVMODS" in out.get("text", ""):
            mods = out["text"].split("IVMODS", 1)[1].strip()
    return km, mods


def measure(persona: str, collect: bool = False) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        workbook = Path(tmp) / "workbook.sqlite"
        from infoview_lib.workbook.personas import load_persona
        from infoview_lib.workbook.store import open_workbook

        with open_workbook(workbook) as wb:
            load_persona(wb, persona)
        env = {"INFOVIEW_WORKBOOK": str(workbook), "MPLBACKEND": "Agg"}
        rows, managers = [], []
        runs = [*FLOORS.items(), *((p.stem, p) for p in sorted(NOTEBOOKS.glob("0*.ipynb")))]
        try:
            for name, path in runs:
                km, mods = run_all(path, env, collect)
                managers.append(km)
                row = {"notebook": name, **kernel_memory(km.provisioner.pid), "imports": mods}
                rows.append(row)
                over = " (over the aim)" if name not in FLOORS and row["rss_mb"] > AIM_EACH else ""
                print(f"{name:28} RSS {row['rss_mb']:6.1f} MB  USS {row['uss_mb']:6.1f} MB  "
                      f"{mods}{over}", flush=True)
            steps = rows[len(FLOORS):]
            # all eight still running: measure again (later kernels do not change earlier ones)
            now = [kernel_memory(km.provisioner.pid) for km in managers[len(FLOORS):]]
        finally:
            for km in managers:
                km.shutdown_kernel(now=True)
    total_rss = sum(m["rss_mb"] for m in now)
    total_uss = sum(m["uss_mb"] for m in now)
    return {"persona": persona, "collect": collect, "kernels": rows,
            "load_average": os.getloadavg(), "all_eight_rss_mb": round(total_rss, 1),
            "all_eight_uss_mb": round(total_uss, 1),
            "max_step_rss_mb": max(r["rss_mb"] for r in steps),
            "median_step_rss_mb": sorted(r["rss_mb"] for r in steps)[len(steps) // 2]}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--persona", default="maya")
    parser.add_argument("--collect", action="store_true",
                        help="run gc.collect() after Run All (shows uncollected garbage)")
    parser.add_argument("--json", help="also write the figures to this file")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    result = measure(args.persona, args.collect)
    print(f"all eight open: RSS {result['all_eight_rss_mb']} MB, "
          f"USS {result['all_eight_uss_mb']} MB; largest step kernel RSS "
          f"{result['max_step_rss_mb']} MB (aim: <= {AIM_EACH} MB each, <= {AIM_ALL} MB all "
          f"eight); load average {' '.join(f'{x:.1f}' for x in result['load_average'])}")
    if args.json:
        Path(args.json).write_text(json.dumps(result, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
