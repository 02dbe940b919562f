"""A valid class protocol never breaks a step: with other meeting lengths, word limits and
follow-up numbers, every panel builds, every command runs, and the texts the user reads
carry the class's numbers (no literal 20 minutes, 3/7 days or 24 hours survives)."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from datetime import date, timedelta
from pathlib import Path

import pytest

import infoview_lib.ui
from infoview_lib.cli import main
from infoview_lib.meetings.schedule import meeting_for, save_meeting
from infoview_lib.ui.common import Panel

DATA = Path(__file__).resolve().parent.parent / "data"
CHANGES = {
    "max_words: 100": "max_words: 120",
    "strict_max_words: 75": "strict_max_words: 90",
    "second_contact_after_days: 3": "second_contact_after_days: 5",
    "follow_up_after_days: 7": "follow_up_after_days: 10",
    "thank_you_within_hours: 24": "thank_you_within_hours: 48",
}


@pytest.fixture(params=[[30, 45], [15, 30, 45]], ids=["30-45", "15-30-45"])
def lengths(request, tmp_path, monkeypatch):
    """A class protocol file with other numbers, set in $INFOVIEW_PROTOCOL."""
    text = (DATA / "protocol.yaml").read_text(encoding="utf-8")
    for old, new in {**CHANGES, "meeting_lengths: [15, 20, 30]":
                     f"meeting_lengths: {request.param}"}.items():
        assert old in text
        text = text.replace(old, new)
    folder = tmp_path / "class"
    folder.mkdir()
    (folder / "protocol.yaml").write_text(text, encoding="utf-8")
    (folder / "questions.yaml").write_text((DATA / "questions.yaml").read_text(encoding="utf-8"),
                                           encoding="utf-8")
    monkeypatch.setenv("INFOVIEW_PROTOCOL", str(folder / "protocol.yaml"))
    assert main(["protocol", "check", str(folder / "protocol.yaml")]) == 0
    return request.param


def panel_classes() -> list[type]:
    found = {}
    for info in pkgutil.iter_modules(infoview_lib.ui.__path__):
        module = importlib.import_module(f"infoview_lib.ui.{info.name}")
        for obj in vars(module).values():
            if inspect.isclass(obj) and issubclass(obj, Panel) and obj is not Panel:
                found[obj.__name__] = obj
    return sorted(found.values(), key=lambda c: c.__name__)


def test_every_panel_builds(maya, lengths, tmp_path):
    classes = panel_classes()
    assert len(classes) >= 10
    for cls in classes:
        first = next(iter(inspect.signature(cls).parameters))
        panel = cls(str(tmp_path)) if first == "folder" else cls(maya)
        assert panel.widget is not None, cls.__name__


def test_step_3_reads_the_class_numbers(maya, lengths):
    from infoview_lib.ui.outreach import OutreachPanel

    panel = OutreachPanel(maya)
    assert [v for _, v in panel.minutes.options] == lengths and panel.minutes.value == 30
    assert "30 minutes" in panel.draft.value
    assert "under 90 words" in panel.strict.description
    assert "(under 120)" in panel.checker.value and "All 8 checks pass." in panel.checker.value
    assert "no reply after 5 business days" in panel.due.value and "after 10," in panel.due.value
    panel.minutes.value = 45
    assert "45 minutes" in panel.draft.value


def test_step_5_reads_the_class_numbers(maya, lengths):
    from infoview_lib.ui.meeting import MeetingPanel

    panel = MeetingPanel(maya)
    assert panel.minutes.value == 30
    assert "longer than 45 minutes" in panel.override.description
    words = "30 or 45" if lengths == [30, 45] else "15, 30 or 45"
    assert f"asks for {words} minutes" in panel.minutes_hint.value
    panel.date.value, panel.tz.value, panel.time.value = date(2025, 7, 14), "UTC", "10:00"
    assert meeting_for(maya, panel.contact_id).duration_minutes == 30
    assert "10:00-10:30" in panel.when.value


def test_step_6_reads_the_class_numbers(maya, lengths):
    from infoview_lib.ui.followthrough import FollowThroughPanel

    ada = maya.contacts()[0]
    save_meeting(maya, ada.id, date.today() - timedelta(days=1), "10:00", "UTC")
    panel = FollowThroughPanel(maya)
    assert "48 hours after the meeting" in panel.due.value
    assert "10:00-10:30" in panel.due.value


def test_commands_follow_the_class_protocol(maya, lengths, capsys):
    wb = str(maya.path)
    assert main(["outreach", "--workbook", wb, "--contact", "Hana Sato", "--check"]) == 0
    out = capsys.readouterr().out
    assert "Would you have 30 minutes" in out and "(under 120)" in out
    assert main(["meeting", "--workbook", wb, "--contact", "Hana Sato", "--date", "2030-03-04",
                 "--time", "10:00", "--tz", "UTC"]) == 0
    assert "10:00-10:30" in capsys.readouterr().out
    assert main(["meeting", "--workbook", wb, "--contact", "Hana Sato", "--minutes", "60"]) == 1
    assert "longer than the 45 minutes" in capsys.readouterr().err
    assert main(["plan", "--workbook", wb, "--contact", "Hana Sato"]) == 0
    assert "30 minutes" in capsys.readouterr().out


def test_practice_walkthrough_feeds_step_6(maya, lengths):
    """A practice persona with a past meeting (classroom.walkthrough) under the class's numbers:
    step 6 opens on the meeting that happened, thanks logged on time, counted as met once."""
    from infoview_lib.classroom.walkthrough import walk_through
    from infoview_lib.ui.followthrough import FollowThroughPanel

    names = walk_through(maya)
    panel = FollowThroughPanel(maya)
    assert panel.meeting.label.startswith(names["met"])
    assert "on time" in panel.due.value and not panel.sent_button.disabled
    assert panel.counts["met"] == 1 and panel.counts["thanked"] == 1
    upcoming = maya.find_contact(names["upcoming"])
    assert meeting_for(maya, upcoming.id).duration_minutes == 30


def test_checker_hint_suggests_the_class_length(lengths):
    from infoview_lib.outreach import check_message

    ask = next(r for r in check_message("Hi Ada. Could we meet.") if r.rule == "ask_is_question")
    assert not ask.passed and "Would you have 30 minutes" in ask.hint
