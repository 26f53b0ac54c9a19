/**
 * A selection → the W3C selectors saved with a note: TextQuoteSelector (exact
 * with ~32 characters of context), TextPositionSelector over the article text,
 * and a RangeSelector when the range lies inside the article root.
 */
import type { Selector } from '../annotation';
import { collapseWhitespace } from './normalized-text';
import { describeRangeSelector } from './range-selector';
import { type TextIndex, offsetsToRange, rangeToOffsets } from './text-index';
import { describeTextPosition } from './text-position';
import { describeTextQuote } from './text-quote';

export interface DescribedRange {
  start: number;
  end: number;
  /** Display form: NFC, whitespace collapsed and trimmed. */
  quote: string;
  selectors: Selector[];
}

const EDGE_SPACE = /\s/;

/** Selectors for [start, end) of the index text; leading/trailing whitespace is trimmed off. */
export function describeOffsets(index: TextIndex, start: number, end: number): DescribedRange | null {
  const { text } = index;
  let s = Math.max(0, start);
  let e = Math.min(text.length, end);
  while (s < e && EDGE_SPACE.test(text[s])) s++;
  while (e > s && EDGE_SPACE.test(text[e - 1])) e--;
  if (e <= s) return null;
  const selectors: Selector[] = [describeTextQuote(text, s, e), describeTextPosition(s, e)];
  const range = offsetsToRange(index, s, e);
  const rangeSelector = range ? describeRangeSelector(index.root, range) : null;
  if (rangeSelector) selectors.push(rangeSelector);
  return { start: s, end: e, quote: collapseWhitespace(text.slice(s, e)).trim(), selectors };
}

/** Selectors for a DOM range (e.g. the reader's selection); null if it covers no article text. */
export function describeRange(index: TextIndex, range: AbstractRange): DescribedRange | null {
  const offsets = rangeToOffsets(index, range);
  return offsets ? describeOffsets(index, offsets.start, offsets.end) : null;
}
