"""Facilitator notes with the persona answer key: for each sample persona, the target the
workbook ranks first and its best lead, a model request that passes the checker, and
questions that suit the persona's goals. docs/facilitator-notes.md is this text (a test
regenerates it and compares, so the key stays true when personas or rules change).

Example:
    >>> key = persona_key("maya")
    >>> key.passes, len(key.questions)
    (True, 5)
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path

from ..outreach import draft_for
from ..questions import filter_bank, keep_question, load_bank, user_goal_kinds
from ..steps import STEPS
from ..targets import current_focus, set_goals
from ..workbook.model import Contact, Target
from ..workbook.personas import list_personas, load_persona
from ..workbook.store import open_workbook
from .protocol import current_protocol, fit_persona_categories

HEADER = """\
# Facilitator notes

Generated from the sample personas and the shipped protocol by
`python -m infoview_lib.classroom.facilitator` (a test checks this file matches, so the key
stays true). Use it to check a table's answers quickly; other answers can be good too.

## The session at a glance

{steps}

Walk the room during steps 1-3: most questions come from the request in step 3 (the checker
says what to fix, one line per rule). During step 5 pair people up for a ten-minute
role-play from their agenda. Keep five minutes at the end for the hand-in ('For your
instructor' in notebook 07, or `infoview hand-in`).

## Persona answer key
"""


@dataclass(frozen=True)
class PersonaKey:
    persona: str
    description: str
    people: int
    top_target: str
    lead: str
    lead_reason: str
    message: str
    passes: bool
    questions: list[str]


def persona_key(persona: str, questions: int = 5) -> PersonaKey:
    """Load the persona into a throwaway workbook and read off the expected answers."""
    with tempfile.TemporaryDirectory() as tmp, \
            open_workbook(Path(tmp) / "key.sqlite") as wb:
        load_persona(wb, persona)
        fit_persona_categories(wb)
        kinds = sorted({t.kind for t in wb.list(Target)})
        set_goals(wb, kinds, "What the work is like day to day, and how people got started.")
        row = current_focus(wb)[0]
        lead = row.leads[0]
        draft, _, results = draft_for(wb, wb.get(Contact, lead.contact_id), "email")
        bank = filter_bank(load_bank(), user_goal_kinds(wb))
        picked = [q.text for q in bank if not q.keep][:questions - 1]
        description = next(p.description for p in list_personas() if p.id == persona)
        return PersonaKey(persona, description, len(wb.contacts()), row.target.name, lead.name,
                          lead.reason, draft.body, all(r.passed for r in results),
                          [*picked, keep_question(load_bank()).text])


def _section(key: PersonaKey) -> str:
    quoted = "\n".join(f"> {line}" if line else ">" for line in key.message.splitlines())
    questions = "\n".join(f"{i}. {q}" for i, q in enumerate(key.questions, 1))
    verdict = "passes every check" if key.passes else "does NOT pass the checker"
    return (f"### {key.persona}: {key.description}\n\n"
            f"- People listed: {key.people}\n"
            f"- Top target in step 2: **{key.top_target}**\n"
            f"- Best lead: **{key.lead}** ({key.lead_reason})\n\n"
            f"A model request to {key.lead} (the workbook's own draft; it {verdict}):\n\n"
            f"{quoted}\n\nQuestions that suit this persona (step 4):\n\n{questions}\n")


def facilitator_notes() -> str:
    """The whole of docs/facilitator-notes.md."""
    p = current_protocol()
    steps = "\n".join(f"{s.number}. {s.title} (`{s.notebook}`)" for s in STEPS)
    numbers = (f"\nThe shipped protocol's numbers: list {p.list_aim} people, requests under "
               f"{p.outreach['max_words']} words, meetings of "
               f"{'/'.join(map(str, p.meeting_lengths))} minutes, follow-ups after "
               f"{p.follow_up['second_contact_after_days']} and "
               f"{p.follow_up['follow_up_after_days']} business days, thanks within "
               f"{p.follow_up['thank_you_within_hours']} hours (a class protocol may differ: "
               "`infoview protocol check` prints yours).\n")
    sections = "\n".join(_section(persona_key(persona.id)) for persona in list_personas())
    return HEADER.format(steps=steps) + numbers + "\n" + sections


if __name__ == "__main__":
    print(facilitator_notes(), end="")
