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

from ..targets import (
    TargetRow,
    add_target,
    contact_first,
    goals,
    ranked_targets,
    remove_target,
    set_contact_first,
    set_goals,
    update_target,
)
from ..workbook.errors import InfoviewError, NotFound, ValidationError
from ..workbook.model import TARGET_KINDS, Contact, Target, target_organization
from ..workbook.store import Workbook
from .common import (
    Panel,
    StatusLine,
    button,
    choice,
    hooked,
    named,
    reports_errors,
    text_input,
    title,
)
from .targets_html import LEADS_SHOWN, _short, leads_html, targets_table  # noqa: F401

KIND_HELP = {"industry": "an industry (e.g. solar energy)", "company": "a specific company",
             "field": "a career field (e.g. UX research)"}
LABELS = {"description_width": "7em"}   # "Organization" fits; the boxes line up
NEW = ("+ a new target (empty form)", None)


class TargetsPanel(Panel):
    """Goals, the ranked target list, and who leads to each target."""

    def __init__(self, wb: Workbook):
        self.wb = wb
        self.status = StatusLine()
        self.listeners: list = []
        g = goals(wb)
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

        self.table = hooked(w.HTML(), "iv-target-table-box")
        self.pick = hooked(w.Dropdown(description="Target", options=[], style=LABELS,
                                      layout=w.Layout(width="31em")), "iv-target-pick")
        self.name = text_input("e.g. UX research, Northwind Solar", "iv-t-name", "Name", "26em")
        self.kind = hooked(w.Dropdown(options=TARGET_KINDS, value="field", description="Kind"),
                           "iv-t-kind")
        self.motivation = choice([(str(n), n) for n in range(1, 6)], value=3,  # named, keyboard
                                 css="iv-t-motivation", description="Motivation", style=LABELS)
        self.postings = hooked(w.Checkbox(value=False, description="Postings exist", indent=False),
                               "iv-t-postings")
        self.organization = text_input("company targets: its name", "iv-t-organization",
                                       "Organization", "26em")
        self.keywords = text_input("other words, comma-separated", "iv-t-keywords",
                                   "Keywords", "24em")
        self.learn = hooked(w.Textarea(placeholder="what you want to learn about it",
                                       description="Learn", rows=2,
                                       layout=w.Layout(width="50em")), "iv-t-learn")
        for box in (self.name, self.organization, self.learn):
            box.style.description_width = LABELS["description_width"]
        self.learn.layout.max_width = "100%"
        self.add_button = button("Add as new target", "iv-add-target", "primary")
        self.save_button = button("Save changes", "iv-save-target")
        self.remove_button = button("Remove", "iv-remove-target", "warning")
        self.add_button.on_click(self.add)
        self.save_button.on_click(self.save)
        self.remove_button.on_click(self.remove)
        self.pick.observe(self._picked, names="value")

        self.leads = hooked(w.HTML(), "iv-leads")
        self.all_leads = hooked(w.Checkbox(value=False, indent=False, description="show all",
                                           layout=w.Layout(width="auto")), "iv-all-leads")
        self.all_leads.observe(lambda _: self._show_leads(), names="value")
        self._just_added: int | None = None  # shown below while the form is empty again
        self.first = hooked(w.Dropdown(description="Contact first", options=[("(not chosen)", None)],
                                       layout=w.Layout(width="30em"),
                                       style={"description_width": "initial"}), "iv-contact-first")
        self.first.observe(self._first_picked, names="value")
        self._quiet = False
        self.rows: list[TargetRow] = []

        self.widget = hooked(w.VBox([
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
        ]), "iv-targets")
        self.refresh()

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
            t = form.target if form is not None else Target(name="-", kind="field")
            self.name.value = t.name if form is not None else ""
            self.kind.value = t.kind
            self.motivation.value, self.postings.value = max(t.motivation, 1), t.postings
            self.organization.value, self.learn.value = t.organization, t.what_to_learn
            self.keywords.value = ", ".join(t.keywords)
            self.save_button.disabled = self.remove_button.disabled = form is None
            options = [("(not chosen)", None)]
            self.all_leads.value = False
            if row is not None:
                options += [(_short(f"{lead.name}: {lead.reason}"), lead.contact_id)
                            for lead in row.leads]
            self.first.options = options
            picked = contact_first(self.wb, row.target.id) if row else None
            ids = [v for _, v in options]
            self.first.value = picked.id if picked and picked.id in ids else None
        finally:
            self._quiet = False
        self._show_leads()

    def _show_leads(self) -> None:
        row = self._row(self.shown_id)
        many = row is not None and len(row.leads) > LEADS_SHOWN
        self.all_leads.layout.display = "" if many else "none"
        if many:
            self.all_leads.description = f"show all {len(row.leads)}"
        self.leads.value = leads_html(row, len(self.wb.contacts()) if row is None else 1,
                                      None if self.all_leads.value else LEADS_SHOWN)

    def _form(self) -> dict:
        keywords = [k.strip() for k in self.keywords.value.split(",") if k.strip()]
        return dict(name=self.name.value, kind=self.kind.value, motivation=self.motivation.value,
                    postings=self.postings.value, organization=self.organization.value.strip(),
                    what_to_learn=self.learn.value.strip(), keywords=keywords)

    # -- handlers -------------------------------------------------------------------
    @reports_errors
    def save_goals(self, _=None) -> None:
        kinds = [k for k, box in self.goal_boxes.items() if box.value]
        set_goals(self.wb, kinds, self.goal_text.value)
        self.status.ok("Saved what you are exploring.")

    @reports_errors
    def add(self, _=None) -> None:
        if self.pick.value is not None:
            self._start_new_form()
            return
        target = add_target(self.wb, **self._form())
        self._just_added = target.id
        self.refresh()   # the form is empty again for the next one
        self._changed()
        self.status.ok(f"Added {target.name}. The form is empty for the next target; pick "
                       f"{target.name} in the list to change its details.")

    def _start_new_form(self) -> None:
        """Add clicked while a target is shown: an empty form, keeping only a newly typed name."""
        shown = self.wb.get(Target, self.pick.value).name
        typed = self.name.value.strip()
        self._keep_unsaved(self.pick.value, None, rename_note=False)
        self._just_added = None
        self._quiet = True
        try:
            self.pick.value = None
        finally:
            self._quiet = False
        self._show_target()
        if typed and typed != shown:
            self.name.value = typed
        self.status.warn("The form is empty now for a new target" + (
            f" (only the name '{typed}' is kept)" if typed and typed != shown else "")
            + ": fill in its details and click 'Add as new target' again.")

    @reports_errors
    def save(self, _=None) -> None:
        if self.pick.value is None:
            raise ValidationError("Pick a target to change, or click 'Add as new target'.")
        data = self._form()
        data["organization"] = target_organization(data["name"], data["kind"],
                                                   data["organization"])
        target = update_target(self.wb, self.pick.value, **data)
        self.refresh(select=target.id)
        self._changed()
        self.status.ok(f"Saved {target.name}.")

    @reports_errors
    def remove(self, _=None) -> None:
        if self.pick.value is None:
            raise ValidationError("There is no target to remove.")
        target = remove_target(self.wb, self.pick.value)
        self.refresh()
        self._changed()
        self.status.ok(f"Removed {target.name} (a backup was made first).")

    @reports_errors
    def _picked(self, change) -> None:
        if self._quiet:
            return
        self._just_added = None
        if change["old"] is not None and self._keep_unsaved(change["old"], change["new"]):
            return
        self._show_target()

    def _keep_unsaved(self, old_id: int, new_id: int | None, rename_note: bool = True) -> bool:
        """Before the form shows another target: edits to the one that was showing are saved
        (the user was told everything is saved as they go). A changed name is not taken as a
        rename (it may be a new target typed over the form): the status says what happened.
        Returns True when the panel was rebuilt (and already shows new_id)."""
        try:
            old = self.wb.get(Target, old_id)
        except NotFound:
            return False
        form = self._form()
        form["organization"] = target_organization(form["name"], form["kind"],
                                                   form["organization"])
        changes = {k: v for k, v in form.items() if k != "name" and getattr(old, k) != v}
        typed = form["name"].strip()
        if typed and typed != old.name:
            if not rename_note:
                return False
            self.status.warn(f"You typed '{typed}' but did not click a button, so "
                             f"{old.name} keeps its details. To add it, type it again and click "
                             "'Add as new target'; to rename it, pick it again, type the new name "
                             "and click 'Save changes'.")
            return False
        if not changes:
            return False
        try:
            update_target(self.wb, old_id, **changes)
        except InfoviewError as err:
            self.status.error(f"Your changes to {old.name} were not saved: {err}")
            return False
        self.refresh(select=new_id)
        self._changed()
        self.status.ok(f"Saved your changes to {old.name}.")
        return True

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
