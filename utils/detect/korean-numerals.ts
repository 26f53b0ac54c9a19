/**
 * Korean numbers: Arabic digits with the magnitudes 십/백/천 and 만/억/조/경
 * (`1만6000`, `2억 8천만`, `581억2000만`, `9만 4천`, `4천 820만`), Sino-Korean
 * numeral words (`오십 이`, `삼천`, `이십일조 삼백`), native numerals (`스물여섯`,
 * `두`, `세`) and fractions (`삼분의 이`, `3분의 1`).
 *
 * Grammar: a number is a run of groups; each group is an optional coefficient and a
 * magnitude. Small magnitudes (십 백 천) must fall inside a section and big ones
 * (만 억 조 경) must fall from left to right, which is what stops `4000 3백21` or
 * `423 0000` from merging into one number.
 */
import { isDigit, isHangul, isLatin, isSpace, parseDigitsAt, scaleByPow10, tidy } from './digits';

export const SINO_DIGITS: Record<string, number> = { 영: 0, 공: 0, 일: 1, 이: 2, 삼: 3, 사: 4, 오: 5, 육: 6, 륙: 6, 칠: 7, 팔: 8, 구: 9 };
const SMALL_MAGNITUDES: Record<string, number> = { 십: 1, 백: 2, 천: 3 };
const BIG_MAGNITUDES: Record<string, number> = { 만: 4, 억: 8, 조: 12, 경: 16 };
const NATIVE_TENS: [string, number][] = [['스물', 20], ['스무', 20], ['서른', 30], ['마흔', 40], ['예순', 60], ['일흔', 70], ['여든', 80], ['아흔', 90], ['쉰', 50], ['열', 10]];
const NATIVE_UNITS: [string, number][] = [['하나', 1], ['다섯', 5], ['여섯', 6], ['일곱', 7], ['여덟', 8], ['아홉', 9], ['둘', 2], ['셋', 3], ['넷', 4], ['한', 1], ['두', 2], ['세', 3], ['네', 4]];

/** Syllables a Korean numeral may start with (the scanner's anchor class). */
export const KOREAN_NUMERAL_START = '영공일이삼사오육칠팔구십백천만억조경스서마예여아쉰열하다둘셋넷한두세네반절';

export interface KoreanNumber {
  start: number;
  end: number;
  value: number;
  /** Largest magnitude applied, as a power of ten (0 when none): 8 for `2억 8천만`. */
  pow: number;
  /** Contains Arabic digits. */
  digits: boolean;
  /** Contains Sino-Korean or native numeral words (not only magnitudes after digits). */
  words: boolean;
  /** Started with a bare magnitude word (`만 6천`, `천 4백만`). */
  bareMagnitude: boolean;
  native: boolean;
  fraction: boolean;
  /** The digit part had group separators or decimals, e.g. `1,234` or `2.5`. */
  decimals: number;
  grouped: boolean;
  /** Digits only, without magnitude: integer digit count (for years, phone parts). */
  intDigits: number;
}

function hangulBefore(text: string, i: number): boolean {
  return i > 0 && isHangul(text.charCodeAt(i - 1));
}

function readNative(text: string, start: number): { value: number; end: number } | null {
  let value = 0;
  let i = start;
  for (const [w, v] of NATIVE_TENS) {
    if (text.startsWith(w, i)) {
      value = v;
      i += w.length;
      break;
    }
  }
  for (const [w, v] of NATIVE_UNITS) {
    if (text.startsWith(w, i)) {
      // `열한` is 11 but `열` + `한국` is not: the unit must not start a longer word
      if (value && (w === '한' || w === '세' || w === '네' || w === '두') && isHangul(text.charCodeAt(i + 1)) && !'명개곳살시번대채권마'.includes(text[i + 1]!)) break;
      value += v;
      i += w.length;
      break;
    }
  }
  return value ? { value, end: i } : null;
}

interface Token {
  kind: 'num' | 'small' | 'big';
  value: number; // number value, or the power of ten for magnitudes
  end: number;
  digits: boolean;
  decimals: number;
  grouped: boolean;
  intDigits: number;
}

/**
 * The one-syllable numeral tokens by character code: looking up `text[i]` in the tables above made a
 * string per Hangul character (two-byte characters are not cached) and then hashed it.
 */
