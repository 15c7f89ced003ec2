/**
 * Reads the trace of tests/faults/sync-trace.c and checks the power-loss promise: an
 * acknowledgement is written to the tablet's socket only after the transaction holding its
 * ballot reached the disk. Concretely, for every acknowledgement A on socket f:
 * - some write to the WAL happened after f's request arrived (the ballot's transaction), and an
 *   fsync/fdatasync of the WAL returned after that write and before A;
 * - for the first `sequentialAcks` acknowledgements (tablets that sent one at a time, each
 *   after the previous answer, so nothing else was being written): no write to the database or
 *   the WAL made before A is still unsynced at A (a page cache holding a write that A vouches
 *   for is what a power cut takes away).
 * The second rule cannot hold for tablets sending at once: the ballot writer commits on its own
 * thread (electron/core/services/ballot-writer.ts), so while the main thread writes the answers
 * of one batch, the next batch's frames are already going into the WAL, unsynced, and vouched
 * for by no answer yet.
 */
export interface TraceEvent {
  readonly seq: number;
  readonly kind: 'W' | 'S' | 'R' | 'A';
  readonly fd: number;
  readonly path: string;
}

export function parseTrace(text: string): TraceEvent[] {
  return text
    .split('\n')
    .filter((line) => line.length > 0)
    .map((line) => {
      const [seq = '', kind = '', fd = '', ...path] = line.split(' ');
      return { seq: Number(seq), kind: kind as TraceEvent['kind'], fd: Number(fd), path: path.join(' ') };
    })
    .sort((a, b) => a.seq - b.seq);
}

export interface SyncOrderReport {
  readonly acknowledgements: number;
  readonly walWrites: number;
  readonly walSyncs: number;
  readonly problems: readonly string[];
}

export function checkSyncOrder(events: readonly TraceEvent[], options: { sequentialAcks?: number } = {}): SyncOrderReport {
  const problems: string[] = [];
  const lastWrite = new Map<string, number>(); // path → seq of its latest write
  const lastSync = new Map<string, number>(); // path → seq of its latest completed sync
  const lastRead = new Map<number, number>(); // socket fd → seq of its latest request bytes
  let acknowledgements = 0;
  let walWriteCount = 0;
  let walSyncs = 0;
  const isWal = (path: string) => path.endsWith('-wal');
  // Per WAL path, every write in order: the first write after a request is where its
  // transaction can have started at the earliest.
  const walWrites: { path: string; seq: number }[] = [];
  function* firstWalWriteSince(request: number): Generator<[string, number]> {
    const seen = new Set<string>();
    for (const write of walWrites) {
      if (write.seq <= request || seen.has(write.path)) continue;
      seen.add(write.path);
      yield [write.path, write.seq];
    }
  }
  for (const event of events) {
    if (event.kind === 'W') {
      lastWrite.set(event.path, event.seq);
      if (isWal(event.path)) {
        walWriteCount += 1;
        walWrites.push({ path: event.path, seq: event.seq });
      }
    } else if (event.kind === 'S') {
      lastSync.set(event.path, event.seq);
      if (isWal(event.path)) walSyncs += 1;
    } else if (event.kind === 'R') {
      lastRead.set(event.fd, event.seq);
    } else {
      acknowledgements += 1;
      const request = lastRead.get(event.fd);
      if (request === undefined) {
        problems.push(`acknowledgement #${event.seq} on socket ${event.fd}: no request read on it`);
        continue;
      }
      const walWrittenAfterRequest = [...firstWalWriteSince(request)].length > 0;
      const walSyncedAfterWrite = [...firstWalWriteSince(request)].some(([path, seq]) => (lastSync.get(path) ?? -1) > seq);
      if (!walWrittenAfterRequest) problems.push(`acknowledgement #${event.seq}: no WAL write since its request #${request}`);
      else if (!walSyncedAfterWrite) problems.push(`acknowledgement #${event.seq}: the WAL written since request #${request} was not synced before it`);
      if (acknowledgements <= (options.sequentialAcks ?? 0)) {
        for (const [path, seq] of lastWrite) {
          if ((lastSync.get(path) ?? -1) < seq) problems.push(`acknowledgement #${event.seq}: write #${seq} to ${path} not yet synced`);
        }
      }
    }
  }
  return { acknowledgements, walWrites: walWriteCount, walSyncs, problems };
}
