import { useEffect, useLayoutEffect, useState } from 'preact/hooks';
import type { Annotation, PageRecord } from '../utils/annotation';
import type { DetectionRecord } from '../utils/db/schema';
import { annotationsForPage, orphanIdsForPage } from '../utils/db/repository';
import { detectionDisabledOn, readSettings, type Settings } from '../utils/background/settings';
import { figuresInside } from '../utils/content/card-model';
import { describeFigure } from '../utils/detect/format-figure';
import type { Claim, Figure } from '../utils/detect/types';
import { t } from '../utils/i18n';
import { checkDraft, claimDraft, isNoted, rankClaims } from './note-actions';
import { NoteCard } from './NoteCard';
import { usePopupEnv } from './popup-env';
import { RovingList } from './RovingList';
import { useLiveQuery } from './use-live-query';
import type { Actions } from './use-actions';

interface PageData {
  detection?: DetectionRecord;
  notes: Annotation[];
  orphanIds: Set<string>;
  settings: Settings;
  page?: PageRecord;
}

export function usePageData(pageUrl: string | undefined): PageData | null | undefined {
  const { db } = usePopupEnv();
  return useLiveQuery<PageData | null>(async () => {
    if (!pageUrl) return null;
    return db.transaction('r', [db.detections, db.annotations, db.anchorStatus, db.settings, db.pages], async () => {
      const [detection, notes, orphanIds, settings, page] = await Promise.all([
        db.detections.get(pageUrl),
        annotationsForPage(db, pageUrl),
        orphanIdsForPage(db, pageUrl),
        readSettings(db),
        db.pages.get(pageUrl),
      ]);
      return { detection, notes, orphanIds, settings, page };
    });
  }, [pageUrl]);
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

function MoreButton({ hidden, onClick }: { hidden: number; onClick: () => void }) {
  if (hidden <= 0) return null;
  return (
    <button type="button" class="secondary more" onClick={onClick}>
      {t('popupShowMore', String(hidden))}
    </button>
  );
}

export function ThisPageTab({ pageUrl, tabId, actions, onReady }: { pageUrl?: string; tabId?: number; actions: Actions; onReady?: () => void }) {
  const { locale } = usePopupEnv();
  const data = usePageData(pageUrl);
  const [allNotes, setAllNotes] = useState(false);
  const [allOrphans, setAllOrphans] = useState(false);
  const [allClaims, setAllClaims] = useState(false);
  const [figuresOpen, setFiguresOpen] = useState(false);
  if (data !== undefined && performance.getEntriesByName('factmark:popup-data').length === 0) performance.mark('factmark:popup-data');
  useLayoutEffect(() => {
    if (data !== undefined) performance.mark('factmark:popup-committed');
  }, [data !== undefined]);
  useEffect(() => {
    // The store benchmark reads this mark: first render with real data, after paint.
    if (data === undefined) return;
    performance.mark('factmark:popup-rendered');
    onReady?.();
  }, [data !== undefined]);
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

  return (
    <div class="this-page" data-rendered="this-page">
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
            {(allNotes ? placed : placed.slice(0, INITIAL_NOTES)).map((note) => (
              <NoteCard
                key={note.id}
                note={note}
                onOpen={canScroll ? () => actions.scrollTo(tabId!, { annotationId: note.id }) : undefined}
                onVerdict={(verdict) => actions.setVerdict(note, verdict)}
              />
            ))}
          </RovingList>
        )}
        {!allNotes && <MoreButton hidden={placed.length - INITIAL_NOTES} onClick={() => setAllNotes(true)} />}
      </section>

      {orphans.length > 0 && (
        <section aria-labelledby="orphans-heading">
          <h2 id="orphans-heading">
            {t('popupOrphansHeading')} <span class="count">{orphans.length}</span>
          </h2>
          <p class="hint">{t('popupOrphansHint')}</p>
          <RovingList label={t('popupOrphansHeading')}>
            {(allOrphans ? orphans : orphans.slice(0, INITIAL_NOTES)).map((note) => (
              <NoteCard key={note.id} note={note} orphan onVerdict={(verdict) => actions.setVerdict(note, verdict)} />
            ))}
          </RovingList>
          {!allOrphans && <MoreButton hidden={orphans.length - INITIAL_NOTES} onClick={() => setAllOrphans(true)} />}
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
            {(allClaims ? claims : claims.slice(0, INITIAL_CLAIMS)).map((claim) => (
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
        {!allClaims && <MoreButton hidden={claims.length - INITIAL_CLAIMS} onClick={() => setAllClaims(true)} />}
        {hiddenClaims > 0 && <p class="hint">{t('popupClaimsBelowScore', [String(hiddenClaims), String(Math.round(settings.minScore * 100))])}</p>}
      </section>

      {checks.length > 0 && (
        <section aria-labelledby="checks-heading">
          <h2 id="checks-heading">
            {t('popupChecksHeading')} <span class="count">{checks.length}</span>
          </h2>
          <RovingList label={t('popupChecksHeading')}>
            {checks.map((check, i) => {
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
            {figures.map((figure) => (
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
