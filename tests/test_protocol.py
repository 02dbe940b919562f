"""The protocol file: the shipped one is valid; each kind of mistake is reported with its line."""

from __future__ import annotations

import textwrap

import pytest

from infoview_lib.classroom.protocol import DEFAULT_PROTOCOL, current_protocol, load_protocol
from infoview_lib.cli import main
from infoview_lib.workbook.errors import ProtocolError

GOOD = """\
version: 1
prompts:
  - category: friend
    prompt: Which friends would answer a message from you this week?
  - category: relative
    prompt: What do your aunts, uncles and cousins do?
categories: [friend, relative]
list_aim: 30
list_stretch: 60
outreach:
  max_words: 90
  strict_max_words: 70
  linkedin_note_max_chars: 300
meeting_lengths: [20, 30]
follow_up:
  second_contact_after_days: 3
  follow_up_after_days: 7
  thank_you_within_hours: 24
  report_back_after_days: 14
x-course: Careers 101
"""


def write(tmp_path, text, name="protocol.yaml"):
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def mistakes_of(tmp_path, text):
    with pytest.raises(ProtocolError) as info:
        load_protocol(write(tmp_path, text))
    return info.value.mistakes


def find(mistakes, line, *words):
    """The one mistake on `line` whose text contains every word."""
    hits = [m for m in mistakes if m.line == line and all(w in str(m) for w in words)]
    assert hits, f"no mistake on line {line} with {words}: {[str(m) for m in mistakes]}"
    return hits[0]


def test_shipped_protocol_is_valid():
    p = load_protocol(DEFAULT_PROTOCOL)
    assert len(p.prompts) == 12 and {q["category"] for q in p.prompts} <= set(p.categories)
    assert p.outreach == {"max_words": 100, "strict_max_words": 75, "linkedin_note_max_chars": 300}
    assert p.meeting_lengths == [15, 20, 30]
    assert p.follow_up["second_contact_after_days"] == 3
    assert p.question_bank == DEFAULT_PROTOCOL.parent / "questions.yaml"


def test_good_custom_file_loads_with_its_values(tmp_path):
    p = load_protocol(write(tmp_path, GOOD))
    assert p.categories == ["friend", "relative"]
    assert p.prompts[1] == {"category": "relative",
                            "prompt": "What do your aunts, uncles and cousins do?"}
    assert (p.list_aim, p.list_stretch, p.meeting_lengths) == (30, 60, [20, 30])
    assert p.outreach["strict_max_words"] == 70
    assert p.extra == {"x-course": "Careers 101"}


def test_left_out_keys_take_the_method_defaults(tmp_path):
    p = load_protocol(write(tmp_path, """\
        categories: [friend]
        prompts:
          - {category: friend, prompt: "Who would answer a message this week?"}
        outreach: {max_words: 80}
    """))
    assert p.outreach == {"max_words": 80, "strict_max_words": 75, "linkedin_note_max_chars": 300}
    assert p.meeting_lengths == [15, 20, 30] and p.follow_up["follow_up_after_days"] == 7


def test_class_points_at_a_file_with_the_environment_variable(tmp_path, monkeypatch):
    path = write(tmp_path, GOOD)
    monkeypatch.setenv("INFOVIEW_PROTOCOL", str(path))
    assert current_protocol().path == path
    assert current_protocol().meeting_lengths == [20, 30]


def test_unknown_keys_are_named_with_a_suggestion(tmp_path):
    found = mistakes_of(tmp_path, GOOD + "meeting_length: [10]\noutreach_extra: 1\n")
    assert "did you mean 'meeting_lengths'" in str(find(found, 21, "unknown key 'meeting_length'"))
    find(found, 22, "unknown key 'outreach_extra'")


def test_unknown_key_inside_a_group(tmp_path):
    found = mistakes_of(tmp_path, GOOD.replace("linkedin_note_max_chars", "linkedin_chars"))
    find(found, 13, "outreach, linkedin_chars", "unknown key")


def test_wrong_types_say_what_is_expected(tmp_path):
    text = (GOOD.replace("list_aim: 30", "list_aim: thirty")
            .replace("categories: [friend, relative]", "categories: friend"))
    found = mistakes_of(tmp_path, text)
    find(found, 8, "list_aim", "expected a whole number above 0", "'thirty'")
    find(found, 7, "categories", "expected a list of category names")


def test_prompt_category_must_be_a_listed_category(tmp_path):
    found = mistakes_of(tmp_path, GOOD.replace("category: relative", "category: relatives"))
    mistake = find(found, 5, "prompts, item 2, category", "'relatives' is not in categories")
    assert "did you mean 'relative'" in mistake.message


def test_empty_prompts_and_categories(tmp_path):
    found = mistakes_of(tmp_path, "version: 1\nprompts: []\ncategories: []\n")
    find(found, 2, "prompts", "the list is empty")
    find(found, 3, "categories", "the list is empty")


