"""The class dashboard as PNG charts, an HTML page and summary.json.

matplotlib is imported inside the functions (Figure objects, no pyplot state), so importing
infoview_lib stays quick. Every text that came from a student file is HTML-escaped.

Example:
    >>> import tempfile, pathlib
    >>> from infoview_lib.classroom.report import write_sample_folder
    >>> tmp = pathlib.Path(tempfile.mkdtemp())
    >>> _ = write_sample_folder(tmp / "in", 6)
    >>> result = build_report([tmp / "in"], tmp / "out")
    >>> result.summary["students"], len(result.problems), result.html.name
    (6, 8, 'index.html')
"""

from __future__ import annotations

import csv
import html
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..steps import STEPS
from ..text import plural
from ..workbook.errors import ExportError
from .class_rows import Row, read_roster, roster_summary, student_rows
from .report import Problem, read_submissions, summarise

BLUE, ORANGE, GREEN, GREY = "#0072B2", "#E69F00", "#009E73", "#999999"  # Okabe-Ito


@dataclass
class ReportResult:
    summary: dict[str, Any]
    problems: list[Problem]
    html: Path
    charts: dict[str, Path] = field(default_factory=dict)


def _bar(ax, labels: list[str], values: list[float], colour: str, horizontal: bool = False):
    if horizontal:
        ax.barh(labels[::-1], values[::-1], color=colour)
        for y, v in enumerate(values[::-1]):
            ax.text(v, y, f" {v:g}", va="center", fontsize=8)
    else:
        ax.bar(labels, values, color=colour)
        ax.tick_params(axis="x", labelrotation=45 if len(labels) > 5 else 0, labelsize=8)
        for x, v in enumerate(values):
            ax.text(x, v, f"{v:g}", ha="center", va="bottom", fontsize=8)
    ax.spines[["top", "right"]].set_visible(False)


def chart_specs(summary: dict[str, Any]) -> dict[str, tuple]:
    """name -> (title, labels, values, colour, horizontal) for every chart with data."""
    f = summary["funnel"]
    specs = {
        "categories": ("People listed per category", list(summary["by_category"]),
                       list(summary["by_category"].values()), BLUE, False),
        "ties": ("Tie strength (Granovetter)", list(summary["by_tie_strength"]),
                 list(summary["by_tie_strength"].values()), ORANGE, False),
        "funnel": ("Outreach funnel (whole class)", list(f)[1:], list(f.values())[1:], GREEN,
                   True),
        "meetings": ("Meetings", ["planned", "held", "thank-you sent"],
                     list(summary["meetings"].values()), BLUE, False),
        "fields": ("Most common target fields (students)",
                   [name for name, _ in summary["top_fields"]],
                   [n for _, n in summary["top_fields"]], ORANGE, True),
        "steps": ("Students who finished each step", [f"step {n}" for n in
                  summary["steps_done"]], list(summary["steps_done"].values()), GREY, False),
    }
    return {k: v for k, v in specs.items() if v[1] and any(v[2])}


def draw_charts(summary: dict[str, Any], out: Path, dpi: int = 110) -> dict[str, Path]:
    """One PNG per chart in `out`; returns name -> path."""
    from matplotlib import rc_context  # heavy: matplotlib only when drawing the charts
    from matplotlib.figure import Figure  # heavy: as above

    paths = {}
    for name, (title, labels, values, colour, horizontal) in chart_specs(summary).items():
        with rc_context({"text.parse_math": False}):  # a '$' in a field name is just text
            fig = Figure(figsize=(6.4, 3.6), layout="constrained")
            ax = fig.add_subplot()
            _bar(ax, labels, values, colour, horizontal)
            ax.set_title(title, fontsize=11)
            paths[name] = out / f"{name}.png"
            fig.savefig(paths[name], dpi=dpi)
    return paths


def _pct(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.0%}"


