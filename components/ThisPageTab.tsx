import { useEffect, useLayoutEffect, useState } from 'preact/hooks';
import { detectionDisabledOn } from '../utils/background/settings';
import { figuresInside } from '../utils/content/card-model';
import { describeFigure } from '../utils/detect/format-figure';
import type { Claim, Figure } from '../utils/detect/types';
import { t } from '../utils/i18n';
import { checkDraft, claimDraft, isNoted, rankClaims } from './note-actions';
import { NoteCard } from './NoteCard';
import type { InitialPageData, PageData } from './page-data';
import { usePopupEnv } from './popup-env';
import { RovingList } from './RovingList';
import type { Actions } from './use-actions';

/**
 * The page's data, live; `initial` (read before the first render) shows until the live query
 * answers. The live query (Dexie) loads with its module, after the popup's first paint.
 */
export function usePageData(pageUrl: string | undefined, initial?: InitialPageData): PageData | null | undefined {
  const { db } = usePopupEnv();
  const [data, setData] = useState<PageData | null | undefined>(pageUrl && initial?.pageUrl === pageUrl ? initial.data : undefined);
  useEffect(() => {
    if (!pageUrl) return setData(null);
    if (!db) return; // the popup's database is loading: the rows read before the first paint stay
    let unsubscribe: (() => void) | undefined;
    let live = true;
    import('./page-data-query')
      .then(({ watchPageData }) => live && (unsubscribe = watchPageData(db, pageUrl, setData)))
      .catch((error) => console.error('Factmark liveQuery', error));
    return () => {
      live = false;
      unsubscribe?.();
    };
  }, [pageUrl, db]);
  return data;
}

function FigureLine({ figure, locale }: { figure: Figure; locale: string }) {
  const { written, normalised } = describeFigure(figure, locale);
  return (
    <span class="figure">
      <span class="figure-written">{written}</span>
      {normalised && (
        <>
          <span class="figure-arrow" aria-hidden="true">
            {' → '}
          </span>
          <span class="visually-hidden">{t('popupFigureMeans')}</span>
          <span class="figure-normalised">{normalised}</span>
        </>
      )}
    </span>
  );
}

function ScoreBadge({ score }: { score: number }) {
  const percent = Math.round(score * 100);
  return (
    <span class="score" style={{ '--score': `${percent}%` }} title={t('popupScoreTitle')} aria-label={t('popupScoreLabel', String(percent))}>
      {percent}
    </span>
  );
}

/** First screenful per section; the rest on request keeps the popup quick and short. */
const INITIAL_NOTES = 15;
const INITIAL_CLAIMS = 8;
/** Up to this many figures are listed straight away; more wait behind a button. */
const FIGURES_SHOWN_OPEN = 12;
/**
 * The first paint lists about a screenful of items (this many, taken across the sections in
 * order); the rest render right after that paint. With 15 notes, 8 claims, checks and figures
 * the full list is ~450 elements, most of them below the fold, and rendering, styling and laying
 * them all out delayed the first notes on screen by tens of milliseconds.
 */
const FIRST_PAINT_ITEMS = 5;

function MoreButton({ hidden, onClick }: { hidden: number; onClick: () => void }) {
  if (hidden <= 0) return null;
  return (
    <button type="button" class="secondary more" onClick={onClick}>
      {t('popupShowMore', String(hidden))}
    </button>
  );
}

