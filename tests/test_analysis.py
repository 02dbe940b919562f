"""Plain-language analysis on small hand-built networks."""

from __future__ import annotations

import pytest

from infoview_lib.map.analysis import (
    bridges,
    counts,
    degree_two_reach,
    path_text,
    weak_ties_worth_activating,
    who_can_point_me_there,
)
from infoview_lib.map.network import build_graph
from infoview_lib.workbook.errors import NotFound
from infoview_lib.workbook.model import Contact, Target, Tie


@pytest.fixture
def people(wb):
    add = wb.add
    p = {
        "works": add(Contact(first_name="Wren", organization="Northwind", tie_strength="rarely",
                             categories=["alumni"])),
        "friend": add(Contact(first_name="Fay", tie_strength="often", categories=["friend"])),
        "field": add(Contact(first_name="Gil", notes="Used to work in northwind's supply chain",
                             tie_strength="occasionally", categories=["club"])),
        "intro": add(Contact(first_name="Ivo", tie_strength="often", categories=["relative"])),
        "none": add(Contact(first_name="Nia", tie_strength="often", categories=["friend"])),
    }
    p["referred"] = add(Contact(first_name="Rex", organization="Northwind",
                                introduced_by=p["intro"].id, categories=["other"]))
    wb.add(Tie(a=p["works"].id, b=p["friend"].id))
    wb.add(Target(name="Northwind", kind="company", organization="Northwind"))
    return p


def test_who_can_point_me_there_ranks_with_reasons_and_paths(wb, people):
    leads = who_can_point_me_there(wb, "northwind")
    names = [(lead.name, lead.kind) for lead in leads]
    assert names == [("Wren", "works_there"), ("Rex", "works_there"),
                     ("Fay", "knows_someone"), ("Gil", "in_field"), ("Ivo", "could_refer")]
    contact, reason, path = leads[0]  # unpacks as (contact, reason, path)
    assert contact == f"c:{people['works'].id}" and reason == "works at Northwind"
    assert path == ["ego", contact, "t:1"]
    g = build_graph(wb)
    rex = next(lead for lead in leads if lead.name == "Rex")
    assert path_text(g, rex.path) == "You → Ivo → Rex → Northwind"
    fay = next(lead for lead in leads if lead.name == "Fay")
    assert fay.reason == "knows Wren, who works at Northwind"
    assert "introduced you to Rex" in leads[-1].reason
    assert "Nia" not in [lead.name for lead in leads]


def test_who_can_point_me_there_unknown_target(wb, people):
    with pytest.raises(NotFound, match="No target called 'Mars'"):
        who_can_point_me_there(wb, "Mars")


def test_bridges_finds_the_one_person_joining_two_groups(wb):
    a = wb.add_many([Contact(first_name=n, organization="Alpha Club") for n in ("A1", "A2", "A3")])
    b = wb.add_many([Contact(first_name=n, organization="Beta Co") for n in ("B1", "B2", "B3")])
    link = wb.add(Contact(first_name="Linus", organization="Alpha Club"))
    wb.add(Tie(a=link.id, b=b[0].id))
    wb.add(Tie(a=a[0].id, b=a[1].id))
    found = bridges(wb)
    assert found[0].name == "Linus"
    assert found[0].reason.startswith("the only link between 2 groups")
    assert "Beta Co" in found[0].reason and "Alpha Club" in found[0].reason


def test_bridges_of_a_tiny_network_is_empty(wb):
    wb.add(Contact(first_name="Solo"))
    assert bridges(wb) == []


def test_weak_ties_worth_activating_are_occasional_or_rare_and_reach_a_target(wb, people):
    weak = weak_ties_worth_activating(wb)
    assert [(w.name, w.tie_strength) for w in weak] == [("Gil", "occasionally"),
                                                       ("Wren", "rarely")]
    assert weak[1].targets == ["Northwind"] and "rarely" in weak[1].reason


def test_counts_per_category_tie_strength_and_degree(wb, people):
    c = counts(wb)
    assert c["category"] == {"relative": 1, "friend": 2, "club": 1, "alumni": 1, "other": 1}
    assert list(c["category"])[:2] == ["friend", "relative"]  # protocol order
    assert c["tie_strength"] == {"often": 3, "occasionally": 1, "rarely": 1, "not set": 1}
    assert c["degree"] == {"1": 5, "2": 1}
    assert c["total"] == {"contacts": 6, "organizations": 1, "targets": 1, "referrals": 1}


def test_degree_two_reach_lists_people_introduced_by_contacts(wb, people):
    second = wb.add(Contact(first_name="Sol", introduced_by=people["referred"].id))
    reach = degree_two_reach(wb)
    assert [(r.name, r.via_name, r.degree) for r in reach] == [("Rex", "Ivo", 2),
                                                               ("Sol", "Rex", 3)]
    assert reach[1].contact == f"c:{second.id}"


def test_analysis_accepts_a_graph_too(wb, people):
    g = build_graph(wb)
    assert [lead.name for lead in who_can_point_me_there(g, "t:1")] == \
        [lead.name for lead in who_can_point_me_there(wb, "Northwind")]
