"""The step-1 panel without a browser: prompts, quick add, bulk paste, edit, delete/undo,
upload via FileUpload.set_state, listeners; and the notebook driven by probe cells."""

from __future__ import annotations

import html
from pathlib import Path

from notebook_runner import NOTEBOOKS, cell_text, error_outputs, run_notebook

from infoview_lib.classroom.protocol import current_protocol
from infoview_lib.ui.who_you_know import WhoYouKnowPanel
from infoview_lib.workbook.model import Contact
from infoview_lib.workbook.store import open_workbook

FIX = Path(__file__).resolve().parent.parent / "fixtures" / "contacts"


def upload(panel, *names):
    files = []
    for name in names:
        data = (FIX / name).read_bytes()
        files.append({"name": name, "type": "text/csv", "size": len(data),
                      "content": memoryview(data), "last_modified": 1700000000000})
    panel.upload.set_state({"value": files})


def names(wb):
    return [c.name for c in wb.contacts()]


def test_prompts_one_at_a_time_and_remembered(wb):
    prompts = current_protocol().prompts
    panel = WhoYouKnowPanel(wb)
    assert prompts[0]["prompt"] in panel.prompt_html.value
    assert f"1 of {len(prompts)}" in panel.prompt_html.value
    panel.next_button.click()
    assert prompts[1]["prompt"] in panel.prompt_html.value
    assert panel.quick.category == prompts[1]["category"]
    panel.prev_button.click()
    panel.prev_button.click()  # wraps to the last prompt
    assert prompts[-1]["prompt"] in panel.prompt_html.value
    assert prompts[-1]["prompt"] in WhoYouKnowPanel(wb).prompt_html.value


def test_quick_add_with_button_and_enter(wb):
    calls, sent = [], []
    panel = WhoYouKnowPanel(wb)
    panel.quick.send = sent.append  # what goes back to the browser
    panel.on_change(lambda: calls.append("changed"))
    protocol = current_protocol()
    assert "<b class='iv-count-number'>0</b>" in panel.count_html.value
    assert f"aim for {protocol.list_aim}, stretch to {protocol.list_stretch}" in \
        panel.count_html.value
    assert panel.quick.category == protocol.prompts[0]["category"]
    panel.quick.submit(name="Ada Example", organization="Acme")
    panel.quick.submit(name="Bo Chen")
    assert names(wb) == ["Ada Example", "Bo Chen"]
    assert wb.contacts()[0].organization == "Acme"
    assert wb.contacts()[0].categories == [protocol.prompts[0]["category"]]
    assert sent == []  # added: the browser emptied the boxes when it sent them
    panel.quick.submit(name="Ada Example", organization="Acme")  # refused: the text goes back
    assert sent == [{"event": "refused", "fields": {
        "name": "Ada Example", "organization": "Acme", "title": "",
        "category": protocol.prompts[0]["category"], "anyway": False}}]
    assert names(wb) == ["Ada Example", "Bo Chen"]
    assert "<b class='iv-count-number'>2</b>" in panel.count_html.value
    assert panel.count_bar.value == 2
    assert "Bo Chen" in panel.people_html.value
    assert calls == ["changed", "changed"]
    assert panel.listeners and callable(panel.listeners[0])


def test_the_typed_text_travels_with_the_click(wb):
    """What the browser sends on a click or Enter: all the boxes in one message, so a fast
    click can never add a person without the last letters typed."""
    panel = WhoYouKnowPanel(wb)
    panel.quick._handle_custom_msg({"event": "add", "fields": {
        "name": "Cy Diaz", "organization": "Northwind Solar", "title": "Site engineer",
        "category": "", "anyway": False}}, [])
    assert [(c.name, c.organization, c.title) for c in wb.contacts()] == [
        ("Cy Diaz", "Northwind Solar", "Site engineer")]
    panel.quick._handle_custom_msg({"event": "add", "fields": {"name": "  "}}, [])
    assert "Type a name" in panel.status.text and len(wb.contacts()) == 1


def test_duplicate_warning(wb):
    panel = WhoYouKnowPanel(wb)
    panel.quick.submit(name="Ada Example")
    panel.quick.submit(name="Dr. ada example")
    assert names(wb) == ["Ada Example"]
    assert "already on your list" in panel.status.text
    panel.quick.submit(name="Dr. ada example", anyway=True)
    assert len(wb.contacts()) == 2 and "looks like" in panel.status.text
    panel.quick.submit(name="")
    assert "Type a name" in panel.status.text and "iv-error" in panel.status.text
    assert panel.looks_like("Ada Exampel") == ["Ada Example", "Dr. ada example"]


