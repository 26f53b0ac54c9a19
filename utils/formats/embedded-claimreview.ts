/**
 * Reads the fact-checks a page already publishes: schema.org ClaimReview in
 * `<script type="application/ld+json">` (single objects, arrays, `@graph`, and
 * reviews nested in other items such as a NewsArticle's `review`) and in HTML
 * microdata (`itemtype=".../ClaimReview"`, read by ./microdata). Malformed
 * JSON in one script is skipped; sizes, depth and counts are bounded because
 * the page is untrusted. Returns plain data; the popup renders it as text.
 *
 * "Save as note" maps a review's rating to our verdict scale (`verdictForRating`):
 * 1. the textual rating (alternateName, else name) when it names a verdict, in
 *    English or Korean: "Pants on Fire", "False", "거짓" → false; "Mostly false",
 *    "Misleading", "대체로 거짓" → mostly-false; "Half true", "Mixture",
 *    "절반의 사실" → half-true; "Mostly true", "대체로 사실" → mostly-true;
 *    "True", "Correct", "사실" → true; "Unproven", "Unverifiable", "판단 유보" → unverifiable;
 * 2. else the numeric rating, placed on our 1–5 scale from its own
 *    worstRating/bestRating (schema.org defaults 1 and 5) and rounded;
 * 3. else no verdict: the note keeps the publisher's words in its comment.
 * Text wins because publishers' numeric scales differ and some run backwards.
 */
import { MAX_SHORT, MAX_TEXT } from '../annotation-schema';
import { VERDICTS, type Verdict } from '../annotation';
import type { AnnotationDraft } from '../db/repository';
import { maxNestingDepth } from './import-reader';
import { readMicrodataItems } from './microdata';
import { uuidV5 } from './stable-id';

export interface EmbeddedClaimReview {
  claimReviewed: string;
  rating: { value?: number; best?: number; worst?: number; alternateName?: string; name?: string };
  author?: { name: string; url?: string };
  url?: string;
  datePublished?: string;
  itemReviewed?: { appearance: string[]; author?: string; datePublished?: string };
}

const MAX_SCRIPT_CHARS = 2_000_000;
const MAX_REVIEWS = 200;
const MAX_DEPTH = 32;

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function get(record: Json, key: string): unknown {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

function typesOf(record: Json): string[] {
  const type = get(record, '@type');
  return (Array.isArray(type) ? type : [type])
    .filter((t): t is string => typeof t === 'string')
    .map((t) => t.replace(/^(https?:\/\/schema\.org\/|schema:)/, ''));
}

function text(value: unknown, max = MAX_SHORT): string | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  if (typeof first === 'number') return String(first);
  if (typeof first !== 'string') return undefined;
  const cleaned = first.replace(/\s+/g, ' ').trim();
  return cleaned ? cleaned.slice(0, max) : undefined;
}

function number(value: unknown): number | undefined {
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() ? Number(value) : NaN;
  return Number.isFinite(n) ? n : undefined;
}

function webUrl(value: unknown): string | undefined {
  const raw = isObject(value) ? (get(value, 'url') ?? get(value, '@id')) : value;
  const candidate = text(raw);
  if (!candidate) return undefined;
  try {
    const url = new URL(candidate);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.toString() : undefined;
  } catch {
    return undefined;
  }
}

function nameOf(value: unknown): { name: string; url?: string } | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  if (typeof first === 'string') return text(first) ? { name: text(first)! } : undefined;
  if (!isObject(first)) return undefined;
  const name = text(get(first, 'name'));
  if (!name) return undefined;
  const url = webUrl(get(first, 'url'));
  return url ? { name, url } : { name };
}

