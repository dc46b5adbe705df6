/**
 * Per-area figures from the event stream: evacuation completion over time
 * (per zone and per area), shelter occupancy against capacity, and days of
 * supplies left in areas cut off from the province. Fed the same events as
 * Metrics, in the same order.
 */
import type { Scenario } from '../scenario/schema.js';
import type { LogEvent } from './metrics.js';

const DAY_S = 86_400;
const round3 = (v: number) => Math.round(v * 1000) / 1000;

export interface ZoneFigures {
  id: string;
  area: string;
  population: number;
  ordered_t: number | null;
  ordered_by: string | null;
  moving_t: number | null;
  done_t: number | null;
  /**
   * when the hazard reached the zone: its strike event, or, for a zone emptied before (the engine logs no strike
   * then), the scenario's hazard_arrives once the run got there
   */
  struck_t: number | null;
  /** people still in the zone when the hazard arrived (0 for a zone emptied before) */
  caught: number | null;
  sheltered: number;
  /**
   * the first time people waiting in the zone could not set off because every road to its open shelters with room
   * was cut (its evacuation stalled, `cut`), and how many were waiting then; null and 0 when that never happened
   */
  cut_t: number | null;
  cut_people: number;
  /**
   * the first time people on their way to a shelter were stranded on the road, no open road leading on to it, nor to
   * another of the zone's shelters with room, from where they were (engine 0.8.0), the most stranded at once, and how
   * many still were at the end; null, 0 and 0 when that never happened
   */
  stranded_t: number | null;
  stranded_people: number;
  stranded_end: number;
  /**
   * people on their way whom a cut road turned to another of the zone's shelters (`zone.trip` with `from_shelter`,
   * engine 0.8.0): the first time, how many (each turn away from a shelter they set out for), and the shelters they
   * turned from and to, in order of first turning; null, 0 and empty when none did
   */
  switched_t: number | null;
  switched_people: number;
  switched_from: string[];
  switched_to: string[];
  /** sheltered over population at the end (0-1) */
  share: number;
  /** [t, sheltered] at every evacuation step */
  series: [number, number][];
}

export interface ShelterFigures {
  id: string;
  area: string;
  capacity: number;
  peak: number;
  peak_t: number | null;
  /** peak over capacity (0-1+) */
  peak_share: number;
  full_t: number | null;
  /**
   * the first time, while the shelter was full, that a zone it takes in had people left with no place in any
   * open shelter (its evacuation stalled): a full shelter whose overflow went elsewhere leaves this null
   */
  overflow_t: number | null;
  /** the zone left without a place then, and how many of its people were still waiting */
  overflow_zone: string | null;
  overflow_people: number;
  opened_t: number | null;
  supplies_person_days: number;
  /** how long the shelter's own supplies last for its peak occupancy, in days */
  supplies_days_at_peak: number | null;
  /** [t, occupancy] */
  series: [number, number][];
}

export interface AreaFigures {
  id: string;
  /** people in the area's evacuation zones */
  zone_population: number;
  /** [t, share sheltered over the area's zones] */
  evacuation: [number, number][];
  evacuated_share: number;
  risk_max: number;
  risk_max_t: number | null;
  isolated_s: number;
  isolated_at_end: boolean;
  /** days of local stock when first cut off (null when the area never reported stock) */
  stock_days_first: number | null;
  /** days of local stock left at the end of the run */
  stock_days_left: number | null;
  stock_out_t: number | null;
}

interface AreaRec {
  risk: number; risk_max: number; risk_max_t: number | null;
  isolated: boolean; isolated_since: number; isolated_s: number;
  stock: { t: number; days: number } | null; stock_first: number | null; stock_out_t: number | null;
  evacuation: [number, number][];
}

export class AreaMetrics {
  private readonly zones = new Map<string, ZoneFigures>();
  private readonly shelters = new Map<string, ShelterFigures>();
  private readonly areas = new Map<string, AreaRec>();
  private readonly zonesOfArea = new Map<string, string[]>();
  private readonly hazardArrives = new Map<string, number>();
  private readonly sheltersOfZone = new Map<string, string[]>();
  private readonly fullNow = new Set<string>();

