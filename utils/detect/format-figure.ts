/**
 * A detected figure in normalised, comparable form: `500만달러` → `USD 5,000,000`,
 * `60페타플롭스` → `6×10¹⁶ FLOP/s`. Pure; the popup and the in-page hover card
 * both use it, so a figure reads the same everywhere.
 */
import type { Figure } from './types';

/** Above this, grouped digits stop being readable and we switch to a×10ⁿ. */
const SCIENTIFIC_FROM = 1e15;
/** Physical quantities go scientific sooner: nobody reads 1,200,000,000 W. */
const SCIENTIFIC_FROM_QUANTITY = 1e6;

const SUPERSCRIPT: Record<string, string> = {
  '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹', '-': '⁻',
};

/** Qualifiers as the detector keeps them, mapped to a symbol that reads in both languages. */
const QUALIFIER_SYMBOLS: [RegExp, string][] = [
  [/^(about|approximately|approx\.?|around|nearly|almost|roughly|some|약|대략|가량|정도|거의|근|여)$/iu, '≈'],
  [/^(up to|at most|no more than|최대|이하|까지)$/iu, '≤'],
  [/^(under|below|less than|fewer than|미만|못 미치는)$/iu, '<'],
  [/^(at least|no less than|최소|이상)$/iu, '≥'],
  [/^(over|above|more than|exceeding|초과|넘는|넘게|이상의)$/iu, '>'],
];

function qualifierSymbol(qualifier: string): string {
  const trimmed = qualifier.trim();
  for (const [pattern, symbol] of QUALIFIER_SYMBOLS) if (pattern.test(trimmed)) return symbol;
  return trimmed;
}

function superscript(exponent: number): string {
  return [...String(exponent)].map((c) => SUPERSCRIPT[c] ?? c).join('');
}

/** One Intl.NumberFormat per (locale, style): building one costs far more than formatting with it. */
const numberFormats = new Map<string, Intl.NumberFormat>();
function numberFormat(locale: string, scientific: boolean): Intl.NumberFormat {
  const key = `${scientific ? 's' : 'p'}:${locale}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, scientific ? { maximumFractionDigits: 3, useGrouping: false } : { maximumFractionDigits: 6 });
    numberFormats.set(key, format);
  }
  return format;
}

/** `6×10¹⁶`, with at most four significant digits in the mantissa. */
export function formatScientific(value: number, locale: string): string {
  if (value === 0) return '0';
  const exponent = Math.floor(Math.log10(Math.abs(value)));
  let mantissa = Number((value / 10 ** exponent).toPrecision(4));
  let exp = exponent;
  if (Math.abs(mantissa) >= 10) {
    mantissa /= 10;
    exp += 1;
  }
  const mantissaText = numberFormat(locale, true).format(mantissa);
  return `${mantissaText}×10${superscript(exp)}`;
}

function formatNumber(value: number, locale: string, scientificFrom: number): string {
  const magnitude = Math.abs(value);
  if (magnitude >= scientificFrom || (magnitude > 0 && magnitude < 1e-4)) return formatScientific(value, locale);
  return numberFormat(locale, false).format(value);
}

function isHangul(text: string): boolean {
  return /\p{Script=Hangul}/u.test(text);
}

type Amount = (n: number) => string;

function amountFormatter(figure: Figure, locale: string): Amount {
  const ko = locale.toLowerCase().startsWith('ko');
  const plain = (n: number) => formatNumber(n, locale, SCIENTIFIC_FROM);
  switch (figure.kind) {
    case 'money':
      return (n) => `${figure.unit ?? ''} ${plain(n)}`.trim();
    case 'percent':
      return (n) => `${plain(n)}%`;
    case 'pp':
      return (n) => (ko ? `${plain(n)}%p` : `${plain(n)} pp`);
    case 'multiple':
      return (n) => `${plain(n)}×`;
    case 'quantity': {
      const unit = figure.unit ?? '';
      return (n) => `${formatNumber(n, locale, SCIENTIFIC_FROM_QUANTITY)}${unit ? ` ${unit}` : ''}`;
    }
    case 'count':
    default: {
      const counter = figure.counter ?? '';
      const unit = figure.unit && figure.unit !== counter ? ` ${figure.unit}` : '';
      if (!counter) return (n) => `${plain(n)}${unit}`;
      return (n) => `${plain(n)}${isHangul(counter) ? '' : ' '}${counter}${unit}`;
    }
  }
}

/**
 * The figure's normalised reading in the given UI locale ('ko', 'en', 'en-US'…).
 * Ranges read `min–max`; qualifiers become ≈ ≤ < ≥ >. A figure without a
 * resolved value is returned as written.
 */
export function formatFigure(figure: Figure, locale: string): string {
  if (figure.kind === 'date') return figure.iso ?? figure.text;
  const amount = amountFormatter(figure, locale);
  let body: string;
  if (figure.value !== undefined && Number.isFinite(figure.value)) {
    body = amount(figure.value);
  } else if (figure.min !== undefined && figure.max !== undefined) {
    // Write the unit once, after the range, where the unit trails (percent, quantities);
    // money keeps its code in front of both ends so neither reads as a bare number.
    const low = amount(figure.min);
    const high = amount(figure.max);
    const suffix = sharedSuffix(low, high);
    body = suffix && figure.kind !== 'money' ? `${low.slice(0, low.length - suffix.length)}–${high}` : `${low}–${high}`;
  } else if (figure.min !== undefined) {
    body = `≥ ${amount(figure.min)}`;
  } else if (figure.max !== undefined) {
    body = `≤ ${amount(figure.max)}`;
  } else {
    return figure.text;
  }
  return figure.qualifier ? `${qualifierSymbol(figure.qualifier)} ${body}` : body;
}

/** The common trailing unit of two amounts (` FLOP/s`, `%`), never digits. */
function sharedSuffix(a: string, b: string): string {
  let i = 0;
  while (i < a.length && i < b.length && a[a.length - 1 - i] === b[b.length - 1 - i]) i++;
  const suffix = a.slice(a.length - i);
  const start = suffix.search(/[^\d.,⁰¹²³⁴⁵⁶⁷⁸⁹⁻×]/u);
  return start === -1 ? '' : suffix.slice(start);
}

/** "written → normalised", or just the written form when normalising adds nothing. */
export function describeFigure(figure: Figure, locale: string): { written: string; normalised: string | null } {
  const normalised = formatFigure(figure, locale);
  const same = normalised.replace(/\s/g, '') === figure.text.replace(/\s/g, '');
  return { written: figure.text, normalised: same ? null : normalised };
}
