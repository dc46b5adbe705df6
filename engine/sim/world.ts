/**
 * World state: everything the simulation knows at one instant, as plain JSON
 * (no Maps, no classes, no Infinity), so that a keyframe is a copy of it and a
 * restored keyframe runs on exactly like the straight run.
 */
import type { MachineSnapshot } from '../machines/stepper.js';
import type { Capability } from '../scenario/schema.js';
import type { RoadStatus } from './routing.js';

/** A unit's current trip: the route it follows (network) or the two points it travels between (straight line). */
export interface Leg {
  t0: number;
  /** network: node ids along the route, and the time to reach each from t0 (variability included) */
  nodes?: string[];
  edges?: string[];
  cum_s?: number[];
  /** straight line: from and to, in km on the local plane */
  from?: [number, number];
  to?: [number, number];
  travel_s: number;
  km: number;
}

export interface UnitW {
  m: MachineSnapshot;
  /** where it is when not moving: a node (network) or null */
  node: string | null;
  x: number;
  y: number;
  incident: string | null;
  leg: Leg | null;
  /** pending machine timers: send id -> queue seq (-1: none; keys are never deleted, which keeps the objects fast) */
  timers: Record<string, number>;
  since: number;
  trips: number;
  /** broken down part-way along a road: where (its way home, once repaired, goes on from there); absent otherwise */
  stop?: { a: string; b: string; edge: string; road_s: number; done_s: number; /** its road was cut then: it was driving away from the cut */ turned?: true };
}

export interface IncidentW {
  id: string;
  kind: string;
  area: string;
  node: string | null;
  x: number;
  y: number;
  m: MachineSnapshot;
  severity: number;
  people: number;
  reported_t: number;
  first_on_scene_t: number;
  /** the whole work, drawn at the report (logged as incident.reported's work_s) */
  work_s: number;
  work_left_s: number;
  rate: number;
  rate_t: number;
  /** share of the work done so far (0..1): the share of its people the rescuers have reached */
  reached: number;
  /** expected share of its people reached alive so far (each reached when the work got to them) */
  saved: number;
  /** capacity on scene per capability */
  on_scene: Partial<Record<Capability, number>>;
  /** units dispatched to it and not yet gone home (mobilising, en route, blocked, on scene) */
  assigned: string[];
  timers: Record<string, number>;
  secondary_tried: number[];
  parent: string | null;
  seq: number;
}

export interface People {
  unaffected: number;
  at_risk: number;
  moving: number;
  sheltered: number;
  rescued: number;
  lost: number;
}

export interface AreaW {
  risk: number;
  level: MachineSnapshot;
  people: People;
  isolated: boolean;
  isolated_t: number;
  stock_pd: number;
  stock_out: boolean;
  stock_timer: number;
  short: boolean;
  short_t: number;
  support_t: number;
  support_by: string | null;
  sea_ban: boolean;
  timers: Record<string, number>;
}

export interface ZoneW {
  m: MachineSnapshot;
  remaining: number;
  moving: number;
  /** the people on the road (moving), by the shelter they are headed to: each holds a place there (its `incoming`) */
  moving_to: Record<string, number>;
  /**
   * the groups on the road, in the order they set off: each left at t0 for a shelter and reaches it at arrive_t
   * (a queue event then), or waits stranded where no open road leads on; their n add up to moving_to's. Engine
   * 0.7.0: a keyframe without it is refused; 0.8.0: one whose groups lack their queue event (seq) is refused.
   */
  on_road: Trip[];
  /** at its last step, people waited and none could set off: every road to its open shelters with room was cut (absent otherwise) */
  cut?: true;
  sheltered: number;
  caught: number;
  timers: Record<string, number>;
}

/**
 * People of a zone travelling together to a shelter. On a road network they follow `way` (where they are on it
 * follows from the time, as a unit's leg does): a road cut (or closed by order) ahead of them re-routes them from
 * where they are to the same shelter, or, with no open way there, to another of their zone's with room (`shelter`
 * changes; a part of them may go, as a new Trip), or strands them at the junction they reach, there to wait for a
 * road to open (engine 0.8.0). Without a network they go in a straight line, which nothing cuts.
 */
export interface Trip {
  shelter: string;
  n: number;
  /** when they set off from the zone */
  t0: number;
  /** when they reach the shelter (their `evac` queue event, `seq`); -1 while stranded */
  arrive_t: number;
  /** the queue sequence number of their arrival event; -1 while stranded */
  seq: number;
  /**
   * road network: the way they are on, from time `way.t0`: its nodes and edges, and the seconds from way.t0 to
   * each node (the first negative when they began it part-way along a road, as a unit's leg). On their way it
   * ends at the shelter's node, at arrive_t; stranded, at the junction where they wait.
   */
  way?: TripWay;
  /** stranded: no open road led on to their shelter from where they were, since this time (absent on their way) */
  stranded_t?: number;
}

export interface TripWay { t0: number; nodes: string[]; edges: string[]; cum_s: number[] }

export interface ShelterW {
  m: MachineSnapshot;
  /** people in the shelter */
  occupancy: number;
  /** places held for people on the road to it: they arrive when their trip is over (ZoneW.on_road) */
  incoming: number;
  capacity: number;
}

export interface InjectW {
  m: MachineSnapshot;
  delivered_t: number;
  /** time the expected action was first taken after delivery, -1 if not yet */
  done_t: number;
  timers: Record<string, number>;
  added: boolean;
}

export interface World {
  t: number;
  units: Record<string, UnitW>;
  /** open incidents (until resolved), in the order they appeared; Sim.incident(id) finds one by id */
  incidents: IncidentW[];
  areas: Record<string, AreaW>;
  roads: Record<string, RoadStatus>;
  road_version: number;
  zones: Record<string, ZoneW>;
  shelters: Record<string, ShelterW>;
  injects: Record<string, InjectW>;
  /** ad-hoc injects added during play: their specs, so a keyframe is self-contained */
  added_injects: unknown[];
  rules: Record<string, { fired: number }>;
  generators: Record<string, { count: number }>;
  /** incidents short of capacity, in the order they became so */
  needy: string[];
  /**
   * incidents covered only thanks to units far on their way (doctrine sends a much nearer free unit as well, even
   * one freed later), in the order they became so; absent when there are none
   */
  far_cover?: string[];
  incident_seq: number;
  /** index of the next decision to carry out */
  decision_next: number;
  /** a doctrine pass is owed at the end of this instant */
  dirty: boolean;
  /** refusals are not counted here: a refused command changes nothing in the world */
  counts: { reported: number; resolved: number; decisions: number };
}
