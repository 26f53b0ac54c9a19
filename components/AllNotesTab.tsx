import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { VERDICTS, type Verdict, verdictDefinition } from '../utils/annotation';
import type { FactmarkDB } from '../utils/db/schema';
import { loadNoteIndex, NoteIndex, type SearchEntry, type SearchFilters } from '../utils/db/search';
import { t, verdictLabel } from '../utils/i18n';
import { formatCount, formatShortDate, isWebUrl, localDayToIso } from './format';
import { usePopupEnv } from './popup-env';
import type { Actions } from './use-actions';
import { useLiveQuery } from './use-live-query';
import { VerdictButtons } from './VerdictButtons';
import { VirtualList } from './VirtualList';

export const NOTE_ROW_HEIGHT = 84;
/** Rows shown from a quick newest-first read while the full index loads. */
const PREVIEW_ROWS = 20;

export interface NoteFilterState {
  query: string;
  verdict: '' | Verdict | 'none';
  tag: string;
  site: string;
  from: string; // YYYY-MM-DD, local
  to: string;
}

export const EMPTY_FILTERS: NoteFilterState = { query: '', verdict: '', tag: '', site: '', from: '', to: '' };

export function toSearchFilters(state: NoteFilterState): SearchFilters {
  return {
    ...(state.verdict ? { verdict: state.verdict } : {}),
    ...(state.tag ? { tag: state.tag } : {}),
    ...(state.site ? { site: state.site } : {}),
    ...(state.from ? { since: localDayToIso(state.from) } : {}),
    ...(state.to ? { until: localDayToIso(state.to, 1) } : {}),
  };
}

export interface AllNotesTabProps {
  db: FactmarkDB;
  pageUrl?: string;
  tabId?: number;
  actions: Actions;
  listHeight?: number;
  /** The filtered list, for "export what I see" (issue 6). */
  onResults?: (entries: SearchEntry[]) => void;
  /** Called once the list is first on screen. */
  onReady?: () => void;
}

