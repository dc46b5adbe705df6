/**
 * Plain words of the scenario format that the engine names at run time: the
 * travel modes and the shape of an id. A module of their own so that the
 * engine can use them without loading the scenario schema (zod), which a
 * batch worker, handed scenarios already read, does not need.
 */
export const MODES = ['road', 'boat', 'foot', 'air'] as const;

export const ID_RE = /^[a-z0-9][a-z0-9._-]*$/;

/**
 * HSEEP's core capabilities that a drill of the response (and of planning and recovery around it) rates, as the
 * report names them in English and Vietnamese (review/messages.ts, `cap.<name>`). An objective's `capability` is
 * free text, but a name not among these is rated apart from its namesake and left in English in a Vietnamese report.
 */
export const CORE_CAPABILITIES = [
  'Planning', 'Public Information and Warning', 'Operational Coordination', 'Situational Assessment', 'Operational Communications',
  'Critical Transportation', 'Mass Care Services', 'Mass Search and Rescue Operations', 'Fire Management and Suppression',
  'Environmental Response/Health and Safety', 'Public Health, Healthcare, and Emergency Medical Services',
  'On-scene Security, Protection, and Law Enforcement', 'Logistics and Supply Chain Management', 'Infrastructure Systems',
  'Fatality Management Services', 'Community Resilience', 'Threats and Hazards Identification', 'Risk and Disaster Resilience Assessment',
  'Long-term Vulnerability Reduction', 'Health and Social Services', 'Housing', 'Economic Recovery', 'Natural and Cultural Resources',
  'Interdiction and Disruption',
] as const;
