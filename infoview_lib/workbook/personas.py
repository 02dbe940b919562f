"""Sample personas in data/personas/: fictional people a workshop can use instead of real ones.

Example:
    >>> [p.id for p in list_personas()][:1]
    ['amara']
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from .errors import NotFound
from .model import Contact, Organization, Target, Tie
from .paths import DATA_DIR
from .profile import Profile, save_profile
from .store import Workbook

PERSONAS_DIR = DATA_DIR / "personas"


@dataclass(frozen=True)
class Persona:
    id: str
    description: str
    path: Path


def list_personas() -> list[Persona]:
    """The sample personas, sorted by id."""
    out = []
    for path in sorted(PERSONAS_DIR.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        out.append(Persona(data["id"], data["description"], path))
    return out


def load_persona_data(persona_id: str) -> dict:
    """The raw JSON of one persona."""
    for persona in list_personas():
        if persona.id == persona_id.strip().lower():
            return json.loads(persona.path.read_text(encoding="utf-8"))
    known = ", ".join(p.id for p in list_personas())
    raise NotFound(f"No sample persona called {persona_id!r}; choose one of: {known}.")


def load_persona(wb: Workbook, persona_id: str) -> dict[str, int]:
    """Fill the workbook with a persona (one transaction); return how many of each were added."""
    data = load_persona_data(persona_id)
    source = f"persona:{data['id']}"
    with wb.transaction():
        save_profile(wb, Profile.from_dict(data["ego"]))
        wb.set_setting("persona", data["id"])
        orgs = wb.add_many(Organization(**o, sources=[source]) for o in data["organizations"])
        keys, people = [], []
        for raw in data["contacts"]:
            raw = dict(raw)
            keys.append(raw.pop("key"))
            raw.pop("introduced_by", None)
            people.append(Contact(**{**raw, "organization": raw.get("organization") or ""},
                                  sources=[source]))
        people = wb.add_many(people)
        ids = dict(zip(keys, (p.id for p in people), strict=True))
        for raw, person in zip(data["contacts"], people, strict=True):
            if raw.get("introduced_by"):
                wb.update(Contact, person.id, introduced_by=ids[raw["introduced_by"]])
        ties = wb.add_many(Tie(a=ids[a], b=ids[b]) for a, b in data.get("ties", []))
        targets = wb.add_many(
            Target(**{**t, "organization": t.get("organization") or ""}) for t in data["targets"]
        )
    return {"contacts": len(people), "organizations": len(orgs), "ties": len(ties),
            "targets": len(targets)}


__all__ = ["Persona", "list_personas", "load_persona", "load_persona_data"]
