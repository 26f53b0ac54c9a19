/**
 * Entry point of the detector: article text in, figures, claims and checks out.
 * (First version for the foundation: digits with an optional Korean magnitude
 * and unit. The detection issue replaces it.)
 */
import type { Figure, ScanResult } from './types';

const FIGURE = /\d[\d,.]*(?:만|억|조)?\s?(?:개|명|달러|원|%|페타플롭스|엑사플롭스)/gu;

export function scanText(text: string): ScanResult {
  const figures: Figure[] = [];
  for (const match of text.matchAll(FIGURE)) {
    figures.push({ start: match.index, end: match.index + match[0].length, text: match[0], kind: 'count', unit: null });
  }
  return { lang: /[가-힣]/.test(text) ? 'ko' : 'en', text, claims: [], figures, checks: [] };
}
