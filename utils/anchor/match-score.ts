/**
 * How well a candidate place in the text fits a saved quote: similarity of the
 * quote itself, of the text before and after it, and closeness to where it was.
 */

export interface QuoteContext {
  prefix?: string;
  suffix?: string;
  /** Expected start of the quote, in the same coordinates as the searched text. */
  hint?: number;
}

export interface ScoredMatch {
  start: number;
  end: number;
  /** 0..1, see `scoreCandidate`. */
  score: number;
  quoteScore: number;
}

const QUOTE_WEIGHT = 50;
const PREFIX_WEIGHT = 20;
const SUFFIX_WEIGHT = 20;
/** Large enough to separate equal-context twins by distance, too small to beat context. */
const POSITION_WEIGHT = 6;
/** Distance (chars) at which the position score halves. */
const POSITION_SCALE = 1_000;

/**
 * Similarity of context that must sit against the quote: `expected` is aligned
 * at the start of `actual` (the edge next to the quote), and `actual` may run
 * on past it for free (the far end of a 32-character window is an arbitrary cut).
 * 1 − (edit distance / expected length). A 32×32 DP: microseconds, where a
 * full approximate search costs ~0.1 ms per call.
 */
export function anchoredSimilarity(expected: string, actual: string): number {
  const m = expected.length;
  if (!m) return 1;
  if (actual.startsWith(expected)) return 1;
  const n = actual.length;
  let previous = new Int32Array(n + 1);
  let current = new Int32Array(n + 1);
  for (let j = 0; j <= n; j++) previous[j] = j;
  for (let i = 1; i <= m; i++) {
    current[0] = i;
    const c = expected.charCodeAt(i - 1);
    for (let j = 1; j <= n; j++) {
      const substitute = previous[j - 1] + (actual.charCodeAt(j - 1) === c ? 0 : 1);
      current[j] = Math.min(substitute, previous[j] + 1, current[j - 1] + 1);
    }
    [previous, current] = [current, previous];
  }
  let best = m;
  for (let j = 0; j <= n; j++) best = Math.min(best, previous[j]);
  return Math.max(0, 1 - best / m);
}

const reverse = (s: string) => s.split('').reverse().join('');

export function positionScore(start: number, hint: number | undefined): number {
  if (hint === undefined) return 1;
  return 1 / (1 + Math.abs(start - hint) / POSITION_SCALE);
}

export function prefixScore(text: string, start: number, prefix: string | undefined): number {
  if (!prefix) return 1;
  // When the quote sits near the top of the text, only compare what can exist.
  // Compared backwards from the quote; a little slack lets an insertion right before it cost only itself.
  const from = start - prefix.length - 8;
  const available = text.slice(Math.max(0, from), start);
  if (!available.length) return 0;
  // At the top of the text only what can exist is compared.
  const expected = from < 0 && available.length < prefix.length ? prefix.slice(prefix.length - Math.max(available.length, Math.min(4, prefix.length))) : prefix;
  return anchoredSimilarity(reverse(expected), reverse(available));
}

export function suffixScore(text: string, end: number, suffix: string | undefined): number {
  if (!suffix) return 1;
  const available = text.slice(end, end + suffix.length + 8);
  if (!available.length) return 0;
  const atEnd = end + suffix.length + 8 > text.length && available.length < suffix.length;
  return anchoredSimilarity(atEnd ? suffix.slice(0, Math.max(available.length, Math.min(4, suffix.length))) : suffix, available);
}

/** Weighted 0..1 score of a candidate [start, end) whose quote similarity is already known. */
export function scoreCandidate(text: string, start: number, end: number, quoteScore: number, context: QuoteContext): ScoredMatch {
  const score = weightedScore(quoteScore, prefixScore(text, start, context.prefix), suffixScore(text, end, context.suffix), positionScore(start, context.hint));
  return { start, end, quoteScore, score };
}

/** The weighted 0..1 combination of the four similarity scores. */
export function weightedScore(quote: number, prefix: number, suffix: number, position: number): number {
  const raw = QUOTE_WEIGHT * quote + PREFIX_WEIGHT * prefix + SUFFIX_WEIGHT * suffix + POSITION_WEIGHT * position;
  return raw / (QUOTE_WEIGHT + PREFIX_WEIGHT + SUFFIX_WEIGHT + POSITION_WEIGHT);
}

export function bestOf(candidates: readonly ScoredMatch[]): ScoredMatch | null {
  let best: ScoredMatch | null = null;
  for (const candidate of candidates) if (!best || candidate.score > best.score) best = candidate;
  return best;
}
