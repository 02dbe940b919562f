"""Step 2 panel, "what you want to know": goals, the ranked target list, and for the chosen
target who can point the user there (with reason and path) and whom to contact first.

Every edit is written to the workbook at once; the panel is rebuilt from the workbook.
CSS hooks: .iv-goal-<kind>, .iv-goal-text, .iv-target-table, .iv-target-pick, .iv-t-name,
.iv-t-kind, .iv-t-motivation, .iv-t-postings, .iv-t-organization, .iv-t-keywords,
.iv-t-learn, button.iv-add-target / .iv-save-target / .iv-remove-target, .iv-leads,
.iv-contact-first, .iv-ways-in.

Example (in a notebook):
    panel = TargetsPanel(open_workbook())
    panel
"""

from __future__ import annotations

import ipywidgets as w

from ..targets import TargetRow, contact_first, goals, ranked_targets, set_contact_first, set_goals
from ..text import shorten
from ..workbook.model import TARGET_KINDS, Contact, Target
from ..workbook.store import Workbook
from .common import Panel, StatusLine, hooked, named, reports_errors, title
from .target_form import LABELS, TargetForm
from .targets_html import LEADS_SHOWN, leads_html, targets_table  # noqa: F401

KIND_HELP = {"industry": "an industry (e.g. solar energy)", "company": "a specific company",
             "field": "a career field (e.g. UX research)"}
NEW = ("+ a new target (empty form)", None)