def test_missing_required_sections(tmp_path):
    found = mistakes_of(tmp_path, "version: 1\nlist_aim: 40\n")
    find(found, 1, "'prompts' is missing")
    find(found, 1, "'categories' is missing")


def test_prompt_items_need_text(tmp_path):
    found = mistakes_of(tmp_path, GOOD.replace(
        "prompt: What do your aunts, uncles and cousins do?", "prompt: ''"))
    find(found, 6, "prompts, item 2, prompt", "expected text")


def test_meeting_lengths_must_be_positive_whole_minutes(tmp_path):
    found = mistakes_of(tmp_path, GOOD.replace("[20, 30]", "[20, 0, -5, 12.5, yes, 20]"))
    for item in (2, 3, 4, 5):
        find(found, 14, f"meeting_lengths, item {item}", "whole number above 0")
    find(found, 14, "item 6", "listed twice")
    assert len([m for m in found if m.line == 14]) == 5


def test_strict_word_limit_above_the_normal_one(tmp_path):
    found = mistakes_of(tmp_path, GOOD.replace("strict_max_words: 70", "strict_max_words: 120"))
    find(found, 12, "strict_max_words", "at most max_words")


def test_follow_up_numbers(tmp_path):
    text = (GOOD.replace("second_contact_after_days: 3", "second_contact_after_days: 10")
            .replace("thank_you_within_hours: 24", "thank_you_within_hours: soon"))
    found = mistakes_of(tmp_path, text)
    find(found, 16, "second_contact_after_days", "at most follow_up_after_days")
    find(found, 18, "thank_you_within_hours", "whole number above 0", "'soon'")


def test_stretch_below_aim(tmp_path):
    found = mistakes_of(tmp_path, GOOD.replace("list_stretch: 60", "list_stretch: 20"))
    find(found, 9, "list_stretch", "at least list_aim")


def test_question_bank_missing_or_invalid(tmp_path):
    found = mistakes_of(tmp_path, GOOD + "question_bank: banks/nowhere.yaml\n")
    find(found, 21, "question_bank", "no file", "nowhere.yaml")
    write(tmp_path, "42\n", "broken-bank.yaml")
    found = mistakes_of(tmp_path, GOOD + "question_bank: broken-bank.yaml\n")
    find(found, 21, "question_bank", "broken-bank.yaml has a problem")


def test_question_bank_is_found_next_to_the_protocol(tmp_path):
    bank = DEFAULT_PROTOCOL.parent / "questions.yaml"
    (tmp_path / "bank.yaml").write_bytes(bank.read_bytes())
    p = load_protocol(write(tmp_path, GOOD + "question_bank: bank.yaml\n"))
    assert p.question_bank == tmp_path / "bank.yaml"


def test_duplicate_keys_are_reported(tmp_path):
    found = mistakes_of(tmp_path, GOOD + "list_aim: 45\n")
    find(found, 21, "list_aim", "appears twice (first on line 8)")


def test_all_mistakes_are_collected_in_line_order(tmp_path):
    text = (GOOD.replace("list_aim: 30", "list_aim: -1")
            .replace("category: friend", "category: pals")
            .replace("[20, 30]", "[20, 0]") + "colour: blue\n")
    found = mistakes_of(tmp_path, text)
    assert [m.line for m in found] == [3, 8, 14, 21] and len(found) == 4


def test_invalid_yaml_names_the_line(tmp_path):
    found = mistakes_of(tmp_path, GOOD.replace("  max_words: 90", "  max_words: [90"))
    assert len(found) == 1 and found[0].where == "YAML"
    assert found[0].line >= 11 and "not valid YAML" in found[0].message


def test_empty_file_and_wrong_top_level(tmp_path):
    assert "the file is empty" in str(mistakes_of(tmp_path, "")[0])
    assert "at the top" in str(mistakes_of(tmp_path, "- a\n- b\n")[0])


def test_missing_file_is_a_protocol_error(tmp_path):
    with pytest.raises(ProtocolError, match="Cannot read the protocol file"):
        load_protocol(tmp_path / "nope.yaml")


def test_cli_check_ok_and_mistakes(tmp_path, capsys):
    assert main(["protocol", "check", str(write(tmp_path, GOOD))]) == 0
    assert capsys.readouterr().out.startswith("ok: ")
    bad = write(tmp_path, GOOD.replace("[20, 30]", "[20, -30]"), "bad.yaml")
    assert main(["protocol", "check", str(bad)]) == 1
    out = capsys.readouterr().out
    assert "1 mistake(s)" in out and "line 14: meeting_lengths, item 2" in out


def test_cli_check_uses_the_environment_variable(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("INFOVIEW_PROTOCOL", str(write(tmp_path, "prompts: 3\n")))
    assert main(["protocol", "check"]) == 1
    assert "prompts" in capsys.readouterr().out
    assert main(["protocol", "check", str(tmp_path / "missing.yaml")]) == 1
    assert "Cannot read the protocol file" in capsys.readouterr().err
