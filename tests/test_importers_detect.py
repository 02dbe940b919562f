"""Format detection from content, decoding, and the read_* file shells."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from infoview_lib.importers import decode_bytes, detect_format, parse_contacts, read_contacts
from infoview_lib.workbook.errors import ImportFormatError

FIX = Path(__file__).parent / "fixtures" / "contacts"


@pytest.mark.parametrize("name, fmt", [
    ("linkedin_current.csv", "linkedin"), ("linkedin_legacy.csv", "linkedin"),
    ("linkedin_short_notes.csv", "linkedin"), ("google_current.csv", "google"),
    ("google_legacy_utf16.csv", "google"), ("outlook_utf8.csv", "outlook"),
    ("outlook_cp1252.csv", "outlook"), ("outlook_utf16.csv", "outlook"),
    ("outlook_german.csv", "outlook"), ("vcard21_android.vcf", "vcard"),
    ("vcard30_iphone.vcf", "vcard"), ("vcard40.vcf", "vcard"),
    ("Basic_LinkedInDataExport_03-01-2026.zip", "zip"),
])
def test_detect_from_content(name, fmt):
    assert detect_format((FIX / name).read_bytes(), name) == fmt


def test_name_does_not_matter(tmp_path):
    misleading = tmp_path / "contacts.vcf"
    misleading.write_bytes((FIX / "google_current.csv").read_bytes())
    assert read_contacts(misleading).format == "google"


def test_format_override():
    data = (FIX / "linkedin_legacy.csv").read_bytes()
    # the legacy LinkedIn file is also a valid Outlook-style CSV when asked for
    assert parse_contacts(data, "x.csv", fmt="outlook").format == "outlook"
    with pytest.raises(ImportFormatError, match="no BEGIN:VCARD"):
        parse_contacts(data, "x.csv", fmt="vcard")
    with pytest.raises(ImportFormatError, match="Unknown format"):
        parse_contacts(data, "x.csv", fmt="excel")


@pytest.mark.parametrize("name, message", [
    ("not_contacts.png", "not a text file|binary"),
    ("unknown_columns.csv", "Could not tell"),
])
def test_unreadable_files(name, message):
    with pytest.raises(ImportFormatError, match=message):
        read_contacts(FIX / name)


def test_missing_folder_and_empty(tmp_path):
    with pytest.raises(ImportFormatError, match="no file"):
        read_contacts(tmp_path / "nope.csv")
    with pytest.raises(ImportFormatError, match="folder"):
        read_contacts(tmp_path)
    (tmp_path / "empty.csv").write_bytes(b"  \n")
    with pytest.raises(ImportFormatError, match="empty"):
        read_contacts(tmp_path / "empty.csv")


def test_decode_bytes():
    assert decode_bytes(b"\xef\xbb\xbfZo\xc3\xab") == "Zoë"
    assert decode_bytes("Zoë".encode("utf-16-be")) == "Zoë"
    assert decode_bytes("Zoë, Ana, Bo\n".encode("utf-16-le")) == "Zoë, Ana, Bo\n"
    assert decode_bytes(b"caf\xe9 \x93quoted\x94") == "café “quoted”"
    mostly_utf8 = ("Zoë Ó Briain, Chloé, Jürgen, Anaïs, Renée\n" * 3).encode() + b"bad \xe9 byte"
    assert decode_bytes(mostly_utf8).startswith("Zoë Ó Briain")  # not garbled as cp1252
    assert decode_bytes(mostly_utf8).endswith("bad \ufffd byte")
    with pytest.raises(ImportFormatError):
        decode_bytes(b"\x81\x8d\x8f\x90\x9d")  # undefined in cp1252 and not UTF-8
    with pytest.raises(ImportFormatError, match="binary"):
        decode_bytes(b"a\x00b\x00c\x01\x02\x03\x04\x05\x06")


def test_a_pdf_or_an_excel_file_is_named_for_what_it_is():
    with pytest.raises(ImportFormatError, match="cv.pdf is a PDF document, not a contact list"):
        parse_contacts(b"%PDF-1.7\n1 0 obj <<>> endobj\n", "cv.pdf")
    xlsx = io.BytesIO()
    with zipfile.ZipFile(xlsx, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
    with pytest.raises(ImportFormatError, match="people.xlsx is an Office document.*CSV"):
        parse_contacts(xlsx.getvalue(), "people.xlsx")
