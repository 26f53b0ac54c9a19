/**
 * CSV for spreadsheets: RFC 4180 (CRLF records, every field quoted, quotes
 * doubled), UTF-8 with a byte-order mark so Excel opens Korean text correctly,
 * one row per annotation.
 *
 * Formula injection (OWASP "CSV Injection"): a cell that starts with = + - @,
 * a tab or a carriage return is run as a formula by Excel, LibreOffice and
 * Google Sheets, and quotes and notes come from web pages and readers. By
 * default such cells get a leading apostrophe, which the spreadsheet shows as
 * text (and hides when editing in Excel). This alters the cell text by one
 * character, e.g. "-3% growth" becomes "'-3% growth"; CSV is an export for
 * people, never re-imported, so safety wins. Data tools (pandas, R) can pass
 * `guardFormulas: false` for untouched values.
 */
import type { Annotation } from '../annotation';
import { VERDICTS } from '../annotation';
import { liveAnnotations, pageTitles, type ExportOptions, verdictLabel } from './export-options';
import { textFragmentUrl } from './text-fragment';

export const CSV_BOM = '\uFEFF';
export const CSV_COLUMNS = [
  'id',
  'page_title',
  'page_url',
  'kind',
  'quote',
  'verdict',
  'verdict_label',
  'rating_value',
  'comment',
  'sources',
  'tags',
  'created_at',
  'updated_at',
  'text_fragment_link',
] as const;

export interface CsvOptions extends ExportOptions {
  /** Prefix cells that a spreadsheet would run as formulas with an apostrophe (default true). */
  guardFormulas?: boolean;
}

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string, guardFormulas = true): string {
  const text = guardFormulas && FORMULA_START.test(value) ? `'${value}` : value;
  return `"${text.replace(/"/g, '""')}"`;
}

export function exportCsv(annotations: readonly Annotation[], options: CsvOptions = {}): string {
  const guard = options.guardFormulas ?? true;
  const titles = pageTitles(options.pages);
  const rows = [CSV_COLUMNS.map((c) => csvCell(c, guard)).join(',')];
  for (const a of liveAnnotations(annotations)) {
    const rating = a.verdict ? VERDICTS.find((v) => v.key === a.verdict)?.ratingValue : null;
    const cells: Record<(typeof CSV_COLUMNS)[number], string> = {
      id: a.id,
      page_title: titles.get(a.pageUrl) ?? '',
      page_url: a.pageUrl,
      kind: a.kind,
      quote: a.quote,
      verdict: a.verdict ?? '',
      verdict_label: a.verdict ? verdictLabel(a.verdict, options.language) : '',
      rating_value: rating == null ? '' : String(rating),
      comment: a.comment ?? '',
      // Line breaks inside a quoted cell are legal CSV and keep one URL / tag per line in the sheet.
      sources: a.sources.join('\n'),
      tags: a.tags.join('\n'),
      created_at: a.createdAt,
      updated_at: a.updatedAt,
      text_fragment_link: textFragmentUrl(a),
    };
    // Embedded line breaks become CRLF too, so the whole file uses one line ending.
    rows.push(CSV_COLUMNS.map((c) => csvCell(cells[c].replace(/\r?\n/g, '\r\n'), guard)).join(','));
  }
  return `${CSV_BOM}${rows.join('\r\n')}\r\n`;
}
