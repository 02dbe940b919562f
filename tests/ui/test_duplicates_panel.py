"""Step 1's possible duplicates, driven by clicks as a user would (no browser)."""

from __future__ import annotations

from pathlib import Path

from infoview_lib.importers import import_files
from infoview_lib.importers.duplicates import add_pending
from infoview_lib.ui.duplicates import DuplicatesPanel
from infoview_lib.ui.who_you_know import WhoYouKnowPanel
from infoview_lib.workbook.model import Contact

SAMS = (b"First Name,Last Name,E-mail Address,Company\n"
        b"Sam,Lee,sam@maple.example,Maple Bank\nSam,Lee,sam@cedar.example,Cedar School\n"
        b"Ada,<b>Example</b>,ada@x.org,Acme\n")


def upload(panel, name, data):
    panel.upload.set_state({"value": [{"name": name, "type": "", "size": len(data),
                                       "content": memoryview(data),
                                       "last_modified": 1700000000000}]})


def buttons(dup: DuplicatesPanel, css: str):
    return [b for row in dup.rows.children if hasattr(row, "children")
            for b in row.children if css in b._dom_classes]


def test_step_one_lists_possible_duplicates_after_an_import(wb):
    panel = WhoYouKnowPanel(wb)
    dup = panel.duplicates
    assert dup.widget.layout.display == "none"  # nothing to review: hidden
    upload(panel, "contacts.csv", SAMS)
    assert len(wb.contacts()) == 3
    assert dup.widget.layout.display == ""
    assert "Possible duplicates (1)" in dup.intro.value
    row_text = dup.rows.children[0].children[0].value
    assert "Maple Bank" in row_text and "Cedar School" in row_text
    assert "<b>1 possible duplicate</b> was kept apart" in panel.import_summary.value


def test_merge_click_then_undo_click(wb):
    panel = WhoYouKnowPanel(wb)
    upload(panel, "contacts.csv", SAMS)
    dup = panel.duplicates
    buttons(dup, "iv-dup-merge")[0].click()
    sams = [c for c in wb.contacts() if c.last_name == "Lee"]
    assert len(sams) == 1
    assert sorted(sams[0].emails) == ["sam@cedar.example", "sam@maple.example"]
    assert "Merged Sam Lee into Sam Lee: now " in dup.status.text
    assert "sam@cedar.example" in dup.status.text and "sam@maple.example" in dup.status.text
    assert panel.people_html.value.count("Sam Lee") == 1  # step 1's list redrawn
    assert dup.undo_button.layout.display == ""
    dup.undo_button.click()
    assert len([c for c in wb.contacts() if c.last_name == "Lee"]) == 2
    assert "Possible duplicates (1)" in dup.intro.value


def test_different_people_click_hides_the_pair_for_good(wb):
    panel = WhoYouKnowPanel(wb)
    upload(panel, "contacts.csv", SAMS)
    dup = panel.duplicates
    buttons(dup, "iv-dup-different")[0].click()
    assert dup.rows.children == ()
    upload(panel, "again.csv", SAMS)
    assert dup.rows.children == ()
    assert len([c for c in wb.contacts() if c.last_name == "Lee"]) == 2


def test_names_are_escaped(wb):
    a = wb.add(Contact(first_name="<script>x</script>", organization="A"))
    b = wb.add(Contact(first_name="<script>x</script>", organization="B"))
    add_pending(wb, [(a.id, b.id)])
    dup = DuplicatesPanel(wb)
    html = dup.rows.children[0].children[0].value
    assert "<script>" not in html and "&lt;script&gt;" in html


def test_a_real_2000_row_connections_file_shows_twenty_pairs_and_the_rest_counted(wb):
    real = Path(__file__).resolve().parents[1] / "fixtures" / "real" / "linkedin"
    import_files(wb, [real / "linkedin-export-viewer-Connections.csv"])
    dup = DuplicatesPanel(wb)
    assert "Possible duplicates (295)" in dup.intro.value
    assert len(buttons(dup, "iv-dup-different")) == 20
    assert dup.rows.children[-1].value == "<i>… and 275 more after these.</i>"
    buttons(dup, "iv-dup-different")[0].click()
    assert "Possible duplicates (294)" in dup.intro.value
    assert len(wb.contacts()) == 2000
