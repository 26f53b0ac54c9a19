import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../utils/db/schema';
import { importAnnotations } from '../../../utils/db/repository';
import { EXPORT_FORMATS } from '../../../utils/formats/export-formats';
import { parseImport } from '../../../utils/formats/import';
import { sampleAnnotations, samplePages } from './sample-annotations';

const fixedClock = { now: () => '2030-01-01T00:00:00.000Z', newId: () => 'unused' };

describe('round trip: export every format, import the JSON ones into an empty database', () => {
  for (const format of EXPORT_FORMATS) {
    it(`${format.id} exports all ${sampleAnnotations().length} notes`, () => {
      const text = format.serialize(sampleAnnotations(), { pages: samplePages, exportedAt: '2025-04-01T00:00:00.000Z' });
      expect(text.length).toBeGreaterThan(200);
      // Every non-claimreview format mentions every note; ClaimReview only those with a verdict.
      const expected = format.id === 'claimreview' ? sampleAnnotations().filter((a) => a.verdict) : sampleAnnotations();
      for (const a of expected) expect(text).toContain(format.id === 'markdown' ? a.pageUrl : a.pageUrl);
    });
  }

  for (const format of EXPORT_FORMATS.filter((f) => f.importable)) {
    it(`${format.id}: the database after import equals the original notes, and re-import adds nothing`, async () => {
      const original = sampleAnnotations();
      const text = format.serialize(original, { pages: samplePages, exportedAt: '2025-04-01T00:00:00.000Z' });
      const parsed = parseImport(text);
      expect(parsed.skipped).toEqual([]);
      const db = openDatabase(`rt-${format.id}-${Math.random()}`);
      expect(await importAnnotations(db, parsed.annotations, parsed.pages, fixedClock)).toEqual({ added: 4, updated: 0, unchanged: 0 });
      const stored = await db.annotations.toArray();
      const byId = (list: { id: string }[]) => [...list].sort((a, b) => a.id.localeCompare(b.id));
      expect(byId(stored)).toEqual(byId(original));
      const pages = await db.pages.toArray();
      expect(pages.map((p) => [p.url, p.title]).sort()).toEqual(samplePages.map((p) => [p.url, p.title]).sort());

      expect(await importAnnotations(db, parseImport(text).annotations, parsed.pages, fixedClock)).toEqual({ added: 0, updated: 0, unchanged: 4 });
      expect(await db.annotations.count()).toBe(4);
    });
  }

  it('tombstones are not exported', () => {
    const [first, ...rest] = sampleAnnotations();
    const text = EXPORT_FORMATS[0].serialize([{ ...first, deleted: true }, ...rest], {});
    expect(parseImport(text).annotations.map((a) => a.id)).not.toContain(first.id);
  });
});
