"""The foundation commands, run as a user would (a real process for the error path)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from infoview_lib.cli import main
from infoview_lib.workbook.personas import list_personas
from infoview_lib.workbook.store import open_workbook


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_personas_one_word_id_then_description(capsys):
    code, out, _ = run(capsys, "personas")
    lines = out.strip().splitlines()
    assert code == 0 and len(lines) >= 3
    for line in lines:
        persona_id, description = line.split("\t")
        assert persona_id.isalpha() and persona_id.islower() and description


def test_init_with_persona_then_contacts_json(capsys, tmp_path):
    wbp = str(tmp_path / "w.sqlite")
    code, out, _ = run(capsys, "init", "--workbook", wbp, "--persona", "daniel")
    assert code == 0 and "Loaded persona" in out
    code, out, _ = run(capsys, "contacts", "--workbook", wbp, "--json")
    people = json.loads(out)
    assert code == 0 and 40 <= len(people) <= 80
    keys = {"id", "name", "first_name", "last_name", "organization", "title", "emails", "phones",
            "linkedin_url", "categories", "tie_strength", "can_interview", "can_refer",
            "introduced_by", "notes", "sources"}
    assert keys <= set(people[0])
    assert isinstance(people[0]["emails"], list) and isinstance(people[0]["categories"], list)
    introduced = [p for p in people if p["introduced_by"] is not None]
    ids = {p["id"] for p in people}
    assert introduced and all(p["introduced_by"] in ids for p in introduced)


def test_init_refuses_overwrite_without_force(capsys, tmp_path):
    wbp = str(tmp_path / "w.sqlite")
    run(capsys, "init", "--workbook", wbp, "--persona", "maya")
    code, _, err = run(capsys, "init", "--workbook", wbp)
    assert code == 1 and "--force" in err and "Traceback" not in err
    with open_workbook(wbp) as wb:
        assert len(wb.contacts()) > 40
    code, _, _ = run(capsys, "init", "--workbook", wbp, "--force")
    assert code == 0
    with open_workbook(wbp) as wb:
        assert wb.contacts() == []


def test_backup_and_restore(capsys, tmp_path):
    wbp, out_file = str(tmp_path / "w.sqlite"), tmp_path / "copy.json"
    run(capsys, "init", "--workbook", wbp, "--persona", "amara")
    assert run(capsys, "backup", "--workbook", wbp, "--out", str(out_file))[0] == 0
    other = str(tmp_path / "other.sqlite")
    code, _, err = run(capsys, "restore", str(out_file), "--workbook", other)
    assert code == 1 and "--yes" in err
    assert run(capsys, "restore", str(out_file), "--workbook", other, "--yes")[0] == 0
    with open_workbook(wbp) as a, open_workbook(other) as b:
        assert a.to_json() == b.to_json()


def test_restore_of_a_non_backup_is_one_clear_line(capsys, tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text("not json")
    code, _, err = run(capsys, "restore", str(bad), "--workbook", str(tmp_path / "w.sqlite"), "--yes")
    assert code == 1 and err.count("\n") == 1 and "not a JSON backup" in err


def test_contacts_on_missing_workbook_is_one_line_without_traceback(tmp_path):
    proc = subprocess.run(
        [sys.executable, "-m", "infoview_lib", "contacts", "--workbook", str(tmp_path / "no.sqlite")],
        capture_output=True, text=True,
    )
    assert proc.returncode == 1
    assert proc.stderr.startswith("infoview: error: No workbook at")
    assert "Traceback" not in proc.stderr and proc.stderr.count("\n") == 1


def test_debug_shows_the_traceback(tmp_path):
    proc = subprocess.run(
        [sys.executable, "-m", "infoview_lib", "--debug", "contacts", "--workbook",
         str(tmp_path / "no.sqlite")], capture_output=True, text=True,
    )
    assert proc.returncode != 0 and "Traceback" in proc.stderr


def test_doctor_reports_all_good_here(capsys, tmp_path):
    code, out, _ = run(capsys, "doctor", "--workbook", str(tmp_path / "w.sqlite"))
    assert code == 0 and "All good." in out and "JupyterLab widget extension: found" in out


def test_doctor_prints_the_fix_for_an_unwritable_folder(capsys, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    code, out, _ = run(capsys, "doctor", "--workbook", str(blocker / "w.sqlite"))
    assert code == 1 and "FAIL" in out and "fix: export INFOVIEW_WORKBOOK=" in out


def test_doctor_names_the_install_command_for_a_missing_package():
    from infoview_lib.classroom.doctor import check_package

    check = check_package("surely-not-installed-package-xyz")
    assert not check.ok and "pip install 'surely-not-installed-package-xyz'" in check.fix


def test_demo_writes_workbook_and_summary(capsys, tmp_path):
    out_dir = tmp_path / "demo"
    code, out, _ = run(capsys, "demo", "--out", str(out_dir), "--persona", "maya")
    assert code == 0
    summary = (out_dir / "summary.md").read_text(encoding="utf-8")
    assert "Step 1, Who you know" in summary
    assert summary.count("- [x]") == 6, "the demo walks through all six steps"
    plans = {p.stem for p in (out_dir / "export" / "plans").glob("*.md")}
    assert len(plans) >= 3
    assert b"BEGIN:VEVENT" in (out_dir / "export" / "calendar.ics").read_bytes()
    assert (out_dir / "map.png").read_bytes().startswith(b"\x89PNG")
    data = json.loads((out_dir / "workbook.json").read_text(encoding="utf-8"))
    assert data["format"] == "infoview-workbook" and len(data["contacts"]) > 40


@pytest.mark.parametrize("persona", [p.id for p in list_personas()])
def test_every_persona_loads(capsys, tmp_path, persona):
    assert run(capsys, "init", "--workbook", str(tmp_path / "w.sqlite"), "--persona", persona)[0] == 0


def test_unknown_persona_lists_the_known_ones(capsys, tmp_path):
    code, _, err = run(capsys, "init", "--workbook", str(tmp_path / "w.sqlite"), "--persona", "zed")
    assert code == 1 and "maya" in err
