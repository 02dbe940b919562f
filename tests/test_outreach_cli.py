"""`infoview outreach` and `infoview due` from the command line."""

from __future__ import annotations

import icalendar

from infoview_lib.cli import main
from infoview_lib.outreach.tracker import outreach_for, set_status


def test_outreach_prints_draft_and_verdict(maya, capsys):
    code = main(["outreach", "--workbook", str(maya.path), "--contact", "Hana Sato", "--check"])
    out = capsys.readouterr().out
    assert code == 0
    assert out.startswith("Subject: Dolores Ibáñez suggested I write to you")
    assert "[PASS] The ask is a question" in out and "All 8 checks pass." in out


def test_outreach_linkedin_strict_and_failing_check(maya, capsys):
    hana = maya.find_contact("Hana Sato")
    from infoview_lib.outreach import save_parts

    save_parts(maya, hana, {"fallback": "", "ask": "Could we talk about job openings?"})
    code = main(["outreach", "--workbook", str(maya.path), "--contact", "Hana",
                 "--channel", "linkedin", "--check", "--strict"])
    out = capsys.readouterr().out
    assert code == 1
    assert "(strict)" in out and "under 75 in strict mode" in out
    assert "[FAIL] Fallback offered" in out and "[FAIL] No job talk" in out


def test_outreach_unknown_contact(maya, capsys):
    code = main(["outreach", "--workbook", str(maya.path), "--contact", "Nobody Here"])
    assert code == 1
    assert "Nobody called 'Nobody Here'" in capsys.readouterr().err


def test_due_lists_and_writes_ics(maya, tmp_path, capsys):
    hana = maya.find_contact("Hana Sato")
    set_status(maya, outreach_for(maya, hana.id).id, "sent", "2025-03-07")
    out_file = tmp_path / "due.ics"
    code = main(["due", "--workbook", str(maya.path), "--ics", str(out_file),
                 "--today", "2025-03-12"])
    out = capsys.readouterr().out
    assert code == 0
    assert "DUE   2025-03-12" in out and "second person at Copperleaf Health" in out
    assert "later 2025-03-18" in out
    cal = icalendar.Calendar.from_ical(out_file.read_bytes())
    assert len(cal.walk("VEVENT")) == 2


def test_due_nothing_and_bad_date(maya, capsys):
    assert main(["due", "--workbook", str(maya.path)]) == 0
    assert "Nothing is due today." in capsys.readouterr().out
    assert main(["due", "--workbook", str(maya.path), "--today", "12/03/2025"]) == 1
    assert "YYYY-MM-DD" in capsys.readouterr().err


def test_outreach_without_a_profile_says_what_to_fill_in(wb, capsys):
    from infoview_lib.workbook.model import Contact

    wb.add(Contact(first_name="Ada", last_name="Example"))
    code = main(["outreach", "--workbook", str(wb.path), "--contact", "Ada"])
    captured = capsys.readouterr()
    assert code == 1 and captured.out == ""
    assert "your name and a one-line introduction are missing" in captured.err
    assert "infoview profile --name" in captured.err
