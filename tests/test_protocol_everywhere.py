"""A French class's protocol (other categories, 120/90 words, 15/30/45 minutes, 5/10-day
follow-ups, 48-hour thanks, French holidays) is obeyed: every panel builds, the commands run,
and the texts people read carry the protocol's numbers."""

from __future__ import annotations

import pytest

from infoview_lib.classroom.protocol import current_protocol, fit_persona_categories
from infoview_lib.cli import main
from infoview_lib.questions import agenda_length, length_options
from infoview_lib.steps import step_progress
from infoview_lib.workbook.model import Meeting

FRENCH = """\
version: 1
categories: [ami, famille, études, bénévolat, travail, autre]
prompts:
  - category: ami
    prompt: "Quels amis répondraient à un message cette semaine ?"
  - category: famille
    prompt: "Pensez à vos cousins : que font-ils ?"
category_map: {friend: ami, relative: famille, parent: famille, classmate: études,
               instructor: études, advisor: études, alumni: études, club: bénévolat,
               co-worker: travail}
list_aim: 40
list_stretch: 80
outreach: {max_words: 120, strict_max_words: 90, linkedin_note_max_chars: 300}
meeting_lengths: [15, 30, 45]
follow_up: {second_contact_after_days: 5, follow_up_after_days: 10,
            thank_you_within_hours: 48, report_back_after_days: 14}
holidays: {country: FR}
"""


@pytest.fixture
def french(tmp_path, monkeypatch, maya):
    path = tmp_path / "classe.yaml"
    path.write_text(FRENCH, encoding="utf-8")
    monkeypatch.setenv("INFOVIEW_PROTOCOL", str(path))
    assert current_protocol().meeting_lengths == [15, 30, 45]
    fit_persona_categories(maya)
    return maya


def test_personas_land_in_the_class_categories_not_other(french):
    people = french.contacts()
    in_other = [p for p in people if p.categories == ["autre"]]
    assert len(in_other) < len(people) // 4, f"{len(in_other)} of {len(people)} in 'autre'"
    assert {c for p in people for c in p.categories} <= set(current_protocol().categories)


def test_step_4_offers_the_protocol_lengths_and_shows_45_as_45(french):
    from infoview_lib.ui.questions import QuestionsPanel

    assert length_options() == [15, 30, 45] and agenda_length(french) == 30
    ada = french.contacts()[0]
    french.add(Meeting(contact_id=ada.id, starts_at="2026-05-04T10:00:00",
                       timezone="Europe/Paris", duration_minutes=45))
    panel = QuestionsPanel(french, contact_id=ada.id)
    assert panel.length.value == 45
    assert [v for _, v in panel.length.options] == [15, 30, 45]
    assert "of 45 min" in panel.agenda.value
    general = QuestionsPanel(french)
    assert general.length.value == 30 and "of 30 min" in general.agenda.value
    french.add(Meeting(contact_id=french.contacts()[1].id, duration_minutes=60))
    odd = QuestionsPanel(french, contact_id=french.contacts()[1].id)
    assert odd.length.value == 60 and [v for _, v in odd.length.options] == [15, 30, 45, 60]


def test_progress_reads_the_class_aim(french):
    assert "(aim for 40, stretch to 80)" in step_progress(french)[0].detail


@pytest.mark.parametrize("name", ["start", "who_you_know", "targets", "outreach", "questions",
                                  "meeting", "followthrough", "export"])
def test_every_panel_builds_under_the_class_protocol(french, name, tmp_path):
    import importlib

    module = importlib.import_module(f"infoview_lib.ui.{name}")
    panel_class = next(v for k, v in vars(module).items()
                       if k.endswith("Panel") and isinstance(v, type)
                       and v.__module__ == module.__name__)
    panel = panel_class(french)
    assert panel.widget is not None


def test_commands_run_under_the_class_protocol(french, capsys):
    path = str(french.path)
    assert main(["protocol", "check"]) == 0
    assert "meetings of 15/30/45 minutes, outreach under 120 words" in capsys.readouterr().out
    assert main(["due", "--workbook", path]) == 0
    person = french.contacts()[0].name
    assert main(["outreach", "--workbook", path, "--contact", person]) == 0
    assert main(["hand-in", "--workbook", path]) == 0
    assert main(["doctor", "--workbook", path]) in (0, 1)
    assert "Class protocol" in capsys.readouterr().out


@pytest.mark.parametrize("name", ["03_plan_outreach", "04_be_the_host", "05_be_a_professional",
                                  "06_always_be_courteous"])
def test_notebook_prose_does_not_hard_code_the_protocol_numbers(name):
    import json
    import re
    from pathlib import Path

    nb = json.loads((Path(__file__).parent.parent / "notebooks" / f"{name}.ipynb").read_text())
    prose = " ".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "markdown")
    stated = re.findall(r"15, 20 or 30|\b\d+ (?:minutes?|words|hours|days|business days)\b|"
                        r"after [37]\b|within 24|under 100", " ".join(prose.split()))
    assert stated == []
