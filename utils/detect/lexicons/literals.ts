/**
 * The literal alternatives of the lexicons' regular expressions, found in one
 * pass over the sentence instead of one regular-expression scan per pattern.
 *
 * The matcher only asks whether a pattern matches somewhere (RegExp.test), and
 * /A|B|C/ matches somewhere exactly when one of A, B or C does. An alternative
 * made of plain characters, \s, optional atoms (x?, (?:…)?) and groups of such
 * alternatives ((?:했|됐)다) matches at a position exactly when one of its
 * finite spellings does ("했다", "됐다"; \s stands for any whitespace character),
 * and a lookahead at its end is checked where the spelling ends. Those
 * alternatives go into one table keyed by their first character; the others
 * (classes, \d, \b, lookbehinds, repetition) stay a regular expression.
 */
import { isWhitespaceCode } from '../whitespace';

/** A unit of a spelling that stands for any `\s` character. */
const WHITESPACE = -1;
/** A unit that ends a spelling: the end of the text ($). */
const END = -2;
/** Spellings one alternative may expand to before it is left to the regular expression. */
const MAX_SPELLINGS = 512;
/** Characters a class may list to be read as alternatives ([.\s], [”"」』]); larger ones and ranges stay in the regular expression. */
const MAX_CLASS = 16;

class Unsupported extends Error {}

interface Spelling {
  units: number[];
}

/** The top-level alternatives of a pattern source (splits at | outside groups and classes). */
export function splitAlternatives(source: string): string[] {
  const alternatives: string[] = [];
  let depth = 0;
  let inClass = false;
  let from = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      continue;
    }
    if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) {
      alternatives.push(source.slice(from, i));
      from = i + 1;
    }
  }
  alternatives.push(source.slice(from));
  return alternatives;
}

class Reader {
  at = 0;
  constructor(readonly source: string) {}

  /** Spellings of a disjunction up to `)` or the end. */
  disjunction(): Spelling[] {
    const spellings: Spelling[] = [];
    for (;;) {
      spellings.push(...this.sequence());
      if (spellings.length > MAX_SPELLINGS) throw new Unsupported();
      if (this.source[this.at] !== '|') return spellings;
      this.at++;
    }
  }

  /** Spellings of a sequence of atoms up to |, ) or the end (or a lookahead, which the caller reads). */
  sequence(): Spelling[] {
    let spellings: Spelling[] = [{ units: [] }];
    while (this.at < this.source.length) {
      const c = this.source[this.at];
      if (c === '|' || c === ')') break;
      if (this.source.startsWith('(?=', this.at) || this.source.startsWith('(?!', this.at)) break;
      const atom = this.atom();
      let options = atom;
      const q = this.source[this.at];
      if (q === '?') {
        this.at++;
        if (this.source[this.at] === '?') this.at++; // lazy: the same spellings
        options = [...atom, { units: [] }];
      } else if (q === '*' || q === '+' || q === '{') throw new Unsupported();
      const next: Spelling[] = [];
      for (const head of spellings) for (const tail of options) next.push({ units: [...head.units, ...tail.units] });
      if (next.length > MAX_SPELLINGS) throw new Unsupported();
      spellings = next;
    }
    return spellings;
  }

  private atom(): Spelling[] {
    const c = this.source[this.at];
    if (c === '(') {
      if (!this.source.startsWith('(?:', this.at)) throw new Unsupported(); // lookbehind, named or capturing group
      this.at += 3;
      const inner = this.disjunction();
      if (this.source[this.at] !== ')') throw new Unsupported(); // a lookahead inside the group
      this.at++;
      return inner;
    }
    if (c === '\\') {
      const e = this.source[this.at + 1];
      this.at += 2;
      if (e === 's') return [{ units: [WHITESPACE] }];
      if (e === 'd') return Array.from({ length: 10 }, (_, digit) => ({ units: [48 + digit] }));
      if (e !== undefined && /[^A-Za-z0-9]/.test(e)) return [{ units: [e.charCodeAt(0)] }]; // \. \? \( …
      throw new Unsupported(); // \b \w \S \u…, back-references
    }
    if (c === '[') return this.characterClass();
    if (c === '$') {
      this.at++;
      return [{ units: [END] }];
    }
    if ('.^*+?{}]'.includes(c)) throw new Unsupported();
    this.at++;
    const code = c.charCodeAt(0);
    if (code >= 0xd800 && code <= 0xdfff) throw new Unsupported(); // a surrogate half: leave astral characters to the engine
    return [{ units: [code] }];
  }

