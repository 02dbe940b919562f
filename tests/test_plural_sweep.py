"""Counts read right for one and for two ("1 person", "2 people"): every message the grammar
sweep of issue 11 changed, each tested with 1 and with 2."""

from __future__ import annotations

import re
from types import SimpleNamespace

import pytest

from infoview_lib.capture import BulkChange
from infoview_lib.classroom.protocol_check import Checker, check_follow_up
from infoview_lib.classroom.report import Submission, normalise, sample_submissions, summarise
from infoview_lib.classroom.report_render import render_html
from infoview_lib.cli import main
from infoview_lib.export.anonymised import summary_document
from infoview_lib.export.document import Para
from infoview_lib.export.progress_file import progress_data
from infoview_lib.importers.base import Problem
from infoview_lib.importers.summary import ImportSummary
from infoview_lib.questions import Agenda, Phase
from infoview_lib.ui.bulk_edit import BulkEditor
from infoview_lib.ui.duplicates import summary_extra_html
from infoview_lib.ui.outreach_html import draft_html
from infoview_lib.ui.who_you_know import WhoYouKnowPanel
from infoview_lib.ui.who_you_know_html import bulk_preview_html, summary_html
from infoview_lib.workbook.model import Contact, Tie

ONE_TWO = pytest.mark.parametrize("n", [1, 2])


