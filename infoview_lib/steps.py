"""The six steps as data: number, title, notebook, and the rule that says how far along a
workbook is. Progress (start panel, summary, plans), the class report and the docs read
this one table.

Example:
    >>> [s.notebook for s in STEPS][:2]
    ['01_who_you_know', '02_what_you_want_to_know']
    >>> import tempfile, pathlib
    >>> from infoview_lib.workbook.store import open_workbook
    >>> wb = open_workbook(pathlib.Path(tempfile.mkdtemp()) / "w.sqlite")
    >>> [s.done for s in step_progress(wb)]
    [False, False, False, False, False, False]
"""

from __future__ import annotations

from dataclasses import dataclass

from .classroom.protocol import current_protocol
from .text import plural
from .workbook.progress import progress_counts
from .workbook.store import Workbook


@dataclass(frozen=True)
class Step:
    """One step: `count` names the progress_counts() entry it is measured by; the step is
    done at `done_at` and full at `full_at` (None: the protocol's list aim)."""

    number: int
    title: str
    notebook: str
    count: str
    one: str
    many: str
    verb: str
    done_at: int = 1
    full_at: int | None = 1


STEPS: tuple[Step, ...] = (
    Step(1, "Who you know", "01_who_you_know", "people", "person", "people", "listed",
         full_at=None),
    Step(2, "What you want to know", "02_what_you_want_to_know", "targets", "target",
         "targets", "chosen", full_at=3),
    Step(3, "A plan to reach out", "03_plan_outreach", "contacted", "person", "people",
         "contacted", full_at=5),
    Step(4, "Be the host", "04_be_the_host", "questions", "question", "questions",
         "picked (5-10 is a good number)", done_at=5, full_at=5),
    Step(5, "Be a professional", "05_be_a_professional", "meetings", "meeting", "meetings",
         "planned"),
    Step(6, "Always be courteous", "06_always_be_courteous", "thanked", "thank-you note",
         "thank-you notes", "sent"),
)
STEP_NUMBERS = tuple(s.number for s in STEPS)


@dataclass(frozen=True)
class StepProgress:
    number: int
    title: str
    done: bool
    detail: str
    fraction: float


def _measure(step: Step, n: int, aim: int, stretch: int) -> StepProgress:
    full = step.full_at or aim
    detail = f"{plural(n, step.one, step.many)} {step.verb}"
    if step.full_at is None:
        detail += f" (aim for {aim:,}, stretch to {stretch:,})"
    return StepProgress(step.number, step.title, n >= step.done_at, detail, min(n / full, 1.0))


def step_progress(wb: Workbook) -> list[StepProgress]:
    """One entry per step: done or not, a one-line detail and a fraction from 0 to 1."""
    protocol = current_protocol()
    counts = progress_counts(wb)
    return [_measure(s, counts[s.count], protocol.list_aim, protocol.list_stretch)
            for s in STEPS]


def steps_markdown() -> str:
    """The table of steps for the docs (docs/instructors.md carries it; a test keeps it true).

    Example:
        >>> steps_markdown().splitlines()[2]
        '| 1 | Who you know | `notebooks/01_who_you_know.ipynb` | at least 1 person listed |'
    """
    rows = ["| Step | Title | Notebook | Counts as done when |", "|---|---|---|---|"]
    for s in STEPS:
        rows.append(f"| {s.number} | {s.title} | `notebooks/{s.notebook}.ipynb` | at least "
                    f"{s.done_at} {s.one if s.done_at == 1 else s.many} {s.verb.split(' (')[0]} |")
    return "\n".join(rows)
