/**
 * Offsets in the NFC article text ↔ points in the live DOM.
 *
 * Built once per extraction from `ArticleText` and shared by every annotation
 * re-anchored against it. Lookups are binary searches over the spans, so a
 * batch of ranges costs O(n log spans), never a fresh tree walk per range.
 */
import type { ArticleText, TextNodeSpan } from '../detect/article';

export interface TextIndex {
  root: Element;
  /** NFC article text; the coordinate space of TextPositionSelector. */
  text: string;
  spans: readonly TextNodeSpan[];
  /** Indexes of the spans of a node (a node split by collapsed whitespace has several), built on first use. */
  spansOf(node: Node): readonly number[];
}

export interface DomPoint {
  node: Text;
  offset: number;
}

/** The span fields added by the extractor that collapses whitespace; absent in the first version. */
type MappedSpan = TextNodeSpan & { nodeStart?: number; offsets?: number[] };

const NONE: readonly number[] = [];

export function createTextIndex(article: ArticleText): TextIndex {
  let byNode: Map<Node, number[]> | undefined;
  return {
    root: article.root,
    text: article.text,
    spans: article.spans,
    spansOf(node) {
      if (!byNode) {
        byNode = new Map();
        article.spans.forEach((span, i) => {
          const list = byNode!.get(span.node);
          if (list) list.push(i);
          else byNode!.set(span.node, [i]);
        });
      }
      return byNode.get(node) ?? NONE;
    },
  };
}

/** Node offset of the character at `relative` (0..end-start) inside a span. */
function nodeOffsetAt(span: MappedSpan, relative: number): number {
  if (span.offsets) return span.offsets[Math.max(0, Math.min(relative, span.offsets.length - 1))];
  if (span.nodeStart !== undefined) return span.nodeStart + relative;
  return legacyNfcToRaw(span, relative);
}

/** First and one-past-last node offsets a span covers. */
function nodeExtent(span: MappedSpan): [number, number] {
  return [nodeOffsetAt(span, 0), nodeOffsetAt(span, span.end - span.start)];
}

/** Text offset (relative to the span) of a node offset inside the span's extent. */
function relativeAt(span: MappedSpan, nodeOffset: number): number {
  const length = span.end - span.start;
  if (span.offsets) {
    // Largest relative offset whose node offset is <= nodeOffset (offsets are non-decreasing).
    let low = 0;
    let high = length;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (span.offsets[mid] <= nodeOffset) low = mid;
      else high = mid - 1;
    }
    return low;
  }
  if (span.nodeStart !== undefined) return Math.max(0, Math.min(length, nodeOffset - span.nodeStart));
  return legacyRawToNfc(span, nodeOffset);
}

/** First extractor version: one span per node, NFC of the whole data. */
function legacyNfcToRaw(span: TextNodeSpan, nfcOffset: number): number {
  const data = span.node.data;
  if (data.length === span.end - span.start) return Math.min(nfcOffset, data.length);
  // Largest raw prefix whose NFC form is no longer than the NFC offset: keeps a
  // composed syllable (e.g. decomposed Hangul jamo) whole on either boundary.
  let low = 0;
  let high = data.length;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (data.slice(0, mid).normalize('NFC').length <= nfcOffset) low = mid;
    else high = mid - 1;
  }
  return low;
}

function legacyRawToNfc(span: TextNodeSpan, rawOffset: number): number {
  const data = span.node.data;
  const clamped = Math.max(0, Math.min(rawOffset, data.length));
  if (data.length === span.end - span.start) return clamped;
  return Math.min(data.slice(0, clamped).normalize('NFC').length, span.end - span.start);
}

/** Index of the last span starting at or before `offset` (spans are sorted and disjoint). */
function spanAtOrBefore(spans: readonly TextNodeSpan[], offset: number): number {
  let low = 0;
  let high = spans.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (spans[mid].start <= offset) {
      found = mid;
      low = mid + 1;
    } else high = mid - 1;
  }
  return found;
}

/**
 * The DOM point for a text offset. `bias: 'start'` prefers the beginning of the
 * following node at a node boundary (and skips gaps forward); `'end'` prefers the
 * end of the preceding node, so a range never begins or ends in an empty slice.
 */
