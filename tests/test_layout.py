"""The ego layout: deterministic, stable when one person is added, grouped sensibly."""

from __future__ import annotations

import math

import numpy as np

from infoview_lib.map.layout import ego_layout
from infoview_lib.map.network import build_graph, build_graph_from
from infoview_lib.workbook.model import Contact


def positions(wb):
    g = build_graph(wb)
    lay = ego_layout(g)
    return g, lay, {n: tuple(lay[n]) for n in lay.nodes}


def test_same_workbook_gives_identical_positions(maya):
    _, first, _ = positions(maya)
    _, second, _ = positions(maya)
    assert first.nodes == second.nodes
    assert np.array_equal(first.xy, second.xy)
    assert first["ego"].tolist() == [0.0, 0.0]


def test_order_of_adding_does_not_matter():
    people = [Contact(id=i, first_name=f"P{i:02d}", organization=f"Org {i % 3}",
                      tie_strength=("often", "occasionally", "rarely")[i % 3],
                      categories=[("friend", "club")[i % 2]]) for i in range(1, 40)]
    a = ego_layout(build_graph_from(people))
    b = ego_layout(build_graph_from(list(reversed(people))))
    assert all(np.array_equal(a[n], b[n]) for n in a.nodes)


def test_adding_one_contact_moves_only_its_sector_and_ring(maya):
    _, before_lay, before = positions(maya)
    # club holds 7 people, sized for 8 (step_up): one more keeps every sector's size
    new = maya.add(Contact(first_name="Zed", last_name="New", categories=["club"],
                           tie_strength="often", organization="Pixel & Pine Design Meetup"))
    g, after_lay, after = positions(maya)
    node = f"c:{new.id}"
    cell = (after_lay.sector_of(node), after_lay.ring_of(node))
    moved = [n for n in before if g.nodes[n]["kind"] == "contact" and before[n] != after[n]]
    assert cell == (before_lay.categories.index("club"), 0)  # club sector, inner ring
    assert before_lay.sector_spans == after_lay.sector_spans
    for n in moved:
        assert (after_lay.sector_of(n), after_lay.ring_of(n)) == cell
    others = [n for n in before if g.nodes[n]["kind"] == "contact" and n not in moved]
    assert len(others) > 40
    targets = [n for n in before if g.nodes[n]["kind"] == "target"]
    assert all(before[t] == after[t] for t in targets)


def test_rings_follow_tie_strength_and_introductions(maya):
    g, lay, _ = positions(maya)
    radius = {n: math.hypot(*lay[n]) for n in lay.nodes}

    def rings(tie=None, degree=1):
        return {lay.ring_of(n) for n, d in g.nodes(data=True) if d.get("kind") == "contact"
                and d["degree"] == degree and (tie is None or d["tie_strength"] == tie)}

    assert rings("often") == {0} and rings("occasionally") == {1} and rings("rarely") == {2}
    assert rings(degree=2) == {3} and rings(degree=3) == {3}  # the 'introduced' ring
    often = max(radius[n] for n, d in g.nodes(data=True) if d.get("tie_strength") == "often")
    rarely = min(radius[n] for n, d in g.nodes(data=True)
                 if d.get("tie_strength") == "rarely" and d.get("degree") == 1)
    assert often < rarely


def test_sectors_follow_protocol_order_and_colleagues_sit_together():
    people = [Contact(id=i, first_name=f"N{i:02d}", categories=["friend"], tie_strength="often",
                      organization=("Acme", "Zeta", "")[i % 3]) for i in range(1, 13)]
    people += [Contact(id=i, first_name=f"C{i}", categories=["classmate"], tie_strength="often")
               for i in range(13, 25)]
    g = build_graph_from(people, categories=["classmate", "friend", "other"])
    lay = ego_layout(g, categories=["classmate", "friend", "other"])
    assert {lay.sector_of(f"c:{i}") for i in range(1, 13)} == {1}
    assert lay.sector_names == ["classmate", "friend"]  # no room for an empty 'other'
    # clockwise order (descending angle) inside the cell: Acme people, then Zeta, then no org
    order = sorted(range(1, 13), key=lambda i: (-math.atan2(lay[f"c:{i}"][1],
                                                            lay[f"c:{i}"][0]) % (2 * math.pi)))
    orgs = [people[i - 1].organization for i in order]
    runs = [o for k, o in enumerate(orgs) if k == 0 or orgs[k - 1] != o]
    assert len(runs) == 3  # each organization one contiguous run
    # two sectors of 12: classmate clockwise from twelve o'clock (right half), then friend
    assert all(lay[f"c:{i}"][0] < 0 for i in range(1, 13))
    assert all(lay[f"c:{i}"][0] > 0 for i in range(13, 25))


def test_sectors_grow_with_their_people_and_an_import_gets_its_own_capped_group():
    people = [Contact(id=i, first_name=f"F{i}", categories=["friend"]) for i in range(1, 4)]
    people += [Contact(id=i, first_name=f"K{i}", categories=["club"]) for i in range(4, 40)]
    people += [Contact(id=i, first_name=f"I{i}") for i in range(40, 400)]  # imported, no part
    cats = ["friend", "club", "other"]
    lay = ego_layout(build_graph_from(people, categories=cats), categories=cats)
    assert lay.sector_names == ["friend", "club", "no part of life yet"]
    assert lay.sector_counts == [3, 36, 360]
    widths = [a - b for a, b in lay.sector_spans]
    share = [w / sum(widths) for w in widths]
    assert share[0] < share[1] and abs(share[2] - 0.30) < 1e-9  # capped: others keep room
    assert share[0] >= 0.04
    assert lay.sector_of("c:40") == len(cats)  # the no-category group, after the protocol's


def test_large_layout_is_finite_and_stays_in_its_circle():
    people = [Contact(id=i, first_name=f"P{i}", categories=[("friend", "club", "alumni")[i % 3]],
                      tie_strength=("often", "occasionally", "rarely")[i % 3],
                      organization=f"Org {i % 250}") for i in range(1, 3001)]
    lay = ego_layout(build_graph_from(people))
    assert np.isfinite(lay.xy).all()
    assert np.hypot(lay.xy[:, 0], lay.xy[:, 1]).max() <= lay.radius + 1e-9
    assert len(np.unique(lay.xy.round(6), axis=0)) == len(lay.nodes)
