"""What a workbook holds, counted for the six steps' progress (the rules are in steps.py).

Example:
    >>> import tempfile, pathlib
    >>> from infoview_lib.workbook.store import open_workbook
    >>> wb = open_workbook(pathlib.Path(tempfile.mkdtemp()) / "w.sqlite")
    >>> progress_counts(wb)["people"]
    0
"""

from __future__ import annotations

from .model import Meeting, Outreach, QuestionChoice, Target
from .store import Workbook


def progress_counts(wb: Workbook) -> dict[str, int]:
    """people, targets, contacted, questions, meetings and thanked: one count per step."""
    meetings = wb.list(Meeting)
    return {
        "people": len(wb.contacts()),
        "targets": len(wb.list(Target)),
        "contacted": sum(o.status != "to_contact" for o in wb.list(Outreach)),
        "questions": len(wb.list(QuestionChoice)),
        "meetings": len(meetings),
        "thanked": sum(bool(m.thank_you_sent_on) for m in meetings),
    }