export function ThisPageTab({
  pageUrl,
  tabId,
  actions,
  onReady,
  initial,
}: {
  pageUrl?: string;
  tabId?: number;
  actions: Actions;
  onReady?: () => void;
  /** This page's data read before the first render (entrypoints/popup/main.tsx). */
  initial?: InitialPageData;
}) {
  const { locale } = usePopupEnv();
  const data = usePageData(pageUrl, initial);
  const [allNotes, setAllNotes] = useState(false);
  const [allOrphans, setAllOrphans] = useState(false);
  const [allClaims, setAllClaims] = useState(false);
  const [figuresOpen, setFiguresOpen] = useState(false);
  // False until the first screenful with data is painted; then every item renders.
  const [complete, setComplete] = useState(false);
  if (data !== undefined && performance.getEntriesByName('factmark:popup-data').length === 0) performance.mark('factmark:popup-data');
  useLayoutEffect(() => {
    if (data !== undefined) performance.mark('factmark:popup-committed');
  }, [data !== undefined]);
  useEffect(() => {
    // The store benchmark reads this mark: the first screenful with real data, after paint.
    if (data === undefined) return;
    performance.mark('factmark:popup-rendered');
    setComplete(true);
  }, [data !== undefined]);
  useEffect(() => {
    if (complete) onReady?.();
  }, [complete]);
  if (!pageUrl) return <p class="empty">{t('popupNoPageUrl')}</p>;
  if (data === undefined) return <p class="loading" aria-busy="true">{t('popupLoading')}</p>;
  if (data === null) return <p class="empty">{t('popupNoPage')}</p>;

  const { detection, notes, orphanIds, settings, page } = data;
  const placed = notes.filter((n) => !orphanIds.has(n.id));
  const orphans = notes.filter((n) => orphanIds.has(n.id));
  const figures = detection?.figures ?? [];
  const claims = rankClaims(detection?.claims ?? [], settings.minScore);
  const hiddenClaims = (detection?.claims.length ?? 0) - claims.length;
  const checks = detection?.checks ?? [];
  const site = page?.site;
  const detectionOff = site !== undefined && detectionDisabledOn(site, settings.disabledSites);
  const canScroll = tabId !== undefined;
  const scrollToSpan = (start: number, end: number) => canScroll && actions.scrollTo(tabId!, { start, end });
  let budget = complete ? Infinity : FIRST_PAINT_ITEMS;
  /** The items of a section this render lists (all of them once the first paint is done). */
  const upTo = <T,>(items: readonly T[]): readonly T[] => {
    const n = Math.min(items.length, budget);
    budget -= n;
    return n === items.length ? items : items.slice(0, n);
  };
  const shownNotes = upTo(allNotes ? placed : placed.slice(0, INITIAL_NOTES));
  const shownOrphans = upTo(allOrphans ? orphans : orphans.slice(0, INITIAL_NOTES));
  const shownClaims = upTo(allClaims ? claims : claims.slice(0, INITIAL_CLAIMS));
  const shownChecks = upTo(checks);
  const shownFigures = upTo(figures);

  return (
    // data-rendered: every item is in the DOM (tests wait for it).
    <div class="this-page" data-rendered={complete ? 'this-page' : undefined}>
      {page && (
        <p class="page-title" title={page.url}>
          {page.title}
        </p>
      )}
      {detectionOff && <p class="notice">{t('popupDetectionOffForSite', site)}</p>}

      <section aria-labelledby="notes-heading">
        <h2 id="notes-heading">
          {t('popupNotesHeading')} <span class="count">{placed.length}</span>
        </h2>
        {placed.length === 0 ? (
          <p class="empty">{t('popupNoNotesHere')}</p>
        ) : (
          <RovingList label={t('popupNotesHeading')}>
            {shownNotes.map((note) => (
              <NoteCard
                key={note.id}
                note={note}
                onOpen={canScroll ? () => actions.scrollTo(tabId!, { annotationId: note.id }) : undefined}
                onVerdict={(verdict) => actions.setVerdict(note, verdict)}
              />
            ))}
          </RovingList>
        )}
        {complete && !allNotes && <MoreButton hidden={placed.length - INITIAL_NOTES} onClick={() => setAllNotes(true)} />}
      </section>

      {orphans.length > 0 && (
        <section aria-labelledby="orphans-heading">
          <h2 id="orphans-heading">
            {t('popupOrphansHeading')} <span class="count">{orphans.length}</span>
          </h2>
          <p class="hint">{t('popupOrphansHint')}</p>
          <RovingList label={t('popupOrphansHeading')}>
            {shownOrphans.map((note) => (
              <NoteCard key={note.id} note={note} orphan onVerdict={(verdict) => actions.setVerdict(note, verdict)} />
            ))}
          </RovingList>
          {complete && !allOrphans && <MoreButton hidden={orphans.length - INITIAL_NOTES} onClick={() => setAllOrphans(true)} />}
        </section>
      )}

      <section aria-labelledby="claims-heading">
        <h2 id="claims-heading">
          {t('popupClaimsHeading')} <span class="count">{claims.length}</span>
        </h2>
        {claims.length === 0 ? (
          <p class="empty">{detection ? t('popupNoClaims') : t('popupNoPage')}</p>
        ) : (
          <RovingList label={t('popupClaimsHeading')}>
            {shownClaims.map((claim) => (
              <ClaimItem
                key={`${claim.start}:${claim.end}`}
                claim={claim}
                figures={figuresInside(figures, claim.start, claim.end)}
                locale={locale}
                noted={isNoted(notes, claim.start, claim.end, claim.text)}
                onOpen={canScroll ? () => scrollToSpan(claim.start, claim.end) : undefined}
                onNote={() => actions.save(claimDraft(pageUrl, claim, figures))}
              />
            ))}
          </RovingList>
        )}
        {complete && !allClaims && <MoreButton hidden={claims.length - INITIAL_CLAIMS} onClick={() => setAllClaims(true)} />}
        {hiddenClaims > 0 && <p class="hint">{t('popupClaimsBelowScore', [String(hiddenClaims), String(Math.round(settings.minScore * 100))])}</p>}
      </section>

      {checks.length > 0 && (
        <section aria-labelledby="checks-heading">
          <h2 id="checks-heading">
            {t('popupChecksHeading')} <span class="count">{checks.length}</span>
          </h2>
          <RovingList label={t('popupChecksHeading')}>
            {shownChecks.map((check, i) => {
              const draft = checkDraft(pageUrl, check, figures, detection?.claims ?? []);
              const involved = check.figures.map((index) => figures[index]).filter((f): f is Figure => !!f);
              const noted = draft ? notes.some((n) => n.comment === check.message && n.quote === draft.quote) : false;
              return (
                <li key={i} class="item check" data-roving-item onKeyDown={(e) => e.key === 'Enter' && e.target === e.currentTarget && involved[0] && scrollToSpan(involved[0].start, involved[0].end)}>
                  <p class="check-message">
                    <span class="check-icon" aria-hidden="true">
                      ⚠
                    </span>
                    {check.message}
                  </p>
                  {involved.length > 0 && (
                    <ul class="figures-inline" aria-label={t('popupFiguresHeading')}>
                      {involved.map((f) => (
                        <li key={f.start}>
                          <button type="button" class="link" disabled={!canScroll} onClick={() => scrollToSpan(f.start, f.end)}>
                            <FigureLine figure={f} locale={locale} />
                          </button>
                        </li>
                      ))}
                    </ul>
                  )}
                  {draft && (
                    <button type="button" class="secondary" disabled={noted} onClick={() => actions.save(draft)}>
                      {noted ? t('popupNoted') : t('popupMakeNote')}
                    </button>
                  )}
                </li>
              );
            })}
          </RovingList>
        </section>
      )}

      <section aria-labelledby="figures-heading">
        <h2 id="figures-heading">
          {t('popupFiguresHeading')} <span class="count">{figures.length}</span>
        </h2>
        {figures.length === 0 ? (
          <p class="empty">{detection ? t('popupNoFigures') : t('popupNoPage')}</p>
        ) : !figuresOpen && claims.length > 0 && figures.length > FIGURES_SHOWN_OPEN ? (
          <button type="button" class="secondary" aria-expanded={false} onClick={() => setFiguresOpen(true)}>
            {t('popupShowFigures', String(figures.length))}
          </button>
        ) : (
          <RovingList label={t('popupFiguresHeading')} class="items figures">
            {shownFigures.map((figure) => (
              <li
                key={`${figure.start}`}
                class="item figure-item"
                data-roving-item
                onClick={() => scrollToSpan(figure.start, figure.end)}
                onKeyDown={(e) => e.key === 'Enter' && scrollToSpan(figure.start, figure.end)}
              >
                <FigureLine figure={figure} locale={locale} />
              </li>
            ))}
          </RovingList>
        )}
      </section>
    </div>
  );
}

