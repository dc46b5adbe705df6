import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { drill, ROOT, STACK, tempDir, writeDecisions } from '../helpers/cli.js';
import { Pty } from '../helpers/pty.js';
import { edit } from '../helpers/scenarios.js';

const KY_SON = 'scenarios/ky-son-flash-flood.yaml';
const SESSION = readFileSync(join(ROOT, 'test/fixtures/play/ky-son.session'), 'utf8');
const DECISIONS = join(ROOT, 'test/fixtures/play/ky-son.decisions.yaml');

describe('drill play on stdin', () => {
  it('plays a whole scenario from a script and writes a run log byte-identical to drill run --decisions on the equivalent file', () => {
    const dir = tempDir();
    const played = join(dir, 'played.json'), ran = join(dir, 'ran.json');
    const p = drill(['play', KY_SON, '--role', 'tc-chair', '--role', 'mx-chair', '--controller', '--lang', 'en', '--out', played], { input: SESSION });
    expect(p.stderr).toBe('');
    expect(p.code).toBe(0);
    expect(p.stdout).toContain('Summary at T+18:00');
    expect(p.stdout).toMatch(/Run log written to .*played\.json \(finished: \d+ events, hash [0-9a-f]{16}\)/);
    const r = drill(['run', KY_SON, '--decisions', DECISIONS, '--out', ran, '--quiet']);
    expect(r.code).toBe(0);
    expect(readFileSync(played, 'utf8')).toBe(readFileSync(ran, 'utf8'));
    expect(drill(['verify', played]).code).toBe(0);
  });

  it('reads a script saved on Windows (byte-order mark, CRLF) as the same commands, and echoes them without the mark', () => {
    const p = drill(['play', KY_SON, '--role', 'tc-chair', '--lang', 'en'], { input: '\uFEFFevacuate ta-ca-riverside\r\nadvance\r\n' });
    expect(p.code).toBe(0);
    expect(p.stdout).toContain('T+00:00 tc-chair> evacuate ta-ca-riverside\norder for T+00:00: evacuate ta-ca-riverside');
    expect(p.stdout).not.toContain('\uFEFF');
    expect(p.stdout).not.toContain('\r');
  });

  it('echoes each command after its prompt, so the output reads as a transcript', () => {
    const p = drill(['play', KY_SON, '--role', 'tc-chair', '--lang', 'en'], { input: 'evacuate ta-ca-riverside\nadvance\n' });
    expect(p.stdout).toContain('T+00:00 tc-chair> evacuate ta-ca-riverside\norder for T+00:00: evacuate ta-ca-riverside');
    expect(p.stdout).toContain('T+00:00 tc-chair> advance\nWhat happened from T+00:00 to T+00:31');
    expect(p.stdout).not.toMatch(/\u001b\[/);
  });

  it('refused lines say why, leave the run log exactly as without them, and make the exit status 1', () => {
    const dir = tempDir();
    const clean = ['evacuate ta-ca-riverside', 'advance T+03:30', 'dispatch tc-militia ta-ca-houses', 'advance until end'];
    const noisy = [
      'evacuate ta-ca-riverside', 'dispatch nobody ta-ca-houses', 'advance T+03:30', 'dispatch tc-militia ta-ca-houses',
      'dispatch tc-militia ta-ca-houses', 'dispatch hk-militia ta-ca-houses', 'dispatch tc-shock-team', 'advance until end',
    ];
    const a = drill(['play', KY_SON, '--role', 'tc-chair', '--lang', 'en', '--out', join(dir, 'a.json')], { input: clean.join('\n') + '\n' });
    const b = drill(['play', KY_SON, '--role', 'tc-chair', '--lang', 'en', '--out', join(dir, 'b.json')], { input: noisy.join('\n') + '\n' });
    expect(a.code).toBe(0);
    expect(b.code).toBe(1);
    expect(b.stdout).toContain("refused: there is no unit 'nobody'. Nothing was changed.");
    expect(b.stdout).toContain("refused: unit 'tc-militia' is busy: mobilising → ta-ca-houses; it is sent there already. Nothing was changed.");
    expect(b.stdout).toMatch(/refused: you do not command unit 'hk-militia': it answers to Hữu Kiệm commune chair \(hk-chair\)\. Nothing was changed\./);
    expect(b.stdout).toContain('cannot read that: missing <incident>');
    expect(b.stdout).toContain('4 lines of the script were refused or not understood (exit status 1).');
    const one = drill(['play', KY_SON, '--role', 'tc-chair', '--lang', 'en'], { input: 'evacuate nowhere\n' });
    expect(one.code).toBe(1);
    expect(one.stdout).toContain('1 line of the script was refused or not understood (exit status 1).');
    expect(readFileSync(join(dir, 'b.json'), 'utf8')).toBe(readFileSync(join(dir, 'a.json'), 'utf8'));
  });

  it('saves part-way, verifies the saved session, and resumes to the same log as an uninterrupted session', () => {
    const dir = tempDir();
    const lines = SESSION.split('\n');
    const cut = lines.indexOf('advance 30m');
    const first = drill(['play', KY_SON, '--role', 'tc-chair', '--role', 'mx-chair', '--controller', '--lang', 'vi'], {
      input: [...lines.slice(0, cut), `save ${join(dir, 'mid.json')}`, 'quit', ''].join('\n'),
    });
    expect(first.code).toBe(0);
    expect(first.stdout).toContain(`Đã lưu phiên vào ${join(dir, 'mid.json')} lúc T+03:30. Chơi tiếp: drill play --resume ${join(dir, 'mid.json')}`);
    const v = drill(['verify', join(dir, 'mid.json')]);
    expect(v.stdout).toMatch(/ok: \d+ events re-simulated/);
    // --role picks the seat to sit at first (one of the run's roles): no `role tc-chair` line needed
    const second = drill(['play', '--resume', join(dir, 'mid.json'), '--role', 'tc-chair', '--controller', '--lang', 'vi', '--out', join(dir, 'end.json')], {
      input: lines.slice(cut).join('\n'),
    });
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('Diễn biến từ T+03:30 đến T+04:00\n  T+03:30  tc-chair: đã thực hiện lệnh: dispatch tc-militia to ta-ca-houses');
    drill(['run', KY_SON, '--decisions', DECISIONS, '--out', join(dir, 'ran.json'), '--quiet']);
    expect(readFileSync(join(dir, 'end.json'), 'utf8')).toBe(readFileSync(join(dir, 'ran.json'), 'utf8'));
    // a role the run was not played with cannot join on resume
    const other = drill(['play', '--resume', join(dir, 'mid.json'), '--role', 'hk-chair', '--lang', 'en'], { input: 'quit\n' });
    expect(other.code).toBe(2);
    expect(other.stderr).toContain("--role hk-chair: not one of this run's roles (mx-chair, tc-chair); the roles are part of the run and cannot change on resume: there --role names one of them, to sit at it first");
  });

  it('says what is wrong with the command line, in the language asked for, with exit status 2', () => {
    const noRole = drill(['play', KY_SON, '--lang', 'en']);
    expect(noRole.code).toBe(2);
    expect(noRole.stderr).toContain('say which role(s) you play: --role R (repeatable) and/or --controller; roles in this scenario: mx-chair, tc-chair, hk-chair, nc-border, ml-chair, province-board');
    const typo = drill(['play', KY_SON, '--role', 'tc-chiar', '--lang', 'vi']);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain("kịch bản không có vai 'tc-chiar' (có phải 'tc-chair'?)");
    expect(typo.stderr).toContain('(drill play --help liệt kê các tùy chọn)');
    const lang = drill(['play', KY_SON, '--role', 'tc-chair', '--lang', 'fr']);
    expect(lang.code).toBe(2);
    expect(lang.stderr).toContain("--lang must be vi or en, not 'fr'");
    const both = drill(['play', KY_SON, '--resume', 'x.json', '--lang', 'en']);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('give a scenario or --resume, not both');
    const option = drill(['play', KY_SON, '--rol', 'tc-chair', '--lang', 'vi']);
    expect(option.code).toBe(2);
    expect(option.stderr).toContain('tùy chọn không hợp lệ');
    for (const r of [noRole, typo, lang, both, option]) expect(r.stderr).not.toMatch(STACK);
  });

  it('gives one clear line for a missing scenario or a file that is not a run log, exit status 1', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'junk.json'), '{"hello": 1}');
    const missing = drill(['play', join(dir, 'nope.yaml'), '--role', 'x', '--lang', 'en']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('no such file');
    const junk = drill(['play', '--resume', join(dir, 'junk.json'), '--lang', 'en']);
    expect(junk.code).toBe(1);
    expect(junk.stderr).toContain('not a run log');
    for (const r of [missing, junk]) expect(r.stderr).not.toMatch(STACK);
  });

  it('--resume given a scenario says how to play it from the start (not how to make a run log), in either language', () => {
    const en = drill(['play', '--resume', 'scenarios/minimal.yaml', '--lang', 'en']);
    expect([en.code, en.stderr]).toEqual([1, 'scenarios/minimal.yaml: error[file] (file): this is a scenario, not a run log (to play it from the start: drill play scenarios/minimal.yaml)\n']);
    const vi = drill(['play', '--resume', 'scenarios/minimal.yaml', '--lang', 'vi']);
    expect(vi.stderr).toContain('(để chơi từ đầu: drill play scenarios/minimal.yaml)');
  });

  it('says who sits at the terminal: the controller alone is not "You play: nobody"', () => {
    const alone = drill(['play', 'scenarios/minimal.yaml', '--controller', '--lang', 'en'], { input: 'quit\n' });
    const intro = alone.stdout.split('\n').slice(1, 4);
    expect(intro).toEqual(['You play the controller (directing staff) alone (role controller).', 'Played by doctrine (the written plan): mx-commander', 'Type help for the commands; Tab completes.']);
    const both = drill(['play', 'scenarios/minimal.yaml', '--controller', '--role', 'mx-commander', '--lang', 'en'], { input: 'quit\n' });
    expect(both.stdout).toContain('You play: mx-commander\n');
    expect(both.stdout).toContain('The controller sits here too (role controller).\n');
  });

  it('refuses an --out it could not write before the session starts, not at its end', () => {
    const dir = tempDir();
    const r = drill(['play', 'scenarios/minimal.yaml', '--controller', '--out', join(dir, 'no-folder', 'x.json')], { input: 'advance\nquit\n' });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("cannot write: the folder '" + join(dir, 'no-folder') + "' does not exist");
    // nothing was played: no intro, no prompt, no clock
    expect(r.stdout).toBe('');
    expect(r.stderr).not.toMatch(STACK);
  });

  it('prints its help in each language', () => {
    expect(drill(['play', '--help', '--lang', 'vi']).stdout).toContain('một vai do người ngồi tại máy này đảm nhận');
    expect(drill(['play', '--help', '--lang', 'en']).stdout).toContain('a role played at this terminal');
    expect(drill(['--help']).stdout).toMatch(/^ {2}play +tabletop session/m);
  });
});

