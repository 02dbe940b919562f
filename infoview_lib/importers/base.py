"""Shared pieces of the importers: results, problems, decoding, CSV headers, name keys.

Example:
    >>> decode_bytes("Zoë".encode("utf-16"))
    'Zoë'
    >>> name_key("Dr. Ada  Example, PhD")
    'ada example'
    >>> linkedin_key("https://www.linkedin.com/in/Ada-Example/")
    'linkedin.com/in/ada-example'
"""

from __future__ import annotations

import csv
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field

from ..workbook.errors import ImportFormatError
from ..workbook.model import Contact, Organization

csv.field_size_limit(10_000_000)


@dataclass
class Problem:
    """Something about one record: `line` is the file line (vCard: the card number)."""

    file: str
    line: int
    message: str


@dataclass
class ParseResult:
    """What a parse_* function found in one file."""

    file: str
    format: str
    contacts: list[tuple[int, Contact]] = field(default_factory=list)
    organizations: list[tuple[int, Organization]] = field(default_factory=list)
    skipped: list[Problem] = field(default_factory=list)
    errors: list[Problem] = field(default_factory=list)
    unmapped: list[str] = field(default_factory=list)  # columns with values nobody reads

    def skip(self, line: int, reason: str) -> None:
        self.skipped.append(Problem(self.file, line, reason))

    def error(self, line: int, message: str) -> None:
        self.errors.append(Problem(self.file, line, message))

    def extend(self, other: ParseResult) -> None:
        self.contacts += other.contacts
        self.organizations += other.organizations
        self.skipped += other.skipped
        self.errors += other.errors
        self.unmapped += [c for c in other.unmapped if c not in self.unmapped]


# -- decoding ---------------------------------------------------------------------
_BOMS = (
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)


def _looks_utf16(data: bytes) -> str | None:
    """UTF-16 without a BOM: many NUL bytes on one side of each pair."""
    sample = data[:2000]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) > len(odd) * 0.4 and even.count(0) < len(even) * 0.1:
        return "utf-16-le"
    if even.count(0) > len(even) * 0.4 and odd.count(0) < len(odd) * 0.1:
        return "utf-16-be"
    return None


