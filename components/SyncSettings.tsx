/**
 * Sync settings for the options page. Settings and credentials go to
 * storage.local only (utils/sync/settings.ts); the password is never shown
 * again, only "stored". Saving or testing asks for access to the server's
 * origin (optional_host_permissions) in the click that started it.
 */
import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { FactmarkDB } from '../utils/db/schema';
import { t } from '../utils/i18n';
import type { MessageTransport } from '../utils/messages';
import type { SyncAuth } from '../utils/sync/couch-client';
import {
  originPermissionPattern,
  readSyncSettings,
  settingsProblems,
  testConnection,
  writeSyncSettings,
  type StorageAreaLike,
  type SyncSettings as Settings,
} from '../utils/sync/settings';
import { errorText, SyncStatus } from './SyncStatus';
import { SYNC_STYLES } from './sync-styles';

export interface SyncSettingsProps {
  db: FactmarkDB;
  transport: MessageTransport;
  /** Defaults to browser.storage.local. */
  storage?: StorageAreaLike;
  /** Asks for host access to `origins`; defaults to browser.permissions.request. */
  requestOrigins?: (origins: string[]) => Promise<boolean>;
  fetch?: typeof fetch;
}

interface Form {
  enabled: boolean;
  serverUrl: string;
  database: string;
  authKind: SyncAuth['kind'];
  username: string;
  password: string;
  hasPassword: boolean;
  intervalMinutes: number;
}

function toForm(settings: Settings): Form {
  return {
    enabled: settings.enabled,
    serverUrl: settings.serverUrl,
    database: settings.database,
    authKind: settings.auth.kind,
    username: settings.auth.kind === 'none' ? '' : settings.auth.username,
    password: '',
    hasPassword: settings.auth.kind !== 'none' && !!settings.auth.password,
    intervalMinutes: settings.intervalMinutes,
  };
}

function fromForm(form: Form, stored: Settings): Settings {
  const storedPassword = stored.auth.kind === 'none' ? '' : stored.auth.password;
  const auth: SyncAuth =
    form.authKind === 'none' ? { kind: 'none' } : { kind: form.authKind, username: form.username.trim(), password: form.password || storedPassword };
  return { enabled: form.enabled, serverUrl: form.serverUrl.trim(), database: form.database.trim(), auth, intervalMinutes: form.intervalMinutes };
}

const defaultRequestOrigins = async (origins: string[]) => {
  try {
    return await browser.permissions.request({ origins });
  } catch {
    return false;
  }
};

