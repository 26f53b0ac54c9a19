/**
 * A small HTTP client for one CouchDB database. `fetch` is injected; every
 * request gets its own timeout and abort, chained to the caller's signal.
 */
import { SyncError, describeStatus } from './sync-error';

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

export type SyncAuth = { kind: 'none' } | { kind: 'basic' | 'cookie'; username: string; password: string };

export interface CouchClientOptions {
  fetch: FetchLike;
  /** Server root, e.g. https://couch.example.org:6984 (a path prefix is kept). */
  serverUrl: string;
  database: string;
  auth?: SyncAuth;
  /** Per-request timeout. */
  timeoutMs?: number;
  /** Aborts every request (the whole sync). */
  signal?: AbortSignal;
}

export interface RequestOptions {
  method?: string;
  query?: Record<string, string | number | boolean>;
  body?: unknown;
  /** The body already written as JSON text (instead of `body`). */
  json?: string;
  headers?: Record<string, string>;
  timeoutMs?: number;
  /** Statuses returned as `{ status, body }` instead of thrown. */
  allow?: number[];
  /** Server-level path (not inside the database). */
  root?: boolean;
}

export interface CouchResponse<T = any> {
  status: number;
  body: T;
  contentType: string;
  text?: string;
}

export const DEFAULT_TIMEOUT_MS = 30_000;

function base64Utf8(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

export function normalizeServerUrl(serverUrl: string): string {
  const url = new URL(serverUrl.trim());
  url.username = '';
  url.password = '';
  url.search = '';
  url.hash = '';
  return url.toString().replace(/\/+$/, '');
}

export class CouchClient {
  readonly serverUrl: string;
  readonly database: string;
  private readonly fetch: FetchLike;
  private readonly auth: SyncAuth;
  private readonly timeoutMs: number;
  private readonly signal?: AbortSignal;
  private sessionReady = false;
  /** A login under way: requests that start together share it. */
  private loggingIn?: Promise<void>;

  constructor(options: CouchClientOptions) {
    this.fetch = options.fetch;
    this.serverUrl = normalizeServerUrl(options.serverUrl);
    this.database = options.database;
    this.auth = options.auth ?? { kind: 'none' };
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.signal = options.signal;
  }

  get dbUrl(): string {
    return `${this.serverUrl}/${encodeURIComponent(this.database)}`;
  }

  async request<T = any>(path: string, options: RequestOptions = {}): Promise<CouchResponse<T>> {
    if (this.auth.kind === 'cookie' && !this.sessionReady) await this.sharedLogin();
    let response = await this.send<T>(path, options);
    if (response.status === 401 && this.auth.kind === 'cookie') {
      // The AuthSession cookie expired: log in again once (with any request that found the same).
      this.sessionReady = false;
      await this.sharedLogin();
      response = await this.send<T>(path, options);
    }
    if (response.status >= 400 && !options.allow?.includes(response.status)) {
      const reason = typeof (response.body as any)?.reason === 'string' ? (response.body as any).reason : undefined;
      throw describeStatus(response.status, this.database, reason);
    }
    return response;
  }

  private sharedLogin(): Promise<void> {
    return (this.loggingIn ??= this.login().finally(() => (this.loggingIn = undefined)));
  }

  /** Cookie auth: POST /_session; the browser keeps the AuthSession cookie. */
  async login(): Promise<void> {
    if (this.auth.kind !== 'cookie') return;
    const response = await this.send('_session', {
      method: 'POST',
      root: true,
      body: { name: this.auth.username, password: this.auth.password },
    });
    if (response.status === 401 || response.status === 403) throw new SyncError('auth', 'Wrong user name or password (401)', 401);
    if (response.status >= 400) throw describeStatus(response.status, this.database);
    this.sessionReady = true;
  }

  private async send<T>(path: string, options: RequestOptions): Promise<CouchResponse<T>> {
    const base = options.root ? this.serverUrl : this.dbUrl;
    let url = path ? `${base}/${path}` : base;
    if (options.query) {
      const params = new URLSearchParams();
      for (const [key, value] of Object.entries(options.query)) params.set(key, String(value));
      url += `?${params.toString()}`;
    }
    const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
    const payload = options.json ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
    if (payload !== undefined) headers['Content-Type'] = 'application/json';
    if (this.auth.kind === 'basic') headers.Authorization = `Basic ${base64Utf8(`${this.auth.username}:${this.auth.password}`)}`;

    if (this.signal?.aborted) throw new SyncError('aborted', 'Sync stopped');
    const controller = new AbortController();
    const timeoutMs = options.timeoutMs ?? this.timeoutMs;
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    const onOuterAbort = () => controller.abort();
    this.signal?.addEventListener('abort', onOuterAbort, { once: true });
    try {
      let response: Response;
      try {
        response = await this.fetch(url, {
          method: options.method ?? (payload === undefined ? 'GET' : 'POST'),
          headers,
          body: payload,
          signal: controller.signal,
          // Cookie auth needs the browser's cookie jar; basic auth must not send stray cookies.
          credentials: this.auth.kind === 'cookie' ? 'include' : 'omit',
          cache: 'no-store',
        });
      } catch (error) {
        throw this.networkError(error, timedOut, timeoutMs);
      }
      const contentType = response.headers.get('content-type') ?? '';
      let text: string;
      try {
        text = await response.text();
      } catch (error) {
        throw this.networkError(error, timedOut, timeoutMs);
      }
      let body: any = undefined;
      if (contentType.includes('json') || /^\s*[[{]/.test(text)) {
        try {
          body = JSON.parse(text);
        } catch {
          if (response.ok) throw new SyncError('protocol', `The server sent malformed JSON for ${path || 'the database'}`);
        }
      }
      return { status: response.status, body, contentType, text: body === undefined ? text : undefined };
    } finally {
      clearTimeout(timer);
      this.signal?.removeEventListener('abort', onOuterAbort);
    }
  }

  private networkError(error: unknown, timedOut: boolean, timeoutMs: number): SyncError {
    if (error instanceof SyncError) return error;
    if (timedOut) return new SyncError('timeout', `Server did not answer within ${Math.round(timeoutMs / 1000)} s`);
    if (this.signal?.aborted) return new SyncError('aborted', 'Sync stopped');
    return new SyncError('unreachable', 'Server unreachable');
  }
}
