"""A click that carries the form (ui/form_button.py), without a browser: what the browser
sends with a click on "Add as new target", "Save changes", "Remove" and "Save who I am" is
what gets saved, even when the boxes' own updates have not arrived (or arrive late)."""

from __future__ import annotations

from infoview_lib.ui.form_button import FormButton
from infoview_lib.ui.start import StartPanel
from infoview_lib.ui.targets import TargetsPanel
from infoview_lib.workbook.model import Target
from infoview_lib.workbook.profile import get_profile


def sent(*pairs) -> dict:
    """The values a click sends: {model_id: {"value" or "index": ...}}."""
    return {box.model_id: {key: value} for box, key, value in pairs}


def test_add_target_saves_the_text_sent_with_the_click(wb):
    panel = TargetsPanel(wb)
    panel.name.value = "Northwind Sola"  # the kernel had all but the last letter
    panel.add_button.receive(sent(
        (panel.name, "value", "Northwind Solar"), (panel.kind, "index", 1),
        (panel.keywords, "value", "solar, storage"), (panel.learn, "value", "How it started"),
        (panel.motivation, "index", 4), (panel.postings, "value", True)))
    target = wb.list(Target)[0]
    assert (target.name, target.kind, target.keywords, target.what_to_learn) == (
        "Northwind Solar", "company", ["solar", "storage"], "How it started")
    assert (target.motivation, target.postings) == (5, True)
    assert panel.name.value == "" and panel.keywords.value == ""  # empty for the next one
    assert "Added Northwind Solar" in panel.status.text


def test_save_and_remove_act_on_what_the_browser_showed(wb):
    panel = TargetsPanel(wb)
    for name in ("Solar energy", "UX research"):
        panel.add_button.receive(sent((panel.name, "value", name)))
    solar = next(t for t in wb.list(Target) if t.name == "Solar energy")
    panel.pick.value = solar.id
    panel.save_button.receive(sent((panel.name, "value", "Solar energy"),
                                   (panel.keywords, "value", "photovoltaic")))
    assert wb.get(Target, solar.id).keywords == ["photovoltaic"]
    ux_index = [v for _, v in panel.pick.options].index(
        next(t.id for t in wb.list(Target) if t.name == "UX research"))
    panel.remove_button.receive(sent((panel.pick, "index", ux_index)))  # picked just now
    assert [t.name for t in wb.list(Target)] == ["Solar energy"]


def test_profile_saves_the_text_sent_with_the_click(wb):
    panel = StartPanel(wb, check_environment=False)
    panel.profile["name"].value = "Sam Le"  # one keystroke still on its way
    panel.save_profile_button.receive(sent(
        (panel.profile["name"], "value", "Sam Lee"),
        (panel.profile["introduction"], "value", "a final-year history student"),
        (panel.profile["email"], "value", "sam@example.org")))
    profile = get_profile(wb)
    assert (profile.name, profile.introduction, profile.email) == (
        "Sam Lee", "a final-year history student", "sam@example.org")
    assert "written as Sam Lee" in panel.profile_status.text


def test_a_disabled_button_ignores_a_click_and_odd_messages_change_nothing(wb):
    panel = TargetsPanel(wb)
    assert panel.save_button.disabled  # nothing picked: nothing to save
    panel.save_button.receive(sent((panel.name, "value", "Ghost")))
    assert panel.name.value == "" and wb.list(Target) == []
    clicks = []
    button = FormButton("Go", "iv-go", fields=[panel.name, panel.kind])
    button.on_click(clicks.append)
    button._message(button, {"event": "click", "values": {
        panel.name.model_id: "not a dict", panel.kind.model_id: {"index": 99}}}, [])
    button._message(button, {"event": "something else"}, [])
    assert clicks == [button] and panel.name.value == "" and panel.kind.value == "field"
    assert "iv-go" in button._dom_classes and button.description == "Go"


def test_every_typed_box_travels_with_its_forms_buttons(wb):
    targets = TargetsPanel(wb)
    form = {targets.name, targets.kind, targets.motivation, targets.postings,
            targets.organization, targets.keywords, targets.learn}
    for button in (targets.add_button, targets.save_button):
        assert isinstance(button, FormButton) and set(button.fields) == form
    assert targets.remove_button.fields == [targets.pick]
    start = StartPanel(wb, check_environment=False)
    assert isinstance(start.save_profile_button, FormButton)
    assert start.save_profile_button.fields == list(start.profile.values())
