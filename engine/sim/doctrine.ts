/**
 * Doctrine: the auto-player that takes every decision no trainee takes,
 * following the written plan and "four on-the-spot": the area's own units
 * first; when its capacity stays short for the scenario's threshold, it asks
 * the next tier; outside units go only once asked, over open roads; the most
 * severe incidents with the most lives at risk first (or first come, first
 * served with `dispatch: nearest`).
 *
 * Runs at the end of an instant in which something changed. Everything it
 * remembers lives in the world (needy list, areas' short_t), so keyframes
 * restore it.
 */
import * as Incidents from './incidents.js';
import { PRIO, type Sim } from './sim.js';
import * as Units from './units.js';
import * as World from './world-ops.js';
import type { IncidentW, UnitW } from './world.js';

const MAX_ROUNDS = 64;

interface FleetUnit { /** the dispatch pass that last took it */ taken: number; id: string; w: UnitW; home: string; caps: string[]; role: string; supports: string[]; anywhere: boolean; /** straight-line seconds per km */ s_per_km: number }

export class Doctrine {
  private readonly conditions: boolean;

  constructor(private readonly sim: Sim) {
    this.conditions = sim.model.scenario.injects.some((i) => i.when !== undefined);
  }

  /** One doctrine pass at the end of an instant; each part is skipped when it has nothing to look at. */
  pass(): void {
    const sim = this.sim;
    const w = sim.world;
    w.dirty = false;
    if (this.conditions || w.added_injects.length) World.checkConditions(sim);
    if (sim.model.scenario.doctrine.evacuate_at_risk !== undefined) this.evacuateAtRisk();
    if (w.needy.length > 0) this.dispatch();
    if (w.needy.length > 0 || this.anyShort()) this.shortage();
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

  private dispatch(): void {
    const sim = this.sim;
    const w = sim.world;
    if (w.needy.length === 0) return;
    const list: IncidentW[] = [];
    for (const id of w.needy) {
      const inc = sim.incident(id);
      if (inc && Incidents.isOpen(inc)) list.push(inc);
    }
    if (list.length > 1) list.sort((a, b) => this.order(a, b));
    const taken = ++this.passes;
    for (const inc of list) {
      for (let round = 0; round < MAX_ROUNDS; round++) {
        const gap = Incidents.shortfall(sim, inc);
        if (gap === null) break;
        const pick = this.best(inc, gap, taken);
        if (pick === undefined) break;
        pick.taken = taken;
        sim.decide({ at: sim.now, role: pick.role, author: 'doctrine', cmd: { do: 'dispatch', unit: pick.id, incident: inc.id } });
      }
    }
    // keep only incidents still short, in their order
    let keep = 0;
    for (const id of w.needy) {
      const inc = sim.incident(id);
      if (inc !== undefined && Incidents.isOpen(inc) && Incidents.shortfall(sim, inc) !== null) w.needy[keep++] = id;
    }
    w.needy.length = keep;
  }

  /** dispatch passes so far: a unit taken in this pass carries its number */
  private passes = 0;

  /** Units whose commanding role doctrine plays, in scenario order, with what choosing among them needs. */
  private get fleet(): FleetUnit[] {
    if (this.fleetCache) return this.fleetCache;
    const sim = this.sim;
    const out: FleetUnit[] = [];
    for (const [id, spec] of sim.model.unit) {
      const role = sim.model.role.get(sim.model.commander.get(id)!)!;
      if (!sim.byDoctrine(role.id)) continue;
      const profile = sim.model.profile.get(id)!;
      out.push({
        taken: 0, id, w: sim.world.units[id], home: spec.home, caps: Object.keys(spec.capabilities), role: role.id, supports: role.supports,
        anywhere: spec.responds_anywhere, s_per_km: profile.vmax > 0 ? (sim.model.scenario.travel.detour / profile.vmax) * 3600 : Infinity,
      });
    }
    return (this.fleetCache = out);
  }

  private fleetCache: FleetUnit[] | null = null;

  /** Local units first, then the quickest to arrive; ties go to scenario order. */
  private best(inc: IncidentW, gap: Record<string, number>, taken: number): FleetUnit | undefined {
    const sim = this.sim;
    const supported = sim.world.areas[inc.area].support_t >= 0;
    const straight = !sim.model.travel.network;
    let best: FleetUnit | undefined;
    let bestLocal = 2, bestTime = Infinity;
    for (const u of this.fleet) {
      if (u.w.m.value !== 'available' || u.taken === taken) continue;
      let useful = false;
      for (const c of u.caps) if ((gap[c] ?? 0) > 0) { useful = true; break; }
      if (!useful) continue;
      // emergency services that respond anywhere rank with the local units
      const local = u.home === inc.area || u.anywhere ? 0 : 1;
      if (local === 1 && (!supported || (u.supports.length > 0 && !u.supports.includes(inc.area)))) continue;
      if (local > bestLocal) continue;
      let t: number;
      if (straight) {
        const dx = u.w.x - inc.x, dy = u.w.y - inc.y;
        t = Math.sqrt(dx * dx + dy * dy) * u.s_per_km;
      } else t = Units.timeTo(sim, u.id, inc);
      if (t === Infinity) continue;
      if (local < bestLocal || t < bestTime) { best = u; bestLocal = local; bestTime = t; }
    }
    return best;
  }

  /** Areas whose incidents stay short: after the threshold, ask the next tier (and declare level 1 if set). */
  private shortage(): void {
    const sim = this.sim;
    const w = sim.world;
    const d = sim.model.scenario.doctrine;
    const shortAreas = new Set<string>();
    for (const id of w.needy) { const inc = sim.incident(id); if (inc) shortAreas.add(inc.area); }
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
      if (!role || !sim.byDoctrine(role.id)) continue;
      const since = sim.now - aw.short_t;
      let wake = Infinity;
      if (aw.support_t < 0 && this.helpExists(a.id)) {
        if (since >= d.request_support_after) sim.decide({ at: sim.now, role: role.id, author: 'doctrine', cmd: { do: 'request_support', area: a.id } });
        else wake = Math.min(wake, aw.short_t + d.request_support_after);
      }
      if (d.declare_when_short !== undefined && (aw.level.context.level as number) === 0 && role.declares.includes(1)) {
        if (since >= d.declare_when_short) sim.decide({ at: sim.now, role: role.id, author: 'doctrine', cmd: { do: 'declare_level', area: a.id, level: 1 } });
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
        if (role.supports.length === 0 || role.supports.includes(area)) { known = true; break; }
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
