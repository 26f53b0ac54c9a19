import { describe, expect, it, vi } from 'vitest';

vi.setConfig({ testTimeout: 30_000 });
import {
  DEMO_SYNC_SETTINGS,
  originPermissionPattern,
  publicSettings,
  readSyncSettings,
  SYNC_SETTINGS_KEY,
  testConnection,
  writeSyncSettings,
  type StorageAreaLike,
} from '../../../utils/sync/settings';
import { useSyncServer } from './server-fixture';

const server = useSyncServer();

function memoryStorage(): StorageAreaLike & { data: Record<string, unknown> } {
  const data: Record<string, unknown> = {};
  return {
    data,
    async get(keys) {
      const list = typeof keys === 'string' ? [keys] : keys;
      return Object.fromEntries(list.filter((k) => k in data).map((k) => [k, structuredClone(data[k])]));
    },
    async set(items) {
      Object.assign(data, structuredClone(items));
    },
  };
}

describe('sync settings', () => {
  it('demo builds default to the local server; normal builds start disabled', async () => {
    expect(await readSyncSettings(memoryStorage(), true)).toEqual(DEMO_SYNC_SETTINGS);
    expect((await readSyncSettings(memoryStorage(), false)).enabled).toBe(false);
  });

  it('validates and normalises before storing, with every problem in plain words', async () => {
    const storage = memoryStorage();
    await expect(writeSyncSettings(storage, { enabled: true, serverUrl: 'ftp://x', database: 'Bad Name' }, false)).rejects.toThrow(
      /https:\/\/ or http:\/\/.*Database names start with a lowercase letter/,
    );
    expect(storage.data[SYNC_SETTINGS_KEY]).toBeUndefined();
    const saved = await writeSyncSettings(
      storage,
      { enabled: true, serverUrl: 'https://couch.example.org/', database: 'userdb-616c696365', auth: { kind: 'basic', username: 'alice', password: 's3cret' } },
      false,
    );
    expect(saved.serverUrl).toBe('https://couch.example.org');
    expect(publicSettings(saved).auth).toEqual({ kind: 'basic', username: 'alice', hasPassword: true });
    expect(JSON.stringify(publicSettings(saved))).not.toContain('s3cret');
    expect(originPermissionPattern(saved.serverUrl)).toBe('https://couch.example.org/*');
    expect(originPermissionPattern('http://127.0.0.1:5984')).toBe('http://127.0.0.1/*');
  });

  it('tests a connection: a real server, a missing database, a wrong address', async () => {
    const base = { enabled: true, auth: { kind: 'none' as const }, intervalMinutes: 5 };
    const missing = await testConnection({ ...base, serverUrl: server.url, database: 'nope' }, fetch);
    expect(missing.ok).toBe(true);
    expect(missing.message).toContain('does not exist yet');
    await fetch(`${server.url}/present`, { method: 'PUT' });
    expect(await testConnection({ ...base, serverUrl: server.url, database: 'present' }, fetch)).toEqual({
      ok: true,
      message: 'Connected to database "present" (0 documents).',
    });
    expect(await testConnection({ ...base, serverUrl: 'http://127.0.0.1:9', database: 'x' }, fetch)).toEqual({ ok: false, message: 'Server unreachable' });
    const notCouch = async () => new Response('<html>hello</html>', { status: 200, headers: { 'Content-Type': 'text/html' } });
    expect((await testConnection({ ...base, serverUrl: 'http://127.0.0.1:1', database: 'x' }, notCouch)).message).toContain('not a CouchDB server');
  });
});
