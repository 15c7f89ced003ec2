/**
 * The power-loss checker's rules on hand-written traces, so that relaxing the second rule for
 * tablets that send at once (the writer's thread writes the next batch while answers go out)
 * does not relax the first: an answer still needs a WAL sync after a write made since its request.
 */
import { describe, expect, it } from 'vitest';
import { checkSyncOrder, parseTrace } from './sync-order';

const wal = '/data/pingyi.sqlite-wal';
const trace = (lines: string[]) => parseTrace(lines.map((line, i) => `${i + 1} ${line}`).join('\n'));

describe('checkSyncOrder', () => {
  it('accepts an answer after its sync while the next batch is being written, but not for a tablet that sent alone', () => {
    // request on 7, its batch written and synced, request on 8, its batch being written, then 7's answer.
    const events = trace(['R 7 -', `W 3 ${wal}`, `S 3 ${wal}`, 'R 8 -', `W 3 ${wal}`, 'A 7 -', `S 3 ${wal}`, 'A 8 -']);
    expect(checkSyncOrder(events).problems).toEqual([]);
    expect(checkSyncOrder(events, { sequentialAcks: 1 }).problems).toEqual([`acknowledgement #6: write #5 to ${wal} not yet synced`]);
  });

  it('flags an answer with no WAL write since its request, and one whose write was not synced yet', () => {
    const events = trace([`W 3 ${wal}`, `S 3 ${wal}`, 'R 7 -', 'A 7 -', 'R 8 -', `W 3 ${wal}`, 'A 8 -', `S 3 ${wal}`]);
    expect(checkSyncOrder(events).problems).toEqual(['acknowledgement #4: no WAL write since its request #3', 'acknowledgement #7: the WAL written since request #5 was not synced before it']);
  });
});
