/**
 * Repository: every write to the database goes through these functions, each
 * in one Dexie transaction that also appends to the sync outbox. Only the
 * background worker calls the writers.
 */
import type { Annotation, PageRecord } from '../annotation';
import type { Check, Claim, Figure } from '../detect/types';
import { openDatabase, type FactmarkDB } from './schema';
import { siteOf } from './page-url';
import { liveNotesInOrder } from './page-notes';

export interface Clock {
  now(): string;
  newId(): string;
}

export const systemClock: Clock = {
  now: () => new Date().toISOString(),
  newId: () => crypto.randomUUID(),
};

export type AnnotationDraft = Omit<Annotation, 'id' | 'createdAt' | 'updatedAt' | 'rev' | 'deleted'> & { id?: string };
export type AnnotationPatch = Partial<Pick<Annotation, 'verdict' | 'comment' | 'sources' | 'tags' | 'color' | 'selectors' | 'quote'>>;

export class NotFoundError extends Error {
  constructor(message: string) {
    super(message);
    // Not 'NotFoundError': Dexie re-maps errors by that name into its own class inside transactions.
    this.name = 'NoteNotFoundError';
  }
}

export async function upsertPage(
  db: FactmarkDB,
  report: { url: string; title: string; lang?: string },
  clock: Clock = systemClock,
): Promise<PageRecord> {
  return db.transaction('rw', db.pages, async () => {
    const now = clock.now();
    const existing = await db.pages.get(report.url);
    const page: PageRecord = {
      url: report.url,
      title: report.title || existing?.title || report.url,
      site: siteOf(report.url),
      lang: report.lang ?? existing?.lang,
      firstSeen: existing?.firstSeen ?? now,
      lastSeen: now,
    };
    await db.pages.put(page);
    return page;
  });
}

export async function saveDetections(
  db: FactmarkDB,
  pageUrl: string,
  detections: { figures: Figure[]; claims: Claim[]; checks: Check[] },
  clock: Clock = systemClock,
): Promise<void> {
  await db.detections.put({ pageUrl, ...detections, detectedAt: clock.now() });
}

function normalizeText<T extends string | undefined>(text: T): T {
  return (text === undefined ? text : text.normalize('NFC')) as T;
}

function uniqueTags(tags: string[]): string[] {
  return [...new Set(tags.map((tag) => tag.trim().normalize('NFC')).filter(Boolean))];
}

export async function saveAnnotation(db: FactmarkDB, draft: AnnotationDraft, clock: Clock = systemClock): Promise<Annotation> {
  return db.transaction('rw', [db.annotations, db.outbox, db.pages], async () => {
    const now = clock.now();
    const existing = draft.id ? await db.annotations.get(draft.id) : undefined;
    const annotation: Annotation = {
      ...draft,
      id: draft.id ?? clock.newId(),
      quote: normalizeText(draft.quote),
      comment: normalizeText(draft.comment),
      tags: uniqueTags(draft.tags),
      createdAt: existing?.createdAt ?? now,
      updatedAt: now,
      ...(existing?.rev ? { rev: existing.rev } : {}),
    };
    dropUndefined(annotation);
    await db.annotations.put(annotation);
    await db.outbox.add({ docId: annotation.id, at: now });
    if (!(await db.pages.get(annotation.pageUrl))) {
      await db.pages.put({ url: annotation.pageUrl, title: annotation.pageUrl, site: siteOf(annotation.pageUrl), firstSeen: now, lastSeen: now });
    }
    return annotation;
  });
}

export async function updateAnnotation(
  db: FactmarkDB,
  id: string,
  patch: AnnotationPatch,
  options: { clearVerdict?: boolean } = {},
  clock: Clock = systemClock,
): Promise<Annotation> {
  return db.transaction('rw', [db.annotations, db.outbox], async () => {
    const existing = await db.annotations.get(id);
    if (!existing || existing.deleted) throw new NotFoundError(`No note with id ${id}.`);
    const now = clock.now();
    const updated: Annotation = {
      ...existing,
      ...patch,
      quote: normalizeText(patch.quote ?? existing.quote),
      comment: normalizeText(patch.comment ?? existing.comment),
      tags: uniqueTags(patch.tags ?? existing.tags),
      updatedAt: now,
    };
    if (options.clearVerdict) delete updated.verdict;
    dropUndefined(updated);
    await db.annotations.put(updated);
    await db.outbox.add({ docId: id, at: now });
    return updated;
  });
}