export function SyncSettings({ db, transport, storage = browser.storage.local, requestOrigins = defaultRequestOrigins, fetch: fetchImpl = fetch }: SyncSettingsProps) {
  const [stored, setStored] = useState<Settings>();
  const [form, setForm] = useState<Form>();
  const [message, setMessage] = useState<{ ok: boolean; text: string }>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    readSyncSettings(storage).then((settings) => {
      setStored(settings);
      setForm(toForm(settings));
    });
  }, [storage]);

  if (!form || !stored) return <p class="hint">{t('syncStatusLoading')}</p>;
  const update = (patch: Partial<Form>) => setForm({ ...form, ...patch });
  const candidate = fromForm(form, stored);

  /** Must start inside the click: browsers only grant permissions during a user gesture. */
  const askAccess = (): Promise<boolean> => {
    try {
      return requestOrigins([originPermissionPattern(candidate.serverUrl)]);
    } catch {
      return Promise.resolve(false); // invalid URL: reported by validation
    }
  };

  const problemsOrNull = () => {
    const problems = candidate.enabled || candidate.serverUrl ? settingsProblems(candidate) : [];
    return problems.length ? problems.join(' ') : null;
  };

  const save = async (event: JSX.TargetedEvent<HTMLFormElement>) => {
    event.preventDefault();
    const problems = problemsOrNull();
    if (problems) return setMessage({ ok: false, text: problems });
    const granted = candidate.enabled ? askAccess() : Promise.resolve(true);
    setBusy(true);
    try {
      if (!(await granted)) return setMessage({ ok: false, text: t('syncSettingsPermissionDenied') });
      const saved = await writeSyncSettings(storage, candidate);
      setStored(saved);
      setForm(toForm(saved));
      setMessage({ ok: true, text: t('syncSettingsSaved') });
    } catch (error) {
      setMessage({ ok: false, text: (error as Error).message });
    } finally {
      setBusy(false);
    }
  };

  const test = async () => {
    const problems = settingsProblems(candidate);
    if (problems.length) return setMessage({ ok: false, text: problems.join(' ') });
    const granted = askAccess();
    setBusy(true);
    try {
      if (!(await granted)) return setMessage({ ok: false, text: t('syncSettingsPermissionDenied') });
      const result = await testConnection(candidate, (input, init) => fetchImpl(input, init));
      setMessage({ ok: result.ok, text: result.ok ? result.message : errorText(result.message) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="sync-settings">
      <style>{SYNC_STYLES}</style>
      <form onSubmit={save} aria-busy={busy}>
        <label class="row">
          <input type="checkbox" checked={form.enabled} onChange={(e) => update({ enabled: e.currentTarget.checked })} />
          {t('syncSettingsEnabled')}
        </label>
        <div class="row column">
          <label for="sync-server-url">{t('syncSettingsServerUrl')}</label>
          <input id="sync-server-url" type="url" inputMode="url" placeholder="https://couch.example.org" value={form.serverUrl} onInput={(e) => update({ serverUrl: e.currentTarget.value })} />
        </div>
        <div class="row column">
          <label for="sync-database">{t('syncSettingsDatabase')}</label>
          <input id="sync-database" type="text" spellcheck={false} autoCapitalize="off" value={form.database} onInput={(e) => update({ database: e.currentTarget.value })} />
          <p class="hint">{t('syncSettingsDatabaseHint')}</p>
        </div>
        <fieldset class="row">
          <legend>{t('syncSettingsAuth')}</legend>
          {(['none', 'basic', 'cookie'] as const).map((kind) => (
            <label key={kind}>
              <input type="radio" name="sync-auth" value={kind} checked={form.authKind === kind} onChange={() => update({ authKind: kind })} />
              {t(kind === 'none' ? 'syncSettingsAuthNone' : kind === 'basic' ? 'syncSettingsAuthBasic' : 'syncSettingsAuthCookie')}
            </label>
          ))}
        </fieldset>
        {form.authKind !== 'none' && (
          <>
            <div class="row column">
              <label for="sync-username">{t('syncSettingsUsername')}</label>
              <input id="sync-username" type="text" autoComplete="username" value={form.username} onInput={(e) => update({ username: e.currentTarget.value })} />
            </div>
            <div class="row column">
              <label for="sync-password">{t('syncSettingsPassword')}</label>
              <input
                id="sync-password"
                type="password"
                autoComplete="current-password"
                placeholder={form.hasPassword ? t('syncSettingsPasswordStored') : ''}
                value={form.password}
                onInput={(e) => update({ password: e.currentTarget.value })}
              />
              <p class="hint">{t('syncSettingsPasswordHint')}</p>
            </div>
          </>
        )}
        <div class="row column">
          <label for="sync-interval">{t('syncSettingsInterval')}</label>
          <input id="sync-interval" type="number" min={1} max={1440} value={form.intervalMinutes} onInput={(e) => update({ intervalMinutes: Number(e.currentTarget.value) })} />
        </div>
        <div class="row">
          <button type="submit" class="primary" disabled={busy}>
            {t('syncSettingsSave')}
          </button>
          <button type="button" onClick={test} disabled={busy}>
            {t('syncSettingsTest')}
          </button>
        </div>
        {message && (
          <p class={message.ok ? 'sync-ok' : 'sync-error'} aria-live="polite" role={message.ok ? undefined : 'alert'}>
            {message.text}
          </p>
        )}
      </form>
      <SyncStatus db={db} transport={transport} />
    </div>
  );
}

export default SyncSettings;
