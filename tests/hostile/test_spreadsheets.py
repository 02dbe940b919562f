"""Smaller: no cell of any CSV the workbook writes can run as a spreadsheet formula, even
when the formula follows a line feed or spaces (network-edges.csv missed that)."""

from __future__ import annotations

import csv
import io

from infoview_lib.export import export_workbook
from infoview_lib.map.graph_files import write_csv
from infoview_lib.text import FORMULA_STARTS
from infoview_lib.workbook.model import Contact, Tie

PAYLOADS = ["=1+2", "\n=HYPERLINK(\"http://x\")", "\r\n@SUM(A1)", "  +1", "\t-2", "-3"]


def _cells(text: str):
    for row in csv.reader(io.StringIO(text)):
        yield from row


def test_no_csv_cell_starts_a_formula(wb, tmp_path):
    people = [wb.add(Contact(first_name=f"P{i}", last_name=p, notes=p, title=p,
                             organization=p.strip() + "Org", phones=[p]))
              for i, p in enumerate(PAYLOADS)]
    for a, b in zip(people, people[1:], strict=False):
        wb.add(Tie(a=a.id, b=b.id, note=b.last_name))
    files = write_csv(wb, tmp_path / "graph")
    export_workbook(wb, tmp_path / "out", formats="csv")
    files += list((tmp_path / "out" / "tables").glob("*.csv"))
    assert len(files) == 5
    seen = 0
    for path in files:
        for cell in _cells(path.read_text(encoding="utf-8-sig")):
            if cell.lstrip(" ").startswith(FORMULA_STARTS):
                raise AssertionError(f"{path.name}: {cell!r} would run as a formula")
            seen += cell.startswith("'")
    assert seen >= len(PAYLOADS) * 4  # names, notes, titles, phones, tie notes were quoted
