/**
 * Runtime schemas for the shared records. Messages and imports both validate
 * with these, so a record accepted by one is accepted by the other.
 */
import * as v from 'valibot';
import { ANNOTATION_KINDS, VERDICT_KEYS } from './annotation';
import { CHECK_KINDS, CLAIM_KINDS, FIGURE_KINDS } from './detect/types';

/** Long enough for any real quote or note; bounds hostile input. */
export const MAX_TEXT = 100_000;
export const MAX_SHORT = 2_048;

const text = v.pipe(v.string(), v.maxLength(MAX_TEXT));
const short = v.pipe(v.string(), v.maxLength(MAX_SHORT));
const offset = v.pipe(v.number(), v.integer(), v.minValue(0));
const finite = v.pipe(v.number(), v.finite());

export const TextQuoteSelectorSchema = v.object({
  type: v.literal('TextQuoteSelector'),
  exact: text,
  prefix: v.optional(short),
  suffix: v.optional(short),
});
export const TextPositionSelectorSchema = v.object({
  type: v.literal('TextPositionSelector'),
  start: offset,
  end: offset,
});
export const RangeSelectorSchema = v.object({
  type: v.literal('RangeSelector'),
  startContainer: short,
  startOffset: offset,
  endContainer: short,
  endOffset: offset,
});
export const SelectorSchema = v.variant('type', [
  TextQuoteSelectorSchema,
  TextPositionSelectorSchema,
  RangeSelectorSchema,
]);

export const FigureSchema = v.object({
  start: offset,
  end: offset,
  text: short,
  kind: v.picklist(FIGURE_KINDS),
  value: v.optional(finite),
  min: v.optional(finite),
  max: v.optional(finite),
  unit: v.nullable(short),
  qualifier: v.optional(short),
  counter: v.optional(short),
  iso: v.optional(short),
});

export const ClaimSchema = v.object({
  start: offset,
  end: offset,
  text,
  score: v.pipe(v.number(), v.minValue(0), v.maxValue(1)),
  checkworthy: v.boolean(),
  kinds: v.array(v.picklist(CLAIM_KINDS)),
});

export const CheckSchema = v.object({
  kind: v.picklist(CHECK_KINDS),
  message: short,
  figures: v.array(v.pipe(v.number(), v.integer(), v.minValue(0))),
});

const isoDate = v.pipe(v.string(), v.isoTimestamp());
// Only web addresses: a `javascript:` or `data:` source would become a live link in the UI and in exports.
const url = v.pipe(
  v.string(),
  v.maxLength(MAX_SHORT),
  v.url(),
  v.regex(/^https?:\/\//i, 'Expected an http(s) URL'),
);

export const AnnotationSchema = v.object({
  id: v.pipe(v.string(), v.minLength(1), v.maxLength(128)),
  pageUrl: url,
  kind: v.picklist(ANNOTATION_KINDS),
  quote: text,
  selectors: v.pipe(v.array(SelectorSchema), v.maxLength(8)),
  figures: v.optional(v.pipe(v.array(FigureSchema), v.maxLength(200))),
  verdict: v.optional(v.picklist(VERDICT_KEYS)),
  comment: v.optional(text),
  sources: v.pipe(v.array(url), v.maxLength(100)),
  tags: v.pipe(v.array(v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(200))), v.maxLength(100)),
  color: v.optional(v.pipe(v.string(), v.regex(/^#[0-9a-fA-F]{3,8}$/))),
  createdAt: isoDate,
  updatedAt: isoDate,
  deleted: v.optional(v.literal(true)),
  rev: v.optional(v.pipe(v.string(), v.regex(/^\d+-[0-9a-f]+$/))),
});

/** What a context sends to save a note: the background assigns id and times when absent. */
export const AnnotationDraftSchema = v.object({
  ...v.omit(AnnotationSchema, ['id', 'createdAt', 'updatedAt', 'rev', 'deleted']).entries,
  id: v.optional(AnnotationSchema.entries.id),
});

export const PageReportSchema = v.object({
  url,
  title: v.pipe(v.string(), v.maxLength(MAX_SHORT)),
  lang: v.optional(v.pipe(v.string(), v.maxLength(16))),
});
