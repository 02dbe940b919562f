"""LinkedIn Connections.csv and the export .zip: preamble, BOM, CRLF, old layout, dates."""

from __future__ import annotations

from pathlib import Path

import pytest

from infoview_lib.importers import (
    parse_contacts,
    parse_date,
    parse_linkedin,
    parse_linkedin_zip,
    read_linkedin,
)
from infoview_lib.workbook.errors import ImportFormatError

FIX = Path(__file__).parent / "fixtures" / "contacts"


def names(result):
    return [c.name for _, c in result.contacts]


def test_current_export_with_bom_crlf_and_preamble():
    result = read_linkedin(FIX / "linkedin_current.csv")
    assert result.format == "linkedin"
    assert len(result.contacts) == 10
    assert [s.line for s in result.skipped] == [7, 16]
    assert all("left LinkedIn" in s.message for s in result.skipped)
    line, amelia = result.contacts[0]
    assert line == 5
    assert (amelia.first_name, amelia.last_name) == ("Amelia", "Okafor")
    assert amelia.organization == "Figma, Inc."
    assert amelia.title == "VP, Engineering"
    assert amelia.linkedin_url == "https://www.linkedin.com/in/amelia-okafor-fict"
    assert amelia.connected_on == "2024-03-07"
    assert amelia.sources == ["linkedin:linkedin_current.csv"]


def test_values_kept_exactly_and_stripped():
    people = {c.last_name: c for _, c in read_linkedin(FIX / "linkedin_current.csv").contacts}
    assert people["Ó Briain"].first_name == "Zoë"
    assert people["Ó Briain"].emails == ["zoe.obriain@example.org"]
    assert people["佐藤"].organization == "東京デザイン"
    assert people["حداد"].first_name == "ليلى"
    assert people["Rivera"].first_name == "Sam 🏳️\u200d🌈"
    assert (people["Raman"].first_name, people["Raman"].organization) == ("Priya", "Northwind Solar")


def test_day_month_order_is_read_from_the_whole_column():
    result = read_linkedin(FIX / "linkedin_current.csv")
    kim = next(c for _, c in result.contacts if c.last_name == "Park")
    assert kim.connected_on == "2023-12-25"  # 12/25/2023: this column is month/day/year
    jonah = next(c for _, c in result.contacts if c.last_name == "Brightwater")
    assert jonah.connected_on == "2024-03-04"  # so 03/04/2024 is 4 March
    assert [e.line for e in result.errors if "Connected On" in e.message] == []


def test_ambiguous_date_is_flagged_only_when_the_column_is_ambiguous():
    head = "First Name,Last Name,Company,Position,Connected On\n"
    result = parse_linkedin(head + "A,B,C,D,03/04/2024\nE,F,G,H,05/06/2024\n")
    assert [e.line for e in result.errors] == [2, 3]
    assert "03/04/2024" in result.errors[0].message
    result = parse_linkedin(head + "A,B,C,D,7/4/2017\nE,F,G,H,3/14/2019\nI,J,K,L,12/31/2016\n")
    assert result.errors == []
    assert [c.connected_on for _, c in result.contacts] == [
        "2017-07-04", "2019-03-14", "2016-12-31"]


def test_linkedin_2018_dates_with_a_time():
    head = "First Name,Last Name,Email Address,Company,Position,Connected On\n"
    rows = "".join(f'P{i},Q,,Acme,Eng,"{m}/{d}/18, {h}:14 PM"\n'
                   for i, (m, d, h) in enumerate([(1, 8, 6), (2, 19, 11), (10, 3, 1)]))
    result = parse_linkedin(head + rows)
    assert result.errors == []
    assert [c.connected_on for _, c in result.contacts] == [
        "2018-01-08", "2018-02-19", "2018-10-03"]


@pytest.mark.parametrize("text, expected", [
    ("07 Mar 2024", "2024-03-07"), ("7 March 2024", "2024-03-07"), ("Mar 7, 2024", "2024-03-07"),
    ("2024-03-07", "2024-03-07"), ("25/12/2023", "2023-12-25"), ("12/25/2023", "2023-12-25"),
    ("07.03.2024", "2024-03-07"), ("", ""),
])
def test_date_forms(text, expected):
    assert parse_date(text) == (expected, "")


def test_bad_dates_explain():
    assert "could be" in parse_date("01/02/2024")[1]
    assert parse_date("someday")[0] == ""
    assert "not a date" in parse_date("someday")[1]


def test_legacy_export_without_preamble_or_url():
    result = read_linkedin(FIX / "linkedin_legacy.csv")
    assert names(result) == ["Olusegun Bámidélé", "Grace Ndlovu"]
    assert result.contacts[0][1].emails == ["olu.bamidele@example.com"]
    assert result.contacts[0][1].linkedin_url == ""
    assert result.contacts[1][1].title == "Analyst, Risk"
    assert [s.line for s in result.skipped] == [4]


def test_other_preamble_wording():
    result = read_linkedin(FIX / "linkedin_short_notes.csv")
    assert [(line, c.name) for line, c in result.contacts] == [(4, "Tomasz Wiśniewski")]


def test_columns_matched_by_name_not_position():
    text = "Connected On,Position,Company,Last Name,First Name\n01 Feb 2022,Chef,Ottolenghi,Ba,Yu\n"
    person = parse_linkedin(text, "c.csv").contacts[0][1]
    assert (person.first_name, person.last_name, person.organization, person.title) == (
        "Yu", "Ba", "Ottolenghi", "Chef")


def test_short_row_is_read_and_reported():
    text = "First Name,Last Name,Company,Position,Connected On\nAda,Example\n"
    result = parse_linkedin(text, "c.csv")
    assert names(result) == ["Ada Example"]
    assert "2 fields" in result.errors[0].message


def test_old_mac_line_endings():
    text = "First Name,Last Name,Company,Position\rAda,Example,Acme,CTO\r"
    assert names(parse_linkedin(text, "c.csv")) == ["Ada Example"]


def test_zip_export_finds_nested_connections():
    data = (FIX / "Basic_LinkedInDataExport_03-01-2026.zip").read_bytes()
    for result in (parse_linkedin_zip(data, "export.zip"), parse_contacts(data, "export.zip")):
        assert len(result.contacts) == 10
        assert result.skipped[0].file.endswith("Basic_LinkedInDataExport_03-01-2026/Connections.csv")


def test_zip_without_connections():
    with pytest.raises(ImportFormatError, match="no Connections.csv"):
        parse_linkedin_zip(_zip_with({"Profile.csv": "a,b\n"}), "x.zip")
    with pytest.raises(ImportFormatError, match="no Connections.csv, .csv or .vcf"):
        parse_contacts(_zip_with({"readme.txt": "hi"}), "x.zip")


def _zip_with(files):
    import io
    import zipfile

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for name, text in files.items():
            z.writestr(name, text)
    return buf.getvalue()


def test_damaged_zip():
    with pytest.raises(ImportFormatError, match="damaged"):
        parse_contacts(b"PK\x03\x04" + b"\x00" * 40, "broken.zip")


def test_file_without_header():
    with pytest.raises(ImportFormatError, match="no header row"):
        parse_linkedin("Notes:\nhello\n", "c.csv")
