/**
 * Features of one sentence for the check-worthiness scorers.
 *
 * Two families:
 * - dense cues that mean the same thing in any language (a number, a money
 *   word, a comparison, reported speech, first-person opinion, length…). They
 *   come from the per-language lexicons, so a Korean sentence and an English
 *   one land in the same feature space;
 * - hashed English word and word-pair features (numbers folded into
 *   <num>/<year>/<pct>/<money> classes), used by the English model only.
 *
 * The training script and the runtime scorer both call this module, so what
 * the model was trained on is exactly what it sees on a page.
 */
import { englishLexicon } from './lexicons/en';
import { koreanLexicon } from './lexicons/ko';
import { compileLexicon, CUE_NAMES, type CompiledLexicon, type CueName } from './lexicons/types';
import { isWhitespaceCode } from './whitespace';
import { isDigit } from './digits';

export const DENSE_FEATURES = [
  'digit',
  'numberCount',
  'percent',
  'money',
  'time',
  'numberWord',
  'comparison',
  'superlative',
  'quote',
  'prediction',
  'causal',
  'opinion',
  'hedge',
  'question',
  'institution',
  'pastFact',
  'entities',
  'len0to4',
  'len5to9',
  'len10to19',
  'len20to34',
  'len35up',
] as const;
export type DenseFeature = (typeof DENSE_FEATURES)[number];

export type FeatureLanguage = 'en' | 'ko';

const compiled: Partial<Record<FeatureLanguage, CompiledLexicon>> = {};

/**
 * Korean sentences read with the plain patterns before the lexicon is compiled again with its literal
 * table (lexicons/literals.ts). The table saves about 3 µs a sentence but costs 16-18 ms to build in a
 * freshly started worker (1.7 ms once warm), and the extension's worker is often fresh: built on the
 * first sentence, it would only pay off after thousands of sentences. Both compilations find the same
 * cues (tests compare them).
 */
export const KOREAN_LITERAL_TABLE_AFTER = 2000;
let koreanReads = 0;

/**
 * The compiled cue lexicon of a language (its match() gives denseFeaturesInto's `cues`), compiled when
 * that language is first read: a freshly started worker scanning an English page does not pay for the
 * Korean lexicon, nor a Korean page for the English one.
 */
export function lexicon(lang: FeatureLanguage): CompiledLexicon {
  if (lang === 'en') return (compiled.en ??= compileLexicon(englishLexicon));
  if (koreanReads <= KOREAN_LITERAL_TABLE_AFTER && ++koreanReads > KOREAN_LITERAL_TABLE_AFTER) compiled.ko = compileLexicon(koreanLexicon);
  return (compiled.ko ??= compileLexicon(koreanLexicon, { literals: false }));
}

/** Bit of each cue in the lexicon's match result. */
const CUE_INDEX = Object.fromEntries(CUE_NAMES.map((name, i) => [name, i])) as Record<CueName, number>;

/** Korean eojeol (space-separated units) carry particles and endings: about 1.7 English words each. */
const WORDS_PER_UNIT: Record<FeatureLanguage, number> = { en: 1, ko: 1.7 };

/** The specification of the percent-word cue; percentWordAt finds the same matches while denseFeatures reads the characters. */
export const PERCENT_WORD = /[Pp]ercent|퍼센트|\d\s?프로(?![그젝])|포인트/;

/** Does a match of PERCENT_WORD end its first character at text[k] (p/P, 퍼, 프 or 포)? */
function percentWordAt(text: string, k: number): boolean {
  const c = text.charCodeAt(k);
  if (c === 112 || c === 80) return text.startsWith('ercent', k + 1);
  if (c === 0xd37c) return text.startsWith('센트', k + 1); // 퍼센트
  if (c === 0xd3ec) return text.startsWith('인트', k + 1); // 포인트
  // \d\s?프로(?![그젝])
  if (text.charCodeAt(k + 1) !== 0xb85c) return false; // 로
  const after = text.charCodeAt(k + 2);
  if (after === 0xadf8 || after === 0xc81d) return false; // 그 젝
  return (k >= 1 && isDigit(text.charCodeAt(k - 1))) || (k >= 2 && isWhitespaceCode(text.charCodeAt(k - 1)) && isDigit(text.charCodeAt(k - 2)));
}

export function denseFeatures(sentence: string, lang: FeatureLanguage): Float64Array {
  return denseFeaturesInto(sentence, lang, new Float64Array(DENSE_FEATURES.length));
}

/**
 * denseFeatures written into `out` (DENSE_FEATURES.length long): the scan reuses one array for all sentences.
 * `cues`, when given, is what lexicon(lang) finds in the sentence (a caller that has its tokens already).
 */