  constructor(scenario: Scenario) {
    for (const a of scenario.areas) {
      this.areas.set(a.id, { risk: 0, risk_max: 0, risk_max_t: null, isolated: false, isolated_since: 0, isolated_s: 0, stock: null, stock_first: null, stock_out_t: null, evacuation: [] });
    }
    for (const z of scenario.evacuation.zones) {
      this.zones.set(z.id, { id: z.id, area: z.area, population: z.population, ordered_t: null, ordered_by: null, moving_t: null, done_t: null, struck_t: null, caught: null, cut_t: null, cut_people: 0, stranded_t: null, stranded_people: 0, stranded_end: 0, switched_t: null, switched_people: 0, switched_from: [], switched_to: [], sheltered: 0, share: 0, series: [] });
      this.zonesOfArea.set(z.area, [...(this.zonesOfArea.get(z.area) ?? []), z.id]);
      if (z.hazard_arrives !== undefined) this.hazardArrives.set(z.id, z.hazard_arrives);
      this.sheltersOfZone.set(z.id, z.shelters);
    }
    const m2 = scenario.evacuation.m2_per_person;
    for (const s of scenario.evacuation.shelters) {
      const capacity = Math.min(s.capacity_people, s.area_m2 !== undefined ? Math.floor(s.area_m2 / m2) : Infinity);
      this.shelters.set(s.id, { id: s.id, area: s.area, capacity, peak: 0, peak_t: null, peak_share: 0, full_t: null, overflow_t: null, overflow_zone: null, overflow_people: 0, opened_t: null, supplies_person_days: s.supplies_person_days, supplies_days_at_peak: null, series: [] });
    }
  }

  observe(e: LogEvent): void {
    switch (e.type) {
      case 'zone.state': {
        const z = this.zones.get(e.id as string);
        if (!z) return;
        if (e.state === 'ordered' && z.ordered_t === null) { z.ordered_t = e.t; z.ordered_by = (e.by as string | undefined) ?? null; }
        else if (e.state === 'moving' && z.moving_t === null) z.moving_t = e.t;
        else if (e.state === 'done' && z.done_t === null) z.done_t = e.t;
        return;
      }
      case 'zone.progress': {
        const z = this.zones.get(e.id as string);
        if (!z) return;
        z.sheltered = e.sheltered as number;
        z.series.push([e.t, z.sheltered]);
        // people waiting and none placed because the roads to the shelters with room were cut: the roads are why
        if (e.stalled === true && e.cut === true && z.cut_t === null) { z.cut_t = e.t; z.cut_people = e.remaining as number; }
        // people on the road with no open road on to their shelter (a count absent when none are)
        const stranded = typeof e.stranded === 'number' ? e.stranded : 0;
        if (stranded > 0 && z.stranded_t === null) z.stranded_t = e.t;
        if (stranded > z.stranded_people) z.stranded_people = stranded;
        z.stranded_end = stranded;
        // people waiting and none placed: every open shelter of the zone was out of room; those full now are why
        if (e.stalled === true && e.cut !== true) {
          for (const sid of this.sheltersOfZone.get(z.id) ?? []) {
            const s = this.shelters.get(sid);
            if (s && s.overflow_t === null && this.fullNow.has(sid)) { s.overflow_t = e.t; s.overflow_zone = z.id; s.overflow_people = e.remaining as number; }
          }
        }
        const ids = this.zonesOfArea.get(z.area)!;
        let pop = 0, sh = 0;
        for (const id of ids) { const x = this.zones.get(id)!; pop += x.population; sh += x.sheltered; }
        const a = this.areas.get(z.area);
        if (a) {
          const share = pop === 0 ? 0 : round3(sh / pop);
          const last = a.evacuation[a.evacuation.length - 1];
          if (last && last[0] === e.t) last[1] = share; else a.evacuation.push([e.t, share]);
        }
        return;
      }
      case 'zone.trip': {
        // a group turned to another shelter. A turn away from a shelter people had turned to already is most likely
        // the same people turning again (the lines name no group): not counted twice, nor listed as where they set
        // out for
        const z = this.zones.get(e.id as string);
        if (!z || typeof e.from_shelter !== 'string' || z.switched_to.includes(e.from_shelter)) return;
        if (z.switched_t === null) z.switched_t = e.t;
        z.switched_people += e.n as number;
        if (!z.switched_from.includes(e.from_shelter)) z.switched_from.push(e.from_shelter);
        if (!z.switched_to.includes(e.shelter as string) && !z.switched_from.includes(e.shelter as string)) z.switched_to.push(e.shelter as string);
        return;
      }
      case 'zone.struck': {
        const z = this.zones.get(e.id as string);
        if (z && z.struck_t === null) { z.struck_t = e.t; z.caught = e.caught as number; }
        return;
      }
      case 'shelter.state': {
        const s = this.shelters.get(e.id as string);
        if (!s) return;
        if (e.state === 'open' && s.opened_t === null) s.opened_t = e.t;
        if (e.state === 'full' && s.full_t === null) s.full_t = e.t;
        if (e.state === 'full') this.fullNow.add(s.id); else this.fullNow.delete(s.id);
        return;
      }
      case 'shelter.occupancy': {
        const s = this.shelters.get(e.id as string);
        if (!s) return;
        const occ = e.occupancy as number;
        s.capacity = e.capacity as number;
        s.series.push([e.t, occ]);
        if (occ > s.peak) { s.peak = occ; s.peak_t = e.t; }
        return;
      }
      case 'area.risk': {
        const a = this.areas.get(e.id as string);
        if (!a) return;
        a.risk = e.risk as number;
        if (a.risk > a.risk_max) { a.risk_max = a.risk; a.risk_max_t = e.t; }
        return;
      }
      case 'area.isolated': {
        const a = this.areas.get(e.id as string);
        if (!a) return;
        if (e.isolated === true && !a.isolated) { a.isolated = true; a.isolated_since = e.t; }
        else if (e.isolated === false && a.isolated) { a.isolated = false; a.isolated_s += e.t - a.isolated_since; }
        return;
      }
      case 'area.stock': {
        const a = this.areas.get(e.id as string);
        if (!a) return;
        a.stock = { t: e.t, days: e.days as number };
        if (a.stock_first === null) a.stock_first = e.days as number;
        return;
      }
      case 'area.stock_out': {
        const a = this.areas.get(e.id as string);
        if (a && a.stock_out_t === null) a.stock_out_t = e.t;
        return;
      }
    }
  }

