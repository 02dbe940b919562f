"""The network graph built from small hand-made workbooks."""

from __future__ import annotations

import networkx as nx
import pytest

from infoview_lib.map.graph import MapGraph
from infoview_lib.map.network import build_graph, find_target, simple_undirected
from infoview_lib.workbook.errors import NotFound
from infoview_lib.workbook.model import Contact, Organization, Outreach, Target, Tie


@pytest.fixture
def small(wb):
    wb.add(Organization(name="Northwind Solar", industry="Renewable energy"))
    ada = wb.add(Contact(first_name="Ada", organization="Northwind Solar", tie_strength="rarely",
                         categories=["friend"]))
    bo = wb.add(Contact(first_name="Bo", title="Solar installer", tie_strength="often",
                        categories=["relative"]))
    cy = wb.add(Contact(first_name="Cy", notes="Writes about heat pumps", categories=["club"]))
    di = wb.add(Contact(first_name="Di", title="Deluxe baker", categories=["club"]))
    ed = wb.add(Contact(first_name="Ed", organization="Northwind Solar", introduced_by=bo.id))
    wb.add(Tie(a=ada.id, b=cy.id))
    wb.add_many([Outreach(contact_id=ed.id, status="sent"),
                 Outreach(contact_id=ed.id, status="replied")])
    wb.add(Target(name="Northwind Solar", kind="company", organization="Northwind Solar"))
    wb.add(Target(name="Clean energy", kind="industry", keywords=["Solar", "HEAT PUMP", "ux"]))
    return {"ada": ada, "bo": bo, "cy": cy, "di": di, "ed": ed}


def kinds(g):
    return sorted({k for *_, k in g.edges(data="kind")})



def test_map_graph_reads_like_the_networkx_multidigraph(wb, small):
    g = build_graph(wb)
    h = g.to_networkx()
    assert isinstance(h, nx.MultiDiGraph) and h.graph == g.graph
    assert list(g.nodes(data=True)) == list(h.nodes(data=True))
    assert list(g.nodes(data="kind")) == list(h.nodes(data="kind"))
    assert list(g.edges(data=True)) == list(h.edges(data=True))
    assert list(g.edges(data="kind")) == list(h.edges(data="kind"))
    assert list(g.edges) == list(h.edges()) and g.number_of_edges() == h.number_of_edges()
    for n in h:
        assert g.in_edges(n, data="kind") == list(h.in_edges(n, data="kind"))
        assert g.out_edges(n, data=True) == list(h.out_edges(n, data=True))
        assert g.in_degree(n) == h.in_degree(n)
        for m in h:
            assert g.has_edge(n, m) == h.has_edge(n, m)
    assert g.in_edges("nobody") == [] and "nobody" not in g and ["a"] not in g
    assert g.add_edge("ego", "x") == 0 and g.add_edge("ego", "x") == 1  # keys as networkx


def test_graph_has_every_kind_of_node_and_edge(wb, small):
    g = build_graph(wb)
    assert isinstance(g, MapGraph)
    node_kinds = {n: k for n, k in g.nodes(data="kind")}
    assert node_kinds["ego"] == "ego"
    assert node_kinds["o:northwind solar"] == "organization"
    assert sum(k == "contact" for k in node_kinds.values()) == 5
    assert kinds(g) == ["contact_target", "introduced", "knows", "org_target", "tie", "works_at"]
    ada, bo, ed = (f"c:{small[k].id}" for k in ("ada", "bo", "ed"))
    assert g.edges["ego", ada, "knows"]["tie_strength"] == "rarely"
    assert not g.has_edge("ego", ed)  # Ed is reached through Bo
    assert g.edges[bo, ed, "introduced"]["status"] == "replied"  # the latest outreach row
    assert not g.has_edge(ed, bo)  # introductions are directed
    assert g.nodes[ed]["degree"] == 2 and g.nodes[ada]["degree"] == 1
    assert g.has_edge(ed, "o:northwind solar", "works_at")


def test_target_matching_rules(wb, small):
    g = build_graph(wb)
    company, industry = "t:1", "t:2"
    ada, bo, cy, di, ed = (f"c:{small[k].id}" for k in ("ada", "bo", "cy", "di", "ed"))
    assert g.edges[ada, company, "contact_target"]["match"] == "works_there"
    assert g.edges[ed, company, "contact_target"]["reason"] == "works at Northwind Solar"
    assert g.edges[bo, industry, "contact_target"]["match"] == "works_there"  # title, casefolded
    assert g.edges[cy, industry, "contact_target"]["match"] == "in_field"  # notes, keyword
    assert not g.has_edge(di, industry)  # "ux" must start a word: "Deluxe" does not match
    assert g.has_edge("o:northwind solar", company, "org_target")


def test_deleted_contacts_and_their_edges_are_left_out(wb, small):
    wb.delete_contact(small["cy"].id)
    g = build_graph(wb)
    assert f"c:{small['cy'].id}" not in g
    assert "tie" not in kinds(g)


def test_simple_undirected_keeps_links_once(wb, small):
    h = simple_undirected(build_graph(wb))
    assert not h.is_directed() and not h.is_multigraph()
    assert h.has_edge(f"c:{small['ed'].id}", f"c:{small['bo'].id}")


def test_find_target_by_name_and_clear_error(wb, small):
    g = build_graph(wb)
    assert find_target(g, "clean ENERGY") == "t:2"
    assert find_target(g, "clean") == "t:2"
    with pytest.raises(NotFound, match="Your targets: Clean energy, Northwind Solar"):
        find_target(g, "Astronomy")


def test_empty_workbook_has_only_you(wb):
    g = build_graph(wb)
    assert list(g.nodes) == ["ego"] and g.number_of_edges() == 0


def test_anonymized_graph_carries_stable_pseudonyms(wb, small):
    first = build_graph(wb, anonymize=True)
    second = build_graph(wb, anonymize=True)
    ada = f"c:{small['ada'].id}"
    assert first.nodes[ada]["pseudonym"] == second.nodes[ada]["pseudonym"]
    assert first.nodes[ada]["pseudonym"].startswith("Person ")
    assert first.nodes["o:northwind solar"]["pseudonym"].startswith("Organization ")
    assert first.nodes["t:1"]["pseudonym"].endswith("(target)")


def test_target_words_match_by_stem_and_all_words(wb):
    from infoview_lib.map.network import build_graph
    from infoview_lib.workbook.model import Contact, Target

    analyst = wb.add(Contact(first_name="Ana", title="Senior Data Analyst"))
    manager = wb.add(Contact(first_name="Mo", title="Analytics Manager"))
    target = wb.add(Target(name="Data analysis", kind="field"))
    g = build_graph(wb)
    assert g.has_edge(f"c:{analyst.id}", f"t:{target.id}")
    assert not g.has_edge(f"c:{manager.id}", f"t:{target.id}")