/** Deletion leaves a tombstone so that sync can carry it to other replicas. */
export async function deleteAnnotation(db: FactmarkDB, id: string, clock: Clock = systemClock): Promise<Annotation> {
  return db.transaction('rw', [db.annotations, db.outbox, db.anchorStatus], async () => {
    const existing = await db.annotations.get(id);
    if (!existing) throw new NotFoundError(`No note with id ${id}.`);
    const now = clock.now();
    const tombstone: Annotation = { ...existing, deleted: true, updatedAt: now };
    await db.annotations.put(tombstone);
    await db.anchorStatus.delete(id);
    await db.outbox.add({ docId: id, at: now });
    return tombstone;
  });
}

/** Tombstones every live note in one transaction; returns the tombstones (what was removed). */
export async function tombstoneAllAnnotations(db: FactmarkDB, clock: Clock = systemClock): Promise<Annotation[]> {
  return db.transaction('rw', [db.annotations, db.outbox, db.anchorStatus], async () => {
    const now = clock.now();
    const live = await db.annotations.filter((a) => !a.deleted).toArray();
    const tombstones = live.map((a) => ({ ...a, deleted: true as const, updatedAt: now }));
    await db.annotations.bulkPut(tombstones);
    await db.outbox.bulkAdd(live.map((a) => ({ docId: a.id, at: now })));
    await db.anchorStatus.clear();
    return tombstones;
  });
}

/** Tombstones every live note; returns how many. */
export async function clearAnnotations(db: FactmarkDB, clock: Clock = systemClock): Promise<number> {
  return (await tombstoneAllAnnotations(db, clock)).length;
}

export async function annotationsForPage(db: FactmarkDB, pageUrl: string): Promise<Annotation[]> {
  return liveNotesInOrder(await db.annotations.where('pageUrl').equals(pageUrl).toArray());
}

export async function reportAnchors(
  db: FactmarkDB,
  pageUrl: string,
  result: { orphans: string[]; anchored: string[] },
  clock: Clock = systemClock,
): Promise<number> {
  const now = clock.now();
  await db.transaction('rw', db.anchorStatus, async () => {
    await db.anchorStatus.bulkPut([
      ...result.orphans.map((id) => ({ id, pageUrl, orphan: 1 as const, checkedAt: now })),
      ...result.anchored.map((id) => ({ id, pageUrl, orphan: 0 as const, checkedAt: now })),
    ]);
  });
  return result.orphans.length;
}

function sameContent(a: Annotation, b: Annotation): boolean {
  const strip = ({ rev: _rev, ...rest }: Annotation) => rest;
  return JSON.stringify(sortKeys(strip(a))) === JSON.stringify(sortKeys(strip(b)));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.keys(value).sort().map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]));
  }
  return value;
}

/**
 * Imports validated annotations all-or-nothing. Same id + same content is
 * unchanged (so re-import creates no duplicates); a newer incoming edit wins;
 * an import over a local tombstone restores the note.
 *
 * The outbox rows (one per written note, for sync) come one transaction later.
 * The import's own transaction records the written ids as one `pendingImports`
 * row; `queuePendingImports` turns it into outbox rows in a transaction created
 * right behind it, before this returns. 10,000 outbox rows are ~40% of a large
 * import's IndexedDB work (one request each); the caller no longer waits for
 * them, yet nothing sync does can miss them: IndexedDB runs transactions with
 * overlapping scopes in creation order, so every outbox reader started after
 * the import (every sync step, the pending count) waits for those rows. A
 * worker that dies in between leaves the pendingImports row, which the next
 * start replays before anything else (`openWriterDatabase`).
 */
