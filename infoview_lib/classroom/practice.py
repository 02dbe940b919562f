"""Practice mode: a sample persona with steps 3 to 6 already under way, so a class can
practise what cannot happen in the room: a meeting that took place two days ago (to debrief
and thank), a referral from it to follow up, and a request waiting for a reply.

The steps it fills in are recorded (setting "practice_prefilled"), so the progress file and
the class report never count them as the student's own work.

Example:
    >>> import tempfile, pathlib, datetime
    >>> from infoview_lib.workbook.store import open_workbook
    >>> from infoview_lib.workbook.personas import load_persona
    >>> wb = open_workbook(pathlib.Path(tempfile.mkdtemp()) / "w.sqlite")
    >>> _ = load_persona(wb, "maya")
    >>> sorted(start_practice(wb, today=datetime.date(2026, 11, 4)))
    ['met', 'referred', 'waiting']
"""

from __future__ import annotations

from datetime import date, timedelta

from ..followthrough import add_referral
from ..meetings.schedule import save_meeting
from ..outreach.tracker import outreach_for, set_status
from ..targets import set_goals
from ..workbook.errors import ValidationError
from ..workbook.model import Contact, Outreach, Target
from ..workbook.store import Workbook
from .walkthrough import leads_by_target

PREFILLED_SETTING = "practice_prefilled"
PREFILLED_STEPS = [3, 5]  # contacted people, a meeting planned (it has happened)


def start_practice(wb: Workbook, today: date | None = None) -> dict[str, str]:
    """Set steps 3-6 under way on a loaded persona; returns the names used, by role."""
    today = today or date.today()
    kinds = sorted({t.kind for t in wb.list(Target)})
    set_goals(wb, kinds, "What the work is like day to day, and how people got started.")
    leads = leads_by_target(wb)
    if len(leads) < 2:
        raise ValidationError("Practice mode needs a sample persona with at least two leads; "
                              "load one first (infoview init --persona maya).")
    (first, met), (second, waiting) = leads[:2]
    for target, contact in ((first, met), (second, waiting)):
        wb.update(Outreach, outreach_for(wb, contact.id).id, target_id=target.id)
    record = outreach_for(wb, met.id)
    set_status(wb, record.id, "sent", today - timedelta(days=14))
    set_status(wb, record.id, "replied", today - timedelta(days=12))
    held = save_meeting(wb, met.id, today - timedelta(days=2), "15:00", "Europe/London",
                        video_link="https://meet.example.com/practice")
    referral = add_referral(wb, held.id, "Mina Takahashi", organization=met.organization,
                            note=f"{met.first_name} said Mina started the same way.")
    # part of the practice, not someone the student added
    wb.update(Contact, referral.id, sources=[*referral.sources, f"persona:{wb.setting('persona')}"])
    set_status(wb, outreach_for(wb, waiting.id).id, "sent", today - timedelta(days=4))
    wb.set_setting(PREFILLED_SETTING, PREFILLED_STEPS)
    return {"met": met.name, "referred": referral.name, "waiting": waiting.name}
