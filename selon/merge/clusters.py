"""Clustering reports into events: a deterministic function of the set of reports.

Links (``selon.merge.similarity.compare``) are computed once per pair and stored. A cluster is
built inside one connected component of the link graph by greedy agglomeration: links are taken
strongest first (ties by event ids) and join two clusters only when no pair across them is a
hard "never merge" (same article, disjoint dates, far places, incompatible types), except two
events of one article told in two sentences (``selon.merge.similarity.retold``). The result
depends only on the component's reports and links, never on the order they arrived in, and a
cluster's id is its smallest event id.
"""

from __future__ import annotations

from collections.abc import Iterable

from selon.merge.similarity import Link, Report, criteria, retold


def components(ids: Iterable[str], links: Iterable[Link]) -> list[list[str]]:
    """Connected components of the link graph, each sorted, in order of their first id."""
    parent = {i: i for i in ids}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for link in links:
        ra, rb = find(link.a), find(link.b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    groups: dict[str, list[str]] = {}
    for i in parent:
        groups.setdefault(find(i), []).append(i)
    return sorted((sorted(g) for g in groups.values()), key=lambda g: g[0])


def agglomerate(
    reports: dict[str, Report], links: Iterable[Link]
) -> tuple[dict[str, str], dict[str, list[Link]]]:
    """Cluster ids by event id, and the links that joined each cluster."""
    members = {i: [i] for i in reports}
    root = {i: i for i in reports}
    joined: dict[str, list[Link]] = {i: [] for i in reports}
    blocked: dict[tuple[str, str], bool] = {}

    def never(x: str, y: str) -> bool:
        key = (x, y) if x < y else (y, x)
        if key not in blocked:
            a, b = reports[x], reports[y]
            blocked[key] = criteria(a, b) is None and not retold(a, b)
        return blocked[key]

    for link in sorted(links, key=lambda k: (-round(k.score, 9), k.a, k.b)):
        if link.a not in reports or link.b not in reports:
            continue
        ra, rb = root[link.a], root[link.b]
        if ra == rb:
            continue
        if any(never(x, y) for x in members[ra] for y in members[rb]):
            continue
        keep, gone = min(ra, rb), max(ra, rb)
        for x in members[gone]:
            root[x] = keep
        members[keep] += members.pop(gone)
        joined[keep] += [*joined.pop(gone), link]
    cluster_of = {i: min(members[root[i]]) for i in reports}
    reasons = {min(members[r]): joined[r] for r in members}
    return cluster_of, reasons
