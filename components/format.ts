/** Small display helpers shared by the popup and options views. */

// Building an Intl formatter costs far more than formatting with one (locale data lookup);
// a list of notes formats dozens of dates, so each (locale, style) pair is built once.
const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();

function cached<F extends Intl.DateTimeFormat | Intl.NumberFormat>(key: string, make: () => F): F {
  let formatter = formatters.get(key) as F | undefined;
  if (!formatter) {
    formatter = make();
    formatters.set(key, formatter);
  }
  return formatter;
}

export function formatDate(iso: string, locale: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return cached(`date:${locale}`, () => new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', day: 'numeric' })).format(date);
}

/** Compact date for dense rows: "2/2/25", "25. 2. 2.". */
export function formatShortDate(iso: string, locale: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return cached(`short-date:${locale}`, () => new Intl.DateTimeFormat(locale, { year: '2-digit', month: 'numeric', day: 'numeric' })).format(date);
}

export function formatCount(n: number, locale: string): string {
  return cached(`count:${locale}`, () => new Intl.NumberFormat(locale)).format(n);
}

/** Only http(s) URLs become links or tabs; anything else is shown as text. */
export function isWebUrl(url: string): boolean {
  return /^https?:\/\//i.test(url);
}

/** `YYYY-MM-DD` from a date input, as the ISO instant of local midnight (plus `days`). */
export function localDayToIso(day: string, days = 0): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return undefined;
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const date = new Date(y, m - 1, d + days);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}
