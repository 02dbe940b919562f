"""Step 2's target form: pick a target to see or change it, or add a new one.

A mixin for TargetsPanel (which has wb, status, pick, rows, _quiet, _just_added, refresh(),
_show_target() and _changed()): `_build_form()` adds the boxes and buttons; what a form means
as target fields is decided in targets.py (target_form, unsaved_changes).

Example (in a notebook):
    panel = TargetsPanel(open_workbook())
    panel.name.value = "UX research"; panel.add_button.click()
"""

from __future__ import annotations

import ipywidgets as w

from ..targets import add_target, remove_target, target_form, unsaved_changes, update_target
from ..workbook.errors import InfoviewError, NotFound, ValidationError
from ..workbook.model import TARGET_KINDS, Target
from .common import choice, hooked, reports_errors, text_input
from .form_button import FormButton

LABELS = {"description_width": "7em"}   # "Organization" fits; the boxes line up


class TargetForm:
    """The form's boxes, Add / Save / Remove, and saving edits before another target shows."""

    def _build_form(self) -> None:
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
        # what is typed travels with the click (a fast click loses no letters: form_button)
        boxes = [self.name, self.kind, self.motivation, self.postings, self.organization,
                 self.keywords, self.learn]
        self.add_button = FormButton("Add as new target", "iv-add-target", "primary", boxes)
        self.save_button = FormButton("Save changes", "iv-save-target", fields=boxes)
        self.remove_button = FormButton("Remove", "iv-remove-target", "warning",
                                        [self.pick])  # the target picked, even just now
        self.add_button.on_click(self.add)
        self.save_button.on_click(self.save)
        self.remove_button.on_click(self.remove)

    def _fill_form(self, target: Target | None) -> None:
        """Show a target in the form (None: an empty form for a new one)."""
        t = target if target is not None else Target(name="-", kind="field")
        self.name.value = t.name if target is not None else ""
        self.kind.value = t.kind
        self.motivation.value, self.postings.value = max(t.motivation, 1), t.postings
        self.organization.value, self.learn.value = t.organization, t.what_to_learn
        self.keywords.value = ", ".join(t.keywords)
        self.save_button.disabled = self.remove_button.disabled = target is None

    def _form(self) -> dict:
        return target_form(self.name.value, self.kind.value, self.motivation.value,
                           self.postings.value, self.organization.value, self.learn.value,
                           self.keywords.value)

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
        target = update_target(self.wb, self.pick.value, **self._form())
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
        self.status.clear()  # what the last action said is about the form that was showing
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
        typed = form["name"].strip()
        if typed and typed != old.name:
            if rename_note:
                self.status.warn(
                    f"You typed '{typed}' but did not click a button, so {old.name} keeps its "
                    "details. To add it, type it again and click 'Add as new target'; to "
                    "rename it, pick it again, type the new name and click 'Save changes'.")
            return False
        changes = unsaved_changes(old, form)
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
