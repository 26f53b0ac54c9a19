/**
 * Import: one untrusted text in, validated notes out — or an ImportError that
 * names the entry and field. Nothing is written here: the caller sends the
 * result as one `annotations.import` message, which the background writes in a
 * single transaction. So a bad file changes nothing.
 *
 * Accepted: our W3C export (`.jsonld`), W3C Web Annotation JSON-LD from other
 * tools (collection, page, list, @graph or a single annotation), and Hypothesis
 * JSON (the client's export file, or an API search result with `rows`).
 *
 * Hostile input: the file size, nesting depth, entry count and every string are
 * bounded; `__proto__`, `constructor` and `prototype` keys are dropped while
 * parsing, so no object built from the file can reach Object.prototype.
 */
import * as v from 'valibot';
import type { Annotation } from '../annotation';
import { AnnotationSchema } from '../annotation-schema';
import { normalizePageUrl } from '../db/page-url';
import { isCertainlyValidAnnotation } from './annotation-fast-check';
import { readHypothesisAnnotation, hypothesisEntries } from './hypothesis';
import { FieldError, ImportError, type ImportIssue, isRecord, maxNestingDepth, own } from './import-reader';
import type { PageInfo } from './export-options';
import { readWebAnnotation, webAnnotationEntries, webAnnotationPages, type EntryResult } from './web-annotation';

export { ImportError, maxNestingDepth, type ImportIssue } from './import-reader';

/** 64 MiB of text: far above 10,000 notes (~10 MB), below what a message port carries. */
export const MAX_IMPORT_CHARS = 64 * 1024 * 1024;
/** Same bound as the `annotations.import` message. */
export const MAX_IMPORT_ENTRIES = 200_000;
/** Real files nest under 12 levels; deeper is an attack on the parser or on us. */
export const MAX_DEPTH = 64;
/** Errors reported before giving up on a file. */
export const MAX_ISSUES = 20;

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const MAY_NAME_FORBIDDEN_KEY = /__proto__|constructor|prototype|\\u/;

export type ImportFormat = 'factmark' | 'web-annotation' | 'hypothesis';

export interface ParsedImport {
  format: ImportFormat;
  annotations: Annotation[];
  pages: PageInfo[];
  /** Entries that are valid but have no place in Factmark (replies, page notes, non-web targets). */
  skipped: { path: string; reason: string }[];
}

export function parseImportJson(text: string): unknown {
  if (typeof text !== 'string') throw new ImportError([{ path: '', message: 'expected the text of a file' }]);
  if (text.length > MAX_IMPORT_CHARS) {
    throw new ImportError([{ path: '', message: `the file is too large (${Math.round(text.length / 1048576)} MiB; the limit is ${MAX_IMPORT_CHARS / 1048576} MiB)` }]);
  }
  const body = text.replace(/^\uFEFF/, '').trim();
  if (!body) throw new ImportError([{ path: '', message: 'the file is empty' }]);
  if (body[0] !== '{' && body[0] !== '[') {
    const hint = body.startsWith('#') || /^[^\n]*,[^\n]*\r?\n/.test(body) ? ' Markdown and CSV exports are for other tools; import the .jsonld or .hypothesis.json file.' : '';
    throw new ImportError([{ path: '', message: `not a JSON file.${hint}` }]);
  }
  if (maxNestingDepth(body, MAX_DEPTH) > MAX_DEPTH) {
    throw new ImportError([{ path: '', message: `the file nests deeper than ${MAX_DEPTH} levels` }]);
  }
  try {
    // The reviver runs once per value, so it is kept for files that could name a
    // forbidden key at all (directly or through a \u escape); others parse plainly.
    return MAY_NAME_FORBIDDEN_KEY.test(body)
      ? JSON.parse(body, (key, value) => (FORBIDDEN_KEYS.has(key) ? undefined : value))
      : JSON.parse(body);
  } catch (error) {
    throw new ImportError([{ path: '', message: `not valid JSON (${(error as Error).message})` }]);
  }
}

function join(base: string, index: number): string {
  return base ? `${base}[${index}]` : `[${index}]`;
}

/** Maps a valibot issue on the converted record to a readable field path. */
function schemaIssue(entryPath: string, issue: v.BaseIssue<unknown>): ImportIssue {
  const dot = v.getDotPath(issue);
  return { path: dot ? `${entryPath} → ${dot}` : entryPath, message: issue.message };
}

/** Entries validated between progress reports (and between yields to the UI). */
export const PROGRESS_EVERY = 500;

/**
 * Parses, detects and validates a whole file. Throws ImportError (never anything
 * else) when any entry is malformed; then nothing may be written.
 */
