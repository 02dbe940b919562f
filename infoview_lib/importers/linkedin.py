"""LinkedIn `Connections.csv` (and the whole LinkedIn data export `.zip`).

The file may start with a `Notes:` preamble of any length and wording; the header row is
found by its column names. Columns are matched by name, `URL` is optional (older exports
lack it), rows without a name (members who left LinkedIn) are skipped and counted.

Example:
    >>> r = parse_linkedin(b"First Name,Last Name,Company,Position,Connected On\\n"
    ...                    b"Ada,Example,Acme,Engineer,07 Mar 2024\\n", "c.csv")
    >>> line, person = r.contacts[0]
    >>> (line, person.name, person.connected_on)
    (2, 'Ada Example', '2024-03-07')
"""

from __future__ import annotations

import functools
import io
import re
import zipfile
import zlib
from datetime import date, datetime

from ..workbook.errors import ImportFormatError
from .base import ParseResult, cell, column_map, decode_bytes, make_person, read_csv
from .zipfiles import Budget, check_archive, read_member

COLUMNS = {
    "first": ("first name",),
    "last": ("last name",),
    "url": ("url", "profile url"),
    "email": ("email address", "email"),
    "company": ("company",),
    "position": ("position",),
    "connected": ("connected on",),
}

_TEXT_FORMATS = ("%d %b %Y", "%d %B %Y", "%b %d, %Y", "%B %d, %Y", "%d-%b-%y", "%d-%b-%Y",
                 "%Y-%m-%d", "%d %b %y")
_NUMERIC = re.compile(r"^(\d{1,2})([/.\-])(\d{1,2})\2(\d{2}|\d{4})$")
_TIME = re.compile(r"^(.*?\d)[,\s]+\d{1,2}:\d{2}(:\d{2})?\s*([AaPp]\.?[Mm]\.?)?$")


def numeric_order(values) -> str | None:
    """'md' or 'dm' when a column of numeric dates shows its order (some row has a day
    above 12), None when no row tells or rows disagree.

    >>> numeric_order(["7/4/2017", "3/14/2019", "12/31/2016"])
    'md'
    >>> numeric_order(["7/4/2017", "3/4/2019"]) is None
    True
    """
    seen = set()
    for value in values:
        match = _NUMERIC.match(_TIME.sub(r"\1", value.strip()))
        if match and match.group(2) != ".":
            a, b = int(match.group(1)), int(match.group(3))
            if a > 12 >= b:
                seen.add("dm")
            elif b > 12 >= a:
                seen.add("md")
    return seen.pop() if len(seen) == 1 else None


def is_linkedin_header(keys: list[str]) -> bool:
    """A LinkedIn connections header: names, and company/position or connected on."""
    have = set(keys)
    return ("first name" in have and "last name" in have
            and ("connected on" in have or {"company", "position"} <= have)
            and "middle name" not in have)


@functools.lru_cache(maxsize=4096)
def parse_date(text: str, order: str | None = None) -> tuple[str, str]:
    """('YYYY-MM-DD', '') or ('', why not) for a Connected On cell; `order` ('md' or 'dm')
    settles numeric dates the column has shown the order of. A time after the date is
    dropped (LinkedIn 2018: '1/8/18, 6:14 PM').

    >>> parse_date("07 Mar 2024"), parse_date("1/8/18, 6:14 PM", "md")
    (('2024-03-07', ''), ('2018-01-08', ''))
    >>> parse_date("03/04/2024")[1].startswith("'03/04/2024' could be")
    True
    """
    text = _TIME.sub(r"\1", text.strip())
    if not text:
        return "", ""
    for fmt in _TEXT_FORMATS:
        try:
            return datetime.strptime(text, fmt).date().isoformat(), ""
        except ValueError:
            continue
    match = _NUMERIC.match(text)
    if match:
        a, sep, b, year = int(match.group(1)), match.group(2), int(match.group(3)), match.group(4)
        y = int(year) + (2000 if len(year) == 2 else 0)
        options = []
        if sep == ".":
            options = [(a, b)]  # day.month.year is the only common dotted form
        else:
            for day, month in ((b, a), (a, b)):
                try:
                    date(y, month, day)
                except ValueError:
                    continue
                if (day, month) not in options:
                    options.append((day, month))
        try:
            found = [date(y, m, d) for d, m in options]
        except ValueError:
            found = []
        if len(found) == 1:
            return found[0].isoformat(), ""
        if len(found) > 1 and order:
            return (found[0] if order == "md" else found[1]).isoformat(), ""  # M/D is first
        if len(found) > 1:
            first, second = found
            return "", (f"{text!r} could be {first:%d %B %Y} or {second:%d %B %Y}; the date was "
                        "left empty (type it in the person's notes if it matters)")
    return "", f"{text!r} is not a date this importer knows; the date was left empty"


def parse_linkedin(data: bytes | str, name: str = "Connections.csv") -> ParseResult:
    """People from a LinkedIn Connections.csv (bytes or text)."""
    text = decode_bytes(data, name)
    result = ParseResult(name, "linkedin")
    header, row_iter = read_csv(text, is_linkedin_header, name=name)
    rows = list(row_iter)
    where = column_map(header, COLUMNS)
    order = numeric_order(cell(r, where.get("connected")) for _, r in rows[:5000])
    for line, row in rows:
        first, last = cell(row, where.get("first")), cell(row, where.get("last"))
        if not first and not last:
            result.skip(line, "no name: this member has left LinkedIn or hides their name")
            continue
        if len(row) != len(header):
            result.error(line, f"has {len(row)} fields where the header has {len(header)}; "
                               "read what was there")
        connected, problem = parse_date(cell(row, where.get("connected")), order)
        if problem:
            result.error(line, "Connected On " + problem)
        email = cell(row, where.get("email"))
        make_person(result, line, first=first, last=last,
                    organization=cell(row, where.get("company")),
                    title=cell(row, where.get("position")),
                    emails=[email] if email else [],
                    linkedin_url=cell(row, where.get("url")),
                    connected_on=connected)
    return result


def connections_member(archive: zipfile.ZipFile) -> zipfile.ZipInfo | None:
    """The Connections.csv inside a LinkedIn export, wherever it is in the archive."""
    for info in archive.infolist():
        if info.filename.replace("\\", "/").rsplit("/", 1)[-1].casefold() == "connections.csv":
            return info
    return None


def parse_linkedin_zip(data: bytes, name: str = "LinkedInDataExport.zip") -> ParseResult:
    """People from the Connections.csv inside a LinkedIn data export .zip (read within the
    caps of zipfiles.py: a zip bomb is refused in one line)."""
    try:
        with zipfile.ZipFile(io.BytesIO(bytes(data))) as archive:
            check_archive(archive, name)
            info = connections_member(archive)
            if info is None:
                raise ImportFormatError(
                    f"{name} has no Connections.csv inside. Request the LinkedIn export with "
                    "'Connections' ticked, or upload the Connections.csv file itself."
                )
            inner = read_member(archive, info, name, Budget())
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, NotImplementedError,
            RuntimeError, ValueError, OSError, zlib.error) as err:
        raise ImportFormatError(f"{name} is a damaged or encrypted zip file ({err}); download "
                                "the LinkedIn export again.") from err
    return parse_linkedin(inner, f"{name}/{info.filename}")
