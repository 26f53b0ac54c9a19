/**
 * First revisions pushed from this replica, kept compactly: note id → rev in
 * a few `syncState` rows (`revLedger:…`, one per acknowledged push batch)
 * instead of one revision record per note.
 *
 * Why: a first push of 10,000 notes otherwise writes 10,000 revision records,
 * one IndexedDB put each, about a fifth of the whole push's CPU. A first
 * revision without conflicts is fully described by its rev, the shape a
 * pulled first revision already has (`annotation.rev`, no record).
 *
 * Precedence: the note's revision record, then `annotation.rev`, then the
 * ledger. Only sync code writes the first two, and it reads notes through
 * `withLedgerRev`, so what they hold is the ledger's revision or one that
 * descends from it: an entry they cover is dead (dropped at compaction). A
 * note with an entry and no record has `rev` unset or equal to the entry
 * (a second first revision would make a conflict, hence a record).
 */
import type { Annotation } from '../annotation';
import type { FactmarkDB, RevisionRecord } from '../db/schema';
import { currentRev } from './outbox';

export const LEDGER_PREFIX = 'revLedger:';
/** More rows than this are merged into one when the ledger is read. */
const COMPACT_AT_ROWS = 32;

interface LedgerRow {
  ids: string[];
  revs: string[];
}

/** Note id → the first revision this replica pushed for it. */
export type RevLedger = Map<string, string>;

function addRow(ledger: RevLedger, value: unknown): void {
  const row = value as Partial<LedgerRow> | undefined;
  if (!Array.isArray(row?.ids) || !Array.isArray(row.revs)) return;
  row.ids.forEach((id, index) => {
    const rev = row.revs![index];
    if (typeof id === 'string' && typeof rev === 'string') ledger.set(id, rev);
  });
}

export async function readLedger(db: FactmarkDB): Promise<RevLedger> {
  const rows = await db.syncState.where('key').startsWith(LEDGER_PREFIX).toArray();
  if (rows.length > COMPACT_AT_ROWS) return compactLedger(db);
  const ledger: RevLedger = new Map();
  for (const row of rows) addRow(ledger, row.value);
  return ledger;
}

/** Merges the rows into one, without the entries that revision records cover. */
async function compactLedger(db: FactmarkDB): Promise<RevLedger> {
  return db.transaction('rw', [db.syncState, db.revisions], async () => {
    const rows = await db.syncState.where('key').startsWith(LEDGER_PREFIX).toArray();
    const ledger: RevLedger = new Map();
    for (const row of rows) addRow(ledger, row.value);
    for (const id of (await db.revisions.toCollection().primaryKeys()) as string[]) ledger.delete(id);
    await db.syncState.bulkDelete(rows.map((row) => row.key));
    if (ledger.size) await db.syncState.put(ledgerRow([...ledger.keys()], [...ledger.values()]));
    return ledger;
  });
}

/** A new ledger row (written in the transaction that acknowledges the push). */
export function ledgerRow(ids: string[], revs: string[]): { key: string; value: LedgerRow } {
  return { key: `${LEDGER_PREFIX}${crypto.randomUUID()}`, value: { ids, revs } };
}

/** The note as sync reads it: with its ledger revision when neither its record nor its row names one. */
export function withLedgerRev(annotation: Annotation, record: RevisionRecord | undefined, ledger: RevLedger): Annotation;
export function withLedgerRev(annotation: Annotation | undefined, record: RevisionRecord | undefined, ledger: RevLedger): Annotation | undefined;
export function withLedgerRev(annotation: Annotation | undefined, record: RevisionRecord | undefined, ledger: RevLedger): Annotation | undefined {
  if (!annotation || annotation.rev || record?.revisions.ids.length) return annotation;
  const rev = ledger.get(annotation.id);
  return rev ? { ...annotation, rev } : annotation;
}

/** The revision this replica holds for a note (record, row or ledger), for callers outside a sync run. */
export async function storedRev(db: FactmarkDB, id: string): Promise<string | undefined> {
  const [annotation, record, ledger] = await Promise.all([db.annotations.get(id), db.revisions.get(id), readLedger(db)]);
  const read = withLedgerRev(annotation, record, ledger);
  return read ? currentRev(read, record) : undefined;
}