def test_bulk_paste_preview_then_confirm(wb):
    wb.add(Contact(first_name="Ada", last_name="Example"))
    panel = WhoYouKnowPanel(wb)
    assert panel.confirm_button.disabled
    panel.bulk_text.value = "Bo Chen, Northwind Solar, Intern\nAda Example\nCy Diaz\n"
    panel.preview_button.click()
    assert "iv-bulk-duplicate" in panel.bulk_preview.value
    assert "<b>2</b> new of 3 lines" in panel.bulk_preview.value
    assert len(wb.contacts()) == 1
    panel.confirm_button.click()
    assert names(wb) == ["Ada Example", "Bo Chen", "Cy Diaz"]
    assert wb.contacts()[1].title == "Intern"
    assert panel.bulk_text.value == "" and panel.confirm_button.disabled
    assert "Added 2 people" in panel.paste_status.text and panel.status.text == ""


def test_edit_details_saves_at_once(wb):
    ada, bo = wb.add_many([Contact(first_name="Ada", last_name="Example"),
                           Contact(first_name="Bo", last_name="Chen")])
    panel = WhoYouKnowPanel(wb)
    panel.person.value = bo.id
    panel.detail_categories.value = ("friend", "club")
    panel.tie.value = "rarely"
    panel.can_interview.value = True
    panel.can_refer.value = True
    panel.introduced_by.value = ada.id
    panel.notes.value = "Plays in the Sunday league"
    panel.detail_title.value = "Goalkeeper"
    saved = wb.get(Contact, bo.id)
    assert (saved.categories, saved.tie_strength, saved.can_interview, saved.can_refer,
            saved.introduced_by, saved.notes, saved.title) == (
        ["friend", "club"], "rarely", True, True, ada.id, "Plays in the Sunday league",
        "Goalkeeper")
    assert "Granovetter" in panel.tie_help.value and "17%" in panel.tie_help.value
    panel.person.value = ada.id
    assert panel.tie.value == "" and panel.notes.value == ""
    panel.introduced_by.value = ada.id
    assert "cannot introduce themselves" in panel.editor_status.text
    assert wb.get(Contact, ada.id).introduced_by is None
    panel.person.value = bo.id
    assert panel.notes.value == "Plays in the Sunday league"  # loaded back from the workbook
    assert "Ada Example" in panel.people_html.value and "rarely" in panel.people_html.value


def test_delete_asks_first_then_undo_next_to_the_button(wb):
    ada = wb.add(Contact(first_name="Ada", last_name="Example"))
    panel = WhoYouKnowPanel(wb)
    calls = []
    panel.on_change(lambda: calls.append(1))
    panel.person.value = ada.id
    panel.delete_button.click()
    assert names(wb) == ["Ada Example"]  # nothing yet: the question is asked next to the button
    assert "Delete Ada Example?" in panel.confirm_text.value
    assert panel.confirm_box.layout.display == "flex"
    row = next(c for c in panel.widget.children if panel.delete_button in getattr(c, "children", ()))
    assert row.children == (panel.delete_button, panel.confirm_box, panel.undo_button)
    panel.no_button.click()
    assert names(wb) == ["Ada Example"] and "Nobody was deleted" in panel.editor_status.text
    panel.delete_button.click()
    panel.yes_button.click()
    assert wb.contacts() == [] and not panel.undo_button.disabled
    assert panel.confirm_box.layout.display == "none"
    assert "Deleted Ada Example" in panel.editor_status.text and panel.status.text == ""
    assert "Ada" not in panel.people_html.value
    panel.undo_button.click()
    assert names(wb) == ["Ada Example"] and panel.undo_button.disabled
    assert panel.person.value == ada.id
    assert len(calls) == 2


