"""GraphML and nodes/edges CSV exports."""

from __future__ import annotations

import csv

import networkx as nx
import pytest

from infoview_lib.map.graph_files import write_csv, write_graphml
from infoview_lib.workbook.errors import ExportError
from infoview_lib.workbook.model import Contact


def test_graphml_reads_back_with_types(maya, tmp_path):
    path = write_graphml(maya, tmp_path / "net.graphml")
    g = nx.read_graphml(path)
    assert g.is_directed() and not g.is_multigraph()
    priya = next(d for _, d in g.nodes(data=True) if d.get("label") == "Priya Raman")
    assert priya["kind"] == "contact" and priya["categories"] == "classmate; friend"
    assert priya["can_interview"] is False and isinstance(priya["degree"], int)
    assert isinstance(priya["contact_id"], int) and priya["tie_strength"] == "often"
    kinds = {d["kind"] for *_, d in g.edges(data=True)}
    assert {"knows", "introduced", "tie", "works_at", "contact_target"} <= kinds
    # Chloé introduced Ava and they also know each other: one edge, both relations
    assert any(k in ("tie; introduced", "introduced; tie") for k in kinds)
    text = path.read_text(encoding="utf-8")
    assert text.count('edgedefault="directed"') == 1 and "edgedefault=\"undirected\"" not in text


def test_anonymised_graphml_and_csv_hold_no_names(maya, tmp_path):
    graphml = write_graphml(maya, tmp_path / "anon.graphml", anonymize=True)
    files = write_csv(maya, tmp_path, anonymize=True, prefix="anon")
    blob = "".join(p.read_text(encoding="utf-8") for p in [graphml, *files])
    for c in maya.contacts():
        for secret in (c.name, *c.emails, *c.phones, c.linkedin_url, c.organization):
            assert not secret or secret not in blob
    assert "Person " in blob and "Organization " in blob


def test_csv_nodes_and_edges_columns_and_formula_safety(wb, tmp_path):
    a = wb.add(Contact(first_name="=HYPERLINK(1)", categories=["friend", "club"]))
    nodes, edges = write_csv(wb, tmp_path)
    with nodes.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert [r["id"] for r in rows] == ["ego", f"c:{a.id}"]
    assert rows[1]["label"] == "'=HYPERLINK(1)" and rows[1]["categories"] == "friend; club"
    with edges.open(encoding="utf-8") as fh:
        header = next(csv.reader(fh))
    assert header[:3] == ["source", "target", "kind"]


def test_unwritable_place_gives_export_error(wb, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(ExportError, match="Could not write"):
        write_graphml(wb, blocker / "net.graphml")
