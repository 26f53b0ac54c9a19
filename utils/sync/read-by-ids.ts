/**
 * Reads rows by primary key, aligned with `ids`. A large batch is read as one
 * key range (one getAll) and filtered: much cheaper than hundreds of single
 * gets, and push batches are contiguous ranges of sorted ids.
 */
import type { Table } from 'dexie';

const RANGE_READ_MIN = 64;

export async function readByIds<T>(table: Table<T, string, any>, ids: string[], dense = true): Promise<(T | undefined)[]> {
  if (!dense || ids.length < RANGE_READ_MIN) return table.bulkGet(ids);
  let min = ids[0];
  let max = ids[0];
  for (const id of ids) {
    if (id < min) min = id;
    if (id > max) max = id;
  }
  const primaryKey = table.schema.primKey.keyPath as string;
  const rows = await table.where(':id').between(min, max, true, true).toArray();
  const byId = new Map(rows.map((row) => [(row as Record<string, unknown>)[primaryKey] as string, row]));
  // A sparse range (few wanted among many stored) would read too much: fall back.
  if (rows.length > ids.length * 4) return table.bulkGet(ids);
  return ids.map((id) => byId.get(id));
}
