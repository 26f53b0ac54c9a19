/**
 * Conflict resolution chosen by the user: one version kept, or the versions
 * merged (merge-versions.ts). The kept or merged content becomes a new
 * revision on the winning branch, and every other leaf gets a tombstone child,
 * so the server (and every replica after it syncs) has one live leaf again.
 * Both are sealed outbox rows: pushed on the next sync, lost by nothing.
 */
import type { Annotation } from '../annotation';
import type { FactmarkDB, OutboxRecord, RevisionRecord } from '../db/schema';
import { NotFoundError, systemClock, type Clock } from '../db/repository';
import { toCouchBody } from './couch-doc';
import { mergeVersions, type MergedFields } from './merge-versions';
import { currentRev, deletedLeafBody, winnerPath } from './outbox';
import { canonicalJson, extendPath, formatRev, parseRev, revisionHash, stemPath } from './revision';

export class ConflictChangedError extends Error {
  constructor() {
    super('The note changed while resolving its conflict; try again.');
    this.name = 'ConflictChangedError';
  }
}

/** Documents with unresolved conflicts, for the popup/options list. */
export async function conflictedRecords(db: FactmarkDB): Promise<RevisionRecord[]> {
  return db.revisions.filter((record) => record.conflicts.length > 0).toArray();
}

export async function conflictCount(db: FactmarkDB): Promise<number> {
  return db.revisions.filter((record) => record.conflicts.length > 0).count();
}

/** A requested merge that does not follow the rules (verdict from neither version). */
export class InvalidMergeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidMergeError';
  }
}

/**
 * Keeps version `keepRev`, or, with `merged`, writes the merge of every
 * version on top of `keepRev` (which supplies quote, selectors and the rest).
 * `merged` is what the reader was shown; it must equal the merge of the
 * versions stored now (else ConflictChangedError: a version arrived or changed
 * since), so what was previewed is exactly what is written.
 */
export async function resolveConflict(
  db: FactmarkDB,
  id: string,
  keepRev: string,
  clock: Clock = systemClock,
  merged?: MergedFields,
): Promise<Annotation> {
  const [current, record] = await Promise.all([db.annotations.get(id), db.revisions.get(id)]);
  if (!current || !record?.conflicts.length) throw new NotFoundError(`Note ${id} has no conflict to resolve.`);
  const winnerRev = currentRev(current, record);
  const kept = keepRev === winnerRev ? current : record.conflicts.find((c) => c.rev === keepRev)?.doc;
  if (!kept) throw new NotFoundError(`Note ${id} has no version ${keepRev}.`);

  const { rev: _rev, deleted: _deleted, ...content } = kept;
  let resolved: Annotation = { ...content, id, updatedAt: clock.now() };
  if (merged) {
    let expected: MergedFields;
    try {
      expected = mergeVersions([current, ...record.conflicts.map((c) => c.doc)], merged.verdict);
    } catch (error) {
      throw new InvalidMergeError((error as Error).message);
    }
    if (canonicalJson(expected) !== canonicalJson({ ...merged, sources: [...merged.sources], tags: [...merged.tags] })) {
      throw new ConflictChangedError();
    }
    const { verdict: _verdict, comment: _comment, ...rest } = resolved;
    resolved = { ...rest, ...expected };
  }
  const hash = await revisionHash(winnerRev, false, toCouchBody(resolved));
  const newRev = formatRev(winnerRev ? parseRev(winnerRev).pos + 1 : 1, hash);
  const tombstones = await Promise.all(
    record.conflicts.map(async (conflict) => {
      const tombHash = await revisionHash(conflict.rev, true, deletedLeafBody());
      const path = extendPath(conflict.revisions ?? stemPath(conflict.rev), tombHash);
      return { rev: formatRev(path.start, tombHash), revisions: path };
    }),
  );
  const snapshot = canonicalJson([current, record]);

  return db.transaction('rw', [db.annotations, db.revisions, db.outbox], async () => {
    const [nowAnnotation, nowRecord] = await Promise.all([db.annotations.get(id), db.revisions.get(id)]);
    if (canonicalJson([nowAnnotation, nowRecord]) !== snapshot) throw new ConflictChangedError();
    const final: Annotation = { ...resolved, rev: newRev };
    await db.annotations.put(final);
    await db.revisions.put({
      id,
      revisions: extendPath(winnerPath(current, record), hash),
      conflicts: [],
      pendingDeletes: [...(record.pendingDeletes ?? []), ...tombstones],
    });
    // Every earlier row is covered: the new winner's history holds the old winner,
    // and the tombstones close every losing branch.
    await db.outbox.where('docId').equals(id).delete();
    const at = clock.now();
    const rows: OutboxRecord[] = [{ docId: id, at, rev: newRev }, ...[...(record.pendingDeletes ?? []), ...tombstones].map((t) => ({ docId: id, at, rev: t.rev }))];
    await db.outbox.bulkAdd(rows);
    return final;
  });
}
