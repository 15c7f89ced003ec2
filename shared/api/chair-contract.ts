/**
 * The chair console's API: one contract for both transports (IPC in Electron, loopback HTTP
 * with a per-run token in browser mode). Inputs are zod schemas parsed by the core before any
 * handler runs; outputs are plain types. Each area of the console has its own module in
 * ./chair/ and its handlers in electron/core/handlers/; this file only puts them together.
 */
import type { z } from 'zod';
import type { MeetingStatus } from '../domain/model';
import type { ErrorCode } from '../domain/errors';
import type { ErrorParams } from '../domain/result';
import { meetingInputs, type GroupTurnout, type MeetingOutputs } from './chair/meetings';
import { votingInputs, type VotingOutputs } from './chair/voting';
import { resultsInputs, type ResultsOutputs } from './chair/results';
import { setupInputs, type SetupOutputs } from './chair/setup';
import { printingInputs, type PrintingOutputs } from './chair/printing';
// i17p (issue 17 part 1): paper ballots keyed in twice
import { paperInputs, type PaperOutputs } from './chair/paper';
import { historyInputs, type HistoryOutputs } from './chair/history';
import { rehearsalAuditInputs, type RehearsalAuditOutputs } from './chair/rehearsal-audit';

export type { ServerInfo, MeetingSummary, GroupTurnout, MeetingView } from './chair/meetings';
export type { IssuedCode } from './chair/voting';
export type { ResultRow, MeetingResults } from './chair/results';

export const chairInputs = {
  ...meetingInputs,
  ...setupInputs,
  ...votingInputs,
  ...resultsInputs,
  ...printingInputs,
  ...paperInputs,
  // i16 (issue 16): rounds over time
  ...historyInputs,
  ...rehearsalAuditInputs,
} as const;

export type ChairMethod = keyof typeof chairInputs;
export type ChairInput<M extends ChairMethod> = z.input<(typeof chairInputs)[M]>;
export type ChairParsedInput<M extends ChairMethod> = z.output<(typeof chairInputs)[M]>;

export type ChairOutputs = MeetingOutputs & SetupOutputs & VotingOutputs & ResultsOutputs & PrintingOutputs & PaperOutputs & HistoryOutputs & RehearsalAuditOutputs;

/** Pushed to the chair console (WebSocket in browser mode, IPC events in Electron); never polled. */
export type ChairEvent =
  | { readonly type: 'turnout'; readonly meetingId: string; readonly turnout: readonly GroupTurnout[] }
  | { readonly type: 'status'; readonly meetingId: string; readonly status: MeetingStatus }
  /** Worded by the console from its code and params (shared/i18n/error-words.ts); core writes no sentence. */
  | { readonly type: 'alarm'; readonly kind: 'bad-codes' | 'storage'; readonly code: ErrorCode; readonly params: ErrorParams }
  | { readonly type: 'changed'; readonly meetingId: string | null };
