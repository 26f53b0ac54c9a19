/**
 * The card shown when the reader hovers or clicks a highlight: the claim's
 * kinds, its figures normalised, the figure checks that concern them, the
 * saved verdict and note, and "Add fact-check note". Every page-derived string
 * is rendered as text, never as HTML.
 */
import type { Verdict } from '../utils/annotation';
import { verdictDefinition } from '../utils/annotation';
import type { ClaimKind, Figure } from '../utils/detect/types';
import { describeFigure } from '../utils/detect/format-figure';
import { t, verdictLabel } from '../utils/i18n';

export interface HoverCardProps {
  /** Present when the highlight is (or lies in) a detected claim. */
  claim?: { kinds: readonly ClaimKind[]; score: number };
  figures: readonly Figure[];
  /** Sanity-check messages for these figures (phrased as things to verify). */
  checks: readonly string[];
  note?: { verdict?: Verdict; comment?: string; sources: readonly string[]; tags: readonly string[] };
  locale: string;
  onAddNote: () => void;
  onClose: () => void;
}

export function HoverCard({ claim, figures, checks, note, locale, onAddNote, onClose }: HoverCardProps) {
  return (
    <div class="fm-card-body">
      <button type="button" class="fm-close" aria-label={t('pageUiClose')} onClick={onClose}>
        ×
      </button>
      {claim && (
        <section aria-label={t('pageUiClaim')}>
          <h2>
            {t('pageUiClaim')} · {t('pageUiScore', String(Math.round(claim.score * 100)))}
          </h2>
          {claim.kinds.length > 0 && (
            <ul class="fm-kinds">
              {claim.kinds.map((kind) => (
                <li key={kind}>{t(`pageUiKind_${kind}`)}</li>
              ))}
            </ul>
          )}
        </section>
      )}
      {figures.length > 0 && (
        <section aria-label={t('pageUiFigures')}>
          <h2>{t('pageUiFigures')}</h2>
          <ul class="fm-figures">
            {figures.map((figure) => {
              const { written, normalised } = describeFigure(figure, locale);
              return (
                <li key={`${figure.start}-${figure.end}`}>
                  <span class="fm-written">{written}</span>
                  {normalised && (
                    <>
                      <span class="fm-arrow" aria-hidden="true">→</span>
                      <span class="fm-normalised">{normalised}</span>
                    </>
                  )}
                </li>
              );
            })}
          </ul>
        </section>
      )}
      {checks.length > 0 && (
        <section aria-label={t('pageUiChecks')}>
          <h2>{t('pageUiChecks')}</h2>
          <ul class="fm-checks">
            {checks.map((message, i) => (
              <li key={i}>{message}</li>
            ))}
          </ul>
        </section>
      )}
      {note && (
        <section aria-label={t('pageUiYourNote')}>
          <h2>{t('pageUiYourNote')}</h2>
          {note.verdict && (
            <p class="fm-verdict">
              <span class="fm-swatch" style={{ background: verdictDefinition(note.verdict).color }} aria-hidden="true" />
              {verdictLabel(note.verdict)}
            </p>
          )}
          {note.comment && <p class="fm-comment">{note.comment}</p>}
          {note.sources.length > 0 && <p class="fm-hint">{t('pageUiSourcesCount', String(note.sources.length))}</p>}
        </section>
      )}
      <div class="fm-actions">
        <button type="button" class="fm-primary" onClick={onAddNote}>
          {note ? t('pageUiEditNote') : t('pageUiAddNote')}
        </button>
      </div>
    </div>
  );
}
