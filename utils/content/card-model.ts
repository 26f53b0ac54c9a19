/**
 * What the hover card shows for the highlights under the pointer: the
 * topmost note or claim or figure, the claim around it, the figures inside,
 * and the sanity checks that concern those figures.
 */
import type { Annotation } from '../annotation';
import type { Claim, Figure, ScanResult } from '../detect/types';
import type { Mark } from '../highlight/page-highlights';

export interface CardModel {
  /** What "Add fact-check note" acts on. */
  target: { kind: 'claim' | 'figure' | 'note'; start: number; end: number; annotationId?: string };
  claim?: Claim;
  figures: Figure[];
  checks: string[];
  note?: Annotation;
}

const inside = (outer: { start: number; end: number }, inner: { start: number; end: number }) => inner.start >= outer.start && inner.end <= outer.end;
const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;

export function cardModel(marks: readonly Mark[], scan: ScanResult | null, notes: ReadonlyMap<string, Annotation>, minScore: number): CardModel | null {
  const top = marks[0];
  if (!top) return null;
  const claims = scan?.claims ?? [];
  const figures = scan?.figures ?? [];
  let claim: Claim | undefined;
  let note: Annotation | undefined;
  if (top.kind === 'note') note = notes.get(top.id);
  if (top.kind === 'claim') claim = claims[top.index];
  else {
    const claimMark = marks.find((m) => m.kind === 'claim');
    claim = claimMark && claimMark.kind === 'claim' ? claims[claimMark.index] : claims.find((c) => c.score >= minScore && overlaps(c, top));
  }
  let shownFigures: Array<[number, Figure]>;
  if (top.kind === 'figure') shownFigures = [[top.index, figures[top.index]]];
  else if (top.kind === 'note' && note?.figures?.length) shownFigures = note.figures.map((f) => [figures.findIndex((g) => g.start === f.start && g.end === f.end), f]);
  else shownFigures = figures.map((f, i) => [i, f] as [number, Figure]).filter(([, f]) => inside(top, f));
  const indexes = new Set(shownFigures.map(([i]) => i).filter((i) => i >= 0));
  const checks = (scan?.checks ?? []).filter((check) => check.figures.some((i) => indexes.has(i))).map((check) => check.message);
  return {
    target: { kind: top.kind, start: top.start, end: top.end, annotationId: top.kind === 'note' ? top.id : undefined },
    claim,
    figures: shownFigures.map(([, f]) => f).filter(Boolean),
    checks: [...new Set(checks)],
    note,
  };
}

/** Figures lying inside [start, end). */
export function figuresInside(figures: readonly Figure[], start: number, end: number): Figure[] {
  return figures.filter((f) => inside({ start, end }, f));
}

/** Figures lying inside [start, end), for the annotation record (its schema keeps at most 200). */
export function figuresWithin(figures: readonly Figure[], start: number, end: number): Figure[] {
  return figuresInside(figures, start, end).slice(0, 200);
}
