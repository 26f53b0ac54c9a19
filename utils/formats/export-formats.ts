/**
 * The export formats offered to the reader: file extension, MIME type and the
 * serialiser. The UI, the benchmark and the tests all read this list.
 */
import type { Annotation } from '../annotation';
import { exportClaimReview, type ClaimReviewOptions } from './claimreview';
import { exportCsv, type CsvOptions } from './csv';
import type { ExportOptions } from './export-options';
import { exportHypothesis } from './hypothesis';
import { exportMarkdown } from './markdown';
import { exportWebAnnotation } from './web-annotation';

export type ExportFormatId = 'web-annotation' | 'hypothesis' | 'markdown' | 'csv' | 'claimreview';

export type AllExportOptions = ExportOptions & CsvOptions & ClaimReviewOptions;

export interface ExportFormat {
  id: ExportFormatId;
  /** File name ending, after `factmark-YYYY-MM-DD`. */
  extension: string;
  mime: string;
  /** Whether parseImport reads this format back. */
  importable: boolean;
  serialize(annotations: readonly Annotation[], options: AllExportOptions): string;
}

export const EXPORT_FORMATS: readonly ExportFormat[] = [
  { id: 'web-annotation', extension: '.jsonld', mime: 'application/ld+json', importable: true, serialize: exportWebAnnotation },
  { id: 'hypothesis', extension: '.hypothesis.json', mime: 'application/json', importable: true, serialize: exportHypothesis },
  { id: 'markdown', extension: '.md', mime: 'text/markdown;charset=utf-8', importable: false, serialize: exportMarkdown },
  { id: 'csv', extension: '.csv', mime: 'text/csv;charset=utf-8', importable: false, serialize: exportCsv },
  { id: 'claimreview', extension: '.claimreview.jsonld', mime: 'application/ld+json', importable: false, serialize: exportClaimReview },
];

export function exportFormat(id: ExportFormatId): ExportFormat {
  const format = EXPORT_FORMATS.find((f) => f.id === id);
  if (!format) throw new Error(`Unknown export format: ${id}`);
  return format;
}

/** `factmark-YYYY-MM-DD.<ext>` in the reader's local date. */
export function exportFileName(format: ExportFormat, date: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `factmark-${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}${format.extension}`;
}
