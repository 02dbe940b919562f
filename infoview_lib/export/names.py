"""Safe file names from user data, and an export folder that never writes outside itself.

Example:
    >>> safe_filename("../../etc/passwd")
    'etc_passwd'
    >>> safe_filename("CON")
    '_CON'
    >>> safe_filename("Zoë Ó Briain", suffix=".md")
    'Zoë_Ó_Briain.md'
"""

from __future__ import annotations

import os
import re
import shutil
import unicodedata
from pathlib import Path

from ..workbook.errors import ExportError

MAX_NAME_BYTES = 80
"""Longest stem we write, in UTF-8 bytes (file systems allow 255; zip tools and Windows
paths are happier with much less)."""

_WINDOWS_RESERVED = {
    "CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$",
    *(f"COM{i}" for i in range(10)), *(f"LPT{i}" for i in range(10)),
    *(f"COM{c}" for c in "¹²³"), *(f"LPT{c}" for c in "¹²³"),
}
_UNSAFE = re.compile(r'[\x00-\x1f\x7f<>:"/\\|?*\s]+')


def _cut_bytes(text: str, limit: int) -> str:
    """The longest prefix of text that fits in limit UTF-8 bytes (never splits a character)."""
    out = text.encode("utf-8")[:limit]
    return out.decode("utf-8", errors="ignore")


def safe_filename(text: str, default: str = "file", suffix: str = "",
                  max_bytes: int = MAX_NAME_BYTES) -> str:
    """A file name made from user text: one path component, no reserved device names,
    no leading dots, at most max_bytes UTF-8 bytes before the suffix.

    Letters in any script are kept (NFC-normalised); separators, control characters and
    characters Windows forbids become "_".

    >>> safe_filename("  ", default="contact")
    'contact'
    >>> safe_filename("a" * 300) == "a" * MAX_NAME_BYTES
    True
    """
    stem = unicodedata.normalize("NFC", str(text or ""))
    stem = _UNSAFE.sub("_", stem)
    stem = re.sub(r"_+", "_", stem).strip("._ ")
    stem = _cut_bytes(stem, max_bytes).rstrip("._ ")
    if not stem:
        stem = default
    if stem.split(".")[0].upper() in _WINDOWS_RESERVED:
        stem = "_" + stem
    return stem + suffix


def unique_filename(wanted: str, taken: set[str]) -> str:
    """wanted, or wanted with -2, -3 ... before the suffix if that name (any case) is taken.

    >>> unique_filename("ada.md", {"ada.md"})
    'ada-2.md'
    """
    lowered = {t.casefold() for t in taken}
    stem, dot, ext = wanted.rpartition(".") if "." in wanted else (wanted, "", "")
    candidate, n = wanted, 1
    while candidate.casefold() in lowered:
        n += 1
        candidate = f"{stem}-{n}{dot}{ext}"
    return candidate


class ExportFolder:
    """The folder an export writes into. Every write stays inside it.

    An existing, non-empty folder is refused unless force=True (then its old content is
    removed first), so a second export never silently mixes with or replaces the first.

    >>> import tempfile
    >>> folder = ExportFolder(Path(tempfile.mkdtemp()) / "out")
    >>> folder.write_text("notes/plan.md", "# Plan").name
    'plan.md'
    >>> folder.write_text("../escape.txt", "x")
    Traceback (most recent call last):
    ...
    infoview_lib.workbook.errors.ExportError: Refusing to write '../escape.txt': it would land outside the export folder. This is a bug in the caller; please report it.
    """

    def __init__(self, root: str | os.PathLike, force: bool = False):
        root = Path(root).expanduser()
        if root.exists() and not root.is_dir():
            raise ExportError(f"{root} is a file, not a folder; pick a folder name for --out.")
        if root.is_dir() and any(root.iterdir()):
            if not force:
                raise ExportError(
                    f"The folder {root} already holds files. Pass --force (or tick "
                    "'replace') to replace them, or pick another folder."
                )
            self._clear(root)
        try:
            root.mkdir(parents=True, exist_ok=True)
        except OSError as err:
            raise ExportError(
                f"Cannot create the folder {root} ({err.strerror}); pick another folder."
            ) from err
        self.root = root.resolve()
        self.written: list[Path] = []

    @staticmethod
    def _clear(root: Path) -> None:
        for child in root.iterdir():
            if child.is_dir() and not child.is_symlink():
                shutil.rmtree(child)
            else:
                child.unlink()

    def path(self, relative: str) -> Path:
        """The absolute path for a relative name, checked to be inside the folder."""
        rel = Path(relative)
        target = (self.root / rel).resolve()
        if rel.is_absolute() or not target.is_relative_to(self.root) or target == self.root:
            raise ExportError(
                f"Refusing to write {relative!r}: it would land outside the export folder. "
                "This is a bug in the caller; please report it."
            )
        return target

    def _record(self, target: Path) -> Path:
        if target not in self.written:
            self.written.append(target)
        return target

    def write_bytes(self, relative: str, data: bytes) -> Path:
        """Write bytes to relative (folders made as needed); return the path."""
        target = self.path(relative)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        return self._record(target)

    def write_text(self, relative: str, text: str, bom: bool = False) -> Path:
        """Write UTF-8 text (with a byte-order mark if bom) to relative; return the path."""
        data = text.encode("utf-8")
        return self.write_bytes(relative, (b"\xef\xbb\xbf" + data) if bom else data)

    def adopt(self, relative: str) -> Path:
        """Record a file another function already wrote at folder.path(relative)."""
        target = self.path(relative)
        if not target.is_file():
            raise ExportError(f"Expected {relative} to be written, but it is missing.")
        return self._record(target)

    def relative(self, path: Path) -> str:
        """path as a forward-slash name relative to the folder."""
        return Path(path).resolve().relative_to(self.root).as_posix()
