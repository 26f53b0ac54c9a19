/**
 * Suite "sync": the replicator against pouchdb-server (express-pouchdb over
 * LevelDB in a temporary folder) on 127.0.0.1.
 *
 * The replicator runs where it runs in the extension: in Chromium, over real
 * IndexedDB (the same modules, bundled with esbuild into a loopback page).
 * Without Chromium it falls back to Node + fake-indexeddb, which is several
 * times slower at storage and says so in the notes.
 *
 * Rows: initial push and pull of 10,000 notes (≤ 5 s each) beside the raw
 * protocol measured in the same run (batches of 500, nothing stored), and one
 * changed note pushed by replica A and pulled by replica B (< 200 ms each).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findChromium } from '../lib/chromium';
import { DEFAULT_PULL_BATCH, DEFAULT_PUSH_BATCH } from '../../utils/sync/replicator';
import { startSyncServer } from '../sync-server';
import { makeNote } from './sync-browser/notes';
import type { BenchRow } from './types';
import { bundleForBrowser } from '../lib/browser-bundle';

const NOTES = 10_000;
/** Batch sizes: the replicator's defaults, or SYNC_BENCH_PUSH / SYNC_BENCH_PULL to try others. */
const PUSH_BATCH = Number(process.env.SYNC_BENCH_PUSH) || DEFAULT_PUSH_BATCH;
const PULL_BATCH = Number(process.env.SYNC_BENCH_PULL) || DEFAULT_PULL_BATCH;
const RAW_BATCH = 500;

interface SyncTiming {
  ms: number;
  pushPhaseMs: number;
  pushed: number;
  pulled: number;
}

/** The operations the suite needs, run in a browser page or in Node. */
interface Replicas {
  seed(name: string, count: number): Promise<void>;
  sync(name: string, serverUrl: string, database: string, batches: { push: number; pull: number }): Promise<SyncTiming>;
  edit(name: string, index: number): Promise<void>;
  read(name: string, index: number): Promise<{ verdict?: string } | undefined>;
  count(name: string): Promise<number>;
  where: string;
  close(): Promise<void>;
}

async function json(url: string, init?: RequestInit): Promise<any> {
  const response = await fetch(url, { ...init, headers: { 'Content-Type': 'application/json', Accept: 'application/json' } });
  if (!response.ok) throw new Error(`${init?.method ?? 'GET'} ${url}: ${response.status}`);
  return response.json();
}

/** The anchor: the bare protocol with batches of 500 and nothing stored locally. */
async function rawProtocol(serverUrl: string): Promise<{ pushMs: number; pullMs: number }> {
  const db = `${serverUrl}/raw-baseline`;
  await fetch(db, { method: 'PUT' });
  const docs = Array.from({ length: NOTES }, (_, i) => {
    const { id, ...body } = makeNote(i);
    const hash = i.toString(16).padStart(32, '0');
    return { ...body, _id: `annotation:${id}`, _rev: `1-${hash}`, _revisions: { start: 1, ids: [hash] } };
  });
  let started = performance.now();
  for (let start = 0; start < docs.length; start += RAW_BATCH) {
    const batch = docs.slice(start, start + RAW_BATCH);
    const diff: Record<string, string[]> = {};
    for (const doc of batch) diff[doc._id] = [doc._rev];
    await json(`${db}/_revs_diff`, { method: 'POST', body: JSON.stringify(diff) });
    await json(`${db}/_bulk_docs`, { method: 'POST', body: JSON.stringify({ new_edits: false, docs: batch }) });
  }
  const pushMs = performance.now() - started;
  started = performance.now();
  let since: unknown = 0;
  for (;;) {
    const page = await json(`${db}/_changes?style=all_docs&limit=${RAW_BATCH}&since=${encodeURIComponent(String(since))}`);
    if (page.results.length) {
      const wanted = page.results.map((row: any) => ({ id: row.id, rev: row.changes[0].rev }));
      await json(`${db}/_bulk_get?revs=true`, { method: 'POST', body: JSON.stringify({ docs: wanted }) });
    }
    since = page.last_seq;
    if (page.results.length < RAW_BATCH) break;
  }
  return { pushMs, pullMs: performance.now() - started };
}