def _mostly_utf8(data: bytes) -> str | None:
    """UTF-8 text with a few damaged bytes (shown as U+FFFD) rather than reading a whole
    UTF-8 file as Windows text, which would garble every accent; None if it is not UTF-8."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    good = sum(1 for ch in text if ord(ch) > 127) - bad
    return text if good >= 10 * bad else None


def decode_bytes(data: bytes, name: str = "the file") -> str:
    """Text from a contact file: BOM (UTF-8/UTF-16), else UTF-8, else Windows cp1252.

    Never falls back to latin-1 (it turns cp1252's curly quotes into control characters).
    Raises ImportFormatError for binary data.
    """
    if isinstance(data, str):
        text = data
    else:
        data = bytes(data)
        encoding = next((enc for bom, enc in _BOMS if data.startswith(bom)), None)
        if encoding:
            data = data[len(next(b for b, e in _BOMS if e == encoding)):]
        else:
            encoding = _looks_utf16(data)
        try:
            text = data.decode(encoding or "utf-8")
        except UnicodeDecodeError:
            if encoding and encoding != "utf-8":
                raise ImportFormatError(
                    f"{name} says it is {encoding.upper()} but is not; save it again as UTF-8 "
                    "CSV or vCard and retry."
                ) from None
            text = _mostly_utf8(data)
            try:
                text = text if text is not None else data.decode("cp1252")
            except UnicodeDecodeError:
                raise ImportFormatError(
                    f"{name} is not a text file (neither UTF-8 nor Windows text). Export your "
                    "contacts again as CSV or vCard and retry."
                ) from None
    if text.startswith("\ufeff"):
        text = text[1:]
    controls = sum(1 for ch in text[:4000] if ch < " " and ch not in "\t\r\n")
    if "\x00" in text or controls > max(4, len(text[:4000]) // 50):
        raise ImportFormatError(
            f"{name} looks like a binary file, not a contact list. Export your contacts as CSV "
            "(LinkedIn, Google, Outlook) or vCard (.vcf) and retry."
        )
    return text


# -- CSV --------------------------------------------------------------------------
def header_key(text: str) -> str:
    """A column name compared without case, BOM, spaces or the e-mail/email spelling."""
    text = text.replace("\ufeff", "").strip().casefold()
    text = re.sub(r"\s+", " ", text)
    return text.replace("e-mail", "email")


DELIMITERS = (",", ";", "\t")


def header_cells(line: str) -> Iterator[tuple[str, list[str]]]:
    """(delimiter, header keys) for one line read with each of `,` `;` and tab."""
    for delimiter in DELIMITERS:
        if delimiter != "," and delimiter not in line:
            continue
        try:
            cells = next(csv.reader([line], delimiter=delimiter), [])
        except csv.Error:
            continue
        yield delimiter, [header_key(c) for c in cells]


def read_csv(text: str, is_header, max_scan: int = 12, name: str = "the file"):
    """Find the header row (the first of the first lines that `is_header(keys)` accepts,
    with `,` `;` or tab between cells) and return (header_keys, rows) where rows yields
    (line_number, cells) for every non-blank row after the header.

    Line numbers are the physical line where each row starts (1-based).
    """
    if "\n" not in text and "\r" in text:
        text = text.replace("\r", "\n")
    head = re.split(r"(?<=\n)", text[:20000])
    offset = None
    skipped_chars = 0
    delimiter = ","
    for index, line in enumerate(head[:max_scan]):
        found = next(((d, keys) for d, keys in header_cells(line) if keys and is_header(keys)),
                     None)
        if found:
            offset, delimiter = index, found[0]
            break
        skipped_chars += len(line)
    if offset is None:
        raise ImportFormatError(
            f"{name} has no header row with the expected column names in its first "
            f"{max_scan} lines. Export the file again without editing it, or choose the "
            "right format."
        )
    rows = _rows(text[skipped_chars:], offset, delimiter)
    _, header = next(rows)
    return [header_key(c) for c in header], rows


def _rows(text: str, offset: int, delimiter: str = ",") -> Iterator[tuple[int, list[str]]]:
    reader = csv.reader(_lines(text), strict=False, delimiter=delimiter)
    previous = 0
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as err:
            raise ImportFormatError(f"CSV problem near line {reader.line_num + offset}: {err}") \
                from err
        start = previous + 1 + offset
        previous = reader.line_num
        if row and any(cell.strip() for cell in row):
            yield start, [c.strip().replace("\r\n", "\n") if "\r" in c else c.strip()
                          for c in row]


def _lines(text: str) -> Iterator[str]:
    """Physical lines for csv (keeping a \\r inside a quoted cell in its line)."""
    return iter(re.split(r"(?<=\n)", text)) if "\n" in text else iter([text])


def column_map(header: list[str], wanted: dict[str, tuple[str, ...]]) -> dict[str, int]:
    """Map our field names to column positions, by any of the accepted header names."""
    where = {}
    for key, names in wanted.items():
        for index, col in enumerate(header):
            if col in names:
                where[key] = index
                break
    return where


def cell(row: list[str], index: int | None) -> str:
    if index is None or index >= len(row):
        return ""
    return row[index]


_DEFAULTS = {"0/0/00", "00.00.00", "0.0.00", "normal", "false", "true", "unspecified", "0",
             "no", "non", "keine angabe", "aus"}  # German Outlook: no date, not given, off


def unmapped_columns(header: list[str], rows: list[tuple[int, list[str]]], used) -> list[str]:
    """Columns nobody reads that hold real values (not just Outlook's 0/0/00, Normal, False).

    >>> unmapped_columns(["name", "birthday", "priority"], [(2, ["Ada", "3/1/90", "Normal"])],
    ...                  {0})
    ['birthday']
    """
    return [key or f"column {i + 1}" for i, key in enumerate(header) if i not in used
            and any(cell(r, i) and cell(r, i).casefold() not in _DEFAULTS for _, r in rows)]


def other_sites(rows: list[tuple[int, list[str]]], columns) -> set[int]:
    """Web-page columns holding more than LinkedIn profiles: listed as not imported."""
    return {i for i in columns if any(cell(r, i) and not is_linkedin(cell(r, i)) for _, r in rows)}


def split_multi(value: str) -> list[str]:
    """Google's ' ::: ' separator inside one cell."""
    return [v.strip() for v in value.split(":::") if v.strip()] if value else []


# -- names and keys ---------------------------------------------------------------
HONORIFICS = {"mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "sir", "dame",
              "rev", "fr", "hon", "herr", "frau", "mme", "mlle", "m"}
CREDENTIALS = {"phd", "mba", "md", "jr", "sr", "ii", "iii", "iv", "esq", "cpa", "pe", "rn",
               "msc", "ma", "ba", "bsc", "beng", "meng", "dds", "jd", "llm", "cfa", "pmp",
               "mph", "msw", "dphil", "edd", "psyd", "frcs", "mrcp", "ceng", "obe", "mbe"}
_PUNCT = re.compile(r"[.,;:()\"'’]")


def name_key(name: str) -> str:
    """A name for comparing people: casefolded, without honorifics and credentials.

    >>> name_key("Prof. José  Núñez Jr.") == name_key("josé núñez")
    True
    """
    text = unicodedata.normalize("NFKC", name or "").casefold()
    words = _PUNCT.sub(" ", text).split()
    while len(words) > 1 and words[0] in HONORIFICS:
        words.pop(0)
    while len(words) > 1 and words[-1] in CREDENTIALS:
        words.pop()
    return " ".join(words)


def linkedin_key(url: str) -> str:
    """A LinkedIn profile URL without scheme, www., query or trailing slash; '' if none."""
    url = (url or "").strip().casefold()
    match = re.search(r"linkedin\.com/(in|pub)/[^?#\s]+", url)
    return match.group(0).rstrip("/") if match else ""


def is_linkedin(url: str) -> bool:
    return bool(linkedin_key(url))


_EMAIL = re.compile(r"^[^\s@<>\"(),;:]+@[^\s@<>\"(),;:]+\.[^\s@<>\"(),;:]+$")


def clean_email(value: str) -> str:
    """The address in an e-mail cell, or '' when there is none.

    >>> clean_email('"Omega" <omega@example.com>'), clean_email("MAILTO:ada@x.org")
    ('omega@example.com', 'ada@x.org')
    >>> clean_email("urn:li:member:12345"), clean_email("ada.example@gmail com")
    ('', '')
    """
    value = (value or "").strip()
    match = re.search(r"<([^<>]*)>\s*$", value)
    if match:
        value = match.group(1).strip()
    value = re.sub(r"^mailto:", "", value, flags=re.I).strip()
    return value if _EMAIL.match(value) else ""


def looks_like_email(name: str) -> bool:
    """A 'name' that is really an e-mail address (perhaps mistyped).

    >>> looks_like_email("ada.example@gmail com"), looks_like_email("Ada Example")
    (True, False)
    """
    return bool(re.match(r"^\S+@\S+(\s\S+)?$", (name or "").strip()))


def make_person(result: ParseResult, line: int, *, first: str = "", last: str = "",
                display: str = "", organization: str = "", title: str = "",
                emails=(), phones=(), linkedin_url: str = "", categories=(), tags=(),
                notes: str = "", connected_on: str = "", problem_line: int | None = None
                ) -> None:
    """Add a contact, an organization, or a skip reason to result, as the fields allow.

    E-mail values that are not addresses are left out and reported."""
    source = f"{result.format}:{result.file}"
    where = problem_line or line
    kept = []
    for value in emails:
        email = clean_email(value)
        if email:
            kept.append(email)
        elif value.strip():
            result.error(where, f"{value.strip()[:60]!r} is not an e-mail address; left out")
    emails = kept
    has_name = bool(first or last or display)
    if has_name:
        full = " ".join(p for p in (first, last) if p)
        result.contacts.append((line, Contact(
            first_name=first, last_name=last,
            display_name=display if display and display != full else "",
            organization=organization, title=title, emails=list(emails), phones=list(phones),
            linkedin_url=linkedin_url, categories=list(categories), tags=list(tags),
            notes=notes, connected_on=connected_on, sources=[source],
        )))
    elif organization:
        result.organizations.append((line, Organization(name=organization, notes=notes,
                                                        sources=[source])))
    elif emails:
        result.skip(where, "only an e-mail address, no name: add the person by hand if you know "
                          "who it is")
    elif phones:
        result.skip(where, "only a phone number, no name: add the person by hand if you know "
                          "who it is")
    else:
        result.skip(where, "no name, organization, e-mail or phone")


# -- labels -> categories -----------------------------------------------------------
_CATEGORY_WORDS = {
    "classmate": ("classmate", "classmates", "class", "school", "university", "college"),
    "instructor": ("instructor", "instructors", "teacher", "teachers", "lecturer",
                   "lecturers", "professor", "professors", "coach", "coaches"),
    "advisor": ("advisor", "advisors", "adviser", "advisers", "mentor", "mentors"),
    "friend": ("friend", "friends", "freunde", "amis"),
    "parent": ("parent", "parents"),
    "relative": ("relative", "relatives", "family", "familie", "famille"),
    "neighbour": ("neighbour", "neighbours", "neighbor", "neighbors"),
    "co-worker": ("co-worker", "co-workers", "coworker", "coworkers", "colleague",
                  "colleagues", "work", "kollegen", "collègues"),
    "club": ("club", "clubs", "team", "teams", "sports"),
    "alumni": ("alumni", "alum", "alumnus", "alumna"),
    "online": ("online",),
}
CATEGORY_OF = {word: cat for cat, words in _CATEGORY_WORDS.items() for word in words}
_SYSTEM_IGNORED = {"mycontacts", "my contacts", "all contacts", "other contacts"}


def labels_to_categories(labels: list[str]) -> tuple[list[str], list[str]]:
    """Split group labels into our life-domain categories and free tags.

    A leading '* ' marks a Google system group ('* myContacts' is dropped).

    >>> labels_to_categories(["* myContacts", "* starred", "Family", "Hiking"])
    (['relative'], ['starred', 'Hiking'])
    """
    categories: list[str] = []
    tags: list[str] = []
    for label in labels:
        label = label.strip()
        if label.startswith("*"):
            label = label[1:].strip()
        if not label or label.casefold() in _SYSTEM_IGNORED:
            continue
        category = CATEGORY_OF.get(label.casefold())
        if category:
            if category not in categories:
                categories.append(category)
        elif label not in tags:
            tags.append(label)
    return categories, tags
