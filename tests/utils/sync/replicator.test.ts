import { describe, expect, it, vi } from 'vitest';

// A real server and a real database per test: generous on a loaded machine.
vi.setConfig({ testTimeout: 30_000 });
import { deleteAnnotation, saveAnnotation, updateAnnotation } from '../../../utils/db/repository';
import { docIdOf } from '../../../utils/sync/couch-doc';
import { pendingCount } from '../../../utils/sync/outbox';
import { LEDGER_PREFIX, ledgerRow, readLedger } from '../../../utils/sync/rev-ledger';
import { SyncError } from '../../../utils/sync/sync-error';
import { draft, jsonResponse, newLocalDb, revOf, saveNotes, serverGet, syncWith, uniqueName, useSyncServer, wrapFetch } from './server-fixture';

const server = useSyncServer();

describe('replicator against a real CouchDB-compatible server', () => {
  it('pushes creates, edits and deletes, and another replica pulls them', async () => {
    const database = uniqueName('db');
    const a = newLocalDb();
    const b = newLocalDb();
    const [first, second] = await saveNotes(a, 2);

    const pushed = await syncWith(a, server.url, database);
    expect(pushed.pushed).toBe(2);
    expect(await pendingCount(a)).toBe(0);
    const onServer = await serverGet(server.url, database, encodeURIComponent(docIdOf(first.id)));
    expect(onServer.quote).toBe(first.quote);
    expect(onServer._rev).toBe(await revOf(a, first.id));
    expect(onServer._rev).toMatch(/^1-[0-9a-f]{32}$/);

    const pulled = await syncWith(b, server.url, database);
    expect(pulled.pulled).toBe(2);
    expect(pulled.changed.ids.sort()).toEqual([first.id, second.id].sort());
    expect(pulled.changed.pageUrls).toEqual([first.pageUrl]);
    expect((await b.annotations.get(first.id))!.quote).toBe(first.quote);
    expect(await b.pages.get(first.pageUrl)).toBeTruthy();

    // An edit and a delete on B travel back to A.
    await updateAnnotation(b, first.id, { verdict: 'false', comment: '성장률은 2.1%였다' });
    await deleteAnnotation(b, second.id);
    await syncWith(b, server.url, database);
    const serverFirst = await serverGet(server.url, database, `${encodeURIComponent(docIdOf(first.id))}?revs=true`);
    expect(serverFirst._rev).toMatch(/^2-/);
    expect(serverFirst._revisions.ids).toHaveLength(2);
    const serverSecond = await serverGet(server.url, database, `${encodeURIComponent(docIdOf(second.id))}?open_revs=all`);
    expect(serverSecond[0].ok._deleted).toBe(true);
    expect(serverSecond[0].ok.quote).toBeUndefined(); // tombstones carry no content

    const back = await syncWith(a, server.url, database);
    expect(back.changed.ids.sort()).toEqual([first.id, second.id].sort());
    const aFirst = (await a.annotations.get(first.id))!;
    expect(aFirst.verdict).toBe('false');
    expect(aFirst.comment).toBe('성장률은 2.1%였다');
    expect(await revOf(a, first.id)).toBe(serverFirst._rev);
    expect(aFirst.rev).toBe(serverFirst._rev); // pulled rows carry their revision
    expect((await a.annotations.get(second.id))!.deleted).toBe(true);

    // Nothing new: a re-sync moves nothing.
    const again = await syncWith(a, server.url, database);
    expect([again.pushed, again.pulled, again.changed.ids.length]).toEqual([0, 0, 0]);
  });

  it('a first push keeps the revisions in ledger rows, not a record per note; later edits descend from them', async () => {
    const database = uniqueName('db');
    const a = newLocalDb();
    const notes = await saveNotes(a, 12);
    await syncWith(a, server.url, database, { pushBatchSize: 5 });
    expect(await a.revisions.count()).toBe(0);
    const rows = (await a.syncState.toArray()).filter((row) => row.key.startsWith(LEDGER_PREFIX));
    expect(rows).toHaveLength(3); // one per acknowledged batch
    const ledger = await readLedger(a);
    for (const note of notes) {
      const onServer = await serverGet(server.url, database, encodeURIComponent(docIdOf(note.id)));
      expect(ledger.get(note.id)).toBe(onServer._rev);
      expect(await revOf(a, note.id)).toBe(onServer._rev);
    }

    // An edit: a child of the ledger's revision, kept in a revision record.
    await updateAnnotation(a, notes[0].id, { comment: 'second revision' });
    const first = await revOf(a, notes[0].id);
    await syncWith(a, server.url, database);
    const leaves = await serverGet(server.url, database, `${encodeURIComponent(docIdOf(notes[0].id))}?open_revs=all&revs=true`);
    expect(leaves).toHaveLength(1);
    expect(leaves[0].ok._rev).toMatch(/^2-/);
    expect(`1-${leaves[0].ok._revisions.ids[1]}`).toBe(first);
    expect((await a.revisions.get(notes[0].id))!.revisions.ids).toHaveLength(2);
    expect(await revOf(a, notes[0].id)).toBe(leaves[0].ok._rev);

    // Another replica's edit of a ledger note merges as a child, not a conflict.
    const b = newLocalDb();
    await syncWith(b, server.url, database);
    await updateAnnotation(b, notes[1].id, { comment: 'edited on B' });
    await syncWith(b, server.url, database);
    const back = await syncWith(a, server.url, database);
    expect(back.changed.ids).toEqual([notes[1].id]);
    expect((await a.annotations.get(notes[1].id))!.comment).toBe('edited on B');
    expect((await a.revisions.get(notes[1].id))!.conflicts).toEqual([]);

    // A new database gets the same revisions, none made anew.
    const other = uniqueName('db');
    const offered = await syncWith(a, server.url, other);
    expect(offered.pushed).toBe(12);
    for (const note of notes) {
      const there = await serverGet(server.url, other, encodeURIComponent(docIdOf(note.id)));
      expect(there._rev).toBe(await revOf(a, note.id));
    }
  });

  it('the ledger is merged into one row when it grows, without what revision records cover', async () => {
    const a = newLocalDb();
    const ids = Array.from({ length: 40 }, (_, i) => `note-${String(i).padStart(2, '0')}`);
    for (const id of ids) await a.syncState.put(ledgerRow([id], [`1-${'a'.repeat(31)}${id.length % 10}`]));
    await a.revisions.put({ id: ids[0], revisions: { start: 2, ids: ['b'.repeat(32), 'a'.repeat(32)] }, conflicts: [] });
    const ledger = await readLedger(a);
    expect([...ledger.keys()].sort()).toEqual(ids.slice(1));
    const rows = (await a.syncState.toArray()).filter((row) => row.key.startsWith(LEDGER_PREFIX));
    expect(rows).toHaveLength(1);
    expect(await readLedger(a)).toEqual(ledger);
  });

  it('reads the echo of its push from _changes while pushing, and still pulls what others wrote meanwhile', async () => {
    const database = uniqueName('db');
    const a = newLocalDb();
    await saveNotes(a, 30);
    // Each _bulk_docs answer comes late: the server has the batch while it is still in flight here.
    let bulkStarted = 0;
    let bulkDone = 0;
    const changes: { rows: number; duringPush: boolean }[] = [];
    const slow = wrapFetch(async (url, init) => {
      if (url.pathname.endsWith('/_changes')) {
        const duringPush = bulkStarted < 6;
        const body = await (await fetch(url, init)).json();
        changes.push({ rows: body.results.length, duringPush });
        return jsonResponse(200, body);
      }
      if (!url.pathname.endsWith('/_bulk_docs')) return undefined;
      bulkStarted++;
      const response = await fetch(url, init);
      await new Promise((resolve) => setTimeout(resolve, 150));
      bulkDone++;
      return response;
    });
    const result = await syncWith(a, server.url, database, { fetch: slow, pushBatchSize: 5 });
    expect([result.pushed, result.pulled, bulkDone]).toEqual([30, 0, 6]);
    // Batches were read back while later ones were still to be sent, and no row was read twice.
    expect(changes.filter((call) => call.duringPush).reduce((sum, call) => sum + call.rows, 0)).toBeGreaterThanOrEqual(5);
    expect(changes.reduce((sum, call) => sum + call.rows, 0)).toBe(30);
    expect(result.lastSeq).toBe((await serverGet(server.url, database, '')).update_seq);

    // A note another replica writes in the middle of a push is pulled.
    const b = newLocalDb();
    await saveNotes(b, 30, 'b');
    let bulkCalls = 0;
    const [foreign] = await saveNotes(newLocalDb(), 1, 'foreign');
    const interleaving = wrapFetch(async (url) => {
      if (url.pathname.endsWith('/_bulk_docs') && ++bulkCalls === 3) {
        const { id, ...body } = foreign;
        await fetch(`${server.url}/${database}/${encodeURIComponent(docIdOf(id))}`, {
          method: 'PUT',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ ...body, type: 'annotation' }),
        });
      }
      return undefined;
    });
    const mixed = await syncWith(b, server.url, database, { fetch: interleaving, pushBatchSize: 5 });
    expect(mixed.pushed).toBe(30);
    expect(await b.annotations.get(foreign.id)).toMatchObject({ quote: foreign.quote });
    expect(await b.annotations.count()).toBe(61);
  });

  it('an import whose outbox rows are still queued is pushed first, never overwritten by the pull', async () => {
    const database = uniqueName('db');
    const a = newLocalDb();
    const b = newLocalDb();
    const [note] = await saveNotes(a, 1);
    await syncWith(a, server.url, database);
    await syncWith(b, server.url, database);
    await updateAnnotation(a, note.id, { comment: 'A의 수정' });
    await syncWith(a, server.url, database);
    // B imported its own edit, and the outbox write queued behind the import has not happened (storage was full).
    const imported = { ...(await b.annotations.get(note.id))!, comment: 'B가 가져온 수정', updatedAt: new Date().toISOString() };
    await b.transaction('rw', [b.annotations, b.pendingImports], async () => {
      await b.annotations.put(imported);
      await b.pendingImports.add({ docIds: [note.id], at: imported.updatedAt });
    });
    await syncWith(b, server.url, database);
    const record = await b.revisions.get(note.id);
    const kept = [(await b.annotations.get(note.id))!.comment, ...(record?.conflicts ?? []).map((c) => c.doc.comment)];
    expect(kept.sort()).toEqual(['A의 수정', 'B가 가져온 수정'].sort());
    expect(await b.pendingImports.count()).toBe(0);
  });

  it('keeps both sides of conflicting edits, picks the server winner, and resolves on request', async () => {
    const { resolveConflict } = await import('../../../utils/sync/conflicts');
    const database = uniqueName('db');
    const a = newLocalDb();
    const b = newLocalDb();
    const note = await saveAnnotation(a, draft('Unemployment fell to 3.2%'));
    await syncWith(a, server.url, database);
    await syncWith(b, server.url, database);

    await updateAnnotation(a, note.id, { comment: 'A: source says 3.4%' });
    await updateAnnotation(b, note.id, { comment: 'B: 3.2% is seasonally adjusted' });
    await syncWith(a, server.url, database);
    await syncWith(b, server.url, database);
    await syncWith(a, server.url, database);

    const docPath = encodeURIComponent(docIdOf(note.id));
    const winner = await serverGet(server.url, database, `${docPath}?conflicts=true`);
    expect(winner._conflicts).toHaveLength(1);
    for (const replica of [a, b]) {
      const local = (await replica.annotations.get(note.id))!;
      const record = (await replica.revisions.get(note.id))!;
      expect(await revOf(replica, note.id)).toBe(winner._rev);
      expect(local.comment).toBe(winner.comment);
      expect(record.conflicts.map((c) => c.rev)).toEqual(winner._conflicts);
      expect(record.conflicts[0].doc.comment).not.toBe(winner.comment);
      expect([local.comment, record.conflicts[0].doc.comment].sort()).toEqual(['A: source says 3.4%', 'B: 3.2% is seasonally adjusted']);
    }

    // The user on A keeps the losing version.
    const loser = (await a.revisions.get(note.id))!.conflicts[0];
    const resolved = await resolveConflict(a, note.id, loser.rev);
    expect(resolved.comment).toBe(loser.doc.comment);
    expect((await a.revisions.get(note.id))!.conflicts).toEqual([]);
    await syncWith(a, server.url, database);
    const after = await serverGet(server.url, database, `${docPath}?conflicts=true`);
    expect(after._conflicts).toBeUndefined();
    expect(after.comment).toBe(loser.doc.comment);
    expect(after._rev).toBe(await revOf(a, note.id));
    await syncWith(b, server.url, database);
    expect((await b.annotations.get(note.id))!.comment).toBe(loser.doc.comment);
    expect((await b.revisions.get(note.id))!.conflicts).toEqual([]);
    expect(await pendingCount(a)).toBe(0);
  });

  it('resumes an interrupted pull from its checkpoint and stores nothing twice', async () => {
    const database = uniqueName('db');
    const a = newLocalDb();
    const b = newLocalDb();
    await a.transaction('rw', [a.annotations, a.outbox, a.pages], async () => {
      for (let i = 0; i < 240; i++) await saveAnnotation(a, draft(`claim ${i}`));
    });
    await syncWith(a, server.url, database, { pushBatchSize: 100 });

    let changesCalls = 0;
    const interrupting = wrapFetch((url) => {
      if (url.pathname.endsWith('/_changes') && ++changesCalls === 3) throw new TypeError('network connection lost');
      return undefined;
    });
    await expect(syncWith(b, server.url, database, { fetch: interrupting, pullBatchSize: 50 })).rejects.toThrow('Server unreachable');
    expect(await b.annotations.count()).toBe(100);

    const resuming = wrapFetch(() => undefined);
    const second = await syncWith(b, server.url, database, { fetch: resuming, pullBatchSize: 50 });
    const firstChanges = resuming.calls.find((call) => call.includes('/_changes'))!;
    expect(new URL(firstChanges, server.url).searchParams.get('since')).not.toBe('0');
    expect(second.pulled).toBe(140);
    expect(await b.annotations.count()).toBe(240);
    const serverAll = await serverGet(server.url, database, '_all_docs');
    for (const row of serverAll.rows) {
      expect(await revOf(b, row.id.slice('annotation:'.length))).toBe(row.value.rev);
    }
    expect((await b.revisions.filter((r) => r.conflicts.length > 0).count())).toBe(0);
  });

  it('a push whose answer was lost is recognised on retry: no duplicate revisions', async () => {
    const database = uniqueName('db');
    const a = newLocalDb();
    const notes = await saveNotes(a, 5);
    let dropped = false;
    const losing = wrapFetch(async (url, init) => {
      if (url.pathname.endsWith('/_bulk_docs') && !dropped) {
        dropped = true;
        await fetch(url, init); // the server stores it…
        throw new TypeError('connection reset'); // …but the answer never arrives
      }
      return undefined;
    });
    await expect(syncWith(a, server.url, database, { fetch: losing })).rejects.toBeInstanceOf(SyncError);
    expect(await pendingCount(a)).toBe(5);
    const retry = wrapFetch(() => undefined);
    const result = await syncWith(a, server.url, database, { fetch: retry });
    expect(retry.calls.some((call) => call.includes('_bulk_docs'))).toBe(false);
    expect(result.pushed).toBe(5);
    expect(await pendingCount(a)).toBe(0);
    for (const note of notes) {
      const leaves = await serverGet(server.url, database, `${encodeURIComponent(docIdOf(note.id))}?open_revs=all`);
      expect(leaves).toHaveLength(1);
      expect(leaves[0].ok._rev).toBe(await revOf(a, note.id));
    }
  });

  it('a push interrupted between batches resumes without new revisions for what the server already has', async () => {
    const database = uniqueName('db');
    const a = newLocalDb();
    const notes = await saveNotes(a, 30);
    let bulkCalls = 0;
    const failing = wrapFetch((url) => {
      if (url.pathname.endsWith('/_bulk_docs') && ++bulkCalls === 2) throw new TypeError('network connection lost');
      return undefined;
    });
    await expect(syncWith(a, server.url, database, { fetch: failing, pushBatchSize: 10 })).rejects.toThrow('Server unreachable');
    // The first batch, and the third if it was already on its way (two go at once), are there.
    const stored = (await serverGet(server.url, database, '')).doc_count;
    expect([10, 20]).toContain(stored);
    expect(await pendingCount(a)).toBe(30 - stored);
    await syncWith(a, server.url, database, { pushBatchSize: 10 });
    expect(await pendingCount(a)).toBe(0);
    const all = await serverGet(server.url, database, '_all_docs');
    expect(all.rows).toHaveLength(30);
    expect(all.rows.every((row: { value: { rev: string } }) => row.value.rev.startsWith('1-'))).toBe(true);
    for (const note of notes.slice(0, 3)) expect(await revOf(a, note.id)).toMatch(/^1-/);
  });

  it('an edit made after a push whose answer was lost descends from the sent revision (no self-conflict)', async () => {
    const database = uniqueName('db');
    const a = newLocalDb();
    const [note] = await saveNotes(a, 1);
    const losing = wrapFetch(async (url, init) => {
      if (!url.pathname.endsWith('/_bulk_docs')) return undefined;
      await fetch(url, init);
      throw new TypeError('connection reset');
    });
    await expect(syncWith(a, server.url, database, { fetch: losing })).rejects.toBeInstanceOf(SyncError);
    expect((await a.syncState.toArray()).some((row) => row.key.startsWith('pushJournal:'))).toBe(true);
    await updateAnnotation(a, note.id, { comment: 'edited while the answer was lost' });
    await syncWith(a, server.url, database);
    const leaves = await serverGet(server.url, database, `${encodeURIComponent(docIdOf(note.id))}?open_revs=all&revs=true`);
    expect(leaves).toHaveLength(1);
    expect(leaves[0].ok._rev).toMatch(/^2-/);
    expect(leaves[0].ok.comment).toBe('edited while the answer was lost');
    expect(await revOf(a, note.id)).toBe(leaves[0].ok._rev);
    expect(await pendingCount(a)).toBe(0);
    // Every batch answered: the journal is emptied (the next sync reads nothing there).
    expect((await a.syncState.toArray()).some((row) => row.key.startsWith('pushJournal:'))).toBe(false);
  });

  it('server down, 500 and 401 fail with plain words and lose nothing', async () => {
    const database = uniqueName('db');
    const a = newLocalDb();
    await saveNotes(a, 3);
    const before = await a.annotations.toArray();

    await expect(syncWith(a, 'http://127.0.0.1:9', database)).rejects.toThrow('Server unreachable');
    const failing500 = wrapFetch((url) => (/\/_(revs_diff|bulk_docs)$/.test(url.pathname) ? jsonResponse(500, { error: 'internal' }) : undefined));
    await expect(syncWith(a, server.url, database, { fetch: failing500 })).rejects.toThrow('Server error 500');
    const failing401 = wrapFetch(() => jsonResponse(401, { error: 'unauthorized', reason: 'Name or password is incorrect.' }));
    await expect(syncWith(a, server.url, database, { fetch: failing401 })).rejects.toThrow('Wrong user name or password (401)');

    expect(await pendingCount(a)).toBe(3);
    expect((await a.annotations.toArray()).map((n) => n.quote)).toEqual(before.map((n) => n.quote));
    const healthy = await syncWith(a, server.url, database);
    expect(healthy.pushed).toBe(3);
    expect(await pendingCount(a)).toBe(0);
  });

  it('treats sequences as opaque strings (clustered CouchDB)', async () => {
    const database = uniqueName('db');
    const a = newLocalDb();
    const b = newLocalDb();
    await saveNotes(a, 30);
    await syncWith(a, server.url, database);

    // Rewrite every seq to a CouchDB 3 style string and map it back on the way in.
    const toOpaque = new Map<string, number>();
    const opaque = (seq: number) => {
      const value = `${seq}-g1AAAAFTeJzLYWBg4MhgTmHgz8tPSTV0MDQy1zMAQsMcoARTIkOS_P___7MSGXAqSVIAkkn2IFUZzIlMuUAB9pRUy9TEpFRsenHZkMcCJBkagBRQ9XwAWI4bGQ`;
      toOpaque.set(value, seq);
      return value;
    };
    const sinceSeen: string[] = [];
    const stringSeqs = wrapFetch(async (url, init) => {
      if (!url.pathname.endsWith('/_changes')) return undefined;
      const since = url.searchParams.get('since')!;
      sinceSeen.push(since);
      if (since !== '0') {
        expect(toOpaque.has(since)).toBe(true); // sent back exactly as received
        url.searchParams.set('since', String(toOpaque.get(since)));
      }
      const real = await (await fetch(url, init)).json();
      real.results = real.results.map((row: any) => ({ ...row, seq: opaque(row.seq) }));
      real.last_seq = opaque(real.last_seq);
      return jsonResponse(200, real);
    });
    const result = await syncWith(b, server.url, database, { fetch: stringSeqs, pullBatchSize: 10 });
    expect(await b.annotations.count()).toBe(30);
    expect(typeof result.lastSeq).toBe('string');
    expect(sinceSeen.length).toBeGreaterThanOrEqual(3);
    const checkpoints = (await b.syncState.toArray()).filter((row) => row.key.startsWith('checkpoint:'));
    expect(typeof (checkpoints[0].value as { last_seq: unknown }).last_seq).toBe('string');

    await saveNotes(a, 2, 'later');
    await syncWith(a, server.url, database);
    const resumed = await syncWith(b, server.url, database, { fetch: stringSeqs, pullBatchSize: 10 });
    expect(resumed.pulled).toBe(2);
    expect(sinceSeen.at(-1)).not.toBe('0');
  });

  it('aborts a request that hangs', async () => {
    const database = uniqueName('db');
    const a = newLocalDb();
    await saveNotes(a, 1);
    const hanging = wrapFetch((url, init) => {
      if (!url.pathname.endsWith('/_changes')) return undefined;
      return new Promise<Response>((_, reject) => init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));
    });
    const started = Date.now();
    const error = await syncWith(a, server.url, database, { fetch: hanging, timeoutMs: 300 }).catch((e) => e);
    expect(error).toBeInstanceOf(SyncError);
    expect(error.kind).toBe('timeout');
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(await pendingCount(a)).toBe(0); // the push before it completed
  });

  it('an initial pull of first revisions takes the documents from _changes; what it stores is complete', async () => {
    const database = uniqueName('db');
    const a = newLocalDb();
    const b = newLocalDb();
    const notes = await saveNotes(a, 12);
    await syncWith(a, server.url, database);
    await updateAnnotation(a, notes[0].id, { comment: 'second revision' });
    await syncWith(a, server.url, database);
    const counting = wrapFetch(() => undefined);
    const pulled = await syncWith(b, server.url, database, { fetch: counting, pullBatchSize: 5 });
    expect(pulled.pulled).toBe(12);
    expect(counting.calls.filter((call) => call.includes('/_changes')).every((call) => call.includes('include_docs=true'))).toBe(true);
    // Only the second revision needed its history.
    const bulkGets = counting.calls.filter((call) => call.includes('/_bulk_get'));
    expect(bulkGets).toHaveLength(1);
    for (const note of notes) expect(await revOf(b, note.id)).toBe(await revOf(a, note.id));
    expect((await b.annotations.get(notes[0].id))!.comment).toBe('second revision');
    expect((await b.revisions.get(notes[0].id))!.revisions.ids).toHaveLength(2);

    // Forgetting the checkpoint re-reads every change: nothing is fetched or stored again.
    await b.syncState.filter((row) => row.key.startsWith('checkpoint:')).delete();
    const again = wrapFetch(() => undefined);
    const repeat = await syncWith(b, server.url, database, { fetch: again });
    expect([repeat.pulled, repeat.changed.ids.length]).toEqual([0, 0]);
    expect(again.calls.some((call) => call.includes('/_bulk_get') || call.includes('/_bulk_docs'))).toBe(false);
    // An edit on B of a pulled first revision descends from it (no self-conflict).
    await updateAnnotation(b, notes[5].id, { comment: 'edited on B' });
    await syncWith(b, server.url, database);
    const leaves = await serverGet(server.url, database, `${encodeURIComponent(docIdOf(notes[5].id))}?open_revs=all`);
    expect(leaves).toHaveLength(1);
    expect(leaves[0].ok._rev).toMatch(/^2-/);
    expect(leaves[0].ok.comment).toBe('edited on B');
  });

  it('falls back to open_revs where _bulk_get is missing', async () => {
    const database = uniqueName('db');
    const a = newLocalDb();
    const b = newLocalDb();
    const notes = await saveNotes(a, 4);
    await syncWith(a, server.url, database);
    // Second revisions: their history has to be fetched (first revisions may come with the changes).
    for (const note of notes) await updateAnnotation(a, note.id, { verdict: 'half-true' });
    await syncWith(a, server.url, database);
    const noBulkGet = wrapFetch((url) => (url.pathname.endsWith('/_bulk_get') ? jsonResponse(404, { error: 'not_found', reason: 'missing' }) : undefined));
    const result = await syncWith(b, server.url, database, { fetch: noBulkGet });
    expect(result.pulled).toBe(4);
    expect(noBulkGet.calls.filter((call) => call.includes('open_revs'))).toHaveLength(4);
    const local = (await b.annotations.get(notes[0].id))!;
    expect(local.verdict).toBe('half-true');
    expect((await b.revisions.get(notes[0].id))!.revisions.ids).toHaveLength(2);
  });
});
