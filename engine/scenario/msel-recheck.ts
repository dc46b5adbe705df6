/**
 * The whole scenario's check of the injects a sheet gives (`drill msel import`), said for the sheet. The
 * check (check.ts) words a problem for the scenario file: 'write `zone: ta-ca-riverside`', 'add `hazard: ...`',
 * '`deadline:` can be at most 16h'. A planner editing the spreadsheet has no such keys: each cell has its own
 * notation (msel-cells.ts, docs/msel.md), `zone=ta-ca-riverside` in the 'expected action' column, `hazard=...` in
 * the condition of the 'time' column. This says the same problems in those terms, by the keys of their words;
 * any other problem is left as the check says it (the scenario's own keys, `coast: true`, are the scenario's).
 * Pure: words in, words out.
 */
import { joined, say, type Param, type Say } from './say.js';
import { COMMAND_KEYS, type Scenario, type Text } from './schema.js';

type Words = { message: Say; hint?: Say };

/** The texts a Joined parameter holds ('a or b' as the check joined them), or the one text. */
function items(p: Param | undefined): string[] {
  if (p === undefined) return [];
  if (typeof p === 'string' || typeof p === 'number') return [String(p)];
  return 'join' in p ? p.join.flatMap(items) : [];
}

/** A message or hint of the check, in the sheet's terms: undefined when it says nothing in YAML's. */
function inSheet(s: Say, scenario: Scenario, message: Say): Say | undefined {
  const p = s.params ?? {};
  switch (s.key) {
    case 'expected-key.message':
    case 'when-no-hazard.message':
    case 'when-risk-where.message':
      return say(`sheet.${s.key}`, p as Record<string, Param>);
    case 'expected-key.hint': {
      const named = COMMAND_KEYS[p.cmd as keyof typeof COMMAND_KEYS] ?? [];
      return say('sheet.expected-key.hint', { ...p, keys: joined(named.map((k) => `\`${k}=\``), 'sep.and') });
    }
    case 'expected-key.zones':
      return say('sheet.expected-key.zones', { ...p, zones: joined(items(p.zones).map((z) => `\`zone=${z}\``), 'sep.or') });
    case 'evacuate-area.is-zone':
    case 'evacuate-area.guess':
    case 'evacuate-area.no-zone-in':
    case 'evacuate-area.choose':
    case 'evacuate-area.none':
    case 'when-no-hazard.hint':
    case 'when-no-hazard.hint-which':
    case 'when-no-hazard.none':
    case 'when-risk-where.hint':
    case 'inject-no-alarms.hint':
    case 'inject-no-alarms.hint-none':
    case 'when-empty.hint':
    case 'when-hazard-only.hint':
    case 'when-hazard-only.hint-alarms':
    case 'deadline-horizon.hint':
    case 'chase-horizon.hint':
      return say(`sheet.${s.key}`, p as Record<string, Param>);
    case 'from-id.hint-name': {
      // the sender's name as the thing whose id was written has it, for the two 'from' columns
      const from = message.params?.from;
      const name = typeof from === 'string' ? nameOf(scenario, from) : undefined;
      if (name === undefined) return undefined;
      if (typeof name === 'string') return say('sheet.from-id.hint-name', { name });
      const vi = name.vi ?? name.en, en = name.en ?? name.vi;
      if (vi === undefined || en === undefined) return undefined;
      return vi === en ? say('sheet.from-id.hint-name', { name: vi }) : say('sheet.from-id.hint-names', { vi, en });
    }
    default:
      return undefined;
  }
}

/** The name of a unit, an area, a shelter or a road node of the scenario (what an inject's `from` may name by its id). */
function nameOf(s: Scenario, id: string): Text | undefined {
  for (const list of [s.units, s.areas, s.evacuation.shelters, s.travel.nodes] as { id: string; name?: Text }[][]) {
    const found = list.find((x) => x.id === id);
    if (found) return found.name;
  }
  return undefined;
}

/** A problem of the scenario's check about an inject, said for the sheet its rows come from. */
export function sheetWords(words: Words, scenario: Scenario): Words {
  return {
    message: inSheet(words.message, scenario, words.message) ?? words.message,
    hint: words.hint === undefined ? undefined : inSheet(words.hint, scenario, words.message) ?? words.hint,
  };
}
