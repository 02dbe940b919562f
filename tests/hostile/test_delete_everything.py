"""Issue 11 item 10 / issue 14: every file a workbook writes lands under one folder, and
*delete my data* removes the workbook, its backups and that folder, and nothing else.

After a whole persona journey, exports from the command line and from the panels (export,
map, meeting invite, follow-up calendar), and a delete from the panel, no file anywhere in
the project folder holds any contact's name."""

from __future__ import annotations

from datetime import date

from hostile_cli import run_cli

from infoview_lib.classroom.walkthrough import walk_through
from infoview_lib.meetings.schedule import meeting_for
from infoview_lib.workbook.model import Meeting
from infoview_lib.workbook.paths import output_dir
from infoview_lib.workbook.personas import load_persona
from infoview_lib.workbook.store import open_workbook


def _needles(wb) -> set[bytes]:
    names = set()
    for c in wb.contacts(include_deleted=True):
        for text in (c.name, c.last_name, *c.emails):
            if len(text.encode("utf-8")) >= 5:
                names.add(text)
    return {n.encode(enc) for n in names for enc in ("utf-8", "utf-16-be", "utf-16-le")}


def _files(root):
    return sorted(p for p in root.rglob("*") if p.is_file())


def test_after_a_journey_and_a_delete_no_file_names_anyone(tmp_path, monkeypatch):
    from infoview_lib.ui.export import ExportPanel
    from infoview_lib.ui.meeting import MeetingPanel
    from infoview_lib.ui.network_map import MapPanel
    from infoview_lib.ui.outreach import OutreachPanel

    project = tmp_path / "project"
    book = project / "my-workbook" / "workbook.sqlite"
    (project / "notebooks").mkdir(parents=True)
    (project / "notebooks" / "keep.txt").write_text("course material")  # not the user's data
    other = project / "my-workbook" / "workbook.old.sqlite"  # another workbook: left alone
    monkeypatch.chdir(project / "notebooks")
    wb = open_workbook(book)
    load_persona(wb, "maya")
    assert walk_through(wb, today=date.today())
    needles = _needles(wb)
    assert len(needles) > 100
    wb.backup("import")
    open_workbook(other).close()

    for args in (["export", "--formats", "md,csv,json,ics,zip"],
                 ["export", "--anonymize", "--formats", "csv"],
                 ["plan", "--contact", wb.contacts()[0].name]):
        proc = run_cli(*args, workbook=book)
        assert proc.returncode == 0, proc.stderr
    MapPanel(wb).save_button.click()
    met = next(m for m in wb.list(Meeting) if m.starts_at)
    meeting = MeetingPanel(wb, contact_id=met.contact_id)
    assert meeting_for(wb, met.contact_id) is not None
    meeting.ics_button.click()
    OutreachPanel(wb).ics_button.click()
    panel = ExportPanel(wb, notebook_dir=project / "notebooks")
    for fmt, box in panel.formats.items():
        box.value = fmt in ("md", "csv", "ics", "graphml", "zip")
    panel.export_button.click()
    assert "Wrote" in panel.status.text, panel.status.text

    written = [p for p in _files(project) if p.suffix != ".sqlite"]
    assert all(p.is_relative_to(output_dir(book)) or p.name == "keep.txt" for p in written), \
        [str(p) for p in written if not p.is_relative_to(output_dir(book))][:5]
    holding = [p for p in written if any(n in p.read_bytes() for n in needles)]
    assert len(holding) > 10  # the exports really name people before the delete

    panel.backup_path.value = ""
    panel.confirm.value = True
    panel.delete_button.click()
    assert "Deleted" in panel.delete_status.text, panel.delete_status.text

    left = _files(project)
    assert not output_dir(book).exists() and not book.exists()
    leaks = [str(p) for p in left if any(n in p.read_bytes() for n in needles)]
    assert leaks == []
    assert (project / "notebooks" / "keep.txt").exists() and other.exists()
