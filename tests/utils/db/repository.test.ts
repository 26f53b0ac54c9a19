import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../utils/db/schema';
import {
  annotationsForPage,
  clearAnnotations,
  deleteAnnotation,
  importAnnotations,
  listAnnotations,
  NotFoundError,
  openWriterDatabase,
  orphanIdsForPage,
  queuePendingImports,
  reportAnchors,
  saveAnnotation,
  updateAnnotation,
  upsertPage,
} from '../../../utils/db/repository';
import { dumpDatabase } from './dump';

const draft = {
  pageUrl: 'https://news.example/a',
  kind: 'claim' as const,
  quote: '엔비디아 H100 GPU 10만개',
  selectors: [{ type: 'TextQuoteSelector' as const, exact: '엔비디아 H100 GPU 10만개' }],
  sources: [],
  tags: ['AI', 'AI ', 'GPU'],
};

describe('repository', () => {
  it('saves, edits and tombstones a note, appending each write to the outbox', async () => {
    const db = openDatabase(`t-${Math.random()}`);
    const saved = await saveAnnotation(db, draft);
    expect(saved.tags).toEqual(['AI', 'GPU']);
    const edited = await updateAnnotation(db, saved.id, { verdict: 'false', comment: '계산 오류' });
    expect(edited.verdict).toBe('false');
    expect(await annotationsForPage(db, draft.pageUrl)).toHaveLength(1);
    await deleteAnnotation(db, saved.id);
    expect(await annotationsForPage(db, draft.pageUrl)).toHaveLength(0);
    expect((await db.annotations.get(saved.id))?.deleted).toBe(true);
    expect(await db.outbox.count()).toBe(3);
  });

  it('re-importing the same annotations adds nothing', async () => {
    const db = openDatabase(`t-${Math.random()}`);
    const saved = await saveAnnotation(db, draft);
    const other = openDatabase(`t-${Math.random()}`);
    expect(await importAnnotations(other, [saved])).toEqual({ added: 1, updated: 0, unchanged: 0 });
    expect(await importAnnotations(other, [saved])).toEqual({ added: 0, updated: 0, unchanged: 1 });
    expect(await other.annotations.count()).toBe(1);
  });

  it('keeps createdAt on re-save, normalises NFD Korean to NFC and refuses edits of tombstones', async () => {
    const db = openDatabase(`t-${Math.random()}`);
    const saved = await saveAnnotation(db, { ...draft, quote: draft.quote.normalize('NFD'), comment: '메모'.normalize('NFD') });
    expect(saved.quote).toBe(draft.quote.normalize('NFC'));
    expect(saved.comment).toBe('메모');
    await new Promise((r) => setTimeout(r, 5));
    const again = await saveAnnotation(db, { ...draft, id: saved.id, verdict: 'true' });
    expect(again.createdAt).toBe(saved.createdAt);
    expect(again.updatedAt > saved.updatedAt).toBe(true);
    await deleteAnnotation(db, saved.id);
    await expect(updateAnnotation(db, saved.id, { verdict: 'false' })).rejects.toBeInstanceOf(NotFoundError);
  });

  it('lists live notes newest first and reports orphans per page', async () => {
    const db = openDatabase(`t-${Math.random()}`);
    const a = await saveAnnotation(db, draft);
    await new Promise((r) => setTimeout(r, 5));
    const b = await saveAnnotation(db, { ...draft, quote: '두 번째' });
    await new Promise((r) => setTimeout(r, 5));
    await updateAnnotation(db, a.id, { comment: 'edited' });
    expect((await listAnnotations(db)).map((x) => x.id)).toEqual([a.id, b.id]);
    expect(await reportAnchors(db, draft.pageUrl, { orphans: [b.id], anchored: [a.id] })).toBe(1);
    expect([...(await orphanIdsForPage(db, draft.pageUrl))]).toEqual([b.id]);
    expect(await clearAnnotations(db)).toBe(2);
    expect(await listAnnotations(db)).toEqual([]);
    expect(await db.annotations.count()).toBe(2); // tombstones stay for sync
  });

  // The notes, pages and pending-import writes of an import are in flight together: any one failing undoes all.
  it.each(['pages', 'pendingImports', 'annotations'] as const)('imports all-or-nothing: a failing %s write leaves the database as it was', async (table) => {
    const db = openDatabase(`t-${Math.random()}`);
    const saved = await saveAnnotation(db, draft);
    const before = await dumpDatabase(db);
    db[table].hook('creating', () => {
      throw new Error('disk on fire');
    });
    const fresh = Array.from({ length: 60 }, (_, i) => ({ ...saved, id: `other-${i}`, pageUrl: `https://other.example/${i % 3}` }));
    await expect(importAnnotations(db, fresh)).rejects.toThrow(/disk on fire/);
    expect(await dumpDatabase(db)).toEqual(before);
  });

  it('queues every written note in the outbox for any reader that starts after the import returns', async () => {
    const db = openDatabase(`t-${Math.random()}`);
    const saved = await saveAnnotation(db, draft);
    await db.outbox.clear();
    const notes = Array.from({ length: 300 }, (_, i) => ({ ...saved, id: `n-${i}`, pageUrl: `https://other.example/${i % 7}` }));
    const older = { ...saved, updatedAt: '2000-01-01T00:00:00.000Z', comment: 'older' };
    expect(await importAnnotations(db, [...notes, older])).toEqual({ added: 300, updated: 0, unchanged: 1 });
    // No wait here: the outbox rows' transaction was created before importAnnotations returned.
    const rows = await db.outbox.toArray();
    expect(rows.map((r) => r.docId).sort()).toEqual(notes.map((n) => n.id).sort());
    expect(rows.every((r) => r.rev === undefined)).toBe(true);
    expect(await db.pendingImports.count()).toBe(0);
    // A re-import writes nothing, so queues nothing.
    expect(await importAnnotations(db, notes)).toEqual({ added: 0, updated: 0, unchanged: 300 });
    expect(await db.outbox.count()).toBe(300);
  });

  it('keeps an import owed its outbox rows when writing them fails, and writes them on the next try', async () => {
    const db = openDatabase(`t-${Math.random()}`);
    const saved = await saveAnnotation(db, draft);
    await db.outbox.clear();
    const failing = () => {
      throw new Error('disk on fire');
    };
    db.outbox.hook('creating', failing);
    const notes = Array.from({ length: 60 }, (_, i) => ({ ...saved, id: `n-${i}` }));
    expect(await importAnnotations(db, notes)).toEqual({ added: 60, updated: 0, unchanged: 0 });
    expect(await db.outbox.count()).toBe(0);
    expect((await db.pendingImports.toArray()).flatMap((p) => p.docIds)).toHaveLength(60);
    db.outbox.hook('creating').unsubscribe(failing);
    expect(await queuePendingImports(db)).toBe(60);
    expect(await db.pendingImports.count()).toBe(0);
    expect(new Set((await db.outbox.toArray()).map((r) => r.docId)).size).toBe(60);
  });

  it('the writer database replays a pending import (a worker that died before its outbox rows) before any other read', async () => {
    const name = `t-${Math.random()}`;
    const first = openDatabase(name);
    await first.pendingImports.add({ docIds: ['a', 'b', 'c'], at: '2025-01-01T00:00:00.000Z' });
    first.close();
    const db = openWriterDatabase(name);
    expect((await db.outbox.toArray()).map((r) => r.docId)).toEqual(['a', 'b', 'c']);
    expect(await db.pendingImports.count()).toBe(0);
    db.close();
    // Reopening finds nothing left to replay.
    const again = openWriterDatabase(name);
    expect(await again.outbox.count()).toBe(3);
    again.close();
  });

  it('gives imported pages their titles, upgrading a URL-only placeholder but keeping a real title', async () => {
    const db = openDatabase(`t-${Math.random()}`);
    const saved = await saveAnnotation(db, draft); // creates a placeholder page titled by its URL
    await upsertPage(db, { url: 'https://kept.example/', title: 'Real title' });
    const other = { ...saved, id: 'x2', pageUrl: 'https://kept.example/' };
    const third = { ...saved, id: 'x3', pageUrl: 'https://new.example/' };
    const moved = { ...saved, updatedAt: new Date(Date.now() + 1000).toISOString(), comment: 'newer' };
    await importAnnotations(db, [moved, other, third], [
      { url: draft.pageUrl, title: '그록3 기사' },
      { url: 'https://kept.example/', title: 'Imported title' },
      { url: 'https://new.example/', title: 'New page' },
    ]);
    expect((await db.pages.get(draft.pageUrl))?.title).toBe('그록3 기사');
    expect((await db.pages.get('https://kept.example/'))?.title).toBe('Real title');
    expect((await db.pages.get('https://new.example/'))?.title).toBe('New page');
  });
});

describe('annotation schema', () => {
  it('refuses sources and page URLs that are not http(s)', async () => {
    const { AnnotationDraftSchema } = await import('../../../utils/annotation-schema');
    const v = await import('valibot');
    const base = { ...draft, tags: [] };
    expect(v.safeParse(AnnotationDraftSchema, { ...base, sources: ['https://example.org/a'] }).success).toBe(true);
    expect(v.safeParse(AnnotationDraftSchema, { ...base, sources: ['javascript:alert(1)'] }).success).toBe(false);
    expect(v.safeParse(AnnotationDraftSchema, { ...base, pageUrl: 'data:text/html,hi' }).success).toBe(false);
  });
});
