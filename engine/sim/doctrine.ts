/**
 * Doctrine: the auto-player that takes every decision no trainee takes,
 * following the written plan and "four on-the-spot": the area's own units
 * first; when its capacity stays short for the scenario's threshold, it asks
 * the next tier; outside units go only once asked, over open roads, and a
 * commune's units leave it only while `keep_home` others able to do the same
 * work stay free at home, and not at all while the commune's own risk level
 * is at `hold_at_risk` or above; a unit whose road to another area is cut is
 * called home when its own area has work for it, and so is a commune's unit
 * that got through to another area but saves no lives there (recallAway); a
 * unit far on its way is no cover against a free unit much sooner on scene
 * (farGapInto), which goes as well once every incident with no cover has had
 * its pick; the most severe incidents with the most lives at risk first (or
 * first come, first served with `dispatch: nearest`).
 *
 * Runs at the end of an instant in which something changed. Everything it
 * remembers lives in the world (needy and far_cover lists, areas' short_t),
 * so keyframes restore it.
 */
import { distMean } from '../core/distributions.js';
import { executeCheckedDispatch } from './commands.js';
import * as Incidents from './incidents.js';
import { sendsSupportTo } from './model.js';
import { PRIO, type Sim } from './sim.js';
import * as Units from './units.js';
import * as World from './world-ops.js';
import type { IncidentW, UnitW } from './world.js';
import { NEVER_S } from '../machines/never.js';

const MAX_ROUNDS = 64;

/**
 * doctrine.beside_far_sooner_by and beside_far_share when not given: a unit on its way counts as cover against any
 * free unit unless that one could be on scene this much sooner, and in at most this share of the time it still needs
 * (here, not in the schema: a batch worker loads the engine without zod)
 */
export const BESIDE_FAR_SOONER_BY_S = 3600;
export const BESIDE_FAR_SHARE = 0.5;

/** people still to be found alive (expected) below which an incident has no lives at stake: it rounds to nobody */
const LIVES_AT_STAKE = 0.5;

interface FleetUnit {
  /** place in the fleet */ index: number; /** the dispatch pass that last took it */ taken: number; id: string; w: UnitW; home: string; caps: string[]; role: string; supports: string[]; anywhere: boolean; /** straight-line seconds per km */ s_per_km: number;
  /** `doctrine.keep_home` for its home area: how many others able to do the same work must stay free there when it goes to support (0: none) */ keep: number;
  /** the fleet units of its home area that count for that reserve (itself included); empty when `keep` is 0 */ homeFleet: FleetUnit[];
  /** a commune's own unit (not one that responds anywhere): held at home while the commune's risk is at `hold_at_risk`, called home from work with no lives at stake */ holds: boolean;
  /** its mean mobilisation, whole seconds: what doctrine reckons it needs before it sets out (no draw) */ mob_s: number;
}

/** An assigned unit still on its way that counts as cover only against free units no much sooner on scene than `limit_s`. */
interface FarUnit { limit_s: number; caps: Record<string, number | undefined> }

export class Doctrine {
  private readonly conditions: boolean;

  /** times at which a player takes a role over from doctrine (a fork), in order; the next one's index */
  private readonly joins: number[];
  private nextJoin = 0;

  /** risk level at which a commune's units stop going to support others (Infinity: never) */
  private readonly holdAt: number;
  /** a unit on its way is far beyond this, and then no cover against a free unit this much sooner and in farShare of its time (see farGapInto) */
  private readonly farSooner_s: number;
  private readonly farShare: number;

  constructor(private readonly sim: Sim) {
    const d = sim.model.scenario.doctrine;
    // four on-the-spot: a commune under threat itself keeps its forces for itself; by default the level at which
    // doctrine would order its evacuation (3, orange, when it orders none), since that is when it will need them
    this.holdAt = typeof d.hold_at_risk === 'number' ? d.hold_at_risk : d.hold_at_risk === false ? Infinity : d.evacuate_at_risk ?? 3;
    this.farSooner_s = d.beside_far_sooner_by ?? BESIDE_FAR_SOONER_BY_S;
    this.farShare = d.beside_far_share ?? BESIDE_FAR_SHARE;
    this.conditions = sim.model.scenario.injects.some((i) => i.when !== undefined);
    this.joins = [...new Set(Object.values(sim.opts.joined ?? {}))].sort((a, b) => a - b);
  }

