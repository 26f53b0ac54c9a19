/**
 * "This page reviews N claims": the schema.org ClaimReviews the page itself
 * publishes (fact-checking sites do), read by the content script on request
 * (`tab.embeddedReviews`). Each shows the claim, the publisher's rating and a
 * "Save as note" button that sends `annotation.save` (kind claim, the verdict
 * mapped by verdictForRating, the review URL as source). Saved notes get a
 * deterministic id, so saving twice updates the same note.
 *
 * Page-derived strings are rendered as text only; links are http(s) only (the
 * reader drops anything else).
 */
import { useEffect, useState } from 'preact/hooks';
import type { Verdict } from '../utils/annotation';
import { claimReviewToDraft, embeddedReviewNoteId, verdictForRating, type EmbeddedClaimReview, type EmbeddedReviewsReply } from '../utils/formats/embedded-claimreview';
import { t, verdictLabel } from '../utils/i18n';
import { ProtocolError, sendRequest, type MessageTransport, type TabCommand } from '../utils/messages';
import { VERDICTS } from '../utils/annotation';
import { usePopupEnv } from './popup-env';
import { useLiveQuery } from './use-live-query';
import type { FactmarkDB } from '../utils/db/schema';

export interface EmbeddedReviewsProps {
  /** The tab whose page is shown; its content script answers `tab.embeddedReviews`. */
  tabId: number;
  /** Normalised URL of that page (the saved notes belong to it). */
  pageUrl?: string;
  /** Optional overrides; by default they come from PopupEnvContext. */
  db?: FactmarkDB;
  transport?: MessageTransport;
  sendToTab?: (tabId: number, command: TabCommand) => Promise<unknown>;
}

function ratingText(review: EmbeddedClaimReview): string {
  const { rating } = review;
  if (rating.alternateName) return rating.alternateName;
  if (rating.name) return rating.name;
  if (rating.value !== undefined) return `${rating.value}${rating.best !== undefined ? ` / ${rating.best}` : ''}`;
  return '—';
}

function VerdictDot({ verdict }: { verdict?: Verdict }) {
  const color = verdict ? VERDICTS.find((v) => v.key === verdict)?.color : undefined;
  return <span class="verdict-dot" aria-hidden="true" style={{ background: color ?? 'transparent', border: color ? 'none' : '1px solid currentColor' }} />;
}

/** Scoped to this component's classes; extension pages only, never a web page. */
const STYLES = `
.embedded-reviews { margin: 8px 12px; padding: 10px 12px; border: 1px solid var(--border, #d7dae1); border-radius: 8px; background: var(--surface, #f5f6f8); }
.embedded-reviews h2 { font-size: 14px; margin: 0 0 6px; }
.embedded-reviews ul { list-style: none; margin: 0; padding: 0; display: grid; gap: 10px; }
.embedded-review .claim { margin: 0 0 4px; padding-left: 8px; border-left: 3px solid var(--muted-border, #c4c8d0); font-size: 13px; }
.embedded-review .rating { display: flex; flex-wrap: wrap; align-items: center; gap: 4px; margin: 0 0 4px; }
.embedded-review .verdict-dot { display: inline-block; width: 10px; height: 10px; border-radius: 50%; flex: none; }
.embedded-review .row { display: flex; flex-wrap: wrap; align-items: center; gap: 8px; }
.embedded-review a { color: var(--accent, #2457c5); }
.embedded-reviews-error:not(:empty) { color: var(--error, #b3261e); margin-top: 6px; }
`;

