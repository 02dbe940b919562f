"""Hostile protocol files: each is refused with a line-numbered mistake, in a real process,
without hanging, recursing or overflowing; numbers that pass cannot overflow later."""

from __future__ import annotations

import subprocess
import sys
from datetime import date

import pytest
import yaml

from infoview_lib.classroom import protocol_yaml
from infoview_lib.classroom.protocol import current_protocol, load_protocol
from infoview_lib.classroom.protocol_check import check_protocol_text
from infoview_lib.workbook.errors import ProtocolError
from infoview_lib.workbook.paths import DATA_DIR as DATA

BASE = ("version: 1\ncategories: [friend, other]\nprompts:\n  - category: friend\n"
        "    prompt: Who would answer?\n")
LAUGHS = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join([f'*{chr(97 + i)}'] * 9)}]\n" for i in range(9))


def mistakes(text: str) -> list[str]:
    return [str(m) for m in check_protocol_text(text)[1]]


def check_in_a_process(tmp_path, text: str) -> subprocess.CompletedProcess:
    path = tmp_path / "hostile.yaml"
    path.write_text(text, encoding="utf-8")
    return subprocess.run([sys.executable, "-m", "infoview_lib", "protocol", "check", str(path)],
                          capture_output=True, text=True, timeout=120)


def test_billion_laughs_is_refused_at_the_first_reference(tmp_path):
    done = check_in_a_process(tmp_path, LAUGHS)
    assert done.returncode == 1, done.stderr
    assert "line 2: YAML: not valid YAML here (a reference (*a)" in done.stdout
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize("text, line", [
    ("a: &a [*a]\n", 1),                 # a list that holds itself
    ("a: &a {b: *a}\n", 1),
    (BASE + "x-merge:\n  <<: *nothing\n", 7),
])
def test_recursive_and_undefined_references_are_refused(text, line):
    found = mistakes(text)
    assert len(found) == 1 and found[0].startswith(f"line {line}: YAML: not valid YAML here")
    assert "reference" in found[0]


@pytest.mark.parametrize("text", ["x: " + "[" * 5000 + "]" * 5000 + "\n",
                                  "x:\n" + "".join("  " * i + "- \n" for i in range(1, 200))])
def test_deep_nesting_is_refused_without_recursion_error(tmp_path, text):
    done = check_in_a_process(tmp_path, text)
    assert done.returncode == 1, done.stderr
    assert "nested more than 10 levels deep" in done.stdout
    assert "RecursionError" not in done.stderr


def test_a_5000_digit_number_is_a_mistake_with_its_line(tmp_path):
    done = check_in_a_process(tmp_path, BASE + "list_aim: " + "9" * 5000 + "\n")
    assert done.returncode == 1, done.stderr
    assert "line 6: YAML: not valid YAML here (a number with more than 9 digits)" in done.stdout


def test_a_file_far_too_large_is_refused_before_reading(tmp_path):
    text = BASE + "x-notes: '" + "a" * 299_889 + "'\n"
    assert len(text) == 300_000
    assert mistakes(text) == ["line 1: the file: 300,000 characters is far more than a protocol needs "
                     "(at most 200,000); start from a copy of data/protocol.yaml."]
    path = tmp_path / "big.yaml"
    path.write_bytes(b"# " + b"x" * 1_000_000)
    with pytest.raises(ProtocolError, match="far too large"):
        load_protocol(path)


def test_an_impossible_date_is_a_mistake_not_a_crash():
    assert mistakes(BASE + "x-start: 2026-13-45\n")[0].startswith(
        "line 6: YAML: not valid YAML here (a value that cannot be read")


@pytest.mark.parametrize("key, value, most", [
    ("follow_up:\n  follow_up_after_days", 99_999_999, 90),
    ("follow_up:\n  report_back_after_days", 400, 365),
    ("follow_up:\n  thank_you_within_hours", 10_000, 168),
    ("outreach:\n  max_words", 5_000, 1_000),
    ("list_aim", 100_000, 1_000),
])
def test_every_number_has_a_ceiling(key, value, most):
    found = mistakes(f"{BASE}{key}: {value}\n")
    assert any(f"{value} is more than this workbook allows; expected at most {most}." in m
               for m in found), found


def test_numbers_at_their_ceiling_work_all_the_way_to_a_due_date(tmp_path, monkeypatch):
    path = tmp_path / "far.yaml"
    path.write_text(BASE + "follow_up:\n  second_contact_after_days: 60\n"
                    "  follow_up_after_days: 90\n  report_back_after_days: 365\n",
                    encoding="utf-8")
    monkeypatch.setenv("INFOVIEW_PROTOCOL", str(path))
    from infoview_lib.outreach.tracker import BusinessCalendar

    rules = current_protocol().follow_up
    assert BusinessCalendar("US").add(date(2026, 1, 5), rules["follow_up_after_days"]).year == 2026


