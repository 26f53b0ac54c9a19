/**
 * A fast "certainly valid" test for an Annotation, for validating 10,000 imported
 * notes: `v.safeParse(AnnotationSchema, …)` per record allocates a dataset per
 * field and costs most of an import's validation time.
 *
 * It is never looser than the schema: `true` only for a record that AnnotationSchema
 * accepts AND whose parsed output would equal the record itself (no unknown keys
 * to strip, no tag to trim, no `undefined` optional). Anything else — invalid or
 * merely unusual — returns `false`, and the caller runs valibot, which then decides
 * and writes the error message. So a `false` is not a verdict, only "ask valibot".
 */
import { ISO_TIMESTAMP_REGEX } from 'valibot';
import { ANNOTATION_KINDS, VERDICT_KEYS } from '../annotation';
import { MAX_SHORT, MAX_TEXT } from '../annotation-schema';
import { FIGURE_KINDS } from '../detect/types';
import { isWebUrl } from './import-reader';

const ANNOTATION_KEYS = new Set([
  'id', 'pageUrl', 'kind', 'quote', 'selectors', 'figures', 'verdict', 'comment', 'sources', 'tags', 'color', 'createdAt', 'updatedAt', 'deleted', 'rev',
]);
const FIGURE_KEYS = new Set(['start', 'end', 'text', 'kind', 'value', 'min', 'max', 'unit', 'qualifier', 'counter', 'iso']);
const QUOTE_KEYS = new Set(['type', 'exact', 'prefix', 'suffix']);
const POSITION_KEYS = new Set(['type', 'start', 'end']);
const RANGE_KEYS = new Set(['type', 'startContainer', 'startOffset', 'endContainer', 'endOffset']);
const KINDS: ReadonlySet<unknown> = new Set(ANNOTATION_KINDS);
const VERDICTS: ReadonlySet<unknown> = new Set(VERDICT_KEYS);
const FIGURE_KIND_SET: ReadonlySet<unknown> = new Set(FIGURE_KINDS);
// The same patterns as the schema's.
const HTTP_PREFIX = /^https?:\/\//i;
const COLOR = /^#[0-9a-fA-F]{3,8}$/;
const REV = /^\d+-[0-9a-f]+$/;

type Loose = Record<string, unknown>;

/** Plain object, only the given keys, each own and defined (valibot would copy an `undefined` in). */
function hasOnlyKeys(value: unknown, keys: ReadonlySet<string>): value is Loose {
  if (typeof value !== 'object' || value === null || Object.getPrototypeOf(value) !== Object.prototype) return false;
  for (const key in value) {
    if (!keys.has(key) || !Object.hasOwn(value, key) || (value as Loose)[key] === undefined) return false;
  }
  return true;
}

const isString = (value: unknown, max: number): value is string => typeof value === 'string' && value.length <= max;
const isOffset = (value: unknown) => typeof value === 'number' && Number.isInteger(value) && value >= 0;
const isOptionalFinite = (value: unknown) => value === undefined || (typeof value === 'number' && Number.isFinite(value));
const isOptionalShort = (value: unknown) => value === undefined || isString(value, MAX_SHORT);

/**
 * The schema's url: ≤ MAX_SHORT, `URL.canParse` (valibot's `url()`), and an http(s):// prefix.
 * With that prefix, a string parses exactly when it parses with an http(s) protocol, so the
 * readers' (cached) isWebUrl gives the same answer without parsing each address again.
 */
function isSchemaUrl(value: unknown): boolean {
  return typeof value === 'string' && value.length <= MAX_SHORT && HTTP_PREFIX.test(value) && isWebUrl(value);
}

function isSelector(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const type = (value as Loose).type;
  if (type === 'TextQuoteSelector') {
    return hasOnlyKeys(value, QUOTE_KEYS) && isString(value.exact, MAX_TEXT) && isOptionalShort(value.prefix) && isOptionalShort(value.suffix);
  }
  if (type === 'TextPositionSelector') return hasOnlyKeys(value, POSITION_KEYS) && isOffset(value.start) && isOffset(value.end);
  if (type === 'RangeSelector') {
    return (
      hasOnlyKeys(value, RANGE_KEYS) &&
      isString(value.startContainer, MAX_SHORT) &&
      isOffset(value.startOffset) &&
      isString(value.endContainer, MAX_SHORT) &&
      isOffset(value.endOffset)
    );
  }
  return false;
}

function isFigure(value: unknown): boolean {
  return (
    hasOnlyKeys(value, FIGURE_KEYS) &&
    isOffset(value.start) &&
    isOffset(value.end) &&
    isString(value.text, MAX_SHORT) &&
    FIGURE_KIND_SET.has(value.kind) &&
    isOptionalFinite(value.value) &&
    isOptionalFinite(value.min) &&
    isOptionalFinite(value.max) &&
    (value.unit === null || isString(value.unit, MAX_SHORT)) &&
    isOptionalShort(value.qualifier) &&
    isOptionalShort(value.counter) &&
    isOptionalShort(value.iso)
  );
}

function every(list: unknown, max: number, test: (item: unknown) => boolean): boolean {
  if (!Array.isArray(list) || list.length > max) return false;
  for (let i = 0; i < list.length; i++) if (!test(list[i])) return false;
  return true;
}

const isTag = (value: unknown) => typeof value === 'string' && value.length >= 1 && value.length <= 200 && value.trim() === value;
const isTimestamp = (value: unknown) => typeof value === 'string' && ISO_TIMESTAMP_REGEX.test(value);

/**
 * True when AnnotationSchema accepts `value` unchanged, so `value` can be used as
 * the parsed output. False means: let valibot decide (and explain).
 */
export function isCertainlyValidAnnotation(value: unknown): boolean {
  if (!hasOnlyKeys(value, ANNOTATION_KEYS)) return false;
  const id = value.id;
  return (
    typeof id === 'string' &&
    id.length >= 1 &&
    id.length <= 128 &&
    isSchemaUrl(value.pageUrl) &&
    KINDS.has(value.kind) &&
    isString(value.quote, MAX_TEXT) &&
    every(value.selectors, 8, isSelector) &&
    (value.figures === undefined || every(value.figures, 200, isFigure)) &&
    (value.verdict === undefined || VERDICTS.has(value.verdict)) &&
    (value.comment === undefined || isString(value.comment, MAX_TEXT)) &&
    every(value.sources, 100, isSchemaUrl) &&
    every(value.tags, 100, isTag) &&
    (value.color === undefined || (typeof value.color === 'string' && COLOR.test(value.color))) &&
    isTimestamp(value.createdAt) &&
    isTimestamp(value.updatedAt) &&
    (value.deleted === undefined || value.deleted === true) &&
    (value.rev === undefined || (typeof value.rev === 'string' && REV.test(value.rev)))
  );
}
