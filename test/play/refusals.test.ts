import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { guessIds } from '../../engine/play/refusals.js';
import { PlaySession } from '../../engine/play/session.js';
import { ROOT } from '../helpers/cli.js';
import { loadScenarioFile } from '../helpers/scenarios.js';

const quePhong = loadScenarioFile(join(ROOT, 'test/fixtures/play/que-phong.yaml'));

describe('a refusal for an id that does not exist', () => {
  it('suggests the id a shortened or mistyped one most likely names, for zones as for every other kind of id', () => {
    const s = new PlaySession(quePhong, { seed: 48, players: ['tl-chair'], controller: false, lang: 'en' });
    const cases: [string, string][] = [
      ['evacuate pa-co', "there is no evacuation zone 'pa-co' (did you mean 'pa-co-hillside'?)"],
      ['evacuate pa-co-hilside', "there is no evacuation zone 'pa-co-hilside' (did you mean 'pa-co-hillside'?)"],
      ['open shelter tl-border', "there is no shelter 'tl-border' (did you mean 'tl-border-barracks'?)"],
      ['open shelter school', "there is no shelter 'school' (did you mean 'tri-le-school'?)"],
      ['dispatch tl-polise pa-co-slide', "there is no unit 'tl-polise' (did you mean 'tl-police'?)"],
    ];
    for (const [line, why] of cases) {
      const r = s.handle(line);
      expect(r.refused, line).toBe(true);
      expect(r.text, line).toContain(why);
    }
    const vi = new PlaySession(quePhong, { seed: 48, players: ['tl-chair'], controller: false, lang: 'vi' });
    expect(vi.handle('evacuate pa-co').text).toContain("không có vùng sơ tán 'pa-co' (có phải 'pa-co-hillside'?)");
  });
});

describe('a refusal for something that happened at the very time of the stop', () => {
  it('an evacuation ordered at the time the hazard reaches the zone is too late, and says so, not "already has its order"', () => {
    const s = new PlaySession(quePhong, { seed: 48, players: ['tl-chair'], controller: false, lang: 'en' });
    s.handle('advance T+05:40');
    expect(s.boardText()).toContain('no order yet');
    const r = s.handle('evacuate pa-co-hillside');
    expect(r.refused).toBe(true);
    expect(r.text).toBe("refused: too late: the hazard reaches zone 'pa-co-hillside' at T+05:40, before the orders for T+05:40 are carried out. Nothing was changed.\n");
  });
});

describe('guessIds', () => {
  const ids = ['tl-militia', 'tl-police', 'tl-border-post', 'tl-health', 'qp-militia', 'pa-co-hillside'];
  it('prefers the nearest spelling, then the ids a word starts, then those it is part of', () => {
    expect(guessIds('tl-militai', ids)).toEqual(['tl-militia']);
    expect(guessIds('pa-co', ids)).toEqual(['pa-co-hillside']);
    expect(guessIds('militia', ids)).toEqual(['qp-militia', 'tl-militia']);
  });
  it('names nobody when the word fits more than three ids, or is too short to mean anything', () => {
    expect(guessIds('tl-', ids)).toEqual([]);
    expect(guessIds('x', ids)).toEqual([]);
    expect(guessIds('nothing-like-it', ids)).toEqual([]);
  });
});
