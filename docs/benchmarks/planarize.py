"""How far from planar the issue-14 answers are, and what a simple planarization of them crosses.

Run in target/map-bench after MapVersusGraphEasy (it reads graph-easy-N.txt, the same edges both tools draw):

    python3 ../../docs/benchmarks/planarize.py 30 12,30,60,200      # tries per size, sizes

For each size and each of the tries (a seeded edge order): a greedy maximal planar subgraph (edges added
in that order, dropped when the subgraph stops being planar), then every dropped edge put back along a
shortest path through the faces of the current embedding, each crossed edge split by a crossing vertex.
Prints the fewest dropped edges and the fewest crossings over the tries. Needs networkx 3.x.
The planarization is the simple kind (fixed embedding, no remove-and-reinsert), so its count is an upper
bound on what planarizing can reach, not a lower one.
"""
import itertools
import random
import re
import sys
from collections import deque

import networkx as nx


def edges_of(n):
    out = set()
    for line in open(f'graph-easy-{n}.txt', encoding='utf-8'):
        m = re.match(r'\[ (.*) \] -> \[ (.*) \]', line.strip())
        if m and m.group(1) != m.group(2):
            out.add(tuple(sorted(m.groups())))
    return out


def planar_subgraph(edges, seed):
    order = sorted(edges)
    random.Random(seed).shuffle(order)
    g, dropped = nx.Graph(), []
    for e in order:
        g.add_edge(*e)
        if not nx.check_planarity(g)[0]:
            g.remove_edge(*e)
            dropped.append(e)
    return g, dropped


def faces(embedding):
    """Face id of every half-edge; (a, b) and (b, a) lie on the two faces either side of edge ab."""
    face_of, next_id = {}, 0
    for v in embedding.nodes:
        for w in embedding.neighbors_cw_order(v):
            a, b = v, w
            while (a, b) not in face_of:
                face_of[(a, b)] = next_id
                a, b = b, embedding[b][a]['cw']
            next_id += 1
    return face_of


def insert(g, u, v, fresh):
    """Adds edge uv across the fewest edges of the current embedding; returns how many it crosses."""
    embedding = nx.check_planarity(g)[1]
    face_of = faces(embedding)
    around = lambda x: {face_of[(x, y)] for y in embedding.neighbors_cw_order(x)} if x in embedding else set()
    start, goal = around(u), around(v)
    if not start or not goal or start & goal:
        g.add_edge(u, v)
        return 0
    steps = {}
    for (a, b), f in face_of.items():
        if u not in (a, b) and v not in (a, b):
            steps.setdefault(f, []).append((face_of[(b, a)], (a, b)))
    came = {f: None for f in start}
    queue, end = deque(start), None
    while queue:
        f = queue.popleft()
        if f in goal:
            end = f
            break
        for f2, e in steps.get(f, []):
            if f2 not in came:
                came[f2] = (f, e)
                queue.append(f2)
    crossed = []
    while came[end] is not None:
        end, e = came[end]
        crossed.append(e)
    last = u
    for a, b in reversed(crossed):
        x = ('crossing', next(fresh))
        g.remove_edge(a, b)
        g.add_edges_from([(a, x), (x, b), (last, x)])
        last = x
    g.add_edge(last, v)
    return len(crossed)


def main():
    tries = int(sys.argv[1])
    for n in (int(s) for s in sys.argv[2].split(',')):
        edges = edges_of(n)
        fewest_dropped = fewest_crossings = None
        for seed in range(tries):
            g, dropped = planar_subgraph(edges, seed)
            fresh = itertools.count()
            crossings = sum(insert(g, a, b, fresh) for a, b in dropped)
            fewest_dropped = len(dropped) if fewest_dropped is None else min(fewest_dropped, len(dropped))
            fewest_crossings = crossings if fewest_crossings is None else min(fewest_crossings, crossings)
        print(f'{n} nodes, {len(edges)} edges: {fewest_dropped} outside a planar subgraph, '
              f'{fewest_crossings} crossings after planarizing (best of {tries})')


if __name__ == '__main__':
    main()