  /** One doctrine pass at the end of an instant; each part is skipped when it has nothing to look at. */
  pass(): void {
    const sim = this.sim;
    const w = sim.world;
    w.dirty = false;
    // a role taken over since the last pass: its units leave doctrine's fleet
    while (this.nextJoin < this.joins.length && this.joins[this.nextJoin] <= sim.now) {
      this.nextJoin++;
      this.fleetCache = null;
      this.freeCount = 0;
    }
    if (this.conditions || w.added_injects.length) World.checkConditions(sim);
    if (sim.model.scenario.doctrine.evacuate_at_risk !== undefined) this.evacuateAtRisk();
    if (w.needy.length > 0 || (w.far_cover !== undefined && this.anyFree())) this.dispatch();
    if (w.needy.length > 0 && this.blockedCount > 0) this.recallBlocked();
    if (w.needy.length > 0 && this.holdsByHome.size > 0) this.recallAway();
    if (w.needy.length > 0 || w.far_cover !== undefined || this.anyShort()) this.shortage();
  }

  private anyShort(): boolean {
    const areas = this.sim.world.areas;
    for (const id in areas) if (areas[id].short) return true;
    return false;
  }

  private order(a: IncidentW, b: IncidentW): number {
    if (this.sim.model.scenario.doctrine.dispatch === 'severity') {
      if (a.severity !== b.severity) return b.severity - a.severity;
      if (a.people !== b.people) return b.people - a.people;
    }
    return a.reported_t - b.reported_t || a.seq - b.seq;
  }

  private readonly list: IncidentW[] = [];
  private readonly byOrder = (a: IncidentW, b: IncidentW): number => this.order(a, b);

  private sorted(list: IncidentW[]): boolean {
    for (let i = 1; i < list.length; i++) if (this.order(list[i - 1], list[i]) > 0) return false;
    return true;
  }

  /** Is any fleet unit free? (builds the fleet first: a restored Sim's doctrine has not built it yet) */
  private anyFree(): boolean {
    void this.fleet;
    return this.freeCount > 0;
  }

  private dispatch(): void {
    const sim = this.sim;
    const w = sim.world;
    const farCover = w.far_cover;
    if (w.needy.length === 0 && farCover === undefined) return;
    // the incidents in doctrine's order, in a list kept from pass to pass (passes never nest)
    const list = this.list;
    let n = 0;
    for (let i = 0; i < w.needy.length; i++) {
      const inc = sim.incident(w.needy[i]);
      if (inc && Incidents.isOpen(inc)) list[n++] = inc;
    }
    // those covered only by units far on their way: worth a look only while some unit is free
    const fromFar = this.fromFar, farKnown = this.farKnown;
    if (fromFar.size > 0) fromFar.clear();
    if (farKnown.size > 0) farKnown.clear();
    if (farCover !== undefined && this.anyFree()) {
      for (let i = 0; i < farCover.length; i++) {
        const inc = sim.incident(farCover[i]);
        if (inc && Incidents.isOpen(inc) && !w.needy.includes(inc.id)) { list[n++] = inc; fromFar.add(inc.id); }
      }
    }
    while (list.length > n) list.pop(); // not `length = n`: at 0 that drops the list's storage
    // mostly in order already (needy in the order they became so): a stable sort would change nothing
    if (n > 1 && !this.sorted(list)) list.sort(this.byOrder);
    const taken = ++this.passes;
    const gap = this.gap;
    void this.fleet; // built, with the free units' bits
    for (let i = 0; i < n; i++) {
      const inc = list[i];
      // nothing free: no pick can come of it (most passes while incidents queue); one on far_cover and not needy is
      // not short (anything that makes it short marks it needy)
      if (this.freeCount === 0 || (fromFar.size > 0 && fromFar.has(inc.id))) continue;
      for (let round = 0; round < MAX_ROUNDS; round++) {
        if (!Incidents.shortfallInto(sim, inc, gap)) break;
        const pick = this.best(inc, gap, taken, false);
        if (pick === undefined) break;
        this.send(pick, inc, taken);
      }
    }
    // then, with what is still free, incidents covered only by units far on their way: a free unit much sooner on
    // scene goes as well (after every incident with no cover at all has had its pick: help on its way comes first)
    for (let i = 0; i < n && this.freeCount > 0; i++) {
      const inc = list[i];
      for (let round = 0; round < MAX_ROUNDS && this.freeCount > 0; round++) {
        if (!this.farGapInto(inc)) break;
        const pick = this.best(inc, this.nearGap, taken, true);
        // nothing sent to it after this look: the keep below need not look again
        if (pick === undefined) { farKnown.add(inc.id); break; }
        this.send(pick, inc, taken);
      }
    }
    // keep only incidents still short, in their order; those covered only by units far on their way are kept apart
    // (a unit freed later may be much sooner there), in the order they became so
    const far = this.farList;
    while (far.length > 0) far.pop();
    if (farCover !== undefined) {
      for (const id of farCover) {
        const inc = sim.incident(id);
        if (inc === undefined || !Incidents.isOpen(inc) || w.needy.includes(id)) continue;
        if (farKnown.size > 0 && farKnown.has(id)) far.push(id);
        else if (Incidents.shortfallInto(sim, inc, gap)) w.needy.push(id);
        else if (this.farGapInto(inc)) far.push(id);
      }
    }
    let keep = 0;
    for (const id of w.needy) {
      const inc = sim.incident(id);
      if (inc === undefined || !Incidents.isOpen(inc)) continue;
      if (Incidents.shortfallInto(sim, inc, gap)) w.needy[keep++] = id;
      else if (this.farGapInto(inc)) far.push(id);
    }
    while (w.needy.length > keep) w.needy.pop(); // not `length = keep`: at 0 that drops the list's storage
    if (far.length > 0) w.far_cover = far.slice();
    else if (farCover !== undefined) delete w.far_cover;
  }

