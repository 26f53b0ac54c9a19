import { liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';

/**
 * A Dexie liveQuery as Preact state: `undefined` until the first result, then
 * re-run whenever a table it read changes — in this view or, through Dexie's
 * BroadcastChannel, in the background worker.
 */
export function useLiveQuery<T>(query: () => Promise<T>, deps: unknown[]): T | undefined {
  const [value, setValue] = useState<T>();
  useEffect(() => {
    const subscription = liveQuery(query).subscribe({ next: setValue, error: (e) => console.error('Factmark liveQuery', e) });
    return () => subscription.unsubscribe();
  }, deps);
  return value;
}