export function denseFeaturesInto(sentence: string, lang: FeatureLanguage, out: Float64Array, cues = lexicon(lang).match(sentence)): Float64Array {
  // One pass over the characters: numbers (digit runs, "1,234.5" counts once), space-separated
  // units, capitalised words after the first (a named-entity proxy in English; in Korean text
  // Latin-script names such as xAI or GPT play that part), a percent sign or word.
  let numbers = 0;
  let units = 0;
  let capitalized = 0;
  let percent = false;
  let inWord = false;
  let inNumber = false;
  const n = sentence.length;
  for (let k = 0; k < n; k++) {
    const c = sentence.charCodeAt(k);
    if (c <= 32) {
      // A space ends a word and a number, and is none of the characters below.
      inWord = false;
      inNumber = false;
      continue;
    }
    if (c >= 48 && c <= 57) {
      if (!inNumber) numbers++;
      inNumber = true;
    } else {
      inNumber = inNumber && (c === 44 || c === 46) && k + 1 < n && isDigit(sentence.charCodeAt(k + 1));
      if (c === 37) percent = true;
      else if (!percent && (c === 112 || c === 80 || c === 0xd37c || c === 0xd504 || c === 0xd3ec)) percent = percentWordAt(sentence, k);
    }
    if (!inWord) {
      units++;
      const first = c === 40 || c === 0x201c || c === 34 || c === 39 ? sentence.charCodeAt(k + 1) : c;
      if (first >= 65 && first <= 90) capitalized++;
      inWord = true;
    }
  }
  units *= WORDS_PER_UNIT[lang];
  if (lang === 'en') capitalized = Math.max(0, capitalized - 1);
  let i = 0;
  out[i++] = numbers > 0 ? 1 : 0;
  out[i++] = Math.log1p(numbers);
  out[i++] = percent ? 1 : 0;
  out[i++] = (cues >> CUE_INDEX.money) & 1;
  out[i++] = (cues >> CUE_INDEX.time) & 1;
  out[i++] = (cues >> CUE_INDEX.numberWord) & 1;
  out[i++] = (cues >> CUE_INDEX.comparison) & 1;
  out[i++] = (cues >> CUE_INDEX.superlative) & 1;
  out[i++] = (cues >> CUE_INDEX.quote) & 1;
  out[i++] = (cues >> CUE_INDEX.prediction) & 1;
  out[i++] = (cues >> CUE_INDEX.causal) & 1;
  out[i++] = (cues >> CUE_INDEX.opinion) & 1;
  out[i++] = (cues >> CUE_INDEX.hedge) & 1;
  out[i++] = (cues >> CUE_INDEX.question) & 1;
  out[i++] = (cues >> CUE_INDEX.institution) & 1;
  out[i++] = (cues >> CUE_INDEX.pastFact) & 1;
  out[i++] = Math.log1p(capitalized);
  out[i++] = units < 5 ? 1 : 0;
  out[i++] = units >= 5 && units < 10 ? 1 : 0;
  out[i++] = units >= 10 && units < 20 ? 1 : 0;
  out[i++] = units >= 20 && units < 35 ? 1 : 0;
  out[i++] = units >= 35 ? 1 : 0;
  return out;
}

// ---- hashed English lexical features ----

