"""Step 1's details editor for one person: the boxes, built onto the panel, and the mixin that
fills them from the workbook and saves each change (DetailsEditor).

Example:
    >>> class P: pass
    >>> panel = P()
    >>> add_detail_widgets(panel, ["family"])
    >>> panel.detail_categories.options
    ('family',)
    >>> len(DETAIL_FIELDS(panel))
    8
"""

from __future__ import annotations

import html

import ipywidgets as w

from ..capture import save_details as write_details
from ..workbook.model import TIE_STRENGTH_MEANING, TIE_STRENGTHS, Contact
from .common import choice, hooked, reports_errors, styled
from .typed_boxes import TypedBoxes

LABEL_WIDTH = "8em"  # "Organization" and "Introduced by" fit; boxes line up
WEAK_TIES = ("Why include people you rarely see? In Granovetter's study of job changers, the "
             "contact who helped had been seen often in only 17% of cases, occasionally in 55% "
             "and rarely in 28%: acquaintances hear of things your close friends do not.")


def DETAIL_FIELDS(panel) -> tuple:  # noqa: N802 - reads like the constant list it is
    """The editor's boxes that hold one person's details, in order."""
    return (panel.detail_org, panel.detail_title, panel.detail_categories, panel.tie,
            panel.can_interview, panel.can_refer, panel.introduced_by, panel.notes)


def add_detail_widgets(panel, cats: list[str]) -> None:
    """Create the editor's boxes as attributes of `panel` (detail_org ... notes, tie_help)."""
    panel.detail_org = hooked(w.Text(description="Organization", continuous_update=False),
                              "iv-detail-org")
    panel.detail_title = hooked(w.Text(description="Job title", continuous_update=False),
                                "iv-detail-title")
    panel.detail_categories = hooked(w.SelectMultiple(options=cats, rows=6,
                                                     description="Categories"), "iv-categories")
    panel.tie = choice([("not set", "")] + [(t, t) for t in TIE_STRENGTHS], value="",
                       css="iv-tie", description="We talk")  # radios: the choice is announced
    panel.can_interview = hooked(w.Checkbox(description="could interview", indent=False),
                                 "iv-can-interview")
    panel.can_refer = hooked(w.Checkbox(description="could refer me onward", indent=False),
                             "iv-can-refer")
    panel.introduced_by = hooked(w.Dropdown(description="Introduced by",
                                           layout=w.Layout(width="30em")), "iv-introduced-by")
    panel.notes = hooked(w.Textarea(description="Notes", continuous_update=False,
                                   layout=w.Layout(width="36em")), "iv-notes")
    for widget in (panel.detail_org, panel.detail_title, panel.detail_categories, panel.tie,
                   panel.introduced_by, panel.notes):
        widget.style.description_width = LABEL_WIDTH
    for widget in (panel.detail_org, panel.detail_title):
        widget.layout.width = "30em"
    meanings = " · ".join(f"<b>{t}</b>: {html.escape(TIE_STRENGTH_MEANING[t])}"
                          for t in TIE_STRENGTHS)
    panel.tie_help = hooked(w.HTML(
        f"<div style='line-height:1.4;font-size:90%;margin:0 0 6px 8.5em'>{meanings}<br>"
        f"{styled(html.escape(WEAK_TIES), 'muted')}</div>"), "iv-tie-help")


class DetailsEditor:
    """A mixin for WhoYouKnowPanel (which has wb, editor_status, delete_button, _loading,
    _confirm_id, _hide_confirm() and _changed()): the person picker and their details, saved
    as soon as a box changes."""

    def _build_editor(self, cats: list[str]) -> None:
        """The details editor for one person, with Delete and Undo."""
        self.editor_hint = hooked(w.HTML(), "iv-editor-hint")
        self.person = hooked(w.Dropdown(description="Person", layout=w.Layout(width="30em")),
                             "iv-person")
        self.person.observe(self._on_person, names="value")
        add_detail_widgets(self, cats)
        for widget in DETAIL_FIELDS(self):
            widget.observe(self._on_detail, names="value")
        self.typed_details = TypedBoxes(self.person, DETAIL_FIELDS(self))  # typed for whom
        self.person.style.description_width = LABEL_WIDTH
        self.add_delete_controls()

    def _on_person(self, _change=None) -> None:
        if self._confirm_id is not None and self._confirm_id != self.person.value:
            self._hide_confirm()  # the question was about someone else
        self.load_person()

    def load_person(self) -> None:
        """Fill the details editor from the selected person."""
        if self._loading:
            return
        self._loading = True
        try:
            contact = self.wb.get(Contact, self.person.value) if self.person.value else None
            disabled = contact is None
            for widget in (*DETAIL_FIELDS(self), self.delete_button):
                widget.disabled = disabled
            if contact is None:  # nobody picked: show no one's values, not the last person's
                contact = Contact(first_name="(nobody)")
            extra = [c for c in contact.categories if c not in self.detail_categories.options]
            if extra:
                self.detail_categories.options = list(self.detail_categories.options) + extra
            self.detail_org.value = contact.organization
            self.detail_title.value = contact.title
            self.detail_categories.value = tuple(contact.categories)
            self.tie.value = contact.tie_strength
            self.can_interview.value = contact.can_interview
            self.can_refer.value = contact.can_refer
            known = {v for _, v in self.introduced_by.options}
            self.introduced_by.value = contact.introduced_by if contact.introduced_by in known \
                else None
            self.notes.value = contact.notes
        finally:
            self._loading = False

    def _on_detail(self, change) -> None:
        if not self._loading:
            self.save_details()

    @reports_errors
    def save_details(self) -> None:
        """Write the details editor's values to the selected person."""
        if not self.person.value:
            return
        saved = write_details(
            self.wb, self.person.value, organization=self.detail_org.value,
            title=self.detail_title.value, categories=list(self.detail_categories.value),
            tie_strength=self.tie.value, can_interview=self.can_interview.value,
            can_refer=self.can_refer.value, introduced_by=self.introduced_by.value,
            notes=self.notes.value)
        self.editor_status.ok(f"Saved {saved.name}.")
        self._changed(people_changed=False)
