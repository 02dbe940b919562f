"""Check a JSON backup against the workbook's schema before `restore` touches anything.

Every field must have its type, every enumerated field one of its values (tie strength,
target kind, status, channel, question phase, debrief answers), every date must parse,
every number must lie in its range, and every reference must point at a record in the
backup. The first problem found is reported in one line; the workbook is left as it was.

Example:
    >>> check_backup({"format": "x"}, "infoview-workbook", 1)
    Traceback (most recent call last):
    ...
    infoview_lib.workbook.errors.ValidationError: This is not an infoview backup: make one with 'infoview backup --out FILE.json'; nothing was changed.
"""

from __future__ import annotations

import dataclasses
import re
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from .errors import ValidationError
from .model import (
    CHANNELS,
    PHASES,
    RECORD_TYPES,
    Contact,
    Meeting,
    Outreach,
    QuestionChoice,
    Record,
    Target,
    Tie,
)
from .model import INTEREST as ANSWERS

INTEREST = (*ANSWERS, "")  # or not answered yet
REPORT_KINDS = ("update", "decision")

MAX_RECORDS = 200_000
MAX_TEXT = 100_000
MAX_ID = 2**53
MAX_MEETING_MINUTES = 24 * 60
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_LINE_BREAK = re.compile(r"[\r\n\u2028\u2029\x85]")
DATE_FIELDS = {"connected_on", "sent_on", "replied_on", "report_back_on"}
TIME_FIELDS = {"created_at", "updated_at", "deleted_at", "starts_at", "thank_you_sent_on"}


class _Bad(Exception):
    """One problem, found deep in a record; check_backup turns it into ValidationError."""


def _fail(text: str) -> None:
    raise _Bad(text)


def _check_date(value: str, with_time: bool) -> None:
    if not value:
        return
    try:
        (datetime if with_time else date).fromisoformat(value)
    except ValueError:
        _fail(f"{value[:40]!r} is not a date")


