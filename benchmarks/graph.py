"""Benchmark: `infoview graph --out map.png` as a whole process, imports included.

Synthetic ego networks (fixed seed): contacts in the protocol's categories with a tie
strength, ~N/8 organizations, ~N/20 referrals (introduced-by), ~N/10 contact-contact ties,
5 targets, stored in a workbook. For each size (0, 1,000, 5,000, 20,000 contacts) the command
runs REPEATS times in a fresh process; we report the median wall time and the peak memory
(max RSS of that process, from os.wait4). The baseline, in the same run at 1,000 contacts, is
the plain networkx route as a whole process too: read the same workbook, nx.spring_layout +
nx.draw + savefig PNG, run in turns with ours (ours, plain, ours, plain, ...) so a shared
machine's slower moments fall on both. ratio = baseline / ours.

Run:  .venv/bin/python benchmarks/graph.py                (all sizes)
      .venv/bin/python benchmarks/graph.py --sizes 0 1000
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

REPEATS = 3
BASELINE_AT = 1000
PLAIN = """
import sys
import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
import networkx as nx
from infoview_lib.workbook.store import open_workbook
from infoview_lib.map.network import build_graph, simple_undirected
h = simple_undirected(build_graph(open_workbook(sys.argv[1], create=False)))
try:
    import scipy  # noqa: F401  (networkx needs it for spring_layout from 500 nodes)
    pos = nx.spring_layout(h, seed=1)
except ImportError:  # the same Fruchterman-Reingold with networkx's dense numpy solver
    from networkx.drawing.layout import _fruchterman_reingold, rescale_layout
    pos = dict(zip(h, rescale_layout(_fruchterman_reingold(nx.to_numpy_array(h), None, None,
                                                              None, 50, 1e-4, 2, 1))))
fig, ax = plt.subplots(figsize=(32 / 3, 8), dpi=150)
nx.draw(h, pos, ax=ax, node_size=20)
fig.savefig(sys.argv[2])
"""


def synthetic(n: int, seed: int = 42):
    """Records for an ego network of n contacts: (contacts, organizations, ties, targets)."""
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
    for person in rng.sample(people[1:], n // 20) if n >= 20 else []:
        person.introduced_by = rng.randrange(1, person.id)  # someone added before them
    ties = {tuple(sorted(rng.sample(range(1, n + 1), 2))) for _ in range(n // 10)}
    ties = [Tie(id=k + 1, a=a, b=b) for k, (a, b) in enumerate(sorted(ties))]
    targets = [Target(id=1, name="UX research"), Target(id=2, name="Health", kind="industry"),
               Target(id=3, name="Org 00001", kind="company", organization="Org 00001"),
               Target(id=4, name="Teaching", keywords=["teacher"]),
               Target(id=5, name="Banking", kind="industry")]
    return people, orgs if n else [], ties, targets if n else []


def make_workbook(folder: Path, n: int) -> Path:
    from infoview_lib.workbook.store import open_workbook

    path = folder / f"w{n}.sqlite"
    people, orgs, ties, targets = synthetic(n)
    with open_workbook(path) as wb:
        for records in (orgs, people, ties, targets):
            if records:
                wb.add_many(records)
    return path


def run(argv: list[str]) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds (user + system: less sensitive to a busy machine) and peak
    RSS in MB of one whole process."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "MPLBACKEND": "Agg"}
    start = time.perf_counter()
    proc = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{' '.join(argv)} failed: {proc.stderr.read().decode()[-500:]}")
    proc.stderr.close()
    return seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def measure(argv: list[str], repeats: int) -> tuple[float, float, float]:
    """Median wall and CPU seconds and the largest peak RSS of `repeats` runs."""
    return measure_in_turns([argv], repeats)[0]


def measure_in_turns(commands: list[list[str]], repeats: int) -> list[tuple]:
    """measure() for each command, running them in turn (A, B, A, B, ...)."""
    runs = [[] for _ in commands]
    for _ in range(repeats):
        for i, argv in enumerate(commands):
            runs[i].append(run(argv))
    return [(statistics.median(r[0] for r in rs), statistics.median(r[1] for r in rs),
             max(r[2] for r in rs)) for rs in runs]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[0, 1000, 5000, 20000])
    parser.add_argument("--repeats", type=int, default=REPEATS)
    args = parser.parse_args(argv)
    py = sys.executable
    print(f"{'contacts':>8} {'wall s':>7} {'cpu s':>6} {'peak MB':>8} {'plain wall':>10} "
          f"{'plain cpu':>9} {'ratio':>6} {'load':>5}")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for n in args.sizes:
            wb = make_workbook(folder, n)
            out = folder / "map.png"
            command = [py, "-m", "infoview_lib", "graph", "--workbook", str(wb), "--out",
                       str(out)]
            plain = plain_cpu = ratio = "-"
            if n == BASELINE_AT:  # taking turns, so a machine slowing down slows both
                (ours, cpu, peak), (base, base_cpu, _) = measure_in_turns(
                    [command, [py, "-c", PLAIN, str(wb), str(folder / "plain.png")]],
                    args.repeats)
                plain, plain_cpu = f"{base:.2f}", f"{base_cpu:.2f}"
                ratio = f"{base / ours:.1f}x"
            else:
                ours, cpu, peak = measure(command, args.repeats)
            print(f"{n:>8,} {ours:7.2f} {cpu:6.2f} {peak:8.0f} {plain:>10} {plain_cpu:>9} "
                  f"{ratio:>6} {os.getloadavg()[0]:5.1f}", flush=True)
    print("seconds, medians of whole processes (imports included); cpu = user + system; "
          "peak MB = max RSS; plain = read the workbook, nx.spring_layout + nx.draw + "
          "savefig; ratio = plain wall / ours; load = 1-minute load average (2 cores). "
          "The machine is shared: compare within one run.")
    if os.environ.get("PYTHONDONTWRITEBYTECODE") or sys.flags.dont_write_bytecode:
        print("PYTHONDONTWRITEBYTECODE is set: every run compiles the package's ~30 modules "
              "from source (an installed package reads its .pyc files instead).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
