"""Property tests: random and mangled bytes never crash a parser with anything but the
project's own import error; well-formed files always parse completely."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from infoview_lib.importers import (
    parse_contacts,
    parse_google,
    parse_linkedin,
    parse_linkedin_zip,
    parse_outlook,
    parse_vcard,
)
from infoview_lib.workbook.errors import ImportFormatError

FIX = Path(__file__).parent / "fixtures" / "contacts"
PARSERS = [parse_contacts, parse_linkedin, parse_google, parse_outlook, parse_vcard,
           parse_linkedin_zip]
SAMPLES = [p.read_bytes() for p in sorted(FIX.iterdir())]
FAST = settings(max_examples=60, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def _only_own_errors(parser, data):
    try:
        result = parser(data, "fuzz")
    except ImportFormatError:
        return
    for _, contact in result.contacts:
        assert contact.name


@FAST
@given(st.binary(max_size=400), st.sampled_from(PARSERS))
def test_random_bytes(data, parser):
    _only_own_errors(parser, data)


@FAST
@given(st.sampled_from(SAMPLES), st.sampled_from(PARSERS), st.data())
def test_mangled_fixtures(sample, parser, data):
    mangled = bytearray(sample)
    for _ in range(data.draw(st.integers(1, 8))):
        action = data.draw(st.sampled_from(["flip", "cut", "insert", "delete"]))
        pos = data.draw(st.integers(0, max(len(mangled) - 1, 0)))
        if action == "flip" and mangled:
            mangled[pos] = data.draw(st.integers(0, 255))
        elif action == "cut":
            del mangled[pos:]
        elif action == "insert":
            mangled[pos:pos] = data.draw(st.sampled_from(
                [b'"', b",", b"\n", b"\r", b"=", b":", b";", b"\x00", b"\xff\xfe", b"BEGIN:VCARD\n",
                 b"END:VCARD\n", b"=\n", b"\\", b" ::: ", b"PK\x03\x04"]))
        elif action == "delete" and mangled:
            del mangled[pos:pos + data.draw(st.integers(1, 20))]
    _only_own_errors(parser, bytes(mangled))


@FAST
@given(st.text(max_size=300), st.sampled_from(PARSERS[:5]))
def test_random_text(text, parser):
    _only_own_errors(parser, text)


# Text a real export can hold: no control characters (tabs and newlines go in free text).
CHARS = st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp"),
                      blacklist_characters="\ufeff\x85")
free_text = st.text(st.one_of(CHARS, st.sampled_from("\t\n")), max_size=30)
name_text = st.text(CHARS, min_size=1, max_size=20).map(str.strip).filter(bool)


@FAST
@given(st.lists(st.tuples(name_text, name_text, free_text, free_text),
                min_size=1, max_size=15), st.booleans(), st.sampled_from(["utf-8", "utf-16"]))
def test_well_formed_linkedin_always_parses(rows, preamble, encoding):
    buf = io.StringIO()
    if preamble:
        buf.write('Notes:\r\n"Some addresses may be missing, see settings."\r\n\r\n')
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(["First Name", "Last Name", "URL", "Email Address", "Company", "Position",
                     "Connected On"])
    for first, last, company, position in rows:
        writer.writerow([first, last, "", "", company, position, "07 Mar 2024"])
    result = parse_contacts(buf.getvalue().encode(encoding), "Connections.csv")
    assert result.format == "linkedin"
    assert [(c.first_name, c.last_name) for _, c in result.contacts] == [
        (first, last) for first, last, _, _ in rows]
    assert result.errors == [] and result.skipped == []


@FAST
@given(st.lists(st.tuples(name_text, free_text), min_size=1, max_size=10))
def test_well_formed_vcards_always_parse(cards):
    def esc(text):
        return (text.replace("\\", "\\\\").replace(",", "\\,").replace(";", "\\;")
                .replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n"))

    text = "".join(f"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:{esc(fn)}\r\nNOTE:{esc(note)}\r\n"
                   "END:VCARD\r\n" for fn, note in cards)
    result = parse_vcard(text.encode("utf-8"), "x.vcf")
    assert result.errors == []
    assert [c.name for _, c in result.contacts] == [fn for fn, _ in cards]
