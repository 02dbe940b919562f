"""Step 2: what the user wants to learn, and the target list (in the spirit of LAMP).

LAMP is Steve Dalton's method from *The 2-Hour Job Search*: list targets, then score
Advocacy (do I know someone there?), Motivation and Posting, sort by Motivation, then
Posting, then Advocacy, and work the top five. Here a target can be an industry, a company or
a career field, so a student with no company in mind still gets a list. Advocacy is not
typed in: it is read from the network (who on the list is at, or in, the target).

Example:
    >>> import tempfile, pathlib
    >>> from infoview_lib.workbook.store import open_workbook
    >>> wb = open_workbook(pathlib.Path(tempfile.mkdtemp()) / "w.sqlite")
    >>> _ = add_target(wb, "UX research", kind="field", motivation=5, postings=True)
    >>> _ = add_target(wb, "Game design", kind="field", motivation=5)
    >>> [row.target.name for row in ranked_targets(wb)]
    ['UX research', 'Game design']
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .map.analysis import who_can_point_me_there
from .map.network import EGO, build_graph, target_node
from .workbook.errors import NotFound, ValidationError
from .workbook.model import TARGET_KINDS, Contact, Target, target_organization
from .workbook.store import Workbook

FOCUS_SIZE = 5
GOALS_KEY = "goals"
CONTACT_FIRST_KEY = "contact_first"
MAX_NAME = 80   # a target is a short name; the details go in "what to learn"


# -- goals --------------------------------------------------------------------------
def goals(wb: Workbook) -> dict[str, Any]:
    """What the user explores: {"kinds": [...], "what_to_learn": "..."} (empty at first)."""
    stored = wb.setting(GOALS_KEY) or {}
    return {"kinds": list(stored.get("kinds", [])), "what_to_learn": stored.get("what_to_learn", "")}


def set_goals(wb: Workbook, kinds: list[str] | tuple[str, ...], what_to_learn: str = "") -> dict:
    """Store which kinds of target the user explores and, in a sentence or two, what they
    want to learn. Steps 3 and 4 reuse the sentence."""
    kinds = [str(k).strip().lower() for k in kinds]
    unknown = [k for k in kinds if k not in TARGET_KINDS]
    if unknown:
        raise ValidationError(f"{', '.join(unknown)}: pick from industry, company and field.")
    value = {"kinds": [k for k in TARGET_KINDS if k in kinds],
             "what_to_learn": (what_to_learn or "").strip()}
    wb.set_setting(GOALS_KEY, value)
    return value


# -- targets ------------------------------------------------------------------------
def _check_unique(wb: Workbook, name: str, skip_id: int | None = None) -> None:
    if len(name.strip()) > MAX_NAME:
        raise ValidationError(
            f"A target name is at most {MAX_NAME} characters (this one has {len(name.strip())}); "
            "keep it short, like 'UX research', and put details under what you want to learn.")
    for other in wb.list(Target):
        if other.id != skip_id and other.name.casefold() == name.strip().casefold():
            raise ValidationError(f"{name.strip()!r} is already on your target list; edit that one.")


def add_target(wb: Workbook, name: str, kind: str = "field", motivation: int = 3,
               postings: bool = False, what_to_learn: str = "", organization: str = "",
               keywords: list[str] | None = None) -> Target:
    """Put a target on the list (a company target's organization defaults to its name)."""
    organization = target_organization(name, kind, organization)
    target = Target(name=name, kind=kind, motivation=motivation, postings=postings,
                    what_to_learn=what_to_learn, organization=organization,
                    keywords=keywords or [])
    _check_unique(wb, target.name)
    return wb.add(target)


def update_target(wb: Workbook, target_id: int, **changes: Any) -> Target:
    """Change a target's fields (validated; names stay unique)."""
    if "name" in changes:
        _check_unique(wb, str(changes["name"]), skip_id=target_id)
    return wb.update(Target, target_id, **changes)


def remove_target(wb: Workbook, target_id: int) -> Target:
    """Take a target off the list (a backup of the workbook is made first)."""
    target = wb.get(Target, target_id)
    wb.backup("remove-target")
    with wb.transaction():
        picks = dict(wb.setting(CONTACT_FIRST_KEY) or {})
        picks.pop(str(target_id), None)
        wb.set_setting(CONTACT_FIRST_KEY, picks)
        wb.remove(Target, target_id)
    return target


def target_form(name: str, kind: str, motivation: int, postings: bool, organization: str,
                what_to_learn: str, keywords: str) -> dict[str, Any]:
    """A target form's boxes as target fields: keywords split at commas, text trimmed, and a
    company target's organisation its own name when left empty.

    >>> target_form("Acme", "company", 4, True, " ", "", "solar, , storage")["keywords"]
    ['solar', 'storage']
    >>> target_form("Acme", "company", 4, True, " ", "", "")["organization"]
    'Acme'
    """
    return dict(name=name, kind=kind, motivation=motivation, postings=postings,
                organization=target_organization(name, kind, organization),
                what_to_learn=what_to_learn.strip(),
                keywords=[k.strip() for k in keywords.split(",") if k.strip()])


def unsaved_changes(target: Target, form: dict[str, Any]) -> dict[str, Any]:
    """What a target form (see target_form) changes in `target`, its name left out: a new
    name typed over the form may be a new target, not a rename.

    >>> t = Target(name="Acme", kind="company", organization="Acme")
    >>> unsaved_changes(t, target_form("Acme", "company", 5, False, "", "", ""))
    {'motivation': 5}
    """
    return {k: v for k, v in form.items() if k != "name" and getattr(target, k) != v}


# -- who leads there ----------------------------------------------------------------
@dataclass(frozen=True)
class Lead:
    """Someone on the list who can point the user towards a target, and why.

    A plain view of analysis.who_can_point_me_there's answer (the one place that decides
    who leads where): kind is works_there, knows_someone, in_field or could_refer.
    """

    contact_id: int
    name: str
    reason: str
    path: tuple[str, ...]
    kind: str

    @property
    def path_text(self) -> str:
        return " → ".join(self.path)

    @property
    def insider(self) -> bool:
        return self.kind in ("works_there", "in_field")


def _leads_from_graph(g, target: Target) -> list[Lead]:

    out = []
    for lead in who_can_point_me_there(g, target_node(target.id)):
        path = tuple("You" if n == EGO else g.nodes[n].get("label", n) for n in lead.path)
        out.append(Lead(int(g.nodes[lead.contact]["contact_id"]), lead.name, lead.reason,
                        path, lead.kind))
    return out


def who_leads_there(wb: Workbook, target: Target) -> list[Lead]:
    """The people who can point the user to target, best first, each with reason and path."""
    return _leads_from_graph(build_graph(wb), target)


# -- the ranked list ----------------------------------------------------------------
@dataclass
class TargetRow:
    target: Target
    leads: list[Lead] = field(default_factory=list)
    rank: int = 0
    focus: bool = False

    @property
    def advocacy(self) -> bool:
        """LAMP's A: does the user know someone at or in the target?"""
        return bool(self.leads)

    @property
    def insiders(self) -> int:
        return sum(1 for lead in self.leads if lead.insider)


def ranked_targets(wb: Workbook) -> list[TargetRow]:
    """Targets sorted by motivation, then postings, then advocacy; the top 5 are the focus."""
    targets = wb.list(Target)
    g = build_graph(wb) if targets else None
    rows = [TargetRow(t, _leads_from_graph(g, t)) for t in targets]
    rows.sort(key=lambda r: (-r.target.motivation, -int(r.target.postings), -int(r.advocacy),
                             -r.insiders, r.target.name.casefold()))
    for i, row in enumerate(rows):
        row.rank, row.focus = i + 1, i < FOCUS_SIZE
    return rows


def current_focus(wb: Workbook) -> list[TargetRow]:
    """The five targets to work on now."""
    return [r for r in ranked_targets(wb) if r.focus]


# -- whom to contact first ----------------------------------------------------------
def set_contact_first(wb: Workbook, target_id: int, contact_id: int | None) -> None:
    """Remember whom the user will contact first for a target (None clears the pick)."""
    wb.get(Target, target_id)
    if contact_id is not None:
        wb.get(Contact, contact_id)
    picks = dict(wb.setting(CONTACT_FIRST_KEY) or {})
    if contact_id is None:
        picks.pop(str(target_id), None)
    else:
        picks[str(target_id)] = int(contact_id)
    wb.set_setting(CONTACT_FIRST_KEY, picks)


def contact_first(wb: Workbook, target_id: int) -> Contact | None:
    """The picked contact for a target, or None (also when that contact was deleted)."""
    picked = (wb.setting(CONTACT_FIRST_KEY) or {}).get(str(target_id))
    if picked is None:
        return None
    try:
        contact = wb.get(Contact, int(picked))
    except NotFound:
        return None
    return None if contact.deleted_at else contact


def ways_in(target: Target) -> list[str]:
    """Concrete ideas for a target nobody on the list leads to yet."""
    name = target.name
    ideas = [
        f"Search your school's alumni directory or LinkedIn's alumni tool for people "
        f"{'at ' + name if target.kind == 'company' else 'working in ' + name.lower()}; "
        "a shared school is a warm enough start.",
        f"Go to one meetup, talk or online event about {name} and speak to one person there.",
        f"Ask a club, society or professional association linked to {name} whether a member "
        "would talk to a student or newcomer.",
        f"Ask the people on your list who say yes to everything (friends, advisors, relatives) "
        f"\"Do you know anyone {'at ' + name if target.kind == 'company' else 'in ' + name.lower()}?\" "
        "and add whoever they name, with them as the introducer.",
    ]
    if target.kind == "company":
        ideas.append(f"Look at who from {name} writes, posts or speaks publicly; a specific "
                     "comment on their work makes a good first line.")
    return ideas


__all__ = ["FOCUS_SIZE", "Lead", "TargetRow", "add_target", "contact_first", "current_focus",
           "goals", "ranked_targets", "remove_target", "set_contact_first",
           "set_goals", "update_target", "ways_in", "who_leads_there"]
