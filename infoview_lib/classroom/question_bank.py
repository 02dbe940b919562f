"""The question bank file (data/questions.yaml, named by the protocol): read and checked.

A leaf module (no workbook access), so the protocol check can use it and step 4
(questions.py) builds on it without an import circle.

Example:
    >>> one = ("questions: [{id: who-else, text: Who else, category: resources-and-people,"
    ...        " tiara: R, phase: closing, goals: [field], keep: true}]")
    >>> bank = parse_bank(one)
    >>> bank[0].id, bank[0].minutes
    ('who-else', 2.0)
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from ..workbook.errors import ValidationError
from ..workbook.model import PHASES, TARGET_KINDS
from .protocol_yaml import MAX_CHARS, read_yaml

QUESTION_CATEGORIES = (
    "company-culture", "background", "likes-and-challenges", "industry-trends", "advice",
    "resources-and-people", "assignments",
)
CATEGORY_LABELS = {
    "company-culture": "The company and its culture",
    "background": "Their background and experience",
    "likes-and-challenges": "What they like and find hard",
    "industry-trends": "Industry trends",
    "advice": "Advice",
    "resources-and-people": "Resources and people",
    "assignments": "Small assignments",
}
TIARA = {"T": "Trends", "I": "Insights", "A": "Advice", "R": "Resources", "A2": "Assignments"}
WRAP_UP_MINUTES = 1.0
MAX_QUESTION_CHARS = 300
_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")


@dataclass(frozen=True)
class Question:
    """One question of the bank."""

    id: str
    text: str
    category: str
    tiara: str
    phase: str
    goals: tuple[str, ...]
    minutes: float
    keep: bool = False


def _check(entry: object, index: int, source: Path) -> Question:
    if not isinstance(entry, dict):
        raise ValidationError(f"{source}: question number {index + 1} is not a mapping; "
                              "write it as 'id: ...', 'text: ...' and so on.")
    qid = str(entry.get("id", "")).strip()
    label = qid or f"number {index + 1}"
    where = f"{source}: question {label}"
    if not _ID.match(qid):
        raise ValidationError(f"{where}: the id must be lower-case letters, digits and '-'.")
    text = str(entry.get("text", "") or "").strip()
    if not text:
        raise ValidationError(f"{where}: the text is empty; write the question.")
    values = {
        "category": QUESTION_CATEGORIES, "tiara": tuple(TIARA), "phase": PHASES,
    }
    for key, allowed in values.items():
        if str(entry.get(key, "")) not in allowed:
            raise ValidationError(f"{where}: {key} {entry.get(key)!r} is not known; use one of "
                                  f"{', '.join(allowed)}.")
    goals = entry.get("goals") or []
    if isinstance(goals, str):
        goals = [goals]
    bad = [g for g in goals if g not in TARGET_KINDS]
    if not goals or bad:
        raise ValidationError(f"{where}: goals must be a list of {', '.join(TARGET_KINDS)} "
                              f"(got {goals!r}).")
    try:
        minutes = float(entry.get("minutes", 2))
    except (TypeError, ValueError) as err:
        raise ValidationError(f"{where}: minutes must be a number, e.g. 2.") from err
    if not 0 < minutes <= 15:
        raise ValidationError(f"{where}: minutes must be more than 0 and at most 15.")
    return Question(qid, text, entry["category"], entry["tiara"], entry["phase"],
                    tuple(goals), minutes, bool(entry.get("keep", False)))


def parse_bank(text: str, source: str | Path = "<questions>") -> list[Question]:
    """Check a question bank given as YAML text; ValidationError names the question."""
    source = Path(str(source))
    try:
        data = read_yaml(text)[1] if len(text) <= MAX_CHARS else None
    except yaml.YAMLError as err:
        raise ValidationError(f"{source} is not valid YAML: {err}") from err
    entries = data.get("questions") if isinstance(data, dict) else None
    if not isinstance(entries, list) or not entries:
        raise ValidationError(f"{source}: expected a 'questions:' list at the top.")
    bank = [_check(e, i, source) for i, e in enumerate(entries)]
    seen: set[str] = set()
    for q in bank:
        if q.id in seen:
            raise ValidationError(f"{source}: question {q.id} appears twice; give each a new id.")
        seen.add(q.id)
    kept = [q for q in bank if q.keep]
    if len(kept) != 1 or kept[0].phase != "closing":
        raise ValidationError(f"{source}: exactly one question needs 'keep: true' and phase "
                              "closing (who else should I talk to, and may I mention you?).")
    return bank


def read_bank(path: str | Path) -> list[Question]:
    """The checked bank in the file at path (ValidationError says what to fix)."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        reason = getattr(err, "strerror", None) or "not UTF-8 text"
        raise ValidationError(f"Cannot read the question bank {path} ({reason}); check "
                              "'question_bank' in the protocol file.") from err
    return parse_bank(text, path)
