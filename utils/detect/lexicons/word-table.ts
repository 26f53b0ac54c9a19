/**
 * The lexicon's words as a hash table read straight from the sentence: each
 * word token of a lower-cased sentence (the tokens of `wordTokens`) becomes the
 * id of the lexicon word it equals, or -1, without slicing a string per token.
 */
import { isLowerLatin } from '../digits';

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

function isWordCode(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
}

/** Tokens store ’ as ' (wordTokens replaces it before matching). */
function normalized(c: number): number {
  return c === 0x2019 ? 39 : c;
}

function hashOf(word: string): number {
  let hash = FNV_OFFSET;
  for (let i = 0; i < word.length; i++) hash = Math.imul(hash ^ word.charCodeAt(i), FNV_PRIME);
  return hash >>> 0;
}

export class WordTable {
  readonly words: string[];
  private readonly ids = new Map<string, number>();
  private slots = new Int32Array(0);
  private mask = 0;
  /** Ids of the last sentence's tokens (valid up to the count tokenIds returned). */
  tokens = new Int32Array(64);

  constructor(words: Iterable<string>) {
    this.words = [];
    for (const word of words) {
      if (this.ids.has(word)) continue;
      this.ids.set(word, this.words.length);
      this.words.push(word);
    }
    let size = 16;
    while (size < this.words.length * 4) size *= 2;
    this.slots = new Int32Array(size);
    this.mask = size - 1;
    this.words.forEach((word, id) => {
      let slot = hashOf(word) & this.mask;
      while (this.slots[slot] !== 0) slot = (slot + 1) & this.mask;
      this.slots[slot] = id + 1;
    });
  }

  idOf(word: string): number {
    return this.ids.get(word) ?? -1;
  }

  private lookup(text: string, start: number, end: number, hash: number): number {
    const length = end - start;
    for (let slot = (hash >>> 0) & this.mask; this.slots[slot] !== 0; slot = (slot + 1) & this.mask) {
      const id = this.slots[slot] - 1;
      const word = this.words[id];
      if (word.length !== length) continue;
      let k = 0;
      while (k < length && normalized(text.charCodeAt(start + k)) === word.charCodeAt(k)) k++;
      if (k === length) return id;
    }
    return -1;
  }

  /**
   * Writes the id of each word token of `lower` ([a-z0-9]+(?:['’][a-z]+)?) into
   * `this.tokens` and returns how many tokens there are.
   */
  tokenIds(lower: string): number {
    const n = lower.length;
    let count = 0;
    let i = 0;
    while (i < n) {
      let c = lower.charCodeAt(i);
      if (!isWordCode(c)) {
        i++;
        continue;
      }
      const start = i;
      let hash = FNV_OFFSET;
      while (i < n && isWordCode((c = lower.charCodeAt(i)))) {
        hash = Math.imul(hash ^ c, FNV_PRIME);
        i++;
      }
      if ((c === 39 || c === 0x2019) && i < n && i + 1 < n && isLowerLatin(lower.charCodeAt(i + 1))) {
        hash = Math.imul(hash ^ 39, FNV_PRIME);
        i++;
        while (i < n && isLowerLatin((c = lower.charCodeAt(i)))) {
          hash = Math.imul(hash ^ c, FNV_PRIME);
          i++;
        }
      }
      if (count === this.tokens.length) {
        const grown = new Int32Array(count * 2);
        grown.set(this.tokens);
        this.tokens = grown;
      }
      this.tokens[count++] = this.lookup(lower, start, i, hash);
    }
    return count;
  }
}
