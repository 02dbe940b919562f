"""Each export format read back by a real client: icalendar and vobject, poppler's pdftotext
and pdfinfo, pandas and openpyxl, networkx, and the workbook's own JSON restore."""

from __future__ import annotations

import json
import zipfile
from datetime import datetime, timezone

import icalendar
import networkx as nx
import openpyxl
import pandas as pd
import pytest
import vobject
from poppler import poppler
from test_export_fixtures import INJECTED, TODAY, rich_workbook

from infoview_lib.export import export_workbook
from infoview_lib.export.markdown import render_markdown
from infoview_lib.export.plans import contact_plan
from infoview_lib.workbook.model import RECORD_TYPES, Meeting
from infoview_lib.workbook.store import open_workbook


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    root = tmp_path_factory.mktemp("export")
    wb = rich_workbook(root / "wb" / "w.sqlite")
    result = export_workbook(wb, root / "out", today=TODAY)
    yield wb, result
    wb.close()


def test_every_format_is_written(exported):
    _, result = exported
    names = set(result.names())
    for name in ("README.txt", "plan.md", "plan.html", "plan.pdf", "calendar.ics",
                 "tables/contacts.csv", "tables/ties.csv", "tables/outreach.csv",
                 "tables/tables.xlsx", "backup/workbook.json", "map/map.png", "map/map.svg",
                 "map/map.pdf", "map/map.graphml", "infoview-export.zip"):
        assert name in names
    assert "plans/晓雯_李.pdf" in names and "plans/script_alert(1)_script.html" in names
    assert result.warnings == []


def test_zip_holds_every_other_file(exported):
    _, result = exported
    with zipfile.ZipFile(result.zip_path) as archive:
        assert archive.testzip() is None
        inside = set(archive.namelist())
    assert inside == set(result.names()) - {"infoview-export.zip"}


# -- calendar ---------------------------------------------------------------------------
def test_ics_parses_with_icalendar_and_vobject(exported):
    _, result = exported
    data = (result.folder / "calendar.ics").read_bytes()
    cal = icalendar.Calendar.from_ical(data)
    events = list(cal.walk("VEVENT"))
    summaries = [str(e["SUMMARY"]) for e in events]
    assert sum(s.startswith("Informational interview") for s in summaries) == 2
    assert any(s.startswith("Send 晓雯 李 a thank-you") for s in summaries)  # owed (step 6)
    assert any(s.startswith("Follow up: Priya Raman") for s in summaries)  # 3B7 tracker
    for event in events:
        assert event["UID"] and event["DTSTAMP"].dt.utcoffset().total_seconds() == 0
    uids = [str(e["UID"]) for e in events]
    assert len(uids) == len(set(uids))
    parsed = vobject.readOne(data.decode("utf-8"), validate=True)
    assert len(parsed.vevent_list) == len(events)
    # meetings are written in UTC (step 5's choice); the instants must be right
    starts = {e["DTSTART"].dt.astimezone(timezone.utc) for e in events
              if str(e["SUMMARY"]).startswith("Informational interview")}
    assert starts == {datetime(2026, 2, 20, 20, 0, tzinfo=timezone.utc),   # 15:00 New York
                      datetime(2026, 3, 10, 8, 30, tzinfo=timezone.utc)}   # 09:30 Berlin
    vstarts = {v.dtstart.value for v in parsed.vevent_list if isinstance(v.dtstart.value, datetime)}
    assert vstarts == starts


def test_ics_is_folded_at_75_octets_with_crlf_and_escaped(exported):
    _, result = exported
    data = (result.folder / "calendar.ics").read_bytes()
    assert b"\n" not in data.replace(b"\r\n", b"")
    assert max(len(line) for line in data.split(b"\r\n")) <= 75
    unfolded = data.replace(b"\r\n ", b"").decode("utf-8")
    assert "Café <b>Zoë</b>\\; room 2\\, \\\\ back" in unfolded


def test_ics_uids_are_stable_across_exports(exported, tmp_path):
    wb, result = exported
    again = export_workbook(wb, tmp_path / "again", formats="ics", today=TODAY)
    uids = [sorted(str(e["UID"]) for e in icalendar.Calendar.from_ical(
        (r.folder / "calendar.ics").read_bytes()).walk("VEVENT")) for r in (result, again)]
    assert uids[0] == uids[1]


# -- PDF --------------------------------------------------------------------------------
def _pdftotext(path) -> str:
    return poppler("pdftotext", "-layout", path, "-")


def test_pdf_text_comes_back_with_non_latin_names(exported):
    _, result = exported
    text = _pdftotext(result.folder / "plan.pdf")
    for name in ("晓雯 李", "Ελένη Попова", "Priya Raman", INJECTED, "Interview plan"):
        assert name in text
    info = poppler("pdfinfo", result.folder / "plan.pdf")
    assert "Pages:" in info and "infoview" in info
    fonts = poppler("pdffonts", result.folder / "plan.pdf").splitlines()[2:]
    assert fonts and all(" yes " in line for line in fonts)  # every font embedded
    assert any("DejaVu" in line for line in fonts) and any("CJK" in line for line in fonts)


def test_per_contact_pdf_holds_the_contact_plan(exported):
    _, result = exported
    text = _pdftotext(result.folder / "plans" / "晓雯_李.pdf")
    assert "Interview plan: 晓雯 李" in text and "Agenda (20 minutes)" in text
    assert "America/New_York" in text


