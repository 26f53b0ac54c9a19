import { describe, expect, it, vi } from 'vitest';

vi.setConfig({ testTimeout: 30_000 });
import type { Broadcast } from '../../../utils/messages';
import { saveAnnotation } from '../../../utils/db/repository';
import { createSyncService, SYNC_RUNTIME_KEY } from '../../../utils/sync/service';
import { SYNC_SETTINGS_KEY, type StorageAreaLike } from '../../../utils/sync/settings';
import type { FetchLike } from '../../../utils/sync/couch-client';
import { draft, jsonResponse, newLocalDb, saveNotes, syncWith, uniqueName, useSyncServer, wrapFetch } from './server-fixture';

const server = useSyncServer();

function memoryStorage(initial: Record<string, unknown> = {}): StorageAreaLike & { data: Map<string, unknown> } {
  const data = new Map(Object.entries(structuredClone(initial)));
  return {
    data,
    async get(keys) {
      const list = typeof keys === 'string' ? [keys] : keys;
      return Object.fromEntries(list.filter((k) => data.has(k)).map((k) => [k, structuredClone(data.get(k))]));
    },
    async set(items) {
      for (const [k, v] of Object.entries(items)) data.set(k, structuredClone(v));
    },
  };
}

function setup(options: { fetch?: FetchLike; storage?: ReturnType<typeof memoryStorage>; database?: string; now?: () => string } = {}) {
  const database = options.database ?? uniqueName('db');
  const db = newLocalDb();
  const storage =
    options.storage ??
    memoryStorage({ [SYNC_SETTINGS_KEY]: { enabled: true, serverUrl: server.url, database, auth: { kind: 'none' }, intervalMinutes: 5 } });
  const broadcasts: Broadcast[] = [];
  const retries: number[] = [];
  const make = (fetchImpl: FetchLike = options.fetch ?? fetch) =>
    createSyncService({
      db,
      fetch: fetchImpl,
      storage,
      broadcast: (m) => broadcasts.push(m),
      debounceMs: 30,
      random: () => 0.5,
      demo: false,
      timeoutMs: 2_000,
      scheduleRetry: (at) => retries.push(at),
      ...(options.now ? { clock: { now: options.now, newId: () => crypto.randomUUID() } } : {}),
    });
  return { db, storage, database, broadcasts, retries, make, service: make() };
}

describe('sync service', () => {
  it('is disabled until configured', async () => {
    const { service, db } = setup({ storage: memoryStorage() });
    await saveNotes(db, 1);
    expect(await service.syncNow()).toMatchObject({ state: 'disabled', pending: 1, conflicts: 0 });
  });

  it('"Sync now" pushes, reports status and broadcasts sync.changed', async () => {
    const { service, db, broadcasts } = setup();
    await saveNotes(db, 3);
    expect((await service.status()).pending).toBe(3);
    const view = await service.syncNow();
    expect(view).toMatchObject({ state: 'idle', pending: 0, conflicts: 0 });
    expect(view.lastError).toBeUndefined();
    expect(Date.parse(view.lastSyncAt!)).toBeGreaterThan(Date.now() - 60_000);
    const states = broadcasts.filter((b) => b.type === 'sync.changed').map((b) => (b.payload as { state: string }).state);
    expect(states).toEqual(['syncing', 'idle']);
  });

  it('debounces local changes into one sync', async () => {
    const counting = wrapFetch(() => undefined);
    const { service, db } = setup({ fetch: counting });
    for (let i = 0; i < 3; i++) {
      await saveAnnotation(db, draft(`quick edit ${i}`));
      service.noteLocalChange();
    }
    await service.idle();
    expect(counting.calls.filter((c) => c.includes('_bulk_docs'))).toHaveLength(1);
    expect((await service.status()).pending).toBe(0);
  });

  it('a server error sets a plain-words status and a persisted, jittered backoff; nothing is lost', async () => {
    let failing = true;
    let clockMs = Date.parse('2026-03-01T10:00:00Z');
    const flaky = wrapFetch((url) => (failing && /\/_(revs_diff|bulk_docs)$/.test(url.pathname) ? jsonResponse(500, { error: 'boom' }) : undefined));
    const { service, db, retries, storage, make } = setup({ fetch: flaky, now: () => new Date(clockMs).toISOString() });
    await saveNotes(db, 2);

    const failed = await service.syncNow();
    expect(failed).toMatchObject({ state: 'error', lastError: 'Server error 500', pending: 2 });
    // 15 s base, equal jitter with random 0.5 → 11.25 s
    expect(Date.parse(failed.nextRetryAt!) - clockMs).toBe(11_250);
    expect(retries).toEqual([Date.parse(failed.nextRetryAt!)]);
    const second = await service.syncNow();
    expect(Date.parse(second.nextRetryAt!) - clockMs).toBe(22_500);
    expect((storage.data.get(SYNC_RUNTIME_KEY) as { failures: number }).failures).toBe(2);

    // A restarted worker (new service) honours the stored backoff on ticks…
    const restarted = make();
    const callsBefore = flaky.calls.length;
    failing = false;
    expect((await restarted.tick()).state).toBe('error');
    expect(flaky.calls.length).toBe(callsBefore);
    // …and syncs once it is over.
    clockMs += 60_000;
    const recovered = await restarted.tick();
    expect(recovered).toMatchObject({ state: 'idle', pending: 0 });
    expect(recovered.lastError).toBeUndefined();
    expect(await db.annotations.count()).toBe(2);
  });

  it('reports 401 and an unreachable server in plain words', async () => {
    const unauthorized = wrapFetch(() => jsonResponse(401, { error: 'unauthorized' }));
    const a = setup({ fetch: unauthorized });
    await saveNotes(a.db, 1);
    expect((await a.service.syncNow()).lastError).toBe('Wrong user name or password (401)');

    const down = setup({
      storage: memoryStorage({
        [SYNC_SETTINGS_KEY]: { enabled: true, serverUrl: 'http://127.0.0.1:9', database: 'factmark', auth: { kind: 'none' }, intervalMinutes: 5 },
      }),
    });
    await saveNotes(down.db, 1);
    expect(await down.service.syncNow()).toMatchObject({ state: 'error', lastError: 'Server unreachable', pending: 1 });
  });

  it('broadcasts annotations.changed for pulled notes and counts conflicts', async () => {
    const database = uniqueName('db');
    const other = newLocalDb();
    const [note] = await saveNotes(other, 1);
    await syncWith(other, server.url, database);
    const { service, broadcasts } = setup({ database });
    await service.syncNow();
    const changed = broadcasts.find((b) => b.type === 'annotations.changed');
    expect(changed?.payload).toEqual({ pageUrls: [note.pageUrl], ids: [note.id] });
  });
});
