/**
 * Reads rows by primary key, aligned with `ids`, choosing the cheapest way
 * IndexedDB offers: one key-range read (getAll) when the wanted rows are most
 * of that range, single gets otherwise, and no read at all for keys known to
 * be absent. In Chromium each single get is a round trip to the browser
 * process, so a batch of a thousand gets costs several times one range read.
 */
import type { Table } from 'dexie';

/** The table's primary keys in key order, when the caller has them (one key-only scan per push). */
export type SortedKeys = readonly string[];

const RANGE_READ_MIN = 64;

function lowerBound(keys: SortedKeys, key: string): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (keys[mid] < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export async function readByIds<T>(table: Table<T, string, any>, ids: string[], keys?: SortedKeys): Promise<(T | undefined)[]> {
  let wanted = ids;
  if (keys) {
    wanted = ids.filter((id) => keys[lowerBound(keys, id)] === id);
    if (!wanted.length) return ids.map(() => undefined);
  }
  if (wanted.length < RANGE_READ_MIN) return alignTo(ids, wanted, await table.bulkGet(wanted), table);
  let min = wanted[0];
  let max = wanted[0];
  for (const id of wanted) {
    if (id < min) min = id;
    if (id > max) max = id;
  }
  // Without the key list, assume a dense range (sorted batches) and check afterwards.
  const inRange = keys ? lowerBound(keys, max) - lowerBound(keys, min) + 1 : wanted.length;
  if (inRange > wanted.length * 2) return alignTo(ids, wanted, await table.bulkGet(wanted), table);
  const rows = await table.where(':id').between(min, max, true, true).toArray();
  if (!keys && rows.length > wanted.length * 4) return alignTo(ids, wanted, await table.bulkGet(wanted), table);
  const primaryKey = table.schema.primKey.keyPath as string;
  const byId = new Map(rows.map((row) => [(row as Record<string, unknown>)[primaryKey] as string, row]));
  return ids.map((id) => byId.get(id));
}

function alignTo<T>(ids: string[], wanted: string[], rows: (T | undefined)[], table: Table<T, string, any>): (T | undefined)[] {
  if (wanted === ids) return rows;
  const primaryKey = table.schema.primKey.keyPath as string;
  const byId = new Map(rows.filter(Boolean).map((row) => [(row as Record<string, unknown>)[primaryKey] as string, row]));
  return ids.map((id) => byId.get(id));
}
