/** A full, ordered dump of every table: equal dumps mean nothing was written. */
import type { FactmarkDB } from '../../../utils/db/schema';

export async function dumpDatabase(db: FactmarkDB): Promise<Record<string, unknown[]>> {
  const dump: Record<string, unknown[]> = {};
  for (const table of db.tables) dump[table.name] = await table.toArray();
  return dump;
}
