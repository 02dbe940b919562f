"""Benchmark: import a synthetic 20,000-row LinkedIn Connections.csv, then import it again.

  import   parse + merge into an EMPTY workbook (everyone added; one transaction)
  again    the same file into the workbook that already holds them (everyone merged)
  scaling  `again` at 5,000 / 10,000 / 20,000 rows: time per row should stay flat (the merge
           looks people up in dicts, it never compares every pair)

Named baselines, run in the same process on the same synthetic data (smaller, because they
are slow):
  naive-add     pandas.read_csv(skiprows=3) + one Workbook.add per row (one transaction each)
  naive-merge   the re-import done by comparing each incoming row with every stored contact
                (the quadratic approach the index replaces), on the same rows
Ratios are baseline time per row / ours per row. Medians over several runs.

Run:  .venv/bin/python benchmarks/import_linkedin.py [--rows 20000] [--repeats 5] [--clock cpu]
"""

from __future__ import annotations

import argparse
import io
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from infoview_lib.importers import merge_results, name_key, parse_contacts  # noqa: E402
from infoview_lib.workbook.model import Contact  # noqa: E402
from infoview_lib.workbook.store import open_workbook  # noqa: E402

FIRST = ["Ada", "Bo", "Chloé", "Dmitri", "Eun-ji", "Farah", "Gus", "Hana", "Ivo", "Jun", "Kemi",
         "Luis", "Mei", "Nia", "Omar", "Priya", "Quinn", "Rosa", "Sven", "Tariq", "Uma", "Zoë"]
LAST = ["Okafor", "Chen", "Marchand", "Ivanov", "Park", "Haddad", "Lund", "Sato", "Novak",
        "Rivera", "Adeyemi", "Gómez", "Wang", "Bello", "Nasser", "Raman", "Byrne", "Delgado"]
COMPANIES = [f"Company {i}" for i in range(600)] + ['"Figma, Inc."', "Blue Heron Labs"]
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def synthetic_export(rows: int, seed: int = 7) -> bytes:
    """A LinkedIn export with the Notes preamble, BOM and CRLF; unique names and URLs."""
    rng = random.Random(seed)
    out = io.StringIO()
    out.write('Notes:\r\n"When exporting your connection data, some e-mail addresses may be '
              'missing."\r\n\r\nFirst Name,Last Name,URL,Email Address,Company,Position,'
              'Connected On\r\n')
    for i in range(rows):
        first, last = rng.choice(FIRST), f"{rng.choice(LAST)}-{i}"
        email = f"{first.lower()}.{i}@example.org" if rng.random() < 0.02 else ""
        out.write(f"{first},{last},https://www.linkedin.com/in/{first.lower()}-{i},{email},"
                  f"{rng.choice(COMPANIES)},\"VP, Thing {i % 40}\","
                  f"{rng.randint(1, 28):02d} {rng.choice(MONTHS)} {rng.randint(2010, 2026)}\r\n")
    return b"\xef\xbb\xbf" + out.getvalue().encode("utf-8")


CLOCK = time.perf_counter  # --clock cpu: time.process_time, for a machine shared with others


def timed(fn) -> float:
    start = CLOCK()
    fn()
    return CLOCK() - start


def ours_import(data: bytes, folder: Path, tag: str) -> tuple[float, float]:
    """(import into empty, import again) seconds for one fresh workbook."""
    wb = open_workbook(folder / f"{tag}.sqlite")
    try:
        first = timed(lambda: merge_results(wb, [parse_contacts(data, "Connections.csv")]))
        summary = []
        again = timed(lambda: summary.append(
            merge_results(wb, [parse_contacts(data, "Connections.csv")])))
        assert summary[0].added == 0 and summary[0].merged > 0, "second import added people"
        return first, again
    finally:
        wb.close()


def naive_add(data: bytes, folder: Path) -> float:
    """pandas.read_csv + Workbook.add row by row."""
    import pandas as pd

    wb = open_workbook(folder / "naive.sqlite")

    def run():
        frame = pd.read_csv(io.BytesIO(data), skiprows=3, encoding="utf-8-sig", dtype=str,
                            keep_default_na=False)
        for row in frame.itertuples(index=False):
            wb.add(Contact(first_name=row[0], last_name=row[1], linkedin_url=row[2],
                           emails=[row[3]] if row[3] else [], organization=row[4],
                           title=row[5], sources=["linkedin"]))

    try:
        return timed(run)
    finally:
        wb.close()


def naive_merge(data: bytes, folder: Path) -> float:
    """Re-import by scanning every stored contact for each incoming row (quadratic)."""
    wb = open_workbook(folder / "naive-merge.sqlite")
    merge_results(wb, [parse_contacts(data, "Connections.csv")])

    def run():
        stored = wb.contacts()
        for _, incoming in parse_contacts(data, "Connections.csv").contacts:
            key = name_key(incoming.name)
            for person in stored:
                if (person.linkedin_url == incoming.linkedin_url
                        or name_key(person.name) == key):
                    break

    try:
        return timed(run)
    finally:
        wb.close()


def subfolder(folder: Path, name: str) -> Path:
    path = folder / name
    path.mkdir()
    return path


def median(values) -> float:
    return statistics.median(values)


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=20000)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--baseline-rows", type=int, default=2000)
    parser.add_argument("--clock", choices=("wall", "cpu"), default="wall",
                        help="cpu: this process's CPU seconds (steady when other programs "
                             "load the machine; leaves out waiting for the disk)")
    args = parser.parse_args(argv)
    global CLOCK
    CLOCK = time.process_time if args.clock == "cpu" else time.perf_counter
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        data = synthetic_export(args.rows)
        runs = [ours_import(data, folder, f"ours{i}") for i in range(args.repeats)]
        first, again = median([r[0] for r in runs]), median([r[1] for r in runs])
        print(f"ours   {args.rows:>6} rows  import into empty: median {first:.3f} s   "
              f"again (all merges): median {again:.3f} s   ({args.repeats} runs)")

        print("scaling (again, all merges):")
        per_row = {}
        for rows in (args.rows // 4, args.rows // 2, args.rows):
            small = synthetic_export(rows)
            t = median([ours_import(small, folder, f"s{rows}-{i}")[1] for i in range(3)])
            per_row[rows] = t / rows
            print(f"  {rows:>6} rows  {t:.3f} s  {1e6 * t / rows:.1f} µs/row")
        sizes = sorted(per_row)
        print(f"  per-row time {sizes[-1]} vs {sizes[0]} rows: "
              f"x{per_row[sizes[-1]] / per_row[sizes[0]]:.2f} (1.0 = linear; 4.0 = quadratic)")

        n = args.baseline_rows
        small = synthetic_export(n)
        ours_small = [ours_import(small, folder, f"b{i}") for i in range(3)]
        ours_first, ours_again = median([r[0] for r in ours_small]), median(
            [r[1] for r in ours_small])
        naive = median([naive_add(small, subfolder(folder, f"n{i}")) for i in range(3)])
        quad = median([naive_merge(small, subfolder(folder, f"q{i}")) for i in range(3)])
        print(f"baseline naive-add   {n} rows: median {naive:.3f} s vs ours {ours_first:.3f} s "
              f"-> ours is x{naive / ours_first:.1f} faster")
        print(f"baseline naive-merge {n} rows: median {quad:.3f} s (matching only) vs ours "
              f"{ours_again:.3f} s (parse + match + write) -> x{quad / ours_again:.1f}; the "
              f"quadratic one grows with rows², ~x{(args.rows / n) ** 2:.0f} at {args.rows}")


if __name__ == "__main__":
    main()
