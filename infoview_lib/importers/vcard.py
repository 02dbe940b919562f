"""vCard 2.1, 3.0 and 4.0 (.vcf), read by a small, forgiving hand parser in linear time.

Handles line folding, quoted-printable (soft line breaks joined before decoding, so a split
UTF-8 character survives), `CHARSET` per property (Shift_JIS, ISO-8859-x, Windows-125x,
GB18030, Big5, EUC-KR ...; only real text encodings), grouped properties (`item1.EMAIL`
plus `item1.X-ABLabel`), bare 2.1 types (`TEL;CELL;PREF`), escapes, N and FN, ORG, TITLE,
CATEGORIES, NOTE, `KIND:org` / `X-ABShowAs:COMPANY` (organizations), `KIND:group` and
`KIND:location` (skipped: not people), and PHOTO/KEY/base64 blocks (skipped without being
copied, so a photo never slows the parse). A line that cannot be read (a `#` comment, a
stray byte) is reported with its line number and the rest of the person is kept.

Example:
    >>> r = parse_vcard("BEGIN:VCARD\\nVERSION:3.0\\nN:Example;Ada;;;\\nFN:Ada Example\\n"
    ...                 "ORG:Acme;Research\\nEMAIL;TYPE=work:ada@example.org\\nEND:VCARD\\n")
    >>> p = r.contacts[0][1]
    >>> (r.contacts[0][0], p.name, p.organization, p.emails)
    (1, 'Ada Example', 'Acme', ['ada@example.org'])
"""

from __future__ import annotations

import binascii
import re
from collections import Counter

from ..workbook.errors import ImportFormatError
from .base import (
    ParseResult,
    clean_email,
    decode_bytes,
    is_linkedin,
    labels_to_categories,
    make_person,
    name_key,
)
from .charsets import decode_value

_BEGIN = re.compile(r"^\s*begin\s*:\s*vcard\s*$", re.I)
_END = re.compile(r"^\s*end\s*:\s*vcard\s*$", re.I)
_NAME = re.compile(r"^[A-Za-z0-9-]+$")
_BASE64_LINE = re.compile(r"^[A-Za-z0-9+/=]+$")
_CHARSET = re.compile(r";\s*charset\s*=\s*\"?([A-Za-z0-9_.:-]+)", re.I)
_BARE_ENCODINGS = {"QUOTED-PRINTABLE", "BASE64", "B", "8BIT", "7BIT"}
_IGNORED = {"PHOTO", "LOGO", "SOUND", "KEY"}
_NOT_PEOPLE = {"group": "a group (a list of people), not a person",
               "location": "a place, not a person"}


class CardError(ValueError):
    """One line or card cannot be read; the message says why."""


def _outside_quotes(text: str, sep: str, first: bool = False) -> list[int]:
    """Positions of sep that are not inside double quotes (only the first if `first`)."""
    out, quoted = [], False
    for i, ch in enumerate(text):
        if ch == '"':
            quoted = not quoted
        elif ch == sep and not quoted:
            out.append(i)
            if first:
                break
    return out


def _split_at(text: str, positions: list[int]) -> list[str]:
    parts, start = [], 0
    for pos in positions:
        parts.append(text[start:pos])
        start = pos + 1
    parts.append(text[start:])
    return parts


def _head(line: str) -> str:
    colon = _outside_quotes(line, ":", first=True)
    return line[:colon[0]] if colon else line


def _kind(line: str) -> str:
    """'qp', 'skip' (photo, key, base64 data: not copied) or '' for an ordinary line."""
    head = _head(line)
    upper = head.upper().replace(" ", "")
    name = upper.split(";", 1)[0].rsplit(".", 1)[-1]
    if name in _IGNORED or "BASE64" in upper or "ENCODING=B" in upper:
        return "skip"
    return "qp" if "QUOTED-PRINTABLE" in upper else ""


def unescape(text: str) -> str:
    r"""Undo vCard escapes: \n \N \, \; \: \\ (an unknown escape keeps its character)."""
    if "\\" not in text:
        return text
    return re.sub(r"\\(.)", lambda m: "\n" if m.group(1) in "nN" else m.group(1), text)


def split_escaped(text: str, sep: str) -> list[str]:
    """Split a compound value at separators that are not escaped, then unescape each part."""
    parts = re.split(r"(?<!\\)((?:\\\\)*)" + re.escape(sep), text)
    # re.split keeps the captured runs of escaped backslashes: glue them back on
    joined = [parts[0]]
    for i in range(1, len(parts), 2):
        joined[-1] += parts[i]
        joined.append(parts[i + 1])
    return [unescape(p).strip() for p in joined]


