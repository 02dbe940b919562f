"""The one-page plan (data and Markdown) and the `infoview plan` / `infoview meeting` commands."""

from __future__ import annotations

import icalendar
import pytest

from infoview_lib.cli import main
from infoview_lib.export.markdown import md_escape
from infoview_lib.export.plans import plan_markdown
from infoview_lib.meetings.plan import connection_path, plan_data
from infoview_lib.meetings.schedule import save_meeting, tick
from infoview_lib.questions import add_own, load_bank, pick
from infoview_lib.workbook.errors import NotFound
from infoview_lib.workbook.model import Contact, Target


@pytest.fixture
def people(wb):
    ana = wb.add(Contact(first_name="Ana", last_name="Ruiz", categories=["relative"],
                         tie_strength="often"))
    ben = wb.add(Contact(first_name="Ben", last_name="Okoro", introduced_by=ana.id))
    cat = wb.add(Contact(first_name="Cat", last_name="*Star* [x](y) <b>", title="Designer",
                         organization="Northwind", introduced_by=ben.id,
                         notes="Met at | the fair"))
    return ana, ben, cat


def test_md_escape_neutralises_markdown():
    assert md_escape("a*b_c") == "a\\*b\\_c"
    assert md_escape("# head") == "\\# head"
    assert md_escape("- item") == "\\- item"
    assert md_escape("1. first") == "1\\. first"
    assert md_escape("two\nlines") == "two lines"
    assert md_escape("<script>") == "\\<script\\>"


def test_connection_path_follows_introduced_by(wb, people):
    ana, ben, cat = people
    assert connection_path(wb, cat) == ["You", "Ana Ruiz", "Ben Okoro", cat.name]
    assert connection_path(wb, ana) == ["You", "Ana Ruiz"]


def test_plan_data_has_every_section(wb, people):
    _, _, cat = people
    wb.set_setting("goals", {"kinds": ["company"], "learn": "How Northwind picks juniors"})
    wb.add(Target(name="Northwind", kind="company", organization="Northwind",
                  what_to_learn="Their design process"))
    bank = load_bank()
    pick(wb, next(q for q in bank if q.id == "cul-words"), cat.id)
    m = save_meeting(wb, cat.id, "2025-07-14", "15:00", "America/New_York", minutes=15,
                     place="Northwind lobby")
    tick(wb, m.id, "confirm")
    data = plan_data(wb, cat)
    assert data["contact"]["organization"] == "Northwind"
    assert data["connection"]["path"][1:3] == ["Ana Ruiz", "Ben Okoro"]
    assert data["connection"]["leads_to"] == ["Northwind: works at Northwind"]
    assert "- Can point you to Northwind: works at Northwind" in plan_markdown(wb, cat)
    assert data["learn"] == ["How Northwind picks juniors", "Northwind: Their design process"]
    assert data["meeting"]["minutes"] == 15 and "Northwind lobby" in data["meeting"]["where"]
    items = [i["text"] for p in data["agenda"]["phases"] for i in p["items"]]
    assert any("three words" in t for t in items) and any("Who else" in t for t in items)
    assert data["agenda"]["length"] == 15 and data["agenda"]["fits"]
    assert [c["done"] for c in data["checklist"]][0] is True
    assert plan_data(wb, "Cat")["contact"]["id"] == cat.id
    assert plan_data(wb, cat.id)["contact"]["id"] == cat.id


def test_plan_markdown_escapes_user_text(wb, people):
    _, _, cat = people
    add_own(wb, "What does *good* look like?", contact_id=cat.id)
    md = plan_markdown(wb, cat)
    assert md.startswith("# Interview plan: Cat \\*Star\\* \\[x\\](y) \\<b\\>")
    for heading in ("## Who they are", "## How you are connected", "## What you want to learn",
                    "## Agenda (20 minutes)", "## Logistics", "## Checklist"):
        assert heading in md
    assert "You → Ana Ruiz → Ben Okoro → Cat" in md
    assert "What does \\*good\\* look like?" in md and "Met at \\| the fair" in md
    assert "Not fixed yet" in md and "- [ ] Confirm the day before" in md


def test_plan_markdown_shows_agenda_warning(wb, people):
    ana = people[0]
    bank = [q for q in load_bank() if q.phase == "core"]
    for q in bank[:8]:
        pick(wb, q, ana.id)
    save_meeting(wb, ana.id, "2025-07-14", "10:00", "Europe/London", minutes=15)
    assert "**Warning:**" in plan_markdown(wb, ana)


# -- CLI --------------------------------------------------------------------------------
def test_cli_plan_prints_markdown(capsys, wb, people):
    code = main(["plan", "--workbook", str(wb.path), "--contact", "Ben Okoro"])
    out = capsys.readouterr().out
    assert code == 0 and out.startswith("# Interview plan: Ben Okoro")
    assert "You → Ana Ruiz → Ben Okoro" in out


def test_cli_plan_unknown_contact_is_one_line_error(capsys, wb, people):
    code = main(["plan", "--workbook", str(wb.path), "--contact", "Nobody"])
    err = capsys.readouterr().err
    assert code == 1 and err.startswith("infoview: error: Nobody called 'Nobody'")
    with pytest.raises(NotFound):
        main(["--debug", "plan", "--workbook", str(wb.path), "--contact", "Nobody"])


def test_cli_meeting_sets_and_writes_ics(capsys, wb, people, tmp_path):
    path = tmp_path / "ben.ics"
    code = main(["meeting", "--workbook", str(wb.path), "--contact", "Ben", "--date",
                 "2025-07-14", "--time", "15:00", "--tz", "America/New_York", "--video",
                 "https://meet.example/x", "--ics", str(path)])
    out = capsys.readouterr().out
    assert code == 0 and "15:00-15:20 (America/New_York)" in out
    ev = icalendar.Calendar.from_ical(path.read_bytes()).walk("VEVENT")[0]
    assert ev.decoded("DTSTART").hour == 19
    code = main(["meeting", "--workbook", str(wb.path), "--contact", "Ben", "--time", "16:00"])
    assert code == 0 and "16:00-16:20" in capsys.readouterr().out
    code = main(["meeting", "--workbook", str(wb.path), "--contact", "Ana"])
    assert code == 1 and "No meeting with Ana Ruiz" in capsys.readouterr().err
    code = main(["meeting", "--workbook", str(wb.path), "--contact", "Ana", "--date",
                 "2025-07-14"])
    assert code == 1 and "--time HH:MM" in capsys.readouterr().err