async function browserReplicas(executablePath: string): Promise<Replicas> {
  const { chromium } = await import('playwright-core');
  const script = await bundleForBrowser('scripts/bench/sync-browser/entry.ts', 'esm');
  const page = createServer((request, response) => {
    if (request.url === '/bench.js') {
      response.writeHead(200, { 'content-type': 'text/javascript' });
      response.end(script);
    } else {
      response.writeHead(200, { 'content-type': 'text/html' });
      response.end('<!doctype html><meta charset="utf-8"><script type="module" src="/bench.js"></script>');
    }
  });
  await new Promise<void>((resolve) => page.listen(0, '127.0.0.1', resolve));
  const browser = await chromium.launch({ executablePath, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  const tab = await browser.newPage();
  await tab.goto(`http://127.0.0.1:${(page.address() as AddressInfo).port}/`);
  await tab.waitForFunction(() => (globalThis as any).syncBench);
  const call = <T>(method: string, ...args: unknown[]) =>
    tab.evaluate(([m, a]) => (globalThis as any).syncBench[m as string](...(a as unknown[])), [method, args] as const) as Promise<T>;
  return {
    where: `Chromium ${browser.version()}, real IndexedDB`,
    seed: (name, count) => call('seed', name, count),
    sync: (name, serverUrl, database, batches) => call('sync', name, serverUrl, database, batches),
    edit: (name, index) => call('edit', name, index),
    read: (name, index) => call('read', name, index),
    count: (name) => call('count', name),
    async close() {
      await browser.close();
      await new Promise((resolve) => page.close(resolve));
    },
  };
}

async function nodeReplicas(): Promise<Replicas> {
  const { IDBKeyRange, indexedDB } = await import('fake-indexeddb');
  const { openDatabase } = await import('../../utils/db/schema');
  const { updateAnnotation } = await import('../../utils/db/repository');
  const { localReplicaId } = await import('../../utils/sync/checkpoint');
  const { CouchClient } = await import('../../utils/sync/couch-client');
  const { replicate } = await import('../../utils/sync/replicator');
  const dbs = new Map<string, ReturnType<typeof openDatabase>>();
  const open = (name: string) => dbs.get(name) ?? dbs.set(name, openDatabase(`${name}-${Date.now()}`, { indexedDB, IDBKeyRange })).get(name)!;
  return {
    where: 'Node + fake-indexeddb (no Chromium found; storage much slower than a browser)',
    async seed(name, count) {
      const db = open(name);
      const notes = Array.from({ length: count }, (_, i) => makeNote(i));
      await db.transaction('rw', [db.annotations, db.outbox], async () => {
        await db.annotations.bulkPut(notes);
        await db.outbox.bulkAdd(notes.map((n) => ({ docId: n.id, at: n.createdAt })));
      });
    },
    async sync(name, serverUrl, database, batches) {
      const db = open(name);
      const started = performance.now();
      let pushDone = started;
      const result = await replicate({
        db,
        client: new CouchClient({ fetch, serverUrl, database, timeoutMs: 60_000 }),
        replicaId: await localReplicaId(db),
        pushBatchSize: batches.push,
        pullBatchSize: batches.pull,
        onProgress: ({ phase }) => {
          if (phase === 'push') pushDone = performance.now();
        },
      });
      return { ms: performance.now() - started, pushPhaseMs: pushDone - started, pushed: result.pushed, pulled: result.pulled };
    },
    edit: async (name, index) => void (await updateAnnotation(open(name), makeNote(index).id, { verdict: 'false', comment: '정정: 2.1%' })),
    read: (name, index) => open(name).annotations.get(makeNote(index).id),
    count: (name) => open(name).annotations.count(),
    async close() {
      for (const db of dbs.values()) db.close();
    },
  };
}

export default async function run(): Promise<BenchRow[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'factmark-bench-sync-'));
  const server = await startSyncServer({ port: 0, dataDir });
  const database = 'bench';
  const chromiumPath = findChromium();
  const replicas = chromiumPath ? await browserReplicas(chromiumPath) : await nodeReplicas();
  try {
    const batches = { push: PUSH_BATCH, pull: PULL_BATCH };
    const raw = await rawProtocol(server.url);
    await replicas.seed('a', NOTES);
    const push = await replicas.sync('a', server.url, database, batches);
    if (push.pushed !== NOTES) throw new Error(`pushed ${push.pushed} of ${NOTES}`);
    const pull = await replicas.sync('b', server.url, database, batches);
    if ((await replicas.count('b')) !== NOTES) throw new Error(`replica B has ${await replicas.count('b')} of ${NOTES} notes`);

    await replicas.edit('a', 4242);
    const onePush = await replicas.sync('a', server.url, database, batches);
    const onePull = await replicas.sync('b', server.url, database, batches);
    if ((await replicas.read('b', 4242))?.verdict !== 'false') throw new Error('the single change did not arrive');

    const used =
      `push ${PUSH_BATCH} docs per _bulk_docs (_revs_diff only for revisions that may already be there; ` +
      `its echo read back from _changes while later batches go out, up to ${PULL_BATCH * 8} rows a request), ` +
      `pull _changes limit=${PULL_BATCH} (include_docs while most rows are missing first revisions, else _bulk_get; pages with nothing to fetch grow to ${PULL_BATCH * 8}); ${replicas.where}`;
    const row = (metric: string, ms: number, target: number, note: string, baseline?: number): BenchRow => ({
      suite: 'sync',
      metric,
      value: Math.round(ms),
      unit: 'ms',
      target,
      ok: ms <= target,
      ...(baseline !== undefined ? { baseline: Math.round(baseline) } : {}),
      note,
    });
    return [
      row('initial push, 10k notes (whole sync call)', push.ms, 5_000, `${used}; push phase ${Math.round(push.pushPhaseMs)} ms, then the pull of the rest of the feed; baseline = raw protocol push, batches of ${RAW_BATCH}`, raw.pushMs),
      row('initial pull, 10k notes', pull.ms, 5_000, `${used}; baseline = raw protocol, batches of ${RAW_BATCH}`, raw.pullMs),
      row('one changed note: push (replica A)', onePush.ms, 200, `${onePush.pushed} revision sent, whole sync call`),
      row('one changed note: pull (replica B)', onePull.ms, 200, `${onePull.pulled} revision received, whole sync call`),
    ];
  } finally {
    await replicas.close();
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
