/**
 * The characters a regular expression's match can start with, read from its
 * source: the lexicon matcher skips a pattern whose first characters do not
 * occur in the sentence, and starts the others at the first place one does
 * (lastIndex), instead of letting the engine try every position of every
 * sentence. Over-approximates (lookarounds count as nothing, optional atoms let
 * the next one count too). Where any character may start a match (., negated
 * classes, \S, \W, \D), or the source holds what this does not read (flags,
 * back-references, named groups), or the pattern can match nothing, the answer
 * is undefined: the pattern then always runs.
 */

/** Inclusive UTF-16 code unit ranges. */
export type CharRanges = Array<[number, number]>;

const WHITESPACE: CharRanges = [
  [0x09, 0x0d], [0x20, 0x20], [0xa0, 0xa0], [0x1680, 0x1680], [0x2000, 0x200a], [0x2028, 0x2029], [0x202f, 0x202f],
  [0x205f, 0x205f], [0x3000, 0x3000], [0xfeff, 0xfeff],
];
const DIGITS: CharRanges = [[0x30, 0x39]];
const WORD: CharRanges = [[0x30, 0x39], [0x41, 0x5a], [0x5f, 0x5f], [0x61, 0x7a]];
/** ., [^…], \S, \W, \D: any code unit (over-approximated). */
const ANY: CharRanges = [[0, 0xffff]];

class Unreadable extends Error {}

/** What a piece of pattern can start with, and whether it can match the empty string. */
interface First {
  ranges: CharRanges;
  nullable: boolean;
}

class Reader {
  private at = 0;
  constructor(private readonly source: string) {}

  read(): First {
    const first = this.disjunction();
    if (this.at !== this.source.length) throw new Unreadable();
    return first;
  }

  private peek(): string {
    return this.source[this.at];
  }

  private disjunction(): First {
    const ranges: CharRanges = [];
    let nullable = false;
    for (;;) {
      const alternative = this.alternative();
      ranges.push(...alternative.ranges);
      nullable ||= alternative.nullable;
      if (this.peek() !== '|') return { ranges, nullable };
      this.at++;
    }
  }

  private alternative(): First {
    const ranges: CharRanges = [];
    let nullable = true; // so far, every term could match nothing
    while (this.at < this.source.length && this.peek() !== '|' && this.peek() !== ')') {
      const term = this.term();
      if (nullable) ranges.push(...term.ranges);
      nullable &&= term.nullable;
    }
    return { ranges, nullable };
  }

  private term(): First {
    const c = this.peek();
    if (c === '^' || c === '$') {
      this.at++;
      return { ranges: [], nullable: true };
    }
    if (c === '\\' && (this.source[this.at + 1] === 'b' || this.source[this.at + 1] === 'B')) {
      this.at += 2;
      return { ranges: [], nullable: true };
    }
    if (this.source.startsWith('(?=', this.at) || this.source.startsWith('(?!', this.at) || this.source.startsWith('(?<=', this.at) || this.source.startsWith('(?<!', this.at)) {
      this.at += this.source[this.at + 2] === '<' ? 4 : 3;
      this.disjunction();
      this.expect(')');
      return { ranges: [], nullable: true };
    }
    const atom = this.atom();
    const min = this.quantifier();
    return { ranges: atom.ranges, nullable: atom.nullable || min === 0 };
  }

  /** Reads a quantifier if there is one and returns its minimum (1 without one). */
  private quantifier(): number {
    const c = this.peek();
    let min = 1;
    if (c === '*' || c === '?') {
      this.at++;
      min = 0;
    } else if (c === '+') this.at++;
    else if (c === '{') {
      const match = /^\{(\d+)(,\d*)?\}/.exec(this.source.slice(this.at));
      if (!match) throw new Unreadable();
      this.at += match[0].length;
      min = Number(match[1]);
    } else return 1;
    if (this.peek() === '?') this.at++; // lazy
    return min;
  }

  private expect(c: string): void {
    if (this.peek() !== c) throw new Unreadable();
    this.at++;
  }

  private atom(): First {
    const c = this.peek();
    if (c === '(') {
      if (this.source.startsWith('(?:', this.at)) this.at += 3;
      else if (this.source[this.at + 1] === '?') throw new Unreadable(); // named groups and the like
      else this.at++;
      const inner = this.disjunction();
      this.expect(')');
      return inner;
    }
    if (c === '[') return { ranges: this.characterClass(), nullable: false };
    if (c === '\\') return { ranges: this.escape(), nullable: false };
    if (c === '.') {
      this.at++;
      return { ranges: ANY, nullable: false };
    }
    if (c === '*' || c === '+' || c === '?' || c === '{' || c === ')' || c === '|' || c === undefined) throw new Unreadable();
    this.at++;
    const code = c.charCodeAt(0);
    return { ranges: [[code, code]], nullable: false };
  }

