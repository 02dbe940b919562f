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


def and_list(names: list[str]) -> str:
    """Names in a sentence: 'Ada', 'Ada and Ben', 'Ada, Ben and Cy'.

    >>> and_list(["Ada"]), and_list(["Ada", "Ben", "Cy"])
    ('Ada', 'Ada, Ben and Cy')
    """
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def shorten(text: str, limit: int = 80) -> str:
    """text in at most `limit` characters: cut between two words, with "…" when cut.

    >>> shorten("Ada: works as Head of Product Design", 30), shorten("Short one.")
    ('Ada: works as Head of Product…', 'Short one.')
    """
    if len(text) <= limit:
        return text
    cut = text[:limit - 1]
    if text[limit - 1] != " ":   # the cut falls inside a word: drop that word
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(",;: ") + "…"


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")


def spreadsheet_safe(text: str) -> str:
    """text with a ' in front when a spreadsheet could run it as a formula (also after
    leading spaces or a line break). Every CSV and Excel writer uses it.

    >>> spreadsheet_safe("=1+1"), spreadsheet_safe("\\n=HYPERLINK(1)"), spreadsheet_safe("Ada")
    ("'=1+1", "'\\n=HYPERLINK(1)", 'Ada')
    """
    return "'" + text if text.lstrip(" ").startswith(FORMULA_STARTS) else text


__all__ = ["FORMULA_STARTS", "and_list", "plural", "shorten", "spreadsheet_safe"]
