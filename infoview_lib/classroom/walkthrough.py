"""Walk a persona through steps 2 to 6, as a student would in the notebooks, so the demo
and workshops have plans, drafts, meetings and follow-ups to show.

Example:
    >>> import tempfile, pathlib, datetime
    >>> from infoview_lib.workbook.store import open_workbook
    >>> from infoview_lib.workbook.personas import load_persona
    >>> wb = open_workbook(pathlib.Path(tempfile.mkdtemp()) / "w.sqlite")
    >>> _ = load_persona(wb, "maya")
    >>> done = walk_through(wb, today=datetime.date(2026, 11, 2))
    >>> sorted(done)
    ['asked', 'met', 'referred', 'upcoming']
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone

from ..followthrough import add_referral, mark_thank_you_sent, save_debrief
from ..meetings.schedule import save_meeting
from ..outreach.tracker import outreach_for, set_status
from ..questions import filter_bank, load_bank, pick, user_goal_kinds
from ..targets import current_focus, set_contact_first, set_goals
from ..workbook.model import Contact, Outreach, Target
from ..workbook.store import Workbook

QUESTIONS_PICKED = 6


def leads_by_target(wb: Workbook) -> list[tuple[Target, Contact]]:
    """The first person who leads to each focus target, best target first, no one twice."""
    chosen, seen = [], set()
    for row in current_focus(wb):
        for lead in row.leads:
            if lead.contact_id not in seen:
                seen.add(lead.contact_id)
                chosen.append((row.target, wb.get(Contact, lead.contact_id)))
                break
    return chosen


def walk_through(wb: Workbook, today: date | None = None) -> dict[str, str]:
    """Goals, outreach to the top leads, questions, one meeting held (debrief, thanks, a
    referral) and one coming up. Returns the names used, by role."""
    today = today or date.today()
    kinds = sorted({t.kind for t in wb.list(Target)})
    set_goals(wb, kinds, "What the work is like day to day, and how people got started.")
    leads = leads_by_target(wb)
    if len(leads) < 2:
        return {}
    (first_target, met), (second_target, upcoming) = leads[:2]
    set_contact_first(wb, first_target.id, met.id)
    set_contact_first(wb, second_target.id, upcoming.id)
    for target, contact in leads[:4]:
        wb.update(Outreach, outreach_for(wb, contact.id).id, target_id=target.id)
    for contact, sent in ((met, today - timedelta(days=21)), (upcoming, today - timedelta(days=6))):
        record = outreach_for(wb, contact.id)
        set_status(wb, record.id, "sent", sent)
        set_status(wb, record.id, "replied", sent + timedelta(days=2))
    for _, contact in leads[2:4]:
        set_status(wb, outreach_for(wb, contact.id).id, "sent", today - timedelta(days=4))
    bank = filter_bank(load_bank(), user_goal_kinds(wb))
    for question in bank[:QUESTIONS_PICKED]:
        pick(wb, question)

    held_day = today - timedelta(days=7)
    held = save_meeting(wb, met.id, held_day, "15:00", "Europe/London",
                        video_link="https://meet.example.com/demo")
    save_debrief(wb, held.id, learned="Small side projects count for more than titles early on.",
                 specific="Spend a day shadowing someone before choosing a speciality.",
                 use="I will ask my course leader who I could shadow this term.",
                 still_interested="yes")
    mark_thank_you_sent(wb, held.id, when=datetime.combine(held_day, time(18, 0), timezone.utc))
    referral = add_referral(wb, held.id, "Mina Takahashi", organization=met.organization)
    save_meeting(wb, upcoming.id, today + timedelta(days=7), "10:30", "America/New_York",
                 place="Their office, ground-floor café")
    return {"met": met.name, "upcoming": upcoming.name, "referred": referral.name,
            "asked": ", ".join(c.name for _, c in leads[2:4])}
