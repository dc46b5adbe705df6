/**
 * Errors the engine core throws on purpose.
 *
 * What it does: `SimBoundError`, thrown when a run hits one of its configured
 * bounds (queue size, events per run, cascade depth, ...), so that a runaway
 * scenario stops with a clear, machine-readable error instead of hanging or
 * exhausting memory. Callers can test `err instanceof SimBoundError` or
 * `err.code`. The others, each with its own `code`, are what a command says
 * in its own words: `KeyframeRestoreError` (a log of an older engine),
 * `StaleGeneratedStepperError` (generated steps older than their machine),
 * `RunLogTooLargeError` (a log too long to be read back).
 *
 * What it does not do: it is not for invalid input or programming errors
 * (those are RangeError/TypeError), and it does no formatting for a terminal.
 */

/** Machine-readable names of the bounds. Other modules may add their own `bound/...` codes. */
export type SimBoundCode =
  | 'bound/queue-size'
  | 'bound/events-per-run'
  | 'bound/cascade-depth'
  | `bound/${string}`;

/** A run exceeded one of its configured bounds. */
export class SimBoundError extends Error {
  override readonly name = 'SimBoundError';
  /** Which bound, e.g. `bound/queue-size`. */
  readonly code: SimBoundCode;
  /** The configured limit that was exceeded. */
  readonly limit: number;

  constructor(code: SimBoundCode, message: string, limit: number) {
    super(message);
    this.code = code;
    this.limit = limit;
  }
}

/**
 * A keyframe this engine cannot resume from (a log of an older engine lacks
 * state the run now keeps): an incident without its work done and people
 * reached (before 0.2.0), a shelter without the places it holds for people
 * on their way (before 0.6.0), a zone without its people's trips to their
 * shelters (before 0.7.0), or with trips but not the ways they are on and
 * their arrivals' queue events (before 0.8.0: `ways`). `t` and `incident`,
 * `shelter` or `zone` let a page say it in its own language and clock; the
 * message is the English.
 */
export class KeyframeRestoreError extends Error {
  override readonly name = 'KeyframeRestoreError';
  readonly code = 'keyframe/older-engine';
  readonly incident?: string;
  readonly shelter?: string;
  readonly zone?: string;
  /** the zone has its people's trips, but not the ways they are on and their arrivals' events (before 0.8.0) */
  readonly ways?: true;

  constructor(readonly t: number, of: { incident: string } | { shelter: string } | { zone: string; ways?: true }, clockText: string) {
    super('incident' in of
      ? `the keyframe at ${clockText} holds incident ${of.incident} without its work done and people reached (a log of an older engine)`
      : 'shelter' in of
        ? `the keyframe at ${clockText} holds shelter ${of.shelter} without the places it holds for people on their way (a log of an engine before 0.6.0)`
        : of.ways
          ? `the keyframe at ${clockText} holds zone ${of.zone} with people on the road but not the ways they are on (a log of an engine before 0.8.0)`
          : `the keyframe at ${clockText} holds zone ${of.zone} without its people's trips to their shelters (a log of an engine before 0.7.0)`);
    if ('incident' in of) this.incident = of.incident;
    else if ('shelter' in of) this.shelter = of.shelter;
    else {
      this.zone = of.zone;
      if (of.ways) this.ways = true;
    }
  }
}

/**
 * A machine's generated steps (engine/machines/generated/) no longer fit the machine: a developer changed it and
 * did not run `npm run gen:steppers`. Not a bug to report, so the command says what to run.
 */
export class StaleGeneratedStepperError extends Error {
  override readonly name = 'StaleGeneratedStepperError';
  readonly code = 'stepper/stale-generated';

  constructor(readonly machine: string) {
    super(`drillsim stepper: the generated stepper of machine '${machine}' is out of date (the machine changed since it was generated): run \`npm run gen:steppers\``);
  }
}

/**
 * A run log longer than one string can be (`limit`, V8's longest): written, no drill command nor the viewer could
 * read it back whole. Thrown before anything is written, with the share of the events and of the keyframes, so
 * that the command can say which to cut.
 */
export class RunLogTooLargeError extends Error {
  override readonly name = 'RunLogTooLargeError';
  readonly code = 'log/too-large';

  constructor(readonly chars: number, readonly limit: number, readonly events_chars: number, readonly keyframes_chars: number, readonly keyframes: number) {
    super(`the run log would be ${chars} characters long, more than the ${limit} a log can be and still be read back (events ${events_chars}, ${keyframes} keyframes ${keyframes_chars})`);
  }
}
