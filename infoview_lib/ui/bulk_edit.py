"""Step 1, "Your people": filters for the people table and one action that sets a part of life
and/or how often you talk for everyone the table lists (e.g. 300 people just imported).

The step-1 panel owns the name search box and includes `editor.filters` next to it and
`editor.widget` under the table; it asks `editor.selection(people)` whom to list.

Example:
    >>> import ipywidgets as w
    >>> editor = BulkEditor(None, ["friend"], w.Text(), changed=lambda: None)
    >>> editor.describe()
    'everyone'
"""

from __future__ import annotations

import html
from collections import Counter
from collections.abc import Callable

import ipywidgets as w

from ..capture import BulkChange, bulk_update, select_people, undo_bulk
from ..text import plural
from ..workbook.errors import ValidationError
from ..workbook.model import TIE_STRENGTH_MEANING, TIE_STRENGTHS, Contact
from ..workbook.store import Workbook
from .common import StatusLine, button, hooked, named, reports_errors
from .form_button import FormButton

ANY_ORG = ("any organization", "")
KEEP = ("(keep as it is)", "")
WITHOUT_LABEL = "only people with no part of life yet"


class BulkEditor:
    """Filters (organization, "no part of life yet") and a set-for-everyone-listed action."""

    def __init__(self, wb: Workbook | None, categories: list[str], search: w.Text,
                 changed: Callable[[], None], refilter: Callable[[], None] = lambda: None,
                 catch_up: Callable[..., bool] | None = None):
        self.wb = wb
        if catch_up is not None:  # the step-1 panel's: another notebook's change first
            self.catch_up = catch_up
        self.search = search
        self.changed = changed  # after a bulk change or its undo: refresh panel, tell listeners
        self.refilter = refilter  # after a filter changed: list the people again
        self.status = StatusLine("iv-bulk-status")
        self.last: BulkChange | None = None
        self._updating = False
        self._build_filters()
        self._build_action(categories)
        self.widget = hooked(w.VBox([
            w.HTML("<div style='line-height:1.4;margin-top:8px'><b>Change everyone listed at "
                   "once</b> <small>(e.g. after an import): the part of life is added to any "
                   "they already have. A backup is made first, and Undo puts the previous "
                   "values back.</small></div>"),
            w.HBox([self.category, self.tie]),
            w.HBox([self.apply_button, self.undo_button]), self.status.widget,
        ]), "iv-bulk-edit")

    def _build_filters(self) -> None:
        """Organization and "no part of life yet", shown next to the search box."""
        self.organization = named(hooked(w.Dropdown(options=[ANY_ORG],
                                                    layout=w.Layout(width="16em")),
                                         "iv-bulk-org"), "Show people at this organization")
        self.without = hooked(w.Checkbox(description=WITHOUT_LABEL, indent=False,
                                         layout=w.Layout(width="auto")), "iv-bulk-without")
        for widget in (self.organization, self.without):
            widget.observe(self._on_filter, names="value")
        self.count = hooked(w.HTML(), "iv-bulk-count")
        self.filters = w.HBox([self.organization, self.without])

    def _build_action(self, categories: list[str]) -> None:
        """What to set for everyone listed, Set and Undo."""
        label = {"description_width": "8em"}
        self.category = hooked(w.Dropdown(
            options=[KEEP] + [(c, c) for c in categories], description="Add part of life",
            style=label, layout=w.Layout(width="19em")), "iv-bulk-category")
        self.tie = hooked(w.Dropdown(
            options=[KEEP] + [(f"{t}: {TIE_STRENGTH_MEANING[t]}", t) for t in TIE_STRENGTHS],
            description="We talk", style=label, layout=w.Layout(width="24em")), "iv-bulk-tie")
        # the search, filters and choices shown travel with the click (none lags behind)
        self.apply_button = FormButton("Set for everyone listed", "iv-bulk-apply", "primary",
                                       [self.search, self.organization, self.without,
                                        self.category, self.tie])
        self.apply_button.layout.width = "auto"
        self.apply_button.on_click(self.apply)
        self.undo_button = button("Undo", "iv-bulk-undo")
        self.undo_button.disabled = True
        self.undo_button.on_click(self.undo)

    # -- filters ----------------------------------------------------------------------------
    def _on_filter(self, _change) -> None:
        if not self._updating:
            self.refilter()

    def selection(self, people: list[Contact]) -> list[Contact]:
        """The people the search box and the filters choose, in list order."""
        return select_people(people, self.search.value, self.without.value,
                             self.organization.value)

    def describe(self) -> str:
        """The filters in words, e.g. "name contains 'ann', at Acme, no part of life yet"."""
        parts = []
        if self.search.value.strip():
            parts.append(f"name contains '{self.search.value.strip()}'")
        if self.organization.value:
            parts.append(f"at {self.organization.value}")
        if self.without.value:
            parts.append("no part of life yet")
        return ", ".join(parts) or "everyone"

    def set_people(self, people: list[Contact]) -> None:
        """Offer the organizations on the list, most people first (keeps the current choice)."""
        counts: Counter[str] = Counter()
        spelling: dict[str, str] = {}
        for person in people:
            org = " ".join(person.organization.split())
            if org:
                spelling.setdefault(org.casefold(), org)
                counts[org.casefold()] += 1
        ranked = sorted(counts, key=lambda k: (-counts[k], k))
        options = [ANY_ORG] + [(f"{spelling[k]} ({counts[k]})", spelling[k]) for k in ranked]
        current = self.organization.value
        self._updating = True
        try:
            self.organization.options = options
            self.organization.value = current if current in {v for _, v in options} else ""
        finally:
            self._updating = False

    def show_count(self, chosen: int, total: int) -> None:
        """Say how many people the filters choose; the button names the number."""
        self.count.value = "" if not total else (
            f"<small>Chosen: <b class='iv-bulk-count-number'>{chosen:,}</b> of "
            f"{plural(total, 'person', 'people')} ({html.escape(self.describe())})."
            "</small>")
        self.apply_button.description = ("Set for this 1 person" if chosen == 1 else
                                         f"Set for these {chosen:,} people")
        self.apply_button.disabled = not chosen

    # -- the action -----------------------------------------------------------------------------
    def forget(self) -> None:
        """The workbook changed elsewhere: the last change can no longer be undone here."""
        self.last = None
        self.undo_button.disabled = True

    @reports_errors
    def apply(self, _=None) -> None:
        """Set the chosen part of life and/or tie strength for everyone listed, in one go."""
        if not self.category.value and not self.tie.value:
            raise ValidationError("Pick a part of life to add, or how often you talk (or "
                                  "both), then click again.")
        ids = [c.id for c in self.selection(self.wb.contacts())]
        if not ids:
            raise ValidationError(f"Nobody is listed ({self.describe()}), so nothing changed. "
                                  "Clear the search box or the filters to list people.")
        change = bulk_update(self.wb, ids, add_category=self.category.value,
                             tie_strength=self.tie.value)
        if not change.changed:
            self.status.warn(change.message)
            return
        self.last = change
        self.undo_button.disabled = False
        message = change.message
        if self.category.value and self.without.value:  # they leave the list: say why
            message += (" They have a part of life now, so they leave this list of people with "
                        "none yet; untick 'no part of life yet' to see them.")
        self.status.ok(message)
        self.changed()

    @reports_errors
    def undo(self, _=None) -> None:
        """Put back what the last bulk change replaced."""
        if self.last is None:
            raise ValidationError("There is no bulk change to undo.")
        change, self.last = self.last, None
        self.undo_button.disabled = True
        restored = undo_bulk(self.wb, change)
        kept = change.changed - restored
        self.status.ok(f"Undone: {restored} {'person has' if restored == 1 else 'people have'} "
                       "their previous part of life and tie strength again."
                       + (f" {kept} edited since then were left as they are." if kept else ""))
        self.changed()
