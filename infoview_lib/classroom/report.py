"""The anonymous class summary: read students' progress files, skip bad ones, add them up.

A submission is a progress.json (see docs/anonymised-progress.md) on its own or inside an
anonymised bundle (.zip). Malformed and duplicate submissions are reported and skipped; one
bad file never stops the report. Drawing, the HTML page and build_report live in report_render.py.

Example:
    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> paths = write_sample_folder(folder, 5, broken=False)
    >>> subs, problems = read_submissions([folder])
    >>> len(subs), problems
    (5, [])
    >>> summarise(subs)["students"]
    5
"""

from __future__ import annotations

import hashlib
import json
import random
import re
import zipfile
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from statistics import median
from typing import Any

from ..steps import STEP_NUMBERS
from ..workbook.model import CATEGORIES, OUTREACH_STATUSES, TIE_STRENGTHS
from . import handins

FORMAT = "infoview-progress"
PROGRESS_NAME = handins.PROGRESS_NAME
MAX_COUNT = 1_000_000  # no student lists, contacts or meets more people than this
MAX_KEYS = 500  # categories in one file: far more than any class protocol has
ID_PATTERN = re.compile(r"^[A-Za-z0-9_-]{4,64}$")
TIES = (*TIE_STRENGTHS, "unknown")
# The outreach funnel, from the statuses each stage includes (docs/anonymised-progress.md).
LATER = ("meeting_set", "met", "thanked", "referrals_followed_up")
FUNNEL = (
    ("contacted", tuple(s for s in OUTREACH_STATUSES if s != "to_contact")),
    ("replied", ("replied", *LATER, "declined")),
    ("meeting set", LATER),
    ("met", LATER[1:]),
    ("thanked", LATER[2:]),
)


@dataclass(frozen=True)
class Submission:
    source: str
    data: dict[str, Any]
    digest: str


@dataclass(frozen=True)
class Problem:
    source: str
    message: str

    def __str__(self) -> str:
        return f"{self.source}: {self.message}"


class BadSubmission(ValueError):
    """A file that is not a usable progress file (the message says why)."""


