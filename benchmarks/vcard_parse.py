"""Benchmark: parse vCard 2.1 files full of photos and quoted-printable notes, 1 to 10 MB.

Each card has a 2.1 base64 PHOTO block (76-character lines, as Android and Outlook write
them) and a quoted-printable NOTE with soft line breaks - the two shapes that made the old
parser quadratic (a 385 KB card with one photo took 69 s). Time per MB must stay flat.

Named baseline, in the same process on the same kind of file: `before`, infoview's vCard
parser as of commit 17d0be5 (read from git), which joined folded lines with `+=` and
rescanned the growing line for every continuation. It is quadratic, so it runs on small
files only (0.1-0.4 MB); the ratio compares time per MB at the largest size both ran.
(vobject 0.9.9 is not a usable baseline: it stops at the first 2.1 quoted-printable soft
line break with "Failed to parse line".) Medians over several runs.

Run:  .venv/bin/python benchmarks/vcard_parse.py [--sizes 1,2,5,10] [--repeats 3]
"""

from __future__ import annotations

import argparse
import base64
import random
import statistics
import subprocess
import sys
import time
import types
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from infoview_lib.importers import parse_vcard  # noqa: E402


def card(i: int, rng: random.Random, photo_bytes: int) -> str:
    photo = base64.b64encode(rng.randbytes(photo_bytes)).decode()
    lines = "\r\n".join(photo[j:j + 76] for j in range(0, len(photo), 76))
    note = ("Met at the careers fair; asked about analytics roles. Zoë said to write in May. "
            * 6).encode("utf-8")
    qp = "".join(f"={b:02X}" if b > 126 or b in (61,) else chr(b) for b in note)
    soft = "=\r\n".join(qp[j:j + 72] for j in range(0, len(qp), 72))
    return (f"BEGIN:VCARD\r\nVERSION:2.1\r\nN:Example-{i};Ada;;;\r\nFN:Ada Example-{i}\r\n"
            f"TEL;CELL;PREF:+44 7700 900{i % 1000:03d}\r\nEMAIL;INTERNET:ada.{i}@example.org\r\n"
            f"NOTE;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:{soft}\r\n"
            f"PHOTO;ENCODING=BASE64;JPEG:{lines}\r\n\r\nEND:VCARD\r\n")


def vcard_file(megabytes: float, seed: int = 5, photo_bytes: int = 30_000) -> bytes:
    rng = random.Random(seed)
    out, size, i = [], 0, 0
    while size < megabytes * 1_000_000:
        text = card(i, rng, photo_bytes)
        out.append(text)
        size += len(text)
        i += 1
    return "".join(out).encode("utf-8")


def median_time(fn, repeats: int) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


BASELINE_COMMIT = "17d0be5"


def baseline_parser():
    """parse_vcard as it was at BASELINE_COMMIT, loaded from git into a throwaway module."""
    source = subprocess.run(
        ["git", "-C", str(ROOT), "show", f"{BASELINE_COMMIT}:infoview_lib/importers/vcard.py"],
        check=True, capture_output=True, text=True).stdout
    module = types.ModuleType("infoview_lib.importers._vcard_before")
    module.__package__ = "infoview_lib.importers"
    exec(compile(source, "vcard_before.py", "exec"), module.__dict__)  # noqa: S102
    return module.parse_vcard


def row(label: str, data: bytes, parse, repeats: int) -> float:
    result = parse(data, "bench.vcf")
    assert not result.errors and result.contacts, result.errors[:3]
    seconds = median_time(lambda: parse(data, "bench.vcf"), repeats)
    size = len(data) / 1_000_000
    print(f"{label:>7} {size:5.2f} {len(result.contacts):6d} {seconds:9.3f} "
          f"{seconds / size:8.3f}")
    return seconds / size


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="1,2,5,10")
    parser.add_argument("--baseline-sizes", default="0.1,0.2,0.4")
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    before = baseline_parser()
    print(f"{'parser':>7} {'MB':>5} {'cards':>6} {'seconds':>9} {'s per MB':>8}")
    base = ours_small = 0.0
    for mb in (float(s) for s in args.baseline_sizes.split(",")):
        data = vcard_file(mb)
        base = row("before", data, before, 1)
        ours_small = row("ours", data, parse_vcard, args.repeats)
    per_mb = [row("ours", vcard_file(float(s)), parse_vcard, args.repeats)
              for s in args.sizes.split(",")]
    print("one card whose photo is 1 MB of base64 (the shape that took the old parser minutes):")
    row("ours", vcard_file(0.5, photo_bytes=800_000), parse_vcard, args.repeats)
    print(f"ours: s per MB from {args.sizes.split(',')[0]} to {args.sizes.split(',')[-1]} MB "
          f"changes x{per_mb[-1] / per_mb[0]:.2f} (flat = 1.0)")
    print(f"ratio before/ours, s per MB at {args.baseline_sizes.split(',')[-1]} MB: "
          f"{base / ours_small:.0f}x")


if __name__ == "__main__":
    main()
