"""The network as GraphML or as nodes/edges CSV files, for Gephi, Kumu, yEd or a spreadsheet.

Both are flat: one simple graph (directed edges; "knows", "tie" and "works_at" have no
meaning in their direction), every attribute a string, integer, float or boolean (lists are
joined with "; "), missing values left out of GraphML and empty in CSV. Anonymised exports
replace names with the same pseudonyms as the map and leave out e-mails, phones, URLs,
notes and titles.

Example:
    >>> import tempfile, pathlib
    >>> from infoview_lib.workbook.store import open_workbook
    >>> from infoview_lib.workbook.model import Contact
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> wb = open_workbook(d / "w.sqlite"); _ = wb.add(Contact(first_name="Ada"))
    >>> import networkx as nx
    >>> sorted(nx.read_graphml(write_graphml(wb, d / "net.graphml")).nodes)
    ['c:1', 'ego']
"""

from __future__ import annotations

import csv
from pathlib import Path

import networkx as nx

from ..text import spreadsheet_safe
from ..workbook.errors import ExportError
from ..workbook.store import Workbook
from .network import build_graph
from .text import node_label

PRIVATE = ("organization", "title", "introduced_by")  # contact fields left out when anonymised


def _value(value):
    if isinstance(value, (list, tuple, set)):
        return "; ".join(str(v) for v in value)
    if isinstance(value, (bool, int, float, str)):
        return value
    return None if value is None else str(value)


def flat_graph(g, anonymize: bool = False) -> nx.DiGraph:
    """A simple directed graph with typed scalar attributes (parallel edges joined: the
    `kind` of a joined edge lists every relation, e.g. "tie; introduced")."""
    out = nx.DiGraph(name="infoview network")
    rename = {}
    if anonymize:  # organization ids contain the name: use the pseudonym's number instead
        rename = {n: "o:" + node_label(g, n, True).rsplit(" ", 1)[-1]
                  for n, k in g.nodes(data="kind") if k == "organization"}
    for original, data in g.nodes(data=True):
        node = rename.get(original, original)
        attrs = {"kind": data.get("kind", ""), "label": node_label(g, original, anonymize)}
        for key, value in data.items():
            if key in ("label", "pseudonym") or (anonymize and key in PRIVATE):
                continue
            if anonymize and data.get("kind") == "organization" and key == "industry":
                continue
            if anonymize and data.get("kind") == "target" and key == "organization":
                continue
            value = _value(value)
            if value is not None:
                attrs[key] = value
        out.add_node(node, **attrs)
    for u, v, data in g.edges(data=True):
        u, v = rename.get(u, u), rename.get(v, v)
        attrs = {k: _value(x) for k, x in data.items()
                 if _value(x) is not None and not (anonymize and k in ("note", "reason"))}
        if out.has_edge(u, v):
            old = out.edges[u, v]
            attrs["kind"] = f"{old['kind']}; {attrs['kind']}"
            attrs = {**old, **attrs}
        out.add_edge(u, v, **attrs)
    return out


def write_graphml(wb_or_graph, path, anonymize: bool = False) -> Path:
    """Write the network as GraphML (networkx.read_graphml reads it back, types kept)."""
    g = build_graph(wb_or_graph, anonymize) if isinstance(wb_or_graph, Workbook) else wb_or_graph
    flat = flat_graph(g, anonymize)
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        nx.write_graphml(flat, path, named_key_ids=True)
    except OSError as err:
        raise ExportError(f"Could not write {path} ({err.strerror or err}); check the folder "
                          "exists and you may write there.") from err
    return path


def _safe(value) -> str:
    text = "" if value is None else ("true" if value is True else "false" if value is False
                                     else str(value))
    return spreadsheet_safe(text)


def write_csv(wb_or_graph, folder, anonymize: bool = False, prefix: str = "network") -> list[Path]:
    """Write <prefix>-nodes.csv and <prefix>-edges.csv (Kumu and Gephi can import both).
    Cells that a spreadsheet would run as a formula are prefixed with a quote."""
    g = build_graph(wb_or_graph, anonymize) if isinstance(wb_or_graph, Workbook) else wb_or_graph
    flat = flat_graph(g, anonymize)
    folder = Path(folder)
    node_cols = ["id", "label", "kind"] + sorted(
        {k for _, d in flat.nodes(data=True) for k in d} - {"label", "kind"})
    edge_cols = ["source", "target", "kind"] + sorted(
        {k for *_, d in flat.edges(data=True) for k in d} - {"kind"})
    nodes_path, edges_path = folder / f"{prefix}-nodes.csv", folder / f"{prefix}-edges.csv"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with nodes_path.open("w", newline="", encoding="utf-8") as fh:
            writer = csv.writer(fh)
            writer.writerow(node_cols)
            for node, d in flat.nodes(data=True):
                writer.writerow([_safe(node)] + [_safe(d.get(c)) for c in node_cols[1:]])
        with edges_path.open("w", newline="", encoding="utf-8") as fh:
            writer = csv.writer(fh)
            writer.writerow(edge_cols)
            for u, v, d in flat.edges(data=True):
                writer.writerow([_safe(u), _safe(v)] + [_safe(d.get(c)) for c in edge_cols[2:]])
    except OSError as err:
        raise ExportError(f"Could not write to {folder} ({err.strerror or err}); check the "
                          "folder and that you may write there.") from err
    return [nodes_path, edges_path]


__all__ = ["flat_graph", "write_graphml", "write_csv"]
