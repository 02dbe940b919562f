"""The start panel: where the workbook lives, the environment check, persona or blank,
and progress over the six steps."""

from __future__ import annotations

import html

import ipywidgets as w

from ..classroom.doctor import run_checks
from ..classroom.protocol import fit_persona_categories
from ..steps import step_progress
from ..workbook.personas import list_personas
from ..workbook.reset import clear_workbook, is_empty, start_from_persona
from ..workbook.store import Workbook
from .common import Panel, StatusLine, button, hooked, reports_errors, title


def progress_html(wb: Workbook) -> str:
    """The six steps as an HTML table with a bar each."""
    rows = []
    for step in step_progress(wb):
        pct = int(step.fraction * 100)
        mark = "&#10003;" if step.done else "&#9675;"
        rows.append(
            f"<tr><td>{mark}</td><td><b>Step {step.number}</b>: {html.escape(step.title)}</td>"
            f"<td><div style='width:120px;background:#eee;border-radius:3px'>"
            f"<div class='iv-bar' style='width:{pct}%;background:#0072B2;height:10px;"
            f"border-radius:3px'></div></div></td><td class='iv-step-detail'>"
            f"{html.escape(step.detail)}</td></tr>"
        )
    return "<table class='iv-progress-table'>" + "".join(rows) + "</table>"


def checks_html() -> str:
    """One green line when all is well; otherwise each problem with the command that fixes it."""
    checks = run_checks()
    bad = [c for c in checks if not c.ok]
    if not bad:
        return (f"<p class='iv-checks' style='color:#1a7f37'>&#10003; Everything the workbook needs "
                f"is installed ({len(checks)} checks passed).</p>")
    items = "".join(
        f"<li><b>{html.escape(c.name)}</b>: {html.escape(c.detail)}<br>Fix it by running "
        f"this in a terminal, then restart the kernel: <code>{html.escape(c.fix)}</code></li>"
        for c in bad
    )
    return f"<ul class='iv-checks' style='color:#cf222e'>{items}</ul>"


class StartPanel(Panel):
    """Pick a sample persona or start blank, and see progress."""

    def __init__(self, wb: Workbook, check_environment: bool = True):
        self.wb = wb
        self.status = StatusLine()
        personas = list_personas()
        self.persona = hooked(w.Dropdown(
            options=[(f"{p.id}: {p.description}", p.id) for p in personas],
            value=wb.setting("persona") or (personas[0].id if personas else None),
            description="Persona", layout=w.Layout(width="50em", max_width="100%")), "iv-persona")
        self.replace = hooked(w.Checkbox(
            value=False, description="Yes, replace what is in my workbook (a backup is made first)",
            layout=w.Layout(width="40em")), "iv-replace")
        self.load_button = button("Load this persona", "iv-load-persona", "primary")
        self.blank_button = button("Start blank", "iv-start-blank")
        self.load_button.on_click(self.load)
        self.blank_button.on_click(self.start_blank)
        self.progress = hooked(w.HTML(progress_html(wb)), "iv-progress")
        where = w.HTML(f"Your workbook file: <code class='iv-workbook-path'>"
                       f"{html.escape(str(wb.path))}</code>")
        parts = [title("Your workbook"), where]
        if check_environment:
            parts.append(w.HTML("<b>Environment check</b>" + checks_html()))
        parts += [
            title("Start"),
            w.HTML("Practise with a made-up person, or start your own list (blank)."),
            self.persona, self.replace, w.HBox([self.load_button, self.blank_button]),
            self.status.widget, title("Your progress"), self.progress,
        ]
        self.widget = hooked(w.VBox(parts), "iv-start")

    def refresh(self) -> None:
        self.progress.value = progress_html(self.wb)

    def _confirmed(self) -> bool:
        if is_empty(self.wb) or self.replace.value:
            return True
        self.status.warn("Your workbook already has people in it. Tick the box to replace them "
                         "(a backup is made first), then click again.")
        return False

    @reports_errors
    def load(self, _=None) -> None:
        if not self._confirmed():
            return
        counts = start_from_persona(self.wb, self.persona.value)
        fit_persona_categories(self.wb)  # the class's own categories, if custom
        self.replace.value = False
        self.refresh()
        self.status.ok(f"Loaded {self.persona.value}: {counts['contacts']} people and "
                       f"{counts['targets']} targets. Go on to step 1.")

    @reports_errors
    def start_blank(self, _=None) -> None:
        if not self._confirmed():
            return
        clear_workbook(self.wb)
        self.replace.value = False
        self.refresh()
        self.status.ok("Your workbook is empty and ready. Go on to step 1 to list people you know.")
