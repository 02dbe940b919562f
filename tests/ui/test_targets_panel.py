"""The step 2 panel without a browser: goals saved, targets added/edited/removed, leads shown,
contact-first stored, ways in for a target nobody leads to."""

from __future__ import annotations

import html

from infoview_lib.targets import contact_first, goals
from infoview_lib.ui.targets import TargetsPanel
from infoview_lib.workbook.model import Contact, Target


def test_blank_workbook(wb):
    panel = TargetsPanel(wb)
    assert "No targets yet" in panel.table.value
    assert panel.pick.value is None
    assert "list of people is empty" in panel.leads.value and "step 1" in panel.leads.value
    panel.save()
    assert "Pick a target" in panel.status.text


def test_people_but_no_target_says_to_add_one(wb):
    wb.add(Contact(first_name="Ada", organization="Acme"))
    panel = TargetsPanel(wb)
    assert "Add a target above" in panel.leads.value


def test_a_very_long_target_name_is_refused_and_nothing_is_stored(wb):
    panel = TargetsPanel(wb)
    panel.name.value = "x" * 500
    panel.add()
    assert "at most 80 characters" in panel.status.text and wb.list(Target) == []
    assert panel.name.value == "x" * 500   # what was typed stays in the box


def test_html_in_a_target_name_is_shown_as_text(wb):
    panel = TargetsPanel(wb)
    panel.name.value = "<script>alert(1)</script> 🚀"
    panel.add()
    assert "<script>" not in panel.table.value
    assert "&lt;script&gt;alert(1)&lt;/script&gt; 🚀" in panel.table.value


def test_goals_are_saved_on_change(wb):
    panel = TargetsPanel(wb)
    panel.goal_boxes["field"].value = True
    panel.goal_text.value = "What a researcher does all week."
    assert goals(wb) == {"kinds": ["field"], "what_to_learn": "What a researcher does all week."}
    again = TargetsPanel(wb)
    assert again.goal_boxes["field"].value and not again.goal_boxes["company"].value
    assert again.goal_text.value == "What a researcher does all week."


def test_add_edit_remove_a_target(wb):
    wb.add(Contact(first_name="Ada", organization="Acme"))
    panel = TargetsPanel(wb)
    panel.name.value, panel.kind.value, panel.motivation.value = "Acme", "company", 4
    panel.add()
    target = wb.list(Target)[0]
    assert (target.name, target.organization, target.motivation) == ("Acme", "Acme", 4)
    assert "Acme" in panel.table.value and "Ada" in panel.leads.value
    assert "works at Acme" in panel.leads.value and "You → Ada → Acme" in panel.leads.value
    assert panel.pick.value is None and panel.name.value == ""  # empty for the next one
    panel.pick.value = target.id
    panel.postings.value = True
    panel.keywords.value = "rockets, anvils"
    panel.save()
    assert wb.get(Target, target.id).postings and wb.get(Target, target.id).keywords == [
        "rockets", "anvils"]
    panel.pick.value = None
    panel.name.value = "Acme"
    panel.add()   # the same name again
    assert "already on your target list" in panel.status.text
    panel.pick.value = target.id
    panel.remove()
    assert wb.list(Target) == [] and "Removed Acme" in panel.status.text


def test_nobody_leads_there_shows_ways_in(wb):
    panel = TargetsPanel(wb)
    panel.name.value, panel.kind.value = "Tidewater Hydrogen", "company"
    panel.add()
    assert "Nobody on your list leads to" in panel.leads.value
    assert "iv-ways-in" in panel.leads.value and "alumni" in panel.leads.value
    assert panel.first.options == (("(not chosen)", None),)


def test_contact_first_is_stored_per_target(maya):
    panel = TargetsPanel(maya)
    ux = panel.pick.value
    lead_ids = [v for _, v in panel.first.options if v is not None]
    panel.first.value = lead_ids[1]
    assert contact_first(maya, ux).id == lead_ids[1]
    assert "first for UX research" in panel.status.text
    panel.pick.value = panel.pick.options[2][1]
    assert panel.first.value is None
    rebuilt = TargetsPanel(maya)
    assert rebuilt.first.value == lead_ids[1]


def test_listeners_hear_changes(wb):
    heard = []
    panel = TargetsPanel(wb)
    panel.on_change(lambda: heard.append(1))
    panel.name.value = "UX research"
    panel.add()
    assert heard == [1]


