/**
 * What every figure check needs to know about the article: its language, its
 * sentences and paragraphs, and which sentence each figure sits in. Built once
 * per article so the checks stay cheap.
 */
import type { Figure } from '../types';
import { isWhitespaceCode } from '../whitespace';
import { isHangul, isLatin } from '../digits';

export type CheckLang = 'ko' | 'en';

export interface TextSpan {
  start: number;
  end: number;
}

export interface CheckContext {
  text: string;
  figures: Figure[];
  /** Language of the messages (the reader's, in the extension). */
  lang: CheckLang;
  /** Language the article is written in: how its words are read (Korean names the counted thing before the number). */
  textLang: CheckLang;
  sentences: TextSpan[];
  /** Sentence index of each figure (same order as `figures`). */
  sentenceOf: number[];
  /** Paragraph index of each sentence. */
  paragraphOfSentence: number[];
  /** The figures (indexes) of each sentence that holds any, sentences in reading order. */
  figuresBySentence: ReadonlyMap<number, readonly number[]>;
  /** Longest figure (end − start): bounds which figures can touch a window of text. */
  maxFigureLength: number;
}

/** Korean when Hangul makes up at least 30% of the letters. */
export function detectCheckLang(text: string): CheckLang {
  let hangul = 0;
  let latin = 0;
  // UTF-16 units, not code points: neither range holds a surrogate, so the counts are the same without a string per character.
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xac00 && code <= 0xd7a3) hangul++;
    else if ((code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a)) latin++;
  }
  return hangul > 0 && hangul / (hangul + latin) >= 0.3 ? 'ko' : 'en';
}

// Abbreviations after which a period does not end an English sentence.
const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'sen', 'rep', 'gov', 'gen', 'col', 'lt', 'st', 'jr', 'sr', 'inc', 'corp', 'co', 'ltd',
  'no', 'vs', 'etc', 'u.s', 'u.k', 'u.n', 'e.g', 'i.e', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept',
  'oct', 'nov', 'dec', 'approx', 'est', 'fig', 'dept', 'mt', 'ft',
]);
/** A longer word before a period is no abbreviation. */
const LONGEST_ABBREVIATION = Math.max(...[...ABBREVIATIONS].map((a) => a.length));

/** 5 bits per character of a run of [A-Za-z.], read from its end and case-folded: a = 1 … z = 26, "." = 27. */
function foldedCode(c: number): number {
  return c === 46 ? 27 : (c | 0x20) - 96;
}

/** The abbreviations as numbers (at most 6 characters: 30 bits), so that the word before a period is looked up without a string. */
const ABBREVIATION_KEYS = new Set(
  [...ABBREVIATIONS].map((word) => {
    let key = 0;
    for (let k = word.length - 1; k >= 0; k--) key = key * 32 + foldedCode(word.charCodeAt(k));
    return key;
  }),
);

/** The closing quotes and brackets a terminator may be followed by: ["'”’)\]」』]. */
function isClosingMark(c: number): boolean {
  return c === 34 || c === 39 || c === 0x201d || c === 0x2019 || c === 41 || c === 93 || c === 0x300d || c === 0x300f;
}

const SENTENCE_END_CANDIDATE = /[\n.!?\u3002]/g;

function isLetterOrDot(c: number): boolean {
  return c === 46 || isLatin(c);
}

/**
 * Sentence spans. A line break always ends a sentence (paragraphs, table
 * cells); `.`, `!`, `?` end one when followed by whitespace, except after a
 * known abbreviation or a single initial.
 */