  /** scratch for the next `far_cover` */
  private readonly farList: string[] = [];
  /** this pass: incidents listed from far_cover (not needy), and those the far rounds left covered only from far */
  private readonly fromFar = new Set<string>();
  private readonly farKnown = new Set<string>();

  private send(pick: FleetUnit, inc: IncidentW, taken: number): void {
    const sim = this.sim;
    pick.taken = taken;
    // a finite time: best() has checked all that check() would (the NaN of a unit that cannot move, at distance 0, has not)
    if (this.bestTime < Infinity) executeCheckedDispatch(sim, pick.role, pick.id, pick.w, inc);
    else sim.decide({ at: sim.now, role: pick.role, author: 'doctrine', cmd: { do: 'dispatch', unit: pick.id, incident: inc.id } });
  }

  /** what the incident at hand lacks without its units far on their way (farGapInto), and those units */
  private readonly nearGap: Record<string, number> = {};
  private readonly far: FarUnit[] = [];

  /**
   * A far unit is one still on its way (mobilising or en route) that needs more than farSooner_s to be on scene:
   * it counts as cover only against free units that could not be there farSooner_s sooner and in at most farShare
   * of its time (`limit_s`, the latest such a unit may arrive in). Writes what the incident lacks without its far
   * units into `nearGap` and lists them in `far`; returns whether it lacks anything then (false, and nothing to
   * look at, when no assigned unit is far: every trip of a few minutes, as in most runs).
   */
  private farGapInto(inc: IncidentW): boolean {
    const sim = this.sim;
    const assigned = inc.assigned;
    let any = false;
    for (let i = 0; i < assigned.length; i++) {
      const u = sim.world.units[assigned[i]];
      const s = u.m.value;
      if ((s === 'mobilising' || s === 'en_route') && Units.onSceneIn(sim, u) > this.farSooner_s) { any = true; break; }
    }
    if (!any) return false;
    const far = this.far;
    while (far.length > 0) far.pop();
    const gap = this.nearGap;
    for (const c in gap) gap[c] = 0;
    const need = Incidents.needOf(sim, inc) as Record<string, number | undefined>;
    for (const c in need) gap[c] = need[c] ?? 0;
    for (let i = 0; i < assigned.length; i++) {
      const u = sim.world.units[assigned[i]];
      const s = u.m.value;
      if (s === 'blocked') continue;
      const caps = sim.model.unit.get(assigned[i])!.capabilities as Record<string, number | undefined>;
      const rem = s === 'mobilising' || s === 'en_route' ? Units.onSceneIn(sim, u) : 0;
      if (rem > this.farSooner_s) far.push({ limit_s: Math.min(rem - this.farSooner_s, rem * this.farShare), caps });
      else for (const c in need) gap[c] -= caps[c] ?? 0;
    }
    let short = false;
    for (const c in need) if (gap[c] > 1e-9) short = true;
    return short;
  }

