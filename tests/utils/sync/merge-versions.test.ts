import { describe, expect, it } from 'vitest';
import type { Annotation } from '../../../utils/annotation';
import { MERGED_COMMENT_SEPARATOR, mergeComments, mergeVersions, verdictChoices } from '../../../utils/sync/merge-versions';

const base: Annotation = {
  id: 'n1',
  pageUrl: 'https://news.example/a',
  kind: 'claim',
  quote: 'Unemployment fell to 3.2%',
  selectors: [{ type: 'TextQuoteSelector', exact: 'Unemployment fell to 3.2%' }],
  sources: [],
  tags: [],
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};
const version = (patch: Partial<Annotation>): Annotation => ({ ...base, ...patch });

describe('mergeVersions', () => {
  it('keeps every source and tag once, in first-seen order, and the picked verdict', () => {
    const a = version({ verdict: 'false', sources: ['https://kostat.go.kr/', 'https://a.example/'], tags: ['고용', 'jobs'] });
    const b = version({ verdict: 'half-true', sources: ['https://b.example/', 'https://kostat.go.kr/'], tags: ['jobs', 'seasonal'] });
    expect(mergeVersions([a, b], 'half-true')).toEqual({
      verdict: 'half-true',
      sources: ['https://kostat.go.kr/', 'https://a.example/', 'https://b.example/'],
      tags: ['고용', 'jobs', 'seasonal'],
    });
    expect(mergeVersions([a, b], 'false').verdict).toBe('false');
  });

  it('refuses a verdict neither version has; "no verdict" is a choice when one side has none', () => {
    const a = version({ verdict: 'false' });
    const b = version({});
    expect(verdictChoices([a, b])).toEqual(['false', undefined]);
    expect(() => mergeVersions([a, b], 'true')).toThrow(RangeError);
    expect(mergeVersions([a, b], undefined)).not.toHaveProperty('verdict');
    expect(() => mergeVersions([a, version({ verdict: 'false' })], undefined)).toThrow(RangeError);
  });

  it('joins different comments with a visible separator, without repeating shared or contained text', () => {
    expect(mergeComments(['A: source says 3.4%', 'B: 3.2% is seasonally adjusted'])).toBe(
      `A: source says 3.4%${MERGED_COMMENT_SEPARATOR}B: 3.2% is seasonally adjusted`,
    );
    expect(MERGED_COMMENT_SEPARATOR.trim()).not.toBe('');
    expect(mergeComments(['same', ' same '])).toBe('same');
    expect(mergeComments(['Checked.', 'Checked. Also see the OECD series.'])).toBe('Checked. Also see the OECD series.');
    expect(mergeComments([undefined, '', 'only one'])).toBe('only one');
    expect(mergeComments([undefined, '  '])).toBeUndefined();
  });

  it('merges three versions (two losing leaves)', () => {
    const merged = mergeVersions(
      [version({ comment: 'one', tags: ['x'] }), version({ comment: 'two', tags: ['y'] }), version({ comment: 'three', tags: ['x', 'z'] })],
      undefined,
    );
    expect(merged.comment!.split(MERGED_COMMENT_SEPARATOR)).toEqual(['one', 'two', 'three']);
    expect(merged.tags).toEqual(['x', 'y', 'z']);
  });
});
