"""Class report on hostile sizes: the median time to read and build the report for 40
students whose files carry many categories, against a named baseline of 40 students with the
protocol's 12 categories; and the time to skip one 250 KB file with 20,000 categories (issue
15 measured 163 s for it before the caps).

Run:  .venv/bin/python benchmarks/class_report.py [--repeat 3]
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
from pathlib import Path

from infoview_lib.classroom.report import read_submissions, sample_submissions
from infoview_lib.classroom.report_render import build_report


def folder_with(n_categories: int | None, root: Path) -> Path:
    folder = root / f"cats-{n_categories}"
    folder.mkdir()
    for i, data in enumerate(sample_submissions(40, seed=5)):
        if n_categories is not None:
            data["people"]["by_category"] = {f"s{i}-c{j}": 1 for j in range(n_categories)}
        (folder / f"s{i}.json").write_text(json.dumps(data))
    return folder


def median_seconds(action, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        base = folder_with(None, root)
        baseline = median_seconds(lambda: build_report([base], root / "out-base"), args.repeat)
        print(f"baseline (40 students, 12 categories): median {baseline:.2f} s")
        for n in (100, 400):
            folder = folder_with(n, root)
            out = root / f"out-{n}"
            t = median_seconds(lambda f=folder, o=out: build_report([f], o), args.repeat)
            print(f"40 students x {n} categories ({40 * n:,} distinct): median {t:.2f} s, "
                  f"{t / baseline:.2f}x baseline")
        big = root / "big.json"
        data = sample_submissions(1)[0]
        data["people"]["by_category"] = {f"category-{j:05d}": 1 for j in range(20_000)}
        big.write_text(json.dumps(data))
        t = median_seconds(lambda: read_submissions([big]), args.repeat)
        print(f"one {big.stat().st_size // 1000} KB file with 20,000 categories: listed and "
              f"skipped in median {t:.3f} s")


if __name__ == "__main__":
    main()
