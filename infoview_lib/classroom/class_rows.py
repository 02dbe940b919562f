"""Who is stuck: one row per submission (no names), an optional roster of expected hand-ins
and a due date with late flags.

A row shows a short pseudonymous id (the start of the file's submission_id), the hand-in
date, the furthest step reached (a sample persona's ready-made steps not counted), how many
people were contacted / replied / met, and whether the work is the student's own data or a
practice persona. A roster is a text file of expected ids (one per line, the first 6+
characters are enough) or a single number of expected hand-ins.

Example:
    >>> from infoview_lib.classroom.report import Submission, normalise, sample_submissions
    >>> subs = [Submission("a.json", normalise(d), "") for d in sample_submissions(2)]
    >>> rows = student_rows(subs, due="2026-03-01")
    >>> [(r.id, r.late) for r in rows]
    [('1df9fd78', False), ('298cb3a5', True)]
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from datetime import date
from pathlib import Path
from typing import Any

from ..workbook.errors import ValidationError
from .report import Submission, funnel

SHORT_ID = 8
MIN_ID = 6
MAX_ROSTER = 5_000
_ID = re.compile(r"^[A-Za-z0-9_-]{6,64}$")


@dataclass(frozen=True)
class Row:
    id: str
    handed_in: str
    furthest_step: int
    contacted: int
    replied: int
    met: int
    data: str
    late: bool | None = None
    missing: bool = False

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def _day(text: str) -> str:
    return text[:10] if re.match(r"^\d{4}-\d{2}-\d{2}", text or "") else ""


def parse_due(value: str | date | None) -> date | None:
    """A due date as YYYY-MM-DD (ValidationError says how to write it)."""
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip())
    except ValueError as err:
        raise ValidationError(f"'{value}' is not a date; write the due date as YYYY-MM-DD, "
                              "e.g. 2026-03-15.") from err


def _row(sub: Submission, due: date | None) -> Row:
    d = sub.data
    flow = funnel(d["by_status"], d["people_total"])
    day = _day(d["created_at"])
    persona = d.get("persona")
    source = "own data" if not persona else (
        f"persona {persona}" + (f" + {d['own_people']} own" if d.get("own_people") else ""))
    late = None if due is None or not day else date.fromisoformat(day) > due
    return Row(d["submission_id"][:SHORT_ID], day, max(d["steps_done"], default=0),
               flow["contacted"], flow["replied"], d["meetings"]["held"], source, late)


def student_rows(subs: list[Submission], due: str | date | None = None,
                 roster: list[str] | None = None) -> list[Row]:
    """One row per submission, least far along first; then a row for each roster id with no
    submission (missing=True)."""
    when = parse_due(due)
    rows = sorted((_row(s, when) for s in subs), key=lambda r: (r.furthest_step, r.id))
    for expected in roster or []:
        if not any(s.data["submission_id"].startswith(expected) for s in subs):
            rows.append(Row(expected[:SHORT_ID], "", 0, 0, 0, 0, "", None, missing=True))
    return rows


def read_roster(path: str | Path) -> tuple[list[str], int | None]:
    """(expected ids, expected count). A file holding one number is a count of hand-ins;
    otherwise one id per line ('#' starts a comment)."""
    try:
        text = Path(path).read_text(encoding="utf-8-sig")[:1_000_000]
    except (OSError, UnicodeDecodeError) as err:
        raise ValidationError(f"Cannot read the roster {path} ({err}); give a text file with "
                              "one student id per line, or just the number of students.") from err
    lines = [line.split("#")[0].strip() for line in text.splitlines()]
    lines = [line for line in lines if line]
    if len(lines) == 1 and lines[0].isdigit():
        return [], min(int(lines[0][:6]), MAX_ROSTER)
    bad = [line for line in lines if not _ID.match(line)]
    if bad:
        raise ValidationError(f"The roster {path} has '{bad[0][:40]}', which is not a student id "
                              f"(letters, digits, '-' or '_', at least {MIN_ID}); use the ids "
                              "from the students' progress files, one per line.")
    return list(dict.fromkeys(lines))[:MAX_ROSTER], None


def roster_summary(rows: list[Row], expected: int | None = None) -> dict[str, Any]:
    """Counts for the page: handed in, late, missing and (with a count) still expected."""
    handed = sum(not r.missing for r in rows)
    out = {"handed_in": handed, "late": sum(bool(r.late) for r in rows),
           "missing": sum(r.missing for r in rows),
           "not_started": sum(r.furthest_step == 0 and not r.missing for r in rows)}
    if expected is not None:
        out["expected"] = expected
        out["missing"] = max(expected - handed, 0)
    return out