export function EmbeddedReviews(props: EmbeddedReviewsProps) {
  const env = usePopupEnvOptional();
  const db = props.db ?? env?.db;
  const transport = props.transport ?? env?.transport;
  const sendToTab = props.sendToTab ?? env?.sendToTab;
  const { tabId, pageUrl } = props;
  const [reviews, setReviews] = useState<EmbeddedClaimReview[] | null>(null);
  const [announcement, setAnnouncement] = useState<{ text: string; error: boolean } | null>(null);
  const [saving, setSaving] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    if (!sendToTab) return;
    sendToTab(tabId, { type: 'tab.embeddedReviews', payload: {} })
      .then((reply) => {
        if (!cancelled) setReviews(((reply as EmbeddedReviewsReply | undefined)?.reviews ?? []).slice(0, 50));
      })
      .catch(() => !cancelled && setReviews([])); // no content script on this tab: nothing to show
    return () => {
      cancelled = true;
    };
  }, [tabId, sendToTab]);

  const ids = pageUrl && reviews ? reviews.map((r) => embeddedReviewNoteId(r, pageUrl)) : [];
  const saved = useLiveQuery(async () => {
    if (!db || !ids.length) return new Set<string>();
    const rows = await db.annotations.bulkGet(ids);
    return new Set(rows.filter((row) => row && !row.deleted).map((row) => row!.id));
  }, [db, ids.join(',')]);

  if (!reviews || reviews.length === 0) return null;

  async function save(review: EmbeddedClaimReview) {
    if (!pageUrl || !transport) return;
    const draft = claimReviewToDraft(review, pageUrl);
    setSaving(draft.id!);
    try {
      await sendRequest(transport, 'annotation.save', { annotation: draft });
      setAnnouncement({ text: t('embeddedReviewsSavedAnnounce', review.claimReviewed.slice(0, 80)), error: false });
    } catch (error) {
      const message = error instanceof ProtocolError ? error.message : (error as Error)?.message ?? String(error);
      setAnnouncement({ text: message, error: true });
    } finally {
      setSaving(null);
    }
  }

  const heading = reviews.length === 1 ? t('embeddedReviewsHeadingOne') : t('embeddedReviewsHeading', String(reviews.length));
  return (
    <section class="embedded-reviews" aria-labelledby="embedded-reviews-heading" data-testid="embedded-reviews">
      <style>{STYLES}</style>
      <h2 id="embedded-reviews-heading">{heading}</h2>
      <ul>
        {reviews.map((review, index) => {
          const verdict = verdictForRating(review.rating);
          const id = ids[index];
          const isSaved = id !== undefined && saved?.has(id);
          return (
            <li key={`${index}-${review.claimReviewed}`} class="embedded-review">
              <blockquote class="claim">{review.claimReviewed}</blockquote>
              <p class="rating">
                <VerdictDot verdict={verdict} />
                <strong>{ratingText(review)}</strong>
                {review.author && <span class="hint"> · {t('embeddedReviewsBy', review.author.name)}</span>}
                {review.datePublished && <span class="hint"> · {review.datePublished.slice(0, 10)}</span>}
              </p>
              <div class="row">
                {review.url && (
                  <a href={review.url} target="_blank" rel="noopener noreferrer">
                    {t('embeddedReviewsOpen')}
                  </a>
                )}
                {pageUrl && (
                  <button
                    type="button"
                    class="secondary"
                    disabled={isSaved || saving === id}
                    aria-describedby={`embedded-review-verdict-${index}`}
                    onClick={() => save(review)}
                  >
                    {isSaved ? t('embeddedReviewsSaved') : t('embeddedReviewsSave')}
                  </button>
                )}
                <span id={`embedded-review-verdict-${index}`} class="hint">
                  {t('embeddedReviewsMappedTo', verdict ? verdictLabel(verdict) : t('embeddedReviewsNoVerdict'))}
                </span>
              </div>
            </li>
          );
        })}
      </ul>
      <div aria-live="polite" aria-atomic="true" class="visually-hidden">
        {announcement && !announcement.error && announcement.text}
      </div>
      <div aria-live="assertive" aria-atomic="true" class="embedded-reviews-error">
        {announcement?.error && announcement.text}
      </div>
    </section>
  );
}

/** The env when mounted inside the popup; undefined elsewhere (props then supply everything). */
function usePopupEnvOptional() {
  try {
    return usePopupEnv();
  } catch {
    return undefined;
  }
}

export default EmbeddedReviews;
