/**
 * Entry point of the detector: article text in, figures, claims and checks out.
 * Pure and synchronous; the only lazily built state is the sentence segmenter
 * (Intl.Segmenter) and the compiled scorer weights, created on first use.
 */
import type { Figure, ScanResult } from './types';
import { detectFigures } from './figures';
import { findChecks } from './checks/index';
import { detectClaims, dominantLanguage, splitParagraphs, type Paragraph } from './claims';
import { extractArticle, type ArticleText } from './article';

export interface ScanOptions {
  /** Skip the figure sanity checks (they only read figures). */
  checks?: boolean;
  /**
   * Read only paragraphs in these languages ('ko', 'en'; paragraphs in other languages follow
   * 'en', whose rules read them). The reader's "languages" setting. Absent: every paragraph.
   */
  languages?: readonly string[];
  /** Language of the figure checks' messages: the reader's UI language in the extension. Default: the page's. */
  checkLanguage?: 'ko' | 'en';
}

/** Whether a paragraph detected as `lang` is read when the reader chose `languages`. */
export function scansLanguage(lang: string, languages: readonly string[]): boolean {
  return languages.includes(lang === 'ko' ? 'ko' : 'en');
}

/** `text` with the characters outside `kept` blanked: offsets stay valid, figures cannot come from there. */
function keepOnly(text: string, kept: readonly Paragraph[]): string {
  const parts: string[] = [];
  let at = 0;
  for (const p of kept) {
    parts.push(text.slice(at, p.start).replace(/[^\n]/g, ' '), text.slice(p.start, p.end));
    at = p.end;
  }
  parts.push(text.slice(at).replace(/[^\n]/g, ' '));
  return parts.join('');
}

function byStart(a: Figure, b: Figure): number {
  return a.start - b.start || a.end - b.end;
}

/**
 * Scans text whose paragraphs are separated by "\n". Offsets in the result are
 * UTF-16 indexes into `text`, which is returned unchanged.
 */
export function scanText(text: string, options: ScanOptions = {}): ScanResult {
  const paragraphs = splitParagraphs(text);
  const { languages } = options;
  const kept = languages ? paragraphs.filter((p) => scansLanguage(p.lang, languages)) : paragraphs;
  const readable = kept.length === paragraphs.length ? text : keepOnly(text, kept);
  const found = detectFigures(readable);
  const figures = isSorted(found) ? found : [...found].sort(byStart);
  // The page's language is that of all its text, whichever paragraphs are read.
  const lang = dominantLanguage(paragraphs);
  const claims = detectClaims(text, figures, kept);
  const textLang = lang === 'ko' ? 'ko' : 'en';
  const checks = options.checks === false ? [] : findChecks(readable, figures, { lang: options.checkLanguage ?? textLang, textLang });
  return { lang, text, claims, figures, checks };
}

function isSorted(figures: Figure[]): boolean {
  for (let i = 1; i < figures.length; i++) if (byStart(figures[i - 1], figures[i]) > 0) return false;
  return true;
}

/** What the content script runs: the article of a live document, scanned, with its text-node map. */
export function scanDocument(doc: Document, options: ScanOptions = {}): ScanResult & { article: ArticleText } {
  const article = extractArticle(doc);
  return { ...scanText(article.text, options), article };
}
