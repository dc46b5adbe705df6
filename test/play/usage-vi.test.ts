/**
 * In a Vietnamese session, a command typed in Vietnamese that cannot be read (`tiếp abc`, `điều động`) or asked
 * about (`help tiếp`) is answered with its syntax in the words typed, with or without diacritics as typed: the
 * English `advance [...]` named a command the trainee never typed. What makes it safe: every syntax line shown,
 * each of its forms filled with real ids, is a line the parser takes as that command.
 */
import { describe, expect, it } from 'vitest';
import { parseLine, usage, VERBS, viFormOf, type ArgKind, type ParseContext } from '../../engine/play/grammar.js';
import { m, type MsgKey } from '../../engine/play/messages.js';
import { PlaySession } from '../../engine/play/session.js';
import { loadNamed } from '../helpers/scenarios.js';

const kySon = loadNamed('ky-son-flash-flood');
const session = (lang: 'vi' | 'en' = 'vi') => new PlaySession(kySon, { seed: kySon.seed ?? 1, players: ['tc-chair'], controller: false, lang });

/** Every line a syntax stands for: each optional part left out or put in, each alternative (`30p | đến hết`) taken. */
function expand(syntax: string): string[][] {
  const toks = syntax.match(/\[|\]|\||[^\s[\]|]+/g) ?? [];
  let i = 0;
  const product = (a: string[][], b: string[][]) => a.flatMap((x) => b.map((y) => [...x, ...y]));
  function seq(): string[][] {
    let out: string[][] = [[]];
    while (i < toks.length && toks[i] !== ']' && toks[i] !== '|') {
      if (toks[i] === '[') {
        i++;
        const alts: string[][] = [[]];
        alts.push(...seq());
        while (toks[i] === '|') { i++; alts.push(...seq()); }
        expect(toks[i], syntax).toBe(']');
        i++;
        out = product(out, alts);
      } else out = product(out, [[toks[i++]]]);
    }
    return out;
  }
  const lines = seq();
  expect(i, syntax).toBe(toks.length);
  return lines;
}

const inject = kySon.injects.find((x) => x.decision)!;
/** A real id (or value) for each argument, and what parseLine should read it as. */
const value: Record<ArgKind, string> = {
  unit: kySon.units[0].id,
  incident: kySon.incidents![0].id,
  zone: kySon.evacuation!.zones[0].id,
  shelter: kySon.evacuation!.shelters[0].id,
  area: kySon.areas[0].id,
  road: kySon.travel!.edges[0].id,
  level: '2',
  inject: inject.id,
  option: inject.decision!.options[0].id,
  role: kySon.roles[0].id,
  time: 'T+03:00',
  step: '',
  text: 'Bà con yên tâm',
  file: 'run.json',
  topic: 'sơ tán',
};
const names = new Map((Object.keys(value) as ArgKind[]).map((k) => [`<${m('vi', `arg.${k}` as MsgKey)}>`, k]));
const ctx: ParseContext = {
  isArea: (id) => kySon.areas.some((a) => a.id === id),
  isId: (id) => kySon.units.some((u) => u.id === id) || kySon.roles.some((r) => r.id === id),
  now: 0,
  end: 18 * 3600,
  start: kySon.start,
};