  /** Is a capability of u's still lacking at the incident at hand, counting the far units it would not be as soon as? (see farGapInto) */
  private beatsFar(u: FleetUnit, t_s: number): boolean {
    const far = this.far;
    for (let k = 0; k < u.caps.length; k++) {
      const c = u.caps[k];
      let gap = this.nearGap[c] ?? 0;
      if (!(gap > 1e-9)) continue;
      for (let j = 0; j < far.length; j++) if (t_s > far[j].limit_s) gap -= far[j].caps[c] ?? 0;
      if (gap > 1e-9) return true;
    }
    return false;
  }

  /** dispatch passes so far: a unit taken in this pass carries its number */
  private passes = 0;

  /** scratch for the shortfall of the incident at hand */
  private readonly gap: Record<string, number> = {};

  /**
   * Units whose commanding role doctrine plays, in scenario order, with what choosing among them needs. Built
   * in a method of its own: its closures would make V8 allocate their context at every read of the getter.
   */
  private get fleet(): FleetUnit[] {
    return this.fleetCache ?? this.buildFleet();
  }

  private buildFleet(): FleetUnit[] {
    const sim = this.sim;
    const out: FleetUnit[] = [];
    const keepHome = sim.model.scenario.doctrine.keep_home ?? 0;
    // a number is every commune's reserve (the province's and a district's units are the support itself); a mapping names its areas;
    // an emergency service that responds anywhere is neither held back nor counted in a reserve
    const commune = (home: string): boolean => sim.model.area.get(home)?.tier === 'commune';
    const keepOf = (home: string): number => typeof keepHome === 'number' ? (sim.model.area.get(home)?.tier === 'commune' ? keepHome : 0) : (keepHome[home] ?? 0);
    for (const [id, spec] of sim.model.unit) {
      const role = sim.model.role.get(sim.model.commander.get(id)!)!;
      if (!sim.byDoctrine(role.id)) continue;
      const profile = sim.model.profile.get(id)!;
      const keep = spec.responds_anywhere ? 0 : keepOf(spec.home);
      out.push({
        index: out.length, taken: 0, id, w: sim.world.units[id], home: spec.home, caps: Object.keys(spec.capabilities), role: role.id, supports: role.supports,
        anywhere: spec.responds_anywhere, s_per_km: profile.vmax > 0 ? (sim.model.scenario.travel.detour / profile.vmax) * 3600 : Infinity,
        keep, homeFleet: [], holds: !spec.responds_anywhere && commune(spec.home), mob_s: Math.max(0, Math.round(distMean(spec.mobilisation))),
      });
    }
    this.holdsByHome = new Map();
    for (const u of out) if (u.holds) this.holdsByHome.set(u.home, [...(this.holdsByHome.get(u.home) ?? []), u]);
    if (keepHome !== 0) {
      const byHome = new Map<string, FleetUnit[]>();
      for (const u of out) if (u.keep > 0) byHome.set(u.home, [...(byHome.get(u.home) ?? []), u]);
      for (const u of out) if (u.keep > 0) u.homeFleet = byHome.get(u.home)!;
    }
    this.fleetById = new Map(out.map((u) => [u.id, u]));
    this.freeBits = new Uint32Array((out.length + 31) >>> 5);
    this.blockedCount = 0;
    for (const u of out) {
      if (u.w.m.value === 'available') this.setFree(u, true);
      else if (u.w.m.value === 'blocked') this.blockedCount++;
    }
    return (this.fleetCache = out);
  }

  private fleetCache: FleetUnit[] | null = null;
  private fleetById = new Map<string, FleetUnit>();
  /** a commune's own fleet units, by home area, in fleet order (what recallAway looks through) */
  private holdsByHome = new Map<string, FleetUnit[]>();

  /**
   * Which fleet units are available, one bit each in fleet order: what
   * `best` looks through. Built with the fleet from the world's states, then
   * kept by `unitFree` (a restored Sim builds it afresh from its world).
   */
  private freeBits = new Uint32Array(0);
  private freeCount = 0;

  private setFree(u: FleetUnit, free: boolean): void {
    const word = u.index >>> 5, bit = 1 << (u.index & 31);
    if (((this.freeBits[word] & bit) !== 0) === free) return;
    this.freeBits[word] ^= bit;
    this.freeCount += free ? 1 : -1;
  }

