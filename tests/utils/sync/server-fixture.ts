/** A real CouchDB-compatible server on loopback for the sync tests (express-pouchdb, memory adapter, port 0). */
import { afterAll, beforeAll } from 'vitest';
import { startSyncServer, type SyncServer } from '../../../scripts/sync-server';
import type { Annotation } from '../../../utils/annotation';
import { openDatabase, type FactmarkDB } from '../../../utils/db/schema';
import { saveAnnotation } from '../../../utils/db/repository';
import { CouchClient, type FetchLike } from '../../../utils/sync/couch-client';
import { localReplicaId } from '../../../utils/sync/checkpoint';
import { replicate, type ReplicateOptions } from '../../../utils/sync/replicator';
import { storedRev } from '../../../utils/sync/rev-ledger';

export function useSyncServer(): { readonly url: string } {
  let server: SyncServer | undefined;
  beforeAll(async () => {
    server = await startSyncServer({ port: 0, inMemory: true });
  });
  afterAll(async () => server?.close());
  return {
    get url() {
      if (!server) throw new Error('server not started');
      return server.url;
    },
  };
}

let counter = 0;
export function uniqueName(prefix: string): string {
  return `${prefix}-${process.pid}-${Date.now().toString(36)}-${counter++}`;
}

export function newLocalDb(): FactmarkDB {
  return openDatabase(uniqueName('local'));
}

export function clientFor(url: string, database: string, fetchImpl: FetchLike = fetch, timeoutMs = 10_000): CouchClient {
  return new CouchClient({ fetch: fetchImpl, serverUrl: url, database, timeoutMs });
}

export async function syncWith(
  db: FactmarkDB,
  url: string,
  database: string,
  options: { fetch?: FetchLike; timeoutMs?: number } & Partial<Omit<ReplicateOptions, 'db' | 'client' | 'replicaId'>> = {},
) {
  const { fetch: fetchImpl, timeoutMs, ...rest } = options;
  return replicate({ db, client: clientFor(url, database, fetchImpl, timeoutMs), replicaId: await localReplicaId(db), ...rest });
}

export async function serverGet(url: string, database: string, path: string): Promise<any> {
  const response = await fetch(`${url}/${database}/${path}`, { headers: { Accept: 'application/json' } });
  return response.json();
}

/** The revision a replica holds for a note (its revision record, row or the ledger of first pushes). */
export async function revOf(db: FactmarkDB, id: string): Promise<string | undefined> {
  return storedRev(db, id);
}

export const pageUrl = 'https://news.example/economy/gdp';

export function draft(quote: string, extra: Partial<Annotation> = {}) {
  return {
    pageUrl,
    kind: 'claim' as const,
    quote,
    selectors: [{ type: 'TextQuoteSelector' as const, exact: quote }],
    sources: [],
    tags: ['test'],
    ...extra,
  };
}

export async function saveNotes(db: FactmarkDB, count: number, prefix = 'note'): Promise<Annotation[]> {
  const saved: Annotation[] = [];
  for (let i = 0; i < count; i++) saved.push(await saveAnnotation(db, draft(`${prefix} ${i}: GDP grew 3.1%`)));
  return saved;
}

/** A fetch that forwards to the real one after `hook` (which may throw or answer itself). */
export function wrapFetch(hook: (url: URL, init: RequestInit | undefined, call: number) => Promise<Response | undefined> | Response | undefined): FetchLike & { calls: string[] } {
  const calls: string[] = [];
  const wrapped = (async (input: string, init?: RequestInit) => {
    const url = new URL(input);
    calls.push(`${init?.method ?? 'GET'} ${url.pathname}${url.search}`);
    const answer = await hook(url, init, calls.length);
    return answer ?? fetch(input, init);
  }) as FetchLike & { calls: string[] };
  wrapped.calls = calls;
  return wrapped;
}

export function jsonResponse(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}
