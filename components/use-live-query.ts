import { liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';

/**
 * A Dexie liveQuery as Preact state: `undefined` until the first result, then
 * re-run whenever a table it read changes — in this view or, through Dexie's
 * BroadcastChannel, in the background worker. `initial`, when given, is shown
 * until then (data read before the first render).
 */
export function useLiveQuery<T>(query: () => Promise<T>, deps: unknown[], initial?: T): T | undefined {
  const [value, setValue] = useState<T | undefined>(initial);
  useEffect(() => {
    const subscription = liveQuery(query).subscribe({ next: setValue, error: (e) => console.error('Factmark liveQuery', e) });
    return () => subscription.unsubscribe();
  }, deps);
  return value;
}