def test_a_second_quick_delete_never_deletes_someone_else(wb):
    ada, bo, cy = wb.add_many([Contact(first_name=n, last_name="Example")
                               for n in ("Ada", "Bo", "Cy")])
    panel = WhoYouKnowPanel(wb)
    panel.person.value = bo.id
    panel.delete_button.click()
    panel.yes_button.click()
    panel.yes_button.click()  # a second click 0.3 s later: the question was about Bo only
    panel.delete_button.click()  # now asks about whoever is shown, by name
    assert names(wb) == ["Ada Example", "Cy Example"]
    assert f"Delete {wb.get(Contact, panel.person.value).name}?" in panel.confirm_text.value
    panel.person.value = cy.id  # picking someone else withdraws the question
    assert panel.confirm_box.layout.display == "none"
    panel.yes_button.click()
    assert names(wb) == ["Ada Example", "Cy Example"]


def test_a_change_made_in_another_notebook_refreshes_before_acting(wb):
    """Another notebook (its own connection) replaces everyone: a click here refreshes the
    panel and says so instead of acting on a person who is no longer the one shown."""
    ada = wb.add(Contact(first_name="Ada", last_name="Example"))
    panel = WhoYouKnowPanel(wb)
    panel.person.value = ada.id
    with open_workbook(wb.path) as other:
        other.delete_contact(ada.id)
        other.add(Contact(first_name="Priya", last_name="Raman"))
    panel.delete_button.click()
    assert "changed in another notebook" in panel.editor_status.text
    assert panel.confirm_box.layout.display == "none"
    assert "Priya Raman" in panel.people_html.value and "Ada" not in panel.people_html.value
    assert "<b class='iv-count-number'>1</b>" in panel.count_html.value
    assert wb.get(Contact, panel.person.value).name == "Priya Raman"
    panel.delete_button.click()  # now it asks about the person shown
    assert "Delete Priya Raman?" in panel.confirm_text.value


def test_upload_linkedin_then_again(wb):
    panel = WhoYouKnowPanel(wb)
    calls = []
    panel.on_change(lambda: calls.append(1))
    upload(panel, "linkedin_current.csv")
    assert len(wb.contacts()) == 10
    summary = panel.import_summary.value
    assert "<b>Added 10</b>" in summary and "Skipped 2; problems 0" in summary
    assert "line 7" in summary  # 03/04/2024 is read month-first, as 12/25/2023 shows
    assert "1 possible duplicate</b> was kept apart" in summary  # the two Sam Lees
    assert panel.import_progress.value == 1.0
    assert panel.upload.value == ()
    assert "<b class='iv-count-number'>10</b>" in panel.count_html.value
    assert "Import done: 10 added." in panel.import_status.text  # no "merged 0"
    upload(panel, "linkedin_current.csv", "vcard40.vcf")
    assert "<b>Added 2</b>" in panel.import_summary.value
    # the same ten again, with no new detail: said so, not "merged"
    assert "<b>10 already listed</b> (nothing new about them)" in panel.import_summary.value
    assert "10 already on your list (nothing new about them)" in panel.import_status.text
    assert len(wb.contacts()) == 12 and calls == [1, 1]


def test_upload_with_a_bad_file_imports_the_others_and_names_it(wb):
    panel = WhoYouKnowPanel(wb)
    upload(panel, "linkedin_legacy.csv", "not_contacts.png")
    assert len(wb.contacts()) == 2  # one unreadable file no longer stops the others
    assert "Not imported: not_contacts.png" in panel.import_summary.value


def test_upload_of_only_a_bad_file_changes_nothing(wb):
    panel = WhoYouKnowPanel(wb)
    upload(panel, "not_contacts.png")
    assert wb.contacts() == []
    assert "not_contacts.png" in panel.import_status.text and "iv-error" in panel.import_status.text
    assert "Nothing was imported" in panel.import_summary.value


def upload_bytes(panel, name, data):
    panel.upload.set_state({"value": [{"name": name, "type": "", "size": len(data),
                                       "content": memoryview(data),
                                       "last_modified": 1700000000000}]})


def test_bad_uploads_say_why_by_the_button_and_change_nothing(maya):
    panel = WhoYouKnowPanel(maya)
    before = maya.to_json()
    cases = {"cv.pdf": (b"%PDF-1.4\n1 0 obj <<>> endobj\n", "is a PDF document"),
             "empty.csv": (b"", "is empty"),
             "grades.csv": (b"student,course,grade\nAda,Maths,A\n", "Could not tell")}
    for name, (data, why) in cases.items():
        upload_bytes(panel, name, data)
        summary = panel.import_summary.value
        assert "Nothing was imported." in summary and why in summary and name in summary
        assert why in panel.import_status.text and "iv-error" in panel.import_status.text
        assert panel.upload.value == ()
    assert maya.to_json() == before


