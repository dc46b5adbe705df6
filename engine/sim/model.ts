/**
 * What the engine derives once from a scenario and never changes during a
 * run: lookups by id, the projection, travel and hazards, where each area
 * and base sits, who commands what. Shared by every run of the scenario (a
 * batch builds it once).
 */
import type { Area, Capability, Generator, Hazard, IncidentKind, Inject, Role, Rule, Scenario, Unit } from '../scenario/schema.js';
import { StreamPlan } from '../core/rng.js';
import { projectionFor, toXY, type Projection } from './geo.js';
import { Hazards } from './hazards.js';
import { Travel, type Profile, type RoadStatus, type Route } from './routing.js';

/** Evacuees' seconds on the way, whole and rounded up, less floating-point noise (600.0000000001 s is 600). */
export const roundTrip = (s: number): number => Math.max(0, Math.ceil(s - 1e-6));

export interface EffectiveRole extends Role {
  /** made up by the engine for units no scenario role commands: always played by doctrine */
  synthetic: boolean;
}

/**
 * Does a role send its units to support `area` once that area asks? Its
 * `supports:` names the areas; left unwritten, it is anywhere asked. The one
 * rule doctrine, the command checks and a trainee's board all follow.
 */
export function sendsSupportTo(role: { readonly supports: readonly string[] }, area: string): boolean {
  return role.supports.length === 0 || role.supports.includes(area);
}

export interface Place { node: string | null; x: number; y: number }

/** What planning a unit's trip reads about it, found in one lookup. */
export interface UnitInfo { spec: Unit; profile: Profile; base: Place }

export class Model {
  readonly projection: Projection;
  readonly travel: Travel;
  readonly hazards: Hazards;
  readonly area = new Map<string, Area>();
  readonly unit = new Map<string, Unit>();
  readonly unitIndex = new Map<string, number>();
  readonly kind = new Map<string, IncidentKind>();
  readonly generator = new Map<string, Generator>();
  readonly inject = new Map<string, Inject>();
  readonly hazard = new Map<string, Hazard>();
  readonly rule = new Map<string, Rule>();
  /** the scenario's injects that wait for a condition, in their order */
  readonly conditional: Inject[];
  readonly roles: EffectiveRole[] = [];
  readonly role = new Map<string, EffectiveRole>();
  /** role id commanding each unit */
  readonly commander = new Map<string, string>();
  readonly areaPlace = new Map<string, Place>();
  readonly basePlace = new Map<string, Place>();
  readonly profile = new Map<string, Profile>();
  readonly unitInfo = new Map<string, UnitInfo>();
  /** how evacuees travel (evacuation.speed_kmh) */
  readonly evacuee: Profile;
  /** how each zone's people travel: its own speed_kmh, else evacuation.speed_kmh (evacuee) */
  private readonly zoneProfile = new Map<string, Profile>();
  /** where each zone's people set off from, and where each shelter stands (node, else point, else the area's place) */
  readonly zonePlace = new Map<string, Place>();
  readonly shelterPlace = new Map<string, Place>();
  /** area -> its ancestors, nearest first */
  readonly ancestors = new Map<string, string[]>();
  /** the top area (for isolation: an area cut off from it is isolated) */
  readonly root: string;
  /** the random streams this scenario's runs create, learnt run by run (a run seeds them up front) */
  readonly streams = new StreamPlan();

