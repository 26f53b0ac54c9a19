/**
 * The background's sync service (implements SyncService from
 * utils/background/handlers.ts). Keeps nothing in memory that matters: the
 * outbox and checkpoints are in Dexie, settings and the retry state in
 * storage.local, so a service worker killed mid-sync resumes on the next run.
 *
 * When it syncs: after a local change (debounced), on the periodic alarm, at
 * start-up and on "Sync now" (which also skips the backoff wait).
 */
import type { Annotation } from '../annotation';
import type { SyncService } from '../background/handlers';
import type { FactmarkDB } from '../db/schema';
import { systemClock, type Clock } from '../db/repository';
import { ProtocolError, type Broadcast, type SyncStatusView } from '../messages';
import { backoffDelay, DEFAULT_BACKOFF, type BackoffPolicy } from './backoff';
import { localReplicaId } from './checkpoint';
import { conflictCount, InvalidMergeError, resolveConflict } from './conflicts';
import { CouchClient, type FetchLike } from './couch-client';
import type { MergedFields } from './merge-versions';
import { pendingCount } from './outbox';
import { replicate } from './replicator';
import { readSyncSettings, settingsProblems, testConnection, type StorageAreaLike } from './settings';
import { toSyncError } from './sync-error';

export const SYNC_ALARM = 'factmark-sync';
export const SYNC_RETRY_ALARM = 'factmark-sync-retry';
export const SYNC_RUNTIME_KEY = 'syncRuntime';

/** Persisted between service-worker lives. */
export interface SyncRuntimeState {
  lastSyncAt?: string;
  lastError?: string;
  failures: number;
  nextRetryAt?: string;
}

export interface SyncServiceDeps {
  db: FactmarkDB;
  fetch: FetchLike;
  storage: StorageAreaLike;
  broadcast: (message: Broadcast) => void;
  clock?: Clock;
  random?: () => number;
  debounceMs?: number;
  backoff?: BackoffPolicy;
  timeoutMs?: number;
  pushBatchSize?: number;
  pullBatchSize?: number;
  /** Wakes the worker for a retry (an alarm in the extension). */
  scheduleRetry?: (atMs: number) => void;
  /** Demo build flag, for settings defaults (tests pass it explicitly). */
  demo?: boolean;
}

export interface FactmarkSyncService extends SyncService {
  /** Periodic alarm / retry alarm / start-up: syncs unless waiting out a backoff. */
  tick(): Promise<SyncStatusView>;
  /** Settings were changed: forget the backoff and sync soon. */
  settingsChanged(): Promise<void>;
  /** Resolves when no sync is running or scheduled by the debounce (tests). */
  idle(): Promise<void>;
}

