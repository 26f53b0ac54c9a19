/**
 * The outbox as sync sees it. A local write appends an unsealed row (`rev`
 * unset); push-batch.ts turns pending edits into a revision at push time.
 * Rows with `rev` name a revision already fixed locally (a conflict
 * resolution, or an edit sealed by `sealAndCollect` before a pull merged
 * around it). A row is removed only after the
 * server acknowledged its revision, so a worker killed at any point loses
 * nothing; revision ids are deterministic, so a repeated push is recognised
 * by `_revs_diff` and sends nothing twice.
 */
import type { Annotation } from '../annotation';
import type { FactmarkDB, OutboxRecord, RevisionRecord } from '../db/schema';
import { toCouchBody, type CouchBody } from './couch-doc';
import { readByIds } from './read-by-ids';
import { readLedger, withLedgerRev, type RevLedger } from './rev-ledger';
import { extendPath, leafRev, parseRev, pathContains, revisionHash, formatRev, stemPath, canonicalJson, type RevisionPath } from './revision';

export interface PushItem {
  id: string;
  rev: string;
  revisions: RevisionPath;
  body: CouchBody;
  /** `body` as `canonicalJson` wrote it for the revision hash, when at hand: sent as it is. */
  json?: string;
}

/** The outbox, read once: each note's rows, and the note ids sorted (so a batch is one contiguous key range). */
export async function outboxByDoc(db: FactmarkDB): Promise<{ ids: string[]; rows: Map<string, OutboxRecord[]> }> {
  // One getAll over the store, grouped here: uniqueKeys() on the docId index walks a
  // cursor, one round trip to the browser process per note (10,000 on a first sync),
  // and a getAll over that index looks every row up a second time.
  const rows = new Map<string, OutboxRecord[]>();
  for (const row of await db.outbox.toArray()) {
    const list = rows.get(row.docId);
    if (list) list.push(row);
    else rows.set(row.docId, [row]);
  }
  return { ids: [...rows.keys()].sort(), rows };
}

/** Distinct document ids in the outbox, sorted. */
export async function outboxDocIds(db: FactmarkDB): Promise<string[]> {
  return (await outboxByDoc(db)).ids;
}

/**
 * Outbox rows of `ids`, read as one key range (min..max) and filtered: one
 * index scan, where `anyOf` would seek once per id.
 */
export async function outboxRowsFor(db: FactmarkDB, ids: string[]): Promise<OutboxRecord[]> {
  if (!ids.length) return [];
  const wanted = new Set(ids);
  let min = ids[0];
  let max = ids[0];
  for (const id of ids) {
    if (id < min) min = id;
    if (id > max) max = id;
  }
  const rows = await db.outbox.where('docId').between(min, max, true, true).toArray();
  return rows.filter((row) => wanted.has(row.docId));
}

export async function pendingCount(db: FactmarkDB): Promise<number> {
  return (await outboxDocIds(db)).length;
}

interface SealPlan {
  snapshot: string;
  rev: string;
  hash: string;
}

function planKey(annotation: Annotation, parent: string | undefined): string {
  return canonicalJson([annotation, parent ?? null]);
}

/**
 * The revision a note's stored content descends from. `db.revisions` is the
 * authority: a push records new revisions there only (rewriting every note
 * row, with all its indexes, would double the cost of a large push).
 * `annotation.rev` is the revision the row was last written with (pulls,
 * resolutions), a hint for readers of the row alone. A first revision pushed
 * from here is in neither: sync code reads notes through `withLedgerRev`
 * (rev-ledger.ts), which fills `rev` in from the ledger.
 */
export function currentRev(annotation: Annotation, record: RevisionRecord | undefined): string | undefined {
  return record?.revisions.ids.length ? leafRev(record.revisions) : annotation.rev;
}

/** The revision path of the current winner. */
export function winnerPath(annotation: Annotation, record: RevisionRecord | undefined): RevisionPath | undefined {
  if (record?.revisions.ids.length) return record.revisions;
  return annotation.rev ? stemPath(annotation.rev) : undefined;
}

/**
 * Seals pending edits of `ids` and returns what to push for them. Hashing is
 * asynchronous (Web Crypto) and cannot run inside an IndexedDB transaction, so
 * revisions are computed from a snapshot and applied only where the document
 * is still exactly that snapshot; a document edited meanwhile is sealed on the
 * next round.
 */
