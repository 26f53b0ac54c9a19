import type { JSX } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../utils/i18n';
import type { Annotation } from '../utils/annotation';
import type { AllNotesTabProps } from './AllNotesTab';
import type { EmbeddedReviewsProps } from './EmbeddedReviews';
import type { ExportImportProps } from './ExportImport';
import type { InitialPageData } from './page-data';
import { type PopupViewEnv, PopupEnvContext } from './popup-env';
import type { SyncStatusProps } from './SyncStatus';
import { ThisPageTab } from './ThisPageTab';
import { useActions } from './use-actions';
import { useLazyComponent } from './use-lazy-component';

type TabKey = 'page' | 'all';
const TABS: TabKey[] = ['page', 'all'];

export interface PopupAppProps {
  /** Without `db` during the extension popup's first paint (entrypoints/popup/app.tsx). */
  env: PopupViewEnv;
  pageUrl?: string;
  tabId?: number;
  initialTab?: TabKey;
  listHeight?: number;
  /** "This page"'s data read before the first render (entrypoints/popup/main.tsx). */
  initialPageData?: InitialPageData;
}

/** The popup: "This page" and "All notes" tabs, a live region for outcomes, and slots for sync and export. */
export function PopupApp({ env, pageUrl, tabId, initialTab, listHeight, initialPageData }: PopupAppProps) {
  const [tab, setTab] = useState<TabKey>(initialTab ?? (pageUrl ? 'page' : 'all'));
  // Panels mount on first visit and stay mounted, so switching back is instant.
  const [visited, setVisited] = useState<Set<TabKey>>(() => new Set([tab]));
  const tabRefs = useRef<Record<TabKey, HTMLButtonElement | null>>({ page: null, all: null });
  const { actions, announcement } = useActions(env);
  // What "All notes" shows after search and filters, for "export the current list".
  const [filtered, setFiltered] = useState<readonly Annotation[]>();

  const select = (key: TabKey, focus = false) => {
    setTab(key);
    setVisited((v) => (v.has(key) ? v : new Set([...v, key])));
    if (focus) tabRefs.current[key]?.focus();
  };
  const onTabKey = (event: JSX.TargetedKeyboardEvent<HTMLDivElement>) => {
    const i = TABS.indexOf(tab);
    const to =
      event.key === 'ArrowRight' ? TABS[(i + 1) % TABS.length] : event.key === 'ArrowLeft' ? TABS[(i + TABS.length - 1) % TABS.length] : event.key === 'Home' ? TABS[0] : event.key === 'End' ? TABS[TABS.length - 1] : undefined;
    if (!to) return;
    event.preventDefault();
    select(to, true);
  };

  // Secondary panels (sync status, export/import, embedded reviews) load and start once the notes
  // are on screen, so their modules and reads do not compete with the first render (or after 1 s regardless).
  const [primaryReady, setPrimaryReady] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setPrimaryReady(true), 1000);
    return () => clearTimeout(timer);
  }, []);
  const onReady = () => setPrimaryReady(true);
  const SyncStatus = useLazyComponent<SyncStatusProps>(() => import('./SyncStatus').then((m) => m.SyncStatus), primaryReady);
  const ExportImport = useLazyComponent<ExportImportProps>(() => import('./ExportImport').then((m) => m.ExportImport), primaryReady);
  const EmbeddedReviews = useLazyComponent<EmbeddedReviewsProps>(() => import('./EmbeddedReviews').then((m) => m.EmbeddedReviews), primaryReady);
  // "All notes" (search index, Dexie queries) loads when first shown: "This page" paints without it.
  const AllNotesTab = useLazyComponent<AllNotesTabProps>(() => import('./AllNotesTab').then((m) => m.AllNotesTab), visited.has('all'));
  const { db } = env;
  const labels: Record<TabKey, string> = { page: t('popupTabThisPage'), all: t('popupTabAllNotes') };

  return (
    <PopupEnvContext.Provider value={env}>
      <div class="popup">
        <header class="popup-header">
          <h1>
            <span class="logo" aria-hidden="true">
              ✓
            </span>
            {t('extName')}
          </h1>
          <div class="slot slot-sync-status">{primaryReady && SyncStatus && db && <SyncStatus db={db} transport={env.transport} compact />}</div>
        </header>
        <div role="tablist" aria-label={t('popupTabsLabel')} class="tabs" onKeyDown={onTabKey}>
          {TABS.map((key) => (
            <button
              key={key}
              ref={(el) => {
                tabRefs.current[key] = el;
              }}
              type="button"
              role="tab"
              id={`tab-${key}`}
              aria-controls={`panel-${key}`}
              aria-selected={tab === key}
              tabIndex={tab === key ? 0 : -1}
              onClick={() => select(key)}
            >
              {labels[key]}
            </button>
          ))}
        </div>
        {TABS.map((key) => (
          <div key={key} role="tabpanel" id={`panel-${key}`} aria-labelledby={`tab-${key}`} hidden={tab !== key} class="panel" tabIndex={0}>
            {visited.has(key) &&
              (key === 'page' ? (
                <>
                  {primaryReady && EmbeddedReviews && db && tabId !== undefined && (
                    <div class="slot slot-embedded-reviews">
                      <EmbeddedReviews tabId={tabId} pageUrl={pageUrl} />
                    </div>
                  )}
                  <ThisPageTab pageUrl={pageUrl} tabId={tabId} actions={actions} onReady={onReady} initial={initialPageData} />
                </>
              ) : !AllNotesTab || !db ? (
                <p class="loading" aria-busy="true">
                  {t('popupLoading')}
                </p>
              ) : (
                <AllNotesTab
                  db={db}
                  pageUrl={pageUrl}
                  tabId={tabId}
                  actions={actions}
                  listHeight={listHeight}
                  onResults={(entries) => setFiltered(entries.map((entry) => entry.annotation))}
                  onReady={onReady}
                />
              ))}
          </div>
        ))}
        <footer class="slot-export-import">
          {primaryReady && ExportImport && db && <ExportImport db={db} transport={env.transport} pageUrl={pageUrl} filtered={filtered} compact />}
        </footer>
        {/* Two fixed live regions: swapping a region's role after load is not reliably announced. */}
        <div class="announcer" role="status" aria-live="polite">
          {announcement && !announcement.error && <span key={announcement.id}>{announcement.text}</span>}
        </div>
        <div class="announcer error" role="alert">
          {announcement?.error && <span key={announcement.id}>{announcement.text}</span>}
        </div>
      </div>
    </PopupEnvContext.Provider>
  );
}
