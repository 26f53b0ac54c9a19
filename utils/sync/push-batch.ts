/**
 * One push batch, in two local steps around the network:
 *
 * 1. `preparePush` reads the batch (one read transaction) and computes each
 *    pending edit's revision: the child of the stored revision, hashed over
 *    the content. It writes only a one-row journal of the revisions about to
 *    be sent.
 * 2. after the server has them, `acknowledgePush` (one write transaction)
 *    records the revisions (a note's first revision in the ledger of
 *    rev-ledger.ts, others in its revision record) and names the outbox rows
 *    they cover; the caller deletes those (a whole push pass at once: few
 *    key-range deletes).
 *    A row still there whose content is exactly its recorded revision is
 *    recognised as covered (no new revision).
 *
 * A worker killed in between loses nothing: the rows are still there, the
 * revision is recomputed identically (deterministic hash) and `_revs_diff`
 * says the server has it. If the note was edited before that retry, the
 * journal makes the new revision a child of the sent one, not a sibling that
 * would conflict with it.
 */
import type { Annotation } from '../annotation';
import type { FactmarkDB, OutboxRecord, RevisionRecord } from '../db/schema';
import { toCouchBody } from './couch-doc';
import { readByIds, type SortedKeys } from './read-by-ids';
import { ledgerRow, readLedger, withLedgerRev, type RevLedger } from './rev-ledger';
import { currentRev, deletedLeafBody, outboxRowsFor, winnerPath, type PushItem } from './outbox';
import { canonicalJson, extendPath, formatRev, leafRev, parseRev, pathContains, revisionHashOfJson, stemPath, type RevisionPath } from './revision';

export const PUSH_JOURNAL_KEY = 'pushJournal';

interface JournalEntry {
  rev: string;
  parent?: string;
  revisions: RevisionPath;
}
/** Revisions sent: id → the sent revision(s), each with its parent and path. */
export type PushJournal = Map<string, JournalEntry[]>;

/**
 * The journal is a ring of slots, one per batch in flight (`pushJournal:0..7`):
 * a batch's write is one put, with no read. An entry matters only while its
 * parent is still the note's stored revision (sent, never acknowledged);
 * after an acknowledgement it is ignored, so acknowledging never touches it.
 * A push pass reads all slots once, before it overwrites any.
 */
export const JOURNAL_SLOTS = 8;

export interface PreparedItem extends PushItem {
  /** For a new revision: the stored revision it descends from (to check nothing moved). */
  parent?: string | null;
  /** Outbox rows this item covers. */
  seqs: number[];
  /** Whether the note had a revision record when prepared. */
  hadRecord: boolean;
  /**
   * Minted by this preparation and never sent (not in the journal): no server
   * can have it, so asking `_revs_diff` is skipped. Were it there after all (the
   * same edit made on another replica gives the same hash), `_bulk_docs` with
   * `new_edits: false` leaves an existing revision as it is.
   */
  fresh?: boolean;
}

export interface PreparedBatch {
  items: PreparedItem[];
  /** Rows with nothing to push (gone or superseded): removed at acknowledgement. */
  dropSeqs: number[];
}

const journalKeys = () => Array.from({ length: JOURNAL_SLOTS }, (_, i) => `${PUSH_JOURNAL_KEY}:${i}`);

export async function readPushJournal(db: FactmarkDB): Promise<PushJournal> {
  const slots = await db.syncState.bulkGet(journalKeys());
  const journal: PushJournal = new Map();
  for (const slot of slots) {
    for (const [id, entry] of Object.entries((slot?.value as Record<string, JournalEntry> | undefined) ?? {})) {
      journal.set(id, [...(journal.get(id) ?? []), entry]);
    }
  }
  return journal;
}

/**
 * `ids`: the batch's notes. `rows`: their outbox rows when the caller already
 * read them (a batch taken as a range of outbox rows); otherwise they are read
 * here, and `ids` are taken to be a dense range of sorted ids.
 */
