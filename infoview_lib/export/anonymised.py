"""The anonymised summary: what a student can show a class or an instructor.

Built only from progress_data (counts, categories, tie strengths, progress, targets) and
the anonymised map, so no name, e-mail, phone, URL or note can reach it.

Example:
    >>> import tempfile, pathlib
    >>> from infoview_lib.workbook.store import open_workbook
    >>> wb = open_workbook(pathlib.Path(tempfile.mkdtemp()) / "w.sqlite")
    >>> summary_document(progress_data(wb)).title
    'Progress summary (anonymised)'
"""

from __future__ import annotations

from typing import Any

from ..text import plural
from .document import Bullets, Document, Fields, Grid, Heading, Image, Para
from .progress_file import progress_data

README = """This folder was exported by infoview in anonymised form.

It holds no names, e-mail addresses, phone numbers, web addresses, notes or message
text. People appear as stable pseudonyms ("Person 4821"): the same person has the same
pseudonym in every anonymised export of this workbook, and only the workbook can link
a pseudonym back to a name.

progress.json   counts for your instructor's class report (see docs/anonymised-progress.md)
summary.*       the same counts to read (Markdown, HTML, PDF)
tables/         contacts, ties and outreach with pseudonyms (CSV, and .xlsx)
map/            the map with pseudonyms (PNG, SVG, PDF, GraphML)
"""

__all__ = ["README", "summary_document", "progress_data"]


def _counts(title: str, counts: dict[str, int]) -> list:
    rows = [[key.replace("_", " "), str(value)] for key, value in counts.items()]
    return [Heading(title, 3), Grid(["", "Count"], rows) if rows else Para("None yet.")]


def summary_document(data: dict[str, Any], map_image: Image | None = None) -> Document:
    """The progress file as a readable Document (and the anonymised map, if given)."""
    doc = Document("Progress summary (anonymised)",
                   subtitle=f"Written {data['created_at'][:10]}; submission {data['submission_id']}")
    doc.add(Heading("Steps"))
    doc.add(Bullets([f"Step {s['number']}, {s['title']}: {int(s['fraction'] * 100)}%"
                     for s in data["steps"]], [s["done"] for s in data["steps"]]))
    people = data["people"]
    doc.add(Heading("People you listed"),
            Para(f"{plural(people['total'], 'person', 'people')}; {people['can_interview']} "
                 f"could be interviewed, {people['can_refer']} could refer you; "
                 f"{plural(people['referred'], 'was', 'were')} referred to you; "
                 f"{plural(people['ties'], 'pair knows', 'pairs know')} each other."))
    doc.add(*_counts("By part of life", {k: v for k, v in people["by_category"].items() if v}))
    doc.add(*_counts("How often you are in touch (tie strength, after Granovetter)",
                     people["by_tie_strength"]))
    targets = data["targets"]
    doc.add(Heading("Targets"))
    if targets["total"]:
        doc.add(*_counts("By kind", {k: v for k, v in targets["by_kind"].items() if v}))
        doc.add(Fields([("Fields and industries", ", ".join(targets["fields"])),
                        ("Companies", ", ".join(targets["companies"]))]))
    else:
        doc.add(Para("None chosen yet (step 2).", muted=True))
    outreach = data["outreach"]
    doc.add(Heading("Outreach"))
    doc.add(*_counts("Funnel", outreach["funnel"]))
    meetings = data["meetings"]
    doc.add(Heading("Meetings"),
            Para(f"{meetings['planned']} planned, {meetings['held']} held, "
                 f"{meetings['thanked']} thanked."))
    if map_image is not None:
        doc.add(Heading("Map (pseudonyms)"), map_image)
    return doc