def test_a_file_that_yields_nobody_warns_and_opens_its_problems(wb):
    panel = WhoYouKnowPanel(wb)
    upload_bytes(panel, "cut.vcf", b"BEGIN:VCARD\nVERSION:3.0\nFN:Ada Example\n")
    assert wb.contacts() == []
    assert "iv-warn" in panel.import_status.text and "Nobody was imported" in panel.import_status.text
    assert "<details open><summary>Problems (1)" in panel.import_summary.value


def test_one_person_is_counted_in_the_singular(wb):
    panel = WhoYouKnowPanel(wb)
    panel.quick.send = lambda message: None  # what goes back to the browser
    panel.quick.submit(name="Ada Example")
    assert "<b class='iv-count-number'>1</b> person listed" in panel.count_html.value


def test_blank_workbook_points_to_the_first_prompt(wb):
    panel = WhoYouKnowPanel(wb)
    assert "<b class='iv-count-number'>0</b> people listed" in panel.count_html.value
    aim, stretch = current_protocol().list_aim, current_protocol().list_stretch
    assert f"aim for {aim}, stretch to {stretch}" in panel.count_html.value
    assert "type a name under 'Add one person'" in panel.people_html.value
    assert "Add someone above first" in panel.editor_hint.value
    assert panel.delete_button.disabled and panel.tie.disabled
    panel.quick.submit(name="Ada Example")
    assert panel.editor_hint.value == "" and not panel.tie.disabled
    for box in (panel.detail_org, panel.introduced_by, panel.person, panel.tie):
        assert box.style.description_width == "8em"  # "Organization", "Introduced by" fit


def test_introduced_by_lists_everyone_sorted_and_refuses_oneself(maya):
    panel = WhoYouKnowPanel(maya)
    labels = [label for label, _ in panel.introduced_by.options]
    assert labels[0] == "(nobody)" and len(labels) == len(maya.contacts()) + 1
    assert labels[1:] == sorted(labels[1:], key=str.casefold)
    me = panel.person.value
    panel.introduced_by.value = me
    assert "cannot introduce themselves" in panel.editor_status.text
    assert maya.get(Contact, me).introduced_by != me
    assert "Granovetter" in panel.tie_help.value and "at least twice a week" in panel.tie_help.value


def test_search_filters_table(maya):
    panel = WhoYouKnowPanel(maya)
    someone = maya.contacts()[3]
    panel.search.value = someone.name
    assert someone.name in panel.people_html.value
    assert panel.people_html.value.count("<tr>") == 2  # header and the one match
    assert panel.person.value == someone.id
    panel.search.value = ""
    assert panel.people_html.value.count("<tr>") == len(maya.contacts()) + 1
    panel.search.value = "Nobody By This Name"
    assert ("Nobody on your list matches (name contains 'Nobody By This Name')"
            in panel.people_html.value)
    assert "clear the search" in panel.editor_hint.value


def test_notebook_quick_add_and_upload(tmp_path):
    data = (FIX / "linkedin_legacy.csv").read_bytes()
    env = {"INFOVIEW_WORKBOOK": str(tmp_path / "wb.sqlite")}
    nb = run_notebook(NOTEBOOKS / "01_who_you_know.ipynb", env, probes=[
        "panel.quick.submit(name='Ada Example'); print(panel.status.text)",
        f"panel.upload.set_state({{'value': [{{'name': 'c.csv', 'type': 'text/csv', "
        f"'size': {len(data)}, 'content': {data!r}, 'last_modified': 0}}]}}); "
        "print(len(wb.contacts()))",
    ])
    assert error_outputs(nb) == []
    added, count = (cell_text(c) for c in nb.cells[-2:])
    assert "Added Ada Example." in added
    assert count.strip() == "3"
    with open_workbook(tmp_path / "wb.sqlite") as wb:
        assert [c.name for c in wb.contacts()] == ["Ada Example", "Olusegun Bámidélé",
                                                  "Grace Ndlovu"]


