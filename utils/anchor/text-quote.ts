/**
 * TextQuoteSelector: the quoted text with ~32 characters of context either side,
 * and the exact search that re-finds it. All text here is NFC and
 * whitespace-collapsed (see normalized-text.ts).
 */
import type { TextQuoteSelector } from '../annotation';
import { collapseWhitespace } from './normalized-text';
import { type QuoteContext, type ScoredMatch, bestOf, positionScore, scoreCandidate, weightedScore } from './match-score';

export const CONTEXT_LENGTH = 32;

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/** Slice that never splits a surrogate pair at either edge. */
function safeSlice(text: string, start: number, end: number): string {
  let s = Math.max(0, start);
  let e = Math.min(text.length, end);
  if (s > 0 && s < text.length && isHighSurrogate(text.charCodeAt(s - 1))) s += 1;
  if (e > 0 && e < text.length && isHighSurrogate(text.charCodeAt(e - 1))) e -= 1;
  return text.slice(s, e);
}

/**
 * The quote selector for [start, end) of `text` (raw NFC article text). `exact`
 * is the raw slice; prefix and suffix are taken from the collapsed text, so the
 * 32 characters are words rather than indentation.
 */
export function describeTextQuote(text: string, start: number, end: number): TextQuoteSelector {
  const exact = text.slice(start, end);
  const before = collapseWhitespace(text.slice(Math.max(0, start - CONTEXT_LENGTH * 4), start));
  const after = collapseWhitespace(text.slice(end, end + CONTEXT_LENGTH * 4));
  const selector: TextQuoteSelector = { type: 'TextQuoteSelector', exact };
  const prefix = safeSlice(before, before.length - CONTEXT_LENGTH, before.length);
  const suffix = safeSlice(after, 0, CONTEXT_LENGTH);
  if (prefix) selector.prefix = prefix;
  if (suffix) selector.suffix = suffix;
  return selector;
}

/** The selector's strings as compared at anchoring time. */
export function normalizeQuote(selector: TextQuoteSelector): { exact: string; prefix?: string; suffix?: string } {
  return {
    exact: collapseWhitespace(selector.exact.normalize('NFC')),
    prefix: selector.prefix ? collapseWhitespace(selector.prefix.normalize('NFC')) : undefined,
    suffix: selector.suffix ? collapseWhitespace(selector.suffix.normalize('NFC')) : undefined,
  };
}

/** Every exact occurrence, capped so a one-letter quote cannot stall the page. */
export function exactOccurrences(text: string, quote: string, limit = 1_000): number[] {
  const found: number[] = [];
  if (!quote) return found;
  for (let at = text.indexOf(quote); at !== -1 && found.length < limit; at = text.indexOf(quote, at + 1)) found.push(at);
  return found;
}

/**
 * Exact search that picks the occurrence whose context fits best, then the one
 * nearest the old position; not the first hit.
 */
export function matchExactQuote(text: string, quote: string, context: QuoteContext): ScoredMatch | null {
  // Near the old position first: an intact-context hit there settles it without scanning the whole text.
  if (context.hint !== undefined && text.length > NEAR_RADIUS * 4) {
    const from = Math.max(0, context.hint - NEAR_RADIUS);
    const near = exactOccurrences(text.slice(from, Math.min(text.length, context.hint + quote.length + NEAR_RADIUS)), quote).map((at) => at + from);
    const nearest = nearestIntact(text, near, quote.length, context);
    if (nearest !== -1) return intactScore(nearest, quote.length, context);
  }
  const starts = exactOccurrences(text, quote);
  if (!starts.length) return null;
  if (starts.length === 1 && !context.prefix && !context.suffix) {
    return scoreCandidate(text, starts[0], starts[0] + quote.length, 1, context);
  }
  // Fast path: occurrences whose context is intact need no edit-distance scoring;
  // among those, the nearest to the old position wins.
  const perfect = nearestIntact(text, starts, quote.length, context);
  if (perfect !== -1) return intactScore(perfect, quote.length, context);
  return bestOf(shortlist(text, starts, quote.length, context).map((start) => scoreCandidate(text, start, start + quote.length, 1, context)));
}

/** Characters of context that match exactly next to the occurrence (prefix backwards, suffix forwards). */
function sharedContext(text: string, start: number, length: number, prefix: string, suffix: string): number {
  let n = 0;
  while (n < prefix.length && text[start - 1 - n] === prefix[prefix.length - 1 - n]) n++;
  let m = 0;
  while (m < suffix.length && text[start + length + m] === suffix[m]) m++;
  return n + m;
}

const SHORTLIST = 8;
/** Half-width of the first, near-the-old-position exact search (chars). */
const NEAR_RADIUS = 2_048;

/** Score of an exact hit whose context is intact: quote and context are 1, only distance counts. */
function intactScore(start: number, length: number, context: QuoteContext): ScoredMatch {
  return { start, end: start + length, quoteScore: 1, score: weightedScore(1, 1, 1, positionScore(start, context.hint)) };
}

/** The occurrence nearest the hint whose prefix and suffix are exactly as saved; -1 if none. */
function nearestIntact(text: string, starts: readonly number[], length: number, context: QuoteContext): number {
  const { prefix = '', suffix = '', hint } = context;
  let best = -1;
  for (const start of starts) {
    if (sharedContext(text, start, length, prefix, suffix) !== prefix.length + suffix.length) continue;
    if (best === -1 || (hint !== undefined && Math.abs(start - hint) < Math.abs(best - hint))) best = start;
  }
  return best;
}

/** Cheap pre-ranking (shared context characters, then distance) so only a few hits get the edit-distance score. */
function shortlist(text: string, starts: number[], length: number, context: QuoteContext): number[] {
  if (starts.length <= SHORTLIST) return starts;
  const { prefix = '', suffix = '', hint } = context;
  return starts
    .map((start) => ({ start, shared: sharedContext(text, start, length, prefix, suffix), distance: hint === undefined ? 0 : Math.abs(start - hint) }))
    .sort((a, b) => b.shared - a.shared || a.distance - b.distance)
    .slice(0, SHORTLIST)
    .map((c) => c.start);
}