  /** A unit's machine entered (`free`) or left 'available' (Units.onStep tells). */
  unitFree(id: string, free: boolean): void {
    if (this.fleetCache === null) return;
    const u = this.fleetById.get(id);
    if (u !== undefined) this.setFree(u, free);
  }

  /** fleet units now blocked: recallBlocked looks through the fleet only when there are some */
  private blockedCount = 0;

  /** A unit's machine entered (`blocked`) or left 'blocked' (Units.onStep tells). */
  /** Is u on its way and far (more than beside_far_sooner_by from the scene), so no cover against a much nearer free unit? */
  isFar(u: UnitW): boolean {
    const s = u.m.value;
    return (s === 'mobilising' || s === 'en_route') && Units.onSceneIn(this.sim, u) > this.farSooner_s;
  }

  unitBlocked(id: string, blocked: boolean): void {
    if (this.fleetCache === null || !this.fleetById.has(id)) return;
    this.blockedCount += blocked ? 1 : -1;
  }

  /**
   * Local units first, then the quickest to arrive; ties go to scenario order. `far`: `gap` is farGapInto's, and a
   * unit goes only if it would be on scene (its mean mobilisation, then the trip) soon enough to beat the far units.
   */
  private best(inc: IncidentW, gap: Record<string, number>, taken: number, far: boolean): FleetUnit | undefined {
    const sim = this.sim;
    const supported = sim.world.areas[inc.area].support_t >= 0;
    const straight = !sim.model.travel.network;
    let best: FleetUnit | undefined;
    let bestLocal = 2, bestTime = Infinity;
    // lives at stake at the incident (-1: not yet asked): a commune's unit goes to work with none only while its home lacks nothing it has
    let lives = -1;
    const fleet = this.fleet;
    const bits = this.freeBits;
    for (let wi = 0; wi < bits.length; wi++) {
      for (let word = bits[wi]; word !== 0; word &= word - 1) {
        const u = fleet[(wi << 5) + 31 - Math.clz32(word & -word)];
        if (u.taken === taken) continue;
        // by index, not for-of: no iterator per unit looked at
        let useful = false;
        for (let k = 0; k < u.caps.length; k++) if ((gap[u.caps[k]] ?? 0) > 0) { useful = true; break; }
        if (!useful) continue;
        // emergency services that respond anywhere rank with the local units
        const local = u.home === inc.area || u.anywhere ? 0 : 1;
        if (local === 1 && (!supported || !sendsSupportTo(u, inc.area))) continue;
        if (local === 1 && u.holds && sim.world.areas[u.home].risk >= this.holdAt) continue;
        if (local === 1 && u.keep > 0 && !this.leavesReserve(u, gap, taken)) continue;
        if (local > bestLocal) continue;
        if (local === 1 && u.holds) {
          if (lives < 0) lives = Incidents.stillToSave(sim, inc);
          if (lives < LIVES_AT_STAKE && this.homeLacks(u)) continue;
        }
        let t: number;
        if (straight) {
          const dx = u.w.x - inc.x, dy = u.w.y - inc.y;
          t = Math.sqrt(dx * dx + dy * dy) * u.s_per_km;
        } else t = Units.timeTo(sim, u.id, inc);
        if (t === Infinity) continue;
        if (far && !this.beatsFar(u, u.mob_s + t)) continue;
        if (local < bestLocal || t < bestTime) { best = u; bestLocal = local; bestTime = t; }
      }
    }
    this.bestTime = bestTime;
    return best;
  }

  /**
   * Would at least `keep` other units of u's home area stay free if u went
   * to support another area, each able to do some of the work u is sent for
   * (a capability u has that the incident still lacks)? A medical station
   * left at home is no reserve for the rescue its militia was sent to. Free:
   * available, and not taken earlier in this pass (a dispatch that waits for
   * its decision leaves the unit available).
   */
  private leavesReserve(u: FleetUnit, gap: Record<string, number>, taken: number): boolean {
    let others = 0;
    const bits = this.freeBits;
    for (const o of u.homeFleet) {
      if (o === u || o.taken === taken || (bits[o.index >>> 5] & (1 << (o.index & 31))) === 0) continue;
      let same = false;
      for (const c of o.caps) if ((gap[c] ?? 0) > 0 && u.caps.includes(c)) { same = true; break; }
      if (!same) continue;
      if (++others >= u.keep) return true;
    }
    return false;
  }