  constructor(readonly scenario: Scenario) {
    this.projection = projectionFor([...scenario.areas.map((a) => a.coords), ...scenario.travel.nodes.map((n) => n.coords)]);
    this.travel = new Travel(scenario, this.projection);
    this.hazards = new Hazards(scenario, this.projection);
    for (const a of scenario.areas) this.area.set(a.id, a);
    scenario.units.forEach((u, i) => { this.unit.set(u.id, u); this.unitIndex.set(u.id, i); });
    for (const k of scenario.incident_kinds) this.kind.set(k.id, k);
    for (const g of scenario.generators) this.generator.set(g.id, g);
    for (const inj of scenario.injects) this.inject.set(inj.id, inj);
    for (const h of scenario.hazards) if (!this.hazard.has(h.id)) this.hazard.set(h.id, h);
    for (const r of scenario.rules) if (!this.rule.has(r.id)) this.rule.set(r.id, r);
    this.conditional = scenario.injects.filter((i) => i.when);
    for (const a of scenario.areas) {
      const chain: string[] = [];
      let p = a.parent;
      while (p !== undefined && !chain.includes(p)) { chain.push(p); p = this.area.get(p)?.parent; }
      this.ancestors.set(a.id, chain);
    }
    this.root = scenario.areas.find((a) => a.parent === undefined)?.id ?? scenario.areas[0].id;

    for (const a of scenario.areas) this.areaPlace.set(a.id, this.placeOfArea(a));
    for (const u of scenario.units) {
      this.profile.set(u.id, this.travel.profileOf(u));
      const node = this.travel.nodeIndex.has(u.base) ? u.base : null;
      if (node !== null) {
        const [x, y] = this.travel.nodeXY[this.travel.nodeIndex.get(node)!];
        this.basePlace.set(u.id, { node, x, y });
      } else {
        this.basePlace.set(u.id, this.areaPlace.get(u.base) ?? this.areaPlace.get(u.home)!);
      }
      this.unitInfo.set(u.id, { spec: this.unit.get(u.id)!, profile: this.profile.get(u.id)!, base: this.basePlace.get(u.id)! });
    }

    this.evacuee = this.travel.profileOfSpeeds(scenario.evacuation.speed_kmh);
    for (const z of scenario.evacuation.zones) {
      this.zonePlace.set(z.id, this.placeAt(z.area, z.node, z.coords));
      this.zoneProfile.set(z.id, z.speed_kmh ? this.travel.profileOfSpeeds(z.speed_kmh) : this.evacuee);
    }
    for (const sh of scenario.evacuation.shelters) this.shelterPlace.set(sh.id, this.placeAt(sh.area, sh.node, sh.coords));

    for (const r of scenario.roles) {
      const er = { ...r, synthetic: false };
      this.roles.push(er);
      this.role.set(r.id, er);
      for (const u of r.commands) this.commander.set(u, r.id);
    }
    // units nobody commands answer to a doctrine stand-in for their home area
    for (const u of scenario.units) {
      if (this.commander.has(u.id)) continue;
      const id = `auto-${u.home}`;
      let r = this.role.get(id);
      if (!r) {
        const area = this.area.get(u.home)!;
        r = { id, name: `doctrine for ${u.home}`, tier: area.tier, area: u.home, commands: [], declares: [], supports: [], synthetic: true };
        this.roles.push(r);
        this.role.set(id, r);
      }
      r.commands.push(u.id);
      this.commander.set(u.id, id);
    }
  }

  private placeOfArea(a: Area): Place {
    const [x, y] = toXY(this.projection, a.coords);
    if (!this.travel.network) {
      const node = a.node ?? null;
      if (node !== null && this.travel.nodeIndex.has(node)) {
        const [nx, ny] = this.travel.nodeXY[this.travel.nodeIndex.get(node)!];
        return { node: null, x: nx, y: ny };
      }
      return { node: null, x, y };
    }
    const node = a.node ?? this.scenario.travel.nodes.find((n) => n.area === a.id)?.id ?? this.travel.nearestNode(x, y) ?? null;
    if (node === null) return { node, x, y };
    const [nx, ny] = this.travel.nodeXY[this.travel.nodeIndex.get(node)!];
    return { node, x: nx, y: ny };
  }

  /** A place given by a node, else a point (on a road network: at its nearest node), else its area's own place. */
  placeAt(area: string, node: string | undefined, coords: { lat: number; lon: number } | undefined): Place {
    if (node !== undefined && this.travel.nodeIndex.has(node)) {
      const [x, y] = this.travel.nodeXY[this.travel.nodeIndex.get(node)!];
      return { node: this.travel.network ? node : null, x, y };
    }
    if (coords !== undefined) {
      const [x, y] = toXY(this.projection, coords);
      return { node: this.travel.network ? this.travel.nearestNode(x, y) ?? null : null, x, y };
    }
    return this.areaPlace.get(area)!;
  }

