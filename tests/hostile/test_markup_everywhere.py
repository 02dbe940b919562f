"""Item 10: markup typed into (or smuggled into) any field never reaches a panel as markup.

Every text field of a workbook holds a payload that would run script if rendered raw; every
panel is built on it (with the hostile person picked) and every HTML widget in its tree is
read: the payload may appear only escaped.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import ipywidgets as w
import pytest

from infoview_lib.outreach.parts import EDITABLE
from infoview_lib.workbook.model import (
    Contact,
    Meeting,
    Note,
    Outreach,
    QuestionChoice,
    Target,
    Tie,
)

RAW = "<img src=x onerror=alert(1)>"
MARK = "'\"><img src=x onerror=alert(1)>"


def hostile_workbook(wb):
    """Markup in every free-text field (and in fields the model does not constrain)."""
    wb.set_setting("ego", {"name": "Sam Lee", "introduction": "a student"})  # refuses markup
    wb.set_setting("goals", {"kinds": ["company"], "what_to_learn": MARK})
    bad = wb.add(Contact(first_name=f"Eve{MARK}", last_name=MARK, organization=f"Org{MARK}",
                         title=MARK, notes=MARK, categories=[f"club{MARK}", "friend"],
                         tags=[MARK], emails=["eve@example.org"], tie_strength="often",
                         can_interview=True, can_refer=True, linkedin_url=f"https://x/{MARK}"))
    friend = wb.add(Contact(first_name=f"Ref{MARK}", introduced_by=bad.id,
                            categories=["friend"]))
    wb.add(Tie(a=bad.id, b=friend.id, kind=MARK, note=MARK))
    target = wb.add(Target(name=f"Org{MARK}", kind="company", organization=f"Org{MARK}",
                           what_to_learn=MARK, keywords=[MARK], notes=MARK))
    wb.set_setting("contact_first", {str(target.id): bad.id})
    start = datetime.now(timezone.utc) - timedelta(days=1)
    wb.add(Outreach(contact_id=bad.id, target_id=target.id, status="met",
                    parts={k: MARK for k in EDITABLE if k != "minutes"},
                    history=[["sent", start.date().isoformat()],
                             ["met", start.date().isoformat()]],
                    sent_on=start.date().isoformat()))
    wb.add(Meeting(contact_id=bad.id, starts_at=start.replace(tzinfo=None).isoformat(
        timespec="minutes"), timezone="UTC", duration_minutes=20, place=MARK,
        video_link=f"https://meet.example/{MARK}", notes=MARK,
        debrief={"learned": MARK, "specific": MARK, "use": MARK, "answers": {"q": MARK}}))
    wb.add(QuestionChoice(contact_id=bad.id, question_id=MARK, text=MARK, phase=MARK))
    wb.add(QuestionChoice(contact_id=None, question_id=MARK, text=MARK, phase=MARK))
    wb.add(Note(contact_id=bad.id, kind=MARK, text=MARK))
    return bad


def html_values(widget) -> list[str]:
    """The value of every HTML widget under widget (children of boxes, tabs, accordions)."""
    out = []
    if isinstance(widget, (w.HTML, w.HTMLMath)) and isinstance(widget.value, str):
        out.append(widget.value)
    for child in getattr(widget, "children", ()) or ():
        out += html_values(child)
    return out


def _panels(wb, contact_id):
    from infoview_lib.ui.export import ExportPanel
    from infoview_lib.ui.followthrough import FollowThroughPanel
    from infoview_lib.ui.meeting import MeetingPanel
    from infoview_lib.ui.network_map import MapPanel, TargetMapPanel
    from infoview_lib.ui.outreach import OutreachPanel
    from infoview_lib.ui.questions import QuestionsPanel
    from infoview_lib.ui.start import StartPanel
    from infoview_lib.ui.targets import TargetsPanel
    from infoview_lib.ui.who_you_know import WhoYouKnowPanel

    yield "start", StartPanel(wb, check_environment=False)
    yield "who you know", WhoYouKnowPanel(wb)
    yield "map", MapPanel(wb)
    yield "target map", TargetMapPanel(wb)
    yield "targets", TargetsPanel(wb)
    outreach = OutreachPanel(wb)
    yield "outreach (e-mail)", outreach
    for channel in ("phone", "linkedin"):
        outreach.channel.value = channel
        yield f"outreach ({channel})", outreach
    yield "questions", QuestionsPanel(wb, contact_id=contact_id)
    yield "meeting", MeetingPanel(wb, contact_id=contact_id)
    yield "follow-through", FollowThroughPanel(wb)
    yield "export", ExportPanel(wb)


def test_no_panel_renders_markup_from_the_workbook(wb):
    bad = hostile_workbook(wb)
    leaks = []
    for name, panel in _panels(wb, bad.id):
        values = html_values(panel.widget)
        assert values, name
        leaks += [(name, v[max(0, v.find(RAW) - 60):v.find(RAW) + 40])
                  for v in values if RAW in v]
    assert leaks == []


@pytest.mark.parametrize("field", ["phase", "text", "question_id"])
def test_the_step_4_list_escapes_each_field(wb, field):
    from infoview_lib.ui.questions import QuestionsPanel

    bad = wb.add(Contact(first_name="Ada"))
    values = {"text": "Why?", "phase": "core", "question_id": "own-1", field: MARK}
    wb.add(QuestionChoice(contact_id=bad.id, **values))
    panel = QuestionsPanel(wb, contact_id=bad.id)
    assert not [v for v in html_values(panel.widget) if RAW in v]
