import { describe, expect, it } from 'vitest';
import { pageDataFromRows } from '../../components/page-data';
import { pageDataQuery } from '../../components/page-data-query';
import { openExistingDatabase, readPageRows } from '../../utils/db/page-notes';
import { deleteAnnotation, reportAnchors, saveAnnotation, upsertPage } from '../../utils/db/repository';
import { openDatabase } from '../../utils/db/schema';

const PAGE = 'https://news.example/grok3';

describe('page data for "This page"', () => {
  it('is the same whether read with plain IndexedDB before the first paint or with Dexie after it', async () => {
    const name = `pd-${Math.random()}`;
    const db = openDatabase(name);
    await upsertPage(db, { url: PAGE, title: '그록3 발표', lang: 'ko' });
    const notes = [];
    for (const quote of ['60페타플롭스', '10만개', '500만달러', '사라진 문장']) {
      notes.push(await saveAnnotation(db, { pageUrl: PAGE, kind: 'claim', quote, selectors: [], sources: [], tags: ['AI'] }));
    }
    await deleteAnnotation(db, notes[1]!.id); // a tombstone stays in the table
    await saveAnnotation(db, { pageUrl: 'https://news.example/other', kind: 'claim', quote: 'not this page', selectors: [], sources: [], tags: [] });
    await reportAnchors(db, PAGE, { orphans: [notes[3]!.id], anchored: [notes[0]!.id, notes[2]!.id] });
    await db.settings.put({ key: 'settings', value: { minScore: 0.8, disabledSites: ['news.example'] } });
    await db.detections.put({
      pageUrl: PAGE,
      figures: [{ start: 0, end: 5, text: '10만개', kind: 'count', value: 100000, unit: null }],
      claims: [],
      checks: [],
      detectedAt: '2025-01-01T00:00:00.000Z',
    });

    const viaDexie = await pageDataQuery(db, PAGE)();
    const raw = await openExistingDatabase(name);
    const viaRows = pageDataFromRows((await readPageRows(raw!, PAGE))!);
    raw!.close();
    expect(viaRows).toEqual(viaDexie);
    expect(viaRows.notes.map((n) => n.quote)).toEqual(['60페타플롭스', '500만달러', '사라진 문장']);
    expect(viaRows.settings.minScore).toBe(0.8);
    expect(viaRows.settings.languages).toEqual(['ko', 'en']); // default under the stored settings
    db.close();
  });
});
