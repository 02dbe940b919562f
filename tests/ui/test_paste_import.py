"""Step 1's import button: says what to do, names the chosen file, never shows a file count."""

from __future__ import annotations

import re
from pathlib import Path

import ipywidgets as w

from infoview_lib.ui.file_picker import ESM, FilePicker
from infoview_lib.ui.paste_import import CHOOSE_FILE, chosen_label
from infoview_lib.ui.who_you_know import WhoYouKnowPanel

FIX = Path(__file__).resolve().parent.parent / "fixtures" / "contacts"
COUNT = re.compile(r"\(\d+\)")


def browser_sends(picker: FilePicker, name: str, data: bytes) -> None:
    """The update message the page sends once a file was read (its bytes as a buffer)."""
    state = {"value": [{"name": name, "type": "text/csv", "size": len(data),
                        "last_modified": 1700000000000}]}
    picker._handle_msg({"content": {"data": {"method": "update", "state": state,
                                             "buffer_paths": [["value", 0, "content"]]}},
                        "buffers": [memoryview(data)]})


def test_the_button_says_what_to_do_and_has_no_count(wb):
    panel = WhoYouKnowPanel(wb)
    assert not isinstance(panel.upload, w.FileUpload)  # a FileUpload always adds "(0)"
    assert panel.upload.description == "Choose a contacts file…" == CHOOSE_FILE
    assert not COUNT.search(panel.upload.description)
    assert "button.textContent = reading || model.get(\"description\")" in ESM
    assert "iv-upload" in panel.upload._dom_classes and panel.upload.multiple
    assert panel.upload.accept == ".csv,.vcf,.zip,.txt"


def test_a_chosen_file_is_named_on_the_button_and_imported(wb):
    panel = WhoYouKnowPanel(wb)
    browser_sends(panel.upload, "Connections.csv", (FIX / "linkedin_current.csv").read_bytes())
    assert len(wb.contacts()) == 10
    assert panel.upload.description == "Choose another file… (chosen: Connections.csv)"
    assert not COUNT.search(panel.upload.description)
    assert panel.upload.value == ()  # emptied: the page stops saying "Reading…"
    assert "<b>Added 10</b>" in panel.import_summary.value


def test_a_file_that_fails_is_still_named(wb):
    panel = WhoYouKnowPanel(wb)
    browser_sends(panel.upload, "cv.pdf", b"%PDF-1.4\n")
    assert wb.contacts() == []
    assert panel.upload.description == "Choose another file… (chosen: cv.pdf)"
    assert "Nothing was imported" in panel.import_summary.value
    assert panel.upload.value == ()


def test_chosen_label_lists_every_file():
    assert chosen_label(["a.csv", "b.vcf"]) == "Choose another file… (chosen: a.csv, b.vcf)"
    assert chosen_label([]) == CHOOSE_FILE
