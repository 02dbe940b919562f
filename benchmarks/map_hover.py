"""Benchmark: how fast the explorable map answers a pointer and a click, kernel side.

Builds the explorer's figure for a synthetic network (benchmarks/graph.py's generator) with
ipympl's canvas, then times the hover handler (find the nearest person, write the details
line) and the click handler at random points over the map. The browser adds one message
round trip (measured 40-70 ms in tests/browser/test_map_explore_browser.py at 56 people).

Run:  .venv/bin/python benchmarks/map_hover.py [--sizes 1000 5000]
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))


def measure(n: int, points: int = 300) -> tuple[float, float, float]:
    from graph import make_workbook
    from matplotlib.backend_bases import MouseEvent

    from infoview_lib.ui.map_explorer import MapExplorer
    from infoview_lib.workbook.store import open_workbook

    with tempfile.TemporaryDirectory() as tmp:
        wb = open_workbook(make_workbook(Path(tmp), n), create=False)
        explorer = MapExplorer(wb)
        start = time.perf_counter()
        explorer.draw()
        drawn = time.perf_counter() - start
        rng = random.Random(1)
        box = explorer.ax.bbox
        hover, click = [], []
        for _ in range(points):
            x, y = rng.uniform(box.x0, box.x1), rng.uniform(box.y0, box.y1)
            event = MouseEvent("motion_notify_event", explorer.canvas, x, y)
            t = time.perf_counter()
            explorer._hover(event)
            hover.append(time.perf_counter() - t)
            event = MouseEvent("button_press_event", explorer.canvas, x, y, button=1)
            t = time.perf_counter()
            explorer._click(event)
            click.append(time.perf_counter() - t)
        explorer.close()
        wb.close()
    return drawn, statistics.median(hover), statistics.median(click)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[1000, 5000])
    args = parser.parse_args(argv)
    print(f"{'contacts':>8} {'draw s':>7} {'hover ms':>9} {'click ms':>9}")
    for n in args.sizes:
        drawn, hover, click = measure(n)
        print(f"{n:>8,} {drawn:7.2f} {hover * 1000:9.2f} {click * 1000:9.2f}", flush=True)
    print("medians over 300 random points; kernel side only (add one browser round trip).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
