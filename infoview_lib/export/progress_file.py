"""The anonymised progress file (`progress.json`) a student hands to an instructor.

Counts only: no names, e-mails, phones, URLs, contacts' organisations, notes or message
text. The schema is documented in docs/anonymised-progress.md; `infoview class-report`
(the workshop kit) reads it.

Example:
    >>> import tempfile, pathlib
    >>> from infoview_lib.workbook.store import open_workbook
    >>> from infoview_lib.workbook.model import Contact
    >>> wb = open_workbook(pathlib.Path(tempfile.mkdtemp()) / "w.sqlite")
    >>> _ = wb.add(Contact(first_name="Ada", categories=["friend"], tie_strength="often"))
    >>> data = progress_data(wb)
    >>> data["format"], data["people"]["total"], data["people"]["by_tie_strength"]["often"]
    ('infoview-progress', 1, 1)
"""

from __future__ import annotations

import secrets
from datetime import datetime, timezone
from typing import Any

from ..classroom.protocol import current_protocol
from ..followthrough import funnel
from ..meetings.schedule import start_utc
from ..steps import step_progress
from ..workbook.anonymize import anonymous_names
from ..workbook.model import (
    OUTREACH_STATUSES,
    TARGET_KINDS,
    TIE_STRENGTHS,
    Meeting,
    Outreach,
    Target,
    Tie,
)
from ..workbook.store import Workbook

FORMAT = "infoview-progress"
VERSION = 1
SUBMISSION_SETTING = "progress_submission_id"

def submission_id(wb: Workbook) -> str:
    """A random id made once per workbook: the same student handing in twice is one entry."""
    value = wb.setting(SUBMISSION_SETTING)
    if not value:
        value = secrets.token_hex(8)
        wb.set_setting(SUBMISSION_SETTING, value)
    return str(value)


def _held(meeting: Meeting, now: datetime) -> bool:
    if meeting.debrief:
        return True
    if not meeting.starts_at:
        return False
    try:
        return start_utc(meeting) <= now
    except Exception:  # an unreadable date or zone: not counted as held
        return False


def funnel_counts(wb: Workbook) -> dict[str, int]:
    """Step 6's funnel (listed, contacted, replied, met, thanked, referrals followed up),
    with snake_case keys, plus how many declined."""
    counts = {key.replace(" ", "_"): int(value) for key, value in funnel(wb).items()}
    listed = {c.id for c in wb.contacts()}
    counts["declined"] = len({o.contact_id for o in wb.list(Outreach)
                              if o.contact_id in listed and o.status == "declined"})
    return counts


def progress_data(wb: Workbook, now: datetime | None = None) -> dict[str, Any]:
    """The progress file's content (see docs/anonymised-progress.md)."""
    now = now or datetime.now(timezone.utc)
    people = wb.contacts()
    listed = {c.id for c in people}
    known = current_protocol().categories
    names = anonymous_names(wb, known)  # custom categories and targets: no names leak
    by_category = dict.fromkeys(known, 0)
    for person in people:
        for category in names.category_list(person.categories):
            by_category[category] = by_category.get(category, 0) + 1
    by_tie = {**dict.fromkeys(TIE_STRENGTHS, 0), "unknown": 0}
    for person in people:
        by_tie[person.tie_strength or "unknown"] = by_tie.get(person.tie_strength or "unknown",
                                                              0) + 1
    targets = wb.list(Target)
    by_kind = dict.fromkeys(TARGET_KINDS, 0)
    for target in targets:
        by_kind[target.kind] = by_kind.get(target.kind, 0) + 1
    outreach = [o for o in wb.list(Outreach) if o.contact_id in listed]
    by_status = dict.fromkeys(OUTREACH_STATUSES, 0)
    for record in outreach:
        by_status[record.status] = by_status.get(record.status, 0) + 1
    meetings = [m for m in wb.list(Meeting) if m.contact_id in listed]
    steps = step_progress(wb)
    flow = funnel_counts(wb)
    return {
        "format": FORMAT,
        "version": VERSION,
        "submission_id": submission_id(wb),
        "created_at": now.replace(microsecond=0).isoformat(),
        "steps_done": [s.number for s in steps if s.done],
        # a practice persona's own people and targets are not the student's progress
        "practice": {"persona": str(wb.setting("persona") or "")[:40] or None,
                     "own_people": sum(not any(str(x).startswith("persona:") for x in p.sources)
                                       for p in people),
                     "prefilled": list(wb.setting("practice_prefilled") or [])},
        "steps": [{"number": s.number, "title": s.title, "done": s.done,
                   "fraction": round(s.fraction, 3)} for s in steps],
        "people": {
            "total": len(people),
            "by_category": by_category,
            "by_tie_strength": by_tie,
            "can_interview": sum(p.can_interview for p in people),
            "can_refer": sum(p.can_refer for p in people),
            "referred": sum(bool(p.introduced_by) for p in people),
            "ties": sum(t.a in listed and t.b in listed for t in wb.list(Tie)),
        },
        "targets": {
            "total": len(targets),
            "by_kind": by_kind,
            "fields": sorted({names.targets[t.id] if names.targets[t.id] != t.name else
                               t.name.lower() for t in targets if t.kind in ("field", "industry")}),
            "companies": sorted({names.targets[t.id] for t in targets if t.kind == "company"}),
        },
        "outreach": {
            "by_status": by_status,
            "funnel": flow,
            "replies": flow["replied"],
        },
        "meetings": {
            "planned": len(meetings),
            "held": sum(_held(m, now) for m in meetings),
            "thanked": sum(bool(m.thank_you_sent_on) for m in meetings),
        },
    }
