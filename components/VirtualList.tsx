import type { JSX, VNode } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { nextIndex } from './roving';

export interface RowState {
  index: number;
  active: boolean;
  /** 0 for the active row's controls, -1 for the others: one row at a time in the Tab order. */
  tabIndex: 0 | -1;
}

export interface VirtualListProps<T> {
  items: readonly T[];
  rowHeight: number;
  height: number;
  label: string;
  getKey: (item: T) => string;
  renderRow: (item: T, state: RowState) => VNode;
  onActivate?: (item: T) => void;
  /** Changing it (a new search) scrolls back to the top. */
  resetKey?: unknown;
  overscan?: number;
  testId?: string;
}

/**
 * Windowed list with fixed row height: only the rows in view (plus overscan,
 * plus the focused row so focus is never lost) are in the DOM, so 10,000
 * notes cost what 12 do. Keyboard: arrows, Page Up/Down, Home/End, Enter.
 */
export function VirtualList<T>({
  items,
  rowHeight,
  height,
  label,
  getKey,
  renderRow,
  onActivate,
  resetKey,
  overscan = 4,
  testId,
}: VirtualListProps<T>) {
  const scroller = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [active, setActive] = useState(0);
  const focusPending = useRef(false);
  const frame = useRef(0);

  useEffect(() => {
    setActive(0);
    setScrollTop(0);
    if (scroller.current) scroller.current.scrollTop = 0;
  }, [resetKey]);

  const activeIndex = Math.min(active, Math.max(0, items.length - 1));
  const visibleCount = Math.ceil(height / rowHeight);
  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - overscan);
  const last = Math.min(items.length - 1, Math.floor(scrollTop / rowHeight) + visibleCount + overscan);
  const indexes: number[] = [];
  if (activeIndex < first && items.length) indexes.push(activeIndex);
  for (let i = first; i <= last; i++) indexes.push(i);
  if (activeIndex > last && items.length) indexes.push(activeIndex);

  useLayoutEffect(() => {
    if (!focusPending.current) return;
    focusPending.current = false;
    scroller.current?.querySelector<HTMLElement>(`[data-index="${activeIndex}"]`)?.focus({ preventScroll: true });
  });

  useEffect(() => () => cancelAnimationFrame(frame.current), []);

  const onScroll = () => {
    cancelAnimationFrame(frame.current);
    frame.current = requestAnimationFrame(() => setScrollTop(scroller.current?.scrollTop ?? 0));
  };

  const moveTo = (index: number) => {
    const el = scroller.current;
    if (el) {
      const top = index * rowHeight;
      if (top < el.scrollTop) el.scrollTop = top;
      else if (top + rowHeight > el.scrollTop + height) el.scrollTop = top + rowHeight - height;
      setScrollTop(el.scrollTop);
    }
    focusPending.current = true;
    setActive(index);
  };

  const onKeyDown = (event: JSX.TargetedKeyboardEvent<HTMLDivElement>) => {
    const row = (event.target as HTMLElement).closest<HTMLElement>('[data-index]');
    const onRow = row !== null && row === event.target;
    if (event.key === 'Enter' && onRow && onActivate) {
      event.preventDefault();
      onActivate(items[activeIndex]!);
      return;
    }
    if (!onRow) return;
    const to = nextIndex(event.key, activeIndex, items.length, Math.max(1, visibleCount - 1));
    if (to === null) return;
    event.preventDefault();
    moveTo(to);
  };

  return (
    <div
      ref={scroller}
      class="virtual-list"
      role="list"
      aria-label={label}
      data-testid={testId}
      style={{ height: `${height}px` }}
      onScroll={onScroll}
      onKeyDown={onKeyDown}
    >
      <div class="virtual-spacer" style={{ height: `${items.length * rowHeight}px` }}>
        {indexes.map((index) => {
          const item = items[index]!;
          const isActive = index === activeIndex;
          return (
            <div
              key={getKey(item)}
              role="listitem"
              class={`virtual-row${isActive ? ' active' : ''}`}
              data-index={index}
              aria-setsize={items.length}
              aria-posinset={index + 1}
              tabIndex={isActive ? 0 : -1}
              style={{ transform: `translateY(${index * rowHeight}px)`, height: `${rowHeight}px` }}
              onFocus={() => index !== activeIndex && setActive(index)}
              onClick={(event) => {
                setActive(index);
                if (onActivate && !(event.target as HTMLElement).closest('button, a, input, select')) onActivate(item);
              }}
            >
              {renderRow(item, { index, active: isActive, tabIndex: isActive ? 0 : -1 })}
            </div>
          );
        })}
      </div>
    </div>
  );
}
