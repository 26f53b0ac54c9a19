import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import type { Annotation } from '../../../utils/annotation';
import { openDatabase, SCHEMA_V1 } from '../../../utils/db/schema';
import { annotationsForPage, listAnnotations, orphanIdsForPage } from '../../../utils/db/repository';

/** Rows for every v1 table, including Korean text, tombstones, sync bookkeeping and settings. */
function v1Rows(count: number) {
  const annotations: Annotation[] = Array.from({ length: count }, (_, i) => ({
    id: `a${i}`,
    pageUrl: `https://news.example.kr/${i % 7}`,
    kind: (['claim', 'figure', 'highlight'] as const)[i % 3],
    quote: `그록3 ${i} 60페타플롭스`,
    selectors: [{ type: 'TextQuoteSelector', exact: `그록3 ${i}` }, { type: 'TextPositionSelector', start: i, end: i + 4 }],
    figures: i % 5 === 0 ? [{ start: 0, end: 3, text: '10만개', kind: 'count', value: 100000, unit: null }] : undefined,
    ...(i % 4 === 0 ? { verdict: 'false' as const } : {}),
    ...(i % 3 === 0 ? { comment: `메모 ${i}` } : {}),
    sources: i % 2 ? ['https://source.example/x'] : [],
    tags: i % 2 ? ['AI', '반도체'] : [],
    createdAt: new Date(Date.UTC(2025, 0, 1) + i * 60_000).toISOString(),
    updatedAt: new Date(Date.UTC(2025, 0, 2) + i * 60_000).toISOString(),
    ...(i % 10 === 9 ? { deleted: true as const } : {}),
    ...(i % 6 === 0 ? { rev: `1-${'ab'.repeat(16)}` } : {}),
  }));
  for (const a of annotations) if (a.figures === undefined) delete a.figures;
  return {
    pages: Array.from({ length: 7 }, (_, i) => ({
      url: `https://news.example.kr/${i}`,
      title: `기사 ${i}`,
      site: 'news.example.kr',
      lang: 'ko',
      firstSeen: '2025-01-01T00:00:00.000Z',
      lastSeen: '2025-01-03T00:00:00.000Z',
    })),
    annotations,
    detections: [{ pageUrl: 'https://news.example.kr/0', figures: [], claims: [], checks: [], detectedAt: '2025-01-01T00:00:00.000Z' }],
    anchorStatus: [
      { id: 'a0', pageUrl: 'https://news.example.kr/0', orphan: 1, checkedAt: '2025-01-01T00:00:00.000Z' },
      { id: 'a7', pageUrl: 'https://news.example.kr/0', orphan: 0, checkedAt: '2025-01-01T00:00:00.000Z' },
    ],
    outbox: [{ seq: 1, docId: 'a0', at: '2025-01-01T00:00:00.000Z' }, { seq: 2, docId: 'a1', at: '2025-01-01T00:00:01.000Z' }],
    revisions: [{ id: 'a0', revisions: { start: 1, ids: ['ab'.repeat(16)] }, conflicts: [] }],
    syncState: [{ key: 'checkpoint', value: { since: '42-abc' } }],
    settings: [{ key: 'settings', value: { minScore: 0.7, disabledSites: ['ads.example'], languages: ['ko'] } }],
  };
}

describe('schema migrations', () => {
  it('opens a database filled under v1 with the current schema and loses no row or field', async () => {
    const name = `migrate-${Math.random()}`;
    const rows = v1Rows(500);
    const v1 = new Dexie(name);
    v1.version(1).stores(SCHEMA_V1);
    await v1.open();
    await v1.transaction('rw', v1.tables, async () => {
      for (const [table, list] of Object.entries(rows)) await v1.table(table).bulkAdd(list as never[]);
    });
    v1.close();

    const db = openDatabase(name);
    await db.open();
    expect(db.verno).toBe(2);
    for (const [table, list] of Object.entries(rows)) {
      const after = await db.table(table).toArray();
      expect(after, table).toHaveLength(list.length);
      const byKey = new Map(after.map((row) => [JSON.stringify(db.table(table).schema.primKey.keyPath ? row[db.table(table).schema.primKey.keyPath as string] : null), row]));
      for (const row of list as Record<string, unknown>[]) {
        const key = JSON.stringify(row[db.table(table).schema.primKey.keyPath as string]);
        // Later versions may add fields; every v1 field must survive unchanged.
        expect(byKey.get(key), `${table} ${key}`).toMatchObject(row);
      }
    }
    // The indexes the app queries still answer after the upgrade.
    expect((await annotationsForPage(db, 'https://news.example.kr/0')).length).toBeGreaterThan(0);
    expect([...(await orphanIdsForPage(db, 'https://news.example.kr/0'))]).toEqual(['a0']);
    const live = await listAnnotations(db);
    expect(live).toHaveLength(450);
    expect(live.map((a) => a.updatedAt)).toEqual(live.map((a) => a.updatedAt).sort().reverse());
    // v2 dropped the note indexes nothing queried; the backend store itself lost them.
    const store = db.backendDB().transaction('annotations', 'readonly').objectStore('annotations');
    expect([...store.indexNames].sort()).toEqual(['pageUrl', 'updatedAt']);
    expect(await db.pendingImports.count()).toBe(0);
    expect(await db.outbox.orderBy('seq').last()).toMatchObject({ seq: 2 });
    db.close();
  });
});
