/**
 * Figure sanity checks: arithmetic and unit inconsistencies inside one
 * article. Each check names the figures involved (indexes into `figures`),
 * shows the arithmetic and is phrased as something to verify, never a
 * verdict. Messages follow the article's language.
 */
import type { Check, Figure } from '../types';
import { type CheckLang, buildCheckContext } from './context';
import { findChangeChecks } from './change';
import { findConversionChecks } from './conversion';
import { findDimensionChecks } from './dimension';
import { findMagnitudeChecks } from './magnitude';
import { findPartsChecks } from './parts';
import { findProductChecks } from './product';

export type { CheckLang } from './context';

export interface FindChecksOptions {
  /** Message language; the article's own (from its Hangul ratio) when absent. The text is always read as written. */
  lang?: CheckLang;
  /** The article's language (how its words are read); detected from the Hangul ratio when absent. */
  textLang?: CheckLang;
}

export function findChecks(text: string, figures: Figure[], options: FindChecksOptions = {}): Check[] {
  if (!figures.length) return [];
  // Checks read figures in reading order; remember where each came from.
  // scanText passes them sorted already: then the order is the identity, and neither a sort nor a copy is needed.
  const order = startsAscending(figures) ? null : figures.map((_, i) => i).sort((a, b) => figures[a].start - figures[b].start || a - b);
  const sorted = order ? order.map((i) => figures[i]) : figures;
  const ctx = buildCheckContext(text, sorted, options.lang ?? options.textLang, options.textLang);
  const found = [
    ...findProductChecks(ctx),
    ...findPartsChecks(ctx),
    ...findChangeChecks(ctx),
    ...findConversionChecks(ctx),
    ...findMagnitudeChecks(ctx),
    ...findDimensionChecks(ctx),
  ];
  if (!found.length) return found;
  const checks = found.map((check) => ({ ...check, figures: order ? check.figures.map((i) => order[i]) : [...check.figures] }));
  // One message per set of figures and kind.
  const seen = new Set<string>();
  return checks
    .filter((check) => {
      const key = `${check.kind}|${[...check.figures].sort((a, b) => a - b).join(',')}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .sort((a, b) => Math.min(...a.figures) - Math.min(...b.figures));
}

function startsAscending(figures: Figure[]): boolean {
  for (let i = 1; i < figures.length; i++) if (figures[i].start < figures[i - 1].start) return false;
  return true;
}
