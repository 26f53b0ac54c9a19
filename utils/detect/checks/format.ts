/**
 * Number formatting for check messages: SI prefixes for units, Intl for the
 * digits, Korean or English money words. A message must show the arithmetic
 * in numbers the reader can compare at a glance.
 */
import type { Figure } from '../types';
import type { CheckLang } from './context';

const LOCALE: Record<CheckLang, string> = { en: 'en-US', ko: 'ko-KR' };

const PREFIXES: Array<[number, string]> = [
  [24, 'Y'], [21, 'Z'], [18, 'E'], [15, 'P'], [12, 'T'], [9, 'G'], [6, 'M'], [3, 'k'], [0, ''],
  [-3, 'm'], [-6, 'µ'], [-9, 'n'],
];

/** How a base unit is written after an SI prefix. */
const UNIT_LABEL: Record<string, string> = { 'FLOP/s': 'FLOPS', FLOP: 'FLOP' };

// Mass is stored in grams but kilograms read better; temperature takes no prefix.
const NO_PREFIX = new Set(['°C', '°F', '%', 'pp', 'x']);

// Building an Intl.NumberFormat costs far more than formatting with one: keep one per locale and options.
const formatters = new Map<string, Intl.NumberFormat>();
function numberFormat(lang: CheckLang, key: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const id = `${lang}|${key}`;
  let format = formatters.get(id);
  if (!format) formatters.set(id, (format = new Intl.NumberFormat(LOCALE[lang], options)));
  return format;
}

/**
 * `format.format(value)` for the locales of LOCALE, which write an integer as its digits in groups of three
 * joined by "," after a "-" when negative. A check message shows a few numbers, mostly whole ones (counts,
 * ratios, prefixed quantities), and one Intl call cost about as much as the rest of a check: whole numbers
 * skip it. Fractions, -0 and integers past 2^53 still go through Intl.
 */
function formatWith(format: Intl.NumberFormat, value: number): string {
  if (!Number.isSafeInteger(value) || (value === 0 && 1 / value < 0)) return format.format(value);
  const digits = String(value < 0 ? -value : value);
  let grouped = digits.slice(0, digits.length % 3 || 3);
  for (let i = grouped.length; i < digits.length; i += 3) grouped += ',' + digits.slice(i, i + 3);
  return value < 0 ? '-' + grouped : grouped;
}

export function formatNumber(value: number, lang: CheckLang, maxSignificant = 4): string {
  const significant = Math.max(1, maxSignificant);
  // A non-zero integer of at most `significant` digits is its own rounding (toPrecision gives it back; -0 comes back as 0).
  const rounded = value !== 0 && Number.isSafeInteger(value) && Math.abs(value) < 10 ** significant ? value : Number(value.toPrecision(significant));
  return formatWith(numberFormat(lang, 'plain', { maximumFractionDigits: 3 }), rounded);
}

/** Exponent (multiple of 3) that puts `value` in [1, 1000). */
export function siExponent(value: number): number {
  if (!value) return 0;
  const exp = Math.floor(Math.log10(Math.abs(value)) / 3) * 3;
  return Math.max(-9, Math.min(24, exp));
}

/**
 * "60 PFLOPS", "6,000 EFLOPS" (with `exponent` forced to 18), "300 MW".
 * A forced exponent lets two figures be compared in the same prefix.
 */
export function formatQuantity(value: number, unit: string, lang: CheckLang, exponent?: number): string {
  if (NO_PREFIX.has(unit)) return `${formatNumber(value, lang)}${unit === '%' ? '%' : unit === 'x' ? '×' : ` ${unit}`}`;
  const exp = exponent ?? siExponent(value);
  const prefix = PREFIXES.find(([e]) => e === exp)?.[1] ?? '';
  const label = UNIT_LABEL[unit] ?? unit;
  return `${formatNumber(value / 10 ** exp, lang)} ${prefix}${label}`;
}

const KO_CURRENCY: Record<string, string> = {
  USD: '달러', KRW: '원', EUR: '유로', JPY: '엔', CNY: '위안', GBP: '파운드', HKD: '홍콩달러', TWD: '대만달러',
  VND: '동', INR: '루피', AUD: '호주달러', CAD: '캐나다달러', CHF: '스위스프랑', SGD: '싱가포르달러',
};

/** "달러" in Korean, the ISO code in English. */
export function currencyName(currency: string, lang: CheckLang): string {
  return lang === 'ko' ? (KO_CURRENCY[currency] ?? currency) : currency;
}

function currencySymbol(currency: string, lang: CheckLang): string {
  try {
    const parts = numberFormat(lang, `symbol|${currency}`, { style: 'currency', currency, currencyDisplay: 'narrowSymbol' }).formatToParts(1);
    return parts.find((p) => p.type === 'currency')?.value ?? currency;
  } catch {
    return currency;
  }
}

/** "$14.2 billion" / "142억 달러". */
export function formatMoney(value: number, currency: string, lang: CheckLang): string {
  if (Math.abs(value) < 1e6 && lang === 'en') {
    return numberFormat(lang, `money|${currency}`, { style: 'currency', currency, currencyDisplay: 'narrowSymbol', minimumFractionDigits: 0, maximumFractionDigits: 2 }).format(value);
  }
  const compact = numberFormat(lang, 'compact', {
    notation: 'compact',
    compactDisplay: 'long',
    maximumSignificantDigits: 4,
  }).format(value);
  if (lang === 'ko') return `${compact} ${KO_CURRENCY[currency] ?? currency}`;
  const symbol = currencySymbol(currency, lang);
  return symbol.length === 1 || symbol === 'US$' ? `${symbol}${compact}` : `${compact} ${symbol}`;
}

/** A count: "100,000" in both languages, with a Korean counter when known. */
export function formatCount(value: number, lang: CheckLang, counter?: string): string {
  const digits = formatNumber(value, lang, 6);
  return lang === 'ko' && counter && /^[가-힣]+$/.test(counter) ? `${digits}${counter}` : digits;
}

/** Any figure value in its unit. */
export function formatValue(value: number, unit: string | null, lang: CheckLang, exponent?: number, counter?: string): string {
  if (unit === null) return formatCount(value, lang, counter);
  if (/^[A-Z]{3}$/.test(unit)) return formatMoney(value, unit, lang);
  return formatQuantity(value, unit, lang, exponent);
}

/** A figure as the article wrote it, in quotes for the message. */
export function quoteFigure(figure: Figure, lang: CheckLang): string {
  return lang === 'ko' ? `‘${figure.text}’` : `“${figure.text}”`;
}

/** "1,000×" / "1,000배"; two significant digits above 10, one decimal below. */
export function formatRatio(ratio: number, lang: CheckLang): string {
  const r = ratio >= 10 ? Number(ratio.toPrecision(2)) : Math.round(ratio * 10) / 10;
  const digits = formatWith(numberFormat(lang, 'ratio', { maximumFractionDigits: 1 }), r);
  return lang === 'ko' ? `${digits}배` : `${digits}×`;
}

export function formatPercent(value: number, lang: CheckLang): string {
  const fractionDigits = Math.abs(value) < 10 ? 1 : 0;
  const digits = formatWith(numberFormat(lang, `percent|${fractionDigits}`, { maximumFractionDigits: fractionDigits }), value);
  return `${digits}%`;
}
