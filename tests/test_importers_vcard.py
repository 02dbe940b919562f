"""vCard 2.1 / 3.0 / 4.0: folding, quoted-printable, groups, ORG, KIND:org, photos, bad cards."""

from __future__ import annotations

from pathlib import Path

import pytest

from infoview_lib.importers import parse_vcard, read_vcard
from infoview_lib.importers.vcard import split_escaped, unescape, unfold
from infoview_lib.workbook.errors import ImportFormatError

FIX = Path(__file__).parent / "fixtures" / "contacts"


def test_android_21_quoted_printable_split_utf8():
    result = read_vcard(FIX / "vcard21_android.vcf")
    assert [(n, c.name) for n, c in result.contacts] == [
        (1, "Анна Иванова"), (3, "Jürgen Müller"), (4, "Marisol Bautista")]
    assert [(s.line, s.message.split(",")[0]) for s in result.skipped] == [
        (17, "only an e-mail address")]  # the line where that card begins
    assert result.errors == []
    anna = result.contacts[0][1]
    assert anna.phones == ["+7 900 000-00-00", "+7 495 000-00-00"]  # CELL;PREF first
    assert anna.emails == ["anna.ivanova@example.ru"]
    assert anna.notes == "First line\nSecond line"
    assert anna.categories == [] and anna.tags == []  # 'My Contacts' is a system group


def test_cp1252_quoted_printable_card():
    jurgen = read_vcard(FIX / "vcard21_android.vcf").contacts[1][1]
    assert (jurgen.first_name, jurgen.last_name) == ("Jürgen", "Müller")
    assert (jurgen.organization, jurgen.title) == ("Bäckerei Müller", "Meister")


def test_iphone_30_groups_escapes_and_org_card():
    result = read_vcard(FIX / "vcard30_iphone.vcf")
    assert [(n, c.name) for n, c in result.contacts] == [
        (1, "Femke Achterberg"), (3, "Frank Dawson"), (4, "Kenji Nakamura")]
    assert [(n, o.name) for n, o in result.organizations] == [(2, "Kestrel Analytics")]
    femke = result.contacts[0][1]
    assert femke.organization == "Tulip Data" and femke.title == "Research Lead"
    assert femke.emails == ["femke@example.nl", "f.achterberg@tulip.example"]
    assert femke.linkedin_url == "https://www.linkedin.com/in/femke-achterberg-fict"
    assert (femke.categories, femke.tags) == (["friend"], ["Hiking, outdoors"])
    assert femke.notes == ("Met at the data meetup, Utrecht.\nAsked about analytics roles; "
                           "follow up in May.")
    frank = result.contacts[1][1]  # mixed-case BEGIN:vCard, no N
    assert frank.display_name == "Frank Dawson" and frank.emails == ["Frank_Dawson@example.com"]
    kenji = result.contacts[2][1]  # the honorific in FN does not make a separate display name
    assert (kenji.first_name, kenji.last_name, kenji.display_name) == ("Kenji", "Nakamura", "")


def test_vcard_40():
    result = read_vcard(FIX / "vcard40.vcf")
    assert [n for n, _ in result.contacts] == [1, 3]
    minjun, aisha = (c for _, c in result.contacts)
    assert minjun.name == "김민준"  # ALTID: one person, first FN wins
    assert minjun.emails == ["mj.kim@example.com", "minjun@example.kr"]  # PREF=1 first
    assert minjun.phones == ["+82-2-555-0100;ext=102"]
    assert aisha.name == "Aisha Bello 👩🏾\u200d💻"
    assert [o.name for _, o in result.organizations] == ["Riverbend Library"]


def test_a_bad_line_is_reported_and_the_person_kept():
    result = read_vcard(FIX / "vcard_malformed.vcf")
    assert [c.name for _, c in result.contacts] == ["Good One", "Broken Card", "Good Two"]
    assert [e.line for e in result.errors] == [8, 14]
    assert "card 2, line 8" in result.errors[0].message
    assert "no colon" in result.errors[0].message
    assert "END:VCARD" in result.errors[1].message


def test_begin_without_end_then_new_card():
    text = "BEGIN:VCARD\nFN:First\nBEGIN:VCARD\nFN:Second\nEND:VCARD\n"
    result = parse_vcard(text)
    assert [c.name for _, c in result.contacts] == ["Second"]
    assert [e.line for e in result.errors] == [1]  # the line where the cut-off card began


def test_not_a_vcard():
    with pytest.raises(ImportFormatError, match="no BEGIN:VCARD"):
        parse_vcard("hello\n")


def test_helpers():
    assert unescape(r"a\,b\;c\nd\\e\:f") == "a,b;c\nd\\e:f"
    assert split_escaped(r"Example\, Jr.;Ada;;;", ";") == ["Example, Jr.", "Ada", "", "", ""]
    assert unfold(["NOTE:ab", " cd", "\tef", "", "FN:x"]) == ["NOTE:abcdef", "FN:x"]
    assert unfold(["NOTE;ENCODING=QUOTED-PRINTABLE:a=", "b", "FN:x"]) == [
        "NOTE;ENCODING=QUOTED-PRINTABLE:ab", "FN:x"]


def test_quoted_printable_without_charset_falls_back_and_says_so():
    # The Bat! writes Windows-1252 quoted-printable without CHARSET
    data = (b"BEGIN:VCARD\r\nVERSION:2.1\r\nN;ENCODING=QUOTED-PRINTABLE:M=FCller;J=FCrgen\r\n"
            b"END:VCARD\r\n")
    result = parse_vcard(data, "bat.vcf")
    assert [c.name for _, c in result.contacts] == ["Jürgen Müller"]
    assert [e.line for e in result.errors] == [3]
    assert "not UTF-8; read as Windows-1252" in result.errors[0].message


def test_the_files_declared_charset_is_the_second_guess():
    data = ("BEGIN:VCARD\r\nVERSION:2.1\r\nN;CHARSET=ISO-8859-2:Żółw;Łukasz\r\n"
            "NOTE;ENCODING=QUOTED-PRINTABLE:=A3=F3d=BC\r\nEND:VCARD\r\n").encode("iso-8859-2")
    result = parse_vcard(data, "pl.vcf")
    person = result.contacts[0][1]
    assert (person.name, person.notes) == ("Łukasz Żółw", "Łódź")
    assert "read as ISO8859-2" in result.errors[0].message


def test_one_bad_line_keeps_the_rest_of_the_card():
    text = ("BEGIN:VCARD\nVERSION:3.0\nFN:Ada Example\n# exported by a tool\n"
            "EMAIL:ada@example.org\nthis line is broken\nTEL:+44 7700 900123\nEND:VCARD\n")
    result = parse_vcard(text)
    ada = result.contacts[0][1]
    assert (ada.emails, ada.phones) == (["ada@example.org"], ["+44 7700 900123"])
    assert [e.line for e in result.errors] == [4, 6]