class TargetsPanel(TargetForm, Panel):
    """Goals, the ranked target list, and who leads to each target."""

    def __init__(self, wb: Workbook):
        self.wb = wb
        self.status = StatusLine()
        self.listeners: list = []
        self._just_added: int | None = None  # shown below while the form is empty again
        self._quiet = False
        self.rows: list[TargetRow] = []
        self._build_goals()
        self.table = hooked(w.HTML(), "iv-target-table-box")
        self.pick = hooked(w.Dropdown(description="Target", options=[], style=LABELS,
                                      layout=w.Layout(width="31em")), "iv-target-pick")
        self._build_form()
        self.pick.observe(self._picked, names="value")
        self._build_leads()
        self.widget = hooked(w.VBox(self._sections()), "iv-targets")
        self.refresh()

    def _build_goals(self) -> None:
        """What the user is exploring: kinds of target and a sentence, saved as they change."""
        g = goals(self.wb)
        self.goal_boxes = {
            kind: hooked(w.Checkbox(value=kind in g["kinds"], description=KIND_HELP[kind],
                                    indent=False, layout=w.Layout(width="24em")), f"iv-goal-{kind}")
            for kind in TARGET_KINDS}
        self.goal_text = named(hooked(w.Textarea(
            value=g["what_to_learn"], continuous_update=False, layout=w.Layout(width="40em"),
            placeholder="In a sentence or two: what do you want to find out?"), "iv-goal-text"),
            "What you want to find out")
        for box in self.goal_boxes.values():
            box.observe(self.save_goals, names="value")
        self.goal_text.observe(self.save_goals, names="value")

    def _build_leads(self) -> None:
        """Who can point the user to the target shown, and whom to contact first."""
        self.leads = hooked(w.HTML(), "iv-leads")
        self.all_leads = hooked(w.Checkbox(value=False, indent=False, description="show all",
                                           layout=w.Layout(width="auto")), "iv-all-leads")
        self.all_leads.observe(lambda _: self._show_leads(), names="value")
        self.first = hooked(w.Dropdown(description="Contact first", options=[("(not chosen)", None)],
                                       layout=w.Layout(width="30em"),
                                       style={"description_width": "initial"}), "iv-contact-first")
        self.first.observe(self._first_picked, names="value")

    def _sections(self) -> list[w.Widget]:
        return [
            title("What are you exploring?"),
            w.HBox(list(self.goal_boxes.values())), self.goal_text,
            title("Your targets"), self.table,
            w.HTML("<small>Pick a target to see or change it, or pick <i>+ a new target</i> "
                   "(an empty form), type it and click <b>Add as new target</b>.</small>"),
            self.pick,
            w.HBox([self.name, self.kind]), w.HBox([self.motivation, self.postings]),
            w.HBox([self.organization, self.keywords]), self.learn,
            w.HBox([self.add_button, self.save_button, self.remove_button]), self.status.widget,
            title("Who can point you there"), self.leads, self.all_leads, self.first,
        ]

    # -- building from the workbook -------------------------------------------------
    def on_change(self, callback) -> None:
        """Call callback() after every change to the targets (e.g. to redraw a map)."""
        self.listeners.append(callback)

    def link_map(self, map_panel) -> None:
        """Keep a TargetMapPanel (ui.network_map) in step: it redraws after every change
        and shows the target picked here."""

        def follow(_=None) -> None:
            if self._quiet or map_panel.target.value == self.pick.value:
                return
            if self.pick.value in [v for _, v in map_panel.target.options]:
                map_panel.target.value = self.pick.value   # redraws once

        def changed() -> None:
            map_panel.refresh(select=self.shown_id)   # one redraw, on the target shown

        self.on_change(changed)
        self.pick.observe(follow, names="value")

    def _changed(self) -> None:
        for callback in self.listeners:
            callback()

    def snapshot(self) -> tuple:
        """The targets offered and the one shown (Panel.catch_up compares them)."""
        return tuple(self.pick.options), self.pick.value, self._just_added

    def refresh(self, select: int | None = None) -> None:
        self.rows = ranked_targets(self.wb)
        self.table.value = targets_table(self.rows)
        current = select if select is not None else self.pick.value
        self._quiet = True
        try:
            self.pick.options = [NEW] + [(f"{r.rank}. {r.target.name}", r.target.id)
                                         for r in self.rows]
            ids = [r.target.id for r in self.rows]
            self.pick.value = current if current in ids else (
                None if select is None and current is None and self._just_added else
                ids[0] if ids else None)
        finally:
            self._quiet = False
        self._show_target()

    @property
    def shown_id(self) -> int | None:
        """The target whose leads are shown: the one picked, or the one just added."""
        return self.pick.value if self.pick.value is not None else self._just_added

    def _row(self, target_id: int | None = None) -> TargetRow | None:
        wanted = self.pick.value if target_id is None else target_id
        return next((r for r in self.rows if r.target.id == wanted), None)

    def _show_target(self) -> None:
        form = self._row()
        row = form or self._row(self._just_added)
        self._quiet = True
        try:
            self._fill_form(form.target if form is not None else None)
            self._fill_first(row)
        finally:
            self._quiet = False
        self._show_leads()

    def _fill_first(self, row: TargetRow | None) -> None:
        """The 'contact first' choices: the leads to the target shown, and the one picked."""
        options = [("(not chosen)", None)]
        self.all_leads.value = False
        if row is not None:
            options += [(shorten(f"{lead.name}: {lead.reason}"), lead.contact_id)
                        for lead in row.leads]
        self.first.options = options
        picked = contact_first(self.wb, row.target.id) if row else None
        ids = [v for _, v in options]
        self.first.value = picked.id if picked and picked.id in ids else None

    def _show_leads(self) -> None:
        row = self._row(self.shown_id)
        many = row is not None and len(row.leads) > LEADS_SHOWN
        self.all_leads.layout.display = "" if many else "none"
        if many:
            self.all_leads.description = f"show all {len(row.leads)}"
        self.leads.value = leads_html(row, len(self.wb.contacts()) if row is None else 1,
                                      None if self.all_leads.value else LEADS_SHOWN)

    # -- handlers -------------------------------------------------------------------
    @reports_errors
    def save_goals(self, _=None) -> None:
        kinds = [k for k, box in self.goal_boxes.items() if box.value]
        set_goals(self.wb, kinds, self.goal_text.value)
        self.status.ok("Saved what you are exploring.")

    @reports_errors
    def _first_picked(self, change) -> None:
        if self._quiet or self.shown_id is None:
            return
        set_contact_first(self.wb, self.shown_id, change["new"])
        target = self.wb.get(Target, self.shown_id)
        if change["new"] is None:
            self.status.ok(f"Cleared whom to contact first for {target.name}.")
        else:
            who = self.wb.get(Contact, change["new"]).name
            self.status.ok(f"{who} is first for {target.name}; step 3 starts with them.")
