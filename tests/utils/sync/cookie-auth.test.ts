/**
 * Cookie and basic auth against a real replication server with CouchDB's session rules in front.
 *
 * express-pouchdb's own auth layer ("fullCouchDB" mode) does not start with the pouchdb-security
 * version it ships with ("Security methods already installed"), so the gate below plays the part
 * of CouchDB 3's `chttpd_auth`: `POST /_session` checks the password and sets an `AuthSession`
 * cookie, `Authorization: Basic` is checked per request, and anything else gets CouchDB's 401.
 * The fetch given to the client keeps cookies the way the browser does for `credentials: 'include'`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSyncServer, type SyncServer } from '../../../scripts/sync-server';
import { saveAnnotation } from '../../../utils/db/repository';
import { localReplicaId } from '../../../utils/sync/checkpoint';
import { CouchClient, type FetchLike, type SyncAuth } from '../../../utils/sync/couch-client';
import { docIdOf } from '../../../utils/sync/couch-doc';
import { pendingCount } from '../../../utils/sync/outbox';
import { replicate } from '../../../utils/sync/replicator';
import { SyncError } from '../../../utils/sync/sync-error';
import { draft, newLocalDb, serverGet, uniqueName } from './server-fixture';

const USER = { name: 'reporter', password: '기자-secret' };

/** CouchDB's session rules, as a middleware in front of the CouchDB routes. */
function createGate() {
  let sessions = new Set<string>();
  let issued = 0;
  const log: Array<{ path: string; cookie: boolean; basic: boolean }> = [];
  const unauthorized = (res: any, reason: string) => {
    res.statusCode = 401;
    res.setHeader('Content-Type', 'application/json');
    res.end(JSON.stringify({ error: 'unauthorized', reason }));
  };
  const middleware = (req: any, res: any, next: () => void) => {
    const cookie = /(?:^|;\s*)AuthSession=([^;]+)/.exec(req.headers.cookie ?? '')?.[1];
    const basic = /^Basic (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    log.push({ path: req.url, cookie: cookie !== undefined, basic: basic !== undefined });
    if (req.method === 'OPTIONS') return next();
    if (req.url === '/_session' && req.method === 'POST') {
      let raw = '';
      req.setEncoding('utf8');
      req.on('data', (chunk: string) => (raw += chunk));
      req.on('end', () => {
        let body: { name?: unknown; password?: unknown } = {};
        try {
          body = JSON.parse(raw);
        } catch {
          // CouchDB answers a malformed login like a wrong one.
        }
        if (body.name !== USER.name || body.password !== USER.password) return unauthorized(res, 'Name or password is incorrect.');
        const token = `session-${++issued}`;
        sessions.add(token);
        res.setHeader('Set-Cookie', `AuthSession=${token}; Version=1; Path=/; HttpOnly`);
        res.setHeader('Content-Type', 'application/json');
        res.end(JSON.stringify({ ok: true, name: USER.name, roles: [] }));
      });
      return;
    }
    if (cookie && sessions.has(cookie)) return next();
    if (basic && Buffer.from(basic, 'base64').toString('utf8') === `${USER.name}:${USER.password}`) return next();
    unauthorized(res, 'You are not authorized to access this db.');
  };
  return {
    middleware,
    log,
    /** Every session ends, as when CouchDB's `timeout` passes. */
    expireSessions: () => (sessions = new Set()),
  };
}

/** A fetch with a cookie jar: cookies are stored and sent only for `credentials: 'include'`, as a browser does. */
function cookieJarFetch() {
  const jar = new Map<string, string>();
  const credentials: string[] = [];
  const jarFetch: FetchLike = async (url, init = {}) => {
    credentials.push(init.credentials ?? 'same-origin');
    const headers = new Headers(init.headers);
    if (init.credentials === 'include' && jar.size) headers.set('Cookie', [...jar].map(([k, v]) => `${k}=${v}`).join('; '));
    const response = await fetch(url, { ...init, headers });
    if (init.credentials === 'include') {
      for (const line of response.headers.getSetCookie()) {
        const [pair] = line.split(';');
        const eq = pair!.indexOf('=');
        jar.set(pair!.slice(0, eq).trim(), pair!.slice(eq + 1).trim());
      }
    }
    return response;
  };
  return { fetch: jarFetch, jar, credentials };
}

describe('sync with CouchDB authentication', () => {
  let server: SyncServer;
  const gate = createGate();
  beforeAll(async () => {
    server = await startSyncServer({ port: 0, inMemory: true, before: gate.middleware });
  });
  afterAll(async () => server?.close());

  async function syncAs(auth: SyncAuth, fetchImpl: FetchLike, database: string, db = newLocalDb()) {
    const client = new CouchClient({ fetch: fetchImpl, serverUrl: server.url, database, auth, timeoutMs: 10_000 });
    return { db, run: async () => replicate({ db, client, replicaId: await localReplicaId(db) }) };
  }

  /** Reads the server behind the gate with basic auth. */
  async function serverDoc(database: string, id: string) {
    const response = await fetch(`${server.url}/${database}/${encodeURIComponent(docIdOf(id))}`, {
      headers: { Accept: 'application/json', Authorization: `Basic ${Buffer.from(`${USER.name}:${USER.password}`).toString('base64')}` },
    });
    return response.json();
  }

  it('without credentials the server refuses, and the error says so', async () => {
    expect((await serverGet(server.url, 'anything', '')).error).toBe('unauthorized');
    const { db, run } = await syncAs({ kind: 'none' }, fetch, uniqueName('anon'));
    await saveAnnotation(db, draft('익명으로는 동기화되지 않는다'));
    await expect(run()).rejects.toMatchObject({ kind: 'auth' });
    expect(await pendingCount(db)).toBe(1);
  });

  it('cookie auth: logs in once through /_session, then replicates with the AuthSession cookie', async () => {
    const database = uniqueName('cookie');
    const browser = cookieJarFetch();
    const { db, run } = await syncAs({ kind: 'cookie', username: USER.name, password: USER.password }, browser.fetch, database);
    const note = await saveAnnotation(db, draft('쿠키 인증으로 보낸 메모'));
    gate.log.length = 0;
    const result = await run();
    const requests = [...gate.log];
    expect(result.pushed).toBe(1);
    expect((await serverDoc(database, note.id)).quote).toBe(note.quote);
    expect(requests.filter((entry) => entry.path === '/_session')).toHaveLength(1);
    // Every request after the login carried the cookie and no password.
    const after = requests.slice(requests.findIndex((entry) => entry.path === '/_session') + 1);
    expect(after.length).toBeGreaterThan(2);
    expect(after.filter((entry) => !entry.cookie || entry.basic)).toEqual([]);
    expect(browser.jar.get('AuthSession')).toMatch(/^session-\d+$/);
    expect(new Set(browser.credentials)).toEqual(new Set(['include']));
  });

  it('cookie auth: an expired session is renewed once and the sync goes on', async () => {
    const database = uniqueName('expiry');
    const browser = cookieJarFetch();
    const { db, run } = await syncAs({ kind: 'cookie', username: USER.name, password: USER.password }, browser.fetch, database);
    await saveAnnotation(db, draft('첫 번째 메모'));
    await run();
    gate.expireSessions();
    gate.log.length = 0;
    const second = await saveAnnotation(db, draft('세션이 끝난 뒤의 메모'));
    const result = await run();
    expect(result.pushed).toBe(1);
    expect((await serverDoc(database, second.id)).quote).toBe(second.quote);
    expect(gate.log.filter((entry) => entry.path === '/_session')).toHaveLength(1);
    expect(await pendingCount(db)).toBe(0);
  });

  it('cookie auth with a wrong password: a plain error, and the note waits in the outbox', async () => {
    const { db, run } = await syncAs({ kind: 'cookie', username: USER.name, password: 'wrong' }, cookieJarFetch().fetch, uniqueName('wrong'));
    await saveAnnotation(db, draft('비밀번호가 틀리면 남아 있어야 한다'));
    const error = await run().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SyncError);
    expect((error as SyncError).message).toBe('Wrong user name or password (401)');
    expect(await pendingCount(db)).toBe(1);
  });

  it('basic auth: the password goes in each request and no cookie is sent or kept', async () => {
    const database = uniqueName('basic');
    const browser = cookieJarFetch();
    const { db, run } = await syncAs({ kind: 'basic', username: USER.name, password: USER.password }, browser.fetch, database);
    const note = await saveAnnotation(db, draft('기본 인증'));
    gate.log.length = 0;
    expect((await run()).pushed).toBe(1);
    expect((await serverDoc(database, note.id)).quote).toBe(note.quote);
    expect(gate.log.some((entry) => entry.path === '/_session')).toBe(false);
    expect(gate.log.every((entry) => entry.basic && !entry.cookie)).toBe(true);
    expect(new Set(browser.credentials)).toEqual(new Set(['omit']));
  });
});