def test_a_hostile_file_named_in_the_environment_fails_every_loader_cleanly(tmp_path,
                                                                            monkeypatch):
    path = tmp_path / "laughs.yaml"
    path.write_text(LAUGHS, encoding="utf-8")
    monkeypatch.setenv("INFOVIEW_PROTOCOL", str(path))
    with pytest.raises(ProtocolError, match="line 2: YAML"):
        current_protocol()


def test_a_french_colon_gets_a_hint_to_quote_the_text():
    text = BASE + ("  - category: friend\n"
                                        "    prompt: Pensez à vos cousins : que font-ils ?\n")
    found = mistakes(text)
    assert found == ["line 7: YAML: not valid YAML here (mapping values are not allowed here); "
                     "a text with ': ' (a colon and a space) inside it must be in quotes, e.g. "
                     'prompt: "Pensez à vos cousins : que font-ils ?"']


def test_the_question_bank_is_read_as_strictly(tmp_path):
    bank = tmp_path / "bank.yaml"
    bank.write_text(LAUGHS, encoding="utf-8")
    found = mistakes(BASE + f"question_bank: {bank}\n")
    assert len(found) == 1 and "question bank bank.yaml has a problem" in found[0]
    assert "reference (*a)" in found[0]


def test_holidays_country_is_checked_and_used(tmp_path, monkeypatch):
    assert mistakes(BASE + "holidays: {country: FR}\n") == []
    assert "is not a country the holiday list knows" in mistakes(BASE + "holidays: {country: FX}\n")[0]
    assert "is not a region of FR" in mistakes(BASE + "holidays: {country: FR, "
                                               "subdivision: Atlantis}\n")[0]
    path = tmp_path / "fr.yaml"
    path.write_text(BASE + "holidays:\n  country: fr\n", encoding="utf-8")
    monkeypatch.setenv("INFOVIEW_PROTOCOL", str(path))
    from infoview_lib.outreach.tracker import calendar_for
    from infoview_lib.workbook.store import open_workbook

    with open_workbook(tmp_path / "w.sqlite") as wb:
        wb.set_setting("ego", {"name": "Léa", "country": "US"})
        cal = calendar_for(wb)
    assert cal.country == "FR"
    assert not cal.is_business_day(date(2026, 7, 14))  # Bastille Day, a Tuesday
    assert cal.is_business_day(date(2026, 7, 3))       # a US holiday, a French working day


def test_personas_take_the_class_categories(tmp_path, monkeypatch):
    from infoview_lib.classroom.protocol import fit_persona_categories
    from infoview_lib.workbook.personas import load_persona
    from infoview_lib.workbook.store import open_workbook

    path = tmp_path / "fr.yaml"
    path.write_text("version: 1\ncategories: [ami, famille, bénévolat, autre]\nprompts:\n"
                    "  - category: ami\n    prompt: Quels amis ?\n"
                    "category_map: {friend: ami, relative: famille, parent: famille, "
                    "club: bénévolat, other: autre}\n", encoding="utf-8")
    monkeypatch.setenv("INFOVIEW_PROTOCOL", str(path))
    assert "'voisin' is not in categories" in mistakes(
        BASE + "category_map: {neighbour: voisin}\n")[0]
    with open_workbook(tmp_path / "w.sqlite") as wb:
        load_persona(wb, "maya")
        assert fit_persona_categories(wb) > 0
        used = {c for person in wb.contacts() for c in person.categories}
    assert used <= {"ami", "famille", "bénévolat", "autre"}
    assert {"ami", "famille"} <= used


def test_too_many_categories_for_the_class_report_are_refused():
    many = ", ".join(f"c{i}" for i in range(101))
    found = mistakes(f"version: 1\ncategories: [{many}]\nprompts:\n  - category: c1\n"
                     "    prompt: Who?\n")
    assert found == ["line 2: categories: 101 categories are more than students can choose "
                     "from; expected at most 100."]


@pytest.mark.parametrize("text", [
    (DATA / "protocol.yaml").read_text(encoding="utf-8"),
    (DATA / "questions.yaml").read_text(encoding="utf-8"),
    "a: &x [1]\nb: *x\n", "a: " + "[" * 20 + "]" * 20 + "\n", "n: 1234567890123\n",
    "d: 2026-13-45\n", "prompt: Pensez : oui\n", "\tx: 1\n", "a: 'x\n",
])
def test_libyaml_and_plain_python_readers_agree(text):
    """The protocol is read with libyaml when PyYAML has it; the plain-Python reader (a
    PyYAML without libyaml) must give the same data, or the same line-numbered mistake."""

    def read(loader_class):
        loader = loader_class(text)
        try:
            return loader.construct_document(loader.get_single_node())
        except yaml.YAMLError as err:
            return str(protocol_yaml.yaml_mistake(err, text))
        finally:
            loader.dispose()

    assert protocol_yaml.StrictCLoader is not protocol_yaml.StrictLoader  # libyaml is there
    assert read(protocol_yaml.StrictCLoader) == read(protocol_yaml.StrictLoader)
