/**
 * Merging pulled leaf revisions into one document's local state. Pure: takes
 * the stored annotation + revision record, returns the new ones.
 *
 * The local state holds the winning leaf (the annotation row, its path in
 * `revisions`), the non-deleted losing leaves (`conflicts`, kept with their
 * content until the user resolves them) and resolution tombstones not yet
 * pushed (`pendingDeletes`). Deleted losing leaves that are already on the
 * server are not kept: CouchDB does not count them as conflicts either.
 */
import type { Annotation } from '../annotation';
import type { RevisionRecord } from '../db/schema';
import { currentRev, winnerPath } from './outbox';
import { compareLeaves, pathContains, prunePath, revsOnPath, stemPath, type RevisionPath } from './revision';

export interface Leaf {
  rev: string;
  revisions: RevisionPath;
  deleted: boolean;
  /** Content; null for a deleted leaf whose content is not known here. */
  doc: Annotation | null;
  /** A resolution tombstone that still has to be pushed. */
  pendingDelete?: boolean;
}

export interface DocState {
  annotation?: Annotation;
  record?: RevisionRecord;
}

export function localLeaves({ annotation, record }: DocState): Leaf[] {
  const leaves: Leaf[] = [];
  const rev = annotation ? currentRev(annotation, record) : undefined;
  if (annotation && rev) {
    leaves.push({ rev, revisions: winnerPath(annotation, record)!, deleted: !!annotation.deleted, doc: annotation });
  }
  for (const conflict of record?.conflicts ?? []) {
    leaves.push({ rev: conflict.rev, revisions: conflict.revisions ?? stemPath(conflict.rev), deleted: !!conflict.doc.deleted, doc: conflict.doc });
  }
  for (const tombstone of record?.pendingDeletes ?? []) {
    leaves.push({ rev: tombstone.rev, revisions: tombstone.revisions, deleted: true, doc: null, pendingDelete: true });
  }
  return leaves;
}

/** Every revision this replica knows for the document (leaves and their ancestors). */
export function knownRevs(state: DocState): Set<string> {
  const known = new Set<string>();
  for (const leaf of localLeaves(state)) for (const rev of revsOnPath(leaf.revisions)) known.add(rev);
  return known;
}

export interface MergeResult {
  annotation?: Annotation;
  record?: RevisionRecord;
  winner?: Leaf;
  changed: boolean;
}

/**
 * Adds remote leaves to the local ones, drops every leaf that another leaf
 * descends from, and picks CouchDB's winner.
 */
export function mergeLeaves(id: string, state: DocState, remote: Leaf[]): MergeResult {
  const byRev = new Map<string, Leaf>();
  for (const leaf of localLeaves(state)) byRev.set(leaf.rev, leaf);
  for (const leaf of remote) {
    const existing = byRev.get(leaf.rev);
    // Prefer the longer known history and known content.
    if (!existing) byRev.set(leaf.rev, leaf);
    else if (leaf.revisions.ids.length > existing.revisions.ids.length) byRev.set(leaf.rev, { ...existing, revisions: leaf.revisions });
  }
  const all = [...byRev.values()];
  const leaves = all.filter((leaf) => !all.some((other) => other !== leaf && other.rev !== leaf.rev && pathContains(other.revisions, leaf.rev)));
  if (!leaves.length) return { ...state, changed: false };
  const sorted = [...leaves].sort(compareLeaves);
  const winner = sorted[0];
  const losers = sorted.slice(1);

  let annotation: Annotation | undefined;
  if (winner.doc && !winner.deleted) {
    annotation = { ...winner.doc, id, rev: winner.rev };
    delete annotation.deleted;
  } else if (state.annotation || winner.doc) {
    // All leaves deleted: keep the local fields as a tombstone (content stays on this device only).
    const base = state.annotation ?? winner.doc!;
    annotation = { ...base, deleted: true, rev: winner.rev };
    if (winner.doc?.updatedAt && winner.doc.updatedAt > base.updatedAt) annotation.updatedAt = winner.doc.updatedAt;
  }

  const conflicts = losers
    .filter((leaf) => !leaf.deleted && leaf.doc)
    .map((leaf) => ({ rev: leaf.rev, doc: { ...leaf.doc!, id, rev: leaf.rev }, revisions: prunePath(leaf.revisions) }));
  const pendingDeletes = losers.filter((leaf) => leaf.pendingDelete).map((leaf) => ({ rev: leaf.rev, revisions: leaf.revisions }));
  const record: RevisionRecord | undefined = annotation
    ? { id, revisions: prunePath(winner.revisions), conflicts, ...(pendingDeletes.length ? { pendingDeletes } : {}) }
    : undefined;

  const before = JSON.stringify([state.annotation ? currentRev(state.annotation, state.record) : undefined, state.annotation?.deleted, (state.record?.conflicts ?? []).map((c) => c.rev).sort()]);
  const after = JSON.stringify([annotation?.rev, annotation?.deleted, conflicts.map((c) => c.rev).sort()]);
  return { annotation, record, winner, changed: before !== after };
}