export async function sealAndCollect(
  db: FactmarkDB,
  ids: string[],
  now: () => string,
  ledger?: RevLedger,
): Promise<{ items: PushItem[]; retry: string[] }> {
  ledger ??= await readLedger(db);
  const [annotations0, records0, rows] = await db.transaction('r', [db.annotations, db.revisions, db.outbox], () =>
    Promise.all([db.annotations.bulkGet(ids), db.revisions.bulkGet(ids), outboxRowsFor(db, ids)]),
  );
  const annotations = annotations0.map((annotation, index) => withLedgerRev(annotation, records0[index], ledger));
  const unsealed = new Set(rows.filter((row) => !row.rev).map((row) => row.docId));
  const plans = new Map<string, SealPlan>();
  for (const [index, annotation] of annotations.entries()) {
    if (!annotation || !unsealed.has(annotation.id)) continue;
    const body = toCouchBody(annotation);
    const parent = currentRev(annotation, records0[index]);
    const hash = await revisionHash(parent, !!annotation.deleted, body);
    const pos = parent ? parseRev(parent).pos + 1 : 1;
    plans.set(annotation.id, { snapshot: planKey(annotation, parent), rev: formatRev(pos, hash), hash });
  }

  return db.transaction('rw', [db.annotations, db.outbox, db.revisions], async () => {
    const [current, records, currentRows] = await Promise.all([
      db.annotations.bulkGet(ids),
      db.revisions.bulkGet(ids),
      outboxRowsFor(db, ids),
    ]);
    const rowsByDoc = new Map<string, OutboxRecord[]>();
    for (const row of currentRows) rowsByDoc.set(row.docId, [...(rowsByDoc.get(row.docId) ?? []), row]);
    const items: PushItem[] = [];
    const retry: string[] = [];
    const putAnnotations: Annotation[] = [];
    const putRecords: RevisionRecord[] = [];
    const deleteRows: number[] = [];
    const addRows: OutboxRecord[] = [];

    ids.forEach((id, index) => {
      const docRows = rowsByDoc.get(id) ?? [];
      if (!docRows.length) return;
      let record = records[index];
      let annotation = withLedgerRev(current[index], record, ledger);
      if (!annotation || (annotation.deleted && !currentRev(annotation, record))) {
        // Gone, or created and deleted before it ever reached a server: nothing to tell anyone.
        deleteRows.push(...docRows.map((r) => r.seq!));
        return;
      }
      let sealedRevs = new Set(docRows.filter((r) => r.rev).map((r) => r.rev!));
      if (docRows.some((r) => !r.rev)) {
        const plan = plans.get(id);
        if (!plan || plan.snapshot !== planKey(annotation, currentRev(annotation, record))) {
          retry.push(id);
          return;
        }
        const revisions = extendPath(winnerPath(annotation, record), plan.hash);
        annotation = { ...annotation, rev: plan.rev };
        record = { id, conflicts: record?.conflicts ?? [], ...(record?.pendingDeletes ? { pendingDeletes: record.pendingDeletes } : {}), revisions };
        putAnnotations.push(annotation);
        putRecords.push(record);
        // The new revision's history includes every earlier sealed winner revision.
        const keep = docRows.filter((r) => r.rev && r.rev !== plan.rev && !pathContains(revisions, r.rev));
        deleteRows.push(...docRows.filter((r) => !keep.includes(r)).map((r) => r.seq!));
        addRows.push({ docId: id, at: now(), rev: plan.rev });
        sealedRevs = new Set([plan.rev, ...keep.map((r) => r.rev!)]);
      }
      for (const rev of sealedRevs) {
        const item = pushItemFor(id, rev, annotation, record);
        if (item) items.push(item);
        else deleteRows.push(...docRows.filter((r) => r.rev === rev).map((r) => r.seq!)); // superseded: nothing to push
      }
    });
    await db.annotations.bulkPut(putAnnotations);
    await db.revisions.bulkPut(putRecords);
    await db.outbox.bulkDelete(deleteRows);
    await db.outbox.bulkAdd(addRows);
    return { items, retry };
  });
}

function pushItemFor(id: string, rev: string, annotation: Annotation, record: RevisionRecord | undefined): PushItem | null {
  if (currentRev(annotation, record) === rev) {
    return { id, rev, revisions: winnerPath(annotation, record)!, body: toCouchBody(annotation) };
  }
  const conflict = record?.conflicts.find((c) => c.rev === rev);
  if (conflict) return { id, rev, revisions: conflict.revisions ?? stemPath(rev), body: toCouchBody(conflict.doc) };
  const tombstone = record?.pendingDeletes?.find((t) => t.rev === rev);
  if (tombstone) return { id, rev, revisions: tombstone.revisions, body: deletedLeafBody() };
  return null;
}

/** The body of a tombstone that closes a losing branch. */
export function deletedLeafBody(): CouchBody {
  return { type: 'annotation', _deleted: true };
}

/**
 * Queues every stored note for a push check (first sync with a server, or a
 * server whose database was recreated). Sealed rows re-offer the existing
 * revisions, so nothing gets a new revision; `_revs_diff` skips what the
 * server has. `queued`: notes the caller just saw in the outbox (else read
 * here; one queued meanwhile gets a second row, which its push covers too).
 * Returns the rows added.
 */
export async function enqueueAll(
  db: FactmarkDB,
  now: () => string,
  ledger?: RevLedger,
  queued?: Set<string>,
  noteKeys?: string[],
): Promise<OutboxRecord[]> {
  ledger ??= await readLedger(db);
  return db.transaction('rw', [db.annotations, db.outbox, db.revisions], async () => {
    queued ??= new Set(await outboxDocIds(db));
    // Key-only scan (or the caller's, `noteKeys`: a note saved since has its own row): notes
    // already queued (all of them on a first sync after creating notes offline) need no
    // read; the rest are read by key range.
    const keys = noteKeys ?? ((await db.annotations.toCollection().primaryKeys()) as string[]);
    const ids = keys.filter((id) => !queued!.has(id));
    if (!ids.length) return [];
    const revisionKeys = (await db.revisions.toCollection().primaryKeys()) as string[];
    const [annotations, records] = await Promise.all([readByIds(db.annotations, ids, keys), readByIds(db.revisions, ids, revisionKeys)]);
    const rows: OutboxRecord[] = [];
    const at = now();
    ids.forEach((id, index) => {
      const record = records[index];
      const annotation = withLedgerRev(annotations[index], record, ledger);
      if (!annotation) return;
      const rev = currentRev(annotation, record);
      rows.push(rev ? { docId: id, at, rev } : { docId: id, at });
      for (const conflict of record?.conflicts ?? []) rows.push({ docId: id, at, rev: conflict.rev });
    });
    const seqs = await db.outbox.bulkAdd(rows, { allKeys: true });
    rows.forEach((row, index) => (row.seq = seqs[index] as number));
    return rows;
  });
}
