/**
 * Conversion check: a figure followed by its conversion in brackets,
 * "5000억달러(약 718조원)" or "$1.3 billion (1.8 trillion won)", implies a
 * rate. Two conversions between the same currencies on one page should imply
 * about the same rate; a unit conversion ("100 miles (161 km)") should come
 * out equal, since figures arrive in base units.
 */
import type { Check, Figure } from '../types';
import { type CheckContext, hasValue, qualifierSense, roundingError } from './context';
import { currencyName, formatNumber, formatPercent, formatValue, quoteFigure } from './format';

interface Conversion {
  from: number; // figure index outside the brackets
  to: number; // figure index inside
  /** Units of `to` per unit of `from`, oriented so the rate is ≥ 1 (1 USD = 1,436 KRW). */
  rate: number;
  base: string;
  quote: string;
  /** Relative error the stated figures' rounding and qualifiers allow. */
  error: number;
}

/** Only an opening bracket and an approximation word may sit between the two figures. */
const BETWEEN = /^\s*[(（[]\s*(?:약|about|around|roughly|approximately|approx\.|some|≈|~|대략|한화\s*약?|원화\s*약?|환산\s*약?|US)?\s*$/i;
const CLOSE = /^\s*(?:가량|정도|상당|안팎|여)?\s*[)）\]]/;

function isMoney(f: Figure): boolean {
  return f.kind === 'money' && !!f.unit && /^[A-Z]{3}$/.test(f.unit);
}

/**
 * How far a stated figure may be off its exact conversion. The converted
 * figure in brackets is rounded by the writer ("약 43조원"), so its rounding
 * counts (up to 10%); the figure outside is usually the exact amount, however
 * round it looks ("5000억달러"), so its rounding counts up to 2%.
 */
function allowance(ctx: CheckContext, i: number, inBrackets: boolean): number {
  const f = ctx.figures[i] as Figure & { value: number };
  // A bracketed "$1 billion" is read as 0.9–1.1 billion, not 0.5–1.5: writers round conversions to two digits or so.
  const rounding = Math.min(roundingError(f.value), inBrackets ? 0.1 : 0.02);
  return Math.max(rounding, 0.005) + (qualifierSense(ctx, i) === 'approx' ? 0.02 : 0);
}

function findConversions(ctx: CheckContext): Conversion[] {
  const conversions: Conversion[] = [];
  const { figures, text } = ctx;
  for (let i = 0; i + 1 < figures.length; i++) {
    const a = figures[i];
    const b = figures[i + 1];
    if (!hasValue(a) || !hasValue(b) || a.value <= 0 || b.value <= 0 || !a.unit || !b.unit) continue;
    if (!BETWEEN.test(text.slice(a.end, b.start)) || !CLOSE.test(text.slice(b.end, b.end + 8))) continue;
    if (isMoney(a) !== isMoney(b)) continue;
    if (!isMoney(a) && a.unit !== b.unit) continue; // quantities arrive in base units: a conversion must agree
    if (isMoney(a) && a.unit === b.unit) continue;
    const error = allowance(ctx, i, false) + allowance(ctx, i + 1, true);
    const forward = b.value / a.value;
    conversions.push(
      forward >= 1 || !isMoney(a)
        ? { from: i, to: i + 1, rate: forward, base: a.unit, quote: b.unit, error }
        : { from: i, to: i + 1, rate: 1 / forward, base: b.unit, quote: a.unit, error },
    );
  }
  return conversions;
}

function moneyCheck(ctx: CheckContext, x: Conversion, y: Conversion): Check {
  const lang = ctx.lang;
  const apart = Math.max(x.rate, y.rate) / Math.min(x.rate, y.rate) - 1;
  const rateText = (c: Conversion) =>
    lang === 'ko'
      ? `1${currencyName(c.base, lang)} ≈ ${formatNumber(c.rate, lang)}${currencyName(c.quote, lang)}`
      : `1 ${c.base} ≈ ${formatNumber(c.rate, lang)} ${c.quote}`;
  const written = (c: Conversion) => ctx.text.slice(ctx.figures[c.from].start, ctx.figures[c.to].end + 1);
  const message =
    lang === 'ko'
      ? `‘${written(x)}’에서는 ${rateText(x)}, ‘${written(y)}’에서는 ${rateText(y)}의 환율이 나옵니다(${formatPercent(apart * 100, lang)} 차이). 환산을 확인할 필요가 있습니다.`
      : `“${written(x)}” implies ${rateText(x)}, but “${written(y)}” implies ${rateText(y)} (${formatPercent(apart * 100, lang)} apart) — worth verifying.`;
  return { kind: 'conversion', message, figures: [x.from, x.to, y.from, y.to], arithmetic: `${rateText(x)} vs ${rateText(y)}` };
}

export function findConversionChecks(ctx: CheckContext): Check[] {
  const checks: Check[] = [];
  const lang = ctx.lang;
  const conversions = findConversions(ctx);
  // A unit conversion that does not come out equal.
  for (const c of conversions) {
    if (isMoney(ctx.figures[c.from])) continue;
    const gap = Math.abs(c.rate - 1);
    if (gap <= Math.max(0.05, c.error)) continue;
    const a = ctx.figures[c.from] as Figure & { value: number };
    const b = ctx.figures[c.to] as Figure & { value: number };
    const aText = formatValue(a.value, a.unit, lang);
    const bText = formatValue(b.value, b.unit, lang);
    const message =
      lang === 'ko'
        ? `${quoteFigure(a, lang)}의 값은 ${aText}, 괄호 안의 ${quoteFigure(b, lang)}의 값은 ${bText}입니다(${formatPercent(gap * 100, lang)} 차이). 환산을 확인할 필요가 있습니다.`
        : `${quoteFigure(a, lang)} is ${aText} but the conversion beside it, ${quoteFigure(b, lang)}, is ${bText} (${formatPercent(gap * 100, lang)} apart) — worth verifying.`;
    checks.push({ kind: 'conversion', message, figures: [c.from, c.to], arithmetic: `${aText} ≠ ${bText}` });
  }
  // Money conversions between the same currencies that imply different rates. With three or more,
  // the odd one out is compared with the one closest to the page's median rate, once.
  const groups = new Map<string, Conversion[]>();
  for (const c of conversions) {
    if (!isMoney(ctx.figures[c.from])) continue;
    const key = `${c.base}/${c.quote}`;
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  const disagree = (x: Conversion, y: Conversion) =>
    Math.max(x.rate, y.rate) / Math.min(x.rate, y.rate) - 1 > Math.max(0.05, x.error + y.error);
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    const pairs: Array<[Conversion, Conversion]> = [];
    if (group.length === 2) {
      if (disagree(group[0], group[1])) pairs.push([group[0], group[1]]);
    } else {
      const rates = group.map((c) => c.rate).sort((a, b) => a - b);
      const median = rates[Math.floor(rates.length / 2)];
      const reference = group.reduce((best, c) => (Math.abs(Math.log(c.rate / median)) < Math.abs(Math.log(best.rate / median)) ? c : best));
      for (const c of group) if (c !== reference && disagree(reference, c)) pairs.push(c.from < reference.from ? [c, reference] : [reference, c]);
    }
    for (const [x, y] of pairs) checks.push(moneyCheck(ctx, x, y));
  }
  return checks;
}