const WORD_TOKENS = new Map<number, { kind: 'small' | 'big' | 'num'; value: number }>([
  ...Object.entries(SINO_DIGITS).map(([ch, value]) => [ch.charCodeAt(0), { kind: 'num' as const, value }] as const),
  ...Object.entries(BIG_MAGNITUDES).map(([ch, value]) => [ch.charCodeAt(0), { kind: 'big' as const, value }] as const),
  ...Object.entries(SMALL_MAGNITUDES).map(([ch, value]) => [ch.charCodeAt(0), { kind: 'small' as const, value }] as const),
]);

function isMagnitudeCode(c: number): boolean {
  const kind = WORD_TOKENS.get(c)?.kind;
  return kind === 'small' || kind === 'big';
}

function readToken(text: string, i: number): Token | null {
  const c = text.charCodeAt(i);
  if (isDigit(c) || (c === 46 && isDigit(text.charCodeAt(i + 1)))) {
    const run = parseDigitsAt(text, i);
    if (!run) return null;
    return { kind: 'num', value: run.value, end: run.end, digits: true, decimals: run.decimals, grouped: run.grouped, intDigits: run.intDigits };
  }
  const word = WORD_TOKENS.get(c);
  if (word === undefined) return null;
  return { kind: word.kind, value: word.value, end: i + 1, digits: false, decimals: 0, grouped: false, intDigits: 0 };
}

function skipSpaces(text: string, i: number, max = 2): number {
  let j = i;
  while (j - i < max && isSpace(text.charCodeAt(j))) j++;
  return j;
}

/**
 * Parses a Korean-style number starting exactly at `start`. Returns null when nothing
 * numeric starts there. Word numerals must start a word (no Hangul just before).
 */
export function parseKoreanNumberAt(text: string, start: number, gluedOk = false): KoreanNumber | null {
  const c0 = text.charCodeAt(start);
  const startsWithWord = isHangul(c0);
  if (startsWithWord && hangulBefore(text, start) && !gluedOk) return null;

  if (startsWithWord) {
    if (text.startsWith('절반', start)) return simple(start, start + 2, 0.5, { words: true, fraction: true });
    const native = readNative(text, start);
    // `일흔`, `일곱` are native; `일` alone is Sino. Native wins when it consumed more.
    if (native && !(text[start] === '일' && native.end - start === 1)) {
      return simple(start, native.end, native.value, { words: true, native: true });
    }
  }

  let total = 0;
  let section = 0;
  let current: number | null = null;
  let lastSmall = 99;
  let lastBig = 99;
  let prev: 'none' | 'num' | 'small' | 'big' = 'none';
  let end = start;
  let pow = 0;
  let digits = false;
  let words = false;
  let decimals = 0;
  let grouped = false;
  let intDigits = 0;
  let bareMagnitude = false;
  let wordChain = false; // the number so far is made of words, so Sino digits may continue it
  let i = start;

  for (;;) {
    let q = i;
    let spaced = false;
    if (prev !== 'none' && isSpace(text.charCodeAt(i))) {
      q = skipSpaces(text, i);
      spaced = true;
    }
    const t = readToken(text, q);
    if (!t) break;
    if (spaced) {
      // Across a space only after a magnitude (`9만 4천`, `오십 이`), or a digit run
      // followed by a big magnitude (`50 만 배럴`, `5 억 달러`).
      const afterMagnitude = prev === 'small' || prev === 'big';
      const spacedBig = prev === 'num' && digits && t.kind === 'big' && !isHangulWordAfter(text, t.end);
      if (!afterMagnitude && !spacedBig) break;
      if (t.kind === 'num' && !t.digits && !wordChain) break;
    }
    if (t.kind === 'num') {
      if (prev === 'num') break;
      if (!t.digits) {
        // Sino digits continue only a chain of words (삼백삼십일), never `3천이` (3천 + particle 이)
        if (prev !== 'none' && !wordChain) break;
        if (hangulBefore(text, q) && prev === 'none') break;
      } else if (prev !== 'none') {
        // digits after a magnitude must fit under it: `4천 820만`, `50만 9375`
        const limit = prev === 'small' ? 10 ** lastSmall : 10 ** lastBig;
        if (t.value >= limit || t.decimals > 0) break;
        if (spaced && prev === 'big' && !nextIsMagnitude(text, t.end) && isDateWord(text, t.end)) break;
      }
      current = t.value;
      if (t.digits) {
        digits = true;
        if (prev === 'none') {
          decimals = t.decimals;
          grouped = t.grouped;
          intDigits = t.intDigits;
        }
      } else {
        words = true;
        wordChain = true;
      }
      prev = 'num';
      i = t.end;
      end = i;
      continue;
    }
    if (t.kind === 'small') {
      if (t.value >= lastSmall) break;
      if (prev === 'none') {
        if (hangulBefore(text, q)) break;
        bareMagnitude = true;
        wordChain = true;
      }
      if (current !== null && current >= 10 && !digits) break;
      section = tidy(section + scaleByPow10(current ?? 1, t.value));
      current = null;
      lastSmall = t.value;
      pow = Math.max(pow, t.value);
      prev = 'small';
      i = t.end;
      end = i;
      continue;
    }
    // big magnitude
    if (t.value >= lastBig) break;
    if (prev === 'none') {
      if (hangulBefore(text, q)) break;
      bareMagnitude = true;
      wordChain = true;
      // `만 18세` is "fully 18 years old", not 10018: a bare 만 must be followed by a magnitude group
      const after = skipSpaces(text, t.end);
      if (after > t.end && isDigit(text.charCodeAt(after))) {
        const next = parseDigitsAt(text, after);
        if (!next || !(text[next.end] in SMALL_MAGNITUDES)) break;
      }
    }
    const coefficient = section + (current ?? 0);
    total = tidy(total + scaleByPow10(coefficient === 0 ? 1 : coefficient, t.value));
    section = 0;
    current = null;
    lastSmall = 99;
    lastBig = t.value;
    pow = Math.max(pow, t.value);
    prev = 'big';
    i = t.end;
    end = i;
  }

  if (end === start) return null;
  const value = tidy(total + section + (current ?? 0));
  return {
    start,
    end,
    value,
    pow,
    digits,
    words: words || (bareMagnitude && !digits),
    bareMagnitude,
    native: false,
    fraction: false,
    decimals,
    grouped,
    intDigits,
  };
}