  /**
   * Four on-the-spot: a unit stuck on a cut road on its way to another area
   * helps nobody there, while its own area may need it. For each incident
   * still short after dispatch (in the needy list's order), recall the blocked
   * units of its area sent elsewhere that have a capability it lacks and can
   * get to it, until the lack is covered; once home and available, dispatch
   * sends them to it as local units. No draw: the recall's way home is
   * computed, not sampled.
   */
  private recallBlocked(): void {
    const sim = this.sim;
    const w = sim.world;
    const gap = this.gap;
    const fleet = this.fleet;
    // a recall marks the incident left needy (appended): those are in other areas, not looked at here
    for (let i = 0, n = w.needy.length; i < n; i++) {
      const inc = sim.incident(w.needy[i]);
      if (inc === undefined || !Incidents.isOpen(inc) || !Incidents.shortfallInto(sim, inc, gap)) continue;
      for (const u of fleet) {
        if (u.home !== inc.area || u.anywhere || u.w.m.value !== 'blocked') continue;
        const away = u.w.incident === null ? undefined : sim.incident(u.w.incident);
        if (away !== undefined && away.area === u.home) continue;
        if (this.callHome(u, inc, gap)) break;
      }
    }
  }

  /**
   * Recall u for `inc` when it has a capability the incident lacks (`gap`, less what it brings once recalled) and
   * a way home and there; returns whether the lack is then covered (no need to call anyone else for it).
   */
  private callHome(u: FleetUnit, inc: IncidentW, gap: Record<string, number>): boolean {
    const sim = this.sim;
    let useful = false;
    for (const c of u.caps) if ((gap[c] ?? 0) > 0) { useful = true; break; }
    if (!useful || Units.timeTo(sim, u.id, inc) === Infinity || Units.returnFromHere(sim, u.id) >= NEVER_S) return false;
    if (!sim.decide({ at: sim.now, role: u.role, author: 'doctrine', cmd: { do: 'recall', unit: u.id } })) return false;
    let left = false;
    const caps = sim.model.unit.get(u.id)!.capabilities as Record<string, number | undefined>;
    for (const c in gap) if ((gap[c] = (gap[c] ?? 0) - (caps[c] ?? 0)) > 1e-9) left = true;
    return !left;
  }

  /**
   * Does an open incident of u's home area lack a capability u has (needy, and short after what is sent to it)?
   * Then doctrine does not send u to work with no lives at stake elsewhere: recallAway would call it straight home.
   */
  private homeLacks(u: FleetUnit): boolean {
    const sim = this.sim;
    const needy = sim.world.needy;
    const gap = this.homeGap;
    for (let i = 0; i < needy.length; i++) {
      const inc = sim.incident(needy[i]);
      if (inc === undefined || inc.area !== u.home || !Incidents.isOpen(inc) || !Incidents.shortfallInto(sim, inc, gap)) continue;
      for (const c of u.caps) if ((gap[c] ?? 0) > 0) return true;
    }
    return false;
  }

  private readonly homeGap: Record<string, number> = {};

  /**
   * Four on-the-spot: a commune's unit that doctrine sent to another area, on its way or on scene there, does
   * nothing for lives there once nobody is left there to save (Incidents.stillToSave below LIVES_AT_STAKE: the
   * people not yet reached, times the chance they are still alive, come to less than half a person). For each
   * incident of its home still short after dispatch (in the needy list's order), such units of that home with a
   * capability it lacks and a way to it are called home, until the lack is covered; once home and available,
   * dispatch sends them to it as local units. A unit saving lives elsewhere stays. No draw.
   */
  private recallAway(): void {
    const sim = this.sim;
    const w = sim.world;
    const gap = this.gap;
    // a recall marks the incident left needy (appended): those are in other areas, not looked at here
    for (let i = 0, n = w.needy.length; i < n; i++) {
      const inc = sim.incident(w.needy[i]);
      if (inc === undefined) continue;
      const home = this.holdsByHome.get(inc.area);
      if (home === undefined) continue;
      let away = false;
      for (const u of home) if (this.awayAt(u) !== undefined) { away = true; break; }
      if (!away || !Incidents.isOpen(inc) || !Incidents.shortfallInto(sim, inc, gap)) continue;
      for (const u of home) {
        const there = this.awayAt(u);
        if (there === undefined || Incidents.stillToSave(sim, there) >= LIVES_AT_STAKE) continue;
        if (this.callHome(u, inc, gap)) break;
      }
    }
  }

