"""Benchmark: step 1's "add a person -> new map picture" in the real browser (JupyterLab in
headless Chromium), at 16 and 300 contacts.

For each size a JupyterLab server (the browser tests' recipe, tests/browser/jlab.py) serves
the notebooks with a workbook of N synthetic contacts (benchmarks/graph.py's generator); the
page runs notebook 01, then each round types a name, and JavaScript in the page times from
the click on Add until the map's <img> shows a new picture (src changed and decoded).
Baseline, same run, same machine, same workbook size: the in-kernel work alone (add one
contact + MapPanel.refresh(): graph, layout, draw, PNG), measured in this process. The
ratio browser / in-kernel is what the round trip through JupyterLab costs on top.

Run:  .venv/bin/python benchmarks/map_refresh_browser.py [--sizes 16 300] [--rounds 9]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "tests" / "browser"))

CLICK_TO_PICTURE = """async () => {
    const frame = () => new Promise(requestAnimationFrame);
    const img = () => document.querySelector('.iv-map img');
    const old = img().src;
    let arrived = null;  // the new <img> is in the page: the kernel's work and the transfer
    const watch = new MutationObserver(() => {
        if (arrived === null && img().src !== old) arrived = performance.now();
    });
    watch.observe(document.querySelector('.iv-map'), {subtree: true, childList: true});
    const start = performance.now();
    document.querySelector('button.iv-add').click();
    while (img().src === old) { await frame(); }
    await img().decode();
    const end = performance.now();
    watch.disconnect();
    return [(end - start) / 1000, ((arrived ?? end) - start) / 1000];
}"""


def browser_rounds(n: int, rounds: int, folder: Path) -> list[list[float]]:
    """[seconds from click to new picture shown, seconds from click to the new <img> in the
    page], one per round, at n contacts."""
    from jlab import Lab, isolated_jupyter_env, open_notebook, run_all
    from map_refresh import workbook_with
    from playwright.sync_api import sync_playwright

    wb = workbook_with(n, folder)
    wb.close()
    env = isolated_jupyter_env(folder / f"home{n}")
    env["INFOVIEW_WORKBOOK"] = str(folder / f"w{n}.sqlite")
    lab = Lab(root=folder / f"root{n}", env=env)
    lab.root.mkdir()
    lab.start()
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=[
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-quic"])
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            open_notebook(page, lab, "01_who_you_know.ipynb")
            run_all(page)
            page.locator(".iv-map img").first.wait_for(timeout=120_000)
            name = page.locator(".iv-name input")
            name.scroll_into_view_if_needed()
            times = []
            for i in range(rounds + 1):
                name.fill(f"Bench Person{i}")
                seconds = page.evaluate(CLICK_TO_PICTURE)
                # the add is over when the pickers offer the new person (they follow the
                # picture; the table lists only the first 200 people)
                page.locator(".iv-introduced-by option", has_text=f"Bench Person{i}").wait_for(
                    state="attached", timeout=120_000)
                if i:  # the first round warms up the kernel's caches
                    times.append(seconds)
            browser.close()
    finally:
        lab.stop()
    return times


def kernel_rounds(n: int, rounds: int, folder: Path) -> list[float]:
    """The baseline: add + MapPanel.refresh() in this process, on a fresh workbook of n."""
    import time

    from map_refresh import workbook_with

    from infoview_lib.ui.network_map import MapPanel
    from infoview_lib.workbook.model import Contact

    sub = folder / f"kernel{n}"
    sub.mkdir()
    wb = workbook_with(n, sub)
    panel = MapPanel(wb)
    times = []
    for i in range(rounds + 1):
        start = time.perf_counter()
        wb.add(Contact(first_name=f"Kernel{i}", categories=["friend"]))
        panel.refresh()
        if i:
            times.append(time.perf_counter() - start)
    wb.close()
    return times


def main() -> None:
    import matplotlib

    matplotlib.use("Agg")
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[16, 300])
    parser.add_argument("--rounds", type=int, default=9)
    args = parser.parse_args()
    if not shutil.which("chromium") and not Path("/usr/bin/chromium").exists():
        sys.exit("needs Debian's chromium (apt-get install chromium)")
    print(f"{'contacts':>8} {'browser click->picture (s)':>27} {'of which <img> in page':>23} "
          f"{'in-kernel redraw (s)':>21} {'ratio':>6}  load average")
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.sizes:
            seen = browser_rounds(n, args.rounds, Path(tmp))
            base = kernel_rounds(n, args.rounds, Path(tmp))
            shown = [s for s, _ in seen]
            ours, kernel = statistics.median(shown), statistics.median(base)
            arrived = statistics.median(a for _, a in seen)
            load = " ".join(f"{x:.2f}" for x in os.getloadavg())
            print(f"{n:>8} {ours:>27.3f} {arrived:>23.3f} {kernel:>21.3f} {ours / kernel:>5.1f}x"
                  f"  {load}   (browser min {min(shown):.3f}, max {max(shown):.3f})")
    print("medians of", args.rounds, "rounds; '<img> in page': the kernel's work and the "
          "transfer, the rest is the browser decoding the picture; ratio = browser / in-kernel "
          "(add + MapPanel.refresh in this process: the baseline)")


if __name__ == "__main__":
    main()
