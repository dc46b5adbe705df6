import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { INJECT_STATES, LIFECYCLE_STATES, SHELTER_STATES, UNIT_STATES, ZONE_STATES } from '../../engine/machines/index.js';
import { REFUSAL_CODES } from '../../engine/play/describe.js';
import { VERBS, type ArgKind } from '../../engine/play/grammar.js';
import { CATALOGUES, m, type MsgKey } from '../../engine/play/messages.js';
import { CLI_WORDS } from '../../engine/cli/messages.js';
import { MESSAGES as REVIEW } from '../../engine/review/messages.js';
import { PlaySession } from '../../engine/play/session.js';
import { CAPABILITIES, METHODS } from '../../engine/scenario/schema.js';
import { ROOT } from '../helpers/cli.js';
import { loadNamed } from '../helpers/scenarios.js';

const en = CATALOGUES.en as Record<string, string>;
const vi = CATALOGUES.vi as Record<string, string>;
const placeholders = (s: string) => [...s.matchAll(/\{([a-z_]+)\}/g)].map((x) => x[1]).sort();

/** Every key the code names, found in the source of the play layer and its CLI. */
function keysInSource(): string[] {
  const files = [
    ...readdirSync(join(ROOT, 'engine/play')).filter((f) => f.endsWith('.ts')).map((f) => join(ROOT, 'engine/play', f)),
    join(ROOT, 'engine/cli/play.ts'),
  ];
  const out = new Set<string>();
  for (const f of files) {
    if (f.endsWith('messages.ts')) continue;
    const src = readFileSync(f, 'utf8');
    for (const x of src.matchAll(/(?<!case )'((?:seat|unit|phase|zone|shelter|inject|method|cap|alarm|arg|help|code|ref|board|area|road|inc|msg|dec|msel|feed|stop|sum|dur|intro|prompt|parse|play|resume|cli)\.[a-z0-9._-]+)'/g)) out.add(x[1]);
  }
  return [...out].sort();
}