export async function importAnnotations(
  db: FactmarkDB,
  incoming: Annotation[],
  pages: { url: string; title: string }[] = [],
  clock: Clock = systemClock,
): Promise<{ added: number; updated: number; unchanged: number }> {
  const imported = db.transaction('rw', [db.annotations, db.pendingImports, db.pages], async () => {
    const now = clock.now();
    // One key-only read finds which ids exist; only those are fetched (an import
    // into an empty or mostly new database then skips 10,000 single gets).
    const incomingIds = new Set(incoming.map((a) => a.id));
    const knownIds = (await db.annotations.toCollection().primaryKeys()).filter((id) => incomingIds.has(id));
    const existing = new Map((await db.annotations.bulkGet(knownIds)).filter(Boolean).map((a) => [a!.id, a!]));
    const toPut: Annotation[] = [];
    let added = 0;
    let updated = 0;
    let unchanged = 0;
    for (const raw of incoming) {
      // Rest, not `delete annotation.rev`: a deleted property turns the object into a
      // slow dictionary, and every one of them is then cloned twice by IndexedDB.
      const { rev: _rev, ...fields } = raw;
      const annotation: Annotation = { ...fields, quote: raw.quote.normalize('NFC'), tags: uniqueTags(raw.tags) };
      const local = existing.get(annotation.id);
      if (!local) {
        added++;
        toPut.push(annotation);
      } else if (local.deleted && !annotation.deleted) {
        updated++;
        toPut.push({ ...annotation, updatedAt: now, ...(local.rev ? { rev: local.rev } : {}) });
      } else if (sameContent(local, annotation) || local.updatedAt >= annotation.updatedAt) {
        unchanged++;
      } else {
        updated++;
        toPut.push({ ...annotation, ...(local.rev ? { rev: local.rev } : {}) });
      }
    }
    // A Map, not pages.find per note: a 10,000-note import with 10,000 pages stays linear.
    const titles = new Map(pages.map((p) => [p.url, p.title]));
    const pageRows = new Map<string, PageRecord>();
    for (const a of toPut) {
      if (pageRows.has(a.pageUrl)) continue;
      const title = titles.get(a.pageUrl) || a.pageUrl;
      pageRows.set(a.pageUrl, { url: a.pageUrl, title, site: siteOf(a.pageUrl), firstSeen: now, lastSeen: now });
    }
    const writePages = async () => {
      const known = new Map((await db.pages.bulkGet([...pageRows.keys()])).filter(Boolean).map((p) => [p!.url, p!]));
      await db.pages.bulkPut(
        [...pageRows.values()].flatMap((row) => {
          const page = known.get(row.url);
          if (!page) return [row];
          // A page first known only by its URL takes the imported title; a real title is kept.
          return page.title === page.url && row.title !== row.url ? [{ ...page, title: row.title }] : [];
        }),
      );
    };
    // Issued together, not one after the other: this thread queues the pages while the
    // database is still storing the notes. Any failure rejects the transaction's scope,
    // and Dexie aborts all of it.
    await Promise.all([
      db.annotations.bulkPut(toPut),
      toPut.length ? db.pendingImports.add({ docIds: toPut.map((a) => a.id), at: now }) : undefined,
      writePages(),
    ]);
    return { added, updated, unchanged };
  });
  // Created now, so right behind the import's transaction (see above). If it fails, the row
  // stays in pendingImports and the next import or the next start writes it.
  queuePendingImports(db).catch(() => {});
  return imported;
}

/**
 * Turns every pendingImports row into outbox rows (one per note, as any local
 * write appends) and removes it, in one transaction; returns the rows written.
 */
export async function queuePendingImports(db: FactmarkDB): Promise<number> {
  return db.transaction('rw', [db.pendingImports, db.outbox], async () => {
    const pending = await db.pendingImports.toArray();
    if (!pending.length) return 0;
    const rows = pending.flatMap((p) => p.docIds.map((docId) => ({ docId, at: p.at })));
    await Promise.all([db.outbox.bulkAdd(rows), db.pendingImports.bulkDelete(pending.map((p) => p.seq!))]);
    return rows.length;
  });
}

/**
 * The background's database (the only writer): whenever it opens, imports a
 * dead worker left without outbox rows get them before any other operation
 * runs (Dexie holds every query until its 'ready' subscribers are done).
 */
export function openWriterDatabase(...args: Parameters<typeof openDatabase>): FactmarkDB {
  const db = openDatabase(...args);
  // A failed replay must not keep the database shut: the row stays for the next import or start.
  db.on('ready', (vip) => queuePendingImports(vip as FactmarkDB).then(() => undefined, () => undefined), true);
  return db;
}

function dropUndefined(record: object): void {
  for (const [key, value] of Object.entries(record)) {
    if (value === undefined) delete (record as Record<string, unknown>)[key];
  }
}

/** Live notes, newest edit first (read-only; popup and exports). */
export async function listAnnotations(db: FactmarkDB): Promise<Annotation[]> {
  const rows = await db.annotations.orderBy('updatedAt').reverse().toArray();
  return rows.filter((a) => !a.deleted);
}

/** Ids of this page's notes that the last re-anchoring could not place. */
export async function orphanIdsForPage(db: FactmarkDB, pageUrl: string): Promise<Set<string>> {
  const rows = await db.anchorStatus.where('[pageUrl+orphan]').equals([pageUrl, 1]).toArray();
  return new Set(rows.map((row) => row.id));
}
