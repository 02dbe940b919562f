"""Small wording helpers shared by every part of the workbook.

Example:
    >>> plural(1, "person", "people"), plural(3, "student"), plural(0, "check")
    ('1 person', '3 students', '0 checks')
    >>> plural(1200, "date")
    '1,200 dates'
"""

from __future__ import annotations


def plural(n: int, word: str, many: str | None = None) -> str:
    """'1 person', '2 people': the count and the right form of the word."""
    return f"{n:,} {word if n == 1 else (many or word + 's')}"


__all__ = ["plural"]
