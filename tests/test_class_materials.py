"""Week-one materials: the handout PDF from the protocol, the slides notebook rendered with
nbconvert, and facilitator notes whose persona answer key is regenerated and compared."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from poppler import poppler

from infoview_lib.classroom.facilitator import facilitator_notes, persona_key
from infoview_lib.classroom.handout import handout_document, write_handout
from infoview_lib.cli import main
from infoview_lib.workbook.errors import ValidationError

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture
def shipped_protocol(monkeypatch):
    monkeypatch.delenv("INFOVIEW_PROTOCOL", raising=False)


def test_facilitator_notes_are_up_to_date(shipped_protocol):
    written = (REPO / "docs" / "facilitator-notes.md").read_text(encoding="utf-8")
    assert written == facilitator_notes(), (
        "docs/facilitator-notes.md is out of date: run "
        "'python -m infoview_lib.classroom.facilitator > docs/facilitator-notes.md'")


@pytest.mark.parametrize("persona", ["amara", "daniel", "maya"])
def test_each_model_message_passes_the_checker(shipped_protocol, persona):
    key = persona_key(persona)
    assert key.passes and key.lead.split()[0] in key.message.splitlines()[0]
    assert key.questions[-1].startswith("Who else")


def test_handout_carries_the_class_numbers_and_fits_one_page(tmp_path, monkeypatch):
    protocol = tmp_path / "p.yaml"
    protocol.write_text("version: 1\ncategories: [ami]\nprompts:\n  - category: ami\n"
                        "    prompt: Qui ?\nlist_aim: 40\nmeeting_lengths: [15, 30, 45]\n"
                        "outreach: {max_words: 120, strict_max_words: 90}\n"
                        "follow_up: {second_contact_after_days: 5, follow_up_after_days: 10,"
                        " thank_you_within_hours: 48}\n", encoding="utf-8")
    monkeypatch.setenv("INFOVIEW_PROTOCOL", str(protocol))
    text = " ".join(handout_document("https://hub.example.edu/x").text_items())
    for words in ("list 40 people", "under 120 words", "15, 30 or 45 minutes",
                  "after 5 and 10 business days", "within 48 hours", "hub.example.edu/x",
                  "infoview-anonymised.zip", "maya"):
        assert words in text, words
    assert main(["handout", "--out", str(tmp_path / "h.pdf"), "--link", "https://x.example"]) == 0
    info = poppler("pdfinfo", tmp_path / "h.pdf")
    assert "Pages:           1" in info
    with pytest.raises(ValidationError, match=r"\.pdf or \.md"):
        write_handout(tmp_path / "h.docx")


def test_slides_notebook_renders_with_nbconvert(tmp_path):
    notebook = REPO / "notebooks" / "instructor" / "slides.ipynb"
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    assert all(not c.get("outputs") for c in cells)
    assert sum(c["metadata"].get("slideshow", {}).get("slide_type") == "slide"
               for c in cells) >= 8
    subprocess.run([sys.executable, "-m", "jupyter", "nbconvert", "--to", "slides",
                    str(notebook), "--output-dir", str(tmp_path)], check=True,
                   capture_output=True, timeout=300)
    page = (tmp_path / "slides.slides.html").read_text(encoding="utf-8")
    assert page.count("<section") >= 8 and "The six steps" in page
