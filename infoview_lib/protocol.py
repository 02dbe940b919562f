"""The class protocol (data/protocol.yaml): prompts, categories, question bank, limits.

Instructors change the YAML, never the code. `current_protocol()` reads the file named by
$INFOVIEW_PROTOCOL, else data/protocol.yaml.

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

import yaml

from .errors import ProtocolError
from .paths import DATA_DIR

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
    extra: dict[str, Any] = field(default_factory=dict)


def protocol_path() -> Path:
    env = os.environ.get(PROTOCOL_ENV, "").strip()
    return Path(env).expanduser() if env else DEFAULT_PROTOCOL


def load_protocol(path: str | os.PathLike | None = None) -> Protocol:
    """Read and check a protocol file; ProtocolError names the line of each mistake."""
    path = Path(path) if path else protocol_path()
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as err:
        raise ProtocolError(f"Cannot read the protocol file {path} ({err.strerror}); check the "
                            f"path in {PROTOCOL_ENV}.") from err
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as err:
        raise ProtocolError(f"{path} is not valid YAML: {err}") from err
    if not isinstance(data, dict):
        raise ProtocolError(f"{path}: expected keys such as 'prompts' and 'categories' at the top.")
    try:
        return Protocol(
            path=path,
            prompts=list(data["prompts"]),
            categories=[str(c) for c in data["categories"]],
            list_aim=int(data.get("list_aim", 50)),
            list_stretch=int(data.get("list_stretch", 100)),
            question_bank=(path.parent / data.get("question_bank", "questions.yaml")),
            outreach=dict(data["outreach"]),
            meeting_lengths=[int(m) for m in data["meeting_lengths"]],
            follow_up=dict(data["follow_up"]),
        )
    except (KeyError, TypeError, ValueError) as err:
        raise ProtocolError(f"{path}: missing or wrong value ({err}).") from err


def current_protocol() -> Protocol:
    """The protocol in force for this process."""
    return load_protocol()
