/**
 * Full-text search over saved notes: quote, comment, tags, site, URL and page
 * title, in Korean and English.
 *
 * Korean is agglutinative (`60페타플롭스를`, `엑사플롭스급`), so whitespace words
 * are the wrong unit: every query term is matched as a substring of a folded
 * haystack (NFKC + lower case, percent-encoded URLs decoded). The haystack and
 * the terms drop whitespace, because Korean spacing varies from writer to
 * writer (`페타 플롭스` / `페타플롭스`); fields are joined by a control character
 * no query contains, so no match spans two fields.
 *
 * A linear `includes` scan over pre-folded strings is exact for every substring
 * and measured well under the 50 ms target for 10,000 notes (see
 * `npm run bench -- store`), so no n-gram index is persisted: nothing to
 * migrate, nothing to keep in step with sync writes. Rebuilding after a change
 * reuses the folded entries of unchanged notes.
 */
import type { Annotation, PageRecord, Verdict } from '../annotation';
import type { FactmarkDB } from './schema';
import { isOnSite, siteOf, siteOfHost } from './page-url';

export interface SearchFilters {
  /** A verdict, or 'none' for notes without one. */
  verdict?: Verdict | 'none';
  /** Exact tag (compared folded). */
  tag?: string;
  /** Hostname without www.; subdomains match (`news.example` matches `m.news.example`). */
  site?: string;
  kind?: Annotation['kind'];
  /** ISO instants; `since` inclusive, `until` exclusive; compared with updatedAt. */
  since?: string;
  until?: string;
}

export interface SearchEntry {
  annotation: Annotation;
  site: string;
  title: string;
  /** Folded text of every searchable field, whitespace removed, fields joined by U+0001. */
  haystack: string;
  tagKeys: string[];
}

/** NFKC (folds full-width ＡＩ and compatibility jamo), lower case, single spaces. */
export function foldForSearch(text: string): string {
  // Pure ASCII is already NFKC; skipping ICU there saves an allocation per note.
  const normalised = /^[\x00-\x7f]*$/.test(text) ? text : text.normalize('NFKC');
  return normalised.toLowerCase().replace(/\s+/g, ' ');
}

/** The folded text without any whitespace: what substring search runs over. */
function compactFold(text: string): string {
  const normalised = /^[\x00-\x7f]*$/.test(text) ? text : text.normalize('NFKC');
  return normalised.toLowerCase().replace(/\s+/g, '');
}

function decodeUrl(url: string): string {
  try {
    return decodeURI(url);
  } catch {
    return url;
  }
}

/** Splits a query into terms; "double quotes" keep a phrase together. */
export function parseQuery(query: string): string[] {
  const terms: string[] = [];
  const folded = foldForSearch(query);
  for (const match of folded.matchAll(/"([^"]*)"|(\S+)/gu)) {
    const term = (match[1] ?? match[2] ?? '').trim();
    if (term) terms.push(term);
  }
  return terms;
}

function titleOf(annotation: Annotation, page: PageRecord | undefined): string {
  return page?.title && page.title !== annotation.pageUrl ? page.title : '';
}

/** Same searchable content: any edit bumps updatedAt; sync may rewrite a note keeping it, so compare the fields too. */
function sameNote(a: Annotation, b: Annotation): boolean {
  return (
    a.updatedAt === b.updatedAt &&
    a.quote === b.quote &&
    a.comment === b.comment &&
    a.pageUrl === b.pageUrl &&
    a.tags.length === b.tags.length &&
    a.tags.every((tag, i) => tag === b.tags[i])
  );
}

function buildEntry(annotation: Annotation, page: PageRecord | undefined): SearchEntry {
  const site = page?.site ?? safeSite(annotation.pageUrl);
  const title = titleOf(annotation, page);
  const haystack = compactFold(
    [annotation.quote, annotation.comment ?? '', annotation.tags.join('\u0001'), site, decodeUrl(annotation.pageUrl), title].join('\u0001'),
  );
  return { annotation, site, title, haystack, tagKeys: annotation.tags.map(foldForSearch) };
}

function safeSite(url: string): string {
  try {
    return siteOf(url);
  } catch {
    return '';
  }
}

