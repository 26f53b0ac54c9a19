/**
 * Sync settings, credentials included, live in `storage.local` only: never in
 * Dexie, so no export or import ever carries them. The storage area is
 * injected (browser.storage.local in the extension, a Map in tests).
 *
 * Demo builds (`FACTMARK_DEMO_SYNC=1 npm run build`, wired in wxt.config.ts as
 * `import.meta.env.FACTMARK_DEMO_SYNC`) start preconfigured for the local
 * server of `npm run sync-server`: http://127.0.0.1:5984, database "factmark".
 */
import { CouchClient, normalizeServerUrl, type FetchLike, type SyncAuth } from './couch-client';
import { toSyncError } from './sync-error';

export interface StorageAreaLike {
  get(keys: string | string[]): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

export interface SyncSettings {
  enabled: boolean;
  /** Server root, e.g. https://couch.example.org */
  serverUrl: string;
  database: string;
  auth: SyncAuth;
  /** Periodic sync interval. */
  intervalMinutes: number;
}

export const SYNC_SETTINGS_KEY = 'syncSettings';

export const DEMO_SYNC_SETTINGS: SyncSettings = {
  enabled: true,
  serverUrl: 'http://127.0.0.1:5984',
  database: 'factmark',
  auth: { kind: 'none' },
  intervalMinutes: 5,
};

export const EMPTY_SYNC_SETTINGS: SyncSettings = { enabled: false, serverUrl: '', database: 'factmark', auth: { kind: 'none' }, intervalMinutes: 15 };

export function isDemoBuild(): boolean {
  const env = (import.meta as { env?: Record<string, unknown> }).env;
  return env?.FACTMARK_DEMO_SYNC === true || env?.FACTMARK_DEMO_SYNC === '1';
}

export function defaultSyncSettings(demo = isDemoBuild()): SyncSettings {
  return structuredClone(demo ? DEMO_SYNC_SETTINGS : EMPTY_SYNC_SETTINGS);
}

export async function readSyncSettings(storage: StorageAreaLike, demo = isDemoBuild()): Promise<SyncSettings> {
  const stored = (await storage.get(SYNC_SETTINGS_KEY))[SYNC_SETTINGS_KEY] as Partial<SyncSettings> | undefined;
  return { ...defaultSyncSettings(demo), ...(stored ?? {}) };
}

export class SyncSettingsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SyncSettingsError';
  }
}

/** CouchDB database names: lowercase letter first, then a-z 0-9 _ $ ( ) + - / */
const DATABASE_NAME = /^[a-z][a-z0-9_$()+/-]{0,237}$/;

/** Problems with settings, in plain words; empty when usable. */
export function settingsProblems(settings: SyncSettings): string[] {
  const problems: string[] = [];
  if (!settings.serverUrl) problems.push('Enter the server address.');
  else {
    try {
      const url = new URL(settings.serverUrl);
      if (url.protocol !== 'https:' && url.protocol !== 'http:') problems.push('The server address must start with https:// or http://.');
      if (url.username || url.password) problems.push('Put the user name and password in their own fields, not in the address.');
    } catch {
      problems.push('The server address is not a valid URL.');
    }
  }
  if (!DATABASE_NAME.test(settings.database)) {
    problems.push('Database names start with a lowercase letter and use only a-z, 0-9 and _ $ ( ) + - /.');
  }
  if (settings.auth.kind !== 'none' && !settings.auth.username) problems.push('Enter the user name.');
  if (!(settings.intervalMinutes >= 1 && settings.intervalMinutes <= 24 * 60)) problems.push('The sync interval must be between 1 minute and 1 day.');
  return problems;
}

/** Validates and stores a patch; throws SyncSettingsError with every problem. */
export async function writeSyncSettings(storage: StorageAreaLike, patch: Partial<SyncSettings>, demo = isDemoBuild()): Promise<SyncSettings> {
  const current = await readSyncSettings(storage, demo);
  const next: SyncSettings = { ...current, ...patch, auth: patch.auth ? { ...patch.auth } : current.auth };
  next.database = next.database.trim();
  if (next.serverUrl) {
    try {
      next.serverUrl = normalizeServerUrl(next.serverUrl);
    } catch {
      /* reported below */
    }
  }
  const problems = next.enabled || next.serverUrl ? settingsProblems(next) : [];
  if (problems.length) throw new SyncSettingsError(problems.join(' '));
  await storage.set({ [SYNC_SETTINGS_KEY]: next });
  return next;
}

/** Settings safe to show in a page: the password replaced by whether one is stored. */
export function publicSettings(settings: SyncSettings): Omit<SyncSettings, 'auth'> & { auth: { kind: SyncAuth['kind']; username?: string; hasPassword: boolean } } {
  const { auth, ...rest } = settings;
  return { ...rest, auth: auth.kind === 'none' ? { kind: 'none', hasPassword: false } : { kind: auth.kind, username: auth.username, hasPassword: !!auth.password } };
}

/**
 * The host permission pattern to request for a server (all ports of the host;
 * Chromium and Firefox both accept it in `permissions.request`).
 */
export function originPermissionPattern(serverUrl: string): string {
  const url = new URL(serverUrl);
  return `${url.protocol}//${url.hostname}/*`;
}

/**
 * "Test connection": is it a CouchDB, are the credentials right, is the
 * database there? Reads only; creates nothing.
 */
export async function testConnection(settings: SyncSettings, fetchImpl: FetchLike, timeoutMs = 10_000): Promise<{ ok: boolean; message: string }> {
  const problems = settingsProblems(settings);
  if (problems.length) return { ok: false, message: problems.join(' ') };
  const client = new CouchClient({ fetch: fetchImpl, serverUrl: settings.serverUrl, database: settings.database, auth: settings.auth, timeoutMs });
  try {
    const welcome = await client.request('', { root: true, allow: [401] });
    if (welcome.status !== 401 && !(welcome.body && ('couchdb' in welcome.body || 'express-pouchdb' in welcome.body))) {
      return { ok: false, message: 'This address answers, but it is not a CouchDB server.' };
    }
    const info = await client.request('', { allow: [404] });
    if (info.status === 404) return { ok: true, message: `Connected. Database "${settings.database}" does not exist yet; the first sync creates it if this account may.` };
    const docs = typeof info.body?.doc_count === 'number' ? ` (${info.body.doc_count} documents)` : '';
    return { ok: true, message: `Connected to database "${settings.database}"${docs}.` };
  } catch (error) {
    return { ok: false, message: toSyncError(error).message };
  }
}
