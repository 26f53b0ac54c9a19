/**
 * Watches the page for content added or replaced after load (infinite scroll,
 * live updates, client-side rendering) and ignores the mutations we cause
 * ourselves: records touching only our own elements are skipped, and the
 * records of our own synchronous DOM work (the <factmark-mark> fallback) are
 * dropped with `discardPending()` right after it.
 */
import { MARK_TAG } from '../highlight/mark-renderer';

const OWN_TAGS = new Set([MARK_TAG.toUpperCase(), 'FACTMARK-UI']);

export function isOwnNode(node: Node): boolean {
  if (node.nodeType !== 1) return false;
  const element = node as Element;
  return OWN_TAGS.has(element.tagName.toUpperCase()) || (element.tagName === 'STYLE' && element.hasAttribute('data-factmark'));
}

function insideOwn(node: Node | null): boolean {
  for (let n: Node | null = node; n; n = n.parentNode) if (isOwnNode(n)) return true;
  return false;
}

/** True when a batch of mutation records includes a change we did not make. */
export function hasForeignChange(records: readonly MutationRecord[]): boolean {
  for (const record of records) {
    if (insideOwn(record.target)) continue;
    if (record.type === 'childList') {
      const nodes = [...record.addedNodes, ...record.removedNodes];
      if (nodes.length && nodes.every(isOwnNode)) continue;
      // Whitespace-only text churn changes nothing we read.
      if (nodes.length && nodes.every((n) => n.nodeType === 3 && !(n as Text).data.trim())) continue;
    }
    return true;
  }
  return false;
}

export interface DomWatch {
  /** Drops queued records (call right after our own synchronous DOM changes). */
  discardPending(): void;
  stop(): void;
}

/**
 * Whether a change can matter to the article: inside its root, or new content
 * with a real amount of text (the next story of an infinite scroll). Tickers,
 * rotating ads and widgets elsewhere are ignored, so they cost nothing.
 */
export function touchesArticle(record: MutationRecord, articleRoot: Node | null, minAddedText = 80): boolean {
  if (!articleRoot || !articleRoot.isConnected) return true;
  if (articleRoot.contains(record.target)) return true;
  for (const node of record.removedNodes) if (node === articleRoot || node.contains(articleRoot)) return true;
  let added = 0;
  for (const node of record.addedNodes) {
    if (isOwnNode(node)) continue;
    added += (node.textContent ?? '').trim().length;
    if (added >= minAddedText) return true;
  }
  return false;
}

export function watchDom(root: Node, onForeignChange: () => void, relevant: (record: MutationRecord) => boolean = () => true): DomWatch {
  const observer = new MutationObserver((records) => {
    if (hasForeignChange(records) && records.some(relevant)) onForeignChange();
  });
  observer.observe(root, { childList: true, subtree: true, characterData: true });
  return {
    discardPending: () => void observer.takeRecords(),
    stop: () => observer.disconnect(),
  };
}
