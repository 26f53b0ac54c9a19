// @vitest-environment jsdom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { act } from 'preact/test-utils';
import { SyncConflictList } from '../../components/SyncConflictList';
import { SyncSettings } from '../../components/SyncSettings';
import { SyncStatus } from '../../components/SyncStatus';
import { createHandlers } from '../../utils/background/handlers';
import { saveAnnotation, updateAnnotation } from '../../utils/db/repository';
import { openDatabase } from '../../utils/db/schema';
import { dispatch, type Broadcast } from '../../utils/messages';
import { createSyncService } from '../../utils/sync/service';
import { SYNC_SETTINGS_KEY, type StorageAreaLike } from '../../utils/sync/settings';
import { draft, syncWith, uniqueName, useSyncServer } from '../utils/sync/server-fixture';
import { click, installEnglishStrings, mount, waitFor } from './render-helpers';

vi.setConfig({ testTimeout: 30_000 });
const server = useSyncServer();

beforeEach(() => {
  installEnglishStrings();
  document.body.innerHTML = '';
});

function memoryStorage(initial: Record<string, unknown> = {}): StorageAreaLike & { data: Record<string, unknown> } {
  const data: Record<string, unknown> = structuredClone(initial);
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

function setup(database = uniqueName('ui')) {
  const db = openDatabase(uniqueName('ui-local'));
  const storage = memoryStorage({ [SYNC_SETTINGS_KEY]: { enabled: true, serverUrl: server.url, database, auth: { kind: 'none' }, intervalMinutes: 5 } });
  const listeners = new Set<(m: unknown) => void>();
  const broadcast = (message: Broadcast) => listeners.forEach((l) => l(message));
  const sync = createSyncService({ db, fetch: (i, n) => fetch(i, n), storage, broadcast, demo: false, debounceMs: 10_000 });
  const handlers = createHandlers({ db, broadcast, sync });
  const transport = { sendMessage: (message: unknown) => dispatch(handlers, message, 'extension') };
  const subscribe = (listener: (m: unknown) => void) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  };
  return { db, storage, transport, subscribe, sync, database };
}

const text = (el: Element) => el.textContent ?? '';

describe('SyncStatus', () => {
  it('shows waiting changes, syncs on "Sync now" and reports the time', async () => {
    const { db, transport, subscribe } = setup();
    await saveAnnotation(db, draft('Exports rose 12%'));
    const container = await mount(<SyncStatus db={db} transport={transport} subscribe={subscribe} />);
    await waitFor(() => text(container).includes('1 change(s) waiting'));
    expect(text(container)).toContain('Not synced yet');
    await click([...container.querySelectorAll('button')].find((b) => text(b) === 'Sync now'));
    await waitFor(() => text(container).includes('Synced'));
    await waitFor(() => !text(container).includes('waiting'));
    expect(container.querySelector('[role="alert"]')).toBeNull();
  });

  it('shows a failure in plain words', async () => {
    const { db, storage, transport, subscribe } = setup();
    storage.data[SYNC_SETTINGS_KEY] = { enabled: true, serverUrl: 'http://127.0.0.1:9', database: 'x', auth: { kind: 'none' }, intervalMinutes: 5 };
    await saveAnnotation(db, draft('Exports rose 12%'));
    const container = await mount(<SyncStatus db={db} transport={transport} subscribe={subscribe} />);
    await waitFor(() => container.querySelector('button.sync-now'));
    await click(container.querySelector('button.sync-now'));
    const alert = await waitFor(() => container.querySelector('[role="alert"]'));
    expect(text(alert)).toContain('Server unreachable');
    expect(text(container)).toContain('Sync failed');
    expect(text(container)).toContain('1 change(s) waiting');
  });
});

describe('SyncConflictList', () => {
  it('shows both versions and keeps the one chosen', async () => {
    const a = setup();
    const other = openDatabase(uniqueName('ui-other'));
    const note = await saveAnnotation(a.db, draft('Inflation is 2%'));
    await syncWith(a.db, server.url, a.database);
    await syncWith(other, server.url, a.database);
    await updateAnnotation(a.db, note.id, { comment: 'Version from this browser' });
    await updateAnnotation(other, note.id, { comment: 'Version from the laptop' });
    await syncWith(other, server.url, a.database);
    await syncWith(a.db, server.url, a.database);

    const container = await mount(<SyncConflictList db={a.db} transport={a.transport} />);
    await waitFor(() => container.querySelectorAll('.sync-version-choice').length === 2);
    expect(text(container)).toContain('Version from this browser');
    expect(text(container)).toContain('Version from the laptop');
    const laptop = [...container.querySelectorAll('.sync-version-choice')].find((el) => text(el).includes('laptop'))!;
    await click(laptop.querySelector('button'));
    await waitFor(() => text(container).includes('No conflicts.'));
    expect((await a.db.annotations.get(note.id))!.comment).toBe('Version from the laptop');
  });
});

