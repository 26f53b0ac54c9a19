/**
 * Runs in a Chromium page (bundled by scripts/bench/sync.ts): the same
 * replicator the extension's worker runs, over real IndexedDB.
 */
import { updateAnnotation } from '../../../utils/db/repository';
import { openDatabase, type FactmarkDB } from '../../../utils/db/schema';
import { localReplicaId } from '../../../utils/sync/checkpoint';
import { CouchClient } from '../../../utils/sync/couch-client';
import { replicate } from '../../../utils/sync/replicator';
import { makeNote } from './notes';

const dbs = new Map<string, FactmarkDB>();
const open = (name: string) => {
  if (!dbs.has(name)) dbs.set(name, openDatabase(name));
  return dbs.get(name)!;
};

(globalThis as any).syncBench = {
  async seed(name: string, count: number) {
    const db = open(name);
    const notes = Array.from({ length: count }, (_, i) => makeNote(i));
    await db.transaction('rw', [db.annotations, db.outbox], async () => {
      await db.annotations.bulkPut(notes);
      await db.outbox.bulkAdd(notes.map((n) => ({ docId: n.id, at: n.createdAt })));
    });
  },
  async sync(name: string, serverUrl: string, database: string, batches: { push?: number; pull?: number } = {}) {
    const db = open(name);
    const client = new CouchClient({ fetch: (input, init) => fetch(input, init), serverUrl, database, timeoutMs: 60_000 });
    const replicaId = await localReplicaId(db);
    const started = performance.now();
    let pushDone = started;
    const result = await replicate({
      db,
      client,
      replicaId,
      pushBatchSize: batches.push,
      pullBatchSize: batches.pull,
      onProgress: ({ phase }) => {
        if (phase === 'push') pushDone = performance.now();
      },
    });
    return { ms: performance.now() - started, pushPhaseMs: pushDone - started, pushed: result.pushed, pulled: result.pulled };
  },
  async edit(name: string, index: number) {
    await updateAnnotation(open(name), makeNote(index).id, { verdict: 'false', comment: '정정: 2.1%' });
  },
  async read(name: string, index: number) {
    return open(name).annotations.get(makeNote(index).id);
  },
  async count(name: string) {
    return open(name).annotations.count();
  },
};