def _check_int(value: Any, low: int, high: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        _fail(f"{str(value)[:40]!r} is not a whole number from {low} to {high}")


def _check_strings(value: Any, name: str) -> None:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        _fail(f"{name} must be a list of texts")
    if sum(len(v) for v in value) > MAX_TEXT:
        _fail(f"{name} is too long")


def _check_field(field: dataclasses.Field, value: Any) -> None:
    name, kind = field.name, str(field.type)
    if value is None and ("None" in kind or kind == "str"):
        return
    if name == "id":
        _check_int(value, 1, MAX_ID)
    elif kind == "str":
        if not isinstance(value, str):
            _fail(f"{name} must be text")
        if len(value) > MAX_TEXT:
            _fail(f"{name} is too long")
        if name in DATE_FIELDS or name in TIME_FIELDS:
            _check_date(value, name in TIME_FIELDS)
    elif kind == "bool":
        if value not in (True, False, 0, 1):
            _fail(f"{name} must be true or false")
    elif kind.startswith("int"):
        _check_int(value, 0, MAX_ID)
    elif kind == "float":
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 600:
            _fail(f"{name} must be a number of minutes from 0 to 600")
    elif kind == "list[str]":
        _check_strings(value, name)
    elif kind.startswith("list"):
        if not isinstance(value, list) or not all(
                isinstance(v, list) and all(isinstance(x, str) for x in v) for v in value):
            _fail(f"{name} must be a list of [event, date] pairs")
        for pair in value:
            if len(pair) != 2:
                _fail(f"{name} must be a list of [event, date] pairs")
            _check_date(pair[1], False)
    elif kind.startswith("dict"):
        if not isinstance(value, dict) or not all(isinstance(k, str) for k in value):
            _fail(f"{name} must be a set of named values")


def _check_meeting(m: Meeting) -> None:
    try:
        ZoneInfo(m.timezone)
    except (ValueError, KeyError, OSError):
        _fail(f"time zone {m.timezone[:40]!r} is not known")
    _check_int(m.duration_minutes, 0, MAX_MEETING_MINUTES)  # 0: no length set yet
    if _LINE_BREAK.search(m.video_link) or _CONTROL.search(m.video_link) or (
            m.video_link and not m.video_link.lower().startswith(("https://", "http://"))):
        _fail("the video link must be one web address starting with https://")
    if _LINE_BREAK.search(m.place) or _CONTROL.search(m.place):
        _fail("the place must be one line")
    if not all(isinstance(v, bool) for v in m.checklist.values()):
        _fail("checklist values must be true or false")
    d = m.debrief
    if d.get("still_interested", "") not in INTEREST:
        _fail("debrief 'still interested' must be yes, unsure or no")
    _check_date(str(d.get("written_on", "")), False)
    if not isinstance(d.get("answers", {}), dict) or not all(
            isinstance(v, str) for v in d.get("answers", {}).values()):
        _fail("debrief answers must be texts")
    refs = d.get("referrals", [])
    if not isinstance(refs, list):
        _fail("debrief referrals must be a list of contact ids")
    for ref in refs:
        _check_int(ref, 1, MAX_ID)
    for item in d.get("reported_back", []):
        if not (isinstance(item, list) and len(item) == 2 and item[0] in REPORT_KINDS
                and isinstance(item[1], str)):
            _fail("debrief report-backs must be ['update' or 'decision', date] pairs")
        _check_date(item[1], False)
    for key in ("learned", "specific", "use"):
        if not isinstance(d.get(key, ""), str):
            _fail(f"debrief {key!r} must be text")


def _check_record(cls: type[Record], raw: Any) -> Record:
    if not isinstance(raw, dict):
        _fail("each record must be a set of named values")
    fields = {f.name: f for f in dataclasses.fields(cls)}
    for name, value in raw.items():
        if name in fields:
            _check_field(fields[name], value)
    if raw.get("id") is None:
        _fail("each record needs its id")
    try:
        record = cls.from_dict(raw)
    except (TypeError, ValueError) as err:
        _fail(str(err).split(";")[0])
    if isinstance(record, Outreach) and record.channel not in CHANNELS:
        _fail(f"channel {record.channel[:20]!r} is not one of {', '.join(CHANNELS)}")
    if isinstance(record, QuestionChoice):
        if record.phase not in PHASES:
            _fail(f"phase {record.phase[:20]!r} is not one of {', '.join(PHASES)}")
        _check_int(record.position, 0, MAX_RECORDS)
    if isinstance(record, Meeting):
        _check_meeting(record)
    if isinstance(record, Target) and not 0 <= record.motivation <= 5:
        _fail("motivation must be from 0 to 5")
    return record


def _is_zone(value: Any) -> bool:
    try:
        ZoneInfo(value)
    except (ValueError, KeyError, OSError, TypeError):
        return False
    return True


def _short_text(value: Any) -> bool:
    return isinstance(value, str) and len(value) <= 200 and not _LINE_BREAK.search(value)


# The settings the workbook reads back, and the shape each must have.
SETTING_RULES = {
    "ego": lambda v: isinstance(v, dict) and all(
        isinstance(k, str) and _short_text(x) and not re.search(r"[\[\]{}<>]", x)
        for k, x in v.items()),
    "goals": lambda v: isinstance(v, dict) and isinstance(v.get("kinds", []), list)
    and all(isinstance(k, str) for k in v.get("kinds", []))
    and isinstance(v.get("what_to_learn", ""), str),
    "contact_first": lambda v: isinstance(v, dict) and all(
        isinstance(k, str) and k.isdigit() and isinstance(x, int) and not isinstance(x, bool)
        for k, x in v.items()),
    "agenda_length": lambda v: isinstance(v, dict) and all(
        isinstance(x, int) and not isinstance(x, bool) and 0 < x <= 600 for x in v.values()),
    "timezone": _is_zone,
    "anonymize_salt": lambda v: isinstance(v, str) and re.fullmatch(r"[0-9a-f]{16,128}", v),
    "progress_submission_id": lambda v: isinstance(v, str) and re.fullmatch(r"[0-9a-f]{8,64}", v),
    "workbook_uid": _short_text,
    "persona": _short_text,
    "holiday_country": _short_text,
    "holiday_subdivision": _short_text,
    "outreach_last_contact": lambda v: v is None or (isinstance(v, int)
                                                     and not isinstance(v, bool)),
    "who_you_know.prompt": lambda v: isinstance(v, int) and not isinstance(v, bool)
    and 0 <= v < 1000,
}


def _check_settings(settings: Any) -> None:
    if not isinstance(settings, dict) or not all(isinstance(k, str) for k in settings):
        raise ValidationError("The backup's settings are damaged; nothing was changed.")
    for key, rule in SETTING_RULES.items():
        if key in settings and settings[key] is not None and not rule(settings[key]):
            raise ValidationError(f"The backup's setting {key!r} does not fit; nothing was "
                                  "changed.")


def _check_links(records: dict[type[Record], list[Record]]) -> None:
    people = {c.id for c in records[Contact]}
    targets = {t.id for t in records[Target]}
    for cls, items in records.items():
        ids = [r.id for r in items]
        if len(ids) != len(set(ids)):
            raise ValidationError(f"The backup's {cls.table} have the same id twice; nothing "
                                  "was changed.")
        for r in items:
            refs = [getattr(r, n, None) for n in ("contact_id", "introduced_by")]
            if isinstance(r, Tie):
                refs += [r.a, r.b]
            if isinstance(r, Meeting):
                refs += list(r.debrief.get("referrals", []))
            bad = [x for x in refs if x is not None and x not in people]
            if isinstance(r, Outreach) and r.target_id is not None and r.target_id not in targets:
                bad.append(r.target_id)
            if bad:
                raise ValidationError(f"The backup's {cls.table} record {r.id} refers to a "
                                      f"record {bad[0]} that is not in it; nothing was changed.")


def check_backup(data: Any, fmt: str, version: int) -> dict[type[Record], list[Record]]:
    """The backup's records by type, or ValidationError naming the first problem (one line)."""
    if not isinstance(data, dict) or data.get("format") != fmt:
        raise ValidationError("This is not an infoview backup: make one with 'infoview backup "
                              "--out FILE.json'; nothing was changed.")
    number = data.get("schema_version", 0)
    if isinstance(number, bool) or not isinstance(number, int) or number < 1:
        raise ValidationError("The backup has no valid schema version; nothing was changed.")
    if number > version:
        raise ValidationError("This backup comes from a newer infoview; update infoview first; "
                              "nothing was changed.")
    _check_settings(data.get("settings", {}))
    records: dict[type[Record], list[Record]] = {}
    for cls in RECORD_TYPES:
        rows = data.get(cls.table, [])
        if not isinstance(rows, list) or len(rows) > MAX_RECORDS:
            raise ValidationError(f"The backup's {cls.table} are not a list of records (or too "
                                  "many); nothing was changed.")
        out = []
        for position, raw in enumerate(rows, start=1):
            try:
                out.append(_check_record(cls, raw))
            except _Bad as err:
                raise ValidationError(f"The backup's {cls.table} record {position} does not "
                                      f"fit ({err}); nothing was changed.") from None
        records[cls] = out
    _check_links(records)
    return records
