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
import { matchesAny, type LanguageLexicon } from './lexicons/types';

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

const LEXICONS: Record<FeatureLanguage, LanguageLexicon> = { en: englishLexicon, ko: koreanLexicon };

/** Korean eojeol (space-separated units) carry particles and endings: about 1.7 English words each. */
const WORDS_PER_UNIT: Record<FeatureLanguage, number> = { en: 1, ko: 1.7 };

const NUMBER = /[$€£¥₩]?\d[\d,.]*(?:\s?%|\s?퍼센트)?/g;
const PERCENT = /\d\s?%|\bpercent(?:age)?\b|퍼센트|프로(?=[^그젝]|$)|%\s?p|포인트/i;
const CAPITALIZED = /(?:^|[\s(“"'])(?:[A-Z][a-z]+|[A-Z]{2,})/g;

export function denseFeatures(sentence: string, lang: FeatureLanguage): Float64Array {
  const lexicon = LEXICONS[lang];
  const out = new Float64Array(DENSE_FEATURES.length);
  const numbers = sentence.match(NUMBER)?.length ?? 0;
  const units = sentence.trim().split(/\s+/).filter(Boolean).length * WORDS_PER_UNIT[lang];
  // Capitalised words after the first word: a named-entity proxy in English; in Korean
  // text Latin-script names (xAI, GPT) and institution nouns play that part.
  const capitalized = Math.max(0, (sentence.match(CAPITALIZED)?.length ?? 0) - (lang === 'en' ? 1 : 0));
  let i = 0;
  out[i++] = numbers > 0 ? 1 : 0;
  out[i++] = Math.log1p(numbers);
  out[i++] = PERCENT.test(sentence) ? 1 : 0;
  out[i++] = matchesAny(lexicon.money, sentence) ? 1 : 0;
  out[i++] = matchesAny(lexicon.time, sentence) ? 1 : 0;
  out[i++] = matchesAny(lexicon.numberWord, sentence) ? 1 : 0;
  out[i++] = matchesAny(lexicon.comparison, sentence) ? 1 : 0;
  out[i++] = matchesAny(lexicon.superlative, sentence) ? 1 : 0;
  out[i++] = matchesAny(lexicon.quote, sentence) ? 1 : 0;
  out[i++] = matchesAny(lexicon.prediction, sentence) ? 1 : 0;
  out[i++] = matchesAny(lexicon.causal, sentence) ? 1 : 0;
  out[i++] = matchesAny(lexicon.opinion, sentence) ? 1 : 0;
  out[i++] = matchesAny(lexicon.hedge, sentence) ? 1 : 0;
  out[i++] = matchesAny(lexicon.question, sentence) ? 1 : 0;
  out[i++] = matchesAny(lexicon.institution, sentence) ? 1 : 0;
  out[i++] = matchesAny(lexicon.pastFact, sentence) ? 1 : 0;
  out[i++] = Math.log1p(capitalized);
  out[i++] = units < 5 ? 1 : 0;
  out[i++] = units >= 5 && units < 10 ? 1 : 0;
  out[i++] = units >= 10 && units < 20 ? 1 : 0;
  out[i++] = units >= 20 && units < 35 ? 1 : 0;
  out[i++] = units >= 35 ? 1 : 0;
  return out;
}

// ---- hashed English lexical features ----

const TOKEN = /[$€£]?\d[\d,.]*(?:\s?(?:%|percent\b))?|[a-z]+(?:['’][a-z]+)?/g;

function numberClass(token: string): string {
  if (/%|percent/.test(token)) return '<pct>';
  if (/^[$€£]/.test(token)) return '<money>';
  if (/^(?:1[89]|20)\d\d$/.test(token)) return '<year>';
  return '<num>';
}

export function englishTokens(sentence: string): string[] {
  const tokens: string[] = [];
  for (const match of sentence.toLowerCase().replace(/’/g, "'").matchAll(TOKEN)) {
    const token = match[0];
    tokens.push(/\d/.test(token) ? numberClass(token) : token);
  }
  return tokens;
}

/** FNV-1a, 32 bit: small, stable across runtimes, good enough spread for feature hashing. */
export function hashString(value: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < value.length; i++) {
    hash ^= value.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

export interface HashOptions {
  bits: number;
  /** Also hash each word's last three letters: a cheap part-of-speech proxy (-ed, -ion, -ing, -ly). */
  suffixes?: boolean;
  /** Also hash word pairs that skip one word ("rose to", "rose percent"). */
  skipPairs?: boolean;
  /** Also hash a crude stem of each word (plural, -ed, -ing, -ly stripped). */
  stems?: boolean;
  /** Also hash pairs and triples of word shapes: function words kept, other words reduced to a part-of-speech guess. */
  shapes?: boolean;
}

/** Words kept as themselves in shape n-grams: pronouns, auxiliaries, modals, prepositions, quantifiers, speech verbs. */
const FUNCTION_WORDS = new Set(
  ('i you he she it we they me him her us them my your his its our their this that these those the a an and or but if ' +
    'because so not no never nothing is are was were be been being am have has had do does did will would shall should ' +
    "can could may might must to of in on at for with by from than as about more most less least what who which when " +
    "where why how there here all every each some any many much very just only also up down over under out said says " +
    "say think believe know want going let thank don't didn't isn't wasn't won't can't doesn't haven't we've i'm i've " +
    "it's that's there's they're we're you're last next since ago per percent million billion trillion thousand hundred").split(' '),
);

function wordShape(raw: string, lower: string, first: boolean): string {
  if (lower[0] === '<' || FUNCTION_WORDS.has(lower)) return lower;
  if (!first && raw[0] >= 'A' && raw[0] <= 'Z') return 'C';
  if (lower.endsWith('ed')) return 'D';
  if (lower.endsWith('ing')) return 'G';
  if (lower.endsWith('ly')) return 'R';
  if (lower.length > 3 && lower.endsWith('s')) return 'S';
  return 'W';
}

const RAW_TOKEN = /[$€£]?\d[\d,.]*(?:\s?(?:%|percent\b))?|[A-Za-z]+(?:['’][A-Za-z]+)?/g;

function shapeSequence(sentence: string): string[] {
  const shapes: string[] = [];
  for (const match of sentence.replace(/’/g, "'").matchAll(RAW_TOKEN)) {
    const raw = match[0];
    const lower = /\d/.test(raw) ? numberClass(raw.toLowerCase()) : raw.toLowerCase();
    shapes.push(wordShape(raw, lower, shapes.length === 0));
  }
  return shapes;
}

export function crudeStem(word: string): string {
  if (word.length <= 4 || word[0] === '<') return word;
  return word.replace(/(?:ies|ied)$/, 'y').replace(/(?:ing|ed|es|s|ly)$/, '');
}

/** Indexes of the hashed word and word-pair features (deduplicated, unsorted). */
export function hashedFeatures(sentence: string, options: HashOptions): number[] {
  const mask = (1 << options.bits) - 1;
  const tokens = englishTokens(sentence);
  const seen = new Set<number>();
  let previous = '<s>';
  let beforePrevious = '<s>';
  for (const token of tokens) {
    seen.add(hashString(`w:${token}`) & mask);
    seen.add(hashString(`b:${previous} ${token}`) & mask);
    if (options.skipPairs) seen.add(hashString(`k:${beforePrevious} ${token}`) & mask);
    if (options.stems) seen.add(hashString(`t:${crudeStem(token)}`) & mask);
    if (options.suffixes && token.length > 4 && token[0] !== '<') seen.add(hashString(`s:${token.slice(-3)}`) & mask);
    beforePrevious = previous;
    previous = token;
  }
  seen.add(hashString(`b:${previous} </s>`) & mask);
  if (options.shapes) {
    const shapes = ['<s>', ...shapeSequence(sentence), '</s>'];
    for (let k = 1; k < shapes.length; k++) {
      seen.add(hashString(`p2:${shapes[k - 1]} ${shapes[k]}`) & mask);
      if (k > 1) seen.add(hashString(`p3:${shapes[k - 2]} ${shapes[k - 1]} ${shapes[k]}`) & mask);
    }
  }
  return [...seen];
}
