/**
 * The small commune the evacuation tests play on: a province and one commune, a rescue team, one incident kind and
 * the commune chair, written once; each test gives its own roads (`travel`), rules and evacuation zones and shelters,
 * as YAML lines indented as under their key.
 */
export interface CommuneParts {
  id: string;
  title: string;
  horizon?: string;
  keyframe_every?: string;
  /** where the team is based: a node of `travel`, or the commune's own place (default) */
  base?: string;
  /** the `travel:` section's lines (nodes and edges) */
  travel: string;
  /** the `rules:` section's lines, if any */
  rules?: string;
  /** the `evacuation:` section's lines */
  evacuation: string;
}

export function communeScenario(p: CommuneParts): string {
  return `
drillsim: 1
id: ${p.id}
title: ${p.title}
exercise: tabletop
start: "2025-09-20T08:00:00+07:00"
horizon: ${p.horizon ?? '6h'}
${p.keyframe_every ? `keyframe_every: ${p.keyframe_every}\n` : ''}areas:
  - { id: province, name: Province, tier: province, population: 100000, coords: { lat: 18.70, lon: 105.60 } }
  - { id: commune, name: Commune, tier: commune, parent: province, population: 5000, coords: { lat: 18.70, lon: 105.80 } }
travel:
${p.travel.replace(/^\n+|\s+$/g, '')}
units:
  - { id: team, name: Rescue team, owner: militia, category: part-time, capabilities: { rescue: 1 }, crew: 10, base: ${p.base ?? 'commune'}, home: commune, mobilisation: 0m }
incident_kinds:
  - { id: stranded, name: Stranded, need: { rescue: 1 }, work: 1h, severity: 3 }
roles:
  - { id: chair, name: Commune chair, tier: commune, area: commune, commands: [team], declares: [1] }
${p.rules ? `rules:\n${p.rules.replace(/^\n+|\s+$/g, '')}\n` : ''}evacuation:
${p.evacuation.replace(/^\n+|\s+$/g, '')}
`;
}
