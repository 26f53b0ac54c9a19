import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { AnnotationDraftSchema } from '../../utils/annotation-schema';
import type { Claim, Figure } from '../../utils/detect/types';
import { claimDraft } from '../../components/note-actions';

describe('claimDraft', () => {
  it('keeps the figures inside the claim, capped so the draft passes the record schema', () => {
    const figures: Figure[] = Array.from({ length: 250 }, (_, i) => ({
      start: i * 4,
      end: i * 4 + 3,
      text: `${i}개`,
      kind: 'count',
      value: i,
      unit: null,
    }));
    const claim: Claim = { start: 0, end: 1_000, text: 'x'.repeat(1_000), score: 0.9, checkworthy: true, kinds: ['statistic'] };
    const draft = claimDraft('https://news.example/a', claim, figures);
    expect(draft.figures).toHaveLength(200);
    expect(draft.figures![0]).toEqual(figures[0]);
    expect(v.safeParse(AnnotationDraftSchema, draft).success).toBe(true);

    const short = claimDraft('https://news.example/a', { ...claim, end: 10 }, figures);
    expect(short.figures!.map((f) => f.text)).toEqual(['0개', '1개']);
  });
});