export function AllNotesTab({
  db,
  pageUrl,
  tabId,
  actions,
  listHeight = 320,
  onResults,
  onReady,
}: AllNotesTabProps) {
  const { locale, openUrl } = usePopupEnv();
  // The previous index is handed to the next rebuild so unchanged notes are not folded again.
  const previous = useRef<NoteIndex>();
  // Reading and folding 10,000 notes takes a moment: show the newest ones at once, then load the rest.
  const [preview, setPreview] = useState<NoteIndex>();
  const fullIndex = useLiveQuery<NoteIndex | undefined>(
    async () => (preview ? (previous.current = await loadNoteIndex(db, previous.current)) : undefined),
    [db, preview !== undefined],
  );
  useEffect(() => {
    let live = true;
    db.annotations
      .orderBy('updatedAt')
      .reverse()
      .filter((a) => !a.deleted)
      .limit(PREVIEW_ROWS)
      .toArray()
      .then((rows) => live && setPreview(new NoteIndex(rows)))
      .catch(() => live && setPreview(new NoteIndex([])));
    return () => {
      live = false;
    };
  }, [db]);
  const index = fullIndex ?? preview;
  const loading = fullIndex === undefined;
  const [filters, setFilters] = useState<NoteFilterState>(EMPTY_FILTERS);
  const set = (patch: Partial<NoteFilterState>) => setFilters((f) => ({ ...f, ...patch }));
  const results = useMemo(() => (index ? index.search(filters.query, toSearchFilters(filters)) : []), [index, filters]);
  const facets = useMemo(() => index?.facets() ?? { tags: [], sites: [] }, [index]);
  const filtered = filters !== EMPTY_FILTERS && JSON.stringify(filters) !== JSON.stringify(EMPTY_FILTERS);

  useEffect(() => onResults?.(results), [results]);
  useEffect(() => {
    if (!index) return;
    performance.mark('factmark:all-notes-rendered');
    onReady?.();
  }, [index !== undefined]);
  useEffect(() => {
    if (!loading) performance.mark('factmark:all-notes-indexed');
  }, [loading]);

  const open = (entry: SearchEntry) => {
    const note = entry.annotation;
    if (note.pageUrl === pageUrl && tabId !== undefined) void actions.scrollTo(tabId, { annotationId: note.id });
    else if (isWebUrl(note.pageUrl)) openUrl(note.pageUrl);
  };

  return (
    <div class="all-notes">
      <div class="filters" role="search">
        <input
          type="search"
          class="search"
          placeholder={t('popupSearchPlaceholder')}
          aria-label={t('popupSearchLabel')}
          value={filters.query}
          onInput={(e) => set({ query: e.currentTarget.value })}
        />
        <div class="filter-row">
          <label>
            <span class="visually-hidden">{t('popupFilterVerdict')}</span>
            <select value={filters.verdict} onChange={(e) => set({ verdict: e.currentTarget.value as NoteFilterState['verdict'] })}>
              <option value="">{t('popupFilterAnyVerdict')}</option>
              {VERDICTS.map((v) => (
                <option key={v.key} value={v.key}>
                  {verdictLabel(v.key)}
                </option>
              ))}
              <option value="none">{t('popupFilterNoVerdict')}</option>
            </select>
          </label>
          <label>
            <span class="visually-hidden">{t('popupFilterTag')}</span>
            <select value={filters.tag} onChange={(e) => set({ tag: e.currentTarget.value })}>
              <option value="">{t('popupFilterAnyTag')}</option>
              {facets.tags.slice(0, 200).map(([tag, count]) => (
                <option key={tag} value={tag}>
                  #{tag} ({formatCount(count, locale)})
                </option>
              ))}
            </select>
          </label>
          <label>
            <span class="visually-hidden">{t('popupFilterSite')}</span>
            <select value={filters.site} onChange={(e) => set({ site: e.currentTarget.value })}>
              <option value="">{t('popupFilterAnySite')}</option>
              {facets.sites.slice(0, 200).map(([site, count]) => (
                <option key={site} value={site}>
                  {site} ({formatCount(count, locale)})
                </option>
              ))}
            </select>
          </label>
        </div>
        <div class="filter-row dates">
          <label>
            {t('popupFilterFrom')}
            <input type="date" value={filters.from} max={filters.to || undefined} onChange={(e) => set({ from: e.currentTarget.value })} />
          </label>
          <label>
            {t('popupFilterTo')}
            <input type="date" value={filters.to} min={filters.from || undefined} onChange={(e) => set({ to: e.currentTarget.value })} />
          </label>
          {filtered && (
            <button type="button" class="link" onClick={() => setFilters(EMPTY_FILTERS)}>
              {t('popupFilterClear')}
            </button>
          )}
        </div>
      </div>
      <p class="result-count" role="status" aria-live="polite">
        {loading || !index
          ? t('popupLoading')
          : filtered
            ? t('popupResultCount', [formatCount(results.length, locale), formatCount(index.size, locale)])
            : t('popupNoteCount', formatCount(index.size, locale))}
      </p>
      {index === undefined || (loading && index.size === 0) ? null : index.size === 0 ? (
        <p class="empty">{t('popupNoNotesYet')}</p>
      ) : results.length === 0 && !loading ? (
        <div class="empty">
          <p>{t('popupNoMatches')}</p>
          <button type="button" class="secondary" onClick={() => setFilters(EMPTY_FILTERS)}>
            {t('popupFilterClear')}
          </button>
        </div>
      ) : (
        <VirtualList
          items={results}
          rowHeight={NOTE_ROW_HEIGHT}
          height={listHeight}
          label={t('popupAllNotesList')}
          testId="all-notes"
          getKey={(entry) => entry.annotation.id}
          resetKey={filters}
          onActivate={open}
          renderRow={(entry, { tabIndex }) => (
            <NoteRow entry={entry} locale={locale} tabIndex={tabIndex} here={entry.annotation.pageUrl === pageUrl} actions={actions} />
          )}
        />
      )}
    </div>
  );
}

function NoteRow({ entry, locale, tabIndex, here, actions }: { entry: SearchEntry; locale: string; tabIndex: 0 | -1; here: boolean; actions: Actions }) {
  const note = entry.annotation;
  const color = note.verdict ? verdictDefinition(note.verdict).color : 'var(--muted-border)';
  const site = here ? t('popupThisPageShort') : entry.site;
  return (
    <div class="note-row" style={{ '--verdict': color }} data-note-id={note.id} title={[entry.title, note.tags.map((tag) => `#${tag}`).join(' ')].filter(Boolean).join('\n')}>
      <p class="quote">{note.quote}</p>
      <div class="row-meta">
        <span class="meta">
          {note.verdict ? <span class="verdict-chip">{verdictLabel(note.verdict)}</span> : null}
          <span class="site">{site}</span>
          <span class="date">{formatShortDate(note.updatedAt, locale)}</span>
        </span>
        <VerdictButtons compact value={note.verdict} tabIndex={tabIndex} onChange={(v) => actions.setVerdict(note, v)} />
      </div>
    </div>
  );
}
