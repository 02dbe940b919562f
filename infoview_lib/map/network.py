"""The who-you-know network as a graph (a `MapGraph`: networkx's MultiDiGraph API without
importing networkx), built from a workbook.

Nodes (id: kind):
    "ego"          the user
    "c:<id>"       a contact (label, category, tie_strength, can_interview, can_refer, degree ...)
    "o:<name>"     an organization, keyed by its casefolded name
    "t:<id>"       a target (an industry, company or career field)

Edges (a MultiDiGraph; each edge has `kind`, also used as its key):
    ego -> contact            "knows"           tie_strength (people you know directly)
    introducer -> contact     "introduced"      status (latest outreach status, "" if none)
    contact -> contact        "tie"             the two know each other (direction means nothing)
    contact -> organization   "works_at"
    organization -> target    "org_target"      reason
    contact -> target         "contact_target"  match ("works_there" or "in_field"), reason

Only "introduced" edges are directed in meaning; `simple_undirected(g)` gives the plain
graph the analysis uses. A contact matches a target when they work at the target's
organization, or their title, organization (name or industry) or notes contain the target's
name or one of its keywords (casefolded; every word of the phrase, by its stem, at the
start of a word).

Example:
    >>> import tempfile, pathlib
    >>> from infoview_lib.workbook.store import open_workbook
    >>> from infoview_lib.workbook.model import Contact, Target
    >>> wb = open_workbook(pathlib.Path(tempfile.mkdtemp()) / "w.sqlite")
    >>> ada = wb.add(Contact(first_name="Ada", title="UX Researcher", tie_strength="often"))
    >>> _ = wb.add(Target(name="UX research"))
    >>> g = build_graph(wb)
    >>> sorted(g.nodes)
    ['c:1', 'ego', 't:1']
    >>> g.edges["c:1", "t:1", "contact_target"]["match"]
    'works_there'
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..classroom.protocol import current_protocol
from ..workbook.anonymize import anonymous_names
from ..workbook.errors import NotFound, ValidationError
from ..workbook.model import Contact, Organization, Outreach, Target, Tie, target_organization
from ..workbook.store import Workbook
from . import records
from .graph import MapGraph, gc_paused

EGO = "ego"
MAX_DEGREE = 4  # introduction chains longer than this are drawn on the outermost ring


def contact_node(contact_id: int) -> str:
    return f"c:{contact_id}"


def org_node(name: str) -> str:
    return f"o:{name.strip().casefold()}"


def target_node(target_id: int) -> str:
    return f"t:{target_id}"


def primary_category(categories: list[str], known: list[str]) -> str:
    """The first of a contact's categories that the protocol knows, else the protocol's last
    category ("other" in the default protocol)."""
    for category in categories:
        if category in known:
            return category
    return "other" if "other" in known else (known[-1] if known else "other")


_FILLER = {"and", "of", "the", "in", "for", "a", "an", "&"}


def _stem(word: str) -> str:
    """A crude stem so "analysis" also finds "analyst" and "analytics"."""
    return word if len(word) <= 5 else word[: max(4, len(word) - 3)]


class _TermMatcher:
    """Matches text containing every word of any one phrase, each at the start of a word
    and by its stem: "Data analysis" finds "Senior Data Analyst", not "Analytics Manager"."""

    def __init__(self, phrases: list[list[re.Pattern]]):
        self.phrases = phrases
        self._seen: dict[str, bool] = {}  # titles and organizations repeat: match each once

    def search(self, text: str) -> bool:
        found = self._seen.get(text)
        if found is None:
            found = any(all(p.search(text) for p in words) for words in self.phrases)
            if len(self._seen) < 100_000:
                self._seen[text] = found
        return found


def _term_pattern(terms: Iterable[str]) -> _TermMatcher | None:
    phrases = []
    for term in {t.strip().casefold() for t in terms if t and t.strip()}:
        words = [w for w in re.findall(r"\w+", term) if w not in _FILLER]
        if words:
            phrases.append([re.compile(r"(?<!\w)" + re.escape(_stem(w))) for w in words])
    return _TermMatcher(phrases) if phrases else None


def _depths(contacts: dict[int, Contact]) -> dict[int, int]:
    """Degree of separation: 1 for people you know, 2 for people they introduced, ..."""
    depth: dict[int, int] = {}
    for cid in contacts:
        chain, seen, cur = [], set(), cid
        while cur in contacts and cur not in depth and cur not in seen:
            seen.add(cur)
            chain.append(cur)
            parent = contacts[cur].introduced_by
            cur = parent if parent in contacts else None
        base = depth.get(cur, 0) if cur in contacts else 0
        for offset, node in enumerate(reversed(chain), start=1):
            depth[node] = base + offset
    return depth


@gc_paused()
def build_graph_from(contacts: list[Contact], organizations: list[Organization] = (),
                     ties: list[Tie] = (), targets: list[Target] = (),
                     outreach: list[Outreach] = (), ego_name: str = "You",
                     pseudonyms: dict[int, str] | None = None,
                     categories: list[str] | None = None) -> MapGraph:
    """The graph from plain records (build_graph reads them from a workbook)."""
    known = list(categories if categories is not None else current_protocol().categories)
    people = {c.id: c for c in contacts if not c.deleted_at}
    depth = _depths(people)
    pseudonyms = pseudonyms or {}
    g = MapGraph(name="who you know")
    g.add_node(EGO, kind="ego", label=ego_name or "You", degree=0)

    org_info = {o.name.casefold(): o for o in organizations}
    org_names: dict[str, str] = {}
    for o in organizations:
        org_names.setdefault(o.name.casefold(), o.name)
    for c in people.values():
        if c.organization:
            org_names.setdefault(c.organization.casefold(), c.organization)
    g.add_nodes_from(
        (org_node(key), {"kind": "organization", "label": name,
                         "org_kind": org_info[key].kind if key in org_info else "",
                         "industry": org_info[key].industry if key in org_info else ""})
        for key, name in org_names.items()
    )

    status = {}
    for row in sorted(outreach, key=lambda o: o.id or 0):
        status[row.contact_id] = row.status

    g.add_nodes_from(
        (contact_node(c.id), {
            "kind": "contact", "label": c.name, "contact_id": c.id,
            "category": primary_category(c.categories, known), "categories": list(c.categories),
            "tie_strength": c.tie_strength, "imported": c.imported,
            "can_interview": c.can_interview, "can_refer": c.can_refer, "organization": c.organization, "title": c.title,
            "degree": depth[c.id], "introduced_by": c.introduced_by if depth[c.id] > 1 else None,
            "outreach_status": status.get(c.id, ""),
            "pseudonym": pseudonyms.get(c.id, f"Person {c.id}"),
        })
        for c in people.values()
    )
    g.add_edges_from(
        (EGO, contact_node(c.id), "knows", {"kind": "knows", "tie_strength": c.tie_strength})
        for c in people.values() if depth[c.id] == 1
    )
    g.add_edges_from(
        (contact_node(c.introduced_by), contact_node(c.id), "introduced",
         {"kind": "introduced", "status": status.get(c.id, "")})
        for c in people.values() if depth[c.id] > 1
    )
    g.add_edges_from(
        (contact_node(c.id), org_node(c.organization), "works_at", {"kind": "works_at"})
        for c in people.values() if c.organization
    )
    g.add_edges_from(
        (contact_node(t.a), contact_node(t.b), "tie", {"kind": "tie", "note": t.note})
        for t in ties if t.a in people and t.b in people
    )
    facts = _Facts(list(people.values())) if targets else None
    for target in targets:
        _link_target(g, target, facts, org_names, org_info)
    return g


class _Facts:
    """What target matching reads of each person, as codes into lists of distinct values
    (casefolded): a target tests each distinct title, organization and note once."""

    def __init__(self, people: list):
        self.people = people
        self.org, self.orgs = self._codes(c.organization.casefold() for c in people)
        self.title, self.titles = self._codes(c.title.casefold() for c in people)
        self.notes, self.all_notes = self._codes(c.notes.casefold() for c in people)

    @staticmethod
    def _codes(values) -> tuple[list[int], list[str]]:
        index: dict[str, int] = {}
        codes = [index.setdefault(v, len(index)) for v in values]
        return codes, list(index)

    def rules(self, test, home: str, industries: dict) -> list[tuple[int, int]]:
        """(person index, rule) for each person a target links, rule being the first of
        _MATCHES that holds; test(text) says whether a text matches the target's name or
        keywords (None: nothing can)."""
        def hits(values, check):  # once per distinct value
            return [bool(check(v)) for v in values]

        checks = [(hits(self.orgs, lambda k: bool(home) and k == home), self.org)]
        if test is not None:
            checks += [(hits(self.titles, lambda t: t and test(t)), self.title),
                       (hits(self.orgs, lambda k: k and test(k)), self.org),
                       (hits(self.orgs, lambda k: k in industries and test(industries[k])),
                        self.org),
                       (hits(self.all_notes, lambda n: n and test(n)), self.notes)]
        rule_of: dict[int, int] = {}
        for rule, (hit, codes) in reversed(list(enumerate(checks, 1))):  # first rule wins
            if any(hit):
                rule_of.update((i, rule) for i, code in enumerate(codes) if hit[code])
        return sorted(rule_of.items())


def _link_target(g, target: Target, people, org_names, org_info) -> None:
    """The target's node and its links: organizations that are it or match it, and people
    who work there or whose title, organization, industry or notes match (see _MATCHES)."""
    tnode = target_node(target.id)
    g.add_node(tnode, kind="target", label=target.name, target_kind=target.kind,
               motivation=target.motivation, target_id=target.id,
               organization=target.organization)
    pattern = _term_pattern([target.name, *target.keywords])
    home = target_organization(target.name, target.kind, target.organization).casefold()
    for key, name in org_names.items():
        industry = org_info[key].industry if key in org_info else ""
        if home and key == home:
            g.add_edge(org_node(key), tnode, "org_target", kind="org_target",
                       reason=f"{name} is the target organization")
        elif pattern and pattern.search(f"{name.casefold()} | {industry.casefold()}"):
            g.add_edge(org_node(key), tnode, "org_target", kind="org_target",
                       reason=f"{name} ({industry or 'organization'}) matches")
    industries = {key: o.industry.casefold() for key, o in org_info.items()}
    for i, rule in people.rules(pattern.search if pattern else None, home, industries):
        c, (match, reason) = people.people[i], _MATCHES[rule]
        org_key = c.organization.casefold()
        g.add_edge(contact_node(c.id), tnode, "contact_target", kind="contact_target",
                   match=match, reason=reason.format(
                       c=c, target=target, industry=org_info[org_key].industry
                       if org_key in org_info else ""))


_MATCHES = {1: ("works_there", "works at {c.organization}"),
            2: ("works_there", "works as {c.title}"),
            3: ("works_there", "works at {c.organization}"),
            4: ("in_field", "works at {c.organization} ({industry})"),
            5: ("in_field", "is linked to {target.name} in your notes")}


@gc_paused()
def build_graph(wb: Workbook, anonymize: bool = False) -> MapGraph:
    """The whole network of one workbook. Pseudonyms are added to contact nodes only when
    anonymize is True (that may store the workbook's pseudonym key the first time)."""
    ego = wb.setting("ego", {}) or {}
    names = anonymous_names(wb, current_protocol().categories) if anonymize else None
    g = build_graph_from(
        records.people(wb), records.organizations(wb), records.ties(wb), wb.list(Target),
        records.statuses(wb),
        ego_name=ego.get("name", "You") if isinstance(ego, dict) else "You",
        pseudonyms=names.people if names else None,
    )
    if names:  # the same pseudonyms as every file of the anonymised bundle
        for _node, d in g.nodes(data=True):
            if d.get("kind") == "organization":
                d["pseudonym"] = names.organizations[d["label"].casefold()]
            elif d.get("kind") == "target":
                suffix = " (target)" if d.get("target_kind") == "company" else ""
                d["pseudonym"] = names.targets[d["target_id"]] + suffix
            elif d.get("kind") == "contact":
                d["categories"] = names.category_list(d["categories"])
    return g


def simple_undirected(g: MapGraph):
    """The same nodes and links as a plain undirected networkx Graph (for centrality)."""
    import networkx as nx  # only the analyses that need graph algorithms load it

    h = nx.Graph()
    h.add_nodes_from(g.nodes(data=True))
    h.add_edges_from((u, v) for u, v in g.edges())
    return h


def contacts_of(g: MapGraph) -> list[str]:
    """The contact nodes, in id order."""
    return sorted((n for n, k in g.nodes(data="kind") if k == "contact"),
                  key=lambda n: g.nodes[n]["contact_id"])


def find_target(g: MapGraph, name: str) -> str:
    """The target node whose name matches (casefolded; exact first, then a unique prefix)."""
    wanted = name.strip().casefold()
    targets = [(n, d["label"]) for n, d in g.nodes(data=True) if d.get("kind") == "target"]
    exact = [n for n, label in targets if label.casefold() == wanted]
    if exact:
        return exact[0]
    partial = [n for n, label in targets if wanted and wanted in label.casefold()]
    if len(partial) == 1:
        return partial[0]
    known = ", ".join(sorted(label for _, label in targets)) or "none yet"
    if partial:
        raise ValidationError(f"{name!r} matches several targets; type more of the name "
                              f"(targets: {known}).")
    raise NotFound(f"No target called {name!r}. Your targets: {known}. Add targets in step 2.")


__all__ = ["EGO", "build_graph", "build_graph_from", "simple_undirected", "contacts_of",
           "find_target", "contact_node", "org_node", "target_node", "primary_category"]