def test_pdf_warns_once_when_a_script_has_no_font():
    from infoview_lib.export.document import Document, Para
    from infoview_lib.export.pdf import render_pdf

    data, warning = render_pdf(Document("Plan", blocks=[Para("हिन्दी नाम"), Para("देवनागरी")]))
    assert data.startswith(b"%PDF-")
    assert warning.count("No installed font") == 1 and "fonts-noto-core" in warning


# -- tables -----------------------------------------------------------------------------
def test_csv_reads_back_in_pandas_with_formulas_neutralised(exported):
    wb, result = exported
    path = result.folder / "tables" / "contacts.csv"
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    frame = pd.read_csv(path, encoding="utf-8-sig", dtype=str, keep_default_na=False)
    assert len(frame) == len(wb.contacts())
    evil = frame[frame["name"] == INJECTED].iloc[0]
    assert evil["organization"] == "'=SUM(1+1)"
    assert evil["title"] == "'=Chief Data Officer"
    assert evil["phones"] == "'+44 7700 900123"
    assert evil["notes"] == "'@Scale Partners said: -call me"
    greek = frame[frame["name"] == "Ελένη Попова"].iloc[0]
    assert greek["organization"] == "'+Plus Mobility"
    for column in frame.columns:
        assert not frame[column].str.match(r"^[=+\-@\t\r\n]").any(), column
    outreach = pd.read_csv(result.folder / "tables" / "outreach.csv", encoding="utf-8-sig")
    assert set(outreach["status"]) >= {"met", "meeting_set", "replied", "to_contact"}


def test_xlsx_holds_text_not_formulas(exported):
    wb, result = exported
    book = openpyxl.load_workbook(result.folder / "tables" / "tables.xlsx")
    assert book.sheetnames == ["contacts", "ties", "outreach"]
    sheet = book["contacts"]
    header = [c.value for c in sheet[1]]
    rows = [dict(zip(header, [c.value for c in row], strict=True))
            for row in sheet.iter_rows(min_row=2)]
    assert len(rows) == len(wb.contacts())
    evil = next(r for r in rows if r["name"] == INJECTED)
    assert evil["organization"] == "'=SUM(1+1)"
    assert all(c.data_type != "f" for row in sheet.iter_rows() for c in row)


# -- backup, GraphML, Markdown ----------------------------------------------------------
def test_json_backup_restores_an_identical_workbook(exported, tmp_path):
    wb, result = exported
    data = json.loads((result.folder / "backup" / "workbook.json").read_text(encoding="utf-8"))
    with open_workbook(tmp_path / "copy.sqlite") as copy:
        copy.restore_json(data)
        assert copy.to_json() == wb.to_json()
        for cls in RECORD_TYPES:
            assert copy.list(cls) == wb.list(cls)


def test_graphml_reads_back_in_networkx(exported):
    wb, result = exported
    g = nx.read_graphml(result.folder / "map" / "map.graphml")
    labels = {d.get("label") for _, d in g.nodes(data=True)}
    assert {"晓雯 李", INJECTED} <= labels
    assert sum(d.get("kind") == "contact" for _, d in g.nodes(data=True)) == len(wb.contacts())


def test_markdown_escapes_user_text(exported):
    wb, result = exported
    text = (result.folder / "plan.md").read_text(encoding="utf-8")
    assert INJECTED not in text and "\\<script\\>alert(1)\\</script\\>" in text
    evil = next(c for c in wb.contacts() if c.first_name == INJECTED)
    page = render_markdown(contact_plan(wb, evil))
    assert "<script>" not in page and "\\+44 7700 900123" in page  # no list marker


def test_markdown_table_cells_cannot_break_the_table(maya):
    from infoview_lib.export.document import Document, Grid

    doc = Document("T", blocks=[Grid(["a", "b"], [["x | y", "line\nbreak"]])])
    row = render_markdown(doc).splitlines()[-1]
    assert row.count(" | ") == 1 and "\\|" in row and "line break" in row


def test_contact_option_writes_only_that_plan(exported, tmp_path):
    wb, _ = exported
    result = export_workbook(wb, tmp_path / "one", contact="晓雯", formats="md,pdf,ics,zip")
    assert sorted(result.names()) == ["README.txt", "infoview-export-晓雯_李.zip",
                                      "plans/晓雯_李.ics", "plans/晓雯_李.md", "plans/晓雯_李.pdf"]
    ics = (result.folder / "plans" / "晓雯_李.ics").read_bytes()
    assert len(icalendar.Calendar.from_ical(ics).walk("VEVENT")) == 1


def test_unknown_format_is_refused_before_anything_is_written(exported, tmp_path):
    from infoview_lib.workbook.errors import ValidationError

    wb, _ = exported
    with pytest.raises(ValidationError, match="Unknown format"):
        export_workbook(wb, tmp_path / "x", formats="md,docx")
    assert not (tmp_path / "x").exists()


def test_meetings_of_a_deleted_contact_do_not_break_the_export(exported, tmp_path):
    wb, _ = exported
    assert wb.list(Meeting)
    export_workbook(wb, tmp_path / "x", formats="md,ics")
    assert (tmp_path / "x" / "calendar.ics").exists()