describe('drill play in a terminal', () => {
  it('completes ids with Tab, takes orders at the prompt and writes the same log as drill run --decisions', async () => {
    const dir = tempDir();
    const out = join(dir, 'pty.json');
    const pty = new Pty(`node bin/drill.mjs play ${KY_SON} --role tc-chair --lang en --out ${out}`, ROOT);
    await pty.expect('T+00:00 tc-chair> ');
    pty.type('evacuate ta-ca-riv\t');
    await pty.expect('erside ');
    pty.type('\r');
    await pty.expect('order for T+00:00: evacuate ta-ca-riverside');
    pty.type('advance T+03:30\r');
    await pty.expect('T+03:30 tc-chair> ');
    pty.type('dispatch tc-mil\t');
    await pty.expect('itia ');
    pty.type('ta-ca-ho\t');
    await pty.expect('uses ');
    pty.type('\r');
    await pty.expect('order for T+03:30: dispatch tc-militia to ta-ca-houses');
    pty.type('dispatch nobody ta-ca-houses\r');
    await pty.expect("refused: there is no unit 'nobody'");
    pty.type('advance until end\r');
    await pty.expect('Summary at T+18:00');
    await pty.expect('T+18:00 tc-chair> ');
    pty.type('quit\r');
    await pty.expect('Session closed at T+18:00.');
    expect(await pty.exit()).toBe(0);
    const decisions = join(dir, 'd.yaml');
    writeDecisions(decisions, ['tc-chair'], [
      '{ at: T+00:00, role: tc-chair, do: evacuate, zone: ta-ca-riverside }',
      '{ at: T+03:30, role: tc-chair, do: dispatch, unit: tc-militia, incident: ta-ca-houses }',
    ]);
    drill(['run', KY_SON, '--decisions', decisions, '--out', join(dir, 'ran.json'), '--quiet']);
    expect(readFileSync(out, 'utf8')).toBe(readFileSync(join(dir, 'ran.json'), 'utf8'));
  });

  it('asks before leaving with unsaved decisions', async () => {
    const pty = new Pty(`node bin/drill.mjs play ${KY_SON} --role tc-chair --lang vi`, ROOT);
    await pty.expect('T+00:00 tc-chair> ');
    pty.type('evacuate ta-ca-riverside\r');
    await pty.expect('lệnh cho T+00:00');
    pty.type('quit\r');
    await pty.expect('Có quyết định chưa được lưu');
    pty.type('quit\r');
    await pty.expect('Đã đóng phiên lúc T+00:00.');
    expect(await pty.exit()).toBe(0);
  });
});

