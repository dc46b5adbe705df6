import { describe, expect, it } from 'vitest';
import { Model } from '../../engine/sim/model.js';
import type { RoadStatus } from '../../engine/sim/routing.js';
import { loadNamed } from '../helpers/scenarios.js';

const ksn = loadNamed('ky-son-flash-flood');

function openRoads(): Record<string, RoadStatus> {
  return Object.fromEntries(ksn.travel.edges.map((e) => [e.id, { status: 'open' as const, factor: 1 }]));
}

describe('routing', () => {
  it('a model shared by several runs never answers with another run\'s roads (the tree cache keys on the statuses, not the version)', () => {
    // one model, as drill batch shares it: two runs whose roads changed in different ways reach the same version number
    const { travel } = new Model(ksn);
    const militia = travel.profileOf(ksn.units.find((u) => u.id === 'mx-militia')!);
    const a = openRoads();
    a['ql7-tc-mx'] = { status: 'cut', factor: 0 };
    const viaTrail = travel.route(militia, 'huu-kiem', 'muong-xen', a, 1);
    const b = openRoads();
    b['ql7-td-hk'] = { status: 'degraded', factor: 0.5 };
    const viaQl7 = travel.route(militia, 'huu-kiem', 'muong-xen', b, 1);
    expect(viaQl7?.edges).toEqual(['ql7-hk-tc', 'ql7-tc-mx']);
    expect(viaTrail?.edges ?? null).not.toEqual(viaQl7?.edges);
    // and back: the first answer again for the first roads, from the cache or not
    expect(travel.route(militia, 'huu-kiem', 'muong-xen', a, 1)).toEqual(viaTrail);
  });

  it('looks roads up by id', () => {
    const { travel } = new Model(ksn);
    for (const e of ksn.travel.edges) expect(travel.edgeById(e.id)).toBe(e);
    expect(travel.edgeById('no-such-road')).toBeUndefined();
  });
});