const TOKEN = /[$€£]?\d[\d,.]*(?:\s?(?:%|percent\b))?|[a-z]+(?:'[a-z]+)?/g;

function numberClass(token: string): string {
  if (token.includes('%') || token.includes('percent')) return '<pct>';
  const c = token.charCodeAt(0);
  if (c === 36 || c === 0x20ac || c === 0xa3) return '<money>';
  if (token.length === 4 && /^(?:1[89]|20)\d\d$/.test(token)) return '<year>';
  return '<num>';
}

export function englishTokens(sentence: string): string[] {
  const tokens = sentence.toLowerCase().replace(/’/g, "'").match(TOKEN) ?? [];
  for (let i = 0; i < tokens.length; i++) {
    const c = tokens[i].charCodeAt(0);
    if (c < 97) tokens[i] = numberClass(tokens[i]); // digits and currency signs sort below 'a'
  }
  return tokens;
}

const FNV_OFFSET = 0x811c9dc5;

/** FNV-1a, 32 bit, continued from `hash`: hashing "a" then "b" equals hashing "ab". */
function fnv(hash: number, value: string): number {
  for (let i = 0; i < value.length; i++) {
    hash ^= value.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash;
}

/** FNV-1a, 32 bit: small, stable across runtimes, good enough spread for feature hashing. */
export function hashString(value: string): number {
  return fnv(FNV_OFFSET, value) >>> 0;
}

export interface HashOptions {
  bits: number;
  /** Also hash each word's last three letters: a cheap part-of-speech proxy (-ed, -ion, -ing, -ly). */
  suffixes?: boolean;
  /** Also hash a crude stem of each word (plural, -ed, -ing, -ly stripped). */
  stems?: boolean;
  /** Hash words and word pairs (default true); false leaves a character-only model. */
  words?: boolean;
  /**
   * Also hash the character 3-, 4- and 5-grams of each token padded with spaces
   * (" tax", "taxe", "axes "): morphology and spelling variants that whole words miss.
   */
  chars?: boolean;
}

/** -ies/-ied → -y, then one of -ing, -ed, -es, -ly, -s dropped (the longest that ends the word). */
export function crudeStem(word: string): string {
  if (word.length <= 4 || word[0] === '<') return word;
  let w = word;
  if (w.endsWith('ies') || w.endsWith('ied')) w = w.slice(0, -3) + 'y';
  if (w.endsWith('ing')) return w.slice(0, -3);
  if (w.endsWith('ed') || w.endsWith('es') || w.endsWith('ly')) return w.slice(0, -2);
  if (w.endsWith('s')) return w.slice(0, -1);
  return w;
}

/** FNV-1a continued over value[from..]. */
function fnvFrom(hash: number, value: string, from: number): number {
  for (let i = from; i < value.length; i++) {
    hash ^= value.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash;
}

// Feature names are "w:word", "b:previous word", "t:stem", "s:suffix"; their prefixes are hashed once.
const WORD_SEED = fnv(FNV_OFFSET, 'w:');
const PAIR_SEED = fnv(FNV_OFFSET, 'b:');
const STEM_SEED = fnv(FNV_OFFSET, 't:');
const SUFFIX_SEED = fnv(FNV_OFFSET, 's:');
const CHAR_SEED = fnv(FNV_OFFSET, 'c:');
const SPACE = 32;

/**
 * Hashes of the features `token` gives on its own, in the order a sentence adds them:
 * the word, its stem and suffix (word models), then its character n-grams. The word
 * pair (see pairHash) goes right after the word. Written into `out` (emptied first).
 */
export function tokenHashes(token: string, options: HashOptions, out: number[] = []): number[] {
  out.length = 0;
  if (options.words !== false) {
    out.push(fnv(WORD_SEED, token));
    if (options.stems) out.push(fnv(STEM_SEED, crudeStem(token)));
    if (options.suffixes && token.length > 4 && token[0] !== '<') out.push(fnvFrom(SUFFIX_SEED, token, token.length - 3));
  }
  if (options.chars) {
    // Padded token " token ": position p holds a space at both ends. One FNV run per start
    // position, emitted after 3, 4 and 5 characters (so "c:" + the n-gram, without slicing).
    const padded = token.length + 2;
    for (let start = 0; start + 3 <= padded; start++) {
      let hash = CHAR_SEED;
      const stop = Math.min(start + 5, padded);
      for (let p = start; p < stop; p++) {
        hash ^= p === 0 || p === padded - 1 ? SPACE : token.charCodeAt(p - 1);
        hash = Math.imul(hash, 0x01000193);
        if (p - start >= 2) out.push(hash);
      }
    }
  }
  return out;
}

/** The state "b:previous " leaves FNV in: the word pair (previous, token) is pairHash(pairPrefix(previous), token). */
export function pairPrefix(previous: string): number {
  return fnv(fnv(PAIR_SEED, previous), ' ');
}

export function pairHash(prefix: number, token: string): number {
  return fnv(prefix, token);
}

/** The pair that closes a sentence: (last token, "</s>"); "<s>" is the previous token of the first. */
export const SENTENCE_START = '<s>';
export const SENTENCE_END = '</s>';

/**
 * Distinct hashed feature indexes of `sentence`, in first-seen order: the reference
 * computation the training script uses (./checkworthiness-hashed scores the same
 * features through a per-token cache; tests check both agree).
 */
export function hashedFeatures(sentence: string, options: HashOptions): number[] {
  const mask = (1 << options.bits) - 1;
  const seen = new Set<number>();
  const indexes: number[] = [];
  const add = (hash: number) => {
    const index = (hash >>> 0) & mask;
    if (!seen.has(index)) {
      seen.add(index);
      indexes.push(index);
    }
  };
  const words = options.words !== false;
  let previous = SENTENCE_START;
  for (const token of englishTokens(sentence)) {
    const hashes = tokenHashes(token, options);
    let k = 0;
    if (words) {
      add(hashes[k++]);
      add(pairHash(pairPrefix(previous), token));
    }
    for (; k < hashes.length; k++) add(hashes[k]);
    previous = token;
  }
  if (words) add(pairHash(pairPrefix(previous), SENTENCE_END));
  return indexes;
}
