"""A workbook with everything an export can hold, shared by the export tests.

Maya's persona plus: a contact whose name is an HTML script, formula-like values, a
Chinese name with a meeting, a Greek/Cyrillic name, outreach in several states, a past
meeting with a debrief, a future meeting and picked questions.
"""

from __future__ import annotations

from datetime import date, datetime, timezone

from infoview_lib.followthrough import save_debrief
from infoview_lib.meetings.schedule import save_meeting
from infoview_lib.outreach.tracker import outreach_for, set_status
from infoview_lib.questions import load_bank, pick
from infoview_lib.workbook.model import Contact, Meeting, Outreach
from infoview_lib.workbook.store import Workbook

INJECTED = "<script>alert(1)</script>"
TODAY = date(2026, 3, 2)
STAMP = datetime(2026, 3, 2, 9, 0, tzinfo=timezone.utc)


def enrich(wb: Workbook) -> dict[str, Contact]:
    """Add the tricky contacts and some progress to a workbook holding the maya persona."""
    evil = wb.add(Contact(first_name=INJECTED, organization="=SUM(1+1)", title="=Chief Data Officer",
                          emails=["evil@example.net"], phones=["+44 7700 900123"],
                          linkedin_url="https://www.linkedin.com/in/evil-example",
                          notes="@Scale Partners said: -call me", categories=["online"],
                          tie_strength="rarely"))
    greek = wb.add(Contact(first_name="Ελένη", last_name="Попова", organization="+Plus Mobility",
                           emails=["eleni.popova@example.org"], categories=["club"],
                           tie_strength="occasionally", can_interview=True))
    people = {c.name: c for c in wb.contacts()}
    chinese = next(c for c in people.values() if "晓雯" in c.name)
    priya = people["Priya Raman"]
    waiting = next(c for c in people.values() if c.id not in {evil.id, greek.id, chinese.id,
                                                              priya.id})
    for person in (evil, greek, chinese, priya, waiting):
        outreach_for(wb, person.id)
    set_status(wb, outreach_for(wb, priya.id).id, "sent", date(2026, 2, 25))
    set_status(wb, outreach_for(wb, evil.id).id, "sent", date(2026, 2, 23))
    record = outreach_for(wb, greek.id)
    wb.update(Outreach, record.id, parts={"who_i_am": "A design student, *curious* | eager",
                                          "ask": "Could we talk for 20 minutes?"})
    set_status(wb, record.id, "sent", date(2026, 2, 16))
    set_status(wb, record.id, "replied", date(2026, 2, 18))
    past = save_meeting(wb, chinese.id, "2026-02-20", "15:00", "America/New_York",
                        place="Café <b>Zoë</b>; room 2, \\ back", minutes=20)
    save_debrief(wb, past.id, learned="Portfolio reviews matter more than titles.")
    save_meeting(wb, evil.id, "2026-03-10", "09:30", "Europe/Berlin",
                 video_link="https://meet.example.com/abc-def", minutes=30)
    bank = load_bank()
    for question in bank[:4]:
        pick(wb, question, chinese.id)
    return {"evil": evil, "greek": greek, "chinese": chinese, "priya": priya, "waiting": waiting}


def test_enrich_builds_a_workbook_with_progress(maya):
    people = enrich(maya)
    statuses = {o.contact_id: o.status for o in maya.list(Outreach)}
    assert statuses[people["chinese"].id] == "met"
    assert statuses[people["evil"].id] == "meeting_set"
    assert statuses[people["greek"].id] == "replied"
    assert statuses[people["priya"].id] == "sent"
    assert statuses[people["waiting"].id] == "to_contact"


def rich_workbook(path):
    """A new workbook at path with the maya persona and enrich() applied (for module fixtures)."""
    from infoview_lib.workbook.personas import load_persona
    from infoview_lib.workbook.store import open_workbook

    wb = open_workbook(path)
    load_persona(wb, "maya")
    enrich(wb)
    return wb


def secrets_of(wb: Workbook) -> list[str]:
    """Every name, e-mail, phone and URL in the workbook (the ego's included)."""
    found: set[str] = set()
    for c in wb.contacts(include_deleted=True):
        found |= {c.name, *c.emails, *c.phones}
        found |= {p for p in (c.first_name, c.last_name, c.linkedin_url)
                  if len(p.encode("utf-8")) >= 4}
    for key, value in (wb.setting("ego", {}) or {}).items():
        if key in ("name", "email", "phone", "url") and value:
            found.add(str(value))
    for m in wb.list(Meeting):
        if m.video_link:
            found.add(m.video_link)
    return sorted(found)
