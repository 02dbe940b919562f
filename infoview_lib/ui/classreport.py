"""The instructor's class-summary panel: pick a folder of handed-in files, build the report.

With no folder it shows 40 made-up submissions (written to a temporary folder), so the
notebook always runs from a fresh kernel and shows what a class report looks like.
"""

from __future__ import annotations

import html
import tempfile
from pathlib import Path

import ipywidgets as w

from ..classroom.report import expand, write_sample_folder
from ..classroom.report_render import build_report, chart_specs, students_html
from ..text import plural
from ..workbook.errors import ValidationError
from ..workbook.paths import default_exports_dir, project_dir
from .common import (
    AltImage,
    Panel,
    StatusLine,
    button,
    hooked,
    reports_errors,
    text_input,
    title,
)
from .form_button import FormButton


def chart_alt(heading: str, labels, values) -> str:
    """A chart's alt text: its title and every bar's number.

    >>> chart_alt("Ties", ["often", "rarely"], [3, 5])
    'Bar chart, Ties: often 3, rarely 5.'
    """
    bars = ", ".join(f"{label} {value:g}" for label, value in zip(labels, values, strict=True))
    return f"Bar chart, {heading}: {bars}."


def summary_html(summary: dict) -> str:
    """The headline numbers as a small table."""
    f, m = summary["funnel"], summary["meetings"]
    rate = summary["reply_rate"]
    rows = [
        ("Students", summary["students"]),
        ("People listed", f"{summary['people']['total']} (median "
                          f"{summary['people']['median']:g} each)"),
        ("Contacted / replied", f"{f['contacted']} / {f['replied']}"
                                + (f" ({rate:.0%} reply rate)" if rate is not None else "")),
        ("Meetings held", f"{m['held']} of {m['planned']} planned; {m['thanked']} thanked"),
        ("Top fields", ", ".join(name for name, _ in summary["top_fields"][:5]) or "none"),
    ]
    body = "".join(f"<tr><th style='text-align:left;padding-right:1em'>{html.escape(k)}</th>"
                   f"<td>{html.escape(str(v))}</td></tr>" for k, v in rows)
    return f"<table class='iv-class-table'>{body}</table>"


def find_folder(typed: str) -> Path:
    """The folder typed: as given (~ expanded), else relative to the project folder, which
    is where an instructor usually means when the notebook runs in notebooks/instructor/."""
    path = Path(typed).expanduser()
    if path.exists():
        return path
    if not path.is_absolute() and (project_dir() / path).exists():
        return project_dir() / path
    raise ValidationError(f"There is no folder {typed!r}. Type the full path of the folder "
                          "that holds the handed-in files (or click 'Show sample data').")


class ClassReportPanel(Panel):
    """Build the anonymous class dashboard from a folder of progress files."""

    def __init__(self, folder: str | Path = "", out: str | Path = ""):
        self.status = StatusLine()
        self.folder = text_input("folder of progress.json / .zip files", "iv-class-folder",
                                 "Folder", width="40em")
        self.folder.value = str(folder)
        self.out = text_input("where to save the report", "iv-class-out", "Save to",
                              width="40em")
        self.out.value = str(out or default_exports_dir() / "class-report")
        self.due = text_input("due date, YYYY-MM-DD (optional)", "iv-class-due", "Due",
                              width="20em")
        self.roster = text_input("roster file of student ids, or a number (optional)",
                                 "iv-class-roster", "Roster", width="40em")
        self.build_button = FormButton(  # the paths typed travel with the click, every letter
            "Build the report", "iv-class-build", "primary",
            [self.folder, self.out, self.due, self.roster])
        self.sample_button = button("Show sample data", "iv-class-sample")
        self.build_button.on_click(self.build)
        self.sample_button.on_click(self.sample)
        self.summary = hooked(w.HTML(), "iv-class-summary")
        self.skipped = hooked(w.HTML(), "iv-class-skipped")
        self.students = hooked(w.HTML(), "iv-class-students")
        self.charts = hooked(w.Box(layout=w.Layout(flex_flow="row wrap")), "iv-class-charts")
        self.result = None
        self.widget = hooked(w.VBox([
            title("Handed-in files"), self.folder, self.out, self.due, self.roster,
            w.HBox([self.build_button, self.sample_button]), self.status.widget,
            title("The class"), self.summary, self.students, self.charts, self.skipped,
        ]), "iv-class-report")
        if str(folder).strip():
            self.build()
        else:
            self.sample()

    def _roster(self) -> Path | None:
        """The roster typed: a file, or a number written to one beside the report."""
        typed = self.roster.value.strip()
        if not typed:
            return None
        if typed.isdigit():
            path = Path(tempfile.mkdtemp(prefix="infoview-roster-")) / "roster.txt"
            path.write_text(typed + "\n", encoding="utf-8")
            return path
        path = Path(typed).expanduser()
        if not path.is_file() and not path.is_absolute() and (project_dir() / path).is_file():
            path = project_dir() / path
        if not path.is_file():
            raise ValidationError(f"There is no roster file {typed!r}. Type the path of a text "
                                  "file with one student id per line, or just the number of "
                                  "students you expect.")
        return path

    def _show(self, folder: Path, out: Path, due: str = "", roster: Path | None = None) -> None:
        for b in (self.build_button, self.sample_button):
            b.disabled = True
        self.result = result = build_report([folder], out, due=due or None, roster=roster)
        self.summary.value = summary_html(result.summary)
        self.students.value = students_html(result.summary["rows"], result.summary["hand_ins"])
        specs = chart_specs(result.summary)
        self.charts.children = [
            hooked(AltImage(value=p.read_bytes(), alt=chart_alt(*specs[name][:3]),
                            layout=w.Layout(width="32em")), f"iv-chart-{name}")
            for name, p in result.charts.items()]
        problems = "".join(f"<li>{html.escape(str(p))}</li>" for p in result.problems)
        self.skipped.value = (f"<b>Skipped ({len(result.problems)})</b><ul>{problems}</ul>"
                              if problems else "")
        for b in (self.build_button, self.sample_button):
            b.disabled = False

    @reports_errors
    def build(self, _=None) -> None:
        typed = self.folder.value.strip()
        if not typed:
            raise ValidationError("Type the folder where you saved the students' progress "
                                  "files (or click 'Show sample data').")
        folder = find_folder(typed)
        if not expand([folder]):
            raise ValidationError(
                f"No file in {folder} (sub-folders included). Students hand in "
                "exports/for-instructor/infoview-anonymised.zip from the 'For your instructor' "
                "button in 07_export_and_share.ipynb.")
        out = Path(self.out.value.strip() or default_exports_dir() / "class-report")
        self._show(folder, out.expanduser(), self.due.value.strip(), self._roster())
        n = self.result.summary["students"]
        if not n:
            self.status.warn(f"None of the files in {folder} is a usable progress file; the "
                             "list below says why each was skipped.")
        else:
            self.status.ok(f"Report for {plural(n, 'student')} saved to {self.result.html}.")

    @reports_errors
    def sample(self, _=None) -> None:
        tmp = Path(tempfile.mkdtemp(prefix="infoview-class-"))
        write_sample_folder(tmp / "handed-in", 40)
        self._show(tmp / "handed-in", tmp / "report")
        self.status.ok("Sample data: 40 made-up students plus 8 files with mistakes, which "
                       "are skipped (a practice report in a temporary folder). Type your own "
                       "folder above and click 'Build the report' for your class.")
