/** Test helper: a fixture HTML file as a jsdom document plus its article text index. */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { JSDOM } from 'jsdom';
import { extractArticle } from '../../../utils/detect/article';
import { type TextIndex, createTextIndex } from '../../../utils/anchor/text-index';
import { buildCollapsedText } from '../../../utils/anchor/normalized-text';

export const FIXTURES = resolve(dirname(new URL(import.meta.url).pathname), '../../fixtures');

export function loadPage(path: string): { doc: Document; index: TextIndex } {
  const html = readFileSync(resolve(FIXTURES, path), 'utf8');
  const doc = new JSDOM(html).window.document;
  return { doc, index: createTextIndex(extractArticle(doc)) };
}

export function pageFromHtml(html: string): { doc: Document; index: TextIndex } {
  const doc = new JSDOM(html).window.document;
  return { doc, index: createTextIndex(extractArticle(doc)) };
}

/** Raw [start, end) of the n-th (1-based) whitespace-insensitive occurrence of `needle` in the index text. */
export function locate(index: TextIndex, needle: string, occurrence = 1): { start: number; end: number } {
  const view = buildCollapsedText(index.text);
  const target = needle.normalize('NFC').replace(/\s+/g, ' ');
  let at = -1;
  for (let n = 0; n < occurrence; n++) {
    at = view.text.indexOf(target, at + 1);
    if (at === -1) throw new Error(`"${needle}" occurrence ${occurrence} not found in the fixture text`);
  }
  return { start: view.toRaw[at], end: view.toRaw[at + target.length - 1] + 1 };
}
