/**
 * How well a candidate place in the text fits a saved quote: similarity of the
 * quote itself, of the text before and after it, and closeness to where it was.
 */
import approxSearch from 'approx-string-match';

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

/** 1 − (edit errors / expected length) of the best placement of `expected` inside `actual`. */
export function textSimilarity(expected: string, actual: string): number {
  if (!expected.length) return 1;
  if (!actual.length) return 0;
  if (actual === expected) return 1;
  const matches = approxSearch(actual, expected, expected.length);
  if (!matches.length) return 0;
  return Math.max(0, 1 - matches[0].errors / expected.length);
}

export function positionScore(start: number, hint: number | undefined): number {
  if (hint === undefined) return 1;
  return 1 / (1 + Math.abs(start - hint) / POSITION_SCALE);
}

export function prefixScore(text: string, start: number, prefix: string | undefined): number {
  if (!prefix) return 1;
  // When the quote sits near the top of the text, only compare what can exist.
  const available = text.slice(Math.max(0, start - prefix.length), start);
  const expected = prefix.slice(prefix.length - Math.max(available.length, Math.min(prefix.length, 4)));
  return textSimilarity(expected, available);
}

export function suffixScore(text: string, end: number, suffix: string | undefined): number {
  if (!suffix) return 1;
  const available = text.slice(end, end + suffix.length);
  const expected = suffix.slice(0, Math.max(available.length, Math.min(suffix.length, 4)));
  return textSimilarity(expected, available);
}

/** Weighted 0..1 score of a candidate [start, end) whose quote similarity is already known. */
export function scoreCandidate(text: string, start: number, end: number, quoteScore: number, context: QuoteContext): ScoredMatch {
  const raw =
    QUOTE_WEIGHT * quoteScore +
    PREFIX_WEIGHT * prefixScore(text, start, context.prefix) +
    SUFFIX_WEIGHT * suffixScore(text, end, context.suffix) +
    POSITION_WEIGHT * positionScore(start, context.hint);
  return { start, end, quoteScore, score: raw / (QUOTE_WEIGHT + PREFIX_WEIGHT + SUFFIX_WEIGHT + POSITION_WEIGHT) };
}

export function bestOf(candidates: readonly ScoredMatch[]): ScoredMatch | null {
  let best: ScoredMatch | null = null;
  for (const candidate of candidates) if (!best || candidate.score > best.score) best = candidate;
  return best;
}
