/**
 * The push side of the outbox. A local write appends an unsealed row
 * (`rev` unset). Before a push, the pending edits of a document are *sealed*:
 * they become one new revision (child of the current one), and the rows are
 * replaced by one row naming that revision. A row is removed only after the
 * server acknowledged its revision, so a worker killed at any point loses
 * nothing; revision ids are deterministic, so a repeated push is recognised
 * by `_revs_diff` and sends nothing twice.
 */
import type { Annotation } from '../annotation';
import type { FactmarkDB, OutboxRecord, RevisionRecord } from '../db/schema';
import { toCouchBody, type CouchBody } from './couch-doc';
import { extendPath, parseRev, pathContains, revisionHash, formatRev, stemPath, canonicalJson, type RevisionPath } from './revision';

export interface PushItem {
  id: string;
  rev: string;
  revisions: RevisionPath;
  body: CouchBody;
}

/** Distinct document ids in the outbox, oldest change first. */
export async function outboxDocIds(db: FactmarkDB): Promise<string[]> {
  const ids = new Set<string>();
  await db.outbox.orderBy('seq').each((row) => {
    ids.add(row.docId);
  });
  return [...ids];
}

export async function pendingCount(db: FactmarkDB): Promise<number> {
  return (await db.outbox.orderBy('docId').uniqueKeys()).length;
}

interface SealPlan {
  snapshot: string;
  rev: string;
  hash: string;
}

function planKey(annotation: Annotation): string {
  return canonicalJson(annotation);
}

/** The path of the current winner, consistent with `annotation.rev`. */
export function winnerPath(annotation: Annotation, record: RevisionRecord | undefined): RevisionPath | undefined {
  if (!annotation.rev) return undefined;
  if (record && record.revisions.start === parseRev(annotation.rev).pos && pathContains(record.revisions, annotation.rev)) return record.revisions;
  return stemPath(annotation.rev);
}

/**
 * Seals pending edits of `ids` and returns what to push for them. Hashing is
 * asynchronous (Web Crypto) and cannot run inside an IndexedDB transaction, so
 * revisions are computed from a snapshot and applied only where the document
 * is still exactly that snapshot; a document edited meanwhile is sealed on the
 * next round.
 */
export async function sealAndCollect(db: FactmarkDB, ids: string[], now: () => string): Promise<{ items: PushItem[]; retry: string[] }> {
  const [annotations, rows] = await db.transaction('r', [db.annotations, db.outbox], () =>
    Promise.all([db.annotations.bulkGet(ids), db.outbox.where('docId').anyOf(ids).toArray()]),
  );
  const unsealed = new Set(rows.filter((row) => !row.rev).map((row) => row.docId));
  const plans = new Map<string, SealPlan>();
  for (const annotation of annotations) {
    if (!annotation || !unsealed.has(annotation.id)) continue;
    const body = toCouchBody(annotation);
    const hash = await revisionHash(annotation.rev, !!annotation.deleted, body);
    const pos = annotation.rev ? parseRev(annotation.rev).pos + 1 : 1;
    plans.set(annotation.id, { snapshot: planKey(annotation), rev: formatRev(pos, hash), hash });
  }

  return db.transaction('rw', [db.annotations, db.outbox, db.revisions], async () => {
    const [current, records, currentRows] = await Promise.all([
      db.annotations.bulkGet(ids),
      db.revisions.bulkGet(ids),
      db.outbox.where('docId').anyOf(ids).toArray(),
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
      let annotation = current[index];
      let record = records[index];
      if (!annotation || (annotation.deleted && !annotation.rev && !record)) {
        // Gone, or created and deleted before it ever reached a server: nothing to tell anyone.
        deleteRows.push(...docRows.map((r) => r.seq!));
        return;
      }
      let sealedRevs = new Set(docRows.filter((r) => r.rev).map((r) => r.rev!));
      if (docRows.some((r) => !r.rev)) {
        const plan = plans.get(id);
        if (!plan || plan.snapshot !== planKey(annotation)) {
          retry.push(id);
          return;
        }
        const revisions = extendPath(winnerPath(annotation, record), plan.hash);
        annotation = { ...annotation, rev: plan.rev };
        record = { id, conflicts: record?.conflicts ?? [], ...(record?.pendingDeletes ? { pendingDeletes: record.pendingDeletes } : {}), revisions };
        putAnnotations.push(annotation);
        putRecords.push(record);
        // The new revision's history includes every earlier sealed winner revision.
        const keep = docRows.filter((r) => r.rev && r.rev !== annotation!.rev && !pathContains(revisions, r.rev));
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
  if (annotation.rev === rev) {
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

/** After the server acknowledged `acked`: drop their rows and pushed tombstones. */
export async function acknowledge(db: FactmarkDB, acked: PushItem[]): Promise<void> {
  if (!acked.length) return;
  const ids = [...new Set(acked.map((item) => item.id))];
  const ackedKeys = new Set(acked.map((item) => `${item.id} ${item.rev}`));
  await db.transaction('rw', [db.outbox, db.revisions], async () => {
    const rows = await db.outbox.where('docId').anyOf(ids).toArray();
    await db.outbox.bulkDelete(rows.filter((row) => row.rev && ackedKeys.has(`${row.docId} ${row.rev}`)).map((row) => row.seq!));
    const records = await db.revisions.bulkGet(ids);
    const updates: RevisionRecord[] = [];
    for (const record of records) {
      if (!record?.pendingDeletes?.length) continue;
      const remaining = record.pendingDeletes.filter((t) => !ackedKeys.has(`${record.id} ${t.rev}`));
      if (remaining.length === record.pendingDeletes.length) continue;
      const { pendingDeletes: _drop, ...rest } = record;
      updates.push(remaining.length ? { ...rest, pendingDeletes: remaining } : rest);
    }
    await db.revisions.bulkPut(updates);
  });
}

/**
 * Queues every stored note for a push check (first sync with a server, or a
 * server whose database was recreated). Sealed rows re-offer the existing
 * revisions, so nothing gets a new revision; `_revs_diff` skips what the
 * server has.
 */
export async function enqueueAll(db: FactmarkDB, now: () => string): Promise<number> {
  return db.transaction('rw', [db.annotations, db.outbox, db.revisions], async () => {
    const queued = new Set(await db.outbox.orderBy('docId').uniqueKeys());
    const rows: OutboxRecord[] = [];
    const at = now();
    const records = new Map((await db.revisions.toArray()).map((r) => [r.id, r]));
    await db.annotations.each((annotation) => {
      if (queued.has(annotation.id)) return;
      rows.push(annotation.rev ? { docId: annotation.id, at, rev: annotation.rev } : { docId: annotation.id, at });
      const record = records.get(annotation.id);
      for (const conflict of record?.conflicts ?? []) rows.push({ docId: annotation.id, at, rev: conflict.rev });
    });
    await db.outbox.bulkAdd(rows);
    return rows.length;
  });
}
