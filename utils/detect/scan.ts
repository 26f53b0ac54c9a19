/**
 * Entry point of the detector: article text in, figures, claims and checks out.
 * Pure and synchronous; the only lazily built state is the sentence segmenter
 * (Intl.Segmenter) and the compiled scorer weights, created on first use.
 */
import type { Figure, ScanResult } from './types';
import { detectFigures } from './figures';
import { findChecks } from './checks/index';
import { detectClaims, dominantLanguage, splitParagraphs } from './claims';
import { extractArticle, type ArticleText } from './article';

export interface ScanOptions {
  /** Skip the figure sanity checks (they only read figures). */
  checks?: boolean;
}

function byStart(a: Figure, b: Figure): number {
  return a.start - b.start || a.end - b.end;
}

/**
 * Scans text whose paragraphs are separated by "\n". Offsets in the result are
 * UTF-16 indexes into `text`, which is returned unchanged.
 */
export function scanText(text: string, options: ScanOptions = {}): ScanResult {
  const found = detectFigures(text);
  const figures = isSorted(found) ? found : [...found].sort(byStart);
  const paragraphs = splitParagraphs(text);
  const lang = dominantLanguage(paragraphs);
  const claims = detectClaims(text, figures, paragraphs);
  const checks = options.checks === false ? [] : findChecks(text, figures, { lang: lang === 'ko' ? 'ko' : 'en' });
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
