"""Step 4, be the host: the question bank, the user's picks, and the time-boxed agenda.

The bank is a YAML file (data/questions.yaml, named by the protocol). Picks are stored as
QuestionChoice rows: contact_id None is the general list; a contact gets a list of their own
the first time it is changed for them (a copy of the general list). The closing question
"who else should I talk to, and may I mention your name?" is always on the agenda.
TIARA (Trends, Insights, Advice, Resources, Assignments) is Steve Dalton's framework.

Example:
    >>> bank = load_bank()
    >>> len(bank) >= 60, keep_question(bank).phase
    (True, 'closing')
    >>> a = build_agenda([keep_question(bank)], 15)
    >>> [(p.name, p.minutes) for p in a.phases]
    [('Small talk', 2), ('Questions', 0), ('Next steps', 2.5)]
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .classroom.protocol import current_protocol
from .classroom.question_bank import (  # noqa: F401  (re-exported: step 4's vocabulary)
    CATEGORY_LABELS,
    MAX_QUESTION_CHARS,
    PHASES,
    QUESTION_CATEGORIES,
    TIARA,
    WRAP_UP_MINUTES,
    Question,
    parse_bank,
    read_bank,
)
from .meetings.lengths import default_minutes, meeting_lengths
from .meetings.schedule import asked_length, meeting_for
from .workbook.errors import NotFound, ValidationError
from .workbook.model import TARGET_KINDS, QuestionChoice, Target
from .workbook.store import Workbook


def load_bank(path: str | Path | None = None) -> list[Question]:
    """The question bank named by the protocol (or at path)."""
    return read_bank(Path(path) if path else current_protocol().question_bank)


def keep_question(bank: list[Question]) -> Question:
    """The question that is always asked at the end."""
    return next(q for q in bank if q.keep)


# -- goals and filtering ---------------------------------------------------------------
def user_goal_kinds(wb: Workbook) -> list[str]:
    """What the user is exploring (industry/company/field), from step 2's answers or targets."""
    goals = wb.setting("goals") or {}
    kinds = goals.get("kinds") if isinstance(goals, dict) else None
    kinds = [k for k in (kinds or []) if k in TARGET_KINDS]
    if not kinds:
        kinds = sorted({t.kind for t in wb.list(Target)}, key=TARGET_KINDS.index)
    return kinds


def user_goal_text(wb: Workbook) -> str:
    """The sentence or two the user wrote in step 2 about what they want to learn
    (targets.set_goals stores it as 'what_to_learn'; 'learn' is read too)."""
    goals = wb.setting("goals") or {}
    if not isinstance(goals, dict):
        return ""
    return str(goals.get("what_to_learn") or goals.get("learn") or "").strip()


def filter_bank(bank: list[Question], kinds: list[str] | None = None,
                category: str | None = None) -> list[Question]:
    """Questions that suit any of the goal kinds (all when none), optionally one category."""
    kinds = [k for k in (kinds or []) if k]
    out = [q for q in bank if not kinds or set(kinds) & set(q.goals)]
    if category:
        out = [q for q in out if q.category == category]
    return out


def kinds_for_filter(wb: Workbook, choice: str) -> list[str]:
    """The goal kinds a bank filter stands for: 'mine' is your goals from step 2, 'all'
    every question (no kinds), anything else that one kind."""
    return {"mine": user_goal_kinds(wb), "all": []}.get(choice, [choice])


# -- the user's picks ------------------------------------------------------------------
def _rows(wb: Workbook, contact_id: int | None) -> list[QuestionChoice]:
    rows = wb.list(QuestionChoice, contact_id=contact_id)
    return sorted(rows, key=lambda r: (PHASES.index(r.phase) if r.phase in PHASES else 1,
                                       r.position, r.id))


def chosen(wb: Workbook, contact_id: int | None = None,
           bank: list[Question] | None = None) -> list[QuestionChoice]:
    """The picked questions in agenda order; a contact without a list of their own gets the
    general list. The closing 'who else' question is always included (unsaved if needed)."""
    rows = _rows(wb, contact_id)
    if contact_id is not None and not rows:
        rows = _rows(wb, None)
    keep = keep_question(bank or load_bank())
    if not any(r.question_id == keep.id for r in rows):
        rows.append(QuestionChoice(contact_id=contact_id, question_id=keep.id, text=keep.text,
                                   phase="closing", minutes=keep.minutes, position=10_000))
    return rows