function simple(start: number, end: number, value: number, flags: Partial<KoreanNumber>): KoreanNumber {
  return { start, end, value, pow: 0, digits: false, words: false, bareMagnitude: false, native: false, fraction: false, decimals: 0, grouped: false, intDigits: 0, ...flags };
}

function nextIsMagnitude(text: string, i: number): boolean {
  return isMagnitudeCode(text.charCodeAt(i));
}

function isDateWord(text: string, i: number): boolean {
  const j = skipSpaces(text, i, 1);
  const ch = text[j];
  return ch === '년' || ch === '월' || ch === '일' || ch === '시';
}

/** A Hangul syllable right after `i` that is not a particle or unit start would make `만` part of a word. */
function isHangulWordAfter(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return isHangul(c) && !'은는이가을를의과와도에로여명개달원배톤갤킬미마피파엔위유프센'.includes(text[i]!);
}

/** Where the numerator of `N분의 M` (or `N분의 마이너스 M`) starts, after a denominator ending at `end`. */
function fractionNumeratorStart(text: string, end: number): { at: number; sign: 1 | -1 } | null {
  let at = skipSpaces(text, end, 1);
  if (!text.startsWith('분의', at)) return null;
  at = skipSpaces(text, at + 2, 1);
  if (!text.startsWith('마이너스', at)) return { at, sign: 1 };
  return { at: skipSpaces(text, at + 4, 1), sign: -1 };
}

/** `N분의 M` (M/N), `X과 N분의 M`. Called with the denominator already parsed. */
export function parseKoreanFractionAfter(text: string, denominator: KoreanNumber): KoreanNumber | null {
  const head = fractionNumeratorStart(text, denominator.end);
  if (!head) return null;
  const { at: i, sign } = head;
  const numerator = parseKoreanNumberAt(text, i);
  if (!numerator || denominator.value === 0) return null;
  return {
    ...denominator,
    end: numerator.end,
    value: (sign * numerator.value) / denominator.value,
    fraction: true,
    words: denominator.words || numerator.words,
    pow: 0,
  };
}

export interface FoundNumber {
  start: number;
  end: number;
  value: number;
}

/** What follows a number: used to accept `오십이명` (counter) and to leave `1미터` to the dimension layer. */
export type UnitProbe = (text: string, i: number) => { kind: string; end: number } | null;

const PARTICLE_FOLLOWERS = '은는이가을를의과와도에로으만까부보며여입';
const ATTRIBUTIVE_NATIVE = new Set(['한', '두', '세', '네', '스무']);

