/**
 * What the popup's buttons send. Pure builders over detections, so the
 * "Make a note" drafts are unit-tested without a browser.
 */
import type { Annotation } from '../utils/annotation';
import type { Check, Claim, Figure } from '../utils/detect/types';
import { figuresWithin } from '../utils/content/card-model';
import type { AnnotationDraft } from '../utils/db/repository';

export function claimDraft(pageUrl: string, claim: Claim, figures: readonly Figure[]): AnnotationDraft {
  // Capped as the record's schema caps it, so a claim dense with figures still saves.
  const inside = figuresWithin(figures, claim.start, claim.end);
  return {
    pageUrl,
    kind: 'claim',
    quote: claim.text,
    selectors: [
      { type: 'TextQuoteSelector', exact: claim.text },
      { type: 'TextPositionSelector', start: claim.start, end: claim.end },
    ],
    ...(inside.length ? { figures: inside } : {}),
    sources: [],
    tags: [],
  };
}

/**
 * A sanity check becomes a note on the sentence holding its first figure (or
 * on the figure itself when no claim covers it), with the check's question as
 * the starting comment.
 */
export function checkDraft(pageUrl: string, check: Check, figures: readonly Figure[], claims: readonly Claim[]): AnnotationDraft | null {
  const involved = check.figures.map((i) => figures[i]).filter((f): f is Figure => f !== undefined);
  const first = involved[0];
  if (!first) return null;
  const claim = claims.find((c) => c.start <= first.start && c.end >= first.end);
  const start = claim?.start ?? first.start;
  const end = claim?.end ?? first.end;
  const quote = claim?.text ?? first.text;
  return {
    pageUrl,
    kind: 'figure',
    quote,
    selectors: [
      { type: 'TextQuoteSelector', exact: quote },
      { type: 'TextPositionSelector', start, end },
    ],
    figures: involved,
    comment: check.message,
    sources: [],
    tags: [],
  };
}

/** A note already covers this span (same position, or same quote). */
export function isNoted(notes: readonly Annotation[], start: number, end: number, quote: string): boolean {
  return notes.some((note) =>
    note.selectors.some((s) => s.type === 'TextPositionSelector' && s.start === start && s.end === end) || note.quote === quote,
  );
}

/** Claims worth showing: at or above the user's minimum score, most check-worthy first. */
export function rankClaims(claims: readonly Claim[], minScore: number): Claim[] {
  return claims.filter((c) => c.score >= minScore).sort((a, b) => b.score - a.score || a.start - b.start);
}
