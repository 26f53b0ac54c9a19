import { describe, expect, it, vi } from 'vitest';
import { createHandlers } from '../../../utils/background/handlers';
import { saveAnnotation, updateAnnotation } from '../../../utils/db/repository';
import type { FactmarkDB } from '../../../utils/db/schema';
import { dispatch } from '../../../utils/messages';
import { ConflictChangedError, InvalidMergeError, resolveConflict } from '../../../utils/sync/conflicts';
import { docIdOf } from '../../../utils/sync/couch-doc';
import { MERGED_COMMENT_SEPARATOR, mergeVersions } from '../../../utils/sync/merge-versions';
import { pendingCount } from '../../../utils/sync/outbox';
import { draft, newLocalDb, revOf, serverGet, syncWith, uniqueName, useSyncServer } from './server-fixture';

vi.setConfig({ testTimeout: 30_000 });
const server = useSyncServer();

/** Two replicas that edited the same note differently and have both synced: a conflict on both. */
async function conflicted() {
  const database = uniqueName('db');
  const a = newLocalDb();
  const b = newLocalDb();
  const note = await saveAnnotation(a, draft('Unemployment fell to 3.2%', { sources: ['https://kostat.go.kr/'], tags: ['jobs'] }));
  await syncWith(a, server.url, database);
  await syncWith(b, server.url, database);
  await updateAnnotation(a, note.id, { verdict: 'false', comment: 'A: the source says 3.4%', sources: ['https://kostat.go.kr/', 'https://a.example/report'], tags: ['jobs', '고용'] });
  await updateAnnotation(b, note.id, { verdict: 'half-true', comment: 'B: 3.2% is seasonally adjusted', sources: ['https://b.example/sa'], tags: ['seasonal'] });
  await syncWith(a, server.url, database);
  await syncWith(b, server.url, database);
  await syncWith(a, server.url, database);
  return { database, a, b, note };
}

async function versionsOf(db: FactmarkDB, id: string) {
  const [annotation, record] = await Promise.all([db.annotations.get(id), db.revisions.get(id)]);
  return { winnerRev: await revOf(db, id), docs: [annotation!, ...record!.conflicts.map((c) => c.doc)], record: record! };
}

describe('merging conflicting versions', () => {
  it('merges on A; the server and B converge on the merged note with no conflict left', async () => {
    const { database, a, b, note } = await conflicted();
    const docPath = encodeURIComponent(docIdOf(note.id));
    expect((await serverGet(server.url, database, `${docPath}?conflicts=true`))._conflicts).toHaveLength(1);

    const { winnerRev, docs } = await versionsOf(a, note.id);
    const merged = mergeVersions(docs, 'half-true'); // B's verdict, whichever side won
    const result = await resolveConflict(a, note.id, winnerRev!, undefined, merged);
    expect(result.verdict).toBe('half-true');
    expect(result.sources.sort()).toEqual(['https://a.example/report', 'https://b.example/sa', 'https://kostat.go.kr/']);
    expect(result.tags.sort()).toEqual(['jobs', 'seasonal', '고용'].sort());
    expect(result.comment!.split(MERGED_COMMENT_SEPARATOR).sort()).toEqual(['A: the source says 3.4%', 'B: 3.2% is seasonally adjusted']);
    expect(result.quote).toBe(note.quote);
    expect((await a.revisions.get(note.id))!.conflicts).toEqual([]);
    expect(await revOf(a, note.id)).toMatch(/^3-/); // a child of the winner (2-…)

    await syncWith(a, server.url, database);
    expect(await pendingCount(a)).toBe(0);
    const onServer = await serverGet(server.url, database, `${docPath}?conflicts=true`);
    expect(onServer._conflicts).toBeUndefined();
    expect(onServer._rev).toBe(await revOf(a, note.id));
    expect(onServer.comment).toBe(result.comment);
    expect(onServer.verdict).toBe('half-true');
    const leaves = await serverGet(server.url, database, `${docPath}?open_revs=all`);
    expect(leaves.filter((leaf: any) => !leaf.ok._deleted)).toHaveLength(1);

    await syncWith(b, server.url, database);
    const onB = (await b.annotations.get(note.id))!;
    expect((await b.revisions.get(note.id))!.conflicts).toEqual([]);
    expect(await revOf(b, note.id)).toBe(onServer._rev);
    expect([onB.verdict, onB.comment, [...onB.sources].sort(), [...onB.tags].sort()]).toEqual([
      'half-true',
      result.comment,
      [...result.sources].sort(),
      [...result.tags].sort(),
    ]);
    // Converged: nothing moves on either side any more.
    for (const replica of [a, b]) {
      const again = await syncWith(replica, server.url, database);
      expect([again.pushed, again.pulled]).toEqual([0, 0]);
    }
  });

  it('refuses a verdict from neither version, and a merge previewed before the versions changed', async () => {
    const { a, note } = await conflicted();
    const { winnerRev, docs } = await versionsOf(a, note.id);
    const merged = mergeVersions(docs, 'false');
    await expect(resolveConflict(a, note.id, winnerRev!, undefined, { ...merged, verdict: 'true' })).rejects.toBeInstanceOf(InvalidMergeError);
    // A preview that lacks a source one version has (stale, or tampered): nothing is written.
    await expect(resolveConflict(a, note.id, winnerRev!, undefined, { ...merged, sources: merged.sources.slice(1) })).rejects.toBeInstanceOf(
      ConflictChangedError,
    );
    expect((await a.revisions.get(note.id))!.conflicts).toHaveLength(1);
  });

  it('the sync.resolve message validates the merged fields before anything runs', async () => {
    const { a, note } = await conflicted();
    const resolveCalls: unknown[] = [];
    const handlers = createHandlers({
      db: a,
      broadcast: () => {},
      sync: {
        noteLocalChange() {},
        syncNow: async () => ({}) as never,
        status: async () => ({}) as never,
        testConnection: async () => ({ ok: true, message: '' }),
        resolveConflict: async (...args) => {
          resolveCalls.push(args);
          return resolveConflict(a, args[0], args[1], undefined, args[2]);
        },
      },
    });
    const { winnerRev } = await versionsOf(a, note.id);
    const send = (merged: unknown) => dispatch(handlers, { type: 'sync.resolve', payload: { id: note.id, keepRev: winnerRev, merged } }, 'extension');
    for (const bad of [
      { verdict: 'maybe', sources: [], tags: [] },
      { sources: ['javascript:alert(1)'], tags: [] },
      { sources: [], tags: [''] },
      { comment: 42, sources: [], tags: [] },
      'merge please',
    ]) {
      expect(await send(bad)).toMatchObject({ ok: false, error: { code: 'invalid' } });
    }
    expect(resolveCalls).toHaveLength(0);
    expect(await dispatch(handlers, { type: 'sync.resolve', payload: { id: note.id, keepRev: winnerRev } }, 'page')).toMatchObject({ ok: false });

    const { docs } = await versionsOf(a, note.id);
    const reply = (await send(mergeVersions(docs, docs[1].verdict))) as { ok: boolean; data: { annotation: { verdict?: string } } };
    expect(reply.ok).toBe(true);
    expect(reply.data.annotation.verdict).toBe(docs[1].verdict);
    expect(resolveCalls).toHaveLength(1);
  });
});