  /** A class of a few characters without ranges or negation, as one spelling each. */
  private characterClass(): Spelling[] {
    const close = this.source.indexOf(']', this.at);
    if (close < 0) throw new Unsupported();
    const body = this.source.slice(this.at + 1, close);
    if (body.startsWith('^') || body.includes('-') || body.includes('[')) throw new Unsupported();
    const options: Spelling[] = [];
    for (let i = 0; i < body.length; i++) {
      if (body[i] !== '\\') options.push({ units: [body.charCodeAt(i)] });
      else if (body[++i] === 's') options.push({ units: [WHITESPACE] });
      else if (body[i] !== undefined && /[^A-Za-z0-9]/.test(body[i])) options.push({ units: [body.charCodeAt(i)] });
      else throw new Unsupported(); // \d \w \b … (and an escaped ] would have ended the class early)
    }
    if (!options.length || options.length > MAX_CLASS || options.some((o) => o.units[0] >= 0xd800 && o.units[0] <= 0xdfff)) throw new Unsupported();
    this.at = close + 1;
    return options;
  }
}

/** Without spellings that another one starts (it matches wherever they do) and without repeats. */
function shortest(spellings: number[][]): number[][] {
  const startsWith = (long: number[], short: number[]) => short.length <= long.length && short.every((unit, k) => long[k] === unit);
  return spellings.filter((s, i) => !spellings.some((t, j) => j !== i && startsWith(s, t) && (t.length < s.length || j < i)));
}

export interface LiteralAlternative {
  /** Each spelling: code units, WHITESPACE for any \s character; never empty, never starting with whitespace. */
  spellings: number[][];
  /** A lookahead that ends the alternative, checked where a spelling ends. */
  after?: { pattern: RegExp; negated: boolean };
  /** A sticky lookbehind that must hold where a spelling starts (what the alternative requires before it). */
  before?: RegExp;
}

/** The spellings of one top-level alternative, or undefined when it is more than this file reads. */
export function literalAlternative(source: string): LiteralAlternative | undefined {
  return spelledAlternative(source) ?? afterPrefix(source);
}

/**
 * An alternative whose opening items cannot be spelled (\\d[\\d,.]*\\s?(?:배|%)…, [가-힣]{1,6}(?:부|청)…):
 * P S matches somewhere exactly when, at some place, P ends there (the lookbehind (?<=P) holds) and S
 * matches from there. S is the longest run of closing items that can be spelled; P is checked, as a
 * sticky lookbehind, only where a spelling of S has matched.
 */
function afterPrefix(source: string): LiteralAlternative | undefined {
  for (const cut of itemBoundaries(source)) {
    const rest = spelledAlternative(source.slice(cut));
    if (rest) return { ...rest, before: new RegExp(`(?<=${source.slice(0, cut)})`, 'y') };
  }
  return undefined;
}

/** Where the top-level items (an atom and its quantifier) of an alternative end, but the last; [] when it is not read. */
function itemBoundaries(source: string): number[] {
  const ends: number[] = [];
  let at = 0;
  while (at < source.length) {
    const c = source[at];
    if (c === '(' || c === '[') {
      let depth = 0;
      let inClass = false;
      do {
        const d = source[at];
        if (d === '\\') at++;
        else if (inClass) inClass = d !== ']';
        else if (d === '[') inClass = true;
        else if (d === '(') depth++;
        else if (d === ')') depth--;
        at++;
      } while (at < source.length && (depth > 0 || inClass));
      if (depth !== 0 || inClass) return [];
    } else if (c === '\\') at += source[at + 1] === 'u' ? 6 : source[at + 1] === 'x' ? 4 : 2;
    else if (c === '|' || c === ')') return [];
    else at++;
    const quantifier = /^(?:[?*+]|\{\d+(?:,\d*)?\})\??/.exec(source.slice(at));
    if (quantifier) at += quantifier[0].length;
    if (at < source.length) ends.push(at);
  }
  return ends;
}

function spelledAlternative(source: string): LiteralAlternative | undefined {
  try {
    const reader = new Reader(source);
    const spellings = reader.sequence();
    let after: LiteralAlternative['after'];
    if (reader.at < source.length) {
      // Only a lookahead may stop the sequence here, and it must close the alternative.
      if (!source.startsWith('(?=', reader.at) && !source.startsWith('(?!', reader.at)) return undefined;
      const negated = source[reader.at + 2] === '!';
      reader.at += 3;
      const start = reader.at;
      let depth = 1;
      let inClass = false;
      for (; reader.at < source.length && depth > 0; reader.at++) {
        const c = source[reader.at];
        if (c === '\\') reader.at++;
        else if (inClass) inClass = c !== ']';
        else if (c === '[') inClass = true;
        else if (c === '(') depth++;
        else if (c === ')') depth--;
      }
      if (depth !== 0 || reader.at !== source.length) return undefined;
      after = { pattern: new RegExp(`(?:${source.slice(start, reader.at - 1)})`, 'y'), negated };
    }
    // A spelling must start with a character (the table's key); $ may only end one.
    const units = spellings.map((s) => s.units);
    if (units.some((u) => u.length === 0 || u[0] < 0 || u.indexOf(END) >= 0 && u.indexOf(END) !== u.length - 1)) return undefined;
    if (after && units.some((u) => u[u.length - 1] === END)) return undefined;
    return { spellings: after ? units : shortest(units), after };
  } catch (error) {
    if (error instanceof Unsupported) return undefined;
    throw error;
  }
}