export function splitSentences(text: string): { sentences: TextSpan[]; paragraphOfSentence: number[] } {
  const sentences: TextSpan[] = [];
  const paragraphOfSentence: number[] = [];
  let paragraph = 0;
  let start = 0;
  const push = (end: number) => {
    let s = start;
    let e = end;
    while (s < e && isWhitespaceCode(text.charCodeAt(s))) s++;
    while (e > s && isWhitespaceCode(text.charCodeAt(e - 1))) e--;
    if (e > s) {
      sentences.push({ start: s, end: e });
      paragraphOfSentence.push(paragraph);
    }
  };
  // Only a line break or a terminator can end a sentence: the regex engine skips to them (faster than a loop over every character).
  const boundary = SENTENCE_END_CANDIDATE;
  boundary.lastIndex = 0;
  // test() rather than exec(): no match array per candidate; the match is one character, so it sits just before lastIndex.
  while (boundary.test(text)) {
    const i = boundary.lastIndex - 1;
    const code = text.charCodeAt(i);
    if (code === 10) {
      push(i);
      start = i + 1;
      // Only a line that had text starts a new paragraph.
      if (sentences.length && paragraphOfSentence[paragraphOfSentence.length - 1] === paragraph) paragraph++;
      continue;
    }
    // Swallow closing quotes and brackets after the terminator.
    let j = i + 1;
    while (j < text.length && isClosingMark(text.charCodeAt(j))) j++;
    if (j < text.length && !isWhitespaceCode(text.charCodeAt(j))) continue;
    if (code === 46) {
      // The run of [A-Za-z.] before the period (the word it may abbreviate), read back only as far as an
      // abbreviation can reach: one character more tells a longer word.
      let w = i;
      let key = 0;
      while (w > 0 && w > i - LONGEST_ABBREVIATION - 1 && isLetterOrDot(text.charCodeAt(w - 1))) key = key * 32 + foldedCode(text.charCodeAt(--w));
      // A single initial ("J. Smith") or a known abbreviation.
      if (i - w === 1 ? text.charCodeAt(w) !== 46 : i - w > 1 && i - w <= LONGEST_ABBREVIATION && ABBREVIATION_KEYS.has(key)) continue;
    }
    push(j);
    start = j;
    boundary.lastIndex = j;
  }
  push(text.length);
  return { sentences, paragraphOfSentence };
}

export function sentenceIndexAt(sentences: TextSpan[], offset: number): number {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sentences[mid].end <= offset) lo = mid + 1;
    else if (sentences[mid].start > offset) hi = mid - 1;
    else return mid;
  }
  return Math.min(lo, sentences.length - 1);
}

export function buildCheckContext(text: string, figures: Figure[], lang?: CheckLang, textLang: CheckLang = detectCheckLang(text)): CheckContext {
  const { sentences, paragraphOfSentence } = splitSentences(text);
  if (!sentences.length) sentences.push({ start: 0, end: text.length }), paragraphOfSentence.push(0);
  const sentenceOf = figures.map((f) => sentenceIndexAt(sentences, f.start));
  // Grouped once here: the change and parts checks both walk the figures sentence by sentence.
  const figuresBySentence = new Map<number, number[]>();
  sentenceOf.forEach((s, i) => {
    const members = figuresBySentence.get(s);
    if (members) members.push(i);
    else figuresBySentence.set(s, [i]);
  });
  return {
    text,
    figures,
    lang: lang ?? textLang,
    textLang,
    sentences,
    sentenceOf,
    paragraphOfSentence,
    figuresBySentence,
    maxFigureLength: figures.reduce((longest, f) => Math.max(longest, f.end - f.start), 0),
  };
}