def render_html(summary: dict[str, Any], problems: list[Problem],
                charts: dict[str, Path]) -> str:
    """The dashboard page (charts referenced by file name, next to the page)."""
    e = html.escape
    s, f = summary, summary["funnel"]
    facts = [
        ("Students", s["students"]),
        ("People listed", f"{s['people']['total']} (median {s['people']['median']:g} per "
                          f"student, {s['people']['min']}-{s['people']['max']})"),
        ("Contacted", f"{f['contacted']} by {plural(s['students_contacting'], 'student')}"),
        ("Reply rate", f"{_pct(s['reply_rate'])} overall, median {_pct(s['reply_rate_median'])}"
                       " per student (20-40% is normal: Dalton, The 2-Hour Job Search)"),
        ("Meetings held", f"{s['meetings']['held']} "
                          f"({plural(s['students_with_meeting_held'], 'student')}), "
                          f"{plural(s['meetings']['thanked'], 'thank-you note')}"),
    ]
    rows = "".join(f"<tr><th>{e(k)}</th><td>{e(str(v))}</td></tr>" for k, v in facts)
    fields = "".join(f"<li>{e(name)}: {n}</li>" for name, n in s["top_fields"]) or "<li>none</li>"
    images = "".join(f"<figure><img src='{e(p.name)}' alt='{e(name)} chart'></figure>"
                     for name, p in charts.items())
    table = students_html(summary.get("rows", []), summary.get("hand_ins", {}))
    skipped = "".join(f"<li>{e(str(p))}</li>" for p in problems)
    skipped_html = (f"<h2>Skipped files ({len(problems)})</h2><ul class='problems'>{skipped}"
                    "</ul>" if problems else "<p>No file was skipped.</p>")
    return (
        "<!doctype html><html><head><meta charset='utf-8'><title>Class summary</title>"
        "<style>body{font-family:sans-serif;max-width:60em;margin:2em auto}"
        "th{text-align:left;padding-right:1em}figure{display:inline-block;margin:.5em}"
        "img{max-width:28em}td,th{padding:.1em .6em}.late{color:#b35900}"
        ".missing{color:#cf222e}</style></head><body>"
        "<h1>Class summary</h1><p>Made from anonymised progress files: counts only, no "
        f"names.</p><table>{rows}</table><h2>Most common target fields</h2><ul>{fields}</ul>"
        f"{table}{images}{skipped_html}</body></html>"
    )


STEP_WORDS = {0: "not started", **{st.number: f"{st.number} {st.title}" for st in STEPS}}


def students_html(rows: list[dict], hand_ins: dict) -> str:
    """One row per student, least far along first; missing and late ones marked."""
    if not rows:
        return ""
    e = html.escape
    head = ("<tr><th>Student id</th><th>Handed in</th><th>Furthest step</th><th>Contacted"
            "</th><th>Replied</th><th>Met</th><th>Data</th><th></th></tr>")
    body = []
    for r in rows:
        mark, css = ("not handed in", "missing") if r["missing"] else (
            ("late", "late") if r["late"] else ("", ""))
        cells = ([r["id"], "", "", "", "", "", ""] if r["missing"] else
                 [r["id"], r["handed_in"], STEP_WORDS.get(r["furthest_step"], ""),
                  r["contacted"], r["replied"], r["met"], r["data"]])
        body.append(f"<tr class='{css}'>" + "".join(f"<td>{e(str(c))}</td>" for c in cells)
                    + f"<td>{e(mark)}</td></tr>")
    counts = ", ".join(f"{e(k.replace('_', ' '))}: {v}" for k, v in hand_ins.items())
    return (f"<h2>Each student</h2><p>{counts}. Ids are the start of each progress file's "
            "random id: no names.</p><table class='students'>" + head + "".join(body)
            + "</table>")


def build_report(paths: Iterable[str | Path], out_dir: str | Path, due: str | None = None,
                 roster: str | Path | None = None) -> ReportResult:
    """Read every submission, then write index.html, summary.json, students.csv and the PNG
    charts. `due` (YYYY-MM-DD) flags late hand-ins; `roster` (a file of expected ids, or a
    number) lists who has not handed in."""
    expected_ids, expected = read_roster(roster) if roster else ([], None)
    subs, problems = read_submissions(paths)
    summary = summarise(subs)
    rows = student_rows(subs, due, expected_ids)
    summary["rows"] = [r.as_dict() for r in rows]
    summary["hand_ins"] = roster_summary(rows, expected)
    out = Path(out_dir)
    try:
        out.mkdir(parents=True, exist_ok=True)
        charts = draw_charts(summary, out) if subs else {}
        page = out / "index.html"
        page.write_text(render_html(summary, problems, charts), encoding="utf-8")
        dump = {**summary, "skipped": [str(p) for p in problems]}
        (out / "summary.json").write_text(json.dumps(dump, indent=1), encoding="utf-8")
        with (out / "students.csv").open("w", newline="", encoding="utf-8") as handle:
            writer = csv.DictWriter(handle, fieldnames=list(Row.__dataclass_fields__))
            writer.writeheader()
            writer.writerows(summary["rows"])
    except OSError as err:
        raise ExportError(f"Cannot write the class report to {out} ({err.strerror}); choose "
                          "a folder you may write to with --out.") from err
    return ReportResult(summary, problems, page, charts)
