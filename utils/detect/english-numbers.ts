/**
 * English numbers: digits with scale words and abbreviations (`$5.6M`, `1.2bn`,
 * `48.2 million`, `25 lakh`), and number words (`three`, `twenty-two`, `five million`,
 * `a dozen`, `one hundred`).
 */
import { isDigit, isLatin, isSpace, parseDigitsAt, scaleByPow10, tidy } from './digits';

const UNITS: Record<string, number> = {
  zero: 0, nought: 0, naught: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
};
const TENS: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 };
const SCALES: Record<string, number> = { hundred: 2, thousand: 3, million: 6, billion: 9, trillion: 12, lakh: 5, lakhs: 5, crore: 7, crores: 7 };

/** Scale words and abbreviations after digits. `m`/`k` only after a currency (`$5m`); alone, `5m` is metres. */
const SCALE_AFTER: [string, number, boolean /* needs currency */, boolean /* case-sensitive */][] = [
  ['trillion', 12, false, false], ['billion', 9, false, false], ['million', 6, false, false], ['thousand', 3, false, false],
  ['hundred', 2, false, false], ['crore', 7, false, false], ['lakh', 5, false, false],
  ['trn', 12, false, false], ['tn', 12, false, false], ['bln', 9, false, false], ['bn', 9, false, false], ['mln', 6, false, false], ['mn', 6, false, false],
  ['B', 9, false, true], ['M', 6, false, true], ['b', 9, true, true], ['m', 6, true, true], ['K', 3, true, true], ['k', 3, true, true], ['T', 12, true, true],
];

export interface ScaleMatch {
  pow: number;
  end: number;
}

/**
 * `text.slice(p, p + word.length).toLowerCase() === word` for a lower-case ASCII `word`, without making strings:
 * A-Z fold directly; any other non-ASCII character takes the exact (allocating) test.
 */
function lowerStartsWith(text: string, p: number, word: string): boolean {
  if (p + word.length > text.length) return false;
  for (let k = 0; k < word.length; k++) {
    let c = text.charCodeAt(p + k);
    if (c >= 0x80) return text.slice(p, p + word.length).toLowerCase() === word;
    if (c >= 65 && c <= 90) c += 32;
    if (c !== word.charCodeAt(k)) return false;
  }
  return true;
}

/** A scale right after a number: ` million`, `bn`, `M`. Letters must end there (`5 millionaires` is not 5e6). */
export function matchScaleAt(text: string, i: number, hasCurrency: boolean): ScaleMatch | null {
  const spaced = isSpace(text.charCodeAt(i));
  const p = spaced ? i + 1 : text.charCodeAt(i) === 45 ? i + 1 : i; // `1.2-billion` is rare but seen
  if (!isLatin(text.charCodeAt(p))) return null;
  for (const [word, pow, needsCurrency, caseSensitive] of SCALE_AFTER) {
    if (needsCurrency && !hasCurrency) continue;
    // one-letter abbreviations are glued (`$5m`, `70B`), words may follow a space
    if (word.length <= 2 && word !== 'bn' && word !== 'mn' && word !== 'tn' && p !== i) continue;
    if (!(caseSensitive ? text.startsWith(word, p) : lowerStartsWith(text, p, word))) continue;
    const after = text.charCodeAt(p + word.length);
    if (isLatin(after) || isDigit(after)) continue;
    return { pow, end: p + word.length };
  }
  return null;
}

export interface WordNumber {
  start: number;
  end: number;
  value: number;
  /** Largest scale word used, as a power of ten (`five million` → 6). */
  pow: number;
  /** A fraction or a mixed number (`two thirds`, `one and a half`, `three point five` is not). */
  fraction?: boolean;
}

function readWord(text: string, i: number): { word: string; end: number } | null {
  let j = i;
  while (j < text.length && isLatin(text.charCodeAt(j))) j++;
  if (j === i) return null;
  return { word: text.slice(i, j).toLowerCase(), end: j };
}

