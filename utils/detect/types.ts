/** Output types of the detector. The `scan` CLI prints exactly these shapes. */

export const FIGURE_KINDS = ['money', 'percent', 'pp', 'multiple', 'quantity', 'count', 'date'] as const;
export type FigureKind = (typeof FIGURE_KINDS)[number];

export interface Figure {
  start: number; // UTF-16 offset into the article text
  end: number;
  text: string;
  kind: FigureKind;
  value?: number; // absent for ranges
  min?: number;
  max?: number;
  /** ISO 4217 for money, '%', 'pp', 'x', base SI-ish unit ('FLOP/s', 'B', 'W', ...) or null for counts. For dates an ISO string lives in `iso`. */
  unit: string | null;
  qualifier?: string; // 'about' | 'up to' | 'over' | ... kept as written-normalised
  counter?: string; // Korean counter (개, 명, 대, 곳) or English noun where useful
  iso?: string; // dates: ISO 8601 where resolved
}

export const CLAIM_KINDS = ['statistic', 'comparison', 'superlative', 'quote', 'prediction', 'causal'] as const;
export type ClaimKind = (typeof CLAIM_KINDS)[number];

export interface Claim {
  start: number;
  end: number;
  text: string;
  score: number; // 0..1 check-worthiness
  checkworthy: boolean;
  kinds: ClaimKind[];
}

export const CHECK_KINDS = ['product', 'parts', 'change', 'conversion', 'magnitude', 'dimension'] as const;
export type CheckKind = (typeof CHECK_KINDS)[number];

export interface Check {
  kind: CheckKind;
  message: string; // phrased as something to verify, never a verdict
  figures: number[]; // indexes into the figures array
  /** The arithmetic alone, language-neutral ("100,000 × 60 PFLOPS = 6,000 EFLOPS ≠ 6 EFLOPS"), for compact display. */
  arithmetic?: string;
}

export interface ScanResult {
  lang: string;
  text: string;
  claims: Claim[];
  figures: Figure[];
  checks: Check[];
}
