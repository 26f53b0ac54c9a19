/**
 * Sync status for the popup (compact) and the options page: last sync, changes
 * waiting, conflicts, the last error in plain words, and "Sync now".
 * Live: counts come from the database (liveQuery), the state from `sync.changed`
 * broadcasts and a `sync.status` request on mount.
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { FactmarkDB } from '../utils/db/schema';
import { t, uiLanguage } from '../utils/i18n';
import { isBroadcast, sendRequest, type MessageTransport, type SyncStatusView } from '../utils/messages';
import { pendingCount as countPending } from '../utils/sync/outbox';
import { localizeSyncError } from '../utils/sync/status-text';
import { SyncConflictList } from './SyncConflictList';
import { SYNC_STYLES } from './sync-styles';
import { useLiveQuery } from './use-live-query';

export interface SyncStatusProps {
  db: FactmarkDB;
  transport: MessageTransport;
  compact?: boolean;
  /** Subscribes to background broadcasts; defaults to browser.runtime.onMessage. */
  subscribe?: (listener: (message: unknown) => void) => () => void;
  /** For tests: a fixed "now". */
  now?: () => number;
}

function defaultSubscribe(listener: (message: unknown) => void): () => void {
  try {
    const handler = (message: unknown) => {
      listener(message);
    };
    browser.runtime.onMessage.addListener(handler);
    return () => browser.runtime.onMessage.removeListener(handler);
  } catch {
    return () => {};
  }
}

export function errorText(message: string): string {
  const localized = localizeSyncError(message);
  if (!localized) return message;
  const text = t(localized.key, localized.substitutions);
  return text === localized.key ? message : text;
}

function relativeTime(iso: string, now: number): string {
  const seconds = Math.round((Date.parse(iso) - now) / 1000);
  const format = new Intl.RelativeTimeFormat(uiLanguage(), { numeric: 'auto' });
  const abs = Math.abs(seconds);
  if (abs < 60) return format.format(seconds, 'second');
  if (abs < 3600) return format.format(Math.round(seconds / 60), 'minute');
  if (abs < 86_400) return format.format(Math.round(seconds / 3600), 'hour');
  return format.format(Math.round(seconds / 86_400), 'day');
}

export function SyncStatus({ db, transport, compact = false, subscribe = defaultSubscribe, now = Date.now }: SyncStatusProps) {
  const [status, setStatus] = useState<SyncStatusView>();
  const [requestError, setRequestError] = useState<string>();
  const [showConflicts, setShowConflicts] = useState(false);
  // One count the whole extension shares (utils/sync), not a cursor over every outbox row here.
  const pending = useLiveQuery(() => countPending(db), [db]);
  const conflicts = useLiveQuery(() => db.revisions.filter((r) => r.conflicts.length > 0).count(), [db]);

  useEffect(() => {
    let alive = true;
    sendRequest(transport, 'sync.status', {})
      .then((view) => alive && setStatus(view))
      .catch((error: Error) => alive && setRequestError(error.message));
    const unsubscribe = subscribe((message) => {
      if (isBroadcast(message) && message.type === 'sync.changed') setStatus(message.payload);
    });
    return () => {
      alive = false;
      unsubscribe();
    };
  }, [transport]);

  const syncNow = async () => {
    setRequestError(undefined);
    setStatus((s) => (s ? { ...s, state: 'syncing' } : s));
    try {
      setStatus(await sendRequest(transport, 'sync.now', {}));
    } catch (error) {
      setRequestError((error as Error).message);
    }
  };

  if (!status && !requestError) return <p class="sync-status hint" aria-busy="true">{t('syncStatusLoading')}</p>;
  const state = status?.state ?? 'error';
  const pendingCount = pending ?? status?.pending ?? 0;
  const conflictCount = conflicts ?? status?.conflicts ?? 0;
  const busy = state === 'syncing';

  let headline: string;
  if (state === 'disabled') headline = t('syncStatusDisabled');
  else if (busy) headline = t('syncStatusSyncing');
  else if (state === 'error') headline = t('syncStatusError');
  else if (status?.lastSyncAt) headline = t('syncStatusSyncedAt', relativeTime(status.lastSyncAt, now()));
  else headline = t('syncStatusNever');

  return (
    <div class={`sync-status sync-${state}${compact ? ' compact' : ''}`}>
      <style>{SYNC_STYLES}</style>
      <div aria-live="polite" class="sync-line">
        <span class={`sync-dot sync-dot-${state}`} aria-hidden="true" />
        <span class="sync-headline">{headline}</span>
        {pendingCount > 0 && <span class="sync-pending">{t('syncStatusPending', String(pendingCount))}</span>}
        {conflictCount > 0 && (
          <button type="button" class="link sync-conflicts" aria-expanded={compact ? undefined : showConflicts} onClick={() => setShowConflicts((v) => !v)}>
            {t('syncStatusConflicts', String(conflictCount))}
          </button>
        )}
      </div>
      {(status?.lastError || requestError) && (
        <p class="sync-error" role="alert">
          {errorText(status?.lastError ?? requestError!)}
          {status?.nextRetryAt && state === 'error' && <span class="hint"> {t('syncStatusRetryAt', relativeTime(status.nextRetryAt, now()))}</span>}
        </p>
      )}
      {state !== 'disabled' && (
        <button type="button" class="sync-now" onClick={syncNow} disabled={busy} aria-busy={busy}>
          {busy ? t('syncStatusSyncing') : t('syncNow')}
        </button>
      )}
      {showConflicts && conflictCount > 0 && <SyncConflictList db={db} transport={transport} />}
    </div>
  );
}

export default SyncStatus;
