/**
 * npm run -s scan -- <path>
 *
 * Scans a .txt file (taken as-is, each line a paragraph) or an .html/.htm file
 * (article text extracted as the content script does, with jsdom standing in
 * for the browser) and prints one JSON object:
 *   { lang, text, claims: [{start,end,text,score,checkworthy,kinds}],
 *     figures: [{start,end,text,kind,value?,min?,max?,unit,qualifier?}], checks: [...] }
 * Offsets are UTF-16 indexes into `text`. Errors go to stderr with exit code 2.
 */
import { readFileSync, statSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { JSDOM } from 'jsdom';
import { extractArticle } from '../utils/detect/article';
import { scanText } from '../utils/detect/scan';
import type { Figure, ScanResult } from '../utils/detect/types';

class UsageError extends Error {}

function readUtf8(path: string): string {
  let stats;
  try {
    stats = statSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(code === 'ENOENT' ? `no such file: ${path}` : `cannot read ${path}: ${(error as Error).message}`);
  }
  if (!stats.isFile()) throw new UsageError(`not a file: ${path}`);
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    throw new UsageError(`cannot read ${path}: ${(error as Error).message}`);
  }
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text; // a BOM is not content
  } catch {
    throw new UsageError(`${path} is not valid UTF-8`);
  }
}

/** The figure fields of the public interface, in its order; nothing else. */
function publicFigure(figure: Figure) {
  const out: Record<string, unknown> = { start: figure.start, end: figure.end, text: figure.text, kind: figure.kind };
  if (figure.value !== undefined) out.value = figure.value;
  if (figure.min !== undefined) out.min = figure.min;
  if (figure.max !== undefined) out.max = figure.max;
  out.unit = figure.unit ?? null;
  if (figure.qualifier !== undefined) out.qualifier = figure.qualifier;
  return out;
}

export function scanFile(path: string): ScanResult {
  const extension = extname(path).toLowerCase();
  if (extension !== '.txt' && extension !== '.html' && extension !== '.htm') {
    throw new UsageError(`unsupported file type "${extension || '(none)'}": give a .txt or .html file`);
  }
  const source = readUtf8(path);
  if (extension === '.txt') return scanText(source);
  const dom = new JSDOM(source, { url: pathToFileURL(resolve(path)).href });
  try {
    return scanText(extractArticle(dom.window.document).text);
  } finally {
    dom.window.close();
  }
}

function main(args: string[]): number {
  const paths = args.filter((arg) => arg !== '--');
  if (paths.length !== 1) {
    process.stderr.write('usage: npm run -s scan -- <file.txt|file.html>\n');
    return 2;
  }
  try {
    const result = scanFile(paths[0]);
    const output = {
      lang: result.lang,
      text: result.text,
      claims: result.claims.map(({ start, end, text, score, checkworthy, kinds }) => ({ start, end, text, score, checkworthy, kinds })),
      figures: result.figures.map(publicFigure),
      checks: result.checks,
    };
    process.stdout.write(JSON.stringify(output) + '\n');
    return 0;
  } catch (error) {
    process.stderr.write(`scan: ${error instanceof UsageError ? error.message : (error as Error).stack ?? String(error)}\n`);
    return error instanceof UsageError ? 2 : 1;
  }
}

process.exitCode = main(process.argv.slice(2));
