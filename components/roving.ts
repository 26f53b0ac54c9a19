/**
 * Arrow-key movement between the items of a list (roving tabindex): one item
 * is in the Tab order, arrows/Home/End move it. Pure over an index so the plain
 * and the virtualised lists share it.
 */
export function nextIndex(key: string, current: number, count: number, pageSize = 10): number | null {
  if (count === 0) return null;
  switch (key) {
    case 'ArrowDown':
      return Math.min(count - 1, current + 1);
    case 'ArrowUp':
      return Math.max(0, current - 1);
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    case 'PageDown':
      return Math.min(count - 1, current + pageSize);
    case 'PageUp':
      return Math.max(0, current - pageSize);
    default:
      return null;
  }
}
