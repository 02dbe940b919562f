"""A small directed multigraph with the part of networkx's MultiDiGraph API the map uses.

Importing networkx and filling a MultiDiGraph cost more than half a second before the map
of 20,000 people could start; the map only needs nodes with attributes and typed edges.
`MapGraph` keeps them in the same dictionaries networkx does (`_node`, `_succ`, `_pred`:
node -> neighbour -> key -> attributes), so it iterates in the same order and reads the
same way (`g.nodes[n]`, `g.nodes(data="kind")`, `g.edges(data=True)`, `g.edges[u, v, k]`,
`g.in_edges(n)`, `g.has_edge(u, v)`). `to_networkx()` gives the real thing for the
analyses that need graph algorithms (betweenness, articulation points).

Example:
    >>> g = MapGraph(name="demo")
    >>> g.add_node("a", kind="ego"); g.add_edge("a", "b", "knows", kind="knows")
    'knows'
    >>> list(g.nodes(data="kind")), g.edges["a", "b", "knows"], g.has_edge("b", "a")
    ([('a', 'ego'), ('b', None)], {'kind': 'knows'}, False)
"""

from __future__ import annotations

import contextlib
import gc


@contextlib.contextmanager
def gc_paused():
    """No garbage collection passes inside (restored after). Building 20,000 nodes and
    50,000 edges allocates so many dictionaries that Python ran ~750 collections, a sixth
    of the whole `infoview graph` run; plain dictionaries hold no cycles to collect.

    >>> with gc_paused():
    ...     gc.isenabled()
    False
    """
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


class _NodeView:
    """g.nodes: iterate, `in`, len, `[node]` (its attributes), call with data=."""

    def __init__(self, nodes: dict):
        self._nodes = nodes

    def __iter__(self):
        return iter(self._nodes)

    def __len__(self):
        return len(self._nodes)

    def __contains__(self, node):
        return node in self._nodes

    def __getitem__(self, node):
        return self._nodes[node]

    def __call__(self, data=False, default=None):
        if data is False:
            return iter(self._nodes)
        if data is True:
            return iter(self._nodes.items())
        return ((n, d.get(data, default)) for n, d in self._nodes.items())


class _EdgeView:
    """g.edges: call with data= (u, v[, data]); `[u, v, key]` gives the attributes."""

    def __init__(self, succ: dict):
        self._succ = succ

    def __getitem__(self, edge):
        u, v, key = edge
        return self._succ[u][v][key]

    def __iter__(self):
        return self()

    def __call__(self, nbunch=None, data=False, keys=False, default=None):
        return _edges(self._succ, nbunch, data, keys, default, reverse=False)


def _edges(adj, nbunch, data, keys, default, reverse):
    if nbunch is None:
        nodes = adj
    elif nbunch in adj or isinstance(nbunch, str):
        nodes = [nbunch] if nbunch in adj else []
    else:
        nodes = [n for n in nbunch if n in adj]
    for n in nodes:
        for other, by_key in adj[n].items():
            u, v = (other, n) if reverse else (n, other)
            for key, attrs in by_key.items():
                value = attrs if data is True else attrs.get(data, default) if data else None
                yield (u, v) + ((key,) if keys else ()) + ((value,) if data else ())


class MapGraph:
    """The who-you-know network: a directed multigraph whose edges have keys."""

    def __init__(self, name: str = ""):
        self.graph = {"name": name} if name else {}
        self._node: dict = {}
        self._succ: dict = {}
        self._pred: dict = {}
        self.nodes = _NodeView(self._node)
        self.edges = _EdgeView(self._succ)

    @property
    def name(self) -> str:
        return self.graph.get("name", "")

    def __iter__(self):
        return iter(self._node)

    def __len__(self):
        return len(self._node)

    def __contains__(self, node):
        try:
            return node in self._node
        except TypeError:
            return False

    def __getitem__(self, node):
        return self._succ[node]

    def is_directed(self) -> bool:
        return True

    def is_multigraph(self) -> bool:
        return True

    def add_node(self, node, **attrs) -> None:
        if node not in self._node:
            self._node[node], self._succ[node], self._pred[node] = {}, {}, {}
        self._node[node].update(attrs)

    def add_nodes_from(self, nodes) -> None:
        """Nodes, or (node, attributes) pairs."""
        for item in nodes:
            node, attrs = item if isinstance(item, tuple) else (item, {})
            if node in self._node:
                self._node[node].update(attrs)
            else:
                self._node[node], self._succ[node], self._pred[node] = dict(attrs), {}, {}

    def add_edge(self, u, v, key=None, **attrs):
        for node in (u, v):
            if node not in self._node:
                self.add_node(node)
        by_key = self._succ[u].get(v)
        if by_key is None:  # one dict, seen from both ends
            by_key = self._succ[u][v] = self._pred[v][u] = {}
        if key is None:
            key = len(by_key)
            while key in by_key:
                key += 1
        if key in by_key:
            by_key[key].update(attrs)
        else:
            by_key[key] = attrs
        return key

    def add_edges_from(self, edges) -> None:
        """(u, v), (u, v, key) or (u, v, key, attributes) each."""
        succ, pred = self._succ, self._pred
        for edge in edges:
            if len(edge) != 4 or edge[2] is None:
                self.add_edge(*edge[:3], **(edge[3] if len(edge) == 4 else {}))
                continue
            u, v, key, attrs = edge  # the network's own edges: keyed, in bulk
            for node in (u, v):
                if node not in succ:
                    self.add_node(node)
            by_key = succ[u].get(v)
            if by_key is None:
                by_key = succ[u][v] = pred[v][u] = {}
            if key in by_key:
                by_key[key].update(attrs)
            else:
                by_key[key] = dict(attrs)

    def has_edge(self, u, v, key=None) -> bool:
        by_key = self._succ.get(u, {}).get(v)
        return by_key is not None and (key is None or key in by_key)

    def in_edges(self, node, data=False, keys=False, default=None):
        return list(_edges(self._pred, node, data, keys, default, reverse=True))

    def out_edges(self, node, data=False, keys=False, default=None):
        return list(_edges(self._succ, node, data, keys, default, reverse=False))

    def in_degree(self, node) -> int:
        return sum(len(by_key) for by_key in self._pred[node].values())

    def number_of_nodes(self) -> int:
        return len(self._node)

    def number_of_edges(self) -> int:
        return sum(len(k) for nbrs in self._succ.values() for k in nbrs.values())

    def to_networkx(self):
        """The same graph as a networkx MultiDiGraph (imports networkx)."""
        import networkx as nx  # heavy: only when a caller needs networkx itself

        g = nx.MultiDiGraph(**self.graph)
        g.add_nodes_from(self.nodes(data=True))
        g.add_edges_from(self.edges(data=True, keys=True))
        return g


__all__ = ["MapGraph", "gc_paused"]
