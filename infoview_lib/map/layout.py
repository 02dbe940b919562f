"""A deterministic ego-centred layout: no force simulation, so the picture never jumps.

You sit in the centre. Contacts sit on rings by tie strength (often inside, then
occasionally, then rarely or not set); people you were introduced to sit further out, one
ring per introduction. The circle is cut into equal sectors, one per category of the class
protocol, in protocol order. Inside one sector-and-ring cell people are sorted by
(organization, name, id), so colleagues sit together and the order does not depend on when
anyone was added; they are spread evenly over the cell, in several bands when it is crowded.
Adding one person therefore moves only people in the same cell. Organizations sit at the
middle of their members; targets sit on an outer circle.

Example:
    >>> from infoview_lib.workbook.model import Contact
    >>> from infoview_lib.map.network import build_graph_from
    >>> g = build_graph_from([Contact(id=1, first_name="Ada", tie_strength="often",
    ...                               categories=["friend"])], categories=["friend", "other"])
    >>> lay = ego_layout(g, categories=["friend", "other"])
    >>> lay["ego"].tolist(), lay.ring_of("c:1")
    ([0.0, 0.0], 0)
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from .network import EGO

TIE_RING = {"often": 0, "occasionally": 1, "rarely": 2, "": 2}
MAX_RING = 5
RING_STEP = 1.0
FIRST_RADIUS = 1.8
RING_WIDTH = 0.72
SPACING = 0.14  # below this distance along an arc, people are spread over several bands
PAD = 0.05  # fraction of a sector left empty on each side


@dataclass
class Layout:
    """Positions of the drawn nodes: `xy[i]` is the position of `nodes[i]`."""

    nodes: list[str]
    xy: np.ndarray
    ring: np.ndarray  # ring per node (-1: not a contact)
    sector: np.ndarray  # sector per node (-1: not a contact)
    categories: list[str]
    radius: float  # the circle the targets sit on

    def __post_init__(self):
        self.index = {n: i for i, n in enumerate(self.nodes)}

    def __getitem__(self, node: str) -> np.ndarray:
        return self.xy[self.index[node]]

    def __contains__(self, node: str) -> bool:
        return node in self.index

    def ring_of(self, node: str) -> int:
        return int(self.ring[self.index[node]])

    def sector_of(self, node: str) -> int:
        return int(self.sector[self.index[node]])

    @property
    def pos(self) -> dict[str, np.ndarray]:
        """A networkx-style {node: (x, y)} dict."""
        return dict(zip(self.nodes, self.xy, strict=False))


def ring_for(data: dict) -> int:
    """The ring of one contact node: by tie strength, or by introductions for referred people."""
    degree = data.get("degree", 1)
    if degree > 1:
        return min(MAX_RING, 2 + degree - 1)
    return TIE_RING.get(data.get("tie_strength", ""), 2)


def sort_key(node: str, data: dict) -> tuple:
    """Order inside a cell: organization (none last), then name, then id."""
    org = data.get("organization", "").casefold()
    return (org == "", org, data.get("label", "").casefold(), data.get("contact_id", 0), node)


def _place_cell(members: list[str], ring: int, a0: float, a1: float) -> np.ndarray:
    """Spread k people over the annular cell between angles a0..a1 of one ring."""
    k = len(members)
    r_mid = FIRST_RADIUS + ring * RING_STEP
    span = a1 - a0
    arc = r_mid * span
    bands = 1 if k * SPACING <= arc else max(2, math.ceil(math.sqrt(k * RING_WIDTH / arc)))
    bands = min(bands, max(1, k))
    cols = math.ceil(k / bands)
    i = np.arange(k)
    col, row = i // bands, i % bands
    angle = a1 - (col + 0.5) / cols * span  # clockwise, like reading a clock
    if bands == 1:
        offset = np.where(i % 2 == 0, -0.22, 0.22) * RING_WIDTH if k > 4 else np.zeros(k)
    else:
        offset = ((row + 0.5) / bands - 0.5) * RING_WIDTH
    r = r_mid + offset
    return np.column_stack([r * np.cos(angle), r * np.sin(angle)])


def ego_layout(g, categories: list[str] | None = None) -> Layout:
    """Positions for the ego, contacts, organizations with members, and targets."""
    if categories is None:
        from ..classroom.protocol import current_protocol

        categories = list(current_protocol().categories)
    categories = list(categories) or ["other"]
    sector_of = {c: i for i, c in enumerate(categories)}
    n_sectors = len(categories)
    width = 2 * math.pi / n_sectors

    cells: dict[tuple[int, int], list[tuple[tuple, str]]] = {}
    for node, data in g.nodes(data=True):
        if data.get("kind") != "contact":
            continue
        sector = sector_of.get(data.get("category"), n_sectors - 1)
        cells.setdefault((sector, ring_for(data)), []).append((sort_key(node, data), node))

    nodes, chunks, rings, sectors = [EGO], [np.zeros((1, 2))], [-1], [-1]
    for (sector, ring), members in sorted(cells.items()):
        members.sort()
        start = math.pi / 2 - sector * width  # sector 0 starts at twelve o'clock
        a1, a0 = start - PAD * width, start - width + PAD * width
        names = [n for _, n in members]
        chunks.append(_place_cell(names, ring, a0, a1))
        nodes += names
        rings += [ring] * len(names)
        sectors += [sector] * len(names)
    xy = np.concatenate(chunks) if chunks else np.zeros((0, 2))
    index = {n: i for i, n in enumerate(nodes)}
    max_ring = max(rings[1:], default=0)
    radius = FIRST_RADIUS + (max_ring + 1) * RING_STEP + 0.4

    org_xy, org_nodes = [], []
    for node, data in g.nodes(data=True):
        if data.get("kind") != "organization":
            continue
        members = sorted(index[u] for u, _, k in g.in_edges(node, data="kind")
                         if k == "works_at" and u in index)
        if members:
            org_nodes.append(node)
            org_xy.append(xy[members].mean(axis=0))
    targets = sorted((n for n, k in g.nodes(data="kind") if k == "target"),
                     key=lambda n: (g.nodes[n].get("target_id", 0), n))
    t_angle = math.pi / 2 - (np.arange(len(targets)) + 0.5) * 2 * math.pi / max(1, len(targets))
    t_xy = np.column_stack([radius * np.cos(t_angle), radius * np.sin(t_angle)])
    all_xy = np.concatenate([xy, np.array(org_xy).reshape(-1, 2), t_xy.reshape(-1, 2)])
    extra = len(org_nodes) + len(targets)
    return Layout(nodes + org_nodes + targets, all_xy,
                  np.array(rings + [-1] * extra), np.array(sectors + [-1] * extra),
                  categories, radius)


__all__ = ["Layout", "ego_layout", "ring_for", "sort_key", "TIE_RING"]