/** Fraction denominators: `half`, `thirds`, `quarter`, `hundredths`. Singular after one/a, plural otherwise. */
const DENOMINATORS: Record<string, number> = {
  half: 2, third: 3, quarter: 4, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10,
  eleventh: 11, twelfth: 12, thirteenth: 13, fourteenth: 14, fifteenth: 15, sixteenth: 16, seventeenth: 17, eighteenth: 18, nineteenth: 19,
  twentieth: 20, thirtieth: 30, fortieth: 40, fiftieth: 50, sixtieth: 60, seventieth: 70, eightieth: 80, ninetieth: 90,
  hundredth: 100, thousandth: 1e3, millionth: 1e6, billionth: 1e9, trillionth: 1e12,
};
/** Ordinals that end a compound denominator (`twenty-first`, `thirty-fifths`). */
const UNIT_ORDINALS: Record<string, number> = { first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9 };

interface Denominator {
  value: number;
  plural: boolean;
  end: number;
}

function singularOf(word: string): [string, boolean] {
  if (word === 'halves') return ['half', true];
  if (word.endsWith('s')) return [word.slice(0, -1), true];
  return [word, false];
}

/** A denominator word at `i`: `thirds`, `quarter`, `twenty-fifths`, `twenty firsts`. */
function readDenominator(text: string, i: number): Denominator | null {
  const w = readWord(text, i);
  if (!w) return null;
  const [base, plural] = singularOf(w.word);
  if (base in DENOMINATORS) return { value: DENOMINATORS[base]!, plural, end: w.end };
  if (w.word in TENS && (text[w.end] === '-' || text[w.end] === ' ')) {
    const next = readWord(text, w.end + 1);
    if (next) {
      const [unit, pluralUnit] = singularOf(next.word);
      if (unit in UNIT_ORDINALS) return { value: TENS[w.word]! + UNIT_ORDINALS[unit]!, plural: pluralUnit, end: next.end };
    }
  }
  return null;
}

/** A joiner at `i` (space, hyphen, spaced hyphen): the index of the next word, or -1. */
function joinerAt(text: string, i: number): number {
  let j = i;
  let spaces = 0;
  while (isSpace(text.charCodeAt(j)) && spaces < 3) {
    j++;
    spaces++;
  }
  if (text[j] === '-') {
    j++;
    while (isSpace(text.charCodeAt(j)) && spaces < 5) {
      j++;
      spaces++;
    }
  }
  return j > i && isLatin(text.charCodeAt(j)) ? j : -1;
}

/** `million`, `billion`… at `i` (after a space), also `of a million`, `a million` after a fraction. */
function scaleWordAfter(text: string, i: number, afterFraction: boolean): { pow: number; end: number; dozen?: boolean } | null {
  if (text[i] !== ' ') return null;
  let p = i + 1;
  let w = readWord(text, p);
  if (!w) return null;
  if (afterFraction && w.word === 'of' && text[w.end] === ' ') {
    p = w.end + 1;
    w = readWord(text, p);
    if (!w || (w.word !== 'a' && w.word !== 'an')) return null;
  }
  if (afterFraction && (w!.word === 'a' || w!.word === 'an') && text[w!.end] === ' ') {
    p = w!.end + 1;
    w = readWord(text, p);
    if (!w) return null;
  }
  const word = w!.word;
  if (word === 'dozen') return { pow: 0, end: w!.end, dozen: true };
  if (word in SCALES && word !== 'hundred' && !word.endsWith('s')) return { pow: SCALES[word]!, end: w!.end };
  if (word === 'hundred') return { pow: 2, end: w!.end };
  return null;
}

interface Integer {
  end: number;
  value: number;
  pow: number;
  /** Value before a closing `and N` group (`two hundred and fifty-four` → 200), for `… and fifty-four hundredths`. */
  beforeAnd: number | null;
  beforeAndPow: number;
  /** The last word was a scale (`one million`). */
  endsOnScale: boolean;
  lastScalePow: number;
  single: number | null;
}

const DIGIT_WORDS: Record<string, string> = { zero: '0', nought: '0', naught: '0', oh: '0', one: '1', two: '2', three: '3', four: '4', five: '5', six: '6', seven: '7', eight: '8', nine: '9' };