function readReview(record: Json): EmbeddedClaimReview | null {
  const claimReviewed = text(get(record, 'claimReviewed'), MAX_TEXT);
  const ratingRaw = Array.isArray(get(record, 'reviewRating')) ? (get(record, 'reviewRating') as unknown[])[0] : get(record, 'reviewRating');
  if (!claimReviewed || !isObject(ratingRaw)) return null;
  const rating: EmbeddedClaimReview['rating'] = {};
  const value = number(get(ratingRaw, 'ratingValue'));
  const best = number(get(ratingRaw, 'bestRating'));
  const worst = number(get(ratingRaw, 'worstRating'));
  const alternateName = text(get(ratingRaw, 'alternateName'));
  const name = text(get(ratingRaw, 'name'));
  if (value !== undefined) rating.value = value;
  if (best !== undefined) rating.best = best;
  if (worst !== undefined) rating.worst = worst;
  if (alternateName) rating.alternateName = alternateName;
  if (name) rating.name = name;
  const review: EmbeddedClaimReview = { claimReviewed, rating };
  const author = nameOf(get(record, 'author')) ?? nameOf(get(record, 'publisher'));
  if (author) review.author = author;
  const url = webUrl(get(record, 'url'));
  if (url) review.url = url;
  const date = text(get(record, 'datePublished'), 64);
  if (date) review.datePublished = date;
  const item = get(record, 'itemReviewed');
  if (isObject(item)) {
    const appearances = [get(item, 'appearance'), get(item, 'firstAppearance')]
      .flatMap((a) => (Array.isArray(a) ? a : [a]))
      .map(webUrl)
      .filter((u): u is string => Boolean(u));
    const itemReviewed: NonNullable<EmbeddedClaimReview['itemReviewed']> = { appearance: [...new Set(appearances)].slice(0, 20) };
    const claimAuthor = nameOf(get(item, 'author'));
    if (claimAuthor) itemReviewed.author = claimAuthor.name;
    const claimDate = text(get(item, 'datePublished'), 64);
    if (claimDate) itemReviewed.datePublished = claimDate;
    review.itemReviewed = itemReviewed;
  }
  return review;
}

/** Depth-first walk over every object and array, bounded. */
function collect(node: unknown, out: EmbeddedClaimReview[], depth: number): void {
  if (depth > MAX_DEPTH || out.length >= MAX_REVIEWS) return;
  if (Array.isArray(node)) {
    for (const child of node) collect(child, out, depth + 1);
    return;
  }
  if (!isObject(node)) return;
  if (typesOf(node).includes('ClaimReview')) {
    const review = readReview(node);
    if (review) out.push(review);
  }
  for (const key of Object.keys(node)) {
    if (key === 'reviewRating' || key === '@context') continue;
    const child = node[key];
    if (typeof child === 'object' && child !== null) collect(child, out, depth + 1);
  }
}

export function parseClaimReviewJson(source: string): EmbeddedClaimReview[] {
  if (source.length > MAX_SCRIPT_CHARS || maxNestingDepth(source, 256) > 256) return [];
  let data: unknown;
  try {
    // Some sites wrap JSON-LD in HTML comments or CDATA; strip those before parsing.
    data = JSON.parse(source.trim().replace(/^<!--|-->$/g, '').replace(/^\/\/<!\[CDATA\[|\/\/\]\]>$/g, ''), (key, value) =>
      key === '__proto__' || key === 'constructor' || key === 'prototype' ? undefined : value,
    );
  } catch {
    return [];
  }
  const out: EmbeddedClaimReview[] = [];
  collect(data, out, 0);
  return out;
}

/** All ClaimReviews embedded in the document, JSON-LD first, then microdata, without duplicates. */
export function readEmbeddedClaimReviews(doc: Document): EmbeddedClaimReview[] {
  const found: EmbeddedClaimReview[] = [];
  for (const script of doc.querySelectorAll('script[type]')) {
    const type = (script.getAttribute('type') ?? '').split(';')[0].trim().toLowerCase();
    if (type === 'application/ld+json') found.push(...parseClaimReviewJson(script.textContent ?? ''));
  }
  for (const item of readMicrodataItems(doc, 'ClaimReview')) collect(item, found, 0);
  const reviews: EmbeddedClaimReview[] = [];
  const seen = new Set<string>();
  for (const review of found) {
    // Sites often publish the same review both ways.
    const key = `${review.claimReviewed}\u0000${review.url ?? ''}\u0000${review.rating.alternateName ?? review.rating.value ?? ''}`;
    if (seen.has(key) || reviews.length >= MAX_REVIEWS) continue;
    seen.add(key);
    reviews.push(review);
  }
  return reviews;
}

