/**
 * Fallback when the CSS Custom Highlight API is missing: wrap the text in
 * <factmark-mark> elements. Page CSS is unlikely to target that name, the
 * element is inline and styled with backgrounds and underlines only, so text
 * (innerText) and layout stay as they were.
 *
 * Wrapping moves text nodes, which collapses live ranges and stales any text
 * index, so every draw unwraps everything, asks for a fresh index and wraps all
 * layers again in one pass; callers rebuild their index afterwards.
 */
import type { HighlightItem, Layer, Renderer } from './renderer';
import { injectStyle } from './style-element';
import { type StyleKey, buildStyleSheet, stylePriority } from './styles';
import { type TextIndex, offsetsToRange } from '../anchor/text-index';

export const MARK_TAG = 'factmark-mark';
const STYLE_ATTRIBUTE = 'data-fm-style';

/** A piece of one text node to wrap, and the highest-priority style covering it. */
interface Piece {
  node: Text;
  start: number;
  end: number;
  style: StyleKey;
}

function piecesOf(range: Range, style: StyleKey): Piece[] {
  const pieces: Piece[] = [];
  const doc = range.startContainer.ownerDocument!;
  const root = range.commonAncestorContainer;
  const push = (node: Text, start: number, end: number) => {
    if (end > start && node.data.slice(start, end).trim()) pieces.push({ node, start, end, style });
  };
  if (root.nodeType === 3) {
    push(root as Text, range.startOffset, range.endOffset);
    return pieces;
  }
  const walker = doc.createTreeWalker(root, 4 /* SHOW_TEXT */);
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    if (!range.intersectsNode(node)) continue;
    const start = node === range.startContainer ? range.startOffset : 0;
    const end = node === range.endContainer ? range.endOffset : node.length;
    push(node, start, end);
  }
  return pieces;
}

/** Removes every mark under `root`, merging the text back. */
export function unwrapMarks(root: ParentNode): void {
  const parents = new Set<Node>();
  for (const mark of [...root.querySelectorAll(MARK_TAG)]) {
    const parent = mark.parentNode;
    if (!parent) continue;
    while (mark.firstChild) parent.insertBefore(mark.firstChild, mark);
    mark.remove();
    parents.add(parent);
  }
  for (const parent of parents) parent.normalize();
}

export function createMarkRenderer(doc: Document, token: string, getIndex: () => TextIndex, onDomChanged: () => void): Renderer {
  const style = injectStyle(doc, token);
  const layers = new Map<Layer, readonly HighlightItem[]>();
  let styledKeys = '';

  const draw = () => {
    unwrapMarks(doc.body ?? doc.documentElement);
    const index = getIndex();
    // Split every node at all boundaries first (from the end, so earlier offsets
    // stay valid), then wrap each piece with the strongest style covering it.
    const perNode = new Map<Text, Piece[]>();
    const keys = new Set<StyleKey>();
    for (const items of layers.values()) {
      for (const item of items) {
        const range = offsetsToRange(index, item.start, item.end);
        if (!range) continue;
        keys.add(item.style);
        for (const piece of piecesOf(range, item.style)) {
          const list = perNode.get(piece.node);
          if (list) list.push(piece);
          else perNode.set(piece.node, [piece]);
        }
      }
    }
    for (const [node, pieces] of perNode) wrapNode(doc, node, pieces);
    const keyList = [...keys].sort().join(' ');
    if (keyList !== styledKeys) {
      styledKeys = keyList;
      style.update(
        `${MARK_TAG} { display: inline; }\n` + buildStyleSheet(keys, (key) => `${MARK_TAG}[${STYLE_ATTRIBUTE}="${key}"]`),
      );
    }
    onDomChanged();
  };

  return {
    mode: 'element',
    setLayer(layer, items) {
      layers.set(layer, items);
      draw();
    },
    repair() {
      return style.ensure();
    },
    destroy() {
      layers.clear();
      unwrapMarks(doc.body ?? doc.documentElement);
      style.remove();
      onDomChanged();
    },
  };
}

function wrapNode(doc: Document, node: Text, pieces: Piece[]): void {
  const cuts = new Set<number>([0, node.length]);
  for (const piece of pieces) {
    cuts.add(piece.start);
    cuts.add(piece.end);
  }
  const bounds = [...cuts].sort((a, b) => a - b);
  // Split from the end so each split leaves `node` holding the earlier text.
  const segments: Array<{ text: Text; start: number; end: number }> = [];
  for (let i = bounds.length - 2; i >= 0; i--) {
    const start = bounds[i];
    const end = bounds[i + 1];
    const text = start > 0 ? node.splitText(start) : node;
    segments.push({ text, start, end });
  }
  for (const segment of segments) {
    let best: Piece | undefined;
    for (const piece of pieces) {
      if (piece.start <= segment.start && piece.end >= segment.end) {
        if (!best || stylePriority(piece.style) > stylePriority(best.style)) best = piece;
      }
    }
    if (!best) continue;
    const mark = doc.createElement(MARK_TAG);
    mark.setAttribute(STYLE_ATTRIBUTE, best.style);
    segment.text.parentNode!.insertBefore(mark, segment.text);
    mark.appendChild(segment.text);
  }
}