/** First index in [0, n) for which `past(index)` holds (`past` false, then true). */
function firstPast(n: number, past: (index: number) => boolean): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (past(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * Index range [lo, hi) of the figures whose sentence lies in [fromSentence, toSentence].
 * Figures are in reading order, so their sentence indexes never decrease: the range is contiguous.
 */
export function figuresInSentences(ctx: CheckContext, fromSentence: number, toSentence: number): [number, number] {
  const { sentenceOf } = ctx;
  const n = sentenceOf.length;
  return [firstPast(n, (i) => sentenceOf[i] >= fromSentence), firstPast(n, (i) => sentenceOf[i] > toSentence)];
}

/**
 * Index range [lo, hi) holding every figure that overlaps or touches text[from, to) (and maybe a few more):
 * figures are sorted by start, and none is longer than maxFigureLength.
 */
export function figuresNear(ctx: CheckContext, from: number, to: number): [number, number] {
  const { figures } = ctx;
  const n = figures.length;
  return [firstPast(n, (i) => figures[i].start >= from - ctx.maxFigureLength), firstPast(n, (i) => figures[i].start > to)];
}

export function sentenceText(ctx: CheckContext, sentence: number): string {
  const span = ctx.sentences[sentence];
  return ctx.text.slice(span.start, span.end);
}

/** Text of the figure's sentence before the figure. */
export function textBefore(ctx: CheckContext, index: number, maxChars = Infinity): string {
  const f = ctx.figures[index];
  const s = ctx.sentences[ctx.sentenceOf[index]];
  return ctx.text.slice(Math.max(s.start, f.start - maxChars), f.start);
}

/** Text of the figure's sentence after the figure. */
export function textAfter(ctx: CheckContext, index: number, maxChars = Infinity): string {
  const f = ctx.figures[index];
  const s = ctx.sentences[ctx.sentenceOf[index]];
  return ctx.text.slice(f.end, Math.min(s.end, f.end + maxChars));
}

/** Figures with a single value (ranges and dates excluded). */
export function hasValue(f: Figure): f is Figure & { value: number } {
  return typeof f.value === 'number' && Number.isFinite(f.value) && f.kind !== 'date';
}

export type QualifierSense = 'approx' | 'max' | 'min' | 'exact';

const MAX_WORDS = /^(?:up to|under|below|less than|fewer than|미만|못 미치는|as much as|as many as|at most|no more than|maximum|max|peak|최대|최고|이하|까지)$/i;
const MIN_WORDS = /^(?:over|more than|above|at least|minimum|min|upwards of|in excess of|exceeding|이상|이상의|최소|넘는|넘게|초과)$/i;
const APPROX_WORDS = /^(?:about|around|roughly|approximately|approx\.?|nearly|almost|some|estimated|약|대략|거의|가량|정도|여|근|안팎|쯤|~|≈)$/i;

/**
 * How a figure's qualifier bounds it. Falls back to reading the words right
 * before the figure, in case the figure detector left the qualifier out.
 */
export function qualifierSense(ctx: CheckContext, index: number): QualifierSense {
  const q = ctx.figures[index].qualifier?.trim();
  if (q) {
    if (MAX_WORDS.test(q)) return 'max';
    if (MIN_WORDS.test(q)) return 'min';
    if (APPROX_WORDS.test(q)) return 'approx';
  }
  const before = textBefore(ctx, index, 16).toLowerCase();
  if (/(?:up to|as much as|as many as|at most|최대|최고)\s*$/.test(before)) return 'max';
  if (/(?:over|more than|above|at least|in excess of|upwards of|최소)\s*$/.test(before)) return 'min';
  if (/(?:about|around|roughly|approximately|nearly|almost|some|약|대략|거의)\s*$/.test(before)) return 'approx';
  const after = textAfter(ctx, index, 6);
  if (/^\s*(?:이상|넘게|초과)/.test(after)) return 'min';
  if (/^\s*(?:이하|미만)/.test(after)) return 'max';
  if (/^\s*(?:가량|정도|안팎|쯤|여|수준|꼴|선|내외|남짓)/.test(after)) return 'approx';
  return 'exact';
}

/** The digits of a written number without its point and leading/trailing zeros ("-0.050" → "-005": a sign stops the zero trim). */
function bareDigits(written: string): string {
  const exponent = written.indexOf('e');
  const mantissa = exponent < 0 ? written : written.slice(0, exponent);
  const point = mantissa.indexOf('.');
  const bare = point < 0 ? mantissa : mantissa.slice(0, point) + mantissa.slice(point + 1);
  let from = 0;
  let to = bare.length;
  while (from < to && bare.charCodeAt(from) === 48) from++;
  while (to > from && bare.charCodeAt(to - 1) === 48) to--;
  return bare.slice(from, to);
}

/**
 * The significant digits of `value` at 12-digit precision, as written: 14.2e9 → "142", 0.050 → "5".
 * Same as toPrecision(12) with the exponent, the point and leading/trailing zeros cut (this runs for every
 * figure a check weighs). String(value) is the shortest decimal that reads back as `value`; when it has at
 * most 12 significant digits and no exponent, toPrecision(12) is that decimal padded with zeros (a double
 * lies far closer to it than half a 12th digit), and String is several times faster, above all on
 * integers. Otherwise (long fractions such as 0.1 + 0.2, exponents, denormals) toPrecision decides.
 */
export function significantDigits(value: number): string {
  const shortest = String(value);
  if (shortest.indexOf('e') < 0) {
    const digits = bareDigits(shortest);
    if (digits.length - (digits.charCodeAt(0) === 45 ? 1 : 0) <= 12) return digits;
  }
  return bareDigits(value.toPrecision(12));
}

/**
 * Relative half-unit of the last significant digit of a stated value: how far
 * the true value may be from it by rounding alone ("$14.2 billion" → 0.35%).
 */
export function roundingError(value: number): number {
  const abs = Math.abs(value);
  if (!abs) return 0;
  // 12 significant digits drop floating-point noise (1.4199999 → 1.42).
  const significant = Math.max(1, significantDigits(abs).length);
  const magnitude = Math.floor(Math.log10(abs));
  return (0.5 * 10 ** (magnitude - significant + 1)) / abs;
}

const KO_PARTICLE = /(?:으로|에서|에게|까지|부터|보다|처럼|이나|이며|이고|라는|이란|은|는|이|가|을|를|의|에|로|와|과|도|만|들)$/;

const STOPWORDS = new Set(
  `the a an of in on at to for from by with and or but as is are was were be been being has have had its it this that these those
  their his her our your my they them he she we you i which who whom whose what when where while than then so such into over
  under about around up down more less most least also only just not no nor will would could should can may might must do does did
  said says say according per each own some any all both either neither other another one two three four five six seven eight nine ten
  million billion trillion thousand hundred percent year years month months week weeks day days last next first second new
  이 그 저 것 수 등 및 또 또한 더 위해 대한 통해 따르면 밝혔다 말했다 했다 있다 있는 없다 된다 됐다 지난 올해 작년 지난해 전년 약 총 중 각각 모두
  이번 당시 현재 기준 이후 이전 만 억 조 천 원 달러 개 명 대 곳 배`
    .split(/\s+/)
    .filter(Boolean),
);

/** A letter or number (\p{L}, \p{N}), for the code points outside ASCII and the Hangul syllables. */
const LETTER_OR_NUMBER = /^[\p{L}\p{N}]$/u;

/**
 * Code units of the code point at `i` (a surrogate pair is one), positive when it is a letter or number as
 * /[\p{L}\p{N}]/u reads it, negative (or 0 for ASCII) when not. ASCII and Hangul syllables are tested
 * directly, any other code point by the regex.
 */
function letterOrNumberAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 0x80) return (c >= 48 && c <= 57) || (c >= 97 && c <= 122) || (c >= 65 && c <= 90) ? 1 : 0;
  if (isHangul(c)) return 1;
  const width = c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
  return LETTER_OR_NUMBER.test(text.slice(i, i + width)) ? width : -width;
}