def _own_rows(wb: Workbook, contact_id: int | None) -> list[QuestionChoice]:
    """The rows to change: for a contact, copy the general list first if they have none."""
    if contact_id is not None and not wb.list(QuestionChoice, contact_id=contact_id):
        general = _rows(wb, None)
        wb.add_many([QuestionChoice(contact_id=contact_id, question_id=r.question_id,
                                    text=r.text, phase=r.phase, minutes=r.minutes,
                                    position=r.position) for r in general])
    return _rows(wb, contact_id)


def pick(wb: Workbook, question: Question, contact_id: int | None = None) -> QuestionChoice:
    """Add a bank question to the list (no-op if it is already there)."""
    with wb.transaction():
        rows = _own_rows(wb, contact_id)
        for row in rows:
            if row.question_id == question.id:
                return row
        pos = 1 + max((r.position for r in rows if r.phase == question.phase), default=-1)
        return wb.add(QuestionChoice(contact_id=contact_id, question_id=question.id,
                                     text=question.text, phase=question.phase,
                                     minutes=question.minutes, position=pos))


def unpick(wb: Workbook, question_id: str, contact_id: int | None = None,
           bank: list[Question] | None = None) -> None:
    """Take a question off the list; the closing 'who else' question cannot be removed."""
    if question_id == keep_question(bank or load_bank()).id:
        raise ValidationError("The 'who else should I talk to?' question always stays: it is "
                              "how one conversation leads to the next. You can reword it.")
    with wb.transaction():
        for row in _own_rows(wb, contact_id):
            if row.question_id == question_id:
                wb.remove(QuestionChoice, row.id)


def add_own(wb: Workbook, text: str, phase: str = "core", minutes: float = 2.0,
            contact_id: int | None = None) -> QuestionChoice:
    """Add a question the user wrote themselves (the same wording twice is refused)."""
    if phase not in PHASES:
        raise ValidationError(f"Phase {phase!r} is not known; use opening, core or closing.")
    text = _text(text)
    minutes = _minutes(minutes)
    with wb.transaction():
        rows = _own_rows(wb, contact_id)
        if any(r.text.casefold() == text.casefold() for r in rows):
            raise ValidationError("That question is already on your list; reword it or pick "
                                  "another.")
        used = {r.question_id for r in rows}
        n = 1
        while f"own-{n}" in used:
            n += 1
        pos = 1 + max((r.position for r in rows if r.phase == phase), default=-1)
        return wb.add(QuestionChoice(contact_id=contact_id, question_id=f"own-{n}", text=text,
                                     phase=phase, minutes=minutes, position=pos))


def _text(text: str | None) -> str:
    text = (text or "").strip()
    if not text:
        raise ValidationError("A question needs some text; type it, or remove the question.")
    if len(text) > MAX_QUESTION_CHARS:
        raise ValidationError(f"That question is {len(text)} characters long; keep it under "
                              f"{MAX_QUESTION_CHARS} so they can answer it in a minute or two.")
    return text


def _minutes(value: object) -> float:
    try:
        minutes = float(value)
    except (TypeError, ValueError) as err:
        raise ValidationError("Minutes must be a number, e.g. 2.") from err
    if not 0 < minutes <= 15:
        raise ValidationError("Give each question between 0.5 and 15 minutes.")
    return minutes


def _find(wb: Workbook, question_id: str, contact_id: int | None) -> QuestionChoice:
    for row in _own_rows(wb, contact_id):
        if row.question_id == question_id:
            return row
    raise NotFound(f"Question {question_id} is not on your list; pick it first.")


def edit(wb: Workbook, question_id: str, text: str | None = None, minutes: float | None = None,
         contact_id: int | None = None, bank: list[Question] | None = None) -> QuestionChoice:
    """Reword a picked question or change its minutes (the kept one may be reworded too)."""
    changes: dict = {}
    if text is not None:
        changes["text"] = _text(text)
    if minutes is not None:
        changes["minutes"] = _minutes(minutes)
    with wb.transaction():
        keep = keep_question(bank or load_bank())
        if question_id == keep.id and not any(r.question_id == keep.id
                                              for r in _own_rows(wb, contact_id)):
            pick(wb, keep, contact_id)
        row = _find(wb, question_id, contact_id)
        return wb.update(QuestionChoice, row.id, **changes) if changes else row


