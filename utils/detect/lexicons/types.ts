/**
 * Shape of the per-language cue lexicons, and the matcher that runs them.
 *
 * A cue is found by `phrases` (lower-case words, matched on word tokens, so
 * "due to" matches "Due to" but not "residue to") or by `patterns` (regular
 * expressions; for English they run on the lower-cased sentence). A pattern may
 * carry a gate, tokens or characters that must occur for it to be tried:
 * phrases and gates make the matcher a few hash lookups per word instead of
 * dozens of regex scans per sentence.
 */
import { WordTable } from './word-table';
import { LiteralTable, literalAlternative, splitAlternatives, type LiteralAlternative } from './literals';

export type GatedPattern =
  | RegExp
  | {
      pattern: RegExp;
      tokens?: string[];
      chars?: string;
      /** Same answer as `pattern`, computed faster by hand (./matchers); `pattern` stays as its specification. */
      test?: (text: string) => boolean;
    };

export interface Cue {
  phrases?: string[];
  patterns?: GatedPattern[];
}

export interface LanguageLexicon {
  /** Run patterns on the lower-cased sentence (English) or as written (Korean). */
  lowerCase: boolean;
  /** Claim kinds other than `statistic`, which comes from the figure detector. */
  comparison: Cue;
  superlative: Cue;
  quote: Cue;
  prediction: Cue;
  causal: Cue;
  /** Check-worthiness cues. */
  opinion: Cue; // first person, normative, evaluative: lowers check-worthiness
  hedge: Cue;
  time: Cue;
  numberWord: Cue; // quantities written in words, statistical vocabulary
  money: Cue;
  institution: Cue; // named-entity proxy: governments, companies, countries
  pastFact: Cue; // completed, reportable events
  question: Cue;
}

export const CUE_NAMES = [
  'comparison', 'superlative', 'quote', 'prediction', 'causal', 'opinion', 'hedge', 'time', 'numberWord', 'money',
  'institution', 'pastFact', 'question',
] as const;
export type CueName = (typeof CUE_NAMES)[number];

interface CompiledPattern {
  cue: number;
  pattern: RegExp;
  tokens?: string[];
  chars?: string;
  test?: (text: string) => boolean;
}



export interface CompiledLexicon {
  /** Bit i set = cue CUE_NAMES[i] found. */
  match(sentence: string): number;
  /**
   * match() for a lower-casing lexicon, given the sentence's word tokens already read as ids
   * (ids[0] … ids[count - 1]): the wordId of each token of wordTokens(sentence.toLowerCase()),
   * where a run of tokens that are not lexicon words (-1) may be longer or shorter, but not absent
   * (phrases and gates read only the lexicon words and which of them are next to each other).
   */
  matchTokens(sentence: string, ids: Int32Array, count: number): number;
  /** The id of a lexicon word (a phrase word or gate token), or -1. */
  wordId(token: string): number;
}

