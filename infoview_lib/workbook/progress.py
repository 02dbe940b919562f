"""Where the user stands in the six steps, read from the workbook.

Example:
    >>> import tempfile, pathlib
    >>> from infoview_lib.workbook.store import open_workbook
    >>> wb = open_workbook(pathlib.Path(tempfile.mkdtemp()) / "w.sqlite")
    >>> [s.done for s in step_progress(wb)]
    [False, False, False, False, False, False]
"""

from __future__ import annotations

from dataclasses import dataclass

from ..classroom.protocol import current_protocol
from .model import Meeting, Outreach, QuestionChoice, Target
from .store import Workbook

STEP_TITLES = (
    "Who you know",
    "What you want to know",
    "A plan to reach out",
    "Be the host",
    "Be a professional",
    "Always be courteous",
)


def _count(n: int, one: str, many: str) -> str:
    """'1 person', '3 people'."""
    return f"{n} {one if n == 1 else many}"


@dataclass(frozen=True)
class StepProgress:
    number: int
    title: str
    done: bool
    detail: str
    fraction: float


def step_progress(wb: Workbook) -> list[StepProgress]:
    """One entry per step: done or not, a one-line detail and a fraction from 0 to 1."""
    protocol = current_protocol()
    aim, stretch = protocol.list_aim, protocol.list_stretch
    people = len(wb.contacts())
    targets = len(wb.list(Target))
    outreach = [o for o in wb.list(Outreach) if o.status != "to_contact"]
    questions = len(wb.list(QuestionChoice))
    meetings = wb.list(Meeting)
    thanked = [m for m in meetings if m.thank_you_sent_on]
    rows = [
        (people >= 1, f"{_count(people, 'person', 'people')} listed (aim for {aim}, stretch to {stretch})",
         min(people / aim, 1.0)),
        (targets >= 1, f"{_count(targets, 'target', 'targets')} chosen", min(targets / 3, 1.0)),
        (bool(outreach), f"{_count(len(outreach), 'person', 'people')} contacted", min(len(outreach) / 5, 1.0)),
        (questions >= 5, f"{_count(questions, 'question', 'questions')} picked (5-10 is a good number)",
         min(questions / 5, 1.0)),
        (bool(meetings), f"{_count(len(meetings), 'meeting', 'meetings')} planned", min(len(meetings) / 1, 1.0)),
        (bool(thanked), f"{_count(len(thanked), 'thank-you note', 'thank-you notes')} sent", min(len(thanked) / 1, 1.0)),
    ]
    return [StepProgress(i + 1, STEP_TITLES[i], done, detail, frac)
            for i, (done, detail, frac) in enumerate(rows)]