export function parseImport(text: string, now: string = new Date().toISOString()): ParsedImport {
  const steps = parseSteps(text, now);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * The same validation in chunks, yielding to the event loop between them so a
 * page stays responsive and can draw a progress bar (fraction 0…1 of entries).
 */
export async function parseImportInChunks(
  text: string,
  onProgress: (fraction: number) => void = () => {},
  now: string = new Date().toISOString(),
): Promise<ParsedImport> {
  const steps = parseSteps(text, now);
  for (;;) {
    const step = steps.next();
    if (step.done) {
      onProgress(1);
      return step.value;
    }
    onProgress(step.value);
    await yieldToEventLoop();
  }
}

/**
 * A new task, like setTimeout(0) but without its 4 ms clamp on nested timers (20
 * yields of a 10,000-note file were 80 ms of idling); rendering still runs
 * between tasks, so the progress bar is drawn.
 */
function yieldToEventLoop(): Promise<void> {
  if (typeof MessageChannel !== 'function') return new Promise((resolve) => setTimeout(resolve, 0));
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

function* parseSteps(text: string, now: string): Generator<number, ParsedImport, void> {
  const root = parseImportJson(text);
  let format: ImportFormat;
  let entries: { items: unknown[]; basePath: string } | null;
  let read: (raw: unknown, path: string) => EntryResult & { page?: PageInfo };
  let pages: PageInfo[] = [];
  try {
    entries = hypothesisEntries(root);
    if (entries) {
      format = 'hypothesis';
      read = (raw, path) => readHypothesisAnnotation(raw, path, now);
    } else {
      entries = webAnnotationEntries(root);
      if (!entries) {
        throw new ImportError([
          {
            path: '',
            message: 'not a file Factmark can import: expected a W3C Web Annotation collection (.jsonld) or a Hypothesis export (.json with "annotations")',
          },
        ]);
      }
      format = isRecord(root) && own(root, 'factmark:pages') !== undefined ? 'factmark' : 'web-annotation';
      read = (raw, path) => readWebAnnotation(raw, path, now);
      pages = webAnnotationPages(root);
    }
  } catch (error) {
    if (error instanceof FieldError) throw new ImportError([{ path: error.path, message: error.message }]);
    throw error;
  }

  if (entries.items.length > MAX_IMPORT_ENTRIES) {
    throw new ImportError([{ path: entries.basePath, message: `too many entries (${entries.items.length}; the limit is ${MAX_IMPORT_ENTRIES})` }]);
  }

  const issues: ImportIssue[] = [];
  const skipped: ParsedImport['skipped'] = [];
  const byId = new Map<string, Annotation>();
  const pageTitles = new Map(pages.map((p) => [p.url, p.title]));
  const foreign = format !== 'factmark';
  const normalizedUrls = new Map<string, string>();
  const total = entries.items.length;
  for (let index = 0; index < total && issues.length < MAX_ISSUES; index++) {
    if (index && index % PROGRESS_EVERY === 0) yield index / total;
    const path = join(entries.basePath, index);
    let result: EntryResult & { page?: PageInfo };
    try {
      result = read(entries.items[index], path);
    } catch (error) {
      if (!(error instanceof FieldError)) throw error;
      issues.push({ path: error.path, message: error.message });
      continue;
    }
    if ('skip' in result) {
      skipped.push({ path, reason: result.skip });
      continue;
    }
    let annotation = result.annotation;
    if (foreign) {
      // Other tools keep tracking parameters and fragments; our keys are normalised URLs.
      // Thousands of notes share a few hundred pages: normalise each address once.
      let pageUrl = normalizedUrls.get(annotation.pageUrl);
      if (pageUrl === undefined) normalizedUrls.set(annotation.pageUrl, (pageUrl = normalizePageUrl(annotation.pageUrl)));
      if (result.page) pageTitles.set(pageUrl, result.page.title);
      annotation = { ...annotation, pageUrl };
    } else if (result.page) {
      pageTitles.set(annotation.pageUrl, result.page.title);
    }
    // The hand-written check accepts only records the schema passes unchanged; any other goes
    // through valibot, which decides and names the field.
    let valid: Annotation = annotation;
    if (!isCertainlyValidAnnotation(annotation)) {
      const checked = v.safeParse(AnnotationSchema, annotation);
      if (!checked.success) {
        issues.push(...checked.issues.slice(0, 3).map((issue) => schemaIssue(path, issue)));
        continue;
      }
      valid = checked.output as Annotation;
    }
    const previous = byId.get(annotation.id);
    // The same note twice in one file: the later edit wins, like a re-import would decide.
    if (!previous || previous.updatedAt <= annotation.updatedAt) byId.set(annotation.id, valid);
  }
  if (issues.length) throw new ImportError(issues.slice(0, MAX_ISSUES));

  const annotations = [...byId.values()];
  const used = new Set(annotations.map((a) => a.pageUrl));
  return {
    format,
    annotations,
    pages: [...pageTitles].filter(([url]) => used.has(url)).map(([url, title]) => ({ url, title })),
    skipped,
  };
}
