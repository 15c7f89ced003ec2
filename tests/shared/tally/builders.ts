/**
 * Test helpers that write ballots as columns of characters, one character per ballot, so a
 * fixture reads like the count sheet: '0'..'9' is a grade index, '-' is 弃权 (null). A ballot
 * whose answers for an object are all '-' leaves the object out altogether (missing = abstain).
 */
import type { EvalObject, IndicatorSet, TallyBallot, VoterGroup } from '../../../shared/domain/model';

/** columns[objectId][indicatorId] = one character per ballot. */
export type Columns = Readonly<Record<string, Readonly<Record<string, string>>>>;

/** `count` graded ballots of one group, read from columns. */
export function gradedBallots({ group, count, columns }: { readonly group: VoterGroup; readonly count: number; readonly columns: Columns }): TallyBallot[] {
  const ballots: TallyBallot[] = [];
  for (let k = 0; k < count; k++) {
    const answers: Record<string, Record<string, number | null>> = {};
    for (const [objectId, byIndicator] of Object.entries(columns)) {
      const forObject: Record<string, number | null> = {};
      let any = false;
      for (const [indicatorId, column] of Object.entries(byIndicator)) {
        if (column.length !== count) throw new Error(`column ${objectId}.${indicatorId} has ${column.length} marks, not ${count}`);
        const mark = column[k] ?? '-';
        if (mark === '-') forObject[indicatorId] = null;
        else {
          forObject[indicatorId] = Number(mark);
          any = true;
        }
      }
      if (any) answers[objectId] = forObject;
    }
    ballots.push({ group, content: { type: 'graded', answers } });
  }
  return ballots;
}

/** Worst-list ballots from a list of picks per ballot: [['o1', ['cold']], ['o2', []]]. */
export function worstBallots(group: VoterGroup, ballots: readonly (readonly (readonly [string, readonly string[]])[])[]): TallyBallot[] {
  return ballots.map((picks) => ({ group, content: { type: 'worst', picks: picks.map(([objectId, tags]) => ({ objectId, tags })) } }));
}

/** n copies of the same worst-list ballot. */
export function repeat<T>(n: number, item: T): T[] {
  return Array.from({ length: n }, () => item);
}

/** An evaluation object with defaults for the fields a test does not care about. */
export function object(id: string, name: string, extra: Partial<EvalObject> = {}): EvalObject {
  return { id, name, department: `${name}所在局`, category: '科室', indicatorSetId: 'set', ...extra };
}

/** A one-indicator set: handy for putting exact scores on objects. */
export const ONE_INDICATOR: IndicatorSet = {
  id: 'set',
  name: 'one',
  indicators: [{ id: 'i', name: '综合', description: '', weight: 100 }],
};