describe('the syntax of a command typed in Vietnamese', () => {
  it('every form of every syntax line (Vietnamese, and English as before), filled with real ids, parses as that command with those ids', () => {
    let lines = 0;
    for (const verb of VERBS) {
      for (const form of [verb.words, ...verb.vi]) {
        const syntax = usage(verb, (k) => m('vi', `arg.${k}` as MsgKey), viFormOf(verb, form));
        expect(syntax.startsWith(`${form.join(' ')} `) || syntax === form.join(' '), syntax).toBe(true);
        for (const words of expand(syntax)) {
          const filled = words.map((w) => (names.has(w) ? value[names.get(w)!] : w));
          const line = filled.join(' ');
          const r = parseLine(line, ctx);
          if (!r.ok || r.value === null) throw new Error(`the syntax ${syntax} shows ${line}, which does not parse: ${JSON.stringify(r)}`);
          expect(r.value.verb.id, line).toBe(verb.id);
          for (const w of words) if (names.has(w)) expect(r.value.args[names.get(w)!], `${line}: ${w}`).toBe(value[names.get(w)!]);
          lines++;
        }
      }
    }
    expect(lines).toBeGreaterThan(100);
  });

  it('advance\'s steps are the ones the Vietnamese grammar reads, each to what it says', () => {
    const steps = (form: string) => expand(usage(VERBS.find((v) => v.id === 'advance')!, () => '', [form]))
      .map((w) => parseLine(w.join(' '), ctx)).map((r) => (r.ok && r.value ? r.value.step : r));
    const want = [{ kind: 'next' }, { kind: 'by', s: 1800 }, { kind: 'at', t: 3 * 3600 }, { kind: 'at', t: 3 * 3600 }, { kind: 'end' }];
    expect(steps('tiếp')).toEqual(want);
    expect(steps('tiep')).toEqual(want);
  });

  it('a line not understood is answered with the syntax in the words typed, with or without diacritics', () => {
    const cases: [string, string][] = [
      ['tiếp abc', 'tiếp [30p | T+03:00 | đến T+03:00 | đến hết]'],
      ['tiep abc', 'tiep [30p | T+03:00 | den T+03:00 | den het]'],
      ['chờ abc', 'chờ [30p | T+03:00 | đến T+03:00 | đến hết]'],
      ['điều động', 'điều động <đơn-vị> [đến] <sự-cố>'],
      ['dieu dong', 'dieu dong <đơn-vị> [den] <sự-cố>'],
      ['Điều Động', 'điều động <đơn-vị> [đến] <sự-cố>'],
      ['ban bo cap 7', 'ban bo cap <cấp-độ> [tai <địa-bàn>]'],
      ['xin hỗ trợ a b', 'xin hỗ trợ [cho <địa-bàn>]'],
      // typed in English, the English syntax, as before
      ['advance abc', 'advance [30m | T+03:00 | until next | until end]'],
      ['wait abc', 'advance [30m | T+03:00 | until next | until end]'],
      ['dispatch', 'dispatch <đơn-vị> [to] <sự-cố>'],
    ];
    for (const [line, syntax] of cases) {
      const r = session().handle(line);
      expect(r.refused, line).toBe(true);
      expect(r.text, line).toContain(`\n  cú pháp: ${syntax}\n`);
    }
  });

  it('help <Vietnamese command> shows its syntax in those words; help <English command> and help alone are as before', () => {
    const s = session();
    expect(s.handle('help tiếp').text).toMatch(/^tiếp \[30p \| T\+03:00 \| đến T\+03:00 \| đến hết\]\n  cho thời gian trôi/);
    expect(s.handle('help tiep').text).toMatch(/^tiep \[30p \| T\+03:00 \| den T\+03:00 \| den het\]\n/);
    expect(s.handle('help điều động').text).toMatch(/^điều động <đơn-vị> \[đến\] <sự-cố>\n/);
    expect(s.handle('help dieu dong').text).toMatch(/^dieu dong <đơn-vị> \[den\] <sự-cố>\n/);
    // one word that starts two commands: each in the form it starts
    expect(s.handle('help mở').text).toMatch(/^mở nơi trú <điểm-trú>\n[\s\S]*\nmở đường <tuyến-đường>\n/);
    expect(s.handle('help mo').text).toMatch(/^mo noi tru <điểm-trú>\n[\s\S]*\nmo duong <tuyến-đường>\n/);
    expect(s.handle('help advance').text).toMatch(/^advance \[30m \| T\+03:00 \| until next \| until end\]\n/);
    const all = s.handle('help').text;
    expect(all).toContain('\n  advance [30m | T+03:00 | until next | until end]\n');
    expect(all).toContain('\n  dispatch <đơn-vị> [to] <sự-cố>');
    expect(all).not.toContain('tiếp [');
    expect(all).toContain('Lệnh gõ được cả bằng tiếng Việt');
  });

  it('in an English session the syntax stays English (its argument names are English), whatever the words typed', () => {
    expect(session('en').handle('tiếp abc').text).toContain('\n  usage: advance [30m | T+03:00 | until next | until end]\n');
    expect(session('en').handle('help tiếp').text).toMatch(/^advance \[30m/);
  });
});
