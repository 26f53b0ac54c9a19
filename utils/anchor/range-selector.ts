/**
 * RangeSelector: element XPaths relative to the article root plus character
 * offsets into each element's text. Cheap to resolve when the page structure is
 * unchanged; always verified against the quote before it is trusted.
 */
import type { RangeSelector } from '../annotation';
import { rangeBetween } from './text-index';

/** "/div[1]/p[3]" from root to `element`; "" for the root itself; null if outside the root. */
export function xpathFromElement(root: Element, element: Element): string | null {
  const steps: string[] = [];
  for (let node: Element | null = element; node !== root; node = node.parentElement) {
    if (!node) return null;
    const name = node.localName;
    let position = 1;
    for (let sibling = node.previousElementSibling; sibling; sibling = sibling.previousElementSibling) {
      if (sibling.localName === name) position += 1;
    }
    steps.push(`${name}[${position}]`);
  }
  return steps.length ? `/${steps.reverse().join('/')}` : '';
}

const STEP = /^([A-Za-z][\w.-]*(?::[\w.-]+)?)\[(\d+)\]$/;

/** Resolves a path written by xpathFromElement; no XPath engine, so nothing on the page can be evaluated. */
export function elementFromXPath(root: Element, path: string): Element | null {
  if (path === '' || path === '/') return root;
  if (!path.startsWith('/')) return null;
  let current: Element = root;
  for (const step of path.slice(1).split('/')) {
    const match = STEP.exec(step);
    if (!match) return null;
    const name = match[1].toLowerCase();
    let remaining = Number(match[2]);
    let next: Element | null = null;
    for (let child = current.firstElementChild; child; child = child.nextElementSibling) {
      if (child.localName.toLowerCase() === name && --remaining === 0) {
        next = child;
        break;
      }
    }
    if (!next) return null;
    current = next;
  }
  return current;
}

/** Characters of `element`'s text before the boundary point (container, offset). */
function textOffsetWithin(element: Element, container: Node, offset: number): number {
  const doc = element.ownerDocument;
  const before = doc.createRange();
  before.selectNodeContents(element);
  before.setEnd(container, offset);
  return before.toString().length;
}

function boundaryElement(container: Node, root: Element): Element | null {
  const element = container.nodeType === 1 ? (container as Element) : container.parentElement;
  return element && (element === root || root.contains(element)) ? element : null;
}

export function describeRangeSelector(root: Element, range: AbstractRange): RangeSelector | null {
  const startElement = boundaryElement(range.startContainer, root);
  const endElement = boundaryElement(range.endContainer, root);
  if (!startElement || !endElement) return null;
  const startContainer = xpathFromElement(root, startElement);
  const endContainer = xpathFromElement(root, endElement);
  if (startContainer === null || endContainer === null) return null;
  return {
    type: 'RangeSelector',
    startContainer,
    startOffset: textOffsetWithin(startElement, range.startContainer, range.startOffset),
    endContainer,
    endOffset: textOffsetWithin(endElement, range.endContainer, range.endOffset),
  };
}

/** The (Text, offset) point `offset` characters into `element`'s text. */
function pointAtTextOffset(element: Element, offset: number): { node: Text; offset: number } | null {
  const walker = element.ownerDocument.createTreeWalker(element, 4 /* SHOW_TEXT */);
  let remaining = offset;
  let last: Text | null = null;
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    if (remaining <= node.length) return { node, offset: remaining };
    remaining -= node.length;
    last = node;
  }
  return remaining === 0 && last ? { node: last, offset: last.length } : null;
}

export function resolveRangeSelector(root: Element, selector: RangeSelector): Range | null {
  const startElement = elementFromXPath(root, selector.startContainer);
  const endElement = elementFromXPath(root, selector.endContainer);
  if (!startElement || !endElement) return null;
  const start = pointAtTextOffset(startElement, selector.startOffset);
  const end = pointAtTextOffset(endElement, selector.endOffset);
  return start && end ? rangeBetween(start, end) : null;
}
