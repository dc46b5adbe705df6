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
import type { IncidentW } from './world.js';

const MAX_ROUNDS = 64;

export class Doctrine {
  constructor(private readonly sim: Sim) {}

  pass(): void {
    const sim = this.sim;
    const w = sim.world;
    w.dirty = false;
    if (sim.model.scenario.injects.some((i) => i.when) || w.added_injects.length) World.checkConditions(sim);
    this.evacuateAtRisk();
    this.dispatch();
    this.shortage();
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
    const keep: string[] = [];
    for (const id of w.needy) {
      const inc = w.incidents[id];
      if (!inc || !Incidents.isOpen(inc)) continue;
      keep.push(id);
      list.push(inc);
    }
    w.needy = keep;
    if (list.length > 1) list.sort((a, b) => this.order(a, b));
    let free = this.freeUnits();
    for (const inc of list) {
      if (free.length === 0) break;
      for (let round = 0; round < MAX_ROUNDS; round++) {
        const gap = Incidents.shortfall(sim, inc);
        if (Object.keys(gap).length === 0) break;
        const pick = this.best(inc, gap, free);
        if (pick === undefined) break;
        const ok = sim.decide({ at: sim.now, role: sim.model.commander.get(pick)!, author: 'doctrine', cmd: { do: 'dispatch', unit: pick, incident: inc.id } });
        free = free.filter((u) => u !== pick);
        if (!ok) continue;
      }
    }
    // forget incidents that are covered
    w.needy = w.needy.filter((id) => {
      const inc = w.incidents[id];
      return inc !== undefined && Incidents.isOpen(inc) && Object.keys(Incidents.shortfall(sim, inc)).length > 0;
    });
  }

  /** Available units whose commanding role doctrine plays, in scenario order. */
  private freeUnits(): string[] {
    const sim = this.sim;
    const out: string[] = [];
    for (const id of Object.keys(sim.world.units)) {
      if (sim.world.units[id].m.value !== 'available') continue;
      if (!sim.byDoctrine(sim.model.commander.get(id)!)) continue;
      out.push(id);
    }
    return out;
  }

  /** Local units first, then the quickest to arrive; ties go to scenario order. */
  private best(inc: IncidentW, gap: Record<string, number>, free: string[]): string | undefined {
    const sim = this.sim;
    const area = sim.world.areas[inc.area];
    let best: string | undefined;
    let bestLocal = 2, bestTime = Infinity;
    for (const id of free) {
      const spec = sim.model.unit.get(id)!;
      let useful = false;
      for (const c of Object.keys(spec.capabilities)) if ((gap as any)[c] > 0) { useful = true; break; }
      if (!useful) continue;
      const local = spec.home === inc.area ? 0 : 1;
      if (local === 1) {
        if (area.support_t < 0) continue;
        const role = sim.model.role.get(sim.model.commander.get(id)!)!;
        if (role.supports.length > 0 && !role.supports.includes(inc.area)) continue;
      }
      if (local > bestLocal) continue;
      const t = Units.timeTo(sim, id, inc);
      if (t === Infinity) continue;
      if (local < bestLocal || t < bestTime) { best = id; bestLocal = local; bestTime = t; }
    }
    return best;
  }

  /** Areas whose incidents stay short: after the threshold, ask the next tier (and declare level 1 if set). */
  private shortage(): void {
    const sim = this.sim;
    const w = sim.world;
    const d = sim.model.scenario.doctrine;
    const shortAreas = new Set<string>();
    for (const id of w.needy) { const inc = w.incidents[id]; if (inc) shortAreas.add(inc.area); }
    for (const a of sim.model.scenario.areas) {
      const aw = w.areas[a.id];
      const short = shortAreas.has(a.id);
      if (short !== aw.short) {
        aw.short = short;
        aw.short_t = short ? sim.now : -1;
        sim.emit('area.short', { id: a.id, short });
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

  /** Is there anyone outside the area who could send units if asked? */
  private helpExists(area: string): boolean {
    const sim = this.sim;
    for (const [uid, spec] of sim.model.unit) {
      if (spec.home === area) continue;
      const role = sim.model.role.get(sim.model.commander.get(uid)!)!;
      if (role.supports.length === 0 || role.supports.includes(area)) return true;
    }
    return false;
  }

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
