"""Step 1's Delete: it asks "Delete <name>?" next to the button and deletes exactly the person
it named, whatever is picked by the time Yes is clicked (a second click does nothing); Undo
sits beside it. A mixin for WhoYouKnowPanel, which provides wb, person, editor_status and
_changed().

Example (no browser):
    >>> import tempfile, pathlib
    >>> from infoview_lib.workbook.store import open_workbook
    >>> from infoview_lib.ui.who_you_know import WhoYouKnowPanel
    >>> wb = open_workbook(pathlib.Path(tempfile.mkdtemp()) / "w.sqlite")
    >>> ada = wb.add(Contact(first_name="Ada", last_name="Example"))
    >>> panel = WhoYouKnowPanel(wb)
    >>> panel.delete_button.click(); panel.confirm_text.value
    '<b>Delete Ada Example?</b>'
    >>> panel.yes_button.click(); panel.yes_button.click(); wb.contacts()
    []
"""

from __future__ import annotations

import html

import ipywidgets as w

from ..workbook.errors import ValidationError
from ..workbook.model import Contact
from .common import button, hooked, reports_errors
from .form_button import FormButton


class DeleteControls:
    """Delete (with its question) and Undo for the person shown in the details editor."""

    _confirm_id: int | None = None
    _last_deleted: int | None = None

    def add_delete_controls(self) -> None:
        """Create delete_button, confirm_box (text, Yes, No) and undo_button."""
        self.delete_button = FormButton(  # asks about the person picked on screen, even just now
            "Delete this person", "iv-delete", "danger", [self.person])
        self.delete_button.on_click(self.ask_delete)
        self.confirm_text = hooked(w.HTML(), "iv-delete-question")
        self.yes_button = button("Yes, delete", "iv-delete-yes", "danger")
        self.no_button = button("No", "iv-delete-no")
        self.yes_button.on_click(self.delete)
        self.no_button.on_click(self.cancel_delete)
        self.confirm_box = w.HBox([self.confirm_text, self.yes_button, self.no_button],
                                  layout=w.Layout(display="none", align_items="center"))
        self.undo_button = button("Undo delete", "iv-undo")
        self.undo_button.disabled = True
        self.undo_button.on_click(self.undo)

    @reports_errors
    def ask_delete(self, _=None) -> None:
        """Delete: first ask "Delete <name>?" next to the button, for the person shown now."""
        if not self.person.value:
            raise ValidationError("Pick a person first.")
        contact = self.wb.get(Contact, self.person.value)
        self._confirm_id = contact.id
        self.confirm_text.value = f"<b>Delete {html.escape(contact.name)}?</b>"
        self.confirm_box.layout.display = "flex"
        self.yes_button.disabled = self.no_button.disabled = False
        self.editor_status.clear()

    def _hide_confirm(self) -> None:
        self._confirm_id = None
        self.confirm_box.layout.display = "none"
        self.confirm_text.value = ""

    @reports_errors
    def cancel_delete(self, _=None) -> None:
        self._hide_confirm()
        self.editor_status.ok("Nobody was deleted.")

    @reports_errors
    def delete(self, _=None) -> None:
        """Yes: take the person the question named off the list (Undo brings them back)."""
        contact_id, self._confirm_id = self._confirm_id, None
        if contact_id is None:
            return  # a second click on Yes: that person is already deleted
        self.yes_button.disabled = self.no_button.disabled = self.delete_button.disabled = True
        try:
            contact = self.wb.delete_contact(contact_id)
        finally:
            self._hide_confirm()
        self._last_deleted = contact.id
        self.undo_button.disabled = False
        self.editor_status.ok(f"Deleted {contact.name}. Click 'Undo delete' to bring them back.")
        self._changed()

    @reports_errors
    def undo(self, _=None) -> None:
        """Bring back the person deleted last."""
        if self._last_deleted is None:
            raise ValidationError("There is nothing to undo.")
        contact = self.wb.undo_delete_contact(self._last_deleted)
        self._last_deleted = None
        self.undo_button.disabled = True
        self.editor_status.ok(f"{contact.name} is back on your list.")
        self._changed()
        if contact.id in {v for _, v in self.person.options}:
            self.person.value = contact.id
