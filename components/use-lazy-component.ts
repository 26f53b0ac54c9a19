import type { FunctionComponent } from 'preact';
import { useEffect, useState } from 'preact/hooks';

/**
 * Loads a component's module once `enabled` (by default at once, after the
 * first paint), so secondary panels (sync status, export/import, embedded
 * reviews) neither delay nor compete with the popup's first render.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function useLazyComponent<P = any>(load: () => Promise<FunctionComponent<P>>, enabled = true): FunctionComponent<P> | null {
  const [component, setComponent] = useState<FunctionComponent<P> | null>(null);
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    load()
      .then((loaded) => live && setComponent(() => loaded))
      .catch((error) => console.error('Factmark: a panel failed to load', error));
    return () => {
      live = false;
    };
  }, [enabled]);
  return component;
}