describe('SyncConflictList merge', () => {
  it('shows the versions side by side with differences marked, and saves the merge with the verdict picked', async () => {
    const a = setup();
    const other = openDatabase(uniqueName('ui-other'));
    const note = await saveAnnotation(a.db, draft('Inflation is 2%', { sources: ['https://kostat.go.kr/'], tags: ['prices'] }));
    await syncWith(a.db, server.url, a.database);
    await syncWith(other, server.url, a.database);
    await updateAnnotation(a.db, note.id, { verdict: 'false', comment: 'Browser: CPI says 2.4%', tags: ['prices', 'cpi'] });
    await updateAnnotation(other, note.id, { verdict: 'mostly-true', comment: 'Laptop: core inflation is 2%', sources: ['https://kostat.go.kr/', 'https://bok.or.kr/'] });
    await syncWith(other, server.url, a.database);
    await syncWith(a.db, server.url, a.database);

    const container = await mount(<SyncConflictList db={a.db} transport={a.transport} />);
    await waitFor(() => container.querySelectorAll('.sync-version-choice').length === 2);
    // Differences are marked in words (read out too), shared values are not.
    const differing = [...container.querySelectorAll('.sync-version-choice')[0].querySelectorAll('dt.sync-field-differs')].map((dt) => text(dt));
    expect(differing).toEqual(['Verdict · differs', 'Comment · differs', 'Tags · differs', 'Sources · differs']);
    expect([...container.querySelectorAll('.sync-version-choice mark.sync-only-here')].map(text).sort()).toEqual(['cpi', 'https://bok.or.kr/']);

    // The merge preview: every tag and source, both comments with a separator, the verdict picked.
    const preview = () => container.querySelector('.sync-merged')!;
    expect(text(preview())).toContain('Browser: CPI says 2.4%');
    expect(text(preview())).toContain('Laptop: core inflation is 2%');
    expect(text(preview())).toContain('— — —');
    const radios = [...container.querySelectorAll<HTMLInputElement>('.sync-merge input[type="radio"]')];
    expect(radios).toHaveLength(2);
    expect(new Set(radios.map((r) => r.name)).size).toBe(1); // one group: arrow keys move between them
    const laptopChoice = radios.find((r) => text(r.closest('label')!).includes('Mostly true'))!;
    await act(() => laptopChoice.click());
    expect(laptopChoice.checked).toBe(true);
    expect(text(preview())).toContain('Mostly true');
    const save = [...container.querySelectorAll('button')].find((b) => text(b) === 'Save merged note')!;
    expect(save.tabIndex).toBe(0);
    await click(save);
    await waitFor(() => text(container).includes('No conflicts.'));
    const merged = (await a.db.annotations.get(note.id))!;
    expect(merged.verdict).toBe('mostly-true');
    expect(merged.comment).toContain('Browser: CPI says 2.4%');
    expect(merged.comment).toContain('Laptop: core inflation is 2%');
    expect([...merged.tags].sort()).toEqual(['cpi', 'prices']);
    expect([...merged.sources].sort()).toEqual(['https://bok.or.kr/', 'https://kostat.go.kr/']);
  });
});

describe('SyncSettings', () => {
  it('validates, asks for the server origin, stores settings and never shows the password', async () => {
    const { db, transport } = setup();
    const storage = memoryStorage();
    const requested: string[][] = [];
    const container = await mount(
      <SyncSettings db={db} transport={transport} storage={storage} requestOrigins={async (o) => (requested.push(o), true)} />,
    );
    await waitFor(() => container.querySelector('#sync-server-url'));
    const input = (id: string, value: string) =>
      act(() => {
        const el = container.querySelector<HTMLInputElement>(`#${id}`)!;
        el.value = value;
        el.dispatchEvent(new Event('input', { bubbles: true }));
      });
    await act(() => container.querySelector<HTMLInputElement>('input[type="checkbox"]')!.click());
    await input('sync-server-url', server.url);
    await input('sync-database', 'Not Valid');
    await click([...container.querySelectorAll('button')].find((b) => text(b) === 'Save'));
    expect(text(await waitFor(() => container.querySelector('[role="alert"]')))).toContain('Database names start with a lowercase letter');
    expect(storage.data[SYNC_SETTINGS_KEY]).toBeUndefined();

    await input('sync-database', 'team-notes');
    await act(() => container.querySelector<HTMLInputElement>('input[value="basic"]')!.click());
    await input('sync-username', 'reporter');
    await input('sync-password', 'hunter2');
    await click([...container.querySelectorAll('button')].find((b) => text(b) === 'Save'));
    await waitFor(() => text(container).includes('Saved.'));
    expect(requested).toEqual([['http://127.0.0.1/*']]);
    expect(storage.data[SYNC_SETTINGS_KEY]).toMatchObject({ database: 'team-notes', auth: { kind: 'basic', username: 'reporter', password: 'hunter2' } });
    expect(container.querySelector<HTMLInputElement>('#sync-password')!.value).toBe('');
    expect(container.innerHTML).not.toContain('hunter2');

    await click([...container.querySelectorAll('button')].find((b) => text(b) === 'Test connection'));
    await waitFor(() => text(container).includes('Connected.'));
  });
});
