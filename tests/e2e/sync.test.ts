/**
 * Two Chromium profiles, each with the extension, and one local sync server
 * (express-pouchdb in memory on 127.0.0.1): a note made in A appears in B, an
 * edit made in B comes back to A. Everything goes through the extension's
 * real background worker and its message protocol.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSyncServer, type SyncServer } from '../../scripts/sync-server';
import { startSession, type Session } from './harness';

const PAGE = 'https://news.example/2025/05/ai-datacenter';

describe('sync between two browser profiles through one server', () => {
  let server: SyncServer;
  let a: Session;
  let b: Session;

  beforeAll(async () => {
    server = await startSyncServer({ port: 0, inMemory: true });
    [a, b] = await Promise.all([startSession(), startSession()]);
    const settings = { enabled: true, serverUrl: server.url, database: 'e2e-sync', auth: { kind: 'none' }, intervalMinutes: 5 };
    for (const session of [a, b]) {
      await session.serviceWorker.evaluate((value) => (globalThis as any).chrome.storage.local.set({ syncSettings: value }), settings);
    }
  });
  afterAll(async () => {
    await Promise.all([a?.close(), b?.close()]);
    await server?.close();
  });

  async function syncNow(session: Session) {
    const reply = await session.send({ type: 'sync.now', payload: {} });
    expect(reply.ok, JSON.stringify(reply)).toBe(true);
    return reply.data;
  }

  it('a note made in A appears in B, and an edit in B comes back to A', async () => {
    const saved = await a.send({
      type: 'annotation.save',
      payload: {
        annotation: {
          pageUrl: PAGE,
          kind: 'claim',
          quote: '엔비디아 H100 GPU 10만개',
          selectors: [{ type: 'TextQuoteSelector', exact: '엔비디아 H100 GPU 10만개' }],
          verdict: 'half-true',
          comment: '공식 발표는 없음',
          sources: [],
          tags: ['AI'],
        },
      },
    });
    expect(saved.ok, JSON.stringify(saved)).toBe(true);
    const id: string = saved.data.annotation.id;

    const statusA = await syncNow(a);
    expect(statusA).toMatchObject({ state: 'idle', pending: 0, conflicts: 0 });
    const onServer = await (await fetch(`${server.url}/e2e-sync/${encodeURIComponent(`annotation:${id}`)}`)).json();
    expect(onServer.quote).toBe('엔비디아 H100 GPU 10만개');

    await syncNow(b);
    const inB = (await b.readTable('annotations')).find((n) => n.id === id);
    expect(inB).toMatchObject({ quote: '엔비디아 H100 GPU 10만개', verdict: 'half-true', comment: '공식 발표는 없음' });

    const edited = await b.send({ type: 'annotation.update', payload: { id, patch: { verdict: 'mostly-false', comment: '실제 주문은 5만개' } } });
    expect(edited.ok, JSON.stringify(edited)).toBe(true);
    await syncNow(b);
    await syncNow(a);
    const inA = (await a.readTable('annotations')).find((n) => n.id === id);
    expect(inA).toMatchObject({ verdict: 'mostly-false', comment: '실제 주문은 5만개' });

    // The popup in A shows the synced state.
    const popup = await a.openPopup(undefined, 'popup.html');
    await expect.poll(() => popup.locator('.sync-status').textContent(), { timeout: 10_000 }).toMatch(/Synced|동기화됨/);
    await popup.screenshot({ path: a.screenshotPath('sync-popup.png') });
    const options = await b.openPopup(undefined, 'options.html');
    await expect.poll(() => options.locator('#sync-server-url').inputValue(), { timeout: 10_000 }).toBe(server.url);
    await options.locator('.sync-settings').screenshot({ path: b.screenshotPath('sync-options.png') });
  });

  it('a server that goes away gives a clear status and keeps the change for later', async () => {
    const port = server.port;
    await server.close();
    const saved = await a.send({
      type: 'annotation.save',
      payload: { annotation: { pageUrl: PAGE, kind: 'highlight', quote: '오프라인 메모', selectors: [], sources: [], tags: [] } },
    });
    expect(saved.ok).toBe(true);
    const down = await syncNow(a);
    expect(down).toMatchObject({ state: 'error', lastError: 'Server unreachable' });
    expect(down.pending).toBeGreaterThanOrEqual(1);

    server = await startSyncServer({ port, inMemory: true }); // same address, empty database
    const up = await syncNow(a);
    expect(up).toMatchObject({ state: 'idle', pending: 0 });
    await syncNow(b);
    const quotes = (await b.readTable('annotations')).map((n) => n.quote);
    expect(quotes).toContain('오프라인 메모');
  });
});
