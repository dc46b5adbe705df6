/**
 * Travel: shortest paths on the road network under the current road status,
 * or straight-line travel (distance x detour / speed) when the scenario has
 * no roads. A unit's "profile" (the modes it can use and their speeds)
 * decides which roads it can take and how fast; shortest-path trees are
 * cached per profile, source and road status (the statuses themselves, not
 * a version number: a batch reuses one model for many runs, whose roads
 * change in different orders), and the cache is only a cache: it never
 * changes a result, so restoring a keyframe needs nothing from it.
 */
import type { Edge, Mode, Scenario, Unit } from '../scenario/schema.js';
import { MODES } from '../scenario/vocabulary.js';
import { distanceKm, type Projection, toXY } from './geo.js';

export interface RoadStatus {
  status: 'open' | 'degraded' | 'cut'; factor: number;
  /** closed by a role's order (close_road), not cut by the hazard: the role; absent otherwise */
  closed_by?: string;
  /**
   * under an order's closure, what the hazard has made of the road (open, degraded or cut): what lifting the
   * order leaves, and what the scenario's rules change meanwhile. An order closes a road and lifts its own
   * closure; it does not clear a slide, and a rule clearing a slide does not lift an order.
   */
  under?: { status: 'open' | 'degraded' | 'cut'; factor: number };
}

/** What the hazard has made of a road, whatever an order has closed. */
export function hazardOf(r: RoadStatus): { status: 'open' | 'degraded' | 'cut'; factor: number } {
  return r.closed_by !== undefined && r.under !== undefined ? r.under : r;
}

export interface Profile { key: string; speed: Partial<Record<Mode, number>>; /** fastest mode, km/h */ vmax: number }

export interface Route { nodes: string[]; edges: string[]; time_s: number; km: number }

/** Shortest-path trees kept at most (each is three arrays of the node count). */
const MAX_TREES = 2048;

interface Tree { dist: Float64Array; prevEdge: Int32Array; km: Float64Array }

interface GraphEdge { index: number; id: string; from: number; to: number; edge: Edge }

export class Travel {
  readonly network: boolean;
  readonly nodeIds: string[];
  readonly nodeIndex = new Map<string, number>();
  readonly nodeXY: [number, number][];
  private readonly out: GraphEdge[][];
  private readonly edges: GraphEdge[];
  /** road signature -> profile key -> tree by source node (no key strings built per route) */
  private readonly cache = new Map<string, Map<string, (Tree | undefined)[]>>();
  private trees = 0;
  /** the signature last asked for, and its trees */
  private lastSig: string | null = null;
  private lastTrees: Map<string, (Tree | undefined)[]> | null = null;
  /** the road statuses last seen (object and version) and their signature */
  private sigRoads: Record<string, RoadStatus> | null = null;
  private sigVersion = -1;
  private sig = '';
  private readonly edgeIndex = new Map<string, Edge>();

  constructor(private readonly scenario: Scenario, projection: Projection) {
    const t = scenario.travel;
    this.network = t.edges.length > 0;
    this.nodeIds = t.nodes.map((n) => n.id);
    t.nodes.forEach((n, i) => this.nodeIndex.set(n.id, i));
    this.nodeXY = t.nodes.map((n) => toXY(projection, n.coords));
    this.out = t.nodes.map(() => []);
    this.edges = [];
    t.edges.forEach((e, i) => {
      this.edgeIndex.set(e.id, e);
      const from = this.nodeIndex.get(e.from)!, to = this.nodeIndex.get(e.to)!;
      const ge = { index: i, id: e.id, from, to, edge: e };
      this.edges.push(ge);
      this.out[from].push(ge);
      if (e.two_way) this.out[to].push({ ...ge, from: to, to: from });
    });
  }

  profileOf(unit: Unit): Profile {
    return this.profileOfSpeeds(unit.speed_kmh ?? this.scenario.travel.speed_kmh);
  }

  /** A profile for speeds per mode (a unit's, or evacuees'): equal speeds give the same key, and share trees. */
  profileOfSpeeds(speed: Partial<Record<Mode, number>>): Profile {
    const parts = MODES.filter((m) => speed[m] !== undefined).map((m) => `${m}=${speed[m]}`);
    let vmax = 0;
    for (const m of MODES) if ((speed[m] ?? 0) > vmax) vmax = speed[m]!;
    return { key: parts.join(','), speed, vmax };
  }

  /** Seconds for a profile to cross an edge, or Infinity when no mode fits or the road is cut. */
  edgeTime(e: Edge, p: Profile, status: RoadStatus | undefined): number {
    if (status?.status === 'cut') return Infinity;
    const restricted = e.time !== undefined || e.speed_kmh !== undefined;
    let best = Infinity;
    for (const m of MODES) {
      const unitSpeed = p.speed[m];
      if (unitSpeed === undefined) continue;
      let s: number;
      if (e.time?.[m] !== undefined) s = e.time[m]!;
      else if (e.length_km !== undefined && (!restricted || e.speed_kmh?.[m] !== undefined)) {
        const v = Math.min(unitSpeed, e.speed_kmh?.[m] ?? unitSpeed);
        s = (e.length_km / v) * 3600;
      } else continue;
      if (s < best) best = s;
    }
    if (status?.status === 'degraded' && best < Infinity) best = best / status.factor;
    return best;
  }

