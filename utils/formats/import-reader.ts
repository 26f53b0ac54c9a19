/**
 * Checked reads of untrusted JSON for the importers. Every failure names the
 * path in the reader's file ("annotations[3].target[0].selector: expected an
 * array, got a number"), so the reader can find and fix the entry.
 */
import { MAX_SHORT, MAX_TEXT } from '../annotation-schema';

export interface ImportIssue {
  /** Path in the imported file, e.g. `annotations[3].target.selector`. */
  path: string;
  message: string;
}

/** A file that cannot be imported; `issues` lists the first problems found (capped). */
export class ImportError extends Error {
  readonly issues: ImportIssue[];
  constructor(issues: ImportIssue[], summary?: string) {
    const shown = issues.slice(0, 5).map((i) => (i.path ? `${i.path}: ${i.message}` : i.message));
    const more = issues.length > 5 ? ` (and ${issues.length - 5} more)` : '';
    super(summary ?? `${shown.join('; ')}${more}`);
    this.name = 'ImportError';
    this.issues = issues;
  }
}

/** Thrown inside one entry's conversion; the importer collects these per entry. */
export class FieldError extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(message);
    this.name = 'FieldError';
  }
}

export type JsonRecord = Record<string, unknown>;

export function isRecord(value: unknown): value is JsonRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Own properties only: a missing `constructor` key must not read Object.prototype.constructor. */
export function own(record: JsonRecord, key: string): unknown {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (typeof value === 'string') return value.length > 60 ? `a string of ${value.length} characters` : `the string ${JSON.stringify(value)}`;
  if (typeof value === 'object') return 'an object';
  if (value === undefined) return 'nothing';
  return `${typeof value === 'number' ? 'the number' : 'the boolean'} ${String(value)}`;
}

export function fail(path: string, expected: string, value: unknown): never {
  throw new FieldError(path, `expected ${expected}, got ${describeValue(value)}`);
}

export function expectRecord(value: unknown, path: string): JsonRecord {
  if (!isRecord(value)) fail(path, 'an object', value);
  return value;
}

export function expectArray(value: unknown, path: string, maxItems: number): unknown[] {
  if (!Array.isArray(value)) fail(path, 'an array', value);
  if (value.length > maxItems) throw new FieldError(path, `expected at most ${maxItems} items, got ${value.length}`);
  return value;
}

export function expectString(value: unknown, path: string, maxLength: number = MAX_SHORT): string {
  if (typeof value !== 'string') fail(path, 'a string', value);
  if (value.length > maxLength) throw new FieldError(path, `expected at most ${maxLength} characters, got ${value.length}`);
  return value;
}

export function optionalString(value: unknown, path: string, maxLength: number = MAX_SHORT): string | undefined {
  return value === undefined || value === null ? undefined : expectString(value, path, maxLength);
}

export function expectText(value: unknown, path: string): string {
  return expectString(value, path, MAX_TEXT);
}

export function expectOffset(value: unknown, path: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) fail(path, 'a whole number ≥ 0', value);
  return value;
}

/** Any ISO 8601 / RFC 3339 time; normalised to `Date#toISOString` so that string comparison orders edits. */
const CANONICAL_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

export function expectTimestamp(value: unknown, path: string): string {
  const text = expectString(value, path, 64);
  // Already in toISOString form (all our own files): only check it is a real date.
  if (CANONICAL_TIME.test(text) && !Number.isNaN(Date.parse(text))) return text;
  const time = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.test(text) ? Date.parse(text) : NaN;
  if (Number.isNaN(time)) fail(path, 'an ISO 8601 date-time', value);
  return new Date(time).toISOString();
}

/** Answers by address: a file names a few hundred pages thousands of times, and URL parsing is the cost. */
const webUrlAnswers = new Map<string, boolean>();
const MAX_CACHED_URL = 512;

export function isWebUrl(text: string): boolean {
  if (text.length > MAX_SHORT) return false;
  const known = webUrlAnswers.get(text);
  if (known !== undefined) return known;
  let answer: boolean;
  try {
    const url = new URL(text);
    answer = url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    answer = false;
  }
  if (text.length <= MAX_CACHED_URL) {
    if (webUrlAnswers.size >= 20_000) webUrlAnswers.clear();
    webUrlAnswers.set(text, answer);
  }
  return answer;
}

export function expectWebUrl(value: unknown, path: string): string {
  const text = expectString(value, path);
  if (!isWebUrl(text)) fail(path, 'an http(s) URL', value);
  return text;
}

/** Rounds `value` to an array: JSON-LD lets any property be one value or a list. */
export function asList(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

/**
 * Nesting depth outside strings, found before JSON.parse builds anything: a
 * file of millions of nested brackets would otherwise cost gigabytes (and the
 * reviver recurses). Strings are skipped with indexOf, which is native and fast.
 */
export function maxNestingDepth(text: string, stopAt = Infinity): number {
  let depth = 0;
  let max = 0;
  const length = text.length;
  for (let i = 0; i < length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) {
      // Find the closing quote: one preceded by an even number of backslashes.
      let j = i + 1;
      for (;;) {
        j = text.indexOf('"', j);
        if (j === -1) return max;
        let backslashes = 0;
        for (let k = j - 1; text.charCodeAt(k) === 92; k--) backslashes++;
        if (backslashes % 2 === 0) break;
        j++;
      }
      i = j;
    } else if (c === 91 || c === 123) {
      if (++depth > max) {
        max = depth;
        if (max > stopAt) return max;
      }
    } else if (c === 93 || c === 125) depth--;
  }
  return max;
}