/** A word numeral must end its word: `사과` is an apple, `오늘` today, `경미한` slight. */
function wordEndsCleanly(text: string, n: KoreanNumber, probe?: UnitProbe, inFraction = false): boolean {
  if (!n.words) return true;
  const next = text.charCodeAt(n.end);
  const word = text.slice(n.start, n.end);
  if (n.native && ATTRIBUTIVE_NATIVE.has(word)) {
    // `세 개`, `두 명`: attributive forms only count things
    const j = skipSpaces(text, n.end, 1);
    return !!probe?.(text, j);
  }
  const single = n.end - n.start === 1;
  const loneDigit = single && word in SINO_DIGITS && !inFraction && !text.startsWith('분의', skipSpaces(text, n.end, 1));
  if (!isHangul(next)) {
    // `이 가방`, `이 함수`: a lone Sino digit before another word is the demonstrative 이 (or a word), not a number
    if (loneDigit && isSpace(next) && isHangul(text.charCodeAt(n.end + 1))) {
      const unit = probe?.(text, n.end + 1);
      return !!unit && unit.kind !== 'count' && unit.kind !== 'date';
    }
    return true;
  }
  if (text.startsWith('분의', n.end)) return true;
  const unit = probe?.(text, n.end);
  if (unit) return !(loneDigit && (unit.kind === 'count' || unit.kind === 'date'));
  const ch = text[n.end]!;
  if (!PARTICLE_FOLLOWERS.includes(ch)) return false;
  // `일과 이분의 일` is a mixed fraction; `사과` an apple
  if (single && (ch === '과' || ch === '와')) return /^[과와]\s?[가-힣\d]{1,8}?\s?분의/.test(text.slice(n.end, n.end + 14));
  return true;
}

/** Longest Korean number at `start` whose word numerals end cleanly. */
function parseBounded(text: string, start: number, probe?: UnitProbe, inFraction = false): KoreanNumber | null {
  let limit = text.length;
  for (let tries = 0; tries < 4; tries++) {
    const view = limit === text.length ? text : text.slice(0, limit);
    const n = parseKoreanNumberAt(view, start, inFraction);
    if (!n) return null;
    if (wordEndsCleanly(text, n, probe, inFraction)) return n;
    limit = n.end - 1;
    if (limit <= start) return null;
  }
  return null;
}

function fractionAfter(text: string, denominator: KoreanNumber, probe?: UnitProbe): KoreanNumber | null {
  const head = fractionNumeratorStart(text, denominator.end);
  if (!head) return null;
  const { at: i, sign } = head;
  let numerator = parseBounded(text, i, probe, true);
  if (!numerator || denominator.value === 0) return null;
  // `일만 주세요`, `일조각`: after a fraction, 만 is "only" and 조각 a piece
  if (numerator.words && (text[numerator.end - 1] === '만' || text[numerator.end - 1] === '조') && numerator.end - i === 2) {
    numerator = parseKoreanNumberAt(text.slice(0, numerator.end - 1), i) ?? numerator;
  }
  if (numerator.digits && text[numerator.end - 1] === '조' && !numerator.words) numerator = parseKoreanNumberAt(text.slice(0, numerator.end - 1), i) ?? numerator;
  return { ...denominator, end: numerator.end, value: (sign * numerator.value) / denominator.value, fraction: true, words: denominator.words || numerator.words, pow: 0 };
}

/**
 * Every number in Korean text, as a number recognizer sees it (the Recognizers-Text
 * Number model): bare numerals included, units left off, numbers that belong to a
 * dimension (`1미터`, `180ml`) or a date (`5월 4일`) left to those layers. The figure
 * detector is stricter; this is the layer beneath it, exposed for specs and for
 * callers that want raw numbers.
 */
