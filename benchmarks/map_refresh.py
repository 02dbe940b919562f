"""Benchmark: step 1's "add a person, see the new map" at a few hundred contacts, in-process.

A workbook with N synthetic contacts (the same generator as benchmarks/graph.py, fixed seed)
is written to a temporary file; each round adds one contact through the workbook and calls
MapPanel.refresh() (build the graph from the workbook, lay it out, draw, encode the PNG the
panel shows). Baseline, in the same process on the same graph: nx.spring_layout + nx.draw +
savefig PNG at the panel's size. Medians; ratio = baseline / ours. The real-browser figure
(click on Add to new picture) is benchmarks/map_refresh_browser.py. --clock cpu times CPU
seconds of this process instead of wall-clock seconds: steadier on a machine other programs
load.

Run:  .venv/bin/python benchmarks/map_refresh.py [--sizes 100 300 1000] [--rounds 7] [--clock cpu]
"""

from __future__ import annotations

import argparse
import io
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))


def workbook_with(n: int, folder: Path):
    from graph import synthetic

    from infoview_lib.workbook.store import open_workbook

    contacts, organizations, ties, targets = synthetic(n)
    wb = open_workbook(folder / f"w{n}.sqlite")
    with wb.transaction() as conn:  # the records carry their ids, so references stay right
        conn.execute("PRAGMA defer_foreign_keys = ON")  # introductions point forward too
        for records in (contacts, organizations, targets, ties):
            wb.add_many(records)
    return wb


CLOCK = time.perf_counter


def time_ours(wb, rounds: int) -> float:
    from infoview_lib.ui.network_map import MapPanel
    from infoview_lib.workbook.model import Contact

    panel = MapPanel(wb)
    times = []
    for i in range(rounds):
        start = CLOCK()
        wb.add(Contact(first_name=f"New{i}", categories=["friend"], tie_strength="often"))
        panel.refresh()
        times.append(CLOCK() - start)
    return statistics.median(times)


def plain_layout(g):
    """nx.spring_layout (seed 1); without scipy, the same Fruchterman-Reingold on numpy."""
    import networkx as nx

    try:
        import scipy  # noqa: F401  (networkx needs it for spring_layout from 500 nodes)
        return nx.spring_layout(g, seed=1)
    except ImportError:
        from networkx.drawing.layout import _fruchterman_reingold, rescale_layout

        arr = _fruchterman_reingold(nx.to_numpy_array(g), None, None, None, 50, 1e-4, 2, 1)
        return dict(zip(g, rescale_layout(arr), strict=True))


def time_baseline(wb, rounds: int) -> float:
    import matplotlib.pyplot as plt
    import networkx as nx

    from infoview_lib.map.network import build_graph, simple_undirected

    times = []
    for _ in range(rounds):
        start = CLOCK()
        g = simple_undirected(build_graph(wb))
        pos = plain_layout(g)  # nx.spring_layout (numpy variant without scipy)
        fig, ax = plt.subplots(figsize=(8, 6), dpi=100)
        nx.draw(g, pos, ax=ax, node_size=20, with_labels=True, font_size=6)
        fig.savefig(io.BytesIO(), format="png")
        plt.close(fig)
        times.append(CLOCK() - start)
    return statistics.median(times)


def main() -> None:
    import matplotlib

    matplotlib.use("Agg")
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 300, 1000])
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--clock", choices=["wall", "cpu"], default="wall")
    args = parser.parse_args()
    global CLOCK
    CLOCK = time.process_time if args.clock == "cpu" else time.perf_counter
    print(f"{'contacts':>8} {'ours (s)':>9} {'spring+draw (s)':>16} {'ratio':>7}   ({args.clock} clock)")
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.sizes:
            wb = workbook_with(n, Path(tmp))
            ours = time_ours(wb, args.rounds)
            base = time_baseline(wb, max(3, args.rounds // 2))
            print(f"{n:>8} {ours:>9.3f} {base:>16.3f} {base / ours:>6.1f}x")
            wb.close()
    print("medians; ours = add one contact + MapPanel.refresh (graph, layout, draw, PNG)"
          + ("; CPU seconds of this process" if args.clock == "cpu" else ""))


if __name__ == "__main__":
    main()