/** Cardinal number words at `start` (`twenty-two`, `one hundred and five`, `a dozen`). */
function readInteger(text: string, start: number): Integer | null {
  let i = start;
  let total = 0;
  let current = 0;
  let pow = 0;
  let any = false;
  let end = start;
  let lastWasScale = false;
  let last: 'none' | 'unit' | 'tens' | 'scale' = 'none';
  let beforeAnd: number | null = null;
  let beforeAndPow = 0;
  let lastScalePow = 0;
  let words = 0;
  for (let step = 0; step < 14; step++) {
    const w = readWord(text, i);
    if (!w) break;
    const word = w.word;
    if ((word === 'a' || word === 'an') && !any) {
      const next = readWord(text, w.end + 1);
      if (text[w.end] === ' ' && next && (next.word === 'dozen' || (next.word in SCALES && next.word !== 'lakh' && next.word !== 'lakhs' && next.word !== 'crores'))) {
        current = 1;
        any = true;
        i = w.end + 1;
        continue;
      }
      break;
    }
    if (word === 'dozen') {
      if (!any) current = 1;
      current *= 12;
      any = true;
      end = w.end;
      i = w.end;
    } else if (word in UNITS) {
      if (last === 'unit' || (last === 'tens' && UNITS[word]! >= 10)) break;
      current += UNITS[word]!;
      last = 'unit';
      any = true;
      lastWasScale = false;
      end = w.end;
      i = w.end;
    } else if (word in TENS) {
      if (last === 'unit' || last === 'tens') break;
      current += TENS[word]!;
      last = 'tens';
      any = true;
      lastWasScale = false;
      end = w.end;
      i = w.end;
    } else if (word in SCALES && any) {
      const p = SCALES[word]!;
      // `three lakh crore`: a scale after a scale multiplies
      if (last === 'scale' && p > 2 && lastScalePow > 0 && current === 0 && total > 0) {
        total *= 10 ** p;
      } else if (p === 2) current = (current || 1) * 100;
      else {
        total += (current || 1) * 10 ** p;
        current = 0;
      }
      pow = Math.max(pow, p);
      lastScalePow = p;
      lastWasScale = true;
      last = 'scale';
      end = w.end;
      i = w.end;
    } else break;
    words++;
    // joiners: `twenty-two`, `fifty - two`, `one hundred and five`, spaces
    const j = joinerAt(text, i);
    if (j > 0) {
      const next = readWord(text, j);
      const hyphen = text.slice(i, j).includes('-');
      if (next && next.word === 'and' && !hyphen && lastWasScale) {
        const k = joinerAt(text, next.end);
        const after = k > 0 ? readWord(text, k) : null;
        if (after && (after.word in UNITS || after.word in TENS) && !text.slice(next.end, k).includes('-')) {
          beforeAnd = total + current;
          beforeAndPow = lastScalePow;
          i = k;
          continue;
        }
      }
      if (next && (next.word in UNITS || next.word in TENS || (!hyphen && (next.word in SCALES || next.word === 'dozen')))) {
        // a hyphen joins only tens and units (`twenty-two`), never a new number (`three-four`)
        if (hyphen && !(last === 'tens' && next.word in UNITS && UNITS[next.word]! < 10)) break;
        i = j;
        continue;
      }
    }
    break;
  }
  if (!any || end === start) return null;
  return { end, value: total + current, pow, beforeAnd, beforeAndPow, endsOnScale: lastWasScale, lastScalePow, single: words === 1 ? total + current : null };
}

/** `point five`, `point zero three`, `point seventy-one` after a whole number. */
function readPointDecimals(text: string, i: number): { digits: string; end: number } | null {
  if (text[i] !== ' ') return null;
  const point = readWord(text, i + 1);
  if (!point || point.word !== 'point' || text[point.end] !== ' ') return null;
  let p = point.end + 1;
  let digits = '';
  let end = -1;
  for (let step = 0; step < 8; step++) {
    const w = readWord(text, p);
    if (!w) break;
    if (w.word in DIGIT_WORDS && w.word !== 'oh') {
      digits += DIGIT_WORDS[w.word];
      end = w.end;
    } else if (w.word in TENS || (w.word in UNITS && UNITS[w.word]! >= 10)) {
      const group = readInteger(text, p);
      if (!group || group.pow > 0) break;
      digits += String(group.value);
      end = group.end;
    } else break;
    if (text[end] !== ' ') break;
    p = end + 1;
  }
  return end > 0 ? { digits, end } : null;
}

