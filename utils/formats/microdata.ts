/**
 * Reads schema.org items written as HTML microdata (`itemscope`, `itemtype`,
 * `itemprop`, `itemref`) into plain JSON-LD-shaped objects, so that one reader
 * serves both ways a fact-checker can publish a ClaimReview. Follows the
 * WHATWG microdata algorithm for property values (meta → content, a/link →
 * href, time → datetime, data/meter → value, nested itemscope → an object,
 * otherwise the text). The page is untrusted: items, properties, nesting and
 * text are bounded, and cycles through `itemref` are cut.
 */
const MAX_ITEMS = 200;
const MAX_PROPERTIES = 200;
const MAX_DEPTH = 8;
const MAX_VALUE_CHARS = 20_000;

export type MicrodataItem = { '@type'?: string[] } & Record<string, unknown>;

const URL_ATTRIBUTE: Record<string, string> = {
  a: 'href', area: 'href', link: 'href',
  audio: 'src', embed: 'src', iframe: 'src', img: 'src', source: 'src', track: 'src', video: 'src',
  object: 'data',
};

function absoluteUrl(raw: string, base: string): string {
  try {
    return new URL(raw.trim(), base).toString();
  } catch {
    return raw.trim();
  }
}

function propertyValue(element: Element, depth: number, visiting: Set<Element>): unknown {
  if (element.hasAttribute('itemscope')) return depth < MAX_DEPTH ? readItem(element, depth + 1, visiting) : undefined;
  const tag = element.localName;
  if (tag === 'meta') return element.getAttribute('content') ?? '';
  const urlAttribute = URL_ATTRIBUTE[tag];
  if (urlAttribute) {
    const raw = element.getAttribute(urlAttribute);
    return raw === null ? '' : absoluteUrl(raw, element.ownerDocument.baseURI);
  }
  if (tag === 'data' || tag === 'meter') return element.getAttribute('value') ?? '';
  if (tag === 'time' && element.hasAttribute('datetime')) return element.getAttribute('datetime') ?? '';
  return (element.textContent ?? '').slice(0, MAX_VALUE_CHARS).replace(/\s+/g, ' ').trim();
}

/**
 * The elements whose `itemprop`s belong to `root`: its descendants and the
 * `itemref`ed elements, not descending into nested items (their properties are theirs).
 */
function propertyElements(root: Element): Element[] {
  const found: Element[] = [];
  const pending: Element[] = [...root.children];
  const doc = root.ownerDocument;
  for (const id of (root.getAttribute('itemref') ?? '').split(/\s+/).filter(Boolean)) {
    const referenced = doc.getElementById(id);
    if (referenced && referenced !== root && !referenced.contains(root)) pending.push(referenced);
  }
  const seen = new Set<Element>();
  while (pending.length && found.length < MAX_PROPERTIES) {
    const element = pending.shift()!;
    if (seen.has(element)) continue;
    seen.add(element);
    if (element.hasAttribute('itemprop')) found.push(element);
    if (!element.hasAttribute('itemscope')) pending.unshift(...element.children);
  }
  return found;
}

function readItem(root: Element, depth: number, visiting: Set<Element>): MicrodataItem | undefined {
  if (visiting.has(root)) return undefined;
  visiting.add(root);
  const item: MicrodataItem = {};
  const types = (root.getAttribute('itemtype') ?? '').split(/\s+/).filter(Boolean);
  if (types.length) item['@type'] = types;
  for (const element of propertyElements(root)) {
    const value = propertyValue(element, depth, visiting);
    if (value === undefined) continue;
    for (const name of (element.getAttribute('itemprop') ?? '').split(/\s+/).filter(Boolean)) {
      // Own-property names only: a page cannot reach the prototype through itemprop="__proto__".
      if (name === '__proto__' || name === 'constructor' || name === 'prototype' || name === '@type') continue;
      const previous = Object.hasOwn(item, name) ? item[name] : undefined;
      item[name] = previous === undefined ? value : Array.isArray(previous) ? [...previous, value] : [previous, value];
    }
  }
  visiting.delete(root);
  return item;
}

/** Every microdata item of `doc` one of whose types ends in `/${type}` (nested items included), as objects. */
export function readMicrodataItems(doc: Document, type: string): MicrodataItem[] {
  const items: MicrodataItem[] = [];
  const suffix = `/${type.toLowerCase()}`;
  for (const element of doc.querySelectorAll('[itemscope][itemtype]')) {
    if (items.length >= MAX_ITEMS) break;
    const types = (element.getAttribute('itemtype') ?? '').toLowerCase().split(/\s+/);
    if (!types.some((t) => t.endsWith(suffix))) continue;
    const item = readItem(element, 0, new Set());
    if (item) items.push(item);
  }
  return items;
}