function ClaimItem({
  claim,
  figures,
  locale,
  noted,
  onOpen,
  onNote,
}: {
  claim: Claim;
  figures: Figure[];
  locale: string;
  noted: boolean;
  onOpen?: () => void;
  onNote: () => void;
}) {
  return (
    <li
      class={`item claim${claim.checkworthy ? ' checkworthy' : ''}`}
      data-roving-item
      onClick={(e) => onOpen && !(e.target as HTMLElement).closest('button') && onOpen()}
      onKeyDown={(e) => e.key === 'Enter' && e.target === e.currentTarget && onOpen?.()}
    >
      <div class="claim-head">
        <ScoreBadge score={claim.score} />
        <span class="kinds">
          {claim.kinds.map((kind) => (
            <span key={kind} class="chip">
              {t(`popupKind_${kind}`)}
            </span>
          ))}
        </span>
      </div>
      <p class="claim-text">{claim.text}</p>
      {figures.length > 0 && (
        <ul class="figures-inline" aria-label={t('popupFiguresHeading')}>
          {figures.map((f) => (
            <li key={f.start}>
              <FigureLine figure={f} locale={locale} />
            </li>
          ))}
        </ul>
      )}
      <button type="button" class="secondary" disabled={noted} onClick={onNote}>
        {noted ? t('popupNoted') : t('popupMakeNote')}
      </button>
    </li>
  );
}