/** `a half`, `one third`, `two-thirds`, `three quarters`, `twenty-three fifths` with the numerator given. */
function denominatorAfter(text: string, i: number, numerator: number): Denominator | null {
  const j = joinerAt(text, i);
  if (j < 0) return null;
  const d = readDenominator(text, j);
  if (!d) return null;
  // `one third`, `a half` take the singular; `two thirds` the plural; `half`/`quarter` as plurals need ≥ 2
  if (numerator === 1 ? d.plural : !d.plural && numerator !== 0) return null;
  return d;
}

/** A fraction phrase at `i` (`a half`, `one fourth`, `three fifths`), used after `and`. */
function readFractionPhrase(text: string, i: number): { value: number; end: number } | null {
  const w = readWord(text, i);
  if (!w) return null;
  let numerator: number;
  let end: number;
  if (w.word === 'a' || w.word === 'an') {
    numerator = 1;
    end = w.end;
  } else {
    const n = readInteger(text, i);
    if (!n || n.pow > 0) return null;
    numerator = n.value;
    end = n.end;
  }
  const d = denominatorAfter(text, end, numerator);
  return d ? { value: numerator / d.value, end: d.end } : null;
}

/**
 * `10 and a half million`, `3 million and a quarter`, `5 and three quarters`: a fraction joined by
 * `and` to a digit number ending at `end` (with `pow` already applied), with any scale after it.
 */
export function andFractionAfter(text: string, end: number, value: number, pow: number): { end: number; value: number; pow: number } | null {
  if (!text.startsWith(' and ', end)) return null;
  const frac = readFractionPhrase(text, end + 5);
  if (!frac) return null;
  const scale = scaleWordAfter(text, frac.end, false);
  if (scale && !scale.dozen && scale.pow >= 3) {
    if (pow > 0) return { end: scale.end, value: tidy(value + frac.value * 10 ** scale.pow), pow: Math.max(pow, scale.pow) };
    return { end: scale.end, value: tidy((value + frac.value) * 10 ** scale.pow), pow: scale.pow };
  }
  return { end: frac.end, value: tidy(value + frac.value * (pow >= 3 ? 10 ** pow : 1)), pow };
}

/** Applies a scale word after a fraction or mixed number: `half a million`, `two and a half billion`. */
function withScaleAfter(text: string, n: WordNumber): WordNumber {
  const scale = scaleWordAfter(text, n.end, true);
  if (!scale) return n;
  if (scale.dozen) return { ...n, end: scale.end, value: tidy(n.value * 12), fraction: !Number.isInteger(n.value * 12) };
  return { ...n, end: scale.end, value: tidy(n.value * 10 ** scale.pow), pow: Math.max(n.pow, scale.pow), fraction: false };
}

/**
 * Number words at `start`: `twenty-two`, `one hundred and five`, `five million`,
 * `a dozen`, `a million`, `three point five`, fractions (`two thirds`, `a quarter`,
 * `one and a half`, `half a million`, `three quarters billion`). `a`/`an` only count
 * before a scale, `dozen` or a denominator.
 */
