"""Who you are: the profile stored once, validated, shown and set from the command line."""

from __future__ import annotations

import pytest

from infoview_lib.cli import main
from infoview_lib.workbook.errors import ValidationError
from infoview_lib.workbook.profile import (
    Profile,
    get_profile,
    missing_message,
    require_profile,
    save_profile,
    update_profile,
)


def test_blank_profile_says_what_is_missing_and_where(wb):
    profile = get_profile(wb)
    assert profile.missing() == ["your name", "a one-line introduction"]
    message = missing_message(profile)
    assert "00_start_here.ipynb" in message and "infoview profile" in message
    with pytest.raises(ValidationError, match="are missing"):
        require_profile(wb)


def test_saved_once_and_tidied(wb):
    update_profile(wb, name="  Sam   Lee ", introduction="I'm a final-year history student.",
                   linkedin_url="www.linkedin.com/in/sam-lee", phone="+44 20 7946 0000")
    p = require_profile(wb)
    assert (p.name, p.introduction) == ("Sam Lee", "a final-year history student")
    assert p.linkedin_url == "https://www.linkedin.com/in/sam-lee" and p.first_name == "Sam"


@pytest.mark.parametrize(("field", "value", "words"), [
    ("email", "sam.example.org", "not an e-mail address"),
    ("phone", "call me", "not a phone number"),
    ("linkedin_url", "https://example.org/sam", "LinkedIn address"),
    ("name", "[your name]", "placeholder"),
    ("introduction", "x" * 200, "under 160 characters"),
])
def test_bad_values_are_refused_with_the_fix(wb, field, value, words):
    with pytest.raises(ValidationError, match=words):
        update_profile(wb, **{field: value})
    assert get_profile(wb) == Profile()


def test_unknown_fields_refused_and_other_settings_kept(wb):
    wb.set_setting("ego", {"name": "Ana", "headline": "nurse", "country": "DE"})
    assert get_profile(wb).introduction == "nurse"     # an older workbook's key
    with pytest.raises(ValidationError, match="not part of your profile"):
        update_profile(wb, age="30")
    save_profile(wb, Profile(name="Ana Weber", introduction="a nurse learning health data"))
    assert wb.setting("ego")["country"] == "DE"        # the holiday country survives


def test_cli_shows_and_sets_the_profile(wb, capsys):
    assert main(["profile", "--workbook", str(wb.path)]) == 0
    assert "Still missing: your name and a one-line introduction" in capsys.readouterr().out
    assert main(["profile", "--workbook", str(wb.path), "--name", "Sam Lee", "--introduction",
                 "a history student", "--programme", "BA History"]) == 0
    out = capsys.readouterr().out
    assert "Name:         Sam Lee" in out and "Saved." in out and "Still missing" not in out
    assert get_profile(wb).programme == "BA History"
    assert main(["profile", "--workbook", str(wb.path), "--email", "nope"]) == 1
    assert "not an e-mail address" in capsys.readouterr().err


def test_personas_bring_a_complete_profile(maya):
    p = get_profile(maya)
    assert p.complete and p.name == "Maya Okafor-Lind" and p.email.endswith("@example.org")