/**
 * The words of `text` as /[\p{L}\p{N}][\p{L}\p{N}\-']*\/gu matches them, without the regex: with its
 * Unicode property classes it cost more than the rest of contentWords, on snippets of a few words.
 */
export function letterNumberWords(text: string): string[] {
  const found: string[] = [];
  let i = 0;
  while (i < text.length) {
    const first = letterOrNumberAt(text, i);
    if (first <= 0) {
      i += first < 0 ? -first : 1;
      continue;
    }
    const start = i;
    i += first;
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === 45 || c === 39) i++;
      else {
        const next = letterOrNumberAt(text, i);
        if (next <= 0) break;
        i += next;
      }
    }
    found.push(text.slice(start, i));
  }
  return found;
}

/** Only digits and [.,-'] (`/^[\d.,\-']+$/`): a number, not a word. */
function isNumberLike(w: string): boolean {
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (!((c >= 48 && c <= 57) || c === 46 || c === 44 || c === 45 || c === 39)) return false;
  }
  return true;
}

function hasHangulSyllable(w: string): boolean {
  for (let i = 0; i < w.length; i++) if (isHangul(w.charCodeAt(i))) return true;
  return false;
}

/** `/[a-z가-힣]/` on a lower-cased word. */
function hasLetterWeRead(w: string): boolean {
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if ((c >= 97 && c <= 122) || isHangul(c)) return true;
  }
  return false;
}

/** Content words of a snippet, lower-cased, Korean particles and English plurals stripped. */
export function contentWords(snippet: string): string[] {
  const words: string[] = [];
  // Character tests instead of a regular expression per word: this runs for every figure the checks look at.
  for (const raw of letterNumberWords(snippet.toLowerCase())) {
    if (isNumberLike(raw)) continue;
    let w = raw;
    if (hasHangulSyllable(w)) {
      if (w.endsWith('다')) continue; // predicates (했다, 이었다, 집계됐다) say nothing about what is counted
      if (w.length > 2) w = w.replace(KO_PARTICLE, '');
    } else {
      if (w.endsWith("'s")) w = w.slice(0, -2);
      if (w.length > 4 && w.endsWith('ies')) w = w.slice(0, -3) + 'y';
      else if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss')) w = w.slice(0, -1);
    }
    if (w.length < 2 || STOPWORDS.has(w)) continue;
    const first = w.charCodeAt(0);
    if (first >= 48 && first <= 57 && !hasLetterWeRead(w)) continue;
    words.push(w);
  }
  return words;
}
