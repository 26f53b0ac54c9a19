/**
 * Dexie schema. Every version bump adds a `.version(n)` block with its
 * upgrade and a migration test in tests/utils/db/ that fills the previous
 * version and checks no row is lost.
 */
import Dexie, { type EntityTable } from 'dexie';
import type { Annotation, PageRecord } from '../annotation';
import type { Check, Claim, Figure } from '../detect/types';

export interface DetectionRecord {
  pageUrl: string;
  figures: Figure[];
  claims: Claim[];
  checks: Check[];
  detectedAt: string;
}

/** Where an annotation last anchored on its page; orphans are listed as "not found on this page". */
export interface AnchorStatusRecord {
  id: string; // annotation id
  pageUrl: string;
  orphan: 0 | 1; // numbers index in IndexedDB; booleans do not
  checkedAt: string;
}

/** One local change waiting to be pushed. Survives service-worker death. */
export interface OutboxRecord {
  seq?: number;
  docId: string; // annotation id
  at: string;
  /** Set by utils/sync once the edit is sealed as revision `rev` (pushed, then the row is removed). */
  rev?: string;
}

/**
 * An import's notes still owed their outbox rows (schema v2). The import writes
 * this one row in its own transaction instead of 10,000 outbox rows, and the
 * next transaction turns it into outbox rows (`queuePendingImports` in
 * repository.ts); a worker that dies in between leaves it here for the next start.
 */
export interface PendingImportRecord {
  seq?: number;
  docIds: string[]; // annotation ids
  at: string;
}

/** Revision bookkeeping for one synced document (owned by utils/sync). */
export interface RevisionRecord {
  id: string; // annotation id
  /** Winning revision chain, newest first, pruned (CouchDB `_revisions.ids` without the N- prefix). */
  revisions: { start: number; ids: string[] };
  /** Losing leaf revisions kept for the user to resolve, never dropped. */
  conflicts: { rev: string; doc: Annotation; revisions?: { start: number; ids: string[] } }[];
  /** Tombstones for resolved losing leaves, kept until the server has them (utils/sync). */
  pendingDeletes?: { rev: string; revisions: { start: number; ids: string[] } }[];
}

export interface SyncStateRecord {
  key: string; // e.g. a replication id
  value: unknown;
}

export interface SettingRecord {
  key: string;
  value: unknown;
}

export type FactmarkDB = Dexie & {
  pages: EntityTable<PageRecord, 'url'>;
  annotations: EntityTable<Annotation, 'id'>;
  detections: EntityTable<DetectionRecord, 'pageUrl'>;
  anchorStatus: EntityTable<AnchorStatusRecord, 'id'>;
  outbox: EntityTable<OutboxRecord, 'seq'>;
  pendingImports: EntityTable<PendingImportRecord, 'seq'>;
  revisions: EntityTable<RevisionRecord, 'id'>;
  syncState: EntityTable<SyncStateRecord, 'key'>;
  settings: EntityTable<SettingRecord, 'key'>;
};

export const DB_NAME = 'factmark';

/** Schema v1. Index strings list primary key first; `*` is multi-entry. */
export const SCHEMA_V1 = {
  pages: 'url, site, lastSeen',
  annotations: 'id, pageUrl, updatedAt, createdAt, verdict, kind, *tags',
  detections: 'pageUrl, detectedAt',
  anchorStatus: 'id, pageUrl, [pageUrl+orphan]',
  outbox: '++seq, docId',
  revisions: 'id',
  syncState: 'key',
  settings: 'key',
};

/**
 * Schema v2, for the speed of large imports:
 *  - notes keep only the indexes something queries (`pageUrl` for a page's
 *    notes, `updatedAt` for the notes list). createdAt, verdict, kind and the
 *    multi-entry tags index were never queried (search runs on the in-memory
 *    NoteIndex), yet every note write paid for them: 5 of the 7 index entries
 *    of a note with a verdict and two tags;
 *  - `pendingImports`, see PendingImportRecord.
 * Dexie deletes the dropped indexes and creates the table when it opens a v1
 * database; no row is rewritten.
 */
export const SCHEMA_V2 = {
  ...SCHEMA_V1,
  annotations: 'id, pageUrl, updatedAt',
  pendingImports: '++seq',
};

/**
 * Opens the database. `indexedDB`/`IDBKeyRange` may be injected (fake-indexeddb in Node tests).
 */
export function openDatabase(
  name: string = DB_NAME,
  deps?: { indexedDB: IDBFactory; IDBKeyRange: typeof IDBKeyRange },
): FactmarkDB {
  const db = new Dexie(name, deps) as FactmarkDB;
  db.version(1).stores(SCHEMA_V1);
  // Indexes dropped and a table added: no row needs rewriting, so no upgrade function.
  db.version(2).stores(SCHEMA_V2);
  return db;
}