function matchesTerm(entry: SearchEntry, term: string): boolean {
  return entry.haystack.includes(term);
}

/** Folded entries by id, reused across rebuilds while the note and its page title are unchanged. */
type EntryCache = Map<string, SearchEntry>;

/**
 * An in-memory index of the live (non-deleted) notes, newest edit first.
 * Build it once per change of the notes table (a liveQuery does that in the popup).
 */
export class NoteIndex {
  readonly entries: SearchEntry[];

  private readonly byId: EntryCache = new Map();

  /** `previous`: the index this one replaces; its folded entries are reused where nothing changed. */
  constructor(annotations: Iterable<Annotation>, pages: Iterable<PageRecord> = [], previous?: NoteIndex) {
    const pageByUrl = new Map<string, PageRecord>();
    for (const page of pages) pageByUrl.set(page.url, page);
    const entries: SearchEntry[] = [];
    const cache = previous?.byId;
    for (const annotation of annotations) {
      if (annotation.deleted) continue;
      const page = pageByUrl.get(annotation.pageUrl);
      const old = cache?.get(annotation.id);
      const entry =
        old && sameNote(old.annotation, annotation) && old.title === titleOf(annotation, page) ? { ...old, annotation } : buildEntry(annotation, page);
      entries.push(entry);
      this.byId.set(annotation.id, entry);
    }
    entries.sort((a, b) => compareDesc(a.annotation.updatedAt, b.annotation.updatedAt) || compareDesc(a.annotation.id, b.annotation.id));
    this.entries = entries;
  }

  get size(): number {
    return this.entries.length;
  }

  /** Every term must occur (AND); results keep the newest-edit-first order. */
  search(query: string, filters: SearchFilters = {}): SearchEntry[] {
    const terms = parseQuery(query).map((term) => term.replace(/\s+/g, ''));
    const tag = filters.tag ? foldForSearch(filters.tag.trim()) : undefined;
    const site = filters.site && siteOfHost(filters.site.toLowerCase());
    const out: SearchEntry[] = [];
    for (const entry of this.entries) {
      const a = entry.annotation;
      if (filters.verdict && (filters.verdict === 'none' ? a.verdict !== undefined : a.verdict !== filters.verdict)) continue;
      if (filters.kind && a.kind !== filters.kind) continue;
      if (filters.since && a.updatedAt < filters.since) continue;
      if (filters.until && a.updatedAt >= filters.until) continue;
      if (tag && !entry.tagKeys.includes(tag)) continue;
      if (site && !isOnSite(entry.site, site)) continue;
      let all = true;
      for (const term of terms) {
        if (!matchesTerm(entry, term)) {
          all = false;
          break;
        }
      }
      if (all) out.push(entry);
    }
    return out;
  }

  /** Tags and sites with their note counts, most used first, for the filter menus. */
  facets(): { tags: [string, number][]; sites: [string, number][] } {
    const tags = new Map<string, number>();
    const sites = new Map<string, number>();
    for (const { annotation, site } of this.entries) {
      for (const tag of annotation.tags) tags.set(tag, (tags.get(tag) ?? 0) + 1);
      if (site) sites.set(site, (sites.get(site) ?? 0) + 1);
    }
    const byCount = (a: [string, number], b: [string, number]) => b[1] - a[1] || a[0].localeCompare(b[0]);
    return { tags: [...tags].sort(byCount), sites: [...sites].sort(byCount) };
  }
}

function compareDesc(a: string, b: string): number {
  return a < b ? 1 : a > b ? -1 : 0;
}

/** Reads every note and page once and builds the index (read-only). */
export async function loadNoteIndex(db: FactmarkDB, previous?: NoteIndex): Promise<NoteIndex> {
  const [annotations, pages] = await db.transaction('r', db.annotations, db.pages, () =>
    Promise.all([db.annotations.toArray(), db.pages.toArray()]),
  );
  return new NoteIndex(annotations, pages, previous);
}

/** One-shot search straight from the database. */
export async function searchNotes(db: FactmarkDB, query: string, filters: SearchFilters = {}): Promise<Annotation[]> {
  return (await loadNoteIndex(db)).search(query, filters).map((entry) => entry.annotation);
}
