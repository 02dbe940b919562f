"""Meeting lengths, always read from the class protocol (its `meeting_lengths`).

The default length is the shorter middle one of the lengths the protocol offers (short
asks get more yeses): 20 of [15, 20, 30], 30 of [30, 45], 30 of [15, 30, 45].

Example:
    >>> pick_default([15, 20, 30]), pick_default([30, 45]), pick_default([15, 30, 45])
    (20, 30, 30)
    >>> lengths_text([30, 45])
    '30 or 45'
"""

from __future__ import annotations

from ..classroom.protocol import current_protocol


def meeting_lengths() -> list[int]:
    """The lengths (minutes) the class protocol offers, shortest first."""
    return sorted(int(m) for m in current_protocol().meeting_lengths)


def pick_default(lengths: list[int]) -> int:
    """The shorter middle of the lengths."""
    ordered = sorted(lengths)
    return ordered[(len(ordered) - 1) // 2]


def default_minutes() -> int:
    """The length asked for when nobody chose one."""
    return pick_default(meeting_lengths())


def max_minutes() -> int:
    """The longest length a student should ask for."""
    return max(meeting_lengths())


def lengths_text(lengths: list[int] | None = None) -> str:
    """'15, 20 or 30': the lengths in words."""
    words = [str(m) for m in (lengths if lengths is not None else meeting_lengths())]
    return ", ".join(words[:-1]) + " or " + words[-1] if len(words) > 1 else words[0]


__all__ = ["default_minutes", "lengths_text", "max_minutes", "meeting_lengths", "pick_default"]
