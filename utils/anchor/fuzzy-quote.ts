/**
 * Fuzzy quote search with approx-string-match, near the old position first.
 *
 * Hypothesis searches the whole text once and takes the best-scoring of the
 * lowest-error matches. That costs O(errors/32 · text) per quote and, because
 * only the global lowest-error matches survive, can drop the right place in
 * favour of a slightly closer string elsewhere. Here the search starts in a
 * window around the old position and widens only while no good match is found;
 * each window's candidates are scored by quote, context and distance.
 */
import approxSearch from 'approx-string-match';
import { type QuoteContext, type ScoredMatch, scoreCandidate } from './match-score';

/** Share of the quote's length that may differ; proportional, bounded for cost. */
export const MAX_ERROR_RATIO = 0.4;
const MAX_ERRORS_CAP = 256;
/** A window result at least this good is taken without looking further away. */
export const GOOD_ENOUGH = 0.85;
/** Below this a fuzzy match is not trusted: the annotation becomes an orphan. */
export const MIN_FUZZY_SCORE = 0.7;
/** Candidates scored per window (the matcher can return many ends for one place). */
const MAX_CANDIDATES = 24;

export function maxErrorsFor(quote: string): number {
  return Math.max(1, Math.min(MAX_ERRORS_CAP, Math.floor(quote.length * MAX_ERROR_RATIO)));
}

/** Windows around the hint, growing ×8 each time, ending with the whole text. */
export function searchWindows(textLength: number, quoteLength: number, hint: number | undefined): Array<[number, number]> {
  if (hint === undefined) return [[0, textLength]];
  const windows: Array<[number, number]> = [];
  let radius = Math.max(1_024, quoteLength * 4);
  for (;;) {
    const start = Math.max(0, hint - radius);
    const end = Math.min(textLength, hint + quoteLength + radius);
    if (start === 0 && end === textLength) break;
    windows.push([start, end]);
    radius *= 8;
  }
  windows.push([0, textLength]);
  return windows;
}

function candidatesIn(text: string, quote: string, from: number, to: number, maxErrors: number, context: QuoteContext): ScoredMatch[] {
  const matches = approxSearch(text.slice(from, to), quote, maxErrors);
  // Neighbouring ends of one place share a start; keep one per start.
  const seen = new Set<number>();
  const scored: ScoredMatch[] = [];
  for (const match of matches) {
    const start = match.start + from;
    if (seen.has(start) || match.end <= match.start) continue;
    seen.add(start);
    scored.push(scoreCandidate(text, start, match.end + from, 1 - match.errors / quote.length, context));
    if (scored.length >= MAX_CANDIDATES) break;
  }
  return scored;
}

/**
 * The best fuzzy placement of `quote`, or null if none scores MIN_FUZZY_SCORE.
 * `floor` lets the caller demand more than that (e.g. to beat an exact hit);
 * `maxWindows` stops widening early (only the nearest windows are searched).
 */
export function matchFuzzyQuote(text: string, quote: string, context: QuoteContext, floor = MIN_FUZZY_SCORE, maxWindows = Infinity): ScoredMatch | null {
  if (!quote || !text) return null;
  const maxErrors = maxErrorsFor(quote);
  let best: ScoredMatch | null = null;
  for (const [from, to] of searchWindows(text.length, quote.length, context.hint).slice(0, maxWindows)) {
    // The wider window repeats the inner one; that is cheap next to the outer
    // part and keeps candidates from being cut at the inner edge.
    for (const candidate of candidatesIn(text, quote, from, to, maxErrors, context)) {
      if (!best || candidate.score > best.score) best = candidate;
    }
    if (best && best.score >= GOOD_ENOUGH) break;
  }
  return best && best.score >= floor ? best : null;
}