export function parseEnglishWordNumberAt(text: string, start: number): WordNumber | null {
  if (start > 0 && isLatin(text.charCodeAt(start - 1))) return null;
  const first = readWord(text, start);
  if (!first) return null;
  // leading fractions: `half`, `half a million`, `quarter million`, `a third`, `a quarter million`
  if (first.word === 'half' || first.word === 'quarter') {
    const frac: WordNumber = { start, end: first.end, value: first.word === 'half' ? 0.5 : 0.25, pow: 0, fraction: true };
    const scaled = withScaleAfter(text, frac);
    if (scaled !== frac) return scaled;
    return first.word === 'half' ? frac : null;
  }
  if ((first.word === 'a' || first.word === 'an') && text[first.end] === ' ') {
    const d = readDenominator(text, first.end + 1);
    if (d && !d.plural) return withScaleAfter(text, { start, end: d.end, value: tidy(1 / d.value), pow: 0, fraction: true });
  }
  const n = readInteger(text, start);
  if (!n) return null;
  let result: WordNumber = { start, end: n.end, value: n.value, pow: n.pow };

  // `three point five`, `two hundred point zero three`
  const point = readPointDecimals(text, n.end);
  if (point) {
    result = { start, end: point.end, value: Number(`${n.value}.${point.digits}`), pow: 0 };
    const scale = scaleWordAfter(text, result.end, false);
    if (scale && !scale.dozen && scale.pow > 2) result = { ...result, end: scale.end, value: scaleByPow10(result.value, scale.pow), pow: scale.pow };
    return result;
  }

  // `two thirds`, `twenty-three fifths`, `two hundred and fifty-four hundredths`
  const numerator = n.beforeAnd !== null ? n.value - n.beforeAnd : n.value;
  const d = denominatorAfter(text, n.end, numerator);
  if (d) {
    // a proper fraction after `and` is the fractional part (`two hundred and fifty-four hundredths` = 200.54);
    // an improper one takes the whole number (`one hundred and thirty fifths` = 130/5)
    if (n.beforeAnd !== null && numerator < d.value) {
      const scale = scaleWordAfter(text, d.end, false);
      if (scale && !scale.dozen && scale.pow >= 3) return { start, end: scale.end, value: tidy(n.beforeAnd + (numerator / d.value) * 10 ** scale.pow), pow: n.pow };
      const unit = n.beforeAndPow >= 3 ? 10 ** n.beforeAndPow : 1;
      return withScaleAfter(text, { start, end: d.end, value: tidy(n.beforeAnd + (numerator / d.value) * unit), pow: n.pow, fraction: unit === 1 });
    }
    return withScaleAfter(text, { start, end: d.end, value: tidy(n.value / d.value), pow: n.pow, fraction: true });
  }

  // `one and a half`, `five and a quarter`, `one million and a half`, `twenty and three fifths`
  if (text[n.end] === ' ') {
    const and = readWord(text, n.end + 1);
    if (and && and.word === 'and' && text[and.end] === ' ') {
      const frac = readFractionPhrase(text, and.end + 1);
      if (frac) {
        const scale = scaleWordAfter(text, frac.end, false);
        if (scale && !scale.dozen && scale.pow >= 3) {
          // `one billion and three quarters million`, `five and a half million`
          const value = n.endsOnScale ? n.value + frac.value * 10 ** scale.pow : (n.value + frac.value) * 10 ** scale.pow;
          return { start, end: scale.end, value: tidy(value), pow: Math.max(n.pow, scale.pow) };
        }
        const unit = n.endsOnScale && n.lastScalePow >= 3 ? 10 ** n.lastScalePow : 1;
        return { start, end: frac.end, value: tidy(n.value + frac.value * unit), pow: n.pow, fraction: unit === 1 };
      }
    }
  }
  result.value = tidy(result.value);
  return result;
}

/** The anchor pattern for number words (used by the figure scanner's single regex). */
export const ENGLISH_NUMBER_WORD_SOURCE =
  '(?:zero|nought|naught|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|dozen|half|quarter(?= (?:million|billion|trillion)\\b)|an? (?=(?:dozen|hundred|thousand|million|billion|trillion|half|third|quarter|[a-z]+ths?)\\b))';

/** Unicode vulgar fractions (`½`, `¾`). */
export const VULGAR_FRACTIONS: Record<string, number> = {
  '½': 1 / 2, '⅓': 1 / 3, '⅔': 2 / 3, '¼': 1 / 4, '¾': 3 / 4, '⅕': 1 / 5, '⅖': 2 / 5, '⅗': 3 / 5, '⅘': 4 / 5,
  '⅙': 1 / 6, '⅚': 5 / 6, '⅐': 1 / 7, '⅛': 1 / 8, '⅜': 3 / 8, '⅝': 5 / 8, '⅞': 7 / 8, '⅑': 1 / 9, '⅒': 1 / 10,
};
/** Every vulgar fraction is one UTF-16 unit: by code, so a lookup makes no string (two-byte characters are not cached). */
const VULGAR_FRACTION_BY_CODE = new Map(Object.entries(VULGAR_FRACTIONS).map(([ch, value]) => [ch.charCodeAt(0), value]));