describe('drill play at the end of a script', () => {
  it('says the session was not kept when there is no --out and no save after the last change', () => {
    const lost = drill(['play', KY_SON, '--role', 'tc-chair', '--lang', 'en'], { input: 'evacuate ta-ca-riverside\nadvance\n' });
    expect(lost.stdout).toMatch(/The session's last changes were not saved \(no --out, and no save after them\)\.\nSession closed at T\+00:31\.\n$/);
    const vi = drill(['play', KY_SON, '--role', 'tc-chair', '--lang', 'vi'], { input: 'advance\n' });
    expect(vi.stdout).toContain('Những thay đổi cuối của phiên chưa được lưu');
    const dir = tempDir();
    for (const kept of [
      drill(['play', KY_SON, '--role', 'tc-chair', '--lang', 'en'], { input: `evacuate ta-ca-riverside\nsave ${join(dir, 'a.json')}\n` }),
      drill(['play', KY_SON, '--role', 'tc-chair', '--lang', 'en', '--out', join(dir, 'b.json')], { input: 'evacuate ta-ca-riverside\n' }),
      drill(['play', KY_SON, '--role', 'tc-chair', '--lang', 'en'], { input: 'board\nhelp\n' }),
      // the decisions file replays to the session's run log: nothing is lost
      drill(['play', KY_SON, '--role', 'tc-chair', '--lang', 'en', '--decisions-out', join(dir, 'd.yaml')], { input: 'evacuate ta-ca-riverside\n' }),
    ]) expect(kept.stdout).not.toContain('were not saved');
  });
});

/** minimal.yaml with `limits.max_events` this low: mx-commander's session reaches it after a few advances. */
function limited(dir: string, maxEvents = 5, key = 'max_events'): string {
  const text = readFileSync(join(ROOT, 'scenarios/minimal.yaml'), 'utf8');
  const file = join(dir, `limited-${maxEvents}.yaml`);
  writeFileSync(file, edit(text, ['\nseed: 7\n', `\nseed: 7\nlimits: { ${key}: ${maxEvents} }\n`]));
  return file;
}

describe('drill play reaching a limit of the scenario (limits:)', () => {
  const LIMIT_EN = "The run stopped at T+01:05: it reached the scenario's limit limits.max_events = 5 (events in one run). The session cannot go on from here. To play this scenario further, raise limits.max_events in the scenario and start the session again.\n";

  it('says which limit, when, and what to do; writes no run log (as drill run), leaves an earlier save as it was, and keeps the decisions', () => {
    const dir = tempDir();
    const scenario = limited(dir);
    const out = join(dir, 'x.json'), decisions = join(dir, 'd.yaml');
    const lines = ['advance', `save ${out}`, 'dispatch mx-militia to collapse-1', 'advance', 'advance', `save ${join(dir, 'later.json')}`, 'advance'];
    const r = drill(['play', scenario, '--role', 'mx-commander', '--lang', 'en', '--out', out, '--decisions-out', decisions], { input: lines.join('\n') + '\n' });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain(`T+00:23 mx-commander> advance\n${LIMIT_EN}Nothing was written to ${out}: a run stopped at a limit has no run log (drill run writes none either).\nDecisions written to ${decisions} (1 decision, up to T+00:23): drill run replays them, but after T+00:23 nobody decides for mx-commander (doctrine does not play a player's role).\n`);
    expect(r.stdout.endsWith("(doctrine does not play a player's role).\n")).toBe(true);
    expect(r.stdout).not.toMatch(STACK);
    // the lines after the limit were not run: no later save, and the session saved earlier is whole and verifies
    expect(existsSync(join(dir, 'later.json'))).toBe(false);
    expect(readdirSync(dir).sort()).toEqual(['d.yaml', 'limited-5.yaml', 'x.json']);
    expect(JSON.parse(readFileSync(out, 'utf8')).session.t).toBe(21 * 60);
    expect(drill(['verify', out]).code).toBe(0);
    // drill run on the same decisions stops at the same limit; with the limit raised, the decisions replay
    const run = drill(['run', scenario, '--decisions', decisions, '--out', join(dir, 'run.json')]);
    expect([run.code, run.stderr]).toEqual([1, expect.stringContaining('more than 5 events in one run')]);
    expect(existsSync(join(dir, 'run.json'))).toBe(false);
    expect(drill(['run', limited(dir, 1000), '--decisions', decisions, '--quiet']).code).toBe(0);
  });

  it('says it in Vietnamese, and without --out says no more than the limit', () => {
    const dir = tempDir();
    const r = drill(['play', limited(dir), '--role', 'mx-commander', '--lang', 'vi'], { input: 'advance\ndispatch mx-militia to collapse-1\nadvance\nadvance\n' });
    expect(r.code).toBe(1);
    expect(r.stdout.endsWith("T+00:23 mx-commander> advance\nLượt chạy dừng lúc T+01:05: đã chạm giới hạn của kịch bản limits.max_events = 5 (số sự kiện trong một lượt chạy). Phiên không thể tiếp tục từ đây. Muốn chơi tiếp kịch bản này, hãy tăng limits.max_events trong kịch bản rồi bắt đầu phiên lại.\n")).toBe(true);
  });

  it('a limit so low that the run stops while it is set up: the same words, at T+00:00, before the session starts', () => {
    const dir = tempDir();
    const out = join(dir, 'x.json');
    const r = drill(['play', limited(dir, 1, 'max_queue'), '--controller', '--lang', 'en', '--out', out], { input: 'advance\n' });
    expect([r.code, r.stdout]).toEqual([1, '']);
    expect(r.stderr).toBe("drill play: The run stopped at T+00:00: it reached the scenario's limit limits.max_queue = 1 (events waiting at once). The session cannot go on from here. To play this scenario further, raise limits.max_queue in the scenario and start the session again.\n");
    expect(existsSync(out)).toBe(false);
  });

  it('in a terminal: the same message, no stack trace, exit status 1', async () => {
    const dir = tempDir();
    const out = join(dir, 'x.json');
    const pty = new Pty(`node bin/drill.mjs play ${limited(dir)} --role mx-commander --lang en --out ${out}`, ROOT);
    await pty.expect('T+00:00 mx-commander> ');
    pty.type('advance\r');
    await pty.expect('T+00:21 mx-commander> ');
    pty.type('dispatch mx-militia to collapse-1\r');
    await pty.expect('order for T+00:21');
    pty.type('advance\r');
    await pty.expect('T+00:23 mx-commander> ');
    pty.type('advance\r');
    await pty.expect('limits.max_events in the scenario and start the session again.');
    await pty.expect('Nothing was written to');
    expect(await pty.exit()).toBe(1);
    expect(pty.out).not.toMatch(STACK);
    expect(pty.out).not.toContain('SimBoundError');
    expect(existsSync(out)).toBe(false);
  });
});