# -- reading ----------------------------------------------------------------------------
def _count(value: Any, where: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_COUNT:
        raise BadSubmission(f"{where} should be a whole number from 0 to {MAX_COUNT:,}, not "
                            f"{str(value)[:20]}")
    return value


def _counts(value: Any, where: str, keys: Iterable[str] | None = None) -> dict[str, int]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise BadSubmission(f"{where} should be a group of counts")
    if len(value) > MAX_KEYS:
        raise BadSubmission(f"{where} has {len(value):,} entries, more than a class uses "
                            f"(at most {MAX_KEYS})")
    out = {}
    for key, number in value.items():
        name = str(key).strip().lower()[:60]
        if keys is not None and name not in keys:
            raise BadSubmission(f"{where} has an unknown key {name!r}")
        out[name] = _count(number, f"{where}.{name}")
    return out


def _section(data: dict, name: str) -> dict:
    value = data.get(name)
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise BadSubmission(f"'{name}' should be a group of keys")
    return value


def normalise(data: Any) -> dict[str, Any]:
    """Check one progress record and return it in a fixed shape (BadSubmission if unusable)."""
    if not isinstance(data, dict):
        raise BadSubmission("not a progress file (expected a JSON object)")
    if data.get("format") != FORMAT:
        raise BadSubmission(f"not a progress file (format should be {FORMAT!r})")
    if data.get("version") != 1:
        raise BadSubmission(f"progress file version {data.get('version')!r}; this report "
                            "reads version 1 (update infoview)")
    sid = data.get("submission_id")
    if not isinstance(sid, str) or not ID_PATTERN.match(sid):
        raise BadSubmission("submission_id is missing or malformed")
    steps = data.get("steps_done") or []
    if not isinstance(steps, list) or any(s not in STEP_NUMBERS or isinstance(s, bool)
                                          for s in steps):
        raise BadSubmission("steps_done should list step numbers from 1 to 6")
    people, targets = _section(data, "people"), _section(data, "targets")
    practice = _section(data, "practice")
    persona, own = _practice(practice, people)
    if persona and not own:  # a persona's ready-made people and targets are not the student's
        steps = [s for s in steps if s > 2]
    prefilled = practice.get("prefilled") or []
    if isinstance(prefilled, list):  # steps practice mode set under way, not the student
        steps = [s for s in steps if s not in prefilled]
    outreach, meetings = _section(data, "outreach"), _section(data, "meetings")
    fields = targets.get("fields") or []
    if not isinstance(fields, list) or not all(isinstance(f, str) for f in fields):
        raise BadSubmission("targets.fields should be a list of names")
    return {
        "submission_id": sid,
        "created_at": str(data.get("created_at") or "")[:40],
        "steps_done": sorted(set(steps)),
        "persona": persona,
        "own_people": own,
        "people_total": _count(people.get("total", 0), "people.total"),
        "by_category": _counts(people.get("by_category"), "people.by_category"),
        "by_tie": _counts(people.get("by_tie_strength"), "people.by_tie_strength", TIES),
        "can_interview": _count(people.get("can_interview", 0), "people.can_interview"),
        "can_refer": _count(people.get("can_refer", 0), "people.can_refer"),
        "targets_total": _count(targets.get("total", 0), "targets.total"),
        "fields": sorted({f.strip().lower()[:80] for f in fields[:50] if f.strip()}),
        "by_status": _counts(outreach.get("by_status"), "outreach.by_status", OUTREACH_STATUSES),
        "meetings": {k: _count(meetings.get(k, 0), f"meetings.{k}")
                     for k in ("planned", "held", "thanked")},
    }


def _practice(practice: dict, people: dict) -> tuple[str | None, int]:
    """(the sample persona the workbook started from or None, people the student added)."""
    persona = practice.get("persona")
    persona = persona.strip()[:40] if isinstance(persona, str) and persona.strip() else None
    default = 0 if persona else _count(people.get("total", 0), "people.total")
    return persona, _count(practice.get("own_people", default), "practice.own_people")


def _load_json(raw: bytes) -> Any:
    if len(raw) > handins.MAX_BYTES:
        raise BadSubmission("too large to be a progress file")
    try:
        return json.loads(raw.decode("utf-8-sig"))
    except RecursionError as err:
        raise BadSubmission("nested too deeply to be a progress file") from err
    except (UnicodeDecodeError, ValueError) as err:  # ValueError: JSON, or a huge number
        raise BadSubmission(f"not readable JSON ({str(err)[:120]})") from err


def expand(paths: Iterable[str | Path]) -> list[Path]:
    """Files as given, and every file inside any folder given (sorted)."""
    return [path for _, path in handins.labelled(paths)]


def _student(label: str) -> str:
    """The student folder a file came from (a platform's bulk zip has one per student)."""
    parts = label.split("/")
    return "/".join(parts[:-1]) if len(parts) > 1 else ""


def read_submissions(paths: Iterable[str | Path]) -> tuple[list[Submission], list[Problem]]:
    """Usable submissions (one per student) and the problems of everything skipped: every
    file given is either used or listed."""
    problems: list[Problem] = []
    by_id: dict[tuple[str, str], Submission] = {}
    by_digest: dict[str, str] = {}
    for label, raw in handins.candidates(paths):
        try:
            if isinstance(raw, str):
                raise BadSubmission(raw)
            data = normalise(_load_json(raw))
        except BadSubmission as err:
            problems.append(Problem(label, f"skipped: {err}."))
            continue
        digest = hashlib.sha256(json.dumps(data, sort_keys=True).encode()).hexdigest()
        if digest in by_digest:
            problems.append(Problem(label, f"skipped: identical to {by_digest[digest]}."))
            continue
        by_digest[digest] = label
        new = Submission(label, data, digest)
        key = (_student(label), data["submission_id"])
        old = by_id.get(key)
        if old is None:
            by_id[key] = new
            continue
        keep, drop = (new, old) if data["created_at"] > old.data["created_at"] else (old, new)
        by_id[key] = keep
        problems.append(Problem(drop.source, f"skipped: the same workbook was handed in as "
                                f"{keep.source} too; the later one is kept (two students who "
                                "started from one shared backup: put each student's file in "
                                "a folder of their own)."))
    return list(by_id.values()), problems


# -- adding up --------------------------------------------------------------------------
def funnel(by_status: dict[str, int], listed: int) -> dict[str, int]:
    """People listed, then each outreach stage, from counts per status."""
    out = {"listed": listed}
    for stage, statuses in FUNNEL:
        out[stage] = sum(by_status.get(s, 0) for s in statuses)
    return out


def top_categories(counts: Counter, shown: int = 25) -> dict[str, int]:
    """The most listed categories; the rest added up as one entry (a chart stays readable).

    Example:
        >>> top_categories(Counter({"a": 3, "b": 2, "c": 1}), shown=1)
        {'a': 3, '(2 other categories)': 3}
    """
    top = counts.most_common()
    rest = top[shown:]
    out = dict(top[:shown])
    if rest:
        out[f"({len(rest)} other categories)"] = sum(n for _, n in rest)
    return out


def summarise(subs: list[Submission]) -> dict[str, Any]:
    """The class dashboard's numbers (all sums over students unless named otherwise)."""
    rows = [s.data for s in subs]
    totals = [r["people_total"] for r in rows]
    categories: Counter = Counter()
    ties: Counter = Counter()
    statuses: Counter = Counter()
    fields: Counter = Counter()
    steps: Counter = Counter()
    rates = []
    for r in rows:
        categories.update(r["by_category"])
        ties.update(r["by_tie"])
        statuses.update(r["by_status"])
        fields.update(r["fields"])
        steps.update(r["steps_done"])
        f = funnel(r["by_status"], r["people_total"])
        if f["contacted"]:
            rates.append(f["replied"] / f["contacted"])
    class_funnel = funnel(statuses, sum(totals))
    contacted = class_funnel["contacted"]
    return {
        "students": len(rows),
        "people": {"total": sum(totals), "median": median(totals) if totals else 0,
                   "min": min(totals, default=0), "max": max(totals, default=0)},
        "by_category": top_categories(categories),
        "by_tie_strength": {t: ties.get(t, 0) for t in TIES},
        "funnel": class_funnel,
        "reply_rate": class_funnel["replied"] / contacted if contacted else None,
        "reply_rate_median": median(rates) if rates else None,
        "students_contacting": len(rates),
        "meetings": {k: sum(r["meetings"][k] for r in rows) for k in ("planned", "held",
                                                                     "thanked")},
        "students_with_meeting_held": sum(1 for r in rows if r["meetings"]["held"]),
        "top_fields": fields.most_common(10),
        "steps_done": {n: steps.get(n, 0) for n in STEP_NUMBERS},
        "students_on_persona": sum(1 for r in rows if r["persona"]),
    }


# -- sample data (for the notebook's demo and the tests) ---------------------------------
SAMPLE_FIELDS = ("ux design", "data science", "renewable energy", "nursing", "teaching",
                 "product management", "game development", "public policy", "marketing",
                 "architecture", "journalism", "biotech")


def sample_submission(rng: random.Random, day: int = 1) -> dict[str, Any]:
    """One made-up student's progress file (valid, counts only)."""
    total = rng.randint(4, 90)
    cats = Counter(rng.choice(CATEGORIES) for _ in range(total))
    ties = Counter(rng.choices(TIES, weights=(2, 5, 3, 2), k=total))
    contacted = rng.randint(0, min(total, 12))
    chain = [contacted]
    for share in (0.45, 0.6, 0.8, 0.7):  # replied, meeting set, met, thanked
        chain.append(round(chain[-1] * share * rng.uniform(0.6, 1.2)))
    chain = [min(n, chain[i - 1]) if i else n for i, n in enumerate(chain)]
    sent, replied, meeting_set, met, thanked = chain
    declined = min(rng.randint(0, 2), replied - meeting_set)
    statuses = {"to_contact": rng.randint(0, 5), "sent": sent - replied,
                "replied": replied - meeting_set - declined, "declined": declined,
                "meeting_set": meeting_set - met, "met": met - thanked, "thanked": thanked,
                "referrals_followed_up": 0}
    steps = [n for n, ok in enumerate((total > 0, True, contacted > 0, rng.random() < 0.6,
                                      meeting_set > 0, thanked > 0), 1) if ok]
    fields = rng.sample(SAMPLE_FIELDS, rng.randint(1, 3))
    return {
        "format": FORMAT, "version": 1, "submission_id": f"{rng.getrandbits(64):016x}",
        "created_at": f"2026-03-{day:02d}T10:{rng.randint(0, 59):02d}:00+00:00",
        "steps_done": steps,
        "people": {"total": total, "by_category": dict(cats),
                   "by_tie_strength": {t: ties.get(t, 0) for t in TIES},
                   "can_interview": rng.randint(0, total), "can_refer": rng.randint(0, total)},
        "targets": {"total": len(fields) + rng.randint(0, 3), "by_kind": {"field": len(fields)},
                    "fields": fields},
        "outreach": {"by_status": statuses},
        "meetings": {"planned": meeting_set, "held": met, "thanked": thanked},
    }


def sample_submissions(n: int, seed: int = 7) -> list[dict[str, Any]]:
    """n made-up students, the same every time for the same seed."""
    rng = random.Random(seed)
    return [sample_submission(rng, day=1 + i % 28) for i in range(n)]


def _zip(path: Path, members: dict[str, bytes]) -> None:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as bundle:
        for name, data in members.items():
            bundle.writestr(name, data)


def write_sample_folder(folder: str | Path, n: int = 40, broken: bool = True,
                        seed: int = 7) -> list[Path]:
    """Write n made-up submissions (every fourth as a .zip bundle) and, with broken=True,
    eight files a real class hands in by mistake. Returns the paths written."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i, data in enumerate(sample_submissions(n, seed), 1):
        raw = json.dumps(data, indent=1).encode()
        if i % 4 == 0:
            path = folder / f"student-{i:02d}.zip"
            _zip(path, {f"anonymised/{PROGRESS_NAME}": raw, "anonymised/README.txt": b"hi"})
        else:
            path = folder / f"student-{i:02d}.json"
            path.write_bytes(raw)
        paths.append(path)
    if broken and n >= 2:
        first = sample_submissions(2, seed)
        resent = json.loads(json.dumps(first[1]))
        resent["created_at"] = "2026-04-30T09:00:00+00:00"
        resent["people"]["total"] += 5
        wrong = dict(first[0], people={"total": -3})
        bad = {
            "broken-not-json.json": b"{this is not json",
            "broken-wrong-format.json": json.dumps({"format": "something-else"}).encode(),
            "broken-negative-count.json": json.dumps(wrong).encode(),
            "broken-list.json": b"[1, 2, 3]",
            "broken-bundle.zip": b"PK\x03\x04 not really a zip",
            "zz-copy-of-student-01.json": json.dumps(first[0]).encode(),
            "zz-student-02-again.json": json.dumps(resent).encode(),
        }
        for name, raw in bad.items():
            (folder / name).write_bytes(raw)
            paths.append(folder / name)
        _zip(folder / "broken-empty-bundle.zip", {"notes.txt": b"no progress here"})
        paths.append(folder / "broken-empty-bundle.zip")
    return paths