  /** An escape outside a class (after the backslash is at this.at). */
  private escape(): CharRanges {
    this.at++; // backslash
    const c = this.source[this.at++];
    switch (c) {
      case 'd':
        return DIGITS;
      case 's':
        return WHITESPACE;
      case 'w':
        return WORD;
      case 'D':
      case 'S':
      case 'W':
        return ANY;
      default:
        return [this.singleEscape(c)].map((code): [number, number] => [code, code]);
    }
  }

  /** The character of an escape that stands for one character (c is the letter after the backslash). */
  private singleEscape(c: string | undefined): number {
    if (c === undefined) throw new Unreadable();
    if (c === 'u' || c === 'x') {
      const digits = c === 'u' ? 4 : 2;
      const hex = this.source.slice(this.at, this.at + digits);
      if (!new RegExp(`^[0-9a-fA-F]{${digits}}$`).test(hex)) throw new Unreadable();
      this.at += digits;
      return parseInt(hex, 16);
    }
    const controls: Record<string, number> = { n: 0x0a, t: 0x09, r: 0x0d, v: 0x0b, f: 0x0c };
    if (c in controls) return controls[c];
    if (/[a-zA-Z0-9]/.test(c)) throw new Unreadable(); // \D \S \W \c, back-references, \0…
    return c.charCodeAt(0);
  }

  private characterClass(): CharRanges {
    this.at++; // [
    const negated = this.peek() === '^';
    if (negated) this.at++;
    const ranges: CharRanges = [];
    while (this.peek() !== ']') {
      if (this.at >= this.source.length) throw new Unreadable();
      const low = this.classAtom();
      if (typeof low !== 'number') {
        ranges.push(...low);
        continue;
      }
      if (this.peek() === '-' && this.source[this.at + 1] !== ']') {
        this.at++;
        const high = this.classAtom();
        if (typeof high !== 'number' || high < low) throw new Unreadable();
        ranges.push([low, high]);
      } else ranges.push([low, low]);
    }
    this.at++; // ]
    return negated ? ANY : ranges;
  }

  /** One character of a class, or the ranges of a class escape (\d \s \w). */
  private classAtom(): number | CharRanges {
    const c = this.source[this.at++];
    if (c !== '\\') return c.charCodeAt(0);
    const e = this.source[this.at++];
    if (e === 'd') return DIGITS;
    if (e === 's') return WHITESPACE;
    if (e === 'w') return WORD;
    if (e === 'D' || e === 'S' || e === 'W') return ANY;
    if (e === 'b') return 0x08;
    return this.singleEscape(e);
  }
}

/** The code units a match of `pattern` can start with, or undefined when that is not known (see above). */
export function firstChars(pattern: RegExp): CharRanges | undefined {
  if (pattern.flags.replace(/[gyd]/g, '')) return undefined; // i, m, s, u, v change what characters match
  try {
    const { ranges, nullable } = new Reader(pattern.source).read();
    return nullable || ranges.some(([low, high]) => high - low >= 0x8000) ? undefined : ranges;
  } catch (error) {
    if (error instanceof Unreadable) return undefined;
    throw error;
  }
}

/**
 * Up to 31 patterns' first characters as one table (pages of 256 code units, only
 * those in use): scan() reads a text once and tells which patterns can match in it
 * and where the first place they can start is.
 */
export class FirstCharGate {
  private readonly pageOf = new Int32Array(256).fill(-1);
  private readonly masks: Uint32Array;
  /** Patterns whose first characters are not known: always open, from 0. */
  private readonly always: number;
  /** After scan(): per pattern, the first index where it can start (valid for the bits scan returned). */
  readonly starts: Int32Array;

  constructor(sets: Array<CharRanges | undefined>) {
    if (sets.length > 31) throw new Error('FirstCharGate: at most 31 patterns');
    this.starts = new Int32Array(sets.length);
    let always = 0;
    let pages = 0;
    sets.forEach((ranges, index) => {
      if (!ranges) always |= 1 << index;
      else for (const [low, high] of ranges) for (let page = low >> 8; page <= high >> 8; page++) if (this.pageOf[page] < 0) this.pageOf[page] = pages++ * 256;
    });
    this.always = always;
    this.masks = new Uint32Array(pages * 256);
    sets.forEach((ranges, index) => {
      for (const [low, high] of ranges ?? []) for (let c = low; c <= high; c++) this.masks[this.pageOf[c >> 8] + (c & 255)] |= 1 << index;
    });
  }

  /** Bits of the patterns that may match in `text`; their first possible starts go to `starts`. */
  scan(text: string): number {
    let open = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      const page = this.pageOf[c >> 8];
      if (page < 0) continue;
      let fresh = this.masks[page + (c & 255)] & ~open;
      if (fresh === 0) continue;
      open |= fresh;
      while (fresh !== 0) {
        const bit = 31 - Math.clz32(fresh);
        this.starts[bit] = i;
        fresh &= ~(1 << bit);
      }
    }
    for (let bits = this.always; bits !== 0; bits &= bits - 1) this.starts[31 - Math.clz32(bits & -bits)] = 0;
    return open | this.always;
  }
}
