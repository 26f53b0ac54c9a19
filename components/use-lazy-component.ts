import type { FunctionComponent } from 'preact';
import { useEffect, useState } from 'preact/hooks';

/**
 * Loads a component's module after the first paint, so secondary panels
 * (export/import, embedded reviews) do not delay the popup's first render.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function useLazyComponent<P = any>(load: () => Promise<FunctionComponent<P>>): FunctionComponent<P> | null {
  const [component, setComponent] = useState<FunctionComponent<P> | null>(null);
  useEffect(() => {
    let live = true;
    load()
      .then((loaded) => live && setComponent(() => loaded))
      .catch((error) => console.error('Factmark: a panel failed to load', error));
    return () => {
      live = false;
    };
  }, []);
  return component;
}
