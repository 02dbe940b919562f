"""Tell a contact file's format from its content (never from its name), and parse it.

Example:
    >>> detect_format(b"Notes:\\n\\nFirst Name,Last Name,URL,Email Address,Company,Position,"
    ...               b"Connected On\\n")
    'linkedin'
    >>> detect_format(b"BEGIN:VCARD\\nFN:Ada\\nEND:VCARD\\n")
    'vcard'
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib

from ..workbook.errors import ImportFormatError
from .base import ParseResult, decode_bytes, header_cells
from .google import is_google_header, parse_google
from .linkedin import connections_member, is_linkedin_header, parse_linkedin
from .outlook import (
    is_address_book_header,
    is_outlook_header,
    parse_address_book,
    parse_outlook,
)
from .vcard import parse_vcard
from .zipfiles import Budget, check_archive, read_member

FORMATS = ("auto", "linkedin", "google", "outlook", "csv", "vcard")
PARSERS = {"linkedin": parse_linkedin, "google": parse_google, "outlook": parse_outlook,
           "csv": parse_address_book, "vcard": parse_vcard}
_CSV_CHECKS = (("linkedin", is_linkedin_header), ("google", is_google_header),
               ("outlook", is_outlook_header), ("csv", is_address_book_header))
ZIP_MAGIC = b"PK\x03\x04"
MAX_FILE_BYTES = 100_000_000  # one contact file; bigger ones are refused, not read


def detect_text_format(text: str) -> str | None:
    """'vcard', 'linkedin', 'google', 'outlook', 'csv', or None, from decoded text."""
    head = text[:20000]
    first = next((line for line in head.splitlines() if line.strip()), "")
    if re.match(r"\s*begin\s*:\s*vcard\s*$", first, re.I):
        return "vcard"
    lines = head.splitlines()[:12]
    for fmt, check in _CSV_CHECKS:  # the most specific format first, on every line
        for line in lines:
            if any(keys and check(keys) for _, keys in header_cells(line)):
                return fmt
    if re.search(r"^\s*begin\s*:\s*vcard\s*$", head, re.I | re.M):
        return "vcard"
    return None


def detect_format(data: bytes | str, name: str = "the file") -> str:
    """The format of a contact file's content: 'zip', 'vcard', 'linkedin', 'google', 'outlook'."""
    if isinstance(data, (bytes, bytearray, memoryview)) and bytes(data[:4]) == ZIP_MAGIC:
        return "zip"
    try:
        text = decode_bytes(data, name)
    except ImportFormatError:
        if isinstance(data, str):
            raise
        # a vCard in Shift_JIS, Big5 ...: each value names its own CHARSET
        head = bytes(data[:20000])
        if b"\x00" not in head and re.search(rb"^\s*begin\s*:\s*vcard\s*$", head, re.I | re.M):
            return "vcard"
        raise
    fmt = detect_text_format(text)
    if fmt is None:
        raise ImportFormatError(
            f"Could not tell what kind of contact file {name} is. infoview reads LinkedIn "
            "Connections.csv (or the export .zip), Google Contacts CSV, Outlook CSV, any "
            "address-book CSV whose first row names its columns (Name, Email ...), and vCard "
            "(.vcf). Export it again in one of these, or choose the format by hand."
        )
    return fmt


_ZIP_ERRORS = (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, NotImplementedError,
               RuntimeError, ValueError, OSError, zlib.error)


def _members(archive: zipfile.ZipFile, name: str, fmt: str) -> list[zipfile.ZipInfo]:
    wanted = connections_member(archive)
    members = [wanted] if wanted and fmt in ("auto", "linkedin") else [
        i for i in archive.infolist()
        if i.filename.casefold().endswith((".vcf", ".csv")) and not i.is_dir()]
    if not members and "[Content_Types].xml" in archive.namelist():
        raise ImportFormatError(
            f"{name} is an Office document (e.g. an Excel workbook), not a contact "
            "list. Save it as CSV first (in Excel: File > Save As > CSV UTF-8), then "
            "import the CSV.")
    if not members:
        raise ImportFormatError(
            f"{name} holds no Connections.csv, .csv or .vcf file. Upload the contact "
            "file itself, or the LinkedIn export .zip."
        )
    return members


def parse_zip(data: bytes, name: str, fmt: str = "auto") -> ParseResult:
    """A LinkedIn export (its Connections.csv) or a zip of .vcf/.csv files (e.g. Takeout),
    unpacked one member at a time within the caps of zipfiles.py."""
    result = ParseResult(name, "zip")
    budget = Budget()
    try:
        with zipfile.ZipFile(io.BytesIO(bytes(data))) as archive:
            check_archive(archive, name)
            for info in _members(archive, name, fmt):
                inner = read_member(archive, info, name, budget)
                if inner[:4] == ZIP_MAGIC:
                    raise ImportFormatError(f"{info.filename} in {name} is itself a zip; "
                                            "unpack it first.")
                part = parse_contacts(inner, f"{name}/{info.filename}", fmt)
                del inner
                result.format = part.format if result.format == "zip" else result.format
                result.extend(part)
    except MemoryError:
        raise ImportFormatError(f"{name} is too large to unpack here; upload the contact "
                                "file itself.") from None
    except _ZIP_ERRORS as err:
        raise ImportFormatError(f"{name} is a damaged or encrypted zip file ({err}); make or "
                                "download it again.") from err
    return result


def parse_contacts(data: bytes | str, name: str = "the file", fmt: str = "auto") -> ParseResult:
    """Parse any supported contact file; fmt 'auto' detects it from the content."""
    if fmt not in FORMATS:
        raise ImportFormatError(f"Unknown format {fmt!r}; use one of {', '.join(FORMATS)}.")
    if len(data) > MAX_FILE_BYTES:
        raise ImportFormatError(
            f"{name} is {len(data) / 1e6:.0f} MB, more than the {MAX_FILE_BYTES / 1e6:.0f} MB "
            "infoview reads at once. Export only your contacts (without photos), or split the "
            "file, and import the parts.")
    if isinstance(data, (bytes, bytearray, memoryview)):
        data = bytes(data)
        if not data.strip():
            raise ImportFormatError(f"{name} is empty. Export your contacts again and retry.")
        if data[:4] == ZIP_MAGIC:
            return parse_zip(data, name, fmt)
        if data[:5] == b"%PDF-":
            raise ImportFormatError(
                f"{name} is a PDF document, not a contact list. Upload the contacts file "
                "itself: LinkedIn's Connections.csv (or its export .zip), a Google or Outlook "
                "CSV, or a vCard .vcf.")
    elif not data.strip():
        raise ImportFormatError(f"{name} is empty. Export your contacts again and retry.")
    if fmt == "auto":
        fmt = detect_format(data, name)
    return PARSERS[fmt](data, name)