export async function preparePush(
  db: FactmarkDB,
  ids: string[],
  rows?: OutboxRecord[],
  keys: { annotations?: SortedKeys; revisions?: SortedKeys } = {},
  journal?: PushJournal,
  ledger?: RevLedger,
): Promise<PreparedBatch> {
  journal ??= await readPushJournal(db);
  ledger ??= await readLedger(db);
  const [annotations, records, batchRows] = await db.transaction('r', [db.annotations, db.revisions, db.outbox], () =>
    Promise.all([readByIds(db.annotations, ids, keys.annotations), readByIds(db.revisions, ids, keys.revisions), rows ?? outboxRowsFor(db, ids)]),
  );
  const rowsByDoc = new Map<string, OutboxRecord[]>();
  for (const row of batchRows) {
    const list = rowsByDoc.get(row.docId);
    if (list) list.push(row);
    else rowsByDoc.set(row.docId, [row]);
  }
  const batch: PreparedBatch = { items: [], dropSeqs: [] };
  await Promise.all(
    ids.map(async (id, index) => {
      const docRows = rowsByDoc.get(id);
      if (!docRows?.length) return;
      const record = records[index];
      const annotation = withLedgerRev(annotations[index], record, ledger);
      if (!annotation || (annotation.deleted && !currentRev(annotation, record))) {
        // Gone, or created and deleted before it ever reached a server: nothing to tell anyone.
        batch.dropSeqs.push(...docRows.map((r) => r.seq!));
        return;
      }
      const unsealed = docRows.filter((r) => !r.rev);
      let newItem: PreparedItem | undefined;
      if (unsealed.length) newItem = await newRevisionItem(id, annotation, record, journal.get(id) ?? [], unsealed);
      if (newItem) batch.items.push(newItem);
      const sealed = new Map<string, number[]>();
      for (const row of docRows) if (row.rev) sealed.set(row.rev, [...(sealed.get(row.rev) ?? []), row.seq!]);
      for (const [rev, seqs] of sealed) {
        if (newItem && pathContains(newItem.revisions, rev)) {
          newItem.seqs.push(...seqs); // the new revision carries it in its history
          continue;
        }
        const item = sealedItem(id, rev, annotation, record);
        if (item) batch.items.push({ ...item, seqs, hadRecord: !!record });
        else batch.dropSeqs.push(...seqs);
      }
    }),
  );
  return batch;
}

async function newRevisionItem(
  id: string,
  annotation: Annotation,
  record: RevisionRecord | undefined,
  sentBefore: JournalEntry[],
  rows: OutboxRecord[],
): Promise<PreparedItem> {
  const body = toCouchBody(annotation);
  // Written once: hashed (up to three times below) and sent as it is.
  const json = canonicalJson(body);
  const deleted = !!annotation.deleted;
  const stored = currentRev(annotation, record);
  let parent = stored;
  let parentPath = winnerPath(annotation, record);
  // Already recorded as the stored revision (acknowledged, its rows not yet deleted, or an identical re-save)?
  if (stored && parentPath) {
    const { pos } = parseRev(stored);
    const grandparent = parentPath.ids.length > 1 ? formatRev(pos - 1, parentPath.ids[1]) : undefined;
    if (pos === 1 || grandparent) {
      const same = formatRev(pos, await revisionHashOfJson(grandparent, deleted, json)) === stored;
      if (same) return { id, rev: stored, revisions: parentPath, body, json, seqs: rows.map((r) => r.seq!), hadRecord: !!record };
    }
  }
  let hash = await revisionHashOfJson(parent, deleted, json);
  // Sent before but never acknowledged, and edited since: descend from what was sent.
  const sent = sentBefore.find((entry) => (entry.parent ?? undefined) === stored);
  if (sent && sent.rev !== formatRev(parent ? parseRev(parent).pos + 1 : 1, hash)) {
    parent = sent.rev;
    parentPath = sent.revisions;
    hash = await revisionHashOfJson(parent, deleted, json);
  }
  const revisions = extendPath(parentPath, hash);
  const rev = formatRev(revisions.start, hash);
  return {
    id,
    rev,
    revisions,
    body,
    json,
    parent: stored ?? null,
    seqs: rows.map((r) => r.seq!),
    hadRecord: !!record,
    fresh: !sentBefore.some((entry) => entry.rev === rev),
  };
}

function sealedItem(id: string, rev: string, annotation: Annotation, record: RevisionRecord | undefined): PushItem | null {
  if (currentRev(annotation, record) === rev) return { id, rev, revisions: winnerPath(annotation, record)!, body: toCouchBody(annotation) };
  const conflict = record?.conflicts.find((c) => c.rev === rev);
  if (conflict) return { id, rev, revisions: conflict.revisions ?? stemPath(rev), body: toCouchBody(conflict.doc) };
  const tombstone = record?.pendingDeletes?.find((t) => t.rev === rev);
  if (tombstone) return { id, rev, revisions: tombstone.revisions, body: deletedLeafBody() };
  return null;
}

/**
 * After a push pass in which every batch was answered and acknowledged: no
 * entry can matter any more (each one's note either has the revision recorded,
 * moved on, or was refused), and the next sync need not read thousands of them.
 */
export async function clearPushJournal(db: FactmarkDB): Promise<void> {
  await db.syncState.bulkDelete(journalKeys());
}

