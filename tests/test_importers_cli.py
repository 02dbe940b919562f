"""`infoview import`: the JSON shape, exit codes, and a second run that adds nobody."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from infoview_lib.cli import main
from infoview_lib.workbook.store import open_workbook

FIX = Path(__file__).parent / "fixtures" / "contacts"


def test_json_shape_and_counts(workbook_path, capsys):
    code = main(["import", str(FIX / "linkedin_current.csv"), str(FIX / "vcard_malformed.vcf"),
                 "--workbook", str(workbook_path), "--json"])
    assert code == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data) == {"added", "organizations_added", "merged", "updated", "merged_names",
                         "possible_duplicates", "skipped", "errors", "unmapped_columns",
                         "failed_files"}
    assert (data["added"], data["merged"]) == (13, 0)  # 'Broken Card' kept despite a bad line
    assert data["skipped"] == [
        {"file": "linkedin_current.csv", "line": 7,
         "reason": "no name: this member has left LinkedIn or hides their name"},
        {"file": "linkedin_current.csv", "line": 16,
         "reason": "no name: this member has left LinkedIn or hides their name"}]
    assert [(e["file"], e["line"]) for e in data["errors"]] == [
        ("vcard_malformed.vcf", 8), ("vcard_malformed.vcf", 14)]  # the lines at fault
    assert all(set(e) == {"file", "line", "message"} for e in data["errors"])
    main(["import", str(FIX / "linkedin_current.csv"), "--workbook", str(workbook_path),
          "--json"])
    again = json.loads(capsys.readouterr().out)
    assert (again["added"], again["merged"], again["updated"]) == (0, 10, 0)  # nothing new
    assert "Zoë Ó Briain" in again["merged_names"]
    with open_workbook(workbook_path) as wb:
        assert len(wb.contacts()) == 13


def test_text_output_and_format_option(workbook_path, capsys):
    code = main(["import", str(FIX / "linkedin_legacy.csv"), "--workbook", str(workbook_path),
                 "--format", "linkedin"])
    out = capsys.readouterr().out
    assert code == 0
    assert "Added 2 new people" in out
    assert "skipped linkedin_legacy.csv line 4" in out


def test_one_unreadable_file_is_reported_and_the_others_imported(workbook_path, capsys):
    code = main(["import", str(FIX / "linkedin_legacy.csv"), str(FIX / "not_contacts.png"),
                 "--workbook", str(workbook_path), "--json"])
    data = json.loads(capsys.readouterr().out)
    assert code == 1
    assert data["added"] == 2
    assert [f["file"] for f in data["failed_files"]] == ["not_contacts.png"]
    assert "not a text file" in data["failed_files"][0]["message"]
    with open_workbook(workbook_path) as wb:
        assert len(wb.contacts()) == 2


def test_no_readable_file_writes_nothing_not_even_a_workbook(tmp_path, capsys):
    path = tmp_path / "new" / "workbook.sqlite"
    code = main(["import", str(FIX / "not_contacts.png"), "--workbook", str(path)])
    captured = capsys.readouterr()
    assert code == 1 and captured.out == ""
    assert "not_contacts.png" in captured.err and captured.err.count("\n") == 1
    assert not path.exists() and not path.parent.exists()


def test_organisation_only_import_counts_organisations(workbook_path, tmp_path, capsys):
    orgs = tmp_path / "orgs.vcf"
    orgs.write_text("BEGIN:VCARD\nVERSION:4.0\nKIND:org\nFN:Riverbend Library\nEND:VCARD\n")
    assert main(["import", str(orgs), "--workbook", str(workbook_path), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert (data["added"], data["organizations_added"]) == (0, 1)


def test_missing_and_unknown(workbook_path, capsys):
    assert main(["import", "/no/such/file.csv", "--workbook", str(workbook_path)]) == 1
    assert "no file" in capsys.readouterr().err
    assert main(["import", str(FIX / "unknown_columns.csv"), "--workbook",
                 str(workbook_path)]) == 1
    assert "Could not tell" in capsys.readouterr().err


def test_as_a_real_command(workbook_path):
    run = subprocess.run([sys.executable, "-m", "infoview_lib", "import",
                          str(FIX / "Basic_LinkedInDataExport_03-01-2026.zip"),
                          "--workbook", str(workbook_path), "--json"],
                         capture_output=True, text=True, check=False)
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout)["added"] == 10
