"""What an import did, for the step-1 panel and `infoview import --json`.

Example:
    >>> s = ImportSummary(added=2, merged=1, updated=1, merged_names=["Ada Example"])
    >>> print(s.text())
    Added 2 new people; merged 1 into people already on your list (Ada Example).
    >>> print(ImportSummary(merged=2000, unmapped=[("c.csv", "Notes"), ("c.csv", "Tags")]).text())
    Added 0 new people; 2,000 already on your list (nothing new about them).
    Columns not imported from c.csv (nothing in infoview holds them): Notes, Tags.
    >>> sorted(s.to_json())[:4]
    ['added', 'errors', 'failed_files', 'merged']
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..text import plural
from .base import Problem

SHOW_NAMES = 10


@dataclass
class ImportSummary:
    """Counts, names and problems of one import (one or several files)."""

    added: int = 0
    merged: int = 0
    updated: int = 0  # of the merged, how many got a new detail (the rest: nothing new)
    organizations_added: int = 0
    merged_names: list[str] = field(default_factory=list)
    possible_duplicates: list[tuple[str, str, int, int]] = field(default_factory=list)
    skipped: list[Problem] = field(default_factory=list)
    errors: list[Problem] = field(default_factory=list)
    unmapped: list[tuple[str, str]] = field(default_factory=list)  # (file, column)
    failed: list[tuple[str, str]] = field(default_factory=list)  # (file, why)
    files: list[str] = field(default_factory=list)

    def to_json(self) -> dict:
        return {
            "added": self.added,
            "organizations_added": self.organizations_added,
            "merged": self.merged,
            "updated": self.updated,
            "merged_names": self.merged_names,
            "possible_duplicates": [{"names": [a, b], "ids": [i, j]}
                                    for a, b, i, j in self.possible_duplicates],
            "skipped": [{"file": p.file, "line": p.line, "reason": p.message}
                        for p in self.skipped],
            "errors": [{"file": p.file, "line": p.line, "message": p.message}
                       for p in self.errors],
            "unmapped_columns": [{"file": f, "column": c} for f, c in self.unmapped],
            "failed_files": [{"file": f, "message": m} for f, m in self.failed],
        }

    @property
    def nothing_new(self) -> bool:
        """Everyone in the file was already listed with these details (a re-import)."""
        return bool(self.merged) and not self.updated

    def merged_text(self, names: str = "") -> str:
        """How the people already listed fared: '2,000 already on your list (nothing new
        about them)' when no detail changed, else 'merged 3 into people already on your list'
        then `names` (e.g. ' (Ada, Bo)') and how many of them had nothing new.

        >>> ImportSummary(merged=3, updated=1).merged_text(" (Ada)")
        'merged 3 into people already on your list (Ada); 2 of them had nothing new'
        """
        if self.nothing_new:
            return f"{self.merged:,} already on your list (nothing new about them)"
        same = self.merged - self.updated
        return (f"merged {self.merged:,} into people already on your list{names}"
                + (f"; {same:,} of them had nothing new" if same else ""))

    def unmapped_by_file(self) -> list[tuple[str, list[str]]]:
        """The columns not imported, grouped by file (each file named once).

        >>> ImportSummary(unmapped=[("a.csv", "X"), ("b.csv", "Y"), ("a.csv", "Z")]).unmapped_by_file()
        [('a.csv', ['X', 'Z']), ('b.csv', ['Y'])]
        """
        grouped: dict[str, list[str]] = {}
        for file, column in self.unmapped:
            grouped.setdefault(file, []).append(column)
        return list(grouped.items())

    def text(self) -> str:
        """A short human summary: counts with names, then what needs a look."""
        merged = ""
        if self.merged_names and not self.nothing_new:
            names = ", ".join(dict.fromkeys(self.merged_names[:SHOW_NAMES]))
            more = len(self.merged_names) - SHOW_NAMES
            merged = f" ({names}{f' and {more} more' if more > 0 else ''})"
        lines = [f"Added {plural(self.added, 'new person', 'new people')}; "
                 f"{self.merged_text(merged)}."]
        if self.organizations_added:
            lines.append(f"Added {plural(self.organizations_added, 'organization')} (records "
                         "with no person's name).")
        if self.possible_duplicates:
            pairs = "; ".join(f"{a} / {b}" for a, b, _, _ in
                              self.possible_duplicates[:SHOW_NAMES])
            lines.append(f"{plural(len(self.possible_duplicates), 'possible duplicate')} kept "
                         f"apart (same name, different details): {pairs}. Review them in step 1.")
        for file, columns in self.unmapped_by_file():
            lines.append(f"Columns not imported from {file} (nothing in infoview holds them): "
                         f"{', '.join(columns)}.")
        for file, why in self.failed:
            lines.append(f"Could not read {file}: {why}")
        if self.skipped or self.errors:
            lines.append(f"Skipped {plural(len(self.skipped), 'record')}; "
                         f"{plural(len(self.errors), 'problem')} "
                         "(listed with their line numbers).")
        return "\n".join(lines)