/** Notes the revisions about to be sent: one put into the batch's slot. */
export async function journalPush(db: FactmarkDB, items: PreparedItem[], slot: number): Promise<void> {
  const entries: Record<string, JournalEntry> = {};
  for (const item of items) {
    if (item.parent !== undefined) entries[item.id] = { rev: item.rev, ...(item.parent ? { parent: item.parent } : {}), revisions: item.revisions };
  }
  await db.syncState.put({ key: `${PUSH_JOURNAL_KEY}:${slot % JOURNAL_SLOTS}`, value: entries });
}

/**
 * The server has `acked`: store new revisions (where nothing else moved the
 * note meanwhile), drop the rows they cover and the tombstones they carried.
 * Returns the rows to delete and the items now recorded here (all but those
 * whose note moved on).
 */
export async function acknowledgePush(
  db: FactmarkDB,
  acked: PreparedItem[],
  dropSeqs: number[],
  ledger?: RevLedger,
): Promise<{ seqs: number[]; recorded: PreparedItem[] }> {
  if (!acked.length && !dropSeqs.length) return { seqs: [], recorded: [] };
  const firstIds: string[] = [];
  const firstRevs: string[] = [];
  // Only sync code moves a note's revision, and it always writes a revision record
  // (or, for a first revision acknowledged here, a ledger entry); during a push only
  // a conflict resolution can (and it needs an existing record).
  // So notes that had no record when prepared need no re-read: the common case
  // of a first push costs no reads here.
  const withRecord = [...new Set(acked.filter((item) => item.hadRecord).map((item) => item.id))];
  const done = await db.transaction('rw', [db.revisions, db.syncState], async () => {
    // Nothing that touches no table is awaited before the first request: awaiting an
    // empty bulkGet and bulkPut first let this transaction commit empty under load,
    // with two batches in flight (PrematureCommitError).
    const records = withRecord.length ? await readByIds(db.revisions, withRecord) : [];
    const recordById = new Map(records.filter(Boolean).map((r) => [r!.id, r!]));
    const deleteSeqs = [...dropSeqs];
    const recorded: PreparedItem[] = [];
    const changedRecords = new Map<string, RevisionRecord>();
    for (const item of acked) {
      if (item.parent !== undefined) {
        // A new revision: only if the note still descends from the same stored revision.
        const record = recordById.get(item.id);
        if (record && leafRev(record.revisions) !== item.parent) {
          continue; // the note moved on (pull or resolution); its rows push again next time
        }
        if (!record && item.parent === null && item.revisions.start === 1 && item.revisions.ids.length === 1) {
          // A note's first revision (nothing stored before it): a ledger entry, no record.
          firstIds.push(item.id);
          firstRevs.push(item.rev);
          deleteSeqs.push(...item.seqs);
          recorded.push(item);
          continue;
        }
        const next: RevisionRecord = { ...(record ?? { id: item.id, conflicts: [] }), revisions: item.revisions };
        recordById.set(item.id, next);
        changedRecords.set(item.id, next);
      }
      deleteSeqs.push(...item.seqs);
      recorded.push(item);
      const record = recordById.get(item.id);
      if (record?.pendingDeletes?.some((t) => t.rev === item.rev)) {
        const remaining = record.pendingDeletes.filter((t) => t.rev !== item.rev);
        const { pendingDeletes: _drop, ...rest } = record;
        const next = remaining.length ? { ...rest, pendingDeletes: remaining } : rest;
        recordById.set(item.id, next);
        changedRecords.set(item.id, next);
      }
    }
    await Promise.all([
      changedRecords.size ? db.revisions.bulkPut([...changedRecords.values()]) : undefined,
      firstIds.length ? db.syncState.put(ledgerRow(firstIds, firstRevs)) : undefined,
    ]);
    // The rows go when the caller deletes these (all of a pass at once): until
    // then a row whose revision is recorded is recognised as already covered.
    return { seqs: deleteSeqs, recorded };
  });
  // The caller's copy follows the committed ledger.
  firstIds.forEach((id, index) => ledger?.set(id, firstRevs[index]));
  return done;
}

/**
 * Deletes outbox rows: runs of consecutive row numbers as one key-range delete
 * each (a first push of many notes is one run per batch), the rest one by one.
 */
export async function deleteOutboxRows(db: FactmarkDB, seqs: number[]): Promise<void> {
  const sorted = [...new Set(seqs)].sort((a, b) => a - b);
  const singles: number[] = [];
  for (let start = 0; start < sorted.length; ) {
    let end = start;
    while (end + 1 < sorted.length && sorted[end + 1] === sorted[end] + 1) end++;
    if (end - start >= 8) await db.outbox.where(':id').between(sorted[start], sorted[end], true, true).delete();
    else singles.push(...sorted.slice(start, end + 1));
    start = end + 1;
  }
  await db.outbox.bulkDelete(singles);
}