export function createSyncService(deps: SyncServiceDeps): FactmarkSyncService {
  const clock = deps.clock ?? systemClock;
  const debounceMs = deps.debounceMs ?? 2_000;
  const random = deps.random ?? Math.random;
  let running: Promise<SyncStatusView> | undefined;
  let again = false;
  let debounceTimer: ReturnType<typeof setTimeout> | undefined;
  let debounced: Promise<void> | undefined;
  let resolveDebounced: (() => void) | undefined;

  const readRuntime = async (): Promise<SyncRuntimeState> =>
    ({ failures: 0, ...((await deps.storage.get(SYNC_RUNTIME_KEY))[SYNC_RUNTIME_KEY] as Partial<SyncRuntimeState> | undefined) });
  const writeRuntime = (state: SyncRuntimeState) => deps.storage.set({ [SYNC_RUNTIME_KEY]: state });

  async function status(): Promise<SyncStatusView> {
    const [settings, runtime, pending, conflicts] = await Promise.all([
      readSyncSettings(deps.storage, deps.demo),
      readRuntime(),
      pendingCount(deps.db),
      conflictCount(deps.db),
    ]);
    const configured = settings.enabled && settingsProblems(settings).length === 0;
    const state: SyncStatusView['state'] = !configured ? 'disabled' : running ? 'syncing' : runtime.lastError ? 'error' : 'idle';
    return {
      state,
      pending,
      conflicts,
      ...(runtime.lastSyncAt ? { lastSyncAt: runtime.lastSyncAt } : {}),
      ...(runtime.lastError ? { lastError: runtime.lastError } : {}),
      ...(runtime.nextRetryAt && state === 'error' ? { nextRetryAt: runtime.nextRetryAt } : {}),
    };
  }

  async function announce(): Promise<SyncStatusView> {
    const view = await status();
    deps.broadcast({ type: 'sync.changed', payload: view });
    return view;
  }

  async function runOnce(): Promise<void> {
    const settings = await readSyncSettings(deps.storage, deps.demo);
    const runtime = await readRuntime();
    const client = new CouchClient({
      fetch: deps.fetch,
      serverUrl: settings.serverUrl,
      database: settings.database,
      auth: settings.auth,
      timeoutMs: deps.timeoutMs,
    });
    try {
      const result = await replicate({
        db: deps.db,
        client,
        replicaId: await localReplicaId(deps.db),
        now: () => clock.now(),
        pushBatchSize: deps.pushBatchSize,
        pullBatchSize: deps.pullBatchSize,
      });
      if (result.changed.ids.length) {
        deps.broadcast({ type: 'annotations.changed', payload: { pageUrls: result.changed.pageUrls, ids: result.changed.ids } });
      }
      const refused = result.rejected.length
        ? `${result.rejected.length} note(s) could not be synced: ${result.rejected[0].reason}`
        : undefined;
      await writeRuntime({ failures: 0, lastSyncAt: clock.now(), ...(refused ? { lastError: refused } : {}) });
    } catch (error) {
      const failures = runtime.failures + 1;
      const retryAt = Date.parse(clock.now()) + backoffDelay(failures, random, deps.backoff ?? DEFAULT_BACKOFF);
      await writeRuntime({
        ...runtime,
        failures,
        lastError: toSyncError(error).message,
        nextRetryAt: new Date(retryAt).toISOString(),
      });
      deps.scheduleRetry?.(retryAt);
    }
  }

  /** Runs a sync unless one is running (then one more follows it). */
  async function run(force: boolean): Promise<SyncStatusView> {
    const settings = await readSyncSettings(deps.storage, deps.demo);
    if (!settings.enabled || settingsProblems(settings).length) return status();
    if (!force) {
      const { nextRetryAt, lastError } = await readRuntime();
      if (lastError && nextRetryAt && Date.parse(nextRetryAt) > Date.parse(clock.now())) return status();
    }
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      try {
        do {
          again = false;
          // `running` is set, so this reports "syncing".
          await announce();
          await runOnce();
        } while (again && !(await readRuntime()).lastError);
      } finally {
        running = undefined;
      }
      return announce();
    })();
    return running;
  }

  return {
    noteLocalChange() {
      if (debounceTimer) clearTimeout(debounceTimer);
      debounced ??= new Promise<void>((resolve) => (resolveDebounced = resolve));
      debounceTimer = setTimeout(() => {
        debounceTimer = undefined;
        const done = resolveDebounced;
        debounced = undefined;
        run(false)
          .catch(() => undefined)
          .finally(() => done?.());
      }, debounceMs);
      void announce().catch(() => undefined);
    },
    syncNow: () => run(true),
    tick: () => run(false),
    status,
    async settingsChanged() {
      await writeRuntime({ ...(await readRuntime()), failures: 0, nextRetryAt: undefined, lastError: undefined });
      await run(false);
    },
    async testConnection() {
      return testConnection(await readSyncSettings(deps.storage, deps.demo), deps.fetch, deps.timeoutMs);
    },
    async resolveConflict(id: string, keepRev: string, merged?: MergedFields): Promise<Annotation> {
      const annotation = await resolveConflict(deps.db, id, keepRev, clock, merged).catch((error) => {
        throw error instanceof InvalidMergeError ? new ProtocolError('invalid', error.message) : error;
      });
      void announce().catch(() => undefined);
      return annotation;
    },
    async idle() {
      while (debounced || running) {
        await debounced;
        await running;
      }
    },
  };
}
