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

export function watchDom(root: Node, onForeignChange: () => void): DomWatch {
  const observer = new MutationObserver((records) => {
    if (hasForeignChange(records)) onForeignChange();
  });
  observer.observe(root, { childList: true, subtree: true, characterData: true });
  return {
    discardPending: () => void observer.takeRecords(),
    stop: () => observer.disconnect(),
  };
}
