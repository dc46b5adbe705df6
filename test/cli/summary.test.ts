/**
 * The short summaries a reviewer reads first (`drill run`, and `drill play`'s
 * hot wash): the response time is an average over the incidents a unit
 * reached, so the line must say how many were never reached, and the two
 * commands must give the same figures for the same decisions.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { drill, tempDir } from '../helpers/cli.js';

const KY_SON = 'scenarios/ky-son-flash-flood.yaml';

describe('the response line of the summaries', () => {
  const dir = tempDir();
  // the Tà Cạ chair is played by a person who does nothing: two incidents in Tà Cạ are never reached
  const none = join(dir, 'none.yaml');
  writeFileSync(none, 'drillsim_decisions: 1\nplayers: [tc-chair]\ndecisions: []\n');
  const log = join(dir, 'none.json');
  const run = drill(['run', KY_SON, '--decisions', none, '--out', log]);
  const line = (out: string, label: string) => out.split('\n').map((l) => l.trim()).find((l) => l.startsWith(label)) ?? '';

  it('drill run says how many incidents (and people) no unit ever reached, as the log shows', () => {
    expect(run.code).toBe(0);
    // what the log itself says: incidents reported, and those with a unit on scene
    const events = JSON.parse(readFileSync(log, 'utf8')).events as Record<string, any>[];
    const reported = events.filter((e) => e.type === 'incident.reported');
    const reached = new Set(events.filter((e) => e.type === 'incident.phase' && e.phase === 'responding').map((e) => e.id));
    const never = reported.filter((e) => !reached.has(e.id));
    expect(never.map((e) => e.id).sort()).toEqual(['ta-ca-houses', 'ta-ca-riverside-caught']);
    const people = never.reduce((s, e) => s + e.people, 0);
    expect(people).toBe(713);
    expect(line(run.stdout, 'response')).toBe('response    first unit on scene after 37 min on average (worst 54 min); 2 incidents (713 people) never reached');
  });

  it('the report\'s results at a glance give the same response line as drill run, never-reached incidents included', () => {
    const en = drill(['report', log, '--lang', 'en']);
    expect(en.code).toBe(0);
    expect(en.stdout).toContain('| **Response** | first unit on scene after 37 min on average (worst 54 min); 2 incidents (713 people) never reached |');
    const vi = drill(['report', log, '--lang', 'vi']);
    expect(vi.stdout).toMatch(/\| \*\*Ứng phó\*\* \| .*; 2 sự cố \(713 người\) chưa có lực lượng nào đến được \|/);
  });

  it('the report\'s list of other unreached incidents says they are others, and a default is not credited to the seat that did not answer', () => {
    // seed 3 with the fixture's decisions: 5 never reached, 3 of them listed above as still at risk or lost
    const out = join(dir, 'seed3.json');
    expect(drill(['run', KY_SON, '--seed', '3', '--decisions', 'test/fixtures/play/ky-son.decisions.yaml', '--out', out, '--quiet']).code).toBe(0);
    const r = drill(['report', out, '--lang', 'en']);
    expect(r.stdout).toContain('5 incidents (156 people) never reached');
    expect(r.stdout).toContain('- Other incidents no unit reached before the end of the run, besides those above (2): ');
    expect(r.stdout).not.toContain('- Incidents no unit reached before the end of the run');
    // the rumour is denied by the default of an unanswered decision point (crowd-on-bank, broadcast-now), not by the chair
    expect(r.stdout).toContain('Inject #10 "Rumour of a dam break": expected action taken after 5 min, by a default: an answer Mường Xén commune chair (commune civil-defence board) did not give by its deadline was applied');
    expect(r.stdout).not.toMatch(/inject #10 "Rumour of a dam break": expected action taken by/i);
    // exercise control's orders, incidents named by their kind and the inject's channel, each said once and plainly
    expect(r.stdout).toContain('| Exercise control: hold inject #10 "Rumour of a dam break" |');
    expect(r.stdout).not.toContain('exercise control (exercise control)');
    expect(r.stdout).toContain('Incident reported in Mường Xén: landslide on houses (slides-1), severity 4');
    expect(r.stdout).toContain('Inject #17 to Nghệ An provincial civil-defence board (in person):');
    expect(r.stdout).not.toMatch(/\| {2}\|/); // no blank table cell
    // the default applied names the option as the inject offered it, not its id
    expect(r.stdout).toContain('did not decide by the deadline; the default (Broadcast a denial');
    expect(r.stdout).not.toContain('the default (broadcast-now)');
    // an inject whose action was taken before it arrived: the time of that decision, and no "0 s"
    expect(r.stdout).toContain('| Inject #2 "Dispatch on preparing for the rain and floods" | Tà Cạ commune chair | T+00:30 (18:30) | evacuate Tà Cạ riverside villages | T+00:00 (18:00) | before delivery | 1 h 30 min | already done before it arrived |');
  });

  it('drill play\'s hot wash gives the same people and response figures as drill run, in English and in Vietnamese', () => {
    const en = drill(['play', KY_SON, '--role', 'tc-chair', '--lang', 'en'], { input: 'advance until end\n' });
    expect(en.code).toBe(0);
    const hot = en.stdout.slice(en.stdout.indexOf('Summary at T+18:00'));
    // "people: 1,291 at risk, ..." and "  people      1,291 at risk, ...": the same words after the label, thousands grouped in both
    expect(line(hot, 'people:').replace(/^people:\s*/, '')).toBe(line(run.stdout, 'people').replace(/^people\s*/, ''));
    expect(line(hot, 'people:')).toContain('565 still at risk');
    // counts of a thousand and more grouped as the report groups them, so that the three read alike
    expect(line(run.stdout, 'people')).toMatch(/^people +1,291 at risk, /);
    expect(hot).toContain('\n  first unit on scene after 37 min on average (worst 54 min); 2 incidents (713 people) never reached\n');

    const vi = drill(['play', KY_SON, '--role', 'tc-chair', '--lang', 'vi'], { input: 'advance until end\n' });
    const tk = vi.stdout.slice(vi.stdout.indexOf('Tổng kết lúc T+18:00'));
    expect(tk).toContain('565 vẫn còn gặp nạn');
    expect(tk).toContain('người dân: 1.291 gặp nạn');
    expect(tk).toContain('; 2 sự cố (713 người) chưa có lực lượng nào đến được\n');
  });

  it('where nobody went to a shelter, the hot wash leaves shelters out, as drill run does', () => {
    const r = drill(['run', 'scenarios/minimal.yaml']);
    const p = drill(['play', 'scenarios/minimal.yaml', '--controller'], { input: 'advance until end\n' });
    expect(p.code).toBe(0);
    const hot = p.stdout.slice(p.stdout.indexOf('Summary at'));
    expect(line(hot, 'people:')).toBe('people: 3 at risk, 2 rescued, 1 lost, 0 still at risk');
    expect(line(hot, 'people:').replace(/^people:\s*/, '')).toBe(line(r.stdout, 'people').replace(/^people\s*/, ''));
  });

  it('a run in which every incident was reached says nothing about unreached incidents', () => {
    const r = drill(['run', 'scenarios/minimal.yaml']);
    expect(r.code).toBe(0);
    expect(line(r.stdout, 'response')).toMatch(/^response {4}first unit on scene after \d+ (s|min) on average \(worst \d+ (s|min)\)$/);
  });
});