  finish(tEnd: number): { zones: ZoneFigures[]; shelters: ShelterFigures[]; areas: AreaFigures[] } {
    // the shares are left whole: the report rounds them once, as it does the objective's value (819 of 1,100 rounded
    // to 0.745 first read 75 % beside the objective's 74 %); the series, drawn and not read as numbers, stay rounded
    const zones = [...this.zones.values()].map((z) => {
      // emptied before the hazard came: it came all the same (the report read "Hazard arrived -", as if it never had)
      const h = this.hazardArrives.get(z.id);
      const emptied = z.struck_t === null && z.done_t !== null && h !== undefined && z.done_t <= h && h <= tEnd;
      return { ...z, ...(emptied ? { struck_t: h, caught: 0 } : {}), share: z.population === 0 ? 0 : z.sheltered / z.population, series: [...z.series] };
    });
    const shelters = [...this.shelters.values()].map((s) => ({
      ...s,
      peak_share: s.capacity > 0 ? s.peak / s.capacity : 0,
      supplies_days_at_peak: s.peak > 0 ? round3(s.supplies_person_days / s.peak) : null,
      series: [...s.series],
    }));
    const areas: AreaFigures[] = [];
    for (const [id, a] of this.areas) {
      const zoneIds = this.zonesOfArea.get(id) ?? [];
      const pop = zoneIds.reduce((s, z) => s + this.zones.get(z)!.population, 0);
      const sh = zoneIds.reduce((s, z) => s + this.zones.get(z)!.sheltered, 0);
      let left: number | null = null;
      if (a.stock_out_t !== null) left = 0;
      else if (a.stock) left = a.isolated ? Math.max(0, round3(a.stock.days - (tEnd - a.stock.t) / DAY_S)) : a.stock.days;
      areas.push({
        id, zone_population: pop, evacuation: [...a.evacuation], evacuated_share: pop === 0 ? 0 : sh / pop,
        risk_max: a.risk_max, risk_max_t: a.risk_max_t,
        isolated_s: a.isolated_s + (a.isolated ? Math.max(0, tEnd - a.isolated_since) : 0), isolated_at_end: a.isolated,
        stock_days_first: a.stock_first, stock_days_left: left, stock_out_t: a.stock_out_t,
      });
    }
    return { zones, shelters, areas };
  }
}
