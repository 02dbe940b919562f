"""Step 6 saves what you type as you type it, to the meeting you typed it for.

When another notebook (or the command line) changed the workbook meanwhile, the text is
still saved if the meeting shown is the same person's at the same time (it is saved by id,
field by field); otherwise the panel catches up and keeps your text on screen, unsaved.
FollowThroughPanel mixes this in.

Example:
    >>> typing = SavesTyping()
    >>> with typing._loading_values():
    ...     typing._loading
    True
    >>> typing._loading
    False
"""

from __future__ import annotations

from contextlib import contextmanager

from ..meetings.picking import is_same_meeting
from .common import stops_when_deleted


class SavesTyping:
    """_typed(save) makes a box's handler; _loading_values() fills boxes without saving."""

    _loading = False

    @contextmanager
    def _loading_values(self):
        """Set boxes from the workbook without their handlers saving anything."""
        self._loading = True
        try:
            yield
        finally:
            self._loading = False

    def _typed(self, save):
        """A handler saving a typed value (unless loading, or another meeting is now shown)."""
        def handler(change):
            if not self._loading and self._same_meeting():
                save(change["new"])
        return handler

    @stops_when_deleted  # workbook deleted: None, nothing saved, the panel says why
    def _same_meeting(self) -> bool:
        """Before saving typed text: True when it may be saved to the meeting shown."""
        if self.wb is None or not self.wb.changed_since(self._seen):
            return True
        if is_same_meeting(self.wb, self.meeting_id, self._shown):
            self.mark_current()   # nothing to rebuild that the typed text depends on
            return True
        fields = (self.learned, self.specific, self.use, self.email, self.card)
        typed = [f.value for f in fields]
        self.catch_up(status=self.status)
        if self.meeting_id:   # the same box, another meeting: show the text, do not save it
            with self._loading_values():
                for field, value in zip(fields, typed, strict=True):
                    field.value = value
        return False
