"""The interview plans as Documents: one per contact, and one for the whole workbook.

The per-contact content comes from infoview_lib.meetings.plan.plan_data (step 5's one-page plan);
this module only lays it out, adds the outreach draft, and gathers the whole-workbook view
(targets, whom to contact, meetings, follow-ups owed, the map).

Example:
    >>> import tempfile, pathlib
    >>> from infoview_lib.workbook.store import open_workbook
    >>> from infoview_lib.workbook.model import Contact, Outreach
    >>> wb = open_workbook(pathlib.Path(tempfile.mkdtemp()) / "w.sqlite")
    >>> ada = wb.add(Contact(first_name="Ada"))
    >>> _ = wb.add(Outreach(contact_id=ada.id))
    >>> [c.name for c in plan_contacts(wb)]
    ['Ada']
    >>> workbook_plan(wb).title
    'Interview plan'
"""

from __future__ import annotations

import re
from datetime import date, datetime

from ..followthrough import owed_actions
from ..meetings.plan import AFTER_IT, plan_data
from ..meetings.schedule import when_text, where_text
from ..outreach import draft_for
from ..outreach.tracker import STATUS_LABELS, schedule
from ..steps import step_progress
from ..workbook.errors import InfoviewError
from ..workbook.model import Contact, Meeting, Outreach, Target
from ..workbook.store import Workbook
from .document import Bullets, Document, Fields, Grid, Heading, Image, PageBreak, Para
from .markdown import render_markdown


def plan_contacts(wb: Workbook) -> list[Contact]:
    """Contacts with a meeting or an outreach record (planned or under way), list order."""
    wanted = {m.contact_id for m in wb.list(Meeting)} | {o.contact_id for o in wb.list(Outreach)}
    return [c for c in wb.contacts() if c.id in wanted]


def _num(x: float) -> str:
    return f"{x:g}"


def _outreach_blocks(wb: Workbook, contact: Contact) -> list:
    items = wb.list(Outreach, contact_id=contact.id)
    if not items:
        return []
    record = items[-1]
    fields = [("Status", STATUS_LABELS.get(record.status, record.status)),
              ("Channel", record.channel), ("Sent on", record.sent_on),
              ("They replied on", record.replied_on)]
    blocks = [Heading("Outreach", 3), Fields(fields)]
    if record.status in ("to_contact", "sent"):
        try:
            draft = draft_for(wb, contact, "email")[0]
        except InfoviewError:
            return blocks
        blocks.append(Fields([("Draft e-mail, subject", draft.subject)]))
        blocks += [Para(chunk.strip()) for chunk in draft.body.split("\n\n") if chunk.strip()]
    return blocks


def _meeting_blocks(meeting: dict, level: int) -> list:
    """A meeting with a date comes first: when, where, how long, then what to do before it."""
    blocks = [Heading("Your meeting", level), Fields([
        ("When", meeting["when"]), ("Where", meeting["where"]),
        ("Length", f"{meeting['minutes']} minutes")])]
    if meeting["happened"]:
        blocks.append(Para(AFTER_IT))
    before = meeting["before"]
    return blocks + [Heading("Before the meeting", level),
                     Bullets([b["text"] for b in before], [bool(b["done"]) for b in before])]


def contact_blocks(wb: Workbook, contact: Contact, level: int = 2) -> list:
    """The one-page plan of a contact as blocks (headings start at `level`); once the meeting
    has a date it comes first, with what to do before it, and the outreach is left out."""
    data = plan_data(wb, contact)
    c = data["contact"]
    sub = level + 1
    role = ", ".join(x for x in (c["title"], c["organization"]) if x)
    meeting = data["meeting"]
    blocks: list = _meeting_blocks(meeting, sub) if meeting else []
    blocks += [Heading("Who they are", sub), Fields([
        ("Name", c["name"]), ("Role", role), ("E-mail", ", ".join(c["emails"])),
        ("Phone", ", ".join(c["phones"])), ("Categories", ", ".join(c["categories"])),
        ("You see each other", c["tie_strength"]), ("Notes", c["notes"]),
    ])]
    blocks += [Heading("How you are connected", sub),
               Para(" → ".join(data["connection"]["path"])), Para(data["connection"]["text"])]
    if data["connection"]["leads_to"]:
        blocks.append(Bullets([f"Can point you to {r}" for r in data["connection"]["leads_to"]]))
    blocks.append(Heading("What you want to learn", sub))
    blocks.append(Bullets(data["learn"]) if data["learn"] else
                  Para("Not written yet: say in step 2 what you want to find out.", muted=True))
    agenda = data["agenda"]
    blocks.append(Heading(f"Agenda ({agenda['length']} minutes)", sub))
    rows = []
    for phase in agenda["phases"]:
        rows.append([phase["name"], _num(phase["minutes"]), ""])
        rows += [["", _num(item["minutes"]) if item["minutes"] else "", item["text"]]
                 for item in phase["items"]]
    blocks.append(Grid(["Part", "Minutes", "Question"], rows))
    blocks.append(Para(f"About {_num(agenda['total'])} of {agenda['length']} minutes planned.",
                       muted=True))
    if agenda["warning"]:
        blocks.append(Fields([("Warning", agenda["warning"])]))
    if meeting:  # the meeting, and what to do before it, are at the top
        return blocks
    blocks.append(Heading("Logistics", sub))
    blocks.append(Para("Not fixed yet: set the date, time and place in step 5.", muted=True))
    for block in _outreach_blocks(wb, contact):
        if isinstance(block, Heading):
            block.level = sub
        blocks.append(block)
    blocks.append(Heading("Checklist", sub))
    items = data["checklist"]
    blocks.append(Bullets([i["label"] for i in items], [bool(i["done"]) for i in items]))
    return blocks


