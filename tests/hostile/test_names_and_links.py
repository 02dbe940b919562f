"""Items 13 (second half) and "Smaller": a video link with CR/LF is refused when typed, so
calendars keep working; bidi override characters never reach an exported file's name."""

from __future__ import annotations

from hostile_cli import one_line_error, run_cli

from infoview_lib.export import export_workbook
from infoview_lib.workbook.model import Contact, Outreach
from infoview_lib.workbook.store import open_workbook

BIDI = ("\u202e", "\u202d", "\u2066", "\u2067", "\u2068", "\u2069", "\u200f", "\u061c")


def test_video_link_with_line_breaks_is_refused_and_ics_still_works(tmp_path):
    book = tmp_path / "workbook.sqlite"
    with open_workbook(book) as wb:
        wb.add(Contact(first_name="Ada", last_name="Example"))
    base = ["meeting", "--contact", "Ada", "--date", "2030-01-02", "--time", "10:00",
            "--tz", "UTC"]
    line = one_line_error(run_cli(*base, "--video", "https://meet.example/x\r\nATTENDEE:evil",
                                  workbook=book))
    assert "video link" in line
    ics = tmp_path / "invite.ics"
    proc = run_cli(*base, "--video", "https://meet.example/x", "--ics", ics, workbook=book)
    assert proc.returncode == 0, proc.stderr
    assert b"ATTENDEE:evil" not in ics.read_bytes()


def test_no_bidi_control_in_any_exported_file_name(wb, tmp_path):
    person = wb.add(Contact(first_name="Ada\u202egpj.exe", last_name="\u2067Lee\u2069"))
    wb.add(Outreach(contact_id=person.id, status="sent"))
    result = export_workbook(wb, tmp_path / "out", formats="md,zip")
    names = [p.name for p in (tmp_path / "out").rglob("*")]
    assert any(n.startswith("Ada") for n in names)
    assert not [n for n in names if any(ch in n for ch in BIDI)]
    assert result.zip_path is not None
