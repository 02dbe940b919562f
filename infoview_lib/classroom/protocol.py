"""The class protocol (data/protocol.yaml): prompts, categories, question bank, limits.

Instructors change the YAML, never the code. `current_protocol()` reads the file named by
$INFOVIEW_PROTOCOL, else data/protocol.yaml. Every mistake in the file is collected and
reported with its line and what is expected (see protocol_check.py).

Example:
    >>> p = current_protocol()
    >>> p.outreach["max_words"], p.meeting_lengths
    (100, [15, 20, 30])
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..workbook.errors import ProtocolError
from ..workbook.model import Contact
from ..workbook.paths import DATA_DIR
from .protocol_check import MAX_CHARS, check_protocol_text

PROTOCOL_ENV = "INFOVIEW_PROTOCOL"
DEFAULT_PROTOCOL = DATA_DIR / "protocol.yaml"


@dataclass(frozen=True)
class Protocol:
    path: Path
    prompts: list[dict[str, str]]
    categories: list[str]
    list_aim: int
    list_stretch: int
    question_bank: Path
    outreach: dict[str, int]
    meeting_lengths: list[int]
    follow_up: dict[str, int]
    holidays: dict[str, str] = field(default_factory=dict)
    category_map: dict[str, str] = field(default_factory=dict)
    extra: dict[str, Any] = field(default_factory=dict)

    def persona_category(self, name: str) -> str:
        """A sample persona's category in this class: the class's own name for it
        (category_map), itself when the class uses it, else 'other' (or the last category).

        Example:
            >>> current_protocol().persona_category("friend")
            'friend'
        """
        name = name.strip().lower()
        mapped = self.category_map.get(name, name)
        if mapped in self.categories:
            return mapped
        return "other" if "other" in self.categories else self.categories[-1]


def protocol_path() -> Path:
    """$INFOVIEW_PROTOCOL if set, else the protocol shipped in data/."""
    env = os.environ.get(PROTOCOL_ENV, "").strip()
    return Path(env).expanduser() if env else DEFAULT_PROTOCOL


def read_protocol_text(path: Path) -> str:
    """The file's text, or a ProtocolError that says how to fix the path."""
    try:
        if path.stat().st_size > 4 * MAX_CHARS:
            raise ProtocolError(f"{path} is far too large to be a protocol file; start from a "
                                "copy of data/protocol.yaml.")
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError as err:
        raise ProtocolError(f"{path} is not a text file (UTF-8); save the protocol as plain "
                            "text YAML.") from err
    except OSError as err:
        raise ProtocolError(f"Cannot read the protocol file {path} ({err.strerror}); check the "
                            f"path (set in {PROTOCOL_ENV} or given on the command line).") from err


def load_protocol(path: str | os.PathLike | None = None) -> Protocol:
    """Read and check a protocol file.

    Raises ProtocolError listing every mistake as "line N: where: what is expected"; the
    list itself is on the exception as `.mistakes`.
    """
    path = Path(path).expanduser() if path else protocol_path()
    values, mistakes = check_protocol_text(read_protocol_text(path), path)
    if mistakes:
        err = ProtocolError(
            f"{path} has {len(mistakes)} mistake(s); fix them and check again with "
            f"'infoview protocol check {path}':\n" + "\n".join(f"  {m}" for m in mistakes)
        )
        err.mistakes = mistakes
        raise err
    return Protocol(path=path, **values)


_CACHE: dict[tuple, Protocol] = {}


def current_protocol() -> Protocol:
    """The protocol in force for this process.

    Checked once per version of the file: the result is kept until the path, size or
    modification time changes (panels ask for it on every keystroke).
    """
    path = protocol_path()
    try:
        stat = path.stat()
        key = (str(path), stat.st_mtime_ns, stat.st_size)
    except OSError:
        return load_protocol(path)  # raises the helpful "cannot read" error
    if key not in _CACHE:
        _CACHE.clear()
        _CACHE[key] = load_protocol(path)
    return _CACHE[key]


def fit_persona_categories(wb) -> int:
    """Give a sample persona's people this class's categories (see Protocol.persona_category);
    returns how many people changed. Run after loading a persona under a custom protocol.

    Example:
        >>> import tempfile, pathlib
        >>> from infoview_lib.workbook.store import open_workbook
        >>> from infoview_lib.workbook.personas import load_persona
        >>> wb = open_workbook(pathlib.Path(tempfile.mkdtemp()) / "w.sqlite")
        >>> _ = load_persona(wb, "maya")
        >>> fit_persona_categories(wb)  # the shipped protocol uses the personas' categories
        0
    """
    protocol = current_protocol()
    changed = 0
    with wb.transaction():
        for person in wb.contacts():
            if not any(s.startswith("persona:") for s in person.sources):
                continue
            fitted = list(dict.fromkeys(protocol.persona_category(c) for c in person.categories))
            if fitted != person.categories:
                wb.update(Contact, person.id, categories=fitted)
                changed += 1
    return changed
