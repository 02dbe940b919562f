"""What an import did, for the step-1 panel and `infoview import --json`.

Example:
    >>> s = ImportSummary(added=2, merged=1, merged_names=["Ada Example"])
    >>> print(s.text())
    Added 2 new people; merged 1 into people already on your list (Ada Example).
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

    def text(self) -> str:
        """A short human summary: counts with names, then what needs a look."""
        merged = ""
        if self.merged_names:
            names = ", ".join(dict.fromkeys(self.merged_names[:SHOW_NAMES]))
            more = len(self.merged_names) - SHOW_NAMES
            merged = f" ({names}{f' and {more} more' if more > 0 else ''})"
        lines = [f"Added {plural(self.added, 'new person', 'new people')}; merged {self.merged} "
                 f"into people already on your list{merged}."]
        if self.organizations_added:
            lines.append(f"Added {plural(self.organizations_added, 'organization')} (records "
                         "with no person's name).")
        if self.possible_duplicates:
            pairs = "; ".join(f"{a} / {b}" for a, b, _, _ in
                              self.possible_duplicates[:SHOW_NAMES])
            lines.append(f"{plural(len(self.possible_duplicates), 'possible duplicate')} kept "
                         f"apart (same name, different details): {pairs}. Review them in step 1.")
        if self.unmapped:
            cols = "; ".join(f"{f}: {c}" for f, c in self.unmapped)
            lines.append(f"Columns not imported (nothing in infoview holds them): {cols}.")
        for file, why in self.failed:
            lines.append(f"Could not read {file}: {why}")
        if self.skipped or self.errors:
            lines.append(f"Skipped {plural(len(self.skipped), 'record')}; "
                         f"{plural(len(self.errors), 'problem')} "
                         "(listed with their line numbers).")
        return "\n".join(lines)