const PAIR_BITS = 1 << 16;

/** A hash of two code units; past the end of the text charCodeAt gives NaN, which hashes as 0. */
function pairBit(first: number, second: number): number {
  return (Math.imul(first, 0x9e3779b1) ^ second) & (PAIR_BITS - 1);
}

/** The `\s` characters (./whitespace). */
const WHITESPACE_CODES: number[] = [];
for (let c = 0; c < 0x10000; c++) if (isWhitespaceCode(c)) WHITESPACE_CODES.push(c);

/** The code units a spelling's second unit stands for: itself, any \s character, or the end of the text (0 in pairBit). */
function secondUnits(unit: number): number[] {
  return unit === WHITESPACE ? WHITESPACE_CODES : unit === END ? [0] : [unit];
}

/**
 * The literal alternatives of several patterns (each with a result bit) as one
 * table: scan() reads a text once and returns the bits of the patterns one of
 * whose literal alternatives occurs in it.
 */
export class LiteralTable {
  /** Code unit page (c >> 8) → offset of its 256 heads, or -1. */
  private readonly pageOf = new Int32Array(256).fill(-1);
  /** Per first code unit: 1 + index of its first entry, or 0. Entries with the same first unit are contiguous. */
  private readonly heads: Int32Array;
  private readonly firsts: Int32Array;
  private readonly bits: Int32Array;
  /** Entry e's units after the first: units[offsets[e]] … units[offsets[e + 1]). */
  private readonly units: Int32Array;
  private readonly offsets: Int32Array;
  private readonly afters: Array<LiteralAlternative['after']>;
  private readonly befores: Array<RegExp | undefined>;
  /**
   * The (first, second) code unit pairs that start an entry, as bits of a hash (see pairBit): most
   * places where an entry's first character occurs are ruled out by the next character. Heads
   * with an entry of a single character are `loose`: their entries are always tried.
   */
  private readonly pairs = new Int32Array(PAIR_BITS >> 5);
  private readonly loose: Uint8Array;
  readonly size: number;

  constructor(alternatives: Array<{ literal: LiteralAlternative; bit: number }>) {
    const entries = alternatives.flatMap(({ literal, bit }) => literal.spellings.map((units) => ({ units, bit, after: literal.after, before: literal.before })));
    entries.sort((a, b) => a.units[0] - b.units[0]);
    this.size = entries.length;
    let pages = 0;
    for (const { units } of entries) if (this.pageOf[units[0] >> 8] < 0) this.pageOf[units[0] >> 8] = pages++ * 256;
    this.heads = new Int32Array(pages * 256);
    this.loose = new Uint8Array(pages * 256);
    this.firsts = Int32Array.from(entries, (e) => e.units[0]);
    this.bits = Int32Array.from(entries, (e) => e.bit);
    this.offsets = new Int32Array(entries.length + 1);
    const units: number[] = [];
    entries.forEach((entry, e) => {
      const head = this.pageOf[entry.units[0] >> 8] + (entry.units[0] & 255);
      if (this.heads[head] === 0) this.heads[head] = e + 1;
      if (entry.units.length === 1) this.loose[head] = 1;
      else for (const second of secondUnits(entry.units[1])) {
        const bit = pairBit(entry.units[0], second);
        this.pairs[bit >> 5] |= 1 << (bit & 31);
      }
      units.push(...entry.units.slice(1));
      this.offsets[e + 1] = units.length;
    });
    this.units = Int32Array.from(units);
    this.afters = entries.map((e) => e.after);
    this.befores = entries.map((e) => e.before);
  }

  /** Bits of the alternatives found in `text`, skipping those in `found` already. */
  scan(text: string, found: number): number {
    const { pageOf, heads, loose, pairs, firsts, bits, units, offsets, size } = this;
    const n = text.length;
    let done = found;
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i);
      const page = pageOf[c >> 8];
      if (page < 0) continue;
      const slot = page + (c & 255);
      const head = heads[slot];
      if (head === 0) continue;
      if (loose[slot] === 0) {
        const bit = pairBit(c, text.charCodeAt(i + 1));
        if ((pairs[bit >> 5] & (1 << (bit & 31))) === 0) continue;
      }
      for (let e = head - 1; e < size && firsts[e] === c; e++) {
        if (done & bits[e]) continue;
        const to = offsets[e + 1];
        let k = offsets[e];
        let at = i + 1;
        for (; k < to; k++, at++) {
          const unit = units[k];
          if (unit === END) {
            if (at !== n) break;
            continue; // the last unit
          }
          const d = text.charCodeAt(at);
          if (unit === WHITESPACE ? !isWhitespaceCode(d) : d !== unit) break;
        }
        if (k < to) continue;
        const before = this.befores[e];
        if (before) {
          before.lastIndex = i;
          if (!before.test(text)) continue;
        }
        const after = this.afters[e];
        if (after) {
          after.pattern.lastIndex = at;
          if (after.pattern.test(text) === after.negated) continue;
        }
        done |= bits[e];
      }
    }
    return done & ~found;
  }
}