  /**
   * Seconds evacuees take from a zone's place to a shelter's on these roads (by the network, else in a straight line
   * times detour), in whole seconds rounded up (less floating-point noise: 600.0000000001 s is 600), or null when no
   * open road leads there.
   */
  tripSeconds(zoneId: string, shelterId: string, roads: Record<string, RoadStatus>, version: number): number | null {
    return this.trip(zoneId, shelterId, roads, version)?.trip_s ?? null;
  }

  /** How a zone's people travel: the zone's own speed_kmh, else evacuation.speed_kmh. */
  evacueesOf(zoneId: string): Profile {
    return this.zoneProfile.get(zoneId) ?? this.evacuee;
  }

  /** tripSeconds, with the route it takes on a road network (null: a straight line). */
  trip(zoneId: string, shelterId: string, roads: Record<string, RoadStatus>, version: number): { trip_s: number; route: Route | null } | null {
    const from = this.zonePlace.get(zoneId)!, to = this.shelterPlace.get(shelterId)!;
    const travel = this.travel;
    let s: number;
    let route: Route | null = null;
    const profile = this.evacueesOf(zoneId);
    if (travel.network && from.node !== null && to.node !== null) {
      route = travel.route(profile, from.node, to.node, roads, version);
      if (route === null) return null;
      s = route.time_s;
    } else {
      s = travel.straightTime(profile, travel.straightKm(from.x, from.y, to.x, to.y));
    }
    return s < Infinity ? { trip_s: roundTrip(s), route } : null;
  }

  /** Does area `outer` contain area `inner` (itself or an ancestor of it)? */
  contains(outer: string, inner: string): boolean {
    return outer === inner || (this.ancestors.get(inner)?.includes(outer) ?? false);
  }

  /** Does the area border the sea (`coast: true`), so that a sea ban there means something? */
  hasCoast(area: string): boolean {
    return this.area.get(area)?.coast === true;
  }

  /** The role that speaks for an area: the lowest-tier role whose area it is, else the doctrine stand-in. */
  roleFor(area: string): EffectiveRole | undefined {
    if (!this.speaker.has(area)) this.speaker.set(area, this.roles.find((r) => r.area === area));
    return this.speaker.get(area);
  }

  private readonly speaker = new Map<string, EffectiveRole | undefined>();

  /**
   * The role that may declare a level in an area: the nearest role, from the area up its parents, whose
   * `declares` has the level. Two tiers: the commune chair declares level 1 for its commune; legacy three
   * tiers (Civil Defence Law 2023 as first passed): the district chair declares it for the district's communes.
   */
  declarerFor(area: string, level: number): EffectiveRole | undefined {
    const key = `${level}/${area}`;
    if (!this.declarer.has(key)) {
      const chain = [area, ...(this.ancestors.get(area) ?? [])];
      let found: EffectiveRole | undefined;
      for (const a of chain) {
        found = this.roles.find((r) => r.area === a && r.declares.includes(level));
        if (found) break;
      }
      this.declarer.set(key, found);
    }
    return this.declarer.get(key);
  }

  private readonly declarer = new Map<string, EffectiveRole | undefined>();

  /** Need per capability at a severity (cached: the kinds never change during a run). */
  need(kind: IncidentKind, severity: number): Partial<Record<Capability, number>> {
    let bySeverity = this.needCache.get(kind.id);
    if (!bySeverity) {
      bySeverity = [1, 2, 3, 4, 5].map((sev) => {
        const out: Partial<Record<Capability, number>> = {};
        for (const [c, v] of Object.entries(kind.need) as [Capability, number | number[]][]) out[c] = Array.isArray(v) ? v[sev - 1] : v;
        return out;
      });
      this.needCache.set(kind.id, bySeverity);
    }
    return bySeverity[Math.min(5, Math.max(1, severity)) - 1];
  }

  private readonly needCache = new Map<string, Partial<Record<Capability, number>>[]>();

  /** `need` by the kind's id: one lookup where an incident asks (it holds the id, not the kind). */
  needOfKind(kindId: string, severity: number): Partial<Record<Capability, number>> {
    const bySeverity = this.needCache.get(kindId);
    if (bySeverity === undefined) return this.need(this.kind.get(kindId)!, severity);
    return bySeverity[Math.min(5, Math.max(1, severity)) - 1];
  }
}
