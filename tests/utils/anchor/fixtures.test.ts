// @vitest-environment jsdom
/**
 * Regression fixtures in tests/fixtures/anchoring/*.json: each names a page as
 * first saved ("before") and as revisited ("after"), the notes taken on the
 * first, and where each must land on the second (or that it is an orphan).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Selector } from '../../../utils/annotation';
import { anchorMany, anchorTarget } from '../../../utils/anchor/anchor';
import { describeOffsets } from '../../../utils/anchor/describe';
import { buildCollapsedText } from '../../../utils/anchor/normalized-text';
import { offsetsToRange } from '../../../utils/anchor/text-index';
import { FIXTURES, loadPage, locate } from './fixture-page';

interface FixtureAnnotation {
  id: string;
  select?: string;
  occurrence?: number;
  selectors?: Selector[];
  dropRangeSelector?: boolean;
  expect: { orphan: true } | { text?: string; startsWith?: string; endsWith?: string; occurrence?: number; method?: string[] };
}

interface Fixture {
  description: string;
  before: string;
  after?: string;
  annotations: FixtureAnnotation[];
}

const DIR = resolve(FIXTURES, 'anchoring');
const files = readdirSync(DIR).filter((f) => f.endsWith('.json')).sort();

const collapse = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ').trim();

describe('anchoring fixtures', () => {
  it('has the cases the issue asks for', () => {
    expect(files).toEqual(expect.arrayContaining(['ko-word-changed.json', 'ko-paragraph-inserted.json', 'ko-ad-injected.json', 'ko-quote-twice.json', 'en-orphan.json']));
  });

  for (const file of files) {
    const fixture = JSON.parse(readFileSync(resolve(DIR, file), 'utf8')) as Fixture;
    describe(`${file}: ${fixture.description.slice(0, 60)}`, () => {
      const before = loadPage(`anchoring/${fixture.before}`);
      const after = loadPage(`anchoring/${fixture.after ?? fixture.before}`);
      const targets = fixture.annotations.map((a) => {
        if (a.selectors) return { selectors: a.selectors };
        const { start, end } = locate(before.index, a.select!, a.occurrence);
        const described = describeOffsets(before.index, start, end)!;
        const selectors = a.dropRangeSelector ? described.selectors.filter((s) => s.type !== 'RangeSelector') : described.selectors;
        return { selectors };
      });

      fixture.annotations.forEach((annotation, i) => {
        it(`${annotation.id}`, () => {
          const anchored = anchorTarget(after.index, targets[i]);
          const expected = annotation.expect;
          if ('orphan' in expected) {
            expect(anchored).toBeNull();
            return;
          }
          expect(anchored, 'anchored').not.toBeNull();
          const found = collapse(after.index.text.slice(anchored!.start, anchored!.end));
          if (expected.text) expect(found).toBe(collapse(expected.text));
          if (expected.startsWith) expect(found.startsWith(collapse(expected.startsWith))).toBe(true);
          if (expected.endsWith) expect(found.endsWith(collapse(expected.endsWith))).toBe(true);
          if (expected.text && expected.occurrence) {
            const place = locate(after.index, expected.text, expected.occurrence);
            expect(anchored!.start).toBe(place.start);
          }
          if (expected.method) expect(expected.method).toContain(anchored!.method);
          // The live DOM range covers the same text (NFD page text included).
          const range = offsetsToRange(after.index, anchored!.start, anchored!.end)!;
          expect(collapse(range.toString())).toBe(found);
        });
      });

      it('batch re-anchoring gives the same answers', async () => {
        const batch = await anchorMany(after.index, targets, { sliceMs: 0, yieldToMain: async () => {} });
        expect(batch).toEqual(targets.map((t) => anchorTarget(after.index, t)));
      });
    });
  }
});

describe('fixture helper', () => {
  it('locates whitespace-insensitively', () => {
    const page = loadPage('news-ko-grok3.html');
    const { start, end } = locate(page.index, '그록3가  판도를');
    expect(buildCollapsedText(page.index.text.slice(start, end)).text).toBe('그록3가 판도를');
  });
});