def move(wb: Workbook, question_id: str, step: int, contact_id: int | None = None) -> None:
    """Move a question up (step -1) or down (+1) within its phase."""
    with wb.transaction():
        rows = _own_rows(wb, contact_id)
        row = _find(wb, question_id, contact_id)
        same = [r for r in rows if r.phase == row.phase]
        i = next(k for k, r in enumerate(same) if r.id == row.id)
        j = i + (1 if step > 0 else -1)
        if not 0 <= j < len(same):
            return
        order = same[:]
        order[i], order[j] = order[j], order[i]
        for pos, r in enumerate(order):
            if r.position != pos:
                wb.update(QuestionChoice, r.id, position=pos)


# -- the agenda --------------------------------------------------------------------------
@dataclass
class Phase:
    name: str
    minutes: float
    items: list[tuple[str, float]] = field(default_factory=list)


@dataclass
class Agenda:
    """A time plan: small talk, questions, next steps. `fits` is False when it runs over."""

    length: int
    phases: list[Phase]
    question_count: int

    @property
    def total(self) -> float:
        return sum(p.minutes for p in self.phases)

    @property
    def fits(self) -> bool:
        return self.total <= self.length + 1e-9

    @property
    def over_by(self) -> float:
        return max(0.0, self.total - self.length)

    @property
    def warning(self) -> str:
        """Empty when it fits; else what to do about it."""
        if self.fits:
            return ""
        longer = [m for m in current_protocol().meeting_lengths if m >= self.total]
        hint = (f", or ask for {longer[0]} minutes" if longer else "")
        these = ("This question needs" if self.question_count == 1
                 else f"These {self.question_count} questions need")
        return (f"{these} about {_fmt(self.total)} minutes "
                f"with small talk and next steps, {_fmt(self.over_by)} more than the "
                f"{self.length} minutes you asked for. Drop or shorten some questions{hint}.")


def _fmt(x: float) -> str:
    return f"{x:g}"


def small_talk_minutes(length: int) -> int:
    """Minutes of greeting and small talk: about a seventh of the meeting, at least 2."""
    return max(2, round(length / 7))


def build_agenda(questions: list[QuestionChoice] | list[Question], length: int) -> Agenda:
    """Arrange questions into small talk, questions and next steps for a meeting of length.

    >>> a = build_agenda([], 20)
    >>> a.total, a.fits
    (4.0, True)
    """
    if length <= 0:
        raise ValidationError("A meeting needs a length in minutes, e.g. 20.")
    talk = Phase("Small talk", small_talk_minutes(length),
                 [("Greet them, thank them for their time, say why you asked", 0)])
    middle = Phase("Questions", 0)
    end = Phase("Next steps", 0)
    for q in questions:
        (end if q.phase == "closing" else middle).items.append((q.text, float(q.minutes)))
    end.items.append(("Thank them, say what you will do next, offer to keep them posted",
                      WRAP_UP_MINUTES))
    middle.minutes = sum(m for _, m in middle.items)
    end.minutes = sum(m for _, m in end.items)
    return Agenda(length, [talk, middle, end], len(questions))


# -- the meeting length the agenda is built for ---------------------------------------
LENGTHS_SETTING = "agenda_length"
GENERAL_KEY = "general"


def length_options(current: int | None = None) -> list[int]:
    """The lengths offered: the class protocol's, plus the one in use when it is another
    (a 45-minute meeting is shown as 45, never rounded to a listed length).

    >>> length_options(45)[-1]
    45
    """
    return sorted({*meeting_lengths(), *([int(current)] if current else [])})


def agenda_length(wb: Workbook, contact_id: int | None = None) -> int:
    """The length chosen for this agenda; else the meeting's own length; else the length
    asked for in the outreach; else the protocol's default."""
    chosen = wb.setting(LENGTHS_SETTING, {}) or {}
    key = str(contact_id or GENERAL_KEY)
    try:
        if key in chosen and int(chosen[key]) > 0:
            return int(chosen[key])
    except (TypeError, ValueError):
        pass
    if contact_id is not None:
        meeting = meeting_for(wb, contact_id)
        if meeting and meeting.duration_minutes:
            return int(meeting.duration_minutes)
        return asked_length(wb, contact_id)
    return default_minutes()


def set_agenda_length(wb: Workbook, minutes: int, contact_id: int | None = None) -> None:
    """Remember the length chosen for this agenda."""
    chosen = dict(wb.setting(LENGTHS_SETTING, {}) or {})
    chosen[str(contact_id or GENERAL_KEY)] = int(minutes)
    wb.set_setting(LENGTHS_SETTING, chosen)
