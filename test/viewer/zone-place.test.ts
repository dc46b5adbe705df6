/**
 * A zone whose people set off from a place of their own (its `node`) is drawn beside that place, not beside its
 * area's: Quế Phong's slope villages lie 7 km up a track from the Tri Lễ centre, and their circle sat at the centre,
 * by the school, with the dots of their groups on the road starting far from it.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drill, tempDir } from '../helpers/cli.js';
import { lookAtEach, viewerSession, type ViewerSession } from './browser.js';

const dir = tempDir('drillsim-viewer-zone-place-');
const file = join(dir, 'que-phong.json');
let session: ViewerSession;

beforeAll(async () => {
  expect(drill(['run', 'scenarios/que-phong-landslides.yaml', '--out', file, '--quiet']).code).toBe(0);
  session = await viewerSession([file], undefined, '#lang=en');
});

afterAll(async () => {
  await session?.close();
});

interface Look { zone: { x: number; y: number }; villages: { x: number; y: number }; centre: { x: number; y: number } }
const LOOK = `() => {
  const svg = document.querySelector('#map-a svg.map-svg');
  const m = /translate\\(([-\\d.e]+),([-\\d.e]+)\\)/.exec(svg.querySelector('g.zone[data-zone="tri-le-slope"]').getAttribute('transform'));
  // the track runs from the slope villages to the Tri Lễ centre (the area's place)
  const l = svg.querySelector('g.road[data-road="road-slope-tl"] line.line');
  return { zone: { x: Number(m[1]), y: Number(m[2]) }, villages: { x: Number(l.getAttribute('x1')), y: Number(l.getAttribute('y1')) }, centre: { x: Number(l.getAttribute('x2')), y: Number(l.getAttribute('y2')) } };
}`;

describe('an evacuation zone with a place of its own', () => {
  it('is drawn beside that place, a zone\'s fixed distance off, not beside its area\'s', async () => {
    const [at] = await lookAtEach<Look>(session.page, [0], LOOK);
    const dist = (a: { x: number; y: number }, b: { x: number; y: number }) => Math.hypot(a.x - b.x, a.y - b.y);
    expect(dist(at.zone, at.villages)).toBeCloseTo(34, 0);
    // the track is drawn long enough on screen for the two to be told apart
    expect(dist(at.villages, at.centre)).toBeGreaterThan(60);
    expect(dist(at.zone, at.centre)).toBeGreaterThan(dist(at.zone, at.villages));
  });
});