/** The value of the vulgar fraction at text[i], if one is there. */
export function vulgarFractionAt(text: string, i: number): number | undefined {
  return VULGAR_FRACTION_BY_CODE.get(text.charCodeAt(i));
}

export const VULGAR_FRACTION_SOURCE = '[½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅐⅛⅜⅝⅞⅑⅒]';

export interface DigitFraction {
  end: number;
  value: number;
}

/**
 * A fraction written in digits right at `i`: `3/4`, `1/2`, or a vulgar fraction `½`.
 * Parts have one to three digits and the slash is not part of a date or a path
 * (`3/4/2024`, `24/7/365` are refused). `24/7` reads as a fraction here; callers decide.
 */
export function digitFractionAt(text: string, i: number): DigitFraction | null {
  const v = vulgarFractionAt(text, i);
  if (v !== undefined) return { end: i + 1, value: v };
  let j = i;
  while (isDigit(text.charCodeAt(j)) && j - i < 4) j++;
  if (j === i || j - i > 3 || text.charCodeAt(j) !== 47 /* / */) return null;
  let k = j + 1;
  while (isDigit(text.charCodeAt(k)) && k - j < 5) k++;
  if (k === j + 1 || k - j - 1 > 3) return null;
  const after = text.charCodeAt(k);
  if (after === 47 || isDigit(after) || ((after === 46 || after === 44) && isDigit(text.charCodeAt(k + 1))) || after === 45) return null;
  const denominator = Number(text.slice(j + 1, k));
  if (denominator === 0) return null;
  return { end: k, value: tidy(Number(text.slice(i, j)) / denominator) };
}

/** `2 1/4`, `10½`: the fraction part after a whole number ending at `i` (numerator below denominator). */
export function mixedFractionAfter(text: string, i: number): DigitFraction | null {
  if (vulgarFractionAt(text, i) !== undefined) return digitFractionAt(text, i);
  let p = i;
  let spaces = 0;
  while (isSpace(text.charCodeAt(p)) && spaces < 2) {
    p++;
    spaces++;
  }
  if (spaces === 0) return null;
  const f = digitFractionAt(text, p);
  if (!f || f.value >= 1 || vulgarFractionAt(text, p) !== undefined && spaces > 1) return null;
  return f;
}

/** `3 dozen`, `five dozens`, `3 dzs`. */
export function dozenAfter(text: string, i: number): number {
  if (text[i] !== ' ') return -1;
  const w = readWord(text, i + 1);
  if (!w) return -1;
  return w.word === 'dozen' || w.word === 'dozens' || w.word === 'dz' || w.word === 'dzs' || w.word === 'doz' || w.word === 'dozs' ? w.end : -1;
}

export interface EnglishNumber {
  start: number;
  end: number;
  value: number;
}

/** Words before a bare `one` that make it a pronoun (`the one you mentioned`, `which one`). */
const PRONOUN_ONE_BEFORE = /\b(?:the|this|that|which|each|every|any|no|another|other|only|last|right|wrong|new|old|big|little|same)\s+$/i;
/** Scales the number layer reads after digits beyond matchScaleAt: `2mil`, `1MM`, `10 tln`, `10G`. */
const LOOSE_SCALE = /^\s{0,2}(mil|MM|mm|tln|k|K|G|B|b|T|M)(?![A-Za-z\d])/;
const LOOSE_POW: Record<string, number> = { mil: 6, MM: 6, mm: 6, tln: 12, k: 3, K: 3, G: 9, B: 9, b: 9, T: 12, M: 6 };
const EXPONENT = /^(?:[eE]([+-]?\d{1,3})|\s?[x×]\s?10\^([+-]?\d{1,3})|\^(\+|-{1,2})?(\d{1,3}))(?![\d.])/;

