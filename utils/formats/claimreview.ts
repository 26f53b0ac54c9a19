/**
 * schema.org ClaimReview JSON-LD for notes with a verdict, shaped to Google's
 * fact-check structured data documentation:
 *   required    claimReviewed, reviewRating (Rating with alternateName), url
 *   recommended author, datePublished, itemReviewed (Claim: appearance, author,
 *               datePublished, firstAppearance), Rating bestRating/worstRating/ratingValue/name
 *
 * Ratings come from VERDICTS: ratingValue 1 (false) … 5 (true), bestRating 5,
 * worstRating 1, alternateName the verdict label. 'unverifiable' has no place
 * on a truthfulness scale, so it carries alternateName only (no ratingValue and
 * so no bounds either): Google documents alternateName as the one required
 * Rating property and the textual rating as the one it shows.
 *
 * `url` must be the page of the fact-check itself. A reader who publishes their
 * checks passes `publishedAt` (the page the JSON-LD will live on; each review
 * gets `#factmark-<id>` so several reviews on one page stay distinct). Without
 * it, `url` links to the claim's own text (a text fragment), which is valid
 * JSON-LD for personal archives but not eligible for Google's rich result.
 */
import type { Annotation } from '../annotation';
import { VERDICTS } from '../annotation';
import { liveAnnotations, pageTitles, type ExportOptions, verdictLabel } from './export-options';
import { textFragmentUrl } from './text-fragment';

export interface ClaimReviewAuthor {
  type: 'Person' | 'Organization';
  name: string;
  url?: string;
}

export interface ClaimReviewOptions extends ExportOptions {
  /** Who reviewed the claims (the reader). */
  author?: ClaimReviewAuthor;
  /** URL of the page where these reviews are published. */
  publishedAt?: string;
  /** Who made a claim, where the reader knows it (e.g. from a `claimant:` tag or the editor). */
  claimAuthor?: (annotation: Annotation) => ClaimReviewAuthor | undefined;
}

/** A `claimant:<name>` tag names who made the claim. */
export const CLAIMANT_TAG_PREFIX = 'claimant:';

export const DEFAULT_AUTHOR: ClaimReviewAuthor = { type: 'Person', name: 'Factmark reader' };

function person(author: ClaimReviewAuthor): Record<string, string> {
  return { '@type': author.type, name: author.name, ...(author.url ? { url: author.url } : {}) };
}

function claimantFromTags(annotation: Annotation): ClaimReviewAuthor | undefined {
  const tag = annotation.tags.find((t) => t.startsWith(CLAIMANT_TAG_PREFIX) && t.length > CLAIMANT_TAG_PREFIX.length);
  return tag ? { type: 'Person', name: tag.slice(CLAIMANT_TAG_PREFIX.length).trim() } : undefined;
}

export function toClaimReview(annotation: Annotation, options: ClaimReviewOptions = {}, title?: string): Record<string, unknown> {
  if (!annotation.verdict) throw new Error('A ClaimReview needs a verdict.');
  const definition = VERDICTS.find((v) => v.key === annotation.verdict)!;
  const label = verdictLabel(annotation.verdict, options.language);
  const rating: Record<string, unknown> = { '@type': 'Rating', alternateName: label, name: label };
  if (definition.ratingValue !== null) {
    Object.assign(rating, { ratingValue: definition.ratingValue, bestRating: 5, worstRating: 1 });
  }
  const claimAuthor = options.claimAuthor?.(annotation) ?? claimantFromTags(annotation);
  const appearance: Record<string, unknown> = { '@type': 'CreativeWork', url: annotation.pageUrl };
  if (title) appearance.headline = title;
  const url = options.publishedAt
    ? `${options.publishedAt.split('#')[0]}#factmark-${encodeURIComponent(annotation.id)}`
    : textFragmentUrl(annotation);
  return {
    '@context': 'https://schema.org',
    '@type': 'ClaimReview',
    url,
    claimReviewed: annotation.quote.replace(/\s+/g, ' ').trim(),
    reviewRating: rating,
    itemReviewed: {
      '@type': 'Claim',
      appearance,
      ...(claimAuthor ? { author: person(claimAuthor) } : {}),
    },
    author: person(options.author ?? DEFAULT_AUTHOR),
    datePublished: annotation.createdAt,
    ...(annotation.updatedAt !== annotation.createdAt ? { dateModified: annotation.updatedAt } : {}),
    ...(annotation.comment ? { reviewBody: annotation.comment } : {}),
    ...(annotation.sources.length ? { citation: annotation.sources } : {}),
  };
}

/** One ClaimReview per note with a verdict, as a JSON array ready for a `<script type="application/ld+json">`. */
export function toClaimReviews(annotations: readonly Annotation[], options: ClaimReviewOptions = {}): Record<string, unknown>[] {
  const titles = pageTitles(options.pages);
  return liveAnnotations(annotations)
    .filter((a) => a.verdict)
    .map((a) => toClaimReview(a, options, titles.get(a.pageUrl)));
}

export function exportClaimReview(annotations: readonly Annotation[], options: ClaimReviewOptions = {}): string {
  // `<` escaped so the output can be pasted into a <script> element without closing it early.
  return JSON.stringify(toClaimReviews(annotations, options), null, 1).replace(/</g, '\\u003c');
}
