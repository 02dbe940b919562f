"""The one-page interview plan for a contact: who they are, how you are connected, what you
want to learn, the agenda with your questions, logistics and the checklist.

`plan_data` gathers it as plain data; export.plans lays it out as a page, which
export.markdown, export.html and export.pdf render.

Example:
    >>> from infoview_lib.workbook.store import open_workbook
    >>> import tempfile, pathlib
    >>> wb = open_workbook(pathlib.Path(tempfile.mkdtemp()) / "w.sqlite")
    >>> from infoview_lib.workbook.model import Contact
    >>> plan_data(wb, wb.add(Contact(first_name="Ada")))["contact"]["name"]
    'Ada'
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from ..map.analysis import chain_from_ego, who_can_point_me_there
from ..map.network import EGO, build_graph, contact_node
from ..questions import build_agenda, chosen, keep_question, load_bank, user_goal_text
from ..steps import STEPS
from ..workbook.errors import InfoviewError
from ..workbook.model import Contact, Meeting, Outreach, Target
from ..workbook.store import Workbook
from .schedule import (
    asked_length,
    checklist_items,
    has_happened,
    meeting_for,
    start_local,
    when_text,
    where_text,
)

PICK_QUESTIONS = "Pick your questions in step 4, so the agenda has them"
_STEP6 = next(s for s in STEPS if s.number == 6)
AFTER_IT = ("This meeting has happened: note how it went and send your thank-you in step 6 "
            f"({_STEP6.notebook}).")


def connection_path(wb: Workbook, contact: Contact, graph=None) -> list[str]:
    """Names from the user to the contact: ['You', 'Ada', 'Ben'] (the introduced-by chain,
    as the network map draws it)."""
    if graph is not None:
        node = contact_node(contact.id)
        if node in graph:
            return ["You" if n == EGO else graph.nodes[n].get("label", n)
                    for n in chain_from_ego(graph, node)]
    chain = [contact]
    seen = {contact.id}
    while chain[-1].introduced_by and chain[-1].introduced_by not in seen:
        try:
            chain.append(wb.get(Contact, chain[-1].introduced_by))
        except InfoviewError:
            break
        seen.add(chain[-1].id)
    return ["You"] + [c.name for c in reversed(chain)]


def target_reasons(wb: Workbook, contact: Contact, graph) -> list[str]:
    """Why this person can point you to each of your targets (from the network analysis)."""
    node = contact_node(contact.id)
    out = []
    for target in wb.list(Target):
        try:
            leads = who_can_point_me_there(graph, target.name)
        except InfoviewError:
            continue
        out += [f"{target.name}: {lead.reason}" for lead in leads if lead.contact == node]
    return out


def connection_text(wb: Workbook, contact: Contact, path: list[str]) -> str:
    if len(path) <= 2:
        how = f"You know {contact.name} directly"
        if contact.tie_strength:
            how += f" (you see each other {contact.tie_strength})"
        if contact.categories:
            how += f", from this part of your life: {', '.join(contact.categories)}"
        return how + "."
    middle = ", then ".join(path[1:-1])
    return f"Through {middle}: mention who referred you in the first minute."


def _targets_for(wb: Workbook, contact: Contact) -> list[Target]:
    targets = wb.list(Target)
    linked = {o.target_id for o in wb.list(Outreach, contact_id=contact.id) if o.target_id}
    org = contact.organization.casefold()
    return [t for t in targets if t.id in linked or (org and org in (
        t.organization.casefold(), t.name.casefold()))]


def before_meeting(meeting: Meeting, questions: int,
                   happened: bool = False) -> list[tuple[str, bool]]:
    """(what to do, done) before a meeting that has a date: the checklist, the day-before
    note dated (left out once the meeting has happened), and picking questions when none
    are picked yet.

    >>> m = Meeting(starts_at="2026-12-10T15:00", timezone="Europe/London", duration_minutes=20)
    >>> for text, done in before_meeting(m, questions=0)[:2]:
    ...     print(text)
    Pick your questions in step 4, so the agenda has them
    Confirm the day before, Wed 09 Dec (a short, friendly note)
    >>> any("day before" in t for t, _ in before_meeting(m, questions=0, happened=True))
    False
    """
    day_before = start_local(meeting) - timedelta(days=1)
    items = [] if questions else [(PICK_QUESTIONS, False)]
    for key, label, done in checklist_items(meeting):
        if key == "confirm":
            if happened:
                continue
            label = label.replace("the day before", f"the day before, {day_before:%a %d %b}", 1)
        items.append((label, done))
    return items


def meeting_data(meeting: Meeting | None, questions: int,
                 now: datetime | None = None) -> dict[str, Any] | None:
    """The meeting part of the plan (None until it has a date): when, where, how long, what
    to do before it, and whether it has happened (`now`: an aware datetime, default now)."""
    if meeting is None or not meeting.starts_at:
        return None
    happened = has_happened(meeting, now)
    return {
        "when": when_text(meeting), "where": where_text(meeting),
        "minutes": meeting.duration_minutes, "timezone": meeting.timezone,
        "starts_at": meeting.starts_at, "place": meeting.place,
        "video_link": meeting.video_link,
        "before": [{"text": t, "done": d}
                   for t, d in before_meeting(meeting, questions, happened)],
        "happened": happened,
    }


def plan_data(wb: Workbook, contact: Contact | int | str,
              now: datetime | None = None) -> dict[str, Any]:
    """Everything on the one-page plan as plain data (strings unescaped)."""
    if isinstance(contact, int):
        contact = wb.get(Contact, contact)
    elif isinstance(contact, str):
        contact = wb.find_contact(contact)
    bank = load_bank()
    meeting = meeting_for(wb, contact.id)
    length = meeting.duration_minutes if meeting else None
    if length is None:
        length = asked_length(wb, contact.id)
    questions = chosen(wb, contact.id, bank)
    kept = keep_question(bank).id  # always asked: it does not count as picked
    agenda = build_agenda(questions, length)
    graph = build_graph(wb)
    path = connection_path(wb, contact, graph)
    reasons = target_reasons(wb, contact, graph)
    targets = _targets_for(wb, contact)
    learn = [user_goal_text(wb)] if user_goal_text(wb) else []
    learn += [f"{t.name}: {t.what_to_learn}" if t.what_to_learn else t.name for t in targets]
    return {
        "title": f"Interview plan: {contact.name}",
        "contact": {
            "id": contact.id, "name": contact.name, "title": contact.title,
            "organization": contact.organization, "emails": contact.emails,
            "phones": contact.phones, "categories": contact.categories,
            "tie_strength": contact.tie_strength, "notes": contact.notes,
        },
        "connection": {"path": path, "text": connection_text(wb, contact, path),
                       "leads_to": reasons},
        "learn": learn,
        "meeting": meeting_data(meeting, sum(q.question_id != kept for q in questions), now),
        "agenda": {
            "length": agenda.length, "total": agenda.total, "fits": agenda.fits,
            "warning": agenda.warning,
            "phases": [{"name": p.name, "minutes": p.minutes,
                        "items": [{"text": t, "minutes": m} for t, m in p.items]}
                       for p in agenda.phases],
        },
        "checklist": [{"key": k, "label": label, "done": done}
                      for k, label, done in checklist_items(meeting)],
    }