const WORD = /[a-z0-9]+(?:'[a-z]+)?/g;

export function wordTokens(lower: string): string[] {
  return lower.replace(/’/g, "'").match(WORD) ?? [];
}

export interface CompileOptions {
  /** Find ungated patterns' literal alternatives in one pass (./literals; default true; tests compare both ways). */
  literals?: boolean;
}

/**
 * Moves the literal alternatives of ungated patterns into `found` (one entry per alternative
 * and its cue bit) and returns the patterns left, each reduced to its other alternatives.
 */
function withoutLiterals(patterns: CompiledPattern[], found: Array<{ literal: LiteralAlternative; bit: number }>): CompiledPattern[] {
  const left: CompiledPattern[] = [];
  for (const p of patterns) {
    const { source, flags } = p.pattern;
    // Flags change what characters match; back-references and named groups tie alternatives together.
    if (p.tokens || p.chars || p.test || flags !== '' || /\\[1-9k]|\(\?<[^=!]/.test(source)) {
      left.push(p);
      continue;
    }
    const alternatives = splitAlternatives(source);
    const rest = alternatives.filter((alternative) => {
      const literal = literalAlternative(alternative);
      if (literal) found.push({ literal, bit: 1 << p.cue });
      return !literal;
    });
    if (rest.length === alternatives.length) left.push(p);
    else if (rest.length) left.push({ ...p, pattern: new RegExp(rest.join('|')) });
  }
  return left;
}

export function compileLexicon(
  lexicon: LanguageLexicon,
  { literals = true }: CompileOptions = {},
): CompiledLexicon {
  // first word → [rest of phrase words, cue]
  const phrases = new Map<string, Array<{ rest: string[]; cue: number }>>();
  let patterns: CompiledPattern[] = [];
  CUE_NAMES.forEach((name, cue) => {
    const entry = lexicon[name];
    for (const phrase of entry.phrases ?? []) {
      const [first, ...rest] = phrase.split(' ');
      if (!phrases.has(first)) phrases.set(first, []);
      phrases.get(first)!.push({ rest, cue });
    }
    for (const gated of entry.patterns ?? []) {
      if (gated instanceof RegExp) patterns.push({ cue, pattern: gated });
      else patterns.push({ cue, pattern: gated.pattern, tokens: gated.tokens, chars: gated.chars, test: gated.test });
    }
  });
  const literalAlternatives: Array<{ literal: LiteralAlternative; bit: number }> = [];
  if (literals) patterns = withoutLiterals(patterns, literalAlternatives);
  const literalTable = literalAlternatives.length ? new LiteralTable(literalAlternatives) : undefined;
  if (patterns.length > 31) throw new Error('lexicon: at most 31 patterns');
  // token → bit mask of the patterns it opens
  const gates = new Map<string, number>();
  let tokenGated = 0;
  patterns.forEach((p, index) => {
    if (!p.tokens) return;
    tokenGated |= 1 << index;
    for (const token of p.tokens) gates.set(token, (gates.get(token) ?? 0) | (1 << index));
  });
  const usesTokens = phrases.size > 0 || tokenGated !== 0;
  // Every phrase word and gate token gets an id; a token's id gives its gate bits and the phrases it starts.
  const table = new WordTable([...gates.keys(), ...[...phrases.values()].flatMap((list) => list.flatMap((p) => p.rest)), ...phrases.keys()]);
  const gateOf = new Int32Array(table.words.length);
  const phrasesOf: Array<Array<{ rest: Int32Array; cue: number }>> = table.words.map(() => []);
  for (const [token, gate] of gates) gateOf[table.idOf(token)] = gate;
  for (const [first, list] of phrases) {
    phrasesOf[table.idOf(first)] = list.map(({ rest, cue }) => ({ rest: Int32Array.from(rest, (word) => table.idOf(word)), cue }));
  }
  /** match() with the token ids given (matchTokens) or read here (tokens undefined). */
  const matchWith = (sentence: string, tokens: Int32Array | undefined, tokenCount: number): number => {
    const text = lexicon.lowerCase ? sentence.toLowerCase() : sentence;
    let found = 0;
    let open = ~tokenGated;
    if (usesTokens) {
      const count = tokens ? tokenCount : table.tokenIds(lexicon.lowerCase ? text : text.toLowerCase());
      const ids = tokens ?? table.tokens;
      for (let i = 0; i < count; i++) {
        const id = ids[i];
        if (id < 0) continue;
        open |= gateOf[id];
        const candidates = phrasesOf[id];
        for (let c = 0; c < candidates.length; c++) {
          const { rest, cue } = candidates[c];
          if (found & (1 << cue)) continue;
          let k = 0;
          while (k < rest.length && i + 1 + k < count && ids[i + 1 + k] === rest[k]) k++;
          if (k === rest.length) found |= 1 << cue;
        }
      }
    }
    if (literalTable) found |= literalTable.scan(text, found);
    for (let index = 0; index < patterns.length; index++) {
      const p = patterns[index];
      if (found & (1 << p.cue) || !(open & (1 << index))) continue;
      if (p.chars && !hasAnyChar(text, p.chars)) continue;
      const matched = p.test ? p.test(text) : p.pattern.test(text);
      if (matched) found |= 1 << p.cue;
    }
    return found;
  };
  return {
    match: (sentence) => matchWith(sentence, undefined, 0),
    matchTokens(sentence, ids, count) {
      if (!lexicon.lowerCase) throw new Error('matchTokens: the lexicon reads tokens of the lower-cased sentence only');
      return matchWith(sentence, ids, count);
    },
    wordId: (token) => table.idOf(token),
  };
}

function hasAnyChar(text: string, chars: string): boolean {
  for (let i = 0; i < chars.length; i++) if (text.includes(chars[i])) return true;
  return false;
}

export function hasCue(found: number, name: CueName): boolean {
  return (found & (1 << CUE_NAMES.indexOf(name))) !== 0;
}
