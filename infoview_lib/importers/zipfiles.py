"""Reading contact files out of a zip without trusting it: caps on the number of members,
the total unpacked size and the packing ratio, one member read at a time in chunks (so a
member whose header lies about its size is stopped at the cap), and one-line refusals.

Example:
    >>> import io, zipfile
    >>> buf = io.BytesIO()
    >>> with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
    ...     z.writestr("big.csv", b"0" * 5_000_000)
    >>> with zipfile.ZipFile(buf) as z:
    ...     read_member(z, z.infolist()[0], "bomb.zip", Budget())
    Traceback (most recent call last):
    ...
    infoview_lib.workbook.errors.ImportFormatError: big.csv in bomb.zip unpacks to over 100 times its packed size (a zip bomb?); infoview did not unpack it. Upload the contact file itself.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass

from ..workbook.errors import ImportFormatError

MAX_MEMBERS = 5_000
MAX_TOTAL_BYTES = 100_000_000
MAX_RATIO = 100
RATIO_FROM_BYTES = 1_000_000  # small members may pack tightly (a short CSV of blanks)
CHUNK = 1 << 20


@dataclass
class Budget:
    """What is left to unpack from one archive."""

    left: int = MAX_TOTAL_BYTES


def check_archive(archive: zipfile.ZipFile, name: str) -> None:
    """Refuse an archive with too many members before reading any of them."""
    count = len(archive.infolist())
    if count > MAX_MEMBERS:
        raise ImportFormatError(
            f"{name} holds {count} files, more than the {MAX_MEMBERS} infoview opens; "
            "upload the contact file itself (Connections.csv, a .csv or .vcf).")


def _refuse(member: str, name: str, why: str) -> ImportFormatError:
    return ImportFormatError(f"{member} in {name} {why}; infoview did not unpack it. Upload "
                             "the contact file itself.")


def read_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, name: str,
                budget: Budget) -> bytes:
    """The bytes of one member, read in chunks and stopped at the caps."""
    if info.file_size > budget.left:
        raise _refuse(info.filename, name,
                      f"unpacks to more than {MAX_TOTAL_BYTES // 1_000_000} MB")
    if info.file_size > RATIO_FROM_BYTES and \
            info.file_size > MAX_RATIO * max(info.compress_size, 1):
        raise _refuse(info.filename, name,
                      f"unpacks to over {MAX_RATIO} times its packed size (a zip bomb?)")
    parts, size = [], 0
    with archive.open(info) as stream:
        while True:
            chunk = stream.read(CHUNK)
            if not chunk:
                break
            size += len(chunk)
            if size > budget.left:
                raise _refuse(info.filename, name,
                              f"unpacks to more than {MAX_TOTAL_BYTES // 1_000_000} MB")
            if size > RATIO_FROM_BYTES and size > MAX_RATIO * max(info.compress_size, 1):
                raise _refuse(info.filename, name,
                              f"unpacks to over {MAX_RATIO} times its packed size (a zip bomb?)")
            parts.append(chunk)
    budget.left -= size
    return b"".join(parts)