describe('the message catalogues', () => {
  it('vi and en have the same keys, each with the same placeholders, none empty', () => {
    expect(Object.keys(vi).sort()).toEqual(Object.keys(en).sort());
    for (const k of Object.keys(en)) {
      expect(placeholders(vi[k]), k).toEqual(placeholders(en[k]));
      expect(en[k].trim(), k).not.toBe('');
      expect(vi[k].trim(), k).not.toBe('');
    }
  });

  it('a Vietnamese message equal to the English one has nothing to translate (placeholders, symbols and command syntax only)', () => {
    for (const k of Object.keys(en)) {
      if (vi[k] !== en[k]) continue;
      // 'drill play' is the command; 'seed' the term both languages use for a run's random seed
      expect(vi[k].replace(/\{[a-z_]+\}/g, '').replace(/\bdrill play\b|\bseed\b/g, '').replace(/[^\p{L}]/gu, ''), k).toBe('');
    }
  });

  it('a Vietnamese message says the program\'s own words in Vietnamese (engine), keeping only command syntax, keys and the term seed', () => {
    for (const [k, text] of Object.entries(vi)) {
      // options (--seed), placeholders and YAML keys named as keys ('giá trị seed') are syntax, not words
      const words = text.replace(/--[\w-]+/g, '').replace(/\{[a-z_]+\}/g, '').replace(/giá trị seed/g, '');
      expect(words, k).not.toMatch(/\b(engine|script|run log)\b/i);
      // a run's random seed is 'seed', as Vietnamese technical writing keeps it: 'hạt giống' is a plant's seed
      expect(text, k).not.toMatch(/hạt giống/i);
    }
    expect(vi['board.subtitle']).toBe('{title} · seed {seed} · kết thúc {end}');
  });

  it('Vietnamese reads as Vietnamese: no "không đang" (đang không / hiện không), no "mọi người ra quyết định" for every author', () => {
    // a recall of an available unit was refused with "đơn vị ... không đang làm nhiệm vụ", and compare's "all authors"
    // read "everybody decides"; the report's and the CLI's catalogues say the same things to the same people
    for (const [name, cat] of [['play', vi], ['review', REVIEW.vi], ['cli', CLI_WORDS.vi]] as const) {
      for (const [k, text] of Object.entries(cat)) expect(text, `${name} ${k}`).not.toMatch(/không đang|mọi người ra quyết định/);
    }
  });

  it('every key the code uses exists in both languages', () => {
    const used = keysInSource();
    expect(used.length).toBeGreaterThan(150);
    const missing = used.filter((k) => !(k in en) || !(k in vi));
    expect(missing).toEqual([]);
  });

  it('every key built at run time (states, methods, capabilities, arguments, verbs, refusal codes) exists', () => {
    const dynamic: string[] = [
      ...UNIT_STATES.map((s) => `unit.${s}`), ...LIFECYCLE_STATES.map((s) => `phase.${s}`), ...ZONE_STATES.map((s) => `zone.${s}`),
      ...SHELTER_STATES.map((s) => `shelter.${s}`), ...INJECT_STATES.map((s) => `inject.${s}`), ...METHODS.map((s) => `method.${s}`),
      ...CAPABILITIES.map((s) => `cap.${s}`), 'alarm.bd1', 'alarm.bd2', 'alarm.bd3',
      ...VERBS.map((v) => `help.${v.id}`), ...VERBS.flatMap((v) => v.args.map((a) => `arg.${a.kind as ArgKind}`)),
      ...REFUSAL_CODES.map((c) => `code.${c}`),
    ];
    expect(dynamic.filter((k) => !(k in en) || !(k in vi))).toEqual([]);
  });

  it('knows every refusal code the engine can give', () => {
    const src = readFileSync(join(ROOT, 'engine/sim/commands.ts'), 'utf8');
    const codes = [...new Set([...src.matchAll(/refuse\('([a-z-]+)'/g)].map((x) => x[1]))];
    expect(codes.length).toBeGreaterThan(10);
    expect(codes.filter((c) => !(REFUSAL_CODES as readonly string[]).includes(c))).toEqual([]);
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(m('vi', 'dur.hmin', { h: 1, min: 5 })).toBe('1 giờ 5 phút');
    expect(m('en', 'dur.min', {})).toBe('{n} min');
  });
});

/** A session that uses every part of the program: both roles, the controller, orders, refusals, help, undo, the end. */
const EVERYTHING = [
  'help', 'help dispatch', 'help nope', 'board', 'messages', 'role tc-chair',
  'evacuate ta-ca-riverside', 'open shelter ta-ca-school', 'dispach x', 'dispatch', 'declare level 9', 'advance 0', 'advance until T+00:00',
  'dispatch tc-miltia ta-ca-houses', 'dispatch hk-militia ta-ca-houses', 'declare level 2', 'answer x', 'hold dam-rumour', 'role nobody',
  'advance', 'role mx-chair', 'advance', 'advance', 'answer night-evacuation nope', 'answer evacuate-now', 'role controller',
  'evacuate ta-ca-riverside', 'pause', 'pause', 'role tc-chair', 'advance', 'role controller', 'resume', 'resume',
  'hold dam-rumour', 'hold dam-rumour', 'release final-bulletin', 'inject tc-chair Check | Report the road', 'inject nobody x', 'inject tc-chair at T+00:01 x',
  'breakdown mx-police', 'repair mx-militia', 'jump T+03:30', 'role tc-chair', 'dispatch tc-militia ta-ca-houses', 'dispatch tc-militia ta-ca-houses',
  'recall tc-shock-team', 'request support', 'request support', 'sea ban', 'close road ql7-tc-mx', 'close road ql7-vinh-dl', 'open road ql7-hk-tc',
  'public info "Bà con giữ bình tĩnh"', 'declare level 1', 'undo', 'declare level 1', 'advance 2h', 'role controller', 'release dam-rumour',
  'advance until end', 'evacuate x', 'advance', 'board',
];

describe('a whole session in each language', () => {
  const scenario = loadNamed('ky-son-flash-flood');
  const run = (lang: 'vi' | 'en') => {
    const s = new PlaySession(scenario, { seed: 2022, players: ['mx-chair', 'tc-chair'], controller: true, lang });
    return s.intro() + EVERYTHING.map((l) => `> ${l}\n${s.handle(l).text}`).join('');
  };

  for (const lang of ['vi', 'en'] as const) {
    it(`--lang ${lang}: no placeholder is left unfilled and no message is missing`, () => {
      const out = run(lang);
      expect(out).toContain(lang === 'vi' ? 'Tổng kết lúc T+18:00' : 'Summary at T+18:00');
      expect(out.match(/\{[a-z_]+\}/g)).toBeNull();
      expect(out).not.toContain('undefined');
      expect(out).not.toContain('NaN');
      // no catalogue key printed raw
      expect(out.match(/\b(?:feed|ref|play|board|parse|cli|msg|dec)\.[a-z-]+\b/g)).toBeNull();
    });
  }

  it('--lang vi writes none of the English messages', () => {
    const out = run('vi');
    const viText = Object.values(vi).join('\n');
    const fragments = new Set<string>();
    for (const k of Object.keys(en) as MsgKey[]) {
      if (k === 'cli.usage') continue;
      for (const part of en[k].split(/\{[a-z_]+\}/)) {
        const p = part.trim();
        if (p.length >= 8 && /[a-z]{4}/.test(p) && !viText.includes(p)) fragments.add(p);
      }
    }
    expect(fragments.size).toBeGreaterThan(100);
    // ids such as night-evacuation are typed as they are; a message fragment stands as words
    const esc = (f: string) => f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    expect([...fragments].filter((f) => new RegExp(`(?<![\\w-])${esc(f)}(?![\\w-])`).test(out))).toEqual([]);
  });
});