def test_link_map_follows_changes_and_pick(maya):
    from infoview_lib.ui.network_map import TargetMapPanel

    panel = TargetsPanel(maya)
    map_panel = TargetMapPanel(maya)
    panel.link_map(map_panel)
    panel.pick.value = panel.pick.options[3][1]
    assert map_panel.target.value == panel.pick.value
    panel.name.value = "Tidewater Hydrogen"
    panel.add()  # a target is shown: the form empties first, keeping only the typed name
    assert panel.pick.value is None and panel.name.value == "Tidewater Hydrogen"
    assert panel.keywords.value == "" and panel.learn.value == "" and not panel.postings.value
    assert "empty now for a new target" in panel.status.text
    panel.kind.value = "company"
    panel.add()
    assert "Tidewater Hydrogen" in [label for label, _ in map_panel.target.options]
    assert map_panel.target.label == "Tidewater Hydrogen"


def test_a_save_redraws_the_linked_map_once(maya):
    from infoview_lib.ui.network_map import TargetMapPanel

    panel = TargetsPanel(maya)
    map_panel = TargetMapPanel(maya)
    panel.link_map(map_panel)
    draws = []
    real_draw = map_panel.draw
    map_panel.draw = lambda: (draws.append(1), real_draw())
    panel.pick.value = panel.pick.options[3][1]
    assert draws == [1]
    draws.clear()
    panel.motivation.value = 1     # the target moves down the ranking
    panel.save()
    assert draws == [1] and map_panel.target.value == panel.pick.value


def test_contact_first_choices_are_cut_at_a_word(maya):
    from infoview_lib.text import shorten as _short

    text = ("Dolores Ibáñez: introduced you to Olusegun Bakare, who works as Head of Product "
            "Design")
    assert _short(text) == ("Dolores Ibáñez: introduced you to Olusegun Bakare, who works as "
                            "Head of Product…")
    assert _short(text, 70) == "Dolores Ibáñez: introduced you to Olusegun Bakare, who works as Head…"
    assert _short("Ada: works there") == "Ada: works there"
    panel = TargetsPanel(maya)
    assert all(len(label) <= 80 for label, _ in panel.first.options)


def test_edits_are_saved_when_another_target_is_picked(maya):
    panel = TargetsPanel(maya)
    first, second = panel.pick.options[1][1], panel.pick.options[2][1]
    panel.pick.value = first
    panel.learn.value = "Whether research roles take design graduates 🚀"
    panel.motivation.value = 2
    panel.pick.value = second
    stored = maya.get(Target, first)
    assert stored.what_to_learn == "Whether research roles take design graduates 🚀"
    assert stored.motivation == 2 and "Saved your changes" in panel.status.text
    assert panel.pick.value == second and panel.name.value == maya.get(Target, second).name


def test_a_typed_new_name_is_not_taken_as_a_rename(maya):
    panel = TargetsPanel(maya)
    first, second = panel.pick.options[1][1], panel.pick.options[2][1]
    name = maya.get(Target, first).name
    panel.pick.value = first
    panel.name.value = "Game design"
    panel.pick.value = second
    assert maya.get(Target, first).name == name
    said = html.unescape(panel.status.text)
    assert "You typed 'Game design'" in said and "'Add as new target'" in said


def test_two_targets_one_after_the_other_start_from_an_empty_form(wb):
    """Nothing of the first target carries over into the second (issue: 'Solar
    energyNorthwind Solar', keywords and what-to-learn kept silently)."""
    panel = TargetsPanel(wb)
    panel.name.value, panel.keywords.value = "Solar energy", "solar, storage"
    panel.learn.value, panel.postings.value = "How sites are chosen", True
    panel.add()
    assert (panel.name.value, panel.keywords.value, panel.learn.value,
            panel.postings.value) == ("", "", "", False)
    assert "Solar energy" in panel.leads.value  # the one just added is still shown below
    panel.name.value = "Northwind Solar"
    panel.add()
    second = wb.list(Target)[1]
    assert (second.name, second.keywords, second.what_to_learn, second.postings) == (
        "Northwind Solar", [], "", False)


def test_a_long_list_of_leads_shows_the_best_then_show_all(wb):
    wb.add_many([Contact(first_name=f"P{i}", organization="Acme") for i in range(30)])
    panel = TargetsPanel(wb)
    panel.name.value, panel.kind.value = "Acme", "company"
    panel.add()
    assert panel.leads.value.count("<li>") == 8 and "and 22 more" in panel.leads.value
    assert panel.all_leads.layout.display == "" and panel.all_leads.description == "show all 30"
    panel.all_leads.value = True
    assert panel.leads.value.count("<li>") == 30 and "more" not in panel.leads.value


def test_picking_a_target_clears_what_the_last_add_said(wb):
    panel = TargetsPanel(wb)
    panel.name.value = "Northwind Solar"
    panel.add()
    assert "Added Northwind Solar" in panel.status.text
    panel.pick.value = wb.list(Target)[0].id  # the form now shows it: "empty" is no longer true
    assert panel.status.text == "" and panel.name.value == "Northwind Solar"
