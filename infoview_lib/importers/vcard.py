"""vCard 2.1, 3.0 and 4.0 (.vcf), read by a small, forgiving hand parser.

Handles line folding, quoted-printable with a charset (soft line breaks joined before
decoding, so a split UTF-8 character survives), grouped properties (`item1.EMAIL` plus
`item1.X-ABLabel`), bare 2.1 types (`TEL;CELL;PREF`), escaped `\\,` `\\;` `\\:`, N and FN,
ORG components, TITLE, CATEGORIES, NOTE, `KIND:org` / `X-ABShowAs:COMPANY`, and base64
PHOTO/KEY blocks (ignored). A malformed card is reported by its number; the others import.

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

from ..workbook.errors import ImportFormatError
from .base import (
    ParseResult,
    decode_bytes,
    is_linkedin,
    labels_to_categories,
    make_person,
    name_key,
)

_BEGIN = re.compile(r"^\s*begin\s*:\s*vcard\s*$", re.I)
_END = re.compile(r"^\s*end\s*:\s*vcard\s*$", re.I)
_NAME = re.compile(r"^[A-Za-z0-9-]+$")
_BASE64_LINE = re.compile(r"^[A-Za-z0-9+/=]+$")
_BARE_ENCODINGS = {"QUOTED-PRINTABLE", "BASE64", "B", "8BIT", "7BIT"}
_IGNORED = {"PHOTO", "LOGO", "SOUND", "KEY"}


class CardError(ValueError):
    """One card cannot be read; the message says why."""


def _outside_quotes(text: str, sep: str) -> list[int]:
    """Positions of sep that are not inside double quotes."""
    out, quoted = [], False
    for i, ch in enumerate(text):
        if ch == '"':
            quoted = not quoted
        elif ch == sep and not quoted:
            out.append(i)
    return out


def _split_at(text: str, positions: list[int]) -> list[str]:
    parts, start = [], 0
    for pos in positions:
        parts.append(text[start:pos])
        start = pos + 1
    parts.append(text[start:])
    return parts


def _head(line: str) -> str:
    colons = _outside_quotes(line, ":")
    return line[:colons[0]] if colons else line


def _is_qp(line: str) -> bool:
    return "quoted-printable" in _head(line).casefold()


def _is_base64(line: str) -> bool:
    head = _head(line).upper().replace(" ", "")
    return "BASE64" in head or "ENCODING=B" in head


def unescape(text: str) -> str:
    r"""Undo vCard escapes: \n \N \, \; \: \\ (an unknown escape keeps its character)."""
    if "\\" not in text:
        return text
    return re.sub(r"\\(.)", lambda m: "\n" if m.group(1) in "nN" else m.group(1), text)


def split_escaped(text: str, sep: str) -> list[str]:
    """Split a compound value at separators that are not escaped, then unescape each part."""
    parts, current, i = [], [], 0
    while i < len(text):
        ch = text[i]
        if ch == "\\" and i + 1 < len(text):
            current.append(text[i:i + 2])
            i += 2
            continue
        if ch == sep:
            parts.append("".join(current))
            current = []
        else:
            current.append(ch)
        i += 1
    parts.append("".join(current))
    return [unescape(p).strip() for p in parts]


def split_cards(lines: list[str]) -> list[tuple[int, int, list[str], str]]:
    """(card number, first line number, body lines, problem or '') for each BEGIN:VCARD."""
    cards: list[tuple[int, int, list[str], str]] = []
    body: list[str] | None = None
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
            body.append(line)
    if body is not None:
        cards.append((len(cards) + 1, start, body, "has no END:VCARD (the file may be cut off)"))
    return cards


def unfold(body: list[str]) -> list[str]:
    """Logical property lines: folding, QP soft line breaks and base64 blocks joined."""
    logical: list[str] = []
    for raw in body:
        if logical and logical[-1].endswith("=") and _is_qp(logical[-1]):
            logical[-1] = logical[-1][:-1] + raw
            continue
        if raw[:1] in (" ", "\t") and logical:
            logical[-1] += raw[1:]
            continue
        if not raw.strip():
            continue
        if logical and _BASE64_LINE.match(raw.strip()) and _is_base64(logical[-1]):
            logical[-1] += raw.strip()
            continue
        logical.append(raw)
    return logical


def parse_property(line: str) -> tuple[str, dict[str, list[str]], str]:
    """(NAME, params, decoded value) of one logical line; CardError if it is not a property."""
    colons = _outside_quotes(line, ":")
    if not colons:
        raise CardError(f"the line {line[:40]!r} is not 'NAME:value'")
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
    if encoding == "QUOTED-PRINTABLE":
        raw = binascii.a2b_qp(value.encode("utf-8"))
        charset = (params.get("CHARSET") or ["utf-8"])[0]
        try:
            value = raw.decode(charset)
        except LookupError:
            try:
                value = raw.decode("utf-8")
            except UnicodeDecodeError:
                value = raw.decode("cp1252", errors="replace")
        except UnicodeDecodeError as err:
            raise CardError(f"the quoted-printable {name} is not valid {charset} text") from err
        value = value.replace("\r\n", "\n").replace("\r", "\n")
    return name.upper(), params, value


def _types(params: dict[str, list[str]]) -> set[str]:
    return {t.casefold() for v in params.get("TYPE", []) for t in v.split(",")}


def _card_to_person(result: ParseResult, number: int, lines: list[str]) -> None:
    fn = given = family = additional = org = title = notes = linkedin = ""
    emails: list[tuple[bool, str]] = []
    phones: list[tuple[bool, str]] = []
    labels: list[str] = []
    is_org = False
    for line in lines:
        name, params, value = parse_property(line)
        if name in _IGNORED or (params.get("ENCODING") or [""])[0].upper() in ("BASE64", "B"):
            continue
        pref = "pref" in _types(params) or bool(params.get("PREF"))
        if name == "FN" and not fn:
            fn = unescape(value).strip()
        elif name == "N":
            parts = split_escaped(value, ";") + [""] * 5
            family, given, additional = (p.replace(",", " ").strip() for p in parts[:3])
        elif name == "ORG" and not org:
            org = split_escaped(value, ";")[0]
        elif name == "TITLE" and not title:
            title = unescape(value).strip()
        elif name == "NOTE":
            notes = "\n".join(n for n in (notes, unescape(value).strip()) if n)
        elif name == "EMAIL" and value.strip():
            emails.append((pref, re.sub(r"^mailto:", "", unescape(value).strip(), flags=re.I)))
        elif name == "TEL" and value.strip():
            phones.append((pref, re.sub(r"^tel:", "", unescape(value).strip(), flags=re.I)))
        elif name == "CATEGORIES":
            labels += [c for c in split_escaped(value, ",") if c]
        elif name in ("URL", "X-SOCIALPROFILE") and is_linkedin(unescape(value)):
            linkedin = linkedin or unescape(value).strip()
        elif name == "KIND" and value.strip().casefold() in ("org", "organization"):
            is_org = True
        elif name == "X-ABSHOWAS" and value.strip().upper() == "COMPANY":
            is_org = True
    if is_org:
        org = org or fn
        fn = given = family = additional = ""
    first = " ".join(p for p in (given, additional) if p)
    display = fn if fn and (not (first or family)
                            or name_key(fn) != name_key(f"{first} {family}")) else ""
    if display and not (first or family) and display == org:
        display = ""
    categories, tags = labels_to_categories(labels)
    make_person(result, number, first=first, last=family, display=display, organization=org,
                title=title, emails=[e for p, e in emails if p] + [e for p, e in emails if not p],
                phones=[t for p, t in phones if p] + [t for p, t in phones if not p],
                linkedin_url=linkedin, categories=categories, tags=tags, notes=notes)


def parse_vcard(data: bytes | str, name: str = "contacts.vcf") -> ParseResult:
    """People and organizations from a .vcf file; `line` in problems is the card number."""
    text = decode_bytes(data, name)
    lines = re.split(r"\r\n|\r|\n", text)
    cards = split_cards(lines)
    if not cards:
        raise ImportFormatError(f"{name} has no BEGIN:VCARD; it is not a vCard file. Export "
                                "your contacts again as vCard (.vcf) or CSV.")
    result = ParseResult(name, "vcard")
    for number, start, body, problem in cards:
        try:
            if problem:
                raise CardError(problem)
            _card_to_person(result, number, unfold(body))
        except (CardError, ValueError) as err:
            result.error(number, f"card {number} (from line {start}) {_reason(err)}; it was "
                                 "skipped and the other cards were read")
    return result


def _reason(err: Exception) -> str:
    text = str(err)
    return text if text.startswith("has ") else f"is damaged: {text}"
