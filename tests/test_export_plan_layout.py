"""The exported plan reads well: Arabic names shaped and in logical order in the PDF, left
aligned text, ballot boxes, no empty Target column, follow-ups as a dated table."""

from __future__ import annotations

from datetime import date

from poppler import poppler

from infoview_lib.export.document import Bullets, Document, Grid, Para
from infoview_lib.export.markdown import render_markdown
from infoview_lib.export.pdf import needs_shaping, render_pdf
from infoview_lib.export.plans import contact_plan, overview_blocks
from infoview_lib.outreach.tracker import outreach_for, set_status
from infoview_lib.workbook.model import Contact, Outreach, Target

ARABIC = "أميرة حداد"


def _pdftotext(data: bytes, tmp_path) -> str:
    path = tmp_path / "plan.pdf"
    path.write_bytes(data)
    return poppler("pdftotext", "-enc", "UTF-8", path, "-")


def test_arabic_name_comes_back_in_logical_order(wb, tmp_path):
    amira = wb.add(Contact(first_name="أميرة", last_name="حداد"))
    wb.add(Outreach(contact_id=amira.id))
    data, warning = render_pdf(contact_plan(wb, amira))
    text = _pdftotext(data, tmp_path)
    assert warning == ""
    assert ARABIC in text  # unshaped text comes back reversed: "دادح ةريمأ"
    assert ARABIC[::-1] not in text


def test_shaping_only_when_a_script_needs_it():
    assert needs_shaping([ARABIC]) and needs_shaping(["שלום"]) and needs_shaping(["नमस्ते"])
    assert not needs_shaping(["Zoë Ó Briain", "晓雯 李", "Ελένη Попова", "<script>"])


def test_checkboxes_and_bullets_print_as_symbols(tmp_path):
    doc = Document("Plan", blocks=[Bullets(["Confirm the day before", "Arrive early"],
                                           [True, False]), Bullets(["A plain point"])])
    text = _pdftotext(render_pdf(doc)[0], tmp_path)
    assert "☑ Confirm the day before" in text and "☐ Arrive early" in text
    assert "• A plain point" in text and "[x]" not in text


def test_paragraphs_are_left_aligned_not_justified(tmp_path):
    sentence = "word " * 60
    data, _ = render_pdf(Document("Plan", blocks=[Para(sentence)]))
    lines = [x for x in _pdftotext(data, tmp_path).splitlines() if x.startswith("word")]
    assert len(lines) > 1
    # justified lines stretch the gaps, which pdftotext turns into double spaces
    assert all("  " not in line.strip() for line in lines)


def _grid(blocks, first_column: str) -> Grid:
    return next(b for b in blocks if isinstance(b, Grid) and b.columns[0] == first_column)


def test_target_column_only_when_some_outreach_has_a_target(maya):
    person = maya.contacts()[0]
    record = outreach_for(maya, person.id)
    assert "Target" not in _grid(overview_blocks(maya), "Contact").columns
    target = maya.add(Target(name="UX research"))
    maya.update(Outreach, record.id, target_id=target.id)
    grid = _grid(overview_blocks(maya), "Contact")
    assert grid.columns[:2] == ["Contact", "Target"]
    assert [person.name, "UX research"] == grid.rows[0][:2]


def test_follow_ups_are_a_dated_table_without_repeating_the_date(maya):
    person = maya.contacts()[0]
    set_status(maya, outreach_for(maya, person.id).id, "sent", date(2026, 3, 2))
    grid = _grid(overview_blocks(maya, today=date(2026, 3, 20)), "Due")
    assert grid.columns == ["Due", "What to do"]
    days = [row[0] for row in grid.rows]
    assert days == ["Thu 05 Mar 2026", "Wed 11 Mar 2026"]  # 3B7: 3 and 7 business days
    assert all("(due " not in text for _, text in grid.rows)
    assert all(text.endswith(".") for _, text in grid.rows)
    assert "| Due | What to do |" in render_markdown(Document("x", blocks=[grid]))


def test_narrow_table_columns_never_split_a_word(tmp_path):
    long = "Which portfolio pieces hiring managers care about most, and how much coding " * 2
    grid = Grid(["Target", "Kind", "Motivation (1-5)", "Postings", "What to learn"],
                [["Lantern Street Studio", "company", "4", "no", long],
                 ["Video", "field", "3", "yes", "https://meet.example.com/demo"]])
    text = _pdftotext(render_pdf(Document("Plan", blocks=[grid]))[0], tmp_path)
    words = set(text.split())
    assert {"Postings", "company", "https://meet.example.com/demo"} <= words


def test_anonymised_summary_labels_fields_and_companies(wb):
    from infoview_lib.export.anonymised import progress_data, summary_document
    from infoview_lib.export.document import Fields

    wb.add(Target(name="UX research", kind="field"))
    wb.add(Target(name="Northwind Solar", kind="company"))
    doc = summary_document(progress_data(wb))
    fields = next(b for b in doc.blocks if isinstance(b, Fields))
    assert fields.items[0] == ("Fields and industries", "ux research")
    label, company = fields.items[1]  # a company is named by its organization's pseudonym
    assert label == "Companies" and company.startswith("Organization ")
    kinds = next(b for b in doc.blocks if isinstance(b, Grid) and ["company", "1"] in b.rows)
    assert all(count != "0" for _, count in kinds.rows)  # no 'industry 0' row
