/**
 * Canonical ballots (DESIGN.md: the order of taps is never a mark): every permutation of the
 * same picks, tags and answers gives one stored text; and through the real host, three tablets
 * clicking the same worst-list choices in three orders store three identical ballots.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { canonicalBallot } from '../../../shared/domain/canonical-ballot';
import { canonicalJson } from '../../../shared/domain/canonical-json';
import type { MeetingDefinition } from '../../../shared/domain/ballot-rules';
import type { BallotContent } from '../../../shared/domain/model';
import type { BallotDefinition } from '../../../shared/api/tablet-schemas';
import { startTestHost, type TestHost } from '../../support/running-host';

const SEED = Number(process.env['SEED'] ?? Date.now() % 2 ** 31);

const objects = Array.from({ length: 12 }, (_, i) => ({ id: `obj${(i * 7) % 12}x${i}`, name: `对象${i}`, department: '', category: '科室', indicatorSetId: 'set', position: i }));
const tags = ['t-leng', 't-lan', 't-tui', 't-luan', 't-tan'];
const definition = {
  ballotType: 'worst',
  objects,
  indicatorSets: [{ id: 'set', name: '指标', indicators: ['z1', 'a2', 'm3'].map((id) => ({ id, name: id, description: '', weight: 1 })) }],
  tagSet: { id: 'tags', name: '问题', indicators: tags.map((id) => ({ id, name: id, description: '', weight: 0 })) },
  settings: { worstK: 10 },
} as unknown as MeetingDefinition;

describe('canonicalBallot', () => {
  it(`gives every permutation of picks and tags one text, in object and tag order (seed ${SEED})`, () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: 11 }), { maxLength: 10 }).chain((chosen) =>
          fc.tuple(
            fc.constant(chosen),
            fc.array(fc.subarray(tags), { minLength: chosen.length, maxLength: chosen.length }),
            fc.array(fc.nat(), { minLength: 12, maxLength: 12 }),
          ),
        ),
        ([chosen, tagSets, shuffle]) => {
          const picks = chosen.map((o, i) => ({ objectId: objects[o]?.id ?? '', tags: tagSets[i] ?? [] }));
          const shuffled = [...picks]
            .map((p, i) => ({ p: { objectId: p.objectId, tags: [...p.tags].reverse() }, k: shuffle[i] ?? 0 }))
            .sort((a, b) => a.k - b.k)
            .map((x) => x.p);
          const a = canonicalBallot(definition, { type: 'worst', picks });
          const b = canonicalBallot(definition, { type: 'worst', picks: shuffled });
          expect(canonicalJson(a)).toBe(canonicalJson(b));
          if (a.type !== 'worst') throw new Error('type changed');
          const positions = a.picks.map((p) => objects.findIndex((o) => o.id === p.objectId));
          expect(positions).toEqual([...positions].sort((x, y) => x - y));
          for (const pick of a.picks) expect(pick.tags).toEqual(tags.filter((t) => pick.tags.includes(t)));
        },
      ),
      { seed: SEED, numRuns: 300 },
    );
  });

  it('orders answers by object position and indicator order, and changes no grade', () => {
    const ballot: BallotContent = { type: 'graded', answers: { [objects[3]?.id ?? '']: { m3: 1, z1: null, a2: 4 }, [objects[0]?.id ?? '']: { a2: 0, m3: 2, z1: 3 } } };
    const result = canonicalBallot(definition, ballot);
    if (result.type !== 'graded') throw new Error('type changed');
    expect(Object.keys(result.answers)).toEqual([objects[0]?.id, objects[3]?.id]);
    expect(Object.keys(result.answers[objects[3]?.id ?? ''] ?? {})).toEqual(['z1', 'a2', 'm3']);
    expect(canonicalJson(result)).toBe(canonicalJson(ballot));
  });
});

let t: TestHost | null = null;
afterEach(async () => {
  await t?.stop();
  t = null;
});

describe('worst-list ballots through the host', () => {
  it('stores the same choices clicked in three orders as three identical stored ballots', async () => {
    t = await startTestHost();
    const host = t;
    const [meeting] = await host.chair('listMeetings', {});
    const meetingId = meeting?.id ?? '';
    host.host.core.store.db.prepare("UPDATE meetings SET ballot_type = 'worst', settings_json = ? WHERE id = ?").run(JSON.stringify({ worstK: 3 }), meetingId);
    const codes = (await host.chair('generateCodes', { meetingId, spares: 0 })).map((c) => c.code);
    await host.chair('openVoting', { meetingId });
    const definition = (await host.tablet('/api/tablet/session', { code: codes[0] })).body.value as BallotDefinition;
    const tagIds = definition.indicatorSets[0]?.indicators.map((i) => i.id) ?? [];
    const pick = (o: number, t: number[]) => ({ objectId: definition.objects[o]?.id ?? '', tags: t.map((i) => tagIds[i] ?? '') });
    const orders = [
      [pick(0, [0, 2]), pick(4, [1]), pick(7, [3, 4])],
      [pick(7, [4, 3]), pick(0, [2, 0]), pick(4, [1])],
      [pick(4, [1]), pick(7, [3, 4]), pick(0, [0, 2])],
    ];
    for (const [i, picks] of orders.entries()) {
      const answer = await host.tablet('/api/tablet/ballot', { code: codes[i], ballot: { type: 'worst', picks } });
      expect(answer.status).toBe(200);
    }
    await host.chair('closeVoting', { meetingId });
    const stored = host.host.core.store.db.prepare('SELECT content_json FROM ballots WHERE meeting_id = ?').all(meetingId) as { content_json: string }[];
    expect(new Set(stored.map((b) => b.content_json)).size).toBe(1);
    expect(JSON.parse(stored[0]?.content_json ?? '{}')).toEqual({ type: 'worst', picks: orders[0] });
  });
});