  /** The incident of another area that u is mobilising for, on its way to or on scene at; undefined otherwise. */
  private awayAt(u: FleetUnit): IncidentW | undefined {
    const s = u.w.m.value;
    if (u.w.incident === null || (s !== 'mobilising' && s !== 'en_route' && s !== 'on_scene')) return undefined;
    const there = this.sim.incident(u.w.incident);
    return there !== undefined && there.area !== u.home ? there : undefined;
  }

  /** the time to the incident of best()'s last pick */
  private bestTime = Infinity;

  /** Areas whose incidents stay short: after the threshold, ask the next tier (and declare level 1 if set). */
  private shortage(): void {
    const sim = this.sim;
    const w = sim.world;
    const d = sim.model.scenario.doctrine;
    const shortAreas = new Set<string>();
    for (const id of w.needy) { const inc = sim.incident(id); if (inc) shortAreas.add(inc.area); }
    // and an incident that lacks what only units far on their way bring (farGapInto): support sent from hours away
    // does not end the shortage that level 1 is declared for (asked for sooner than that, it had reset the clock)
    if (w.far_cover !== undefined) {
      for (const id of w.far_cover) {
        const inc = sim.incident(id);
        // the list is kept by dispatch, which looks again only while a unit is free: the unit may be near by now
        if (inc && Incidents.isOpen(inc) && !shortAreas.has(inc.area) && this.farGapInto(inc)) shortAreas.add(inc.area);
      }
    }
    for (const a of sim.model.scenario.areas) {
      const aw = w.areas[a.id];
      const short = shortAreas.has(a.id);
      if (short !== aw.short) {
        aw.short = short;
        aw.short_t = short ? sim.now : -1;
        sim.emit({ t: sim.now, type: 'area.short', id: a.id, short });
        if (!short && aw.timers.wake !== undefined) { sim.queue.cancel(aw.timers.wake); delete aw.timers.wake; }
      }
      if (!short) continue;
      const role = sim.model.roleFor(a.id);
      const since = sim.now - aw.short_t;
      let wake = Infinity;
      if (role && sim.byDoctrine(role.id) && aw.support_t < 0 && this.helpExists(a.id)) {
        if (since >= d.request_support_after) sim.decide({ at: sim.now, role: role.id, author: 'doctrine', cmd: { do: 'request_support', area: a.id } });
        else wake = Math.min(wake, aw.short_t + d.request_support_after);
      }
      // level 1 is declared by whoever the law names: the commune chair (two tiers) or, in legacy three tiers, the district above it
      const declarer = sim.model.declarerFor(a.id, 1);
      if (d.declare_when_short !== undefined && (aw.level.context.level as number) === 0 && declarer && sim.byDoctrine(declarer.id)) {
        if (since >= d.declare_when_short) sim.decide({ at: sim.now, role: declarer.id, author: 'doctrine', cmd: { do: 'declare_level', area: a.id, level: 1 } });
        else wake = Math.min(wake, aw.short_t + d.declare_when_short);
      }
      if (wake < Infinity && aw.timers.wake === undefined) aw.timers.wake = sim.schedule(wake, PRIO.wake, { k: 'wake', area: a.id });
    }
  }

  /** Is there anyone outside the area who could send units if asked? (depends on the scenario only) */
  private helpExists(area: string): boolean {
    let known = this.help.get(area);
    if (known === undefined) {
      const sim = this.sim;
      known = false;
      for (const [uid, spec] of sim.model.unit) {
        if (spec.home === area) continue;
        const role = sim.model.role.get(sim.model.commander.get(uid)!)!;
        if (sendsSupportTo(role, area)) { known = true; break; }
      }
      this.help.set(area, known);
    }
    return known;
  }

  private readonly help = new Map<string, boolean>();

  /** Order evacuation where the risk level has reached the doctrine's threshold. */
  private evacuateAtRisk(): void {
    const sim = this.sim;
    const threshold = sim.model.scenario.doctrine.evacuate_at_risk;
    if (threshold === undefined) return;
    for (const z of sim.model.scenario.evacuation.zones) {
      if (sim.world.zones[z.id].m.value !== 'idle' || sim.world.areas[z.area].risk < threshold) continue;
      const role = sim.model.roleFor(z.area);
      if (!role || !sim.byDoctrine(role.id)) continue;
      sim.decide({ at: sim.now, role: role.id, author: 'doctrine', cmd: { do: 'evacuate', zone: z.id } });
    }
  }
}
