"""Benchmark: build, lay out and save the who-you-know map at 100 to 20,000 contacts.

Synthetic ego networks (fixed seed): contacts in the protocol's categories with a tie
strength, ~N/8 organizations, ~N/20 referrals (introduced-by), ~N/10 contact-contact ties,
5 targets. For each size, in a fresh process (so peak memory is per size):
  build   network.build_graph_from (column-wise)
  layout  layout.ego_layout (numpy rings and sectors)
  save    draw.save_map to a 1600x1200 PNG (compress level 1)
and, where it finishes within a minute (100 and 1,000 contacts), the plain networkx route on
the same graph (undirected, so nx.draw uses line collections, not one arrow per edge):
nx.spring_layout(seed=1) + nx.draw + savefig PNG. Medians; ratio = plain / ours.

Run:  .venv/bin/python benchmarks/graph.py            (all sizes)
      .venv/bin/python benchmarks/graph.py --sizes 100 1000
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

BASELINE_SIZES = (100, 1000)
REPEATS = {100: 5, 1000: 5, 5000: 3, 20000: 3}


def synthetic(n: int, seed: int = 42):
    """Records for an ego network of n contacts."""
    from infoview_lib.classroom.protocol import current_protocol
    from infoview_lib.workbook.model import Contact, Organization, Target, Tie

    rng = random.Random(seed)
    cats = current_protocol().categories
    n_orgs = max(1, n // 8)
    orgs = [Organization(id=i + 1, name=f"Org {i:05d}", industry=rng.choice(
        ["Design", "Health", "Banking", "Software", "Education", "Transport"]))
        for i in range(n_orgs)]
    people = []
    for i in range(1, n + 1):
        people.append(Contact(
            id=i, first_name=f"First{i}", last_name=f"Last{i % 997}",
            organization=orgs[rng.randrange(n_orgs)].name if rng.random() < 0.8 else "",
            title=rng.choice(["Designer", "UX Researcher", "Engineer", "Teacher", "Manager", ""]),
            categories=[rng.choice(cats)],
            tie_strength=rng.choice(["often", "occasionally", "occasionally", "rarely", "rarely"]),
            can_interview=rng.random() < 0.15, can_refer=rng.random() < 0.05))
    for person in rng.sample(people, max(1, n // 20)):
        introducer = rng.randrange(1, n + 1)
        if introducer != person.id:
            person.introduced_by = introducer
    ties = {tuple(sorted(rng.sample(range(1, n + 1), 2))) for _ in range(n // 10)}
    ties = [Tie(id=k + 1, a=a, b=b) for k, (a, b) in enumerate(sorted(ties))]
    targets = [Target(id=1, name="UX research"), Target(id=2, name="Health", kind="industry"),
               Target(id=3, name="Org 00001", kind="company", organization="Org 00001"),
               Target(id=4, name="Teaching", keywords=["teacher"]),
               Target(id=5, name="Banking", kind="industry")]
    return people, orgs, ties, targets


def timed(fn, repeats: int) -> tuple[float, object]:
    times, out = [], None
    for _ in range(repeats):
        start = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), out


def plain_layout(h):
    """nx.spring_layout; without scipy (networkx needs it from 500 nodes) the same
    Fruchterman-Reingold with networkx's dense numpy solver, as it uses below 500 nodes."""
    import networkx as nx

    try:
        import scipy  # noqa: F401
    except ImportError:
        from networkx.drawing.layout import _fruchterman_reingold, rescale_layout

        pos = _fruchterman_reingold(nx.to_numpy_array(h), None, None, None, 50, 1e-4, 2, 1)
        return dict(zip(h, rescale_layout(pos), strict=True))
    return nx.spring_layout(h, seed=1)


def run_size(n: int) -> dict:
    """Measure one size in this process; returns seconds and peak RSS in MB."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import networkx as nx

    from infoview_lib.map.draw import save_map
    from infoview_lib.map.layout import ego_layout
    from infoview_lib.map.network import build_graph_from, simple_undirected

    people, orgs, ties, targets = synthetic(n)
    repeats = REPEATS.get(n, 3)
    out = Path(tempfile.mkdtemp()) / "map.png"
    build, g = timed(lambda: build_graph_from(people, orgs, ties, targets), repeats)
    lay_t, lay = timed(lambda: ego_layout(g), repeats)
    save_t, _ = timed(lambda: save_map(None, out, graph=g, layout=lay), repeats)
    result = {"n": n, "build": build, "layout": lay_t, "save": save_t,
              "total": build + lay_t + save_t, "png_kb": out.stat().st_size // 1024}
    if n in BASELINE_SIZES:
        h = simple_undirected(g)

        def plain():
            pos = plain_layout(h)
            fig, ax = plt.subplots(figsize=(32 / 3, 8), dpi=150)
            nx.draw(h, pos, ax=ax, node_size=20)
            fig.savefig(out.with_name("plain.png"))
            plt.close(fig)

        result["plain"], _ = timed(plain, 3 if n <= 100 else 1)
    result["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return result


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[100, 1000, 5000, 20000])
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.one:
        print(json.dumps(run_size(args.one)))
        return 0
    print(f"{'contacts':>8} {'build':>8} {'layout':>8} {'save PNG':>9} {'total':>8} "
          f"{'plain nx':>9} {'ratio':>7} {'peak MB':>8} {'PNG KB':>7}")
    for n in args.sizes:
        done = subprocess.run([sys.executable, __file__, "--one", str(n)], capture_output=True,
                              text=True, check=True)
        r = json.loads(done.stdout.strip().splitlines()[-1])
        plain = f"{r['plain']:9.2f}" if "plain" in r else f"{'-':>9}"
        ratio = f"{r['plain'] / r['total']:6.1f}x" if "plain" in r else f"{'-':>7}"
        print(f"{n:>8,} {r['build']:8.3f} {r['layout']:8.3f} {r['save']:9.3f} {r['total']:8.3f} "
              f"{plain} {ratio} {r['peak_mb']:8.0f} {r['png_kb']:7}", flush=True)
    print("seconds, medians; 'plain nx' = nx.spring_layout + nx.draw + savefig on the same "
          "graph (undirected); ratio = plain / ours; peak MB = max RSS of the whole process.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