  /** The roads that are not plainly open, as text: equal texts give equal trees. */
  private signature(roads: Record<string, RoadStatus>, version: number): string {
    // the world changes its roads only with a new version, so the same object at the same version has the same statuses
    if (roads === this.sigRoads && version === this.sigVersion) return this.sig;
    let sig = '';
    for (const id in roads) {
      const r = roads[id];
      if (r.status !== 'open' || r.factor !== 1) sig += `${id}\u0000${r.status}\u0000${r.factor}\u0000`;
    }
    this.sigRoads = roads;
    this.sigVersion = version;
    return (this.sig = sig);
  }

  private treesFor(sig: string): Map<string, (Tree | undefined)[]> {
    // mostly the same roads as last time: the same string, compared without hashing
    if (sig === this.lastSig && this.lastTrees !== null) return this.lastTrees;
    let m = this.cache.get(sig);
    if (m === undefined) this.cache.set(sig, (m = new Map()));
    this.lastSig = sig;
    return (this.lastTrees = m);
  }

  private tree(p: Profile, source: number, roads: Record<string, RoadStatus>, version: number): Tree {
    const sig = this.signature(roads, version);
    let bySource = this.treesFor(sig).get(p.key);
    const hit = bySource?.[source];
    if (hit) return hit;
    // bounded: a long batch meets many road states, and memory must not grow with the runs
    if (this.trees >= MAX_TREES) {
      this.cache.clear();
      this.trees = 0;
      this.lastSig = null;
      bySource = undefined;
    }
    if (bySource === undefined) this.treesFor(sig).set(p.key, (bySource = []));
    const n = this.nodeIds.length;
    const dist = new Float64Array(n).fill(Infinity);
    const km = new Float64Array(n).fill(Infinity);
    const prevEdge = new Int32Array(n).fill(-1);
    const done = new Uint8Array(n);
    dist[source] = 0;
    km[source] = 0;
    // O(V^2) Dijkstra: networks here have tens to hundreds of nodes; ties go to the lower node index
    for (;;) {
      let u = -1, best = Infinity;
      for (let i = 0; i < n; i++) if (!done[i] && dist[i] < best) { best = dist[i]; u = i; }
      if (u < 0) break;
      done[u] = 1;
      for (const ge of this.out[u]) {
        const w = this.edgeTime(ge.edge, p, roads[ge.id]);
        if (w === Infinity) continue;
        const d = dist[u] + w;
        if (d < dist[ge.to]) {
          dist[ge.to] = d;
          km[ge.to] = km[u] + (ge.edge.length_km ?? 0);
          prevEdge[ge.to] = ge.index;
        }
      }
    }
    const t = { dist, prevEdge, km };
    bySource[source] = t;
    this.trees++;
    return t;
  }

  /** Fastest route between two nodes for a profile, or null when none is open. */
  route(p: Profile, from: string, to: string, roads: Record<string, RoadStatus>, version: number): Route | null {
    const s = this.nodeIndex.get(from), d = this.nodeIndex.get(to);
    if (s === undefined || d === undefined) return null;
    if (s === d) return { nodes: [from], edges: [], time_s: 0, km: 0 };
    const tree = this.tree(p, s, roads, version);
    if (tree.dist[d] === Infinity) return null;
    const nodes: string[] = [];
    const edges: string[] = [];
    let cur = d;
    while (cur !== s) {
      const ge = this.edges[tree.prevEdge[cur]];
      edges.push(ge.id);
      nodes.push(this.nodeIds[cur]);
      cur = ge.from === cur ? ge.to : ge.from;
    }
    nodes.push(from);
    nodes.reverse();
    edges.reverse();
    return { nodes, edges, time_s: tree.dist[d], km: tree.km[d] };
  }

  /** Times from one node to every node (for choosing the nearest unit). */
  timesFrom(p: Profile, from: string, roads: Record<string, RoadStatus>, version: number): Float64Array | null {
    const s = this.nodeIndex.get(from);
    return s === undefined ? null : this.tree(p, s, roads, version).dist;
  }

  /** Straight-line seconds between two points for a profile (no road network). */
  straightTime(p: Profile, km: number): number {
    return p.vmax > 0 ? ((km * this.scenario.travel.detour) / p.vmax) * 3600 : Infinity;
  }

  straightKm(ax: number, ay: number, bx: number, by: number): number {
    return distanceKm(ax, ay, bx, by);
  }

  /** Nodes reachable from a node over roads that are not cut, whatever the mode. */
  reachable(from: string, roads: Record<string, RoadStatus>): Set<string> {
    const start = this.nodeIndex.get(from);
    const seen = new Set<string>();
    if (start === undefined) return seen;
    const todo = [start];
    seen.add(from);
    while (todo.length) {
      const u = todo.pop()!;
      for (const ge of this.out[u]) {
        if (roads[ge.id]?.status === 'cut') continue;
        const id = this.nodeIds[ge.to];
        if (!seen.has(id)) { seen.add(id); todo.push(ge.to); }
      }
    }
    return seen;
  }

  edgeById(id: string): Edge | undefined {
    return this.edgeIndex.get(id);
  }

  /** The node nearest to a point (network mode), ties to the lower index. */
  nearestNode(x: number, y: number): string | undefined {
    let best: string | undefined, bd = Infinity;
    this.nodeXY.forEach(([nx, ny], i) => {
      const d = distanceKm(x, y, nx, ny);
      if (d < bd) { bd = d; best = this.nodeIds[i]; }
    });
    return best;
  }
}
