"""Thin file shells around the pure parsers, and the one-call import used by CLI and panel.

Example:
    >>> import tempfile, pathlib
    >>> from infoview_lib.workbook.store import open_workbook
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "c.vcf").write_text("BEGIN:VCARD\\nFN:Ada Example\\nEND:VCARD\\n")
    >>> wb = open_workbook(folder / "w.sqlite")
    >>> import_files(wb, [folder / "c.vcf"]).added
    1
"""

from __future__ import annotations

import os
from pathlib import Path

from ..workbook.errors import ImportFormatError
from ..workbook.store import Workbook
from .base import ParseResult
from .detect import parse_contacts
from .google import parse_google
from .linkedin import parse_linkedin
from .merge import ImportSummary, Progress, merge_results
from .outlook import parse_outlook
from .vcard import parse_vcard


def read_bytes(path: str | os.PathLike) -> bytes:
    """The bytes of a contact file, or ImportFormatError saying why it cannot be read."""
    path = Path(path)
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise ImportFormatError(f"There is no file {path}; check the name and folder.") from None
    except IsADirectoryError:
        raise ImportFormatError(f"{path} is a folder; give the contact file inside it.") from None
    except OSError as err:
        raise ImportFormatError(f"Cannot read {path} ({err.strerror}).") from err


def read_contacts(path: str | os.PathLike, fmt: str = "auto") -> ParseResult:
    """Parse one contact file of any supported format."""
    return parse_contacts(read_bytes(path), Path(path).name, fmt)


def read_linkedin(path: str | os.PathLike) -> ParseResult:
    return parse_linkedin(read_bytes(path), Path(path).name)


def read_google(path: str | os.PathLike) -> ParseResult:
    return parse_google(read_bytes(path), Path(path).name)


def read_outlook(path: str | os.PathLike) -> ParseResult:
    return parse_outlook(read_bytes(path), Path(path).name)


def read_vcard(path: str | os.PathLike) -> ParseResult:
    return parse_vcard(read_bytes(path), Path(path).name)


def import_files(wb: Workbook, paths, fmt: str = "auto",
                 progress: Progress | None = None) -> ImportSummary:
    """Read every file first (any unreadable file stops everything), then merge them all
    into the workbook in one transaction after a backup."""
    results = [read_contacts(path, fmt) for path in paths]
    return merge_results(wb, results, progress)


def import_uploads(wb: Workbook, files: list[tuple[str, bytes]], fmt: str = "auto",
                   progress: Progress | None = None) -> ImportSummary:
    """Like import_files, for (name, bytes) pairs such as a FileUpload's value."""
    results = [parse_contacts(data, name, fmt) for name, data in files]
    return merge_results(wb, results, progress)