def noun(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


@ONE_TWO
def test_pasted_list(wb, n):
    panel = WhoYouKnowPanel(wb)
    panel.bulk_text.value = "\n".join(["Ada Example", "Bo Chen"][:n])
    panel.preview()
    assert f"new of {noun(n, 'line', 'lines')}." in panel.bulk_preview.value
    panel.confirm_bulk()
    assert f"Added {noun(n, 'person', 'people')} from the pasted list." in panel.paste_status.text


def problems(n: int) -> list[Problem]:
    return [Problem("c.csv", i + 2, "no name") for i in range(n)]


@ONE_TWO
def test_import_summaries(n):
    summary = ImportSummary(added=n, organizations_added=n, skipped=problems(n),
                            errors=problems(n),
                            possible_duplicates=[("Sam Lee", "Sam Lee", 1, 2)] * n)
    text = summary.text()
    assert f"Added {noun(n, 'new person', 'new people')};" in text
    assert f"Added {noun(n, 'organization', 'organizations')} (records" in text
    assert f"{noun(n, 'possible duplicate', 'possible duplicates')} kept apart" in text
    assert f"Skipped {noun(n, 'record', 'records')}; {noun(n, 'problem', 'problems')} " in text
    shown = summary_html(summary)
    assert f"<b>Added {n}</b> {'new person' if n == 1 else 'new people'}," in shown
    assert f", added {noun(n, 'organization', 'organizations')}." in shown
    kept = ("possible duplicate</b> was" if n == 1 else "possible duplicates</b> were")
    assert f"<b>{n} {kept} kept apart" in summary_extra_html(summary)


@ONE_TWO
def test_bulk_preview_lines(n):
    lines = [SimpleNamespace(line=i + 1, name="Ada", organization="", title="", status="new",
                             note="") for i in range(n)]
    assert f"<b>{n}</b> new of {noun(n, 'line', 'lines')}." in bulk_preview_html(lines)


@ONE_TWO
def test_anonymised_summary_people(wb, n):
    people = [wb.add(Contact(first_name=f"P{i}")) for i in range(n + 1)]
    for person in people[1:]:  # n people introduced by the first
        wb.update(Contact, person.id, introduced_by=people[0].id)
    for i in range(n):  # n pairs who know each other
        wb.add(Tie(a=people[0].id, b=people[i + 1].id))
    doc = summary_document(progress_data(wb))
    text = next(b.text for b in doc.blocks if isinstance(b, Para) and "referred" in b.text)
    assert text.startswith(f"{noun(n + 1, 'person', 'people')};")
    assert f"{noun(n, 'was', 'were')} referred to you" in text
    assert f"{noun(n, 'pair knows', 'pairs know')} each other." in text


@ONE_TWO
def test_class_report_students(n):
    rows = [normalise(r) for r in sample_submissions(n)]
    summary = summarise([Submission(f"s{i}", row, str(i)) for i, row in enumerate(rows)])
    assert summary["students_contacting"] == summary["students_with_meeting_held"] == n
    assert summary["meetings"]["thanked"] == n  # the sample students: one thanked each
    page = render_html(summary, [], {})
    contacted = re.search(r"<th>Contacted</th><td>(.*?)</td>", page).group(1)
    held = re.search(r"<th>Meetings held</th><td>(.*?)</td>", page).group(1)
    assert contacted.endswith(f" by {noun(summary['students_contacting'], 'student', 'students')}")
    assert f"({noun(summary['students_with_meeting_held'], 'student', 'students')})" in held
    thanked = summary["meetings"]["thanked"]
    assert held.endswith(f", {noun(thanked, 'thank-you note', 'thank-you notes')}")


@ONE_TWO
def test_agenda_that_runs_over(n):
    agenda = Agenda(length=15, phases=[Phase("Questions", 30)], question_count=n)
    start = "This question needs" if n == 1 else f"These {n} questions need"
    assert agenda.warning.startswith(f"{start} about 30 minutes")


@ONE_TWO
def test_bulk_count(n):
    import ipywidgets as w

    editor = BulkEditor(None, ["friend"], w.Text(), changed=lambda: None)
    editor.show_count(n, n)
    assert f"of {noun(n, 'person', 'people')} (" in editor.count.value
    these = "this" if n == 1 else "these"
    assert editor.apply_button.description == f"Set for {these} {noun(n, 'person', 'people')}"


@ONE_TWO
def test_draft_size(n):
    draft = SimpleNamespace(subject="", body="x", words=n, chars=n)
    assert f"<small>{noun(n, 'word', 'words')}, {noun(n, 'character', 'characters')}</small>" \
        in draft_html(draft)


@ONE_TWO
def test_protocol_follow_up_days(n):
    checker = Checker("follow_up: {}\n")
    check_follow_up(checker, {"second_contact_after_days": n + 1, "follow_up_after_days": n})
    message = checker.mistakes[0].message
    assert f"after {n + 1} days comes after the follow-up ({noun(n, 'day', 'days')})" in message


@ONE_TWO
def test_bulk_change_with_nothing_to_change(n):
    change = BulkChange(selected=n, add_category="friend")
    expected = ("the person chosen already had" if n == 1
                else "all 2 chosen people already had")
    assert change.message == f"Nothing changed: {expected} part of life 'friend'."


@ONE_TWO
def test_cli_contacts_backup_and_restore(wb, tmp_path, capsys, n):
    for i in range(n):
        wb.add(Contact(first_name=f"P{i}"))
    contacts = noun(n, "contact", "contacts")
    assert main(["contacts", "--workbook", str(wb.path)]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == contacts
    backup = tmp_path / "b.json"
    assert main(["backup", "--workbook", str(wb.path), "--out", str(backup)]) == 0
    assert f"Backed up {contacts} to" in capsys.readouterr().out
    again = tmp_path / "again.sqlite"
    assert main(["restore", "--workbook", str(again), "--yes", str(backup)]) == 0
    assert f"Restored {contacts} into" in capsys.readouterr().out


@ONE_TWO
def test_class_numbers_in_the_handout_and_protocol_check(tmp_path, monkeypatch, capsys, n):
    from infoview_lib.classroom.handout import handout_document
    from infoview_lib.export.markdown import render_markdown
    from infoview_lib.workbook.paths import DATA_DIR

    text = (DATA_DIR / "protocol.yaml").read_text(encoding="utf-8")
    text = re.sub(r"thank_you_within_hours: \d+", f"thank_you_within_hours: {n}", text)
    text = re.sub(r"list_aim: \d+", f"list_aim: {n}", text)
    protocol = tmp_path / "protocol.yaml"
    protocol.write_text(text, encoding="utf-8")
    (tmp_path / "questions.yaml").write_text(
        (DATA_DIR / "questions.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    monkeypatch.setenv("INFOVIEW_PROTOCOL", str(protocol))
    handout = render_markdown(handout_document())
    assert f"list {noun(n, 'person', 'people')} (stretch" in handout
    assert f"thank-you within {noun(n, 'hour', 'hours')}." in handout
    assert main(["protocol", "check", str(protocol)]) == 0
    assert f"thanks within {noun(n, 'hour', 'hours')};" in capsys.readouterr().out


@pytest.mark.parametrize("people", [1, 2])
def test_a_bridged_group_named_after_its_organisation(people):
    from infoview_lib.map.analysis import _part_name
    from infoview_lib.map.network import build_graph_from, simple_undirected
    from infoview_lib.workbook.model import Organization

    contacts = [Contact(id=i, first_name=f"P{i}", organization="Acme") for i in range(1, people + 1)]
    g = build_graph_from(contacts, [Organization(id=1, name="Acme"),
                                    Organization(id=2, name="Zenith")])
    part = {n for n in g.nodes if g.nodes[n].get("kind") in ("contact", "organization")}
    assert _part_name(g, simple_undirected(g), part) == (
        f"Acme ({noun(people, 'person', 'people')})")
