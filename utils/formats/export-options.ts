/**
 * What every exporter takes besides the annotations: page titles, the label
 * language and the export time (injected so output is reproducible in tests).
 */
import { verdictDefinition, type Annotation, type Verdict } from '../annotation';

export interface PageInfo {
  url: string;
  title: string;
}

export type LabelLanguage = 'en' | 'ko';

export interface ExportOptions {
  pages?: readonly PageInfo[];
  /** Language of verdict labels and headings in human-readable formats. */
  language?: LabelLanguage;
  /** ISO 8601; defaults to now. */
  exportedAt?: string;
}

/** Verdict label in the chosen language, from VERDICTS only. */
export function verdictLabel(verdict: Verdict, language: LabelLanguage = 'en'): string {
  return verdictDefinition(verdict)[language];
}

export function pageTitles(pages: readonly PageInfo[] = []): Map<string, string> {
  return new Map(pages.map((p) => [p.url, p.title]));
}

/** Exports carry live notes only; tombstones exist for sync, not for other tools. */
export function liveAnnotations(annotations: readonly Annotation[]): Annotation[] {
  return annotations.filter((a) => !a.deleted);
}

export function exportTime(options: ExportOptions): string {
  return options.exportedAt ?? new Date().toISOString();
}