const TEXT_RULES: [RegExp, Verdict][] = [
  [/pants on fire|four pinocchios|전혀 사실 (아님|아니)|완전 거짓/i, 'false'],
  [/mostly false|mostly inaccurate|misleading|missing context|exaggerat|out of context|대체로 (거짓|사실 아님|사실이 아님)|과장|오해의 소지/i, 'mostly-false'],
  [/half[ -]?true|mixture|mixed|partly (true|false)|partially (true|false)|절반의 사실|절반 사실|일부 사실/i, 'half-true'],
  [/mostly (true|accurate|correct)|대체로 사실/i, 'mostly-true'],
  [/unproven|unverifiable|unverified|unsupported|no evidence|research in progress|판단 ?유보|검증 ?불가|확인 ?불가|근거 ?부족/i, 'unverifiable'],
  [/\b(false|fake|incorrect|wrong|inaccurate|fabricated|hoax)\b|거짓|허위|사실 ?아님|사실이 아님|틀림/i, 'false'],
  [/\b(true|correct|accurate)\b|^사실$|사실임|사실로 확인/i, 'true'],
];

/** See the module comment for the mapping and why text wins over numbers. */
export function verdictForRating(rating: EmbeddedClaimReview['rating']): Verdict | undefined {
  for (const label of [rating.alternateName, rating.name]) {
    if (!label) continue;
    const exact = VERDICTS.find((v) => v.en.toLowerCase() === label.toLowerCase() || v.ko === label);
    if (exact) return exact.key;
    for (const [pattern, verdict] of TEXT_RULES) if (pattern.test(label)) return verdict;
  }
  if (rating.value === undefined) return undefined;
  const best = rating.best ?? 5;
  const worst = rating.worst ?? 1;
  if (best === worst) return undefined;
  const position = (rating.value - worst) / (best - worst);
  if (position < 0 || position > 1) return undefined;
  const score = Math.round(1 + position * 4);
  return VERDICTS.find((v) => v.ratingValue === score)?.key;
}

/** Same review on the same page → same note id, so "Save as note" twice updates instead of duplicating. */
export function embeddedReviewNoteId(review: EmbeddedClaimReview, pageUrl: string): string {
  return uuidV5(`claimreview:${pageUrl}\u0000${review.url ?? ''}\u0000${review.claimReviewed}`);
}

/** The `annotation.save` draft for "Save as note": kind claim, the mapped verdict, the review as its source. */
export function claimReviewToDraft(review: EmbeddedClaimReview, pageUrl: string): AnnotationDraft {
  const verdict = verdictForRating(review.rating);
  const label = review.rating.alternateName ?? review.rating.name ?? (review.rating.value !== undefined ? String(review.rating.value) : '');
  const by = review.author?.name;
  const comment = [by ? `${by}: ${label}` : label, review.datePublished ? `(${review.datePublished.slice(0, 10)})` : '']
    .filter(Boolean)
    .join(' ')
    .slice(0, MAX_TEXT);
  const sources = [review.url, ...(review.itemReviewed?.appearance ?? [])].filter((u): u is string => typeof u === "string" && u !== pageUrl && u.length <= MAX_SHORT);
  return {
    id: embeddedReviewNoteId(review, pageUrl),
    pageUrl,
    kind: 'claim',
    quote: review.claimReviewed,
    selectors: [{ type: 'TextQuoteSelector', exact: review.claimReviewed }],
    ...(verdict ? { verdict } : {}),
    ...(comment ? { comment } : {}),
    sources: [...new Set(sources)].slice(0, 100),
    tags: ['claimreview'],
  };
}

/** The content script's reply to the `tab.embeddedReviews` TabCommand. */
export interface EmbeddedReviewsReply {
  reviews: EmbeddedClaimReview[];
}
