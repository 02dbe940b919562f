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
from .detect import MAX_FILE_BYTES, parse_contacts
from .google import parse_google
from .linkedin import parse_linkedin
from .merge import Progress, merge_results
from .outlook import parse_outlook
from .summary import ImportSummary
from .vcard import parse_vcard


def read_bytes(path: str | os.PathLike) -> bytes:
    """The bytes of a contact file, or ImportFormatError saying why it cannot be read
    (a file over MAX_FILE_BYTES is refused before it is read)."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES and path.is_file():
            raise ImportFormatError(
                f"{path.name} is {size / 1e6:.0f} MB, more than the {MAX_FILE_BYTES / 1e6:.0f} "
                "MB infoview reads at once. Export only your contacts (without photos), or "
                "split the file, and import the parts.")
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


def parse_all(sources, parse) -> tuple[list[ParseResult], list[tuple[str, str]]]:
    """(results, failed files) for `parse(source)` over sources; ImportFormatError when no
    file could be read at all (then nothing should be written, not even a new workbook)."""
    results, failed, first = [], [], None
    for source in sources:
        try:
            results.append(parse(source))
        except ImportFormatError as err:
            name = Path(source[0] if isinstance(source, tuple) else source).name
            failed.append((name, str(err)))
            first = first or err
    if first is not None and not results:
        if len(failed) == 1:
            raise first
        raise ImportFormatError("None of the files could be read: " + " ".join(
            m for _, m in failed)) from first
    return results, failed


def import_parsed(wb: Workbook, results: list[ParseResult], failed: list[tuple[str, str]],
                  progress: Progress | None = None) -> ImportSummary:
    """Merge already parsed files; files that could not be read are listed in the summary."""
    summary = merge_results(wb, results, progress)
    summary.failed = list(failed)
    summary.files += [name for name, _ in failed]
    return summary


def import_files(wb: Workbook, paths, fmt: str = "auto",
                 progress: Progress | None = None) -> ImportSummary:
    """Read every file, then merge the readable ones into the workbook in one transaction
    after a backup. A file that cannot be read is reported in `summary.failed`; when no
    file can be read, ImportFormatError and nothing is written."""
    results, failed = parse_all(paths, lambda path: read_contacts(path, fmt))
    return import_parsed(wb, results, failed, progress)


def import_uploads(wb: Workbook, files: list[tuple[str, bytes]], fmt: str = "auto",
                   progress: Progress | None = None) -> ImportSummary:
    """Like import_files, for (name, bytes) pairs such as a FileUpload's value."""
    results, failed = parse_all(files, lambda f: parse_contacts(f[1], f[0], fmt))
    return import_parsed(wb, results, failed, progress)
