"""Step 2: goals, the LAMP-style ranking, advocacy from the network, contact-first, ways in."""

from __future__ import annotations

import pytest

from infoview_lib.targets import (
    FOCUS_SIZE,
    add_target,
    contact_first,
    current_focus,
    goals,
    ranked_targets,
    remove_target,
    set_contact_first,
    set_goals,
    update_target,
    ways_in,
    who_leads_there,
)
from infoview_lib.workbook.errors import NotFound, ValidationError
from infoview_lib.workbook.model import Contact, Organization, Target, Tie


def test_goals_round_trip_and_validation(wb):
    assert goals(wb) == {"kinds": [], "what_to_learn": ""}
    set_goals(wb, ["Field", "company"], "  What a researcher's week looks like. ")
    assert goals(wb) == {"kinds": ["company", "field"],
                         "what_to_learn": "What a researcher's week looks like."}
    with pytest.raises(ValidationError, match="industry, company and field"):
        set_goals(wb, ["hobby"])
    assert goals(wb)["kinds"] == ["company", "field"]


def test_add_update_remove_target(wb):
    t = add_target(wb, "Northwind Solar", kind="company", motivation=4)
    assert t.organization == "Northwind Solar"
    with pytest.raises(ValidationError, match="already on your target list"):
        add_target(wb, "northwind solar")
    with pytest.raises(ValidationError, match="1 \\(low\\) to 5"):
        add_target(wb, "Wind", motivation=9)
    other = add_target(wb, "Wind", kind="industry")
    with pytest.raises(ValidationError, match="already"):
        update_target(wb, other.id, name="Northwind Solar")
    assert update_target(wb, other.id, postings=True).postings is True
    remove_target(wb, other.id)
    assert [x.name for x in wb.list(Target)] == ["Northwind Solar"]
    assert list(wb.backups_dir.glob("*remove-target*"))


def test_ranking_motivation_then_postings_then_advocacy(wb):
    ada = wb.add(Contact(first_name="Ada", organization="Acme", tie_strength="often"))
    assert ada.id
    add_target(wb, "Zeta", kind="company", motivation=3, postings=True)
    add_target(wb, "Acme", kind="company", motivation=4, postings=False)   # Ada works there
    add_target(wb, "Beta", kind="company", motivation=4, postings=False)
    add_target(wb, "Gamma", kind="company", motivation=4, postings=True)
    add_target(wb, "Delta", kind="company", motivation=5, postings=False)
    rows = ranked_targets(wb)
    assert [r.target.name for r in rows] == ["Delta", "Gamma", "Acme", "Beta", "Zeta"]
    acme = rows[2]
    assert acme.advocacy and not rows[3].advocacy
    assert [(lead.name, lead.reason) for lead in acme.leads] == [("Ada", "works at Acme")]
    assert acme.leads[0].path_text == "You → Ada → Acme"


def test_top_five_are_the_focus(wb):
    for i in range(7):
        add_target(wb, f"Field {i}", motivation=5 - i % 5)
    rows = ranked_targets(wb)
    assert [r.focus for r in rows] == [True] * FOCUS_SIZE + [False] * 2
    assert [r.rank for r in rows] == list(range(1, 8))
    assert len(current_focus(wb)) == FOCUS_SIZE


def test_fields_only_student(wb):
    wb.add(Organization(name="Copperleaf Health", industry="Healthcare software"))
    hana = wb.add(Contact(first_name="Hana", organization="Copperleaf Health",
                          title="UX research lead"))
    friend = wb.add(Contact(first_name="Priya", tie_strength="often"))
    wb.add(Tie(a=hana.id, b=friend.id))
    set_goals(wb, ["field"], "What researchers do all week.")
    add_target(wb, "UX research", motivation=5, postings=True)
    add_target(wb, "Service design", motivation=3)
    rows = ranked_targets(wb)
    assert [r.target.name for r in rows] == ["UX research", "Service design"]
    leads = rows[0].leads
    assert [lead.name for lead in leads] == ["Hana", "Priya"]
    assert leads[1].kind == "knows_someone" and "Hana" in leads[1].reason
    assert leads[1].path == ("You", "Priya", "Hana", "UX research")
    assert rows[1].leads == [] and not rows[1].advocacy


def test_ways_in_for_a_target_nobody_leads_to(wb):
    t = add_target(wb, "Tidewater Hydrogen", kind="company")
    assert who_leads_there(wb, t) == []
    ideas = " ".join(ways_in(t)).lower()
    for word in ("alumni", "event", "club", "do you know anyone at tidewater hydrogen"):
        assert word in ideas
    field_ideas = " ".join(ways_in(Target(name="Energy policy", kind="field")))
    assert "in energy policy" in field_ideas


def test_contact_first_pick(wb):
    ada = wb.add(Contact(first_name="Ada", organization="Acme"))
    t = add_target(wb, "Acme", kind="company")
    assert contact_first(wb, t.id) is None
    set_contact_first(wb, t.id, ada.id)
    assert contact_first(wb, t.id).name == "Ada"
    with pytest.raises(NotFound):
        set_contact_first(wb, t.id, 999)
    wb.delete_contact(ada.id)
    assert contact_first(wb, t.id) is None
    set_contact_first(wb, t.id, None)
    assert wb.setting("contact_first") == {}


def test_removing_a_target_forgets_its_pick(wb):
    ada = wb.add(Contact(first_name="Ada"))
    t = add_target(wb, "Acme", kind="company")
    set_contact_first(wb, t.id, ada.id)
    remove_target(wb, t.id)
    assert wb.setting("contact_first") == {}


def test_persona_maya(maya):
    rows = ranked_targets(maya)
    assert [r.target.name for r in rows][:2] == ["UX research", "Interaction design"]
    assert all(r.advocacy for r in rows)
    ux = rows[0]
    names = [lead.name for lead in ux.leads]
    assert "Lucía Romero" in names and "Hana Sato" in names


def test_a_company_target_points_at_its_own_name_everywhere(wb):
    from infoview_lib.map.network import build_graph, org_node, target_node
    from infoview_lib.workbook.model import Contact, target_organization

    assert target_organization(" Northwind Solar ", "company") == "Northwind Solar"
    assert target_organization("Solar energy", "industry") == ""
    assert target_organization("Northwind", "company", "Northwind Solar Ltd") == "Northwind Solar Ltd"
    company = add_target(wb, "Northwind Solar", kind="company")
    field = add_target(wb, "UX research", kind="field")
    assert (company.organization, field.organization) == ("Northwind Solar", "")
    wb.add(Contact(first_name="Ada", last_name="Example", organization="northwind solar"))
    g = build_graph(wb)
    assert g.has_edge(org_node("northwind solar"), target_node(company.id))


def test_a_target_form_becomes_fields_and_only_real_edits_count(wb):
    from infoview_lib.targets import target_form, unsaved_changes

    form = target_form("Northwind Solar", "company", 4, True, "  ", " cheap power ",
                       "solar, ,storage ")
    assert form == dict(name="Northwind Solar", kind="company", motivation=4, postings=True,
                        organization="Northwind Solar", what_to_learn="cheap power",
                        keywords=["solar", "storage"])
    target = add_target(wb, **form)
    assert unsaved_changes(target, form) == {}
    renamed = dict(form, name="Southwind", motivation=2)
    assert unsaved_changes(target, renamed) == {"motivation": 2}   # a new name is no rename
    as_field = target_form("Northwind Solar", "field", 4, True, "", "cheap power", "solar")
    assert unsaved_changes(target, as_field) == {"kind": "field", "organization": "",
                                                 "keywords": ["solar"]}
