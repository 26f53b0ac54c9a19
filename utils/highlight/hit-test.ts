/**
 * Highlights drawn with the Custom Highlight API receive no events, so clicks
 * and hovers are hit-tested: the caret position under the pointer gives a text
 * offset, and the candidate's client rects confirm the pointer is really on it
 * (caret APIs also answer for points in blank space beside a line).
 */
import { type TextIndex, offsetsToRange, pointToOffset } from '../anchor/text-index';

export interface CaretPoint {
  node: Node;
  offset: number;
}

type CaretDocument = Document & {
  caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
  caretRangeFromPoint?: (x: number, y: number) => Range | null;
};

export function caretAt(doc: Document, x: number, y: number): CaretPoint | null {
  const d = doc as CaretDocument;
  if (typeof d.caretPositionFromPoint === 'function') {
    const position = d.caretPositionFromPoint(x, y);
    return position ? { node: position.offsetNode, offset: position.offset } : null;
  }
  if (typeof d.caretRangeFromPoint === 'function') {
    const range = d.caretRangeFromPoint(x, y);
    return range ? { node: range.startContainer, offset: range.startOffset } : null;
  }
  return null;
}

/** The first rect holding (x, y), give or take `slop` pixels; undefined if none does. */
export function rectUnder(rects: ArrayLike<DOMRectReadOnly>, x: number, y: number, slop = 1): DOMRectReadOnly | undefined {
  for (let i = 0; i < rects.length; i++) {
    const r = rects[i];
    if (x >= r.left - slop && x <= r.right + slop && y >= r.top - slop && y <= r.bottom + slop) return r;
  }
  return undefined;
}

export function rectsContain(rects: ArrayLike<DOMRectReadOnly>, x: number, y: number, slop = 1): boolean {
  return rectUnder(rects, x, y, slop) !== undefined;
}

/**
 * The items under (x, y), in the order given (callers list the topmost first).
 * `items` carry text offsets in `index`.
 */
export function hitTest<T extends { start: number; end: number }>(
  doc: Document,
  index: TextIndex,
  items: readonly T[],
  x: number,
  y: number,
): T[] {
  const caret = caretAt(doc, x, y);
  if (!caret) return [];
  const offset = pointToOffset(index, caret.node, caret.offset, 'start');
  if (offset === null) return [];
  const hits: T[] = [];
  for (const item of items) {
    // The caret sits before or after the character under the pointer.
    if (item.start > offset || item.end < offset) continue;
    const range = offsetsToRange(index, item.start, item.end);
    if (range && rectsContain(range.getClientRects(), x, y)) hits.push(item);
  }
  return hits;
}