export function offsetToPoint(index: TextIndex, offset: number, bias: 'start' | 'end'): DomPoint | null {
  const { spans } = index;
  if (!spans.length) return null;
  let i = spanAtOrBefore(spans, offset);
  if (bias === 'start') {
    if (i === -1) return { node: spans[0].node, offset: nodeOffsetAt(spans[0], 0) };
    if (offset >= spans[i].end) {
      i += 1; // in a gap or at the very end of a node: move to the next node's start
      if (i >= spans.length) return null;
      return { node: spans[i].node, offset: nodeOffsetAt(spans[i], 0) };
    }
    return { node: spans[i].node, offset: nodeOffsetAt(spans[i], offset - spans[i].start) };
  }
  if (i === -1) return null;
  // End bias: an offset equal to a span start belongs to the previous node's end.
  while (i > 0 && offset <= spans[i].start) i -= 1;
  const span = spans[i];
  if (offset <= span.start) return null;
  return { node: span.node, offset: nodeOffsetAt(span, Math.min(offset, span.end) - span.start) };
}

/**
 * The text offset for a DOM boundary point. Points inside mapped text nodes map
 * directly; points on elements or in unmapped nodes snap to the nearest mapped
 * text in the direction given by `bias`.
 */
export function pointToOffset(index: TextIndex, container: Node, offset: number, bias: 'start' | 'end'): number | null {
  const { spans } = index;
  if (!spans.length) return null;
  const own = index.spansOf(container);
  if (own.length) {
    // A node split by collapsed whitespace: find its span, or snap across the gap.
    for (let k = 0; k < own.length; k++) {
      const span = spans[own[k]];
      const [from, to] = nodeExtent(span);
      if (offset < from) return bias === 'start' ? span.start : k > 0 ? spans[own[k - 1]].end : previousEnd(spans, own[k]);
      if (offset <= to) return span.start + relativeAt(span, offset);
    }
    const last = spans[own[own.length - 1]];
    return bias === 'end' ? last.end : nextStart(spans, own[own.length - 1]);
  }
  const doc = container.ownerDocument ?? (container as Document);
  const probe = doc.createRange();
  try {
    probe.setStart(container, offset);
  } catch {
    return null;
  }
  if (bias === 'start') {
    // First span whose node starts at or after the point.
    let low = 0;
    let high = spans.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (probe.comparePoint(spans[mid].node, 0) >= 0) high = mid;
      else low = mid + 1;
    }
    return low < spans.length ? spans[low].start : null;
  }
  // Last span whose node ends at or before the point.
  let low = -1;
  let high = spans.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (probe.comparePoint(spans[mid].node, spans[mid].node.length) <= 0) low = mid;
    else high = mid - 1;
  }
  return low >= 0 ? spans[low].end : null;
}

function previousEnd(spans: readonly TextNodeSpan[], i: number): number | null {
  return i > 0 ? spans[i - 1].end : null;
}

function nextStart(spans: readonly TextNodeSpan[], i: number): number | null {
  return i + 1 < spans.length ? spans[i + 1].start : null;
}

/** A live Range over [start, end) of the article text, or null when it covers no text. */
export function offsetsToRange(index: TextIndex, start: number, end: number): Range | null {
  if (!(end > start)) return null;
  const from = offsetToPoint(index, start, 'start');
  const to = offsetToPoint(index, end, 'end');
  return from && to ? rangeBetween(from, to) : null;
}

/** A live Range from one text point to another; null when the DOM refuses it or it would be empty. */
export function rangeBetween(from: DomPoint, to: DomPoint): Range | null {
  const range = from.node.ownerDocument.createRange();
  try {
    range.setStart(from.node, from.offset);
    range.setEnd(to.node, to.offset);
  } catch {
    return null;
  }
  return range.collapsed ? null : range;
}

/** Text offsets covered by a DOM range, clipped to the article; null if it covers none of it. */
export function rangeToOffsets(index: TextIndex, range: AbstractRange): { start: number; end: number } | null {
  const start = pointToOffset(index, range.startContainer, range.startOffset, 'start');
  const end = pointToOffset(index, range.endContainer, range.endOffset, 'end');
  if (start === null || end === null || end <= start) return null;
  return { start, end };
}
