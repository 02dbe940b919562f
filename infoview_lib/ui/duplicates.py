"""Step 1: possible duplicates an import kept apart, to merge (with undo) or mark as different
people; and the parts of an import summary beyond the counts (who was merged, columns not
imported, files that could not be read).

Example:
    >>> import tempfile, pathlib
    >>> from infoview_lib.workbook.store import open_workbook
    >>> from infoview_lib.importers.duplicates import add_pending
    >>> wb = open_workbook(pathlib.Path(tempfile.mkdtemp()) / "w.sqlite")
    >>> a, b = (wb.add(Contact(first_name="Sam", organization=o)) for o in ("Acme", "Globex"))
    >>> _ = add_pending(wb, [(a.id, b.id)])
    >>> panel = DuplicatesPanel(wb)
    >>> len(panel.rows.children)
    1
    >>> panel.merge(a.id, b.id); [c.organization for c in wb.contacts()]
    ['Acme']
    >>> panel.undo(); sorted(c.organization for c in wb.contacts())
    ['Acme', 'Globex']
"""

from __future__ import annotations

import html
from collections.abc import Callable

import ipywidgets as w

from ..importers import ImportSummary, mark_different, merge_people, possible_duplicates
from ..importers import undo_merge as undo_merge_record
from ..workbook.model import Contact
from ..workbook.store import Workbook
from .common import Panel, StatusLine, button, hooked, reports_errors, styled

MAX_PAIRS = 20


def describe(person: Contact) -> str:
    """One person as escaped HTML: name, then what tells them apart."""
    bits = [person.organization, person.title, ", ".join(person.emails[:3]),
            ", ".join(person.phones[:3]), person.linkedin_url,
            "from " + ", ".join(s.split(":", 1)[-1] for s in person.sources[:3])
            if person.sources else ""]
    details = " · ".join(html.escape(b) for b in bits if b)
    return (f"<b>{html.escape(person.name)}</b>"
            f"{' ' + styled(f'({details})', 'muted') if details else ''}")


def summary_extra_html(summary: ImportSummary) -> str:
    """Who was merged, possible duplicates, unmapped columns and unreadable files (escaped)."""
    parts = []
    if summary.merged_names:
        names = ", ".join(dict.fromkeys(summary.merged_names))
        parts.append(f"<details class='iv-import-merged'><summary>Already listed ({summary.merged:,})"
                     f"</summary><p>{html.escape(names)}</p></details>")
    if summary.possible_duplicates:
        n = len(summary.possible_duplicates)
        were = "possible duplicate</b> was" if n == 1 else "possible duplicates</b> were"
        parts.append(f"<p class='iv-import-duplicates'><b>{n:,} {were} kept apart (same name, "
                     "different details): review them under <i>Possible duplicates</i>.</p>")
    if summary.unmapped:
        cols = "; ".join(f"{html.escape(f)}: {html.escape(', '.join(c))}"
                         for f, c in summary.unmapped_by_file())  # each file named once
        parts.append("<p class='iv-import-unmapped'>Columns not imported (infoview has no place "
                     f"for them; copy what matters into notes): {cols}</p>")
    for file, why in summary.failed:
        parts.append(styled(f"<b>Not imported: {html.escape(file)}</b>. {html.escape(why)}",
                            "error", "p", "iv-import-failed"))
    return "".join(parts)


def kept(person: Contact) -> str:
    """What a merged person now holds, for the status line (plain text; it is escaped there).

    >>> kept(Contact(first_name="Sam", emails=["a@x.org", "b@y.org"], phones=["+1 555"]))
    ': now a@x.org, b@y.org; +1 555'
    >>> kept(Contact(first_name="Sam"))
    ''
    """
    parts = [", ".join(person.emails), ", ".join(person.phones)]
    text = "; ".join(p for p in parts if p)
    return f": now {text}" if text else ""


class DuplicatesPanel(Panel):
    """Pairs to review, each with Merge and These-are-different buttons, and one Undo."""

    def __init__(self, wb: Workbook, on_change: Callable[[], None] | None = None):
        self.wb = wb
        self._on_change = on_change
        self._undo: dict | None = None
        self.status = StatusLine("iv-duplicates-status")
        self.intro = w.HTML()
        self.rows = hooked(w.VBox(), "iv-duplicates-rows")
        self.undo_button = button("Undo merge", "iv-duplicates-undo")
        self.undo_button.on_click(lambda _b: self.undo())
        self.widget = hooked(w.VBox([self.intro, self.rows, self.undo_button,
                                     self.status.widget]), "iv-duplicates")
        self.refresh()

    def refresh(self) -> None:
        """Show the pairs the workbook holds now (the whole box hides when there are none)."""
        pairs = possible_duplicates(self.wb)
        self.intro.value = (
            f"<h4 style='margin:0.4em 0'>Possible duplicates ({len(pairs)})</h4><p>These "
            "people have the same name but different details, so the import kept them apart. "
            "<b>Merge</b> joins them into the first (every e-mail, phone and source is kept; "
            "you can undo). <b>Different people</b> keeps both and never asks again.</p>"
            if pairs else "")
        self.rows.children = [self._row(a, b) for a, b in pairs[:MAX_PAIRS]] + (
            [w.HTML(f"<i>… and {len(pairs) - MAX_PAIRS} more after these.</i>")]
            if len(pairs) > MAX_PAIRS else [])
        self.undo_button.layout.display = "" if self._undo else "none"
        self.widget.layout.display = "" if pairs or self._undo or self.status.text else "none"
        self.mark_current()

    def _row(self, a: Contact, b: Contact) -> w.Widget:
        merge = button("Merge", f"iv-dup-merge-{a.id}-{b.id}", "warning")
        merge.add_class("iv-dup-merge")
        apart = button("Different people", f"iv-dup-different-{a.id}-{b.id}")
        apart.add_class("iv-dup-different")
        merge.on_click(lambda _b, a=a.id, b=b.id: self.merge(a, b))
        apart.on_click(lambda _b, a=a.id, b=b.id: self.different(a, b))
        text = w.HTML(f"<div>1. {describe(a)}</div><div>2. {describe(b)}</div>")
        return hooked(w.HBox([text, merge, apart]), "iv-dup-row")

    def _changed(self) -> None:
        self.refresh()
        if self._on_change:
            self._on_change()

    @reports_errors
    def merge(self, keep_id: int, other_id: int) -> None:
        """Join the second person into the first."""
        self._undo = merge_people(self.wb, keep_id, other_id)
        first, second = self._undo["names"]
        self.status.ok(f"Merged {second} into {first}{kept(self.wb.get(Contact, keep_id))}. "
                       "Undo merge puts both back.")
        self._changed()

    @reports_errors
    def different(self, a_id: int, b_id: int) -> None:
        """Keep both and never propose the pair again."""
        mark_different(self.wb, a_id, b_id)
        self.status.ok("Kept as different people; they will not be proposed again.")
        self._changed()

    @reports_errors
    def undo(self) -> None:
        """Put the last merged pair back as two people."""
        if not self._undo:
            self.status.warn("There is no merge to undo.")
            return
        record, self._undo = self._undo, None
        undo_merge_record(self.wb, record)
        self.status.ok(f"Undone: {record['names'][0]} and {record['names'][1]} are two people "
                       "again.")
        self._changed()

    def after_import(self, summary: ImportSummary) -> str:
        """Refresh after an import; return the summary parts step 1's counts do not show."""
        self.refresh()
        return summary_extra_html(summary)
