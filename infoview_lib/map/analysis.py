"""Plain-language questions about the network: who can point me there, who bridges groups,
which weak ties to wake up, how many of each, and who is one introduction away.

Every function takes a workbook or a graph from network.build_graph.

Example:
    >>> import tempfile, pathlib
    >>> from infoview_lib.workbook.store import open_workbook
    >>> from infoview_lib.workbook.model import Contact, Target
    >>> wb = open_workbook(pathlib.Path(tempfile.mkdtemp()) / "w.sqlite")
    >>> _ = wb.add(Contact(first_name="Ada", organization="Northwind", tie_strength="rarely"))
    >>> _ = wb.add(Target(name="Northwind", kind="company", organization="Northwind"))
    >>> [(lead.name, lead.reason) for lead in who_can_point_me_there(wb, "Northwind")]
    [('Ada', 'works at Northwind')]
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from ..classroom.protocol import current_protocol
from ..text import plural
from ..workbook.model import TIE_STRENGTHS
from ..workbook.store import Workbook
from .network import EGO, build_graph, contacts_of, find_target, simple_undirected

LEAD_KINDS = ("works_there", "knows_someone", "in_field", "could_refer")
"""Best first: works there > knows someone there > in the field > could refer."""
LEAD_KIND_TEXT = {
    "works_there": "works there", "knows_someone": "knows someone there",
    "in_field": "in the field", "could_refer": "could refer you",
}
_TIE_ORDER = {t: i for i, t in enumerate(TIE_STRENGTHS)}


def _graph(source):
    return build_graph(source) if isinstance(source, Workbook) else source


def _label(g, node) -> str:
    return g.nodes[node].get("label", node)


@dataclass
class Lead:
    """One person who can point you towards a target. Unpacks as (contact, reason, path)."""

    contact: str
    name: str
    reason: str
    path: list[str]
    kind: str

    def __iter__(self):
        return iter((self.contact, self.reason, self.path))


def chain_from_ego(g, node: str) -> list[str]:
    """ego -> introducer -> ... -> node (the way you reach this person)."""
    chain = [node]
    while g.nodes[chain[-1]].get("introduced_by") is not None:
        parent = f"c:{g.nodes[chain[-1]]['introduced_by']}"
        if parent in chain or parent not in g:
            break
        chain.append(parent)
    return [EGO, *reversed(chain)]


def path_text(g, path: list[str]) -> str:
    """A path as words: 'You → Chloé Marchand → Ava Lindqvist → Lantern Street Studio'."""
    return " → ".join("You" if n == EGO else _label(g, n) for n in path)


def _rank_key(g, node, kind):
    d = g.nodes[node]
    return (LEAD_KINDS.index(kind), bool(d.get("imported")),  # people you typed in first
            _TIE_ORDER.get(d.get("tie_strength"), len(_TIE_ORDER)),
            not d.get("can_interview"), d.get("degree", 1), d["label"].casefold(), node)


def who_can_point_me_there(source, target: str) -> list[Lead]:
    """Contacts who lead to a target (a name or a "t:<id>" node), best first, each with the
    reason and the path from you through them to the target."""
    g = _graph(source)
    tnode = target if target in g and g.nodes[target].get("kind") == "target" else find_target(g, target)
    tname = _label(g, tnode)
    best: dict[str, Lead] = {}

    def offer(node, kind, reason, path):
        current = best.get(node)
        if current is None or LEAD_KINDS.index(kind) < LEAD_KINDS.index(current.kind):
            best[node] = Lead(node, _label(g, node), reason, path, kind)

    direct = {u: d for u, _, d in g.in_edges(tnode, data=True) if d["kind"] == "contact_target"}
    for node, data in direct.items():
        offer(node, data["match"], data["reason"], chain_from_ego(g, node) + [tnode])
    for node, data in direct.items():
        for u, v, d in [*g.in_edges(node, data=True), *g.out_edges(node, data=True)]:
            other = u if v == node else v
            if d["kind"] == "tie" and other not in direct \
                    and node not in chain_from_ego(g, other):
                offer(other, "knows_someone",
                      f"knows {_label(g, node)}, who {data['reason']}",
                      chain_from_ego(g, other) + [node, tnode])
    for node, lead in list(best.items()):
        chain = chain_from_ego(g, node)
        for i, upstream in enumerate(chain[1:-1], start=1):
            via = "" if chain[i + 1] == node else f", the way to {lead.name}"
            offer(upstream, "could_refer", f"introduced you to {_label(g, chain[i + 1])}{via}, "
                  f"who {lead.reason}", lead.path)
    linked_orgs = {u for u, _, d in g.in_edges(tnode, data=True) if d["kind"] == "org_target"}
    for org in linked_orgs:
        for u, _, d in g.in_edges(org, data=True):
            if d["kind"] == "works_at" and g.nodes[u].get("can_refer"):
                offer(u, "could_refer", f"said they could refer you, and {_label(g, org)} "
                      f"is linked to {tname}", chain_from_ego(g, u) + [org, tnode])
    return sorted(best.values(), key=lambda lead: _rank_key(g, lead.contact, lead.kind))


@dataclass
class Bridge:
    """A person who links parts of your network that otherwise would not meet."""

    contact: str
    name: str
    score: float
    reason: str


def _part_name(g, h, part: set) -> str:
    orgs = sorted((n for n in part if g.nodes[n].get("kind") == "organization"),
                  key=lambda n: (-len(part & set(h[n])), n))
    if orgs:
        return f"{_label(g, orgs[0])} ({plural(len(part) - len(orgs), 'person', 'people')})" if len(part) > 2 \
            else _label(g, orgs[0])
    people = sorted(_label(g, n) for n in part)
    return people[0] if len(people) == 1 else f"{people[0]} and {len(people) - 1} more"


def bridges(source, top: int = 5) -> list[Bridge]:
    """People who connect otherwise separate groups (betweenness centrality on the network
    without you and your targets), with the groups they join named in plain words."""
    import networkx as nx  # graph algorithms: only this analysis needs them

    g = _graph(source)
    h = simple_undirected(g)
    h.remove_nodes_from([n for n, k in g.nodes(data="kind") if k in ("ego", "target")])
    if h.number_of_nodes() < 3:
        return []
    k = 300 if h.number_of_nodes() > 300 else None
    score = nx.betweenness_centrality(h, k=k, seed=7)
    people = sorted((n for n in h if h.nodes[n].get("kind") == "contact" and score[n] > 0),
                    key=lambda n: (-score[n], _label(g, n), n))[:top]
    cut = set(nx.articulation_points(h))
    out = []
    for node in people:
        if node in cut:
            rest = h.subgraph(set(h) - {node})
            parts = [set(c) for c in nx.connected_components(rest)
                     if any(nb in c for nb in h[node])]
            parts.sort(key=lambda p: (-len(p), min(p)))
            names = ", ".join(_part_name(g, h, p) for p in parts[:3])
            reason = f"the only link between {len(parts)} groups: {names}"
        else:
            orgs = sorted({_label(g, n) for n in h[node] if h.nodes[n].get("kind") == "organization"})
            friends = [n for n in h[node] if h.nodes[n].get("kind") == "contact"]
            reason = f"knows {len(friends)} of your contacts" + (
                f" and links {', '.join(orgs[:3])}" if orgs else "") + " to the rest"
        out.append(Bridge(node, _label(g, node), round(score[node], 4), reason))
    return out


@dataclass
class WeakTie:
    """Someone you are rarely or occasionally in touch with who reaches a target."""

    contact: str
    name: str
    tie_strength: str
    targets: list[str] = field(default_factory=list)
    reason: str = ""


def weak_ties_worth_activating(source) -> list[WeakTie]:
    """Occasional and rare ties that lead to one of your targets (Granovetter: weak ties
    often carry news your close circle does not have), most targets first."""
    g = _graph(source)
    found: dict[str, WeakTie] = {}
    targets = sorted((n for n, k in g.nodes(data="kind") if k == "target"), key=lambda n: _label(g, n))
    for tnode in targets:
        for lead in who_can_point_me_there(g, tnode):
            tie = g.nodes[lead.contact].get("tie_strength")
            if tie not in ("occasionally", "rarely") or lead.kind == "could_refer":
                continue
            weak = found.setdefault(lead.contact, WeakTie(lead.contact, lead.name, tie))
            weak.targets.append(_label(g, tnode))
    for weak in found.values():
        weak.reason = (f"you are in touch {weak.tie_strength}, but they lead to "
                       f"{', '.join(weak.targets)}")
    return sorted(found.values(), key=lambda w: (-len(w.targets), _TIE_ORDER[w.tie_strength],
                                                 w.name.casefold(), w.contact))


def counts(source) -> dict[str, dict[str, int]]:
    """How many contacts per category (a person in two categories counts in both), per tie
    strength, per degree of separation, plus totals."""
    g = _graph(source)
    nodes = [g.nodes[n] for n in contacts_of(g)]
    cats = Counter(c for d in nodes for c in (d["categories"] or ["not set"]))
    order = [*current_protocol().categories, "not set"]
    by_cat = {c: cats[c] for c in order if cats[c]}
    by_cat.update({c: n for c, n in sorted(cats.items()) if c not in by_cat})
    ties = Counter(d["tie_strength"] or "not set" for d in nodes)
    by_tie = {t: ties[t] for t in (*TIE_STRENGTHS, "not set") if ties[t]}
    degree = Counter(d["degree"] for d in nodes)
    kinds = Counter(k for _, k in g.nodes(data="kind"))
    totals = {"contacts": len(nodes), "organizations": kinds["organization"],
              "targets": kinds["target"],
              "referrals": sum(1 for *_, k in g.edges(data="kind") if k == "introduced")}
    return {"category": by_cat, "tie_strength": by_tie,
            "degree": {str(k): v for k, v in sorted(degree.items())}, "total": totals}


@dataclass
class Reach:
    """A person you reach through an introduction."""

    contact: str
    name: str
    via: str
    via_name: str
    degree: int


def degree_two_reach(source) -> list[Reach]:
    """People your contacts introduced you to (degree 2 and beyond), nearest first."""
    g = _graph(source)
    out = []
    for u, v, kind in g.edges(data="kind"):
        if kind == "introduced":
            out.append(Reach(v, _label(g, v), u, _label(g, u), g.nodes[v]["degree"]))
    return sorted(out, key=lambda r: (r.degree, r.name.casefold(), r.contact))


__all__ = ["Lead", "Bridge", "WeakTie", "Reach", "LEAD_KINDS", "who_can_point_me_there",
           "bridges", "weak_ties_worth_activating", "counts", "degree_two_reach",
           "chain_from_ego", "path_text"]