def split_cards(lines: list[str]) -> list[tuple[int, int, list[tuple[int, str]], str]]:
    """(card number, first line, [(line number, line)], problem or '') per BEGIN:VCARD."""
    cards: list[tuple[int, int, list[tuple[int, str]], str]] = []
    body: list[tuple[int, str]] | None = None
    start = 0
    for number, line in enumerate(lines, start=1):
        if _BEGIN.match(line):
            if body is not None:
                cards.append((len(cards) + 1, start, body, "has no END:VCARD"))
            body, start = [], number
        elif _END.match(line):
            if body is not None:
                cards.append((len(cards) + 1, start, body, ""))
                body = None
        elif body is not None:
            body.append((number, line))
    if body is not None:
        cards.append((len(cards) + 1, start, body, "has no END:VCARD (the file may be cut off)"))
    return cards


def logical_lines(body: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """(line number, logical line): folding, QP soft breaks and backslash-continued 2.1
    values joined; photo/key/base64 blocks dropped. Each physical line is looked at once."""
    out: list[tuple[int, list[str], str]] = []
    for number, raw in body:
        if out:
            _, parts, kind = out[-1]
            if kind == "qp" and parts[-1].endswith("="):
                parts[-1] = parts[-1][:-1]
                parts.append(raw)
                continue
            if raw[:1] in (" ", "\t"):
                if kind != "skip":
                    parts.append(raw[1:])
                continue
            if kind == "skip" and _BASE64_LINE.match(raw.strip()):
                continue
            if parts[-1].endswith("\\") and ":" not in raw and kind != "skip":
                parts.append("\n" + raw)
                continue
        if not raw.strip():
            continue
        out.append((number, [raw], _kind(raw)))
    return [(number, "".join(parts)) for number, parts, kind in out if kind != "skip"]


def unfold(body: list[str]) -> list[str]:
    """Logical property lines of a card body given as plain lines (see logical_lines)."""
    return [line for _, line in logical_lines(list(enumerate(body, start=1)))]


def parse_property(line: str, raw_bytes: bool = False, file_charset: str | None = None
                   ) -> tuple[str, dict[str, list[str]], str, str]:
    """(NAME, params, decoded value, decoding note) of one logical line; CardError if the
    line is not a property. `raw_bytes`: the text holds the file's bytes one per character
    (a file that is not UTF-8), so each value is decoded with its own CHARSET."""
    colons = _outside_quotes(line, ":", first=True)
    if not colons:
        raise CardError(f"{line[:40]!r} is not 'NAME:value'")
    head, value = line[:colons[0]], line[colons[0] + 1:]
    parts = _split_at(head, _outside_quotes(head, ";"))
    name = parts[0].strip()
    if "." in name:
        name = name.rsplit(".", 1)[1]
    if not _NAME.match(name):
        raise CardError(f"{parts[0][:40]!r} is not a property name")
    params: dict[str, list[str]] = {}
    for part in parts[1:]:
        part = part.strip()
        if not part:
            continue
        if "=" in part:
            key, val = part.split("=", 1)
            values = [v.strip().strip('"') for v in _split_at(val, _outside_quotes(val, ","))]
        else:
            key, values = ("ENCODING" if part.upper() in _BARE_ENCODINGS else "TYPE"), [part]
        params.setdefault(key.strip().upper(), []).extend(v for v in values if v)
    encoding = (params.get("ENCODING") or [""])[0].upper()
    charset = (params.get("CHARSET") or [None])[0]
    note = ""
    if encoding == "QUOTED-PRINTABLE":
        raw = binascii.a2b_qp(value.encode("latin-1" if raw_bytes else "utf-8",
                                           errors="replace"))
        value, note = decode_value(raw, charset, file_charset)
        value = value.replace("\r\n", "\n").replace("\r", "\n")
    elif raw_bytes:
        value, note = decode_value(value.encode("latin-1"), charset, file_charset)
    return name.upper(), params, value, note


def _types(params: dict[str, list[str]]) -> set[str]:
    return {t.casefold() for v in params.get("TYPE", []) for t in v.split(",")}


class _Card:
    """The fields one card gives, gathered line by line."""

    def __init__(self) -> None:
        self.fn = self.given = self.family = self.additional = ""
        self.org = self.title = self.notes = self.linkedin = ""
        self.emails: list[tuple[bool, str]] = []
        self.phones: list[tuple[bool, str]] = []
        self.labels: list[str] = []
        self.is_org = False
        self.not_person = ""

    def take(self, name: str, params: dict[str, list[str]], value: str) -> str:
        """Use one property; return a problem to report, or ''."""
        pref = "pref" in _types(params) or bool(params.get("PREF"))
        if name == "FN" and not self.fn:
            self.fn = unescape(value).strip()
        elif name == "N":
            parts = split_escaped(value, ";") + [""] * 5
            self.family, self.given, self.additional = (
                " ".join(p.replace(",", " ").split()) for p in parts[:3])
        elif name == "ORG" and not self.org:
            self.org = split_escaped(value, ";")[0]
        elif name == "TITLE" and not self.title:
            self.title = unescape(value).strip()
        elif name == "NOTE":
            self.notes = "\n".join(n for n in (self.notes, unescape(value).strip()) if n)
        elif name == "EMAIL" and value.strip():
            email = clean_email(unescape(value))
            if not email:
                return f"{unescape(value).strip()[:60]!r} is not an e-mail address; left out"
            self.emails.append((pref, email))
        elif name == "TEL" and value.strip():
            self.phones.append((pref, re.sub(r"^tel:", "", unescape(value).strip(), flags=re.I)))
        elif name == "CATEGORIES":
            self.labels += [c for c in split_escaped(value, ",") if c]
        elif name in ("URL", "X-SOCIALPROFILE") and is_linkedin(unescape(value)):
            self.linkedin = self.linkedin or unescape(value).strip()
        elif name == "KIND":
            kind = value.strip().casefold()
            self.is_org = self.is_org or kind in ("org", "organization")
            self.not_person = _NOT_PEOPLE.get(kind, self.not_person)
        elif name == "X-ABSHOWAS" and value.strip().upper() == "COMPANY":
            self.is_org = True
        return ""

    def add_to(self, result: ParseResult, number: int, line: int) -> None:
        if self.not_person:
            result.skip(line, f"card {number} is {self.not_person}")
            return
        fn, given, family, additional, org = (self.fn, self.given, self.family,
                                              self.additional, self.org)
        if self.is_org:
            org = org or fn
            fn = given = family = additional = ""
        first = " ".join(p for p in (given, additional) if p)
        display = fn if fn and (not (first or family)
                                or name_key(fn) != name_key(f"{first} {family}")) else ""
        if display and not (first or family) and display == org:
            display = ""
        categories, tags = labels_to_categories(self.labels)
        make_person(result, number, first=first, last=family, display=display,
                    organization=org, title=self.title,
                    emails=[e for p, e in self.emails if p] + [e for p, e in self.emails
                                                               if not p],
                    phones=[t for p, t in self.phones if p] + [t for p, t in self.phones
                                                               if not p],
                    linkedin_url=self.linkedin, categories=categories, tags=tags,
                    notes=self.notes, problem_line=line)


def _card(result: ParseResult, number: int, start: int, body, raw_bytes: bool,
          file_charset: str | None) -> None:
    card = _Card()
    for line_no, line in logical_lines(body):
        try:
            name, params, value, note = parse_property(line, raw_bytes, file_charset)
        except CardError as err:
            result.error(line_no, f"card {number}, line {line_no}: {err}; that line was "
                                  "ignored, the rest of the card was read")
            continue
        if note:
            result.error(line_no, f"card {number}, line {line_no} ({name}): {note}")
        if name in _IGNORED or (params.get("ENCODING") or [""])[0].upper() in ("BASE64", "B"):
            continue
        problem = card.take(name, params, value)
        if problem:
            result.error(line_no, f"card {number}, line {line_no} ({name}): {problem}")
    card.add_to(result, number, start)


def _vcard_text(data: bytes | str, name: str) -> tuple[str, bool]:
    """(text, raw_bytes): UTF-8/UTF-16 text, or (for a file in some other charset) the bytes
    one per character so each value can be decoded with its own CHARSET."""
    if isinstance(data, str):
        return decode_bytes(data, name), False
    data = bytes(data)
    if data[:2] in (b"\xff\xfe", b"\xfe\xff") or data[:3] == b"\xef\xbb\xbf" \
            or data.count(0) > len(data) // 8:
        return decode_bytes(data, name), False
    try:
        return data.decode("utf-8"), False
    except UnicodeDecodeError:
        pass
    text = data.decode("latin-1")
    if "\x00" in text:
        decode_bytes(data, name)  # raises the usual 'binary file' message
    return text, True


def parse_vcard(data: bytes | str, name: str = "contacts.vcf") -> ParseResult:
    """People and organizations from a .vcf file. Contacts carry their card number;
    problems carry the file line they are about."""
    text, raw_bytes = _vcard_text(data, name)
    lines = re.split(r"\r\n|\r|\n", text)
    cards = split_cards(lines)
    if not cards:
        raise ImportFormatError(f"{name} has no BEGIN:VCARD; it is not a vCard file. Export "
                                "your contacts again as vCard (.vcf) or CSV.")
    declared = Counter(m.group(1).casefold() for m in _CHARSET.finditer(text))
    file_charset = declared.most_common(1)[0][0] if declared else None
    result = ParseResult(name, "vcard")
    for number, start, body, problem in cards:
        if problem:
            result.error(start, f"card {number} (from line {start}) {problem}; it was "
                                "skipped and the other cards were read")
            continue
        _card(result, number, start, body, raw_bytes, file_charset)
    return result
