import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../utils/db/schema';
import { annotationsForPage, deleteAnnotation, importAnnotations, saveAnnotation, updateAnnotation } from '../../../utils/db/repository';

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
});
