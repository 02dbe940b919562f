"""The one-page student handout, made from the class protocol: the link, the personas, the
six steps and how to hand in. A PDF (the export's renderer) or Markdown.

Example:
    >>> doc = handout_document(link="https://hub.example.edu/course")
    >>> doc.title, [b.text for b in doc.blocks if type(b).__name__ == "Heading"]
    ('Informational interviewing: your workbook', ['Open it', 'Practise with a persona', 'The six steps', 'Hand in your progress'])
"""

from __future__ import annotations

from pathlib import Path

from ..export.document import Bullets, Document, Grid, Heading, Para
from ..export.markdown import render_markdown
from ..export.pdf import render_pdf
from ..meetings.lengths import lengths_text
from ..steps import STEPS
from ..text import plural
from ..workbook.errors import ExportError, ValidationError
from ..workbook.personas import list_personas
from .protocol import current_protocol

WHAT_YOU_DO = {
    1: "List people one part of your life at a time; see your map.",
    2: "Choose fields, industries or organisations to learn about; see who can point you there.",
    3: "Write a short request (the checker helps); follow up on the days the tracker shows.",
    4: "Pick 5-10 questions; fit them into the meeting's length.",
    5: "Set the date, place or link; use the checklist; print your one-page plan.",
    6: "Debrief, thank them soon, follow every referral, tell them later what you did.",
}


def handout_document(link: str = "", course: str = "") -> Document:
    """The handout as a Document (every number from the class protocol in force)."""
    p = current_protocol()
    doc = Document("Informational interviewing: your workbook", subtitle=course)
    doc.add(Heading("Open it"),
            Para(f"Go to {link}" if link else "Open the link your instructor gives you, then "
                 "the notebook 00_start_here."),
            Para("Everything you type is saved in your workbook as you go. Nothing is sent "
                 "anywhere."))
    doc.add(Heading("Practise with a persona"),
            Para("In class, load a made-up person in 00_start_here so no real names are "
                 "shared. Click Start blank later for your own list."),
            Bullets([f"{persona.id}: {persona.description}" for persona in list_personas()]))
    rows = [[f"{s.number}", s.title, f"{s.notebook}", WHAT_YOU_DO.get(s.number, "")]
            for s in STEPS]
    doc.add(Heading("The six steps"),
            Grid(["Step", "Title", "Notebook", "What you do"], rows),
            Para(f"Your class: list {plural(p.list_aim, 'person', 'people')} (stretch to "
                 f"{p.list_stretch}); requests under {p.outreach['max_words']} words; meetings of "
                 f"{lengths_text(p.meeting_lengths)} minutes; follow up after "
                 f"{p.follow_up['second_contact_after_days']} and "
                 f"{p.follow_up['follow_up_after_days']} business days; thank-you within "
                 f"{plural(p.follow_up['thank_you_within_hours'], 'hour')}.", muted=True))
    doc.add(Heading("Hand in your progress"),
            Para("In 07_export_and_share click 'For your instructor' (or run 'infoview "
                 "hand-in'). Upload the file it names: exports/for-instructor/"
                 "infoview-anonymised.zip. It holds counts only, no names. Do it again "
                 "after more work: it replaces the last one."))
    return doc


def write_handout(out: str | Path, link: str = "", course: str = "") -> tuple[Path, str]:
    """Write the handout as .pdf or .md; returns (path, warning)."""
    out = Path(out)
    doc = handout_document(link, course)
    suffix = out.suffix.lower()
    if suffix not in (".pdf", ".md"):
        raise ValidationError(f"Give the handout a name ending in .pdf or .md, not {out.name}.")
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        if suffix == ".md":
            out.write_text(render_markdown(doc), encoding="utf-8")
            return out, ""
        data, warning = render_pdf(doc)
        out.write_bytes(data)
    except OSError as err:
        raise ExportError(f"Cannot write {out} ({err.strerror}); choose a folder you may "
                          "write to.") from err
    return out, warning