def contact_plan(wb: Workbook, contact: Contact) -> Document:
    """One contact's interview plan as a Document."""
    return Document(f"Interview plan: {contact.name}", blocks=contact_blocks(wb, contact, level=1))


def _owner(wb: Workbook) -> str:
    ego = wb.setting("ego", {}) or {}
    return str(ego.get("name", "")).strip() if isinstance(ego, dict) else ""


def overview_blocks(wb: Workbook, today: date | None = None) -> list:
    """Progress, targets, whom to contact, meetings and follow-ups owed."""
    names = {c.id: c.name for c in wb.contacts(include_deleted=True)}
    targets = {t.id: t.name for t in wb.list(Target)}
    blocks: list = [Heading("Progress")]
    blocks.append(Bullets([f"Step {s.number}, {s.title}: {s.detail}" for s in step_progress(wb)],
                          [s.done for s in step_progress(wb)]))
    blocks.append(Heading("Targets"))
    target_rows = [[t.name, t.kind, str(t.motivation), "yes" if t.postings else "no",
                    t.what_to_learn] for t in sorted(wb.list(Target),
                                                     key=lambda t: (-t.motivation, t.name))]
    blocks.append(Grid(["Target", "Kind", "Motivation (1-5)", "Postings", "What to learn"],
                       target_rows) if target_rows else
                  Para("No targets yet: choose some in step 2.", muted=True))
    blocks.append(Heading("Whom to contact"))
    listed = {c.id for c in wb.contacts()}
    outreach = [o for o in wb.list(Outreach) if o.contact_id in listed]
    if outreach:
        rows = [[names.get(o.contact_id, ""), targets.get(o.target_id, ""),
                 STATUS_LABELS.get(o.status, o.status), o.channel, o.sent_on] for o in outreach]
        columns = ["Contact", "Target", "Status", "Channel", "Sent on"]
        if not any(row[1] for row in rows):  # no outreach linked to a target: no empty column
            columns, rows = columns[:1] + columns[2:], [r[:1] + r[2:] for r in rows]
        blocks.append(Grid(columns, rows))
    else:
        blocks.append(Para("Nobody yet: plan your outreach in step 3.", muted=True))
    blocks.append(Heading("Meetings"))
    meetings = [m for m in wb.list(Meeting) if m.starts_at and m.contact_id in listed]
    if meetings:
        blocks.append(Grid(["Contact", "When", "Where", "Minutes"], [
            [names.get(m.contact_id, ""), when_text(m), where_text(m), str(m.duration_minutes)]
            for m in sorted(meetings, key=lambda m: m.starts_at)]))
    else:
        blocks.append(Para("No meetings fixed yet.", muted=True))
    blocks.append(Heading("Follow-ups owed"))
    owed = _owed_rows(wb, today)
    blocks.append(Grid(["Due", "What to do"], owed) if owed
                  else Para("Nothing owed right now.", muted=True))
    blocks.append(Para("Follow-up timing: the 3B7 routine from Steve Dalton's "
                       "The 2-Hour Job Search.", muted=True))
    return blocks


_DUE_NOTE = re.compile(r" \(due [^)]*\)(?=\.?$)")


def _owed_rows(wb: Workbook, today: date | None) -> list[list[str]]:
    """[due, what to do] rows: late ones first, then by date; open-ended ones last."""
    now = datetime.combine(today, datetime.min.time()).astimezone() if today else None
    items = [(o.late, o.due[:10], o.text) for o in owed_actions(wb, now=now)]
    # schedule() texts end with "(due Fri 27 Nov)."; the date has its own column here
    items += [(False, i.due_on.isoformat(), _DUE_NOTE.sub("", i.text))
              for i in schedule(wb, today)]
    items.sort(key=lambda i: (not i[0], i[1] or "9999", i[2].casefold()))
    return [[(_day(due) if due else "any time") + (" (late)" if late else ""),
             text if text.endswith((".", "!", "?")) else text + "."]
            for late, due, text in items]


def _day(iso: str) -> str:
    try:
        return f"{date.fromisoformat(iso):%a %d %b %Y}"
    except ValueError:
        return iso


def workbook_plan(wb: Workbook, map_image: Image | None = None,
                  today: date | None = None) -> Document:
    """The whole-workbook plan: overview, the map, then one section per planned contact."""
    owner = _owner(wb)
    doc = Document("Interview plan", subtitle=(f"{owner}, " if owner else "")
                   + f"as of {(today or date.today()).isoformat()}")
    doc.add(*overview_blocks(wb, today))
    if map_image is not None:
        doc.add(Heading("Your map"), map_image)
    for contact in plan_contacts(wb):
        doc.add(PageBreak(), Heading(contact.name), *contact_blocks(wb, contact, level=2))
    return doc


def plan_markdown(wb: Workbook, contact: Contact | int | str) -> str:
    """The one-page plan as Markdown (all user text escaped): the same page the exports
    write (contact_plan), rendered by export.markdown."""
    if not isinstance(contact, Contact):
        contact = wb.get(Contact, contact) if isinstance(contact, int) else wb.find_contact(contact)
    return render_markdown(contact_plan(wb, contact))
