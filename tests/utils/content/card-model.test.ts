import { describe, expect, it } from 'vitest';
import type { Annotation } from '../../../utils/annotation';
import { cardModel, figuresWithin } from '../../../utils/content/card-model';
import type { ScanResult } from '../../../utils/detect/types';

const scan: ScanResult = {
  lang: 'ko',
  text: '그록3는 H100 GPU 10만개로 훈련됐다. 성능은 60페타플롭스다.',
  claims: [
    { start: 0, end: 24, text: '', score: 0.8, checkworthy: true, kinds: ['statistic'] },
    { start: 25, end: 39, text: '', score: 0.3, checkworthy: false, kinds: [] },
  ],
  figures: [
    { start: 14, end: 19, text: '10만개', kind: 'count', value: 100_000, unit: null },
    { start: 29, end: 36, text: '60페타플롭스', kind: 'quantity', value: 6e16, unit: 'FLOP/s' },
  ],
  checks: [
    { kind: 'product', message: 'first-figure check', figures: [0] },
    { kind: 'magnitude', message: 'second-figure check', figures: [1] },
  ],
};

describe('hover card model', () => {
  it('for a claim: its figures and only their checks', () => {
    const model = cardModel([{ kind: 'claim', index: 0, start: 0, end: 24, score: 0.8 }], scan, new Map(), 0.5)!;
    expect(model.claim).toBe(scan.claims[0]);
    expect(model.figures.map((f) => f.text)).toEqual(['10만개']);
    expect(model.checks).toEqual(['first-figure check']);
    expect(model.target).toEqual({ kind: 'claim', start: 0, end: 24, annotationId: undefined });
  });

  it('for a figure: the figure, the claim around it if above the minimum score', () => {
    const inside = cardModel([{ kind: 'figure', index: 0, start: 14, end: 19 }], scan, new Map(), 0.5)!;
    expect(inside.claim).toBe(scan.claims[0]);
    const lowClaim = cardModel([{ kind: 'figure', index: 1, start: 29, end: 36 }], scan, new Map(), 0.5)!;
    expect(lowClaim.claim).toBeUndefined();
    expect(lowClaim.checks).toEqual(['second-figure check']);
  });

  it('for a note: the note, its saved figures', () => {
    const note = { id: 'n1', figures: [scan.figures[1]], verdict: 'false' } as Annotation;
    const model = cardModel([{ kind: 'note', id: 'n1', start: 25, end: 39 }], scan, new Map([['n1', note]]), 0.5)!;
    expect(model.note).toBe(note);
    expect(model.figures.map((f) => f.text)).toEqual(['60페타플롭스']);
    expect(model.checks).toEqual(['second-figure check']);
    expect(cardModel([], scan, new Map(), 0.5)).toBeNull();
  });

  it('keeps the figures inside a saved range', () => {
    expect(figuresWithin(scan.figures, 0, 24).map((f) => f.text)).toEqual(['10만개']);
  });
});
