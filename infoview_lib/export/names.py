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

import contextlib
import os
import re
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
# Bidirectional controls (e.g. U+202E RIGHT-TO-LEFT OVERRIDE) make "evil\u202efdp.exe" show
# as "evilexe.pdf": dropped from every file name.
_BIDI = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


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
    >>> safe_filename("Ada\u202egpj.exe")
    'Adagpj.exe'
    """
    stem = _BIDI.sub("", unicodedata.normalize("NFC", str(text or "")))
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


MARKER = ".infoview-export"
"""The manifest an export leaves in its folder: a header line, then each file it wrote.
`--force` removes exactly those files, and refuses a folder without it."""
_MARKER_HEADER = "infoview export manifest v1: --force may replace exactly the files below"


class ExportFolder:
    """The folder an export writes into. Every write stays inside it.

    An existing, non-empty folder is refused unless force=True, and force only replaces an
    earlier infoview export: the files its manifest lists. A folder holding anything else (a
    workbook, backups/, a file infoview did not write) is refused and left untouched.

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
                    "'replace') to replace an earlier infoview export there, or pick another "
                    "folder."
                )
            _clear_previous_export(root)
        try:
            root.mkdir(parents=True, exist_ok=True)
            (root / MARKER).write_text(_MARKER_HEADER + "\n", encoding="utf-8")
        except OSError as err:
            raise ExportError(
                f"Cannot create the folder {root} ({err.strerror}); pick another folder."
            ) from err
        self.root = root.resolve()
        self.written: list[Path] = []

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
            with open(self.root / MARKER, "a", encoding="utf-8") as manifest:
                manifest.write(self.relative(target) + "\n")
        return target

    def record(self, target: Path) -> Path:
        """Record a file written at target (inside the folder) by other means, e.g. a zip."""
        return self._record(self.path(self.relative(target)))

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


def _refuse(root: Path, why: str) -> ExportError:
    return ExportError(f"--force only replaces an earlier infoview export, and {root} {why}; "
                       "nothing was removed. Pick a new or empty folder.")


def _clear_previous_export(root: Path) -> None:
    """Remove the files an earlier export listed in its manifest, after checking the folder
    holds nothing else; ExportError (and nothing removed) otherwise."""
    marker = root / MARKER
    try:
        lines = marker.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        raise _refuse(root, f"has no {MARKER} manifest (infoview did not write it)") from None
    if not lines or lines[0] != _MARKER_HEADER:
        raise _refuse(root, f"has a damaged {MARKER} manifest")
    listed = set(lines[1:])
    files, folders = [], []
    for top, dirs, names in os.walk(root, followlinks=False):
        for name in dirs:
            path = Path(top) / name
            (files if path.is_symlink() else folders).append(path)
        files += [Path(top) / n for n in names]
    for path in files:
        rel = path.relative_to(root).as_posix()
        if rel == MARKER:
            continue
        if "backups" in path.relative_to(root).parts[:-1] or path.suffix == ".sqlite":
            raise _refuse(root, f"holds a workbook or its backups ({rel})")
        if rel not in listed:
            raise _refuse(root, f"holds {rel}, which infoview did not write")
    if any(p.name == "backups" for p in folders):
        raise _refuse(root, "holds a backups/ folder")
    for path in files:
        path.unlink()
    for path in sorted(folders, key=lambda p: len(p.parts), reverse=True):
        with contextlib.suppress(OSError):
            path.rmdir()  # only folders the removal left empty
