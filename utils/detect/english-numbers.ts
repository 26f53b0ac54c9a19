/**
 * English numbers: digits with scale words and abbreviations (`$5.6M`, `1.2bn`,
 * `48.2 million`, `25 lakh`), and number words (`three`, `twenty-two`, `five million`,
 * `a dozen`, `one hundred`).
 */
import { isDigit, isLatin, isSpace, parseDigitsAt, scaleByPow10, tidy } from './digits';

const UNITS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
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

/** A scale right after a number: ` million`, `bn`, `M`. Letters must end there (`5 millionaires` is not 5e6). */
export function matchScaleAt(text: string, i: number, hasCurrency: boolean): ScaleMatch | null {
  const spaced = isSpace(text.charCodeAt(i));
  const p = spaced ? i + 1 : text.charCodeAt(i) === 45 ? i + 1 : i; // `1.2-billion` is rare but seen
  if (!isLatin(text.charCodeAt(p))) return null;
  for (const [word, pow, needsCurrency, caseSensitive] of SCALE_AFTER) {
    if (needsCurrency && !hasCurrency) continue;
    // one-letter abbreviations are glued (`$5m`, `70B`), words may follow a space
    if (word.length <= 2 && word !== 'bn' && word !== 'mn' && word !== 'tn' && p !== i) continue;
    const piece = text.slice(p, p + word.length);
    if (caseSensitive ? piece !== word : piece.toLowerCase() !== word) continue;
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
}

function readWord(text: string, i: number): { word: string; end: number } | null {
  let j = i;
  while (j < text.length && isLatin(text.charCodeAt(j))) j++;
  if (j === i) return null;
  return { word: text.slice(i, j).toLowerCase(), end: j };
}

/**
 * Number words at `start`: `twenty-two`, `one hundred and five`, `five million`,
 * `a dozen`, `a million`. `a`/`an` only count before a scale or `dozen`.
 */
export function parseEnglishWordNumberAt(text: string, start: number): WordNumber | null {
  if (start > 0 && isLatin(text.charCodeAt(start - 1))) return null;
  let i = start;
  let total = 0;
  let current = 0;
  let pow = 0;
  let any = false;
  let end = start;
  let lastWasScale = false;
  let last: 'none' | 'unit' | 'tens' | 'scale' = 'none';
  for (let step = 0; step < 12; step++) {
    const w = readWord(text, i);
    if (!w) break;
    const word = w.word;
    if ((word === 'a' || word === 'an') && !any) {
      const next = readWord(text, w.end + 1);
      if (text[w.end] === ' ' && next && (next.word === 'dozen' || (next.word in SCALES && next.word !== 'lakh'))) {
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
      if (p === 2) current = (current || 1) * 100;
      else {
        total += (current || 1) * 10 ** p;
        current = 0;
      }
      pow = Math.max(pow, p);
      lastWasScale = true;
      last = 'scale';
      end = w.end;
      i = w.end;
    } else break;
    // joiners: `twenty-two`, `one hundred and five`, spaces
    if (text[i] === '-' && isLatin(text.charCodeAt(i + 1))) {
      const next = readWord(text, i + 1);
      if (next && (next.word in UNITS || next.word in TENS)) {
        i++;
        continue;
      }
      break;
    }
    if (text[i] === ' ') {
      const next = readWord(text, i + 1);
      if (next && next.word === 'and' && lastWasScale) {
        const after = readWord(text, next.end + 1);
        if (after && (after.word in UNITS || after.word in TENS)) {
          i = next.end + 1;
          continue;
        }
      }
      if (next && (next.word in UNITS || next.word in TENS || next.word in SCALES || next.word === 'dozen')) {
        i++;
        continue;
      }
    }
    break;
  }
  if (!any || end === start) return null;
  return { start, end, value: tidy(total + current), pow };
}

/** The anchor pattern for number words (used by the figure scanner's single regex). */
export const ENGLISH_NUMBER_WORD_SOURCE =
  '(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|dozen|an? (?=(?:dozen|hundred|thousand|million|billion|trillion)\\b))';

export interface EnglishNumber {
  start: number;
  end: number;
  value: number;
}

/**
 * Every number in English text as a number recognizer sees it (digits with scales,
 * number words), for the Recognizers-Text Number spec and raw-number callers.
 */
export function findEnglishNumbers(text: string): EnglishNumber[] {
  const out: EnglishNumber[] = [];
  const anchor = new RegExp(`\\d|\\.(?=\\d)|\\b${ENGLISH_NUMBER_WORD_SOURCE}`, 'gi');
  let m: RegExpExecArray | null;
  while ((m = anchor.exec(text))) {
    const i = m.index;
    const prev = text.charCodeAt(i - 1);
    if (isDigit(text.charCodeAt(i)) || text[i] === '.') {
      if (isDigit(prev) || isLatin(prev) || (text[i] === '.' && isDigit(prev))) continue;
      const run = parseDigitsAt(text, i);
      if (!run) continue;
      let value = run.value;
      let end = run.end;
      const scale = matchScaleAt(text, end, false);
      if (scale) {
        value = scaleByPow10(value, scale.pow);
        end = scale.end;
      } else if (isLatin(text.charCodeAt(end))) {
        anchor.lastIndex = end + 1;
        continue;
      }
      let start = i;
      if (text[i - 1] === '-' && !isLatin(text.charCodeAt(i - 2)) && !isDigit(text.charCodeAt(i - 2))) {
        start = i - 1;
        value = -value;
      }
      out.push({ start, end, value: tidy(value) });
      anchor.lastIndex = end;
    } else {
      const w = parseEnglishWordNumberAt(text, i);
      if (!w) continue;
      out.push({ start: i, end: w.end, value: w.value });
      anchor.lastIndex = w.end;
    }
  }
  return out;
}
