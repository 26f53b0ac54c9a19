/**
 * The one annotation record shared by every context (see ARCHITECTURE.md).
 * Shaped like the W3C Web Annotation model so that export is a mapping.
 */
import type { Figure } from './detect/types';

export const VERDICT_KEYS = ['true', 'mostly-true', 'half-true', 'mostly-false', 'false', 'unverifiable'] as const;
export type Verdict = (typeof VERDICT_KEYS)[number];

export interface VerdictDefinition {
  key: Verdict;
  /** Korean label used by Korean fact-checkers (SNU FactCheck scale). */
  ko: string;
  en: string;
  /** schema.org ClaimReview ratingValue (bestRating 5, worstRating 1); null where no rating applies. */
  ratingValue: number | null;
  /** Highlight colour; chosen to stay legible on light and dark pages. */
  color: string;
}

/** The single verdict scale. UI, exports and imports all read it from here. */
export const VERDICTS: readonly VerdictDefinition[] = [
  { key: 'true', ko: '사실', en: 'True', ratingValue: 5, color: '#2e9d57' },
  { key: 'mostly-true', ko: '대체로 사실', en: 'Mostly true', ratingValue: 4, color: '#7cb342' },
  { key: 'half-true', ko: '절반의 사실', en: 'Half true', ratingValue: 3, color: '#f2b01e' },
  { key: 'mostly-false', ko: '대체로 사실 아님', en: 'Mostly false', ratingValue: 2, color: '#ef7d22' },
  { key: 'false', ko: '사실 아님', en: 'False', ratingValue: 1, color: '#d93f3f' },
  { key: 'unverifiable', ko: '판단 유보', en: 'Unverifiable', ratingValue: null, color: '#8a8fa3' },
];

export function verdictDefinition(key: Verdict): VerdictDefinition {
  const found = VERDICTS.find((v) => v.key === key);
  if (!found) throw new Error(`Unknown verdict: ${key}`);
  return found;
}

export function isVerdict(value: unknown): value is Verdict {
  return typeof value === 'string' && (VERDICT_KEYS as readonly string[]).includes(value);
}

export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix?: string;
  suffix?: string;
}

export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

export interface RangeSelector {
  type: 'RangeSelector';
  startContainer: string; // XPath relative to the article root
  startOffset: number;
  endContainer: string;
  endOffset: number;
}

export type Selector = TextQuoteSelector | TextPositionSelector | RangeSelector;

export const ANNOTATION_KINDS = ['claim', 'figure', 'highlight'] as const;
export type AnnotationKind = (typeof ANNOTATION_KINDS)[number];

export interface Annotation {
  id: string; // uuid; the sync document id is `annotation:<id>`
  pageUrl: string; // normalised
  kind: AnnotationKind;
  quote: string; // exact text, NFC
  selectors: Selector[];
  figures?: Figure[];
  verdict?: Verdict;
  comment?: string;
  sources: string[];
  tags: string[];
  color?: string;
  createdAt: string;
  updatedAt: string;
  deleted?: true;
  rev?: string; // owned by utils/sync
}

export interface PageRecord {
  url: string; // normalised, primary key
  title: string;
  site: string; // hostname without www.
  lang?: string;
  firstSeen: string;
  lastSeen: string;
}
