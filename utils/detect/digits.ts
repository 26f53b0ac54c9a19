/**
 * Arabic-digit numbers as news prints them: `1,234,567`, `1 234 567`, `4.800`, `.25`.
 * Shared by the Korean and English number parsers. Char-code tests only: this
 * runs at every digit of the page, so no regex restarts here.
 */

export interface DigitRun {
  start: number;
  end: number;
  value: number;
  /** Digits after the decimal point (0 for integers). */
  decimals: number;
  /** Written with group separators (`,` or spaces). */
  grouped: boolean;
  /** Digits before the decimal point, without separators. */
  intDigits: number;
}

export const isDigit = (c: number): boolean => c >= 48 && c <= 57;
export const isLatin = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
export const isLowerLatin = (c: number): boolean => c >= 97 && c <= 122;
export const isHangul = (c: number): boolean => c >= 0xac00 && c <= 0xd7a3;
export const isSpace = (c: number): boolean => c === 32 || c === 0xa0 || c === 0x202f || c === 0x2009 || c === 9;

function digitsFrom(text: string, i: number): number {
  while (i < text.length && isDigit(text.charCodeAt(i))) i++;
  return i;
}

/** Exactly three digits at `i`, not followed by a fourth. */
function threeDigits(text: string, i: number): boolean {
  return (
    isDigit(text.charCodeAt(i)) &&
    isDigit(text.charCodeAt(i + 1)) &&
    isDigit(text.charCodeAt(i + 2)) &&
    !isDigit(text.charCodeAt(i + 3))
  );
}

/** End of `,dd,dd,ddd` after an Indian-grouped head, or -1 (one or more pairs, then exactly three digits). */
function indianGroupsEnd(text: string, j: number): number {
  let k = j;
  let pairs = 0;
  while (text.charCodeAt(k) === 44 && isDigit(text.charCodeAt(k + 1)) && isDigit(text.charCodeAt(k + 2)) && text.charCodeAt(k + 3) === 44) {
    k += 3;
    pairs++;
  }
  if (pairs === 0 || text.charCodeAt(k) !== 44 || !threeDigits(text, k + 1)) return -1;
  return k + 4;
}

/**
 * Reads a digit number starting exactly at `start` (a digit, or `.` before a digit).
 * Commas group in threes (`1,234`); a comma followed by a space (`1, 234`) is a list, not a group.
 * Spaces group only when the first group has two or three digits (`40 000`), so `March 3 100 people` stays apart.
 */
export function parseDigitsAt(text: string, start: number): DigitRun | null {
  let i = start;
  let intText = '';
  let grouped = false;
  const c0 = text.charCodeAt(i);
  if (isDigit(c0)) {
    let j = digitsFrom(text, i);
    intText = text.slice(i, j);
    const firstLen = j - i;
    if (firstLen <= 3) {
      // Indian grouping: `12,34,567`, `1,00,000` (pairs, then a final three)
      const indian = firstLen <= 2 ? indianGroupsEnd(text, j) : -1;
      if (indian > 0) {
        intText += text.slice(j, indian).replace(/,/g, '');
        j = indian;
        grouped = true;
      }
      // comma groups
      while (indian < 0 && text.charCodeAt(j) === 44 && threeDigits(text, j + 1)) {
        intText += text.slice(j + 1, j + 4);
        j += 4;
        grouped = true;
      }
      // narrow/no-break spaces always group; a plain space only after a 2-3 digit head
      if (!grouped) {
        while (true) {
          const sep = text.charCodeAt(j);
          // a one-digit head groups by plain spaces only in a run of two or more groups (`1 234 567`)
          const plain = sep === 32 && (firstLen >= 2 || grouped || (threeDigits(text, j + 1) && text.charCodeAt(j + 4) === 32 && threeDigits(text, j + 5)));
          if (!(plain || sep === 0xa0 || sep === 0x202f || sep === 0x2009) || !threeDigits(text, j + 1)) break;
          // `2  1/4`-style fractions and `1,5 / 4` are not groups
          if (text.charCodeAt(j + 4) === 47) break;
          intText += text.slice(j + 1, j + 4);
          j += 4;
          grouped = true;
        }
      }
    }
    i = j;
  } else if (c0 !== 46 || !isDigit(text.charCodeAt(i + 1))) {
    return null;
  }
  let decimals = 0;
  let fracText = '';
  if (text.charCodeAt(i) === 46 && isDigit(text.charCodeAt(i + 1))) {
    const j = digitsFrom(text, i + 1);
    // `192.168.1.2`, `3.1.4`: dotted parts are separate numbers (or a version), not a decimal
    if (text.charCodeAt(j) === 46 && isDigit(text.charCodeAt(j + 1))) return { start, end: i, value: Number(intText), decimals: 0, grouped, intDigits: intText.length };
    fracText = text.slice(i + 1, j);
    decimals = j - i - 1;
    i = j;
  }
  const value = fracText ? Number(`${intText || '0'}.${fracText}`) : Number(intText || '0');
  return { start, end: i, value, decimals, grouped, intDigits: intText.length };
}

/** value × 10^pow without binary drift (2.3 × 10^8 is 230000000, not 229999999.99999997). */
export function scaleByPow10(value: number, pow: number): number {
  if (pow === 0) return value;
  const written = String(value);
  if (written.includes('e')) return tidy(value * 10 ** pow);
  return Number(`${written}e${pow}`);
}

/** Multiplies and rounds away float noise at 12 significant digits. */
export function tidy(value: number): number {
  if (!Number.isFinite(value) || value === 0) return value;
  if (Number.isInteger(value)) {
    const abs = Math.abs(value);
    if (abs < 2 ** 53) return value;
    // Big integers (6e16 FLOP/s) with at most 12 significant digits come back unchanged from toPrecision(12):
    // say so without the string round trip (the remainder of a double by a power of ten is exact).
    if (abs < 1e21 && abs % 10 ** (decimalDigits(abs) - 12) === 0) return value;
  }
  return Number(value.toPrecision(12));
}

/** Decimal digits of an integer in [2^53, 1e21): 16 to 21. */
function decimalDigits(abs: number): number {
  let digits = 16;
  while (digits < 21 && abs >= 10 ** digits) digits++;
  return digits;
}
