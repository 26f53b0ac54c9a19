import type { ComponentChildren, JSX } from 'preact';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { nextIndex } from './roving';

const ITEM = ':scope > [data-roving-item]';

/**
 * A short list (this page's claims, checks, notes) with roving tabindex:
 * Tab enters at the last-used item, arrows move between items, Tab again goes
 * into the item's buttons. Children must carry `data-roving-item`.
 */
export function RovingList({ label, children, class: className }: { label: string; children: ComponentChildren; class?: string }) {
  const ref = useRef<HTMLUListElement>(null);
  const [active, setActive] = useState(0);

  useLayoutEffect(() => {
    const items = ref.current ? [...ref.current.querySelectorAll<HTMLElement>(ITEM)] : [];
    const index = Math.min(active, items.length - 1);
    items.forEach((item, i) => (item.tabIndex = i === index ? 0 : -1));
  });

  const onKeyDown = (event: JSX.TargetedKeyboardEvent<HTMLUListElement>) => {
    const items = [...event.currentTarget.querySelectorAll<HTMLElement>(ITEM)];
    const from = items.findIndex((item) => item === event.target);
    if (from === -1) return; // keys inside an item's buttons stay with them
    const to = nextIndex(event.key, from, items.length);
    if (to === null) return;
    event.preventDefault();
    setActive(to);
    items[to]?.focus();
  };

  const onFocusIn = (event: FocusEvent) => {
    const items = ref.current ? [...ref.current.querySelectorAll<HTMLElement>(ITEM)] : [];
    const index = items.findIndex((item) => item.contains(event.target as Node));
    if (index !== -1 && index !== active) setActive(index);
  };

  return (
    <ul ref={ref} class={className ?? 'items'} aria-label={label} onKeyDown={onKeyDown} onFocusIn={onFocusIn}>
      {children}
    </ul>
  );
}
