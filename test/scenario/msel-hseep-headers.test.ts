/**
 * A sheet headed as the HSEEP MSEL template heads it (Inject #, Inject Mode, Sender, Recipient): each was an
 * "unknown column" beside a "no 'number' column", though they name the columns drill's sheet has.
 */
import { describe, expect, it } from 'vitest';
import { readMselCsv } from '../../engine/scenario/msel.js';

describe('an MSEL sheet headed with the HSEEP template\'s words', () => {
  it('reads Inject #, Inject Mode, Sender, Recipient and Player Action as number, method, from, to and expected action', () => {
    const r = readMselCsv(['Inject #,Scenario Time,Inject Mode,Sender,Recipient,Subject,Message,Player Action', '1,T+00:10,phone,Hotline 112,tc-chair,Call,Houses swept,evacuate zone=z'].join('\r\n'));
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.rows[0].cells).toEqual({ number: '1', time: 'T+00:10', method: 'phone', from: 'Hotline 112', to: 'tc-chair', subject: 'Call', message: 'Houses swept', 'expected action': 'evacuate zone=z' });
  });
});