export function findKoreanNumbers(text: string, probe?: UnitProbe): FoundNumber[] {
  const out: FoundNumber[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    const ch = text[i]!;
    const prevCode = text.charCodeAt(i - 1);
    const candidate = isDigit(c) || (c === 46 && isDigit(text.charCodeAt(i + 1)) && !isDigit(prevCode)) || (isHangul(c) && KOREAN_NUMERAL_START.includes(ch));
    if (!candidate || (isDigit(c) && (isDigit(prevCode) || isLatin(prevCode)))) {
      i++;
      continue;
    }
    let sign = 1;
    let signStart = i;
    const minus = /(?:마이너스|음수)\s?$/.exec(text.slice(Math.max(0, i - 6), i));
    if (minus) {
      sign = -1;
      signStart = i - minus[0].length;
    } else {
      let j = i - 1;
      if (text[j] === ' ') j--;
      if (text[j] === '-' && (j === 0 || !/[\w\d가-힣]/.test(text[j - 1]!))) {
        sign = -1;
        signStart = j;
      }
    }
    let n: KoreanNumber | null;
    // `192.168.1.2`: after a dotted part, each part is an integer
    const dotted = text[i - 1] === '.' && isDigit(text.charCodeAt(i - 2));
    if (dotted) {
      let j = i;
      while (isDigit(text.charCodeAt(j))) j++;
      out.push({ start: i, end: j, value: Number(text.slice(i, j)) });
      i = j;
      continue;
    }
    if (ch === '반') {
      const half = simple(i, i + 1, 0.5, { words: true, fraction: true });
      n = !hangulBefore(text, i) && wordEndsCleanly(text, half, probe) ? half : null;
    } else {
      n = parseBounded(text, i, probe);
    }
    if (!n) {
      i++;
      continue;
    }
    let value = n.value;
    let end = n.end;
    // powers before the letter check: `1e10`, `-12e-1`, `1.1^23`
    if (n.digits && !n.words && n.pow === 0) {
      const rest = text.slice(end, end + 24);
      const slash = /^\/(\d{1,3})(?![\d/])/.exec(rest);
      const mixed = /^\s{1,2}(\d+)\/(\d+)(?![\d/])/.exec(rest);
      const power = /^\^([+-]*)(\d+)/.exec(rest);
      const exp = /^[eE]([+-]?\d+)(?![\w])/.exec(rest);
      if (exp) {
        value = scaleByPow10(n.value, Number(exp[1]));
        end += exp[0].length;
      } else if (power) {
        const negative = (power[1]!.match(/-/g) ?? []).length % 2 === 1;
        value = n.value ** (negative ? -Number(power[2]) : Number(power[2]));
        end += power[0].length;
      } else if (slash && n.decimals === 0 && n.intDigits <= 3 && Number(slash[1]) !== 0 && text[n.start - 1] !== '/') {
        value = n.value / Number(slash[1]);
        end += slash[0].length;
      } else if (mixed && n.decimals === 0 && Number(mixed[2]) !== 0) {
        value = n.value + Number(mixed[1]) / Number(mixed[2]);
        end += mixed[0].length;
      }
    }
    const nextCode = text.charCodeAt(end);
    if (end === n.end && n.digits && isLatin(nextCode)) {
      // `180ml`, `H100`: glued to letters, a unit or a name, not a bare number
      i = end;
      while (i < text.length && (isLatin(text.charCodeAt(i)) || isDigit(text.charCodeAt(i)))) i++;
      continue;
    }
    if (end === n.end) {
      const unit = probe?.(text, end);
      if (n.digits && unit && (unit.kind === 'quantity' || unit.kind === 'date')) {
        i = unit.end;
        continue;
      }
      const fraction = fractionAfter(text, n, probe);
      if (fraction) {
        n = fraction;
        value = n.value;
        end = n.end;
      } else {
        // `일과 이분의 일`, `이십과 삼과 오분의 삼`, `이십일조와 삼백`
        let m = /^\s?[과와]\s?/.exec(text.slice(end, end + 3));
        let whole = value;
        let at = end;
        for (let k = 0; m && k < 2; k++) {
          const rest = parseBounded(text, at + m[0].length, probe);
          if (!rest) break;
          const frac = fractionAfter(text, rest, probe);
          if (frac) {
            value = whole + frac.value;
            end = frac.end;
            break;
          }
          if (k === 0 && n.words && rest.words && rest.value < n.value && n.pow > rest.pow && !/^\s?[과와]/.test(text.slice(rest.end, rest.end + 2))) {
            value = whole + rest.value;
            end = rest.end;
            break;
          }
          whole += rest.value;
          at = rest.end;
          m = /^\s?[과와]\s?/.exec(text.slice(at, at + 3));
        }
        // spoken decimals: `이백점 영삼` (200.03), `오점 오`
        if (end === n.end && n.words && text[end] === '점') {
          let j = skipSpaces(text, end + 1, 1);
          let frac = '';
          while (text[j] !== undefined && text[j]! in SINO_DIGITS) frac += SINO_DIGITS[text[j++]!];
          // `칠일이다`: the last 이 is the copula
          if (frac.length > 1 && text[j - 1] === '이' && isHangul(text.charCodeAt(j))) {
            frac = frac.slice(0, -1);
            j--;
          }
          if (frac) {
            value = Number(`${n.value}.${frac}`);
            end = j;
          }
        }
      }
    }
    if (n.end - n.start === 1 && n.words && !n.native && end === n.end && (text[end] === '과' || text[end] === '와')) {
      i = end;
      continue;
    }
    out.push({ start: signStart, end, value: tidy(sign * value) });
    i = end;
  }
  return out;
}