interface ParsedNumber {
  start: number;
  end: number;
  value: number;
  pow: number;
  integer: boolean;
}

function digitNumberAt(text: string, i: number): ParsedNumber | null {
  const fraction = digitFractionAt(text, i);
  if (fraction) return { start: i, end: fraction.end, value: fraction.value, pow: 0, integer: false };
  const run = parseDigitsAt(text, i);
  if (!run) return null;
  let value = run.value;
  let end = run.end;
  let pow = 0;
  const exp = EXPONENT.exec(text.slice(end, end + 12));
  if (exp) {
    if (exp[1] !== undefined) value = Number(`${value}e${exp[1]}`);
    else if (exp[2] !== undefined) value = Number(`${value}e${exp[2]}`);
    else value = value ** ((exp[3]?.length === 1 && exp[3] === '-' ? -1 : 1) * Number(exp[4]));
    return { start: i, end: end + exp[0].length, value: tidy(value), pow: 0, integer: false };
  }
  const mixed = run.decimals === 0 && !run.grouped ? mixedFractionAfter(text, end) : null;
  if (mixed) return { start: i, end: mixed.end, value: tidy(value + mixed.value), pow: 0, integer: false };
  const scale = matchScaleAt(text, end, false);
  if (scale) {
    value = scaleByPow10(value, scale.pow);
    end = scale.end;
    pow = scale.pow;
  } else {
    const loose = LOOSE_SCALE.exec(text.slice(end, end + 6));
    if (loose) {
      pow = LOOSE_POW[loose[1]!]!;
      value = scaleByPow10(value, pow);
      end += loose[0].length;
    }
  }
  // `3 million and a half` = 3.5 million, `10 and a half million`
  if (run.decimals === 0 || pow >= 3) {
    const joined = andFractionAfter(text, end, value, pow);
    if (joined) return { start: i, end: joined.end, value: joined.value, pow: joined.pow, integer: false };
  }
  const dozen = dozenAfter(text, end);
  if (dozen > 0) {
    value *= 12;
    end = dozen;
  }
  return { start: i, end, value, pow, integer: run.decimals === 0 && pow === 0 };
}

/** Time and sequence words after `N in M` that make it a period or a score, not a ratio (`3 in 10 years`). */
const NOT_RATIO_AFTER = /^ (?:years?|months?|weeks?|days?|hours?|minutes?|seconds?|games?|matches|races?|seasons?|innings|sets?|rounds?|attempts?|tries)\b/i;

/**
 * `one over three`, `1 in twenty-one`, `two out of five hundred`, `9 out of 10`: a ratio
 * after a whole numerator ending at `end`. `in` needs a small numerator below the
 * denominator (`1 in 5`, not `3 in 2020`); `over` must end the phrase (`$2000 over 3 years` is a period).
 */
export function ratioAt(text: string, end: number, numerator: number): { end: number; value: number } | null {
  if (text.charCodeAt(end) !== 32) return null;
  const m = /^ (over|out of|in) /.exec(text.slice(end, end + 9));
  if (!m || !Number.isInteger(numerator)) return null;
  const p = end + m[0].length;
  const c = text.charCodeAt(p);
  let value = -1;
  let denominatorEnd = -1;
  let pow = 0;
  if (isDigit(c)) {
    const run = parseDigitsAt(text, p);
    if (run && run.decimals === 0 && !isLatin(text.charCodeAt(run.end)) && !(text[run.end] === '.' && isDigit(text.charCodeAt(run.end + 1)))) {
      value = run.value;
      denominatorEnd = run.end;
    }
  } else if (isLatin(c)) {
    const w = parseEnglishWordNumberAt(text, p);
    if (w && !w.fraction) {
      value = w.value;
      pow = w.pow;
      denominatorEnd = w.end;
      // `five hundreds tvs`: a plural scale still reads as the denominator
      if (text[denominatorEnd] === 's' && /(?:hundred|thousand)$/.test(text.slice(p, denominatorEnd))) denominatorEnd++;
    }
  }
  if (denominatorEnd < 0 || value <= 0) return null;
  if (m[1] === 'over' && isLatin(text.charCodeAt(text[denominatorEnd] === ' ' ? denominatorEnd + 1 : denominatorEnd))) return null;
  if (m[1] === 'in' && (numerator > 20 || numerator >= value || (value >= 1000 && value < 3000 && pow === 0) || NOT_RATIO_AFTER.test(text.slice(denominatorEnd, denominatorEnd + 9)))) return null;
  if (m[1] === 'out of' && numerator > value) return null;
  return { end: denominatorEnd, value: tidy(numerator / value) };
}