def linkedin_csv(rows: int) -> bytes:
    lines = ["First Name,Last Name,URL,Email Address,Company,Position,Connected On"]
    lines += [f"Person{i},Imported{i},https://www.linkedin.com/in/p{i}-fict,,"
              f"{'Acme' if i % 3 == 0 else 'Northwind Solar'},Analyst,07 Mar 2024"
              for i in range(rows)]
    return ("\n".join(lines) + "\n").encode()


def test_bulk_set_part_of_life_for_an_import_then_undo(wb):
    wb.add(Contact(first_name="Already", last_name="Sorted", categories=["friend"]))
    panel = WhoYouKnowPanel(wb)
    panel.import_files([("Connections.csv", linkedin_csv(300))])
    assert len(wb.contacts()) == 301
    assert panel.bulk.organization.options[1] == ("Northwind Solar (200)", "Northwind Solar")
    calls = []
    panel.on_change(lambda: calls.append(1))
    before = {c.id: c for c in wb.contacts()}

    panel.bulk.without.value = True
    assert "Chosen: <b class='iv-bulk-count-number'>300</b> of 301 people (" in panel.bulk.count.value
    assert "Already Sorted" not in panel.people_html.value
    panel.bulk.category.value = "co-worker"
    assert panel.bulk.apply_button.description == "Set for these 300 people"
    panel.bulk.apply_button.click()
    assert "Changed 300 people" in panel.bulk.status.text
    assert calls == [1]  # the map redraws once, not 300 times
    assert all(c.categories == ["co-worker"] for c in wb.contacts() if c.id != 1)
    assert wb.get(Contact, 1).categories == ["friend"]
    assert list(wb.backups_dir.glob("*.bulk-edit.sqlite"))
    assert "Nobody on your list matches (no part of life yet)" in panel.people_html.value
    assert panel.bulk.apply_button.disabled  # nobody left to change
    assert "untick 'no part of life yet' to see them" in html.unescape(panel.bulk.status.text)
    assert panel.person.value is None and panel.detail_org.disabled
    assert (panel.detail_org.value, panel.detail_title.value) == ("", "")  # nobody's values

    panel.bulk.undo_button.click()
    assert "Undone: 300 people" in panel.bulk.status.text
    assert calls == [1, 1]
    assert {c.id: c for c in wb.contacts()} == before
    assert panel.bulk.undo_button.disabled
    assert "<b class='iv-bulk-count-number'>300</b>" in panel.bulk.count.value


def test_bulk_by_search_and_organization_keeps_other_categories(maya):
    panel = WhoYouKnowPanel(maya)
    org = panel.bulk.organization.options[1][1]  # the organization with most people
    at_org = [c for c in maya.contacts() if c.organization == org]
    assert len(at_org) > 1
    panel.bulk.organization.value = org
    panel.bulk.tie.value = "rarely"
    panel.bulk.category.value = "club"
    panel.bulk.apply_button.click()
    for person in at_org:
        after = maya.get(Contact, person.id)
        assert after.tie_strength == "rarely"
        assert after.categories == person.categories + (
            [] if "club" in person.categories else ["club"])
    panel.bulk.organization.value = ""
    panel.search.value = "zzz nobody"
    panel.bulk.apply()  # the button is disabled; the handler still says why
    assert "Nobody is listed (name contains 'zzz nobody')" in html.unescape(panel.bulk.status.text)


def test_bulk_without_a_choice_says_what_to_pick(maya):
    panel = WhoYouKnowPanel(maya)
    snapshot = maya.to_json()
    panel.bulk.apply_button.click()
    assert "Pick a part of life to add" in panel.bulk.status.text
    assert maya.to_json() == snapshot


def test_a_person_typed_in_after_a_big_import_is_listed_and_can_be_picked(wb):
    for i in range(250):  # more than the table and picker list
        wb.add(Contact(first_name=f"Imported{i}", last_name="Person"))
    panel = WhoYouKnowPanel(wb)
    panel.quick.send = lambda _message: None
    panel.quick.submit(name="Zoe Late", organization="Acme")
    zoe = next(c for c in wb.contacts() if c.name == "Zoe Late")
    assert "Zoe Late" in panel.people_html.value
    assert panel.people_html.value.index("Zoe Late") < panel.people_html.value.index("Imported249")
    assert "find the other 51" in panel.people_html.value
    assert zoe.id in {value for _, value in panel.person.options}
