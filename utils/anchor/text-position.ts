/**
 * TextPositionSelector over the NFC article text. A position is only trusted
 * when the text found there still equals the quote.
 */
import type { TextPositionSelector } from '../annotation';
import { collapseWhitespace } from './normalized-text';

export function describeTextPosition(start: number, end: number): TextPositionSelector {
  return { type: 'TextPositionSelector', start, end };
}

/** True when [start, end) of `text` holds `exact` (NFC), allowing for re-flowed whitespace. */
export function positionHoldsQuote(text: string, selector: TextPositionSelector, exact: string): boolean {
  const { start, end } = selector;
  if (!(start >= 0 && end > start && end <= text.length)) return false;
  const found = text.slice(start, end);
  if (found === exact) return true;
  const wanted = collapseWhitespace(exact).trim();
  return wanted !== '' && collapseWhitespace(found).trim() === wanted;
}