function ratioAfter(text: string, n: ParsedNumber): ParsedNumber | null {
  if (!n.integer) return null;
  const r = ratioAt(text, n.end, n.value);
  return r ? { start: n.start, end: r.end, value: r.value, pow: 0, integer: false } : null;
}

/**
 * Every number in English text as a number recognizer sees it (digits with scales,
 * fractions, exponents, number words, ratios), for the Recognizers-Text Number spec and
 * raw-number callers. Figure detection (figures.ts) is stricter: a bare `one` is not a figure.
 */
export function findEnglishNumbers(text: string): EnglishNumber[] {
  const out: EnglishNumber[] = [];
  const anchor = new RegExp(`\\d|\\.(?=\\d)|${VULGAR_FRACTION_SOURCE}|\\b${ENGLISH_NUMBER_WORD_SOURCE}`, 'gi');
  let m: RegExpExecArray | null;
  while ((m = anchor.exec(text))) {
    const i = m.index;
    const prev = text.charCodeAt(i - 1);
    let n: ParsedNumber | null;
    if (isDigit(text.charCodeAt(i)) || text[i] === '.' || VULGAR_FRACTIONS[text[i]!] !== undefined) {
      if (isDigit(prev) || isLatin(prev) || (text[i] === '.' && isDigit(prev))) continue;
      if (prev === 46 && isDigit(text.charCodeAt(i - 2))) {
        // the tail of a dotted run (`192.168.1.2`): digits only
        let j = i;
        while (isDigit(text.charCodeAt(j))) j++;
        out.push({ start: i, end: j, value: Number(text.slice(i, j)) });
        anchor.lastIndex = j;
        continue;
      }
      n = digitNumberAt(text, i);
      if (!n) continue;
      if (isLatin(text.charCodeAt(n.end))) {
        anchor.lastIndex = n.end + 1;
        continue;
      }
      // `192.168.1.2`: dotted parts are separate numbers
      if (text[n.end] === '.' && isDigit(text.charCodeAt(n.end + 1))) {
        out.push({ start: i, end: n.end, value: n.value });
        anchor.lastIndex = n.end + 1;
        continue;
      }
    } else {
      const w = parseEnglishWordNumberAt(text, i);
      if (!w) continue;
      n = { start: i, end: w.end, value: w.value, pow: w.pow, integer: !w.fraction && Number.isInteger(w.value) && w.pow === 0 };
      const dozen = !w.fraction ? dozenAfter(text, n.end) : -1;
      if (dozen > 0) n = { ...n, end: dozen, value: n.value * 12, integer: false };
      if (w.value === 1 && w.end - i === 3 && PRONOUN_ONE_BEFORE.test(text.slice(Math.max(0, i - 10), i))) {
        anchor.lastIndex = w.end;
        continue;
      }
    }
    const ratio = ratioAfter(text, n);
    if (ratio) n = ratio;
    let start = n.start;
    let value = n.value;
    const sign = /(?:^|[^\w-])(-\s?|minus |negative )$/i.exec(text.slice(Math.max(0, start - 10), start));
    if (sign && !(sign[1]!.startsWith('-') && (isLatin(text.charCodeAt(start - sign[1]!.length - 1)) || isDigit(text.charCodeAt(start - sign[1]!.length - 1))))) {
      start -= sign[1]!.length;
      value = -value;
    }
    out.push({ start, end: n.end, value: tidy(value) });
    anchor.lastIndex = n.end;
  }
  return out;
}
