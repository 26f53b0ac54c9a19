/**
 * The hashed English features of checkworthiness-features.ts, summed against a
 * model's weights without re-hashing every word of every sentence.
 *
 * A token's own features (word, stem, suffix, character n-grams) depend only on
 * the token, so each distinct token is hashed once and its bucket indexes kept
 * in a bounded cache; a sentence then costs a scan of its characters (lower-cased
 * and tokenised in place, no strings), one table lookup per token, the word-pair
 * hash (FNV continued from the previous token's cached state) and the
 * deduplication of the cached indexes. The features, their order and so the sums
 * are exactly those of hashedFeatures (the training script's reference); tests
 * compare the two.
 */
import { isWhitespaceCode } from './whitespace';
import { englishTokens, pairPrefix, SENTENCE_END, SENTENCE_START, tokenHashes, type HashOptions } from './checkworthiness-features';
import { wordPriorSlot } from './word-prior';
import { isDigit, isLowerLatin } from './digits';

export interface HashedMember {
  options: HashOptions;
  /**
   * One weight per bucket (2^bits): weights[i] × scale. Signed bytes, as the weights file
   * stores them: 16 KB per member instead of 128 KB of doubles, so the table stays in cache
   * between sentences (and the products equal those of a Float64Array of weights × scale).
   */
  weights: Int8Array;
  scale: number;
  /** A per-word prior (see word-prior.ts): each distinct token found adds weights[slot] × scale to the sum, not to the count. */
  prior?: { fingerprints: Uint8Array; weights: Int8Array; scale: number };
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** Tokens kept before the cache starts over: a few news articles' vocabulary, ~1 MB with the indexes. */
const CACHE_TOKENS = 1 << 14;
/** Word tokens up to this long are keyed by their letters packed into two integers (5 bits each); longer ones also by string. */
const PACKED_LENGTH = 12;
const NUMBER_CLASSES = ['<num>', '<year>', '<pct>', '<money>'] as const;
const NUM = 0;
const YEAR = 1;
const PCT = 2;
const MONEY = 3;

/** Where a word token's keys start probing `slots`. */
function slotOf(keyA: number, keyB: number, length: number): number {
  let h = Math.imul(keyA ^ Math.imul(keyB, 0x9e3779b1) ^ length, 0x85ebca6b);
  h ^= h >>> 15;
  return h >>> 0;
}

// packedKeys' results (module variables: no object per call).
let packedA = 0;
let packedB = 0;

/**
 * The keys of the word token text[start, end) (lower-cased, ’ as '): its first 6 letters
 * packed 5 bits each (a-z = 1-26, ' = 27) and the next 6 the same way, which spell the
 * token exactly up to PACKED_LENGTH letters; longer tokens' second key is the FNV-1a of
 * all their letters, and the cache compares their strings.
 */
function packedKeys(text: string, start: number, end: number): void {
  packedA = 0;
  packedB = 0;
  for (let k = start; k < end && k < start + 6; k++) packedA = packedA * 32 + letterCode(lowered(text.charCodeAt(k)));
  if (end - start <= PACKED_LENGTH) {
    for (let k = start + 6; k < end; k++) packedB = packedB * 32 + letterCode(lowered(text.charCodeAt(k)));
  } else {
    let hash = FNV_OFFSET;
    for (let k = start; k < end; k++) hash = Math.imul(hash ^ lowered(text.charCodeAt(k)), FNV_PRIME);
    packedB = hash;
  }
}

function letterCode(c: number): number {
  return c === 39 ? 27 : c - 96;
}

/** The lower-cased sentence's character, with ’ read as ' (englishTokens' normalisation). ASCII only changes. */
function lowered(c: number): number {
  return c >= 65 && c <= 90 ? c + 32 : c === 0x2019 ? 39 : c;
}

/** Characters outside ASCII whose toLowerCase() holds an ASCII letter (İ → i̇, Kelvin sign → k); tests check there are no others. */
export const LOWERS_TO_ASCII = [0x130, 0x212a];

/** [a-z0-9_] of the lower-cased text: what \b in TOKEN reads. */
function isWordChar(c: number): boolean {
  return isLowerLatin(c) || isDigit(c) || c === 95;
}

/** "percent\b" at text[at] (lower-cased). */
function percentAt(text: string, at: number, end: number): boolean {
  if (at + 7 > end) return false;
  for (let k = 0; k < 7; k++) if (lowered(text.charCodeAt(at + k)) !== 'percent'.charCodeAt(k)) return false;
  return at + 7 === end || !isWordChar(lowered(text.charCodeAt(at + 7)));
}

export class HashedScorer {
  private readonly members: HashedMember[];
  private readonly masks: Int32Array;
  private readonly words: boolean[];
  /** Per member and bucket: the stamp of the last sentence that counted it (bytes: small enough to stay in cache). */
  private readonly stamps: Uint8Array[];
  private stamp = 0;

  // The token cache: open addressing over `slots` (id + 1, 0 = empty), at most half full.
  // Ids 0-3 are the number classes; they and the literals are not in `slots`.
  private capacity = CACHE_TOKENS;
  private slots = new Int32Array(CACHE_TOKENS * 2);
  private tokens: string[] = [];
  private readonly literals = new Map<string, number>();
  /** Per token id: its key (see packedKeys), and pairPrefix(token), the FNV state the next word pair continues from. */
  private keysA = new Int32Array(CACHE_TOKENS);
  private keysB = new Int32Array(CACHE_TOKENS);
  private prefixes = new Int32Array(CACHE_TOKENS);
  /** Per token id: the stamp of the last sentence it occurred in (a repeated token adds nothing but its word pair). */
  private seen = new Uint8Array(CACHE_TOKENS);
  /** Per member: the distinct bucket indexes of token id i are pool[starts[i]] … pool[starts[i + 1]). */
  private starts: Int32Array[];
  private pools: Array<Uint16Array | Int32Array>;
  /** Per member with a prior: each token id's prior weight (0 when the table lacks it), looked up once per cached token. */
  private priors: Array<Float64Array | undefined>;
  /** Bucket indexes fit in 16 bits for tables up to 2^16 (the weights file's are 2^14): half the pool bytes to keep in cache. */
  private readonly Pool: typeof Uint16Array | typeof Int32Array;
  private readonly hashScratch: number[] = [];

  /**
   * Per token id: its id in the lexicon of tagWith (-1: not a lexicon word, or not a word). The
   * lexicon's word tokens are this tokeniser's except next to digits and in a number's "percent",
   * so a sentence's tokens can serve both (see lexiconTokens).
   */
  private tags = new Int32Array(CACHE_TOKENS);
  private tagger?: (token: string) => number;
  /** False when the last sentence's tokens are not the lexicon's: a digit touches a letter or an apostrophe, or a number took a "percent". */
  private lexiconSafe = true;
  /** Tokens of the last scored sentence. */
  private scoredCount = 0;
  /** The lexicon ids of the last scored sentence's tokens (lexiconTokens). */
  readonly lexiconIds = { ids: new Int32Array(128), count: 0 };

  /** Token ids of the last sentence, and whether each occurred before in it. */
  private ids = new Int32Array(128);
  private repeats = new Uint8Array(128);
  /** Sum of each member's weights over the last sentence's distinct buckets, and how many buckets. */
  readonly sums: Float64Array;
  readonly counts: Int32Array;

  constructor(members: HashedMember[]) {
    this.members = members;
    this.masks = Int32Array.from(members, (m) => (1 << m.options.bits) - 1);
    this.words = members.map((m) => m.options.words !== false);
    this.stamps = members.map((m) => new Uint8Array(1 << m.options.bits));
    this.starts = members.map(() => new Int32Array(CACHE_TOKENS + 1));
    this.Pool = members.every((m) => m.options.bits <= 16) ? Uint16Array : Int32Array;
    this.pools = members.map(() => new this.Pool(CACHE_TOKENS * 16));
    this.priors = members.map((m) => (m.prior ? new Float64Array(CACHE_TOKENS) : undefined));
    this.sums = new Float64Array(members.length);
    this.counts = new Int32Array(members.length);
    this.clear();
  }

  private resize(capacity: number): void {
    const copy = <T extends Int32Array | Uint8Array | Float64Array>(old: T, size: number): T => {
      const grown = new (old.constructor as new (n: number) => T)(size);
      grown.set(old.subarray(0, Math.min(old.length, size)));
      return grown;
    };
    this.capacity = capacity;
    this.keysA = copy(this.keysA, capacity);
    this.keysB = copy(this.keysB, capacity);
    this.prefixes = copy(this.prefixes, capacity);
    this.seen = copy(this.seen, capacity);
    this.tags = copy(this.tags, capacity);
    this.starts = this.starts.map((starts) => copy(starts, capacity + 1));
    this.priors = this.priors.map((prior) => prior && copy(prior, capacity));
    this.slots = new Int32Array(capacity * 2);
    for (let id = 0; id < this.tokens.length; id++) if (/^[a-z']+$/.test(this.tokens[id])) this.insert(id);
  }

  private clear(): void {
    if (this.capacity !== CACHE_TOKENS) {
      this.tokens = [];
      this.resize(CACHE_TOKENS);
      this.pools = this.pools.map(() => new this.Pool(CACHE_TOKENS * 16));
    }
    this.slots.fill(0);
    this.seen.fill(0);
    this.tokens = [];
    this.literals.clear();
    for (const token of NUMBER_CLASSES) this.add(token, 0, 0, false);
  }

  private insert(id: number): void {
    const mask = this.slots.length - 1;
    let slot = slotOf(this.keysA[id], this.keysB[id], this.tokens[id].length) & mask;
    while (this.slots[slot] !== 0) slot = (slot + 1) & mask;
    this.slots[slot] = id + 1;
  }

  /** Caches `token` (not yet cached; keys from packedKeys) and returns its id. */
  private add(token: string, keyA: number, keyB: number, keyed = true): number {
    const id = this.tokens.length;
    if (id === this.capacity) this.resize(this.capacity * 2); // one sentence with more new words than the cache holds
    this.tokens.push(token);
    this.keysA[id] = keyA;
    this.keysB[id] = keyB;
    this.seen[id] = 0;
    this.tags[id] = keyed && this.tagger ? this.tagger(token) : -1;
    this.prefixes[id] = pairPrefix(token);
    for (let m = 0; m < this.members.length; m++) {
      const hashes = tokenHashes(token, this.members[m].options, this.hashScratch);
      const start = this.starts[m][id];
      let pool = this.pools[m];
      if (start + hashes.length > pool.length) {
        pool = new this.Pool(Math.max(pool.length * 2, start + hashes.length));
        pool.set(this.pools[m]);
        this.pools[m] = pool;
      }
      // Only the token's distinct buckets: a repeat within the token would be dropped by score() anyway.
      let end = start;
      for (let k = 0; k < hashes.length; k++) {
        const index = (hashes[k] >>> 0) & this.masks[m];
        let j = start;
        while (j < end && pool[j] !== index) j++;
        if (j === end) pool[end++] = index;
      }
      this.starts[m][id + 1] = end;
      const prior = this.members[m].prior;
      if (prior) {
        const slot = wordPriorSlot(token, prior.fingerprints);
        this.priors[m]![id] = slot >= 0 ? prior.weights[slot] * prior.scale : 0;
      }
    }
    if (keyed) this.insert(id);
    return id;
  }

  /** Id of a word token of the given length and keys; text[start, end) spells it (lower-cased) when it is longer than PACKED_LENGTH. */
  private wordId(length: number, keyA: number, keyB: number, text: string, start: number): number {
    const mask = this.slots.length - 1;
    for (let slot = slotOf(keyA, keyB, length) & mask; this.slots[slot] !== 0; slot = (slot + 1) & mask) {
      const id = this.slots[slot] - 1;
      if (this.keysA[id] !== keyA || this.keysB[id] !== keyB) continue;
      const token = this.tokens[id];
      if (token.length !== length) continue;
      if (length <= PACKED_LENGTH) return id;
      let k = 0;
      while (k < length && lowered(text.charCodeAt(start + k)) === token.charCodeAt(k)) k++;
      if (k === length) return id;
    }
    return this.add(text.slice(start, start + length).toLowerCase().replace(/’/g, "'"), keyA, keyB);
  }

  /** Id of a token that is not a word of [a-z'] (€12, £1.5 percent): rare, looked up by string. */
  private literalId(token: string): number {
    const cached = this.literals.get(token);
    if (cached !== undefined) return cached;
    const id = this.add(token, 0, 0, false);
    this.literals.set(token, id);
    return id;
  }

  /** Id of a token given as a string (the fallback tokeniser's). */
  private idOf(token: string): number {
    const number = NUMBER_CLASSES.indexOf(token as (typeof NUMBER_CLASSES)[number]);
    if (number >= 0) return number;
    if (!/^[a-z']+$/.test(token)) return this.literalId(token);
    packedKeys(token, 0, token.length);
    return this.wordId(token.length, packedA, packedB, token, 0);
  }

  private pushId(count: number, id: number): number {
    if (count === this.ids.length) {
      const grown = new Int32Array(count * 2);
      grown.set(this.ids);
      this.ids = grown;
    }
    this.ids[count] = id;
    return count + 1;
  }

  /**
   * Token ids of `sentence`: the tokens of englishTokens (TOKEN on the lower-cased
   * sentence, numbers folded into their classes), read from the characters in place.
   */
  private tokenize(sentence: string): number {
    const end = sentence.length;
    this.lexiconSafe = true;
    let count = 0;
    let i = 0;
    while (i < end) {
      const c = lowered(sentence.charCodeAt(i));
      if (isLowerLatin(c)) {
        // [a-z]+(?:'[a-z]+)?, keyed as packedKeys does
        const start = i;
        let keyA = 0;
        let keyB = 0;
        let l = c;
        do {
          const length = i - start;
          if (length < 6) keyA = keyA * 32 + (l - 96);
          else if (length < PACKED_LENGTH) keyB = keyB * 32 + (l - 96);
          l = ++i < end ? lowered(sentence.charCodeAt(i)) : 0;
        } while (isLowerLatin(l));
        if (l === 39 && i + 1 < end && isLowerLatin(lowered(sentence.charCodeAt(i + 1)))) {
          do {
            const length = i - start;
            const code = l === 39 ? 27 : l - 96;
            if (length < 6) keyA = keyA * 32 + code;
            else if (length < PACKED_LENGTH) keyB = keyB * 32 + code;
            l = ++i < end ? lowered(sentence.charCodeAt(i)) : 0;
          } while (isLowerLatin(l));
        }
        if (i - start > PACKED_LENGTH) {
          packedKeys(sentence, start, i);
          keyB = packedB;
        }
        if (i < end && isDigit(sentence.charCodeAt(i))) this.lexiconSafe = false; // the lexicon's token goes on ("covid19")
        count = this.pushId(count, this.wordId(i - start, keyA, keyB, sentence, start));
        continue;
      }
      const currency = c === 36 || c === 0x20ac || c === 0xa3; // $ € £
      if (isDigit(c) || (currency && i + 1 < end && isDigit(sentence.charCodeAt(i + 1)))) {
        // englishTokens folds tokens whose first character sorts below 'a': digits and $, not € and £.
        // [$€£]?\d[\d,.]*(?:\s?(?:%|percent\b))?
        const start = i;
        i += currency ? 2 : 1;
        let digitsOnly = !currency;
        for (let d; i < end && (isDigit((d = sentence.charCodeAt(i))) || d === 44 || d === 46); i++) if (!isDigit(d)) digitsOnly = false;
        const numberEnd = i;
        let at = i < end && isWhitespaceCode(sentence.charCodeAt(i)) ? i + 1 : i;
        let percent = false;
        if (at < end && sentence.charCodeAt(at) === 37) {
          percent = true;
          at++;
        } else if (percentAt(sentence, at, end)) {
          percent = true;
          at += 7;
          this.lexiconSafe = false; // the lexicon reads "percent" as a word
        }
        if (percent) i = at;
        if (i < end) {
          // The lexicon's token goes on into letters or an apostrophe ("5am", "90's").
          const next = lowered(sentence.charCodeAt(i));
          if (isLowerLatin(next) || next === 39) this.lexiconSafe = false;
        }
        if (c >= 97) {
          count = this.pushId(count, this.literalId(sentence.slice(start, i).toLowerCase()));
          continue;
        }
        let kind = NUM;
        if (percent) kind = PCT;
        else if (currency) kind = MONEY;
        else if (digitsOnly && numberEnd - start === 4 && isYear(sentence, start)) kind = YEAR;
        count = this.pushId(count, kind);
        continue;
      }
      // Every character outside tokens passes here: one that lower-cases into ASCII letters changes the tokens.
      if (c === LOWERS_TO_ASCII[0] || c === LOWERS_TO_ASCII[1]) return this.tokenizeSlowly(sentence);
      i++;
    }
    return count;
  }

  /** Sentences holding a character that lower-cases into ASCII go through englishTokens itself. */
  private tokenizeSlowly(sentence: string): number {
    this.lexiconSafe = false;
    let count = 0;
    for (const token of englishTokens(sentence)) count = this.pushId(count, this.idOf(token));
    return count;
  }

  /** Tags every token with its id in a lexicon (CompiledLexicon.wordId), for lexiconTokens. */
  tagWith(tagger: (token: string) => number): void {
    this.tagger = tagger;
    for (let id = 0; id < this.tokens.length; id++) this.tags[id] = /^[a-z']+$/.test(this.tokens[id]) ? tagger(this.tokens[id]) : -1;
  }

  /**
   * Writes the tagWith lexicon's ids of the last scored sentence's tokens into lexiconIds when
   * they are what CompiledLexicon.matchTokens needs, and says whether it did (if not, the lexicon
   * reads the sentence itself). Numbers and other tokens that are not lexicon words give -1; the
   * lexicon's runs of such tokens may differ in length ("1,234" is two of its tokens), which
   * matchTokens allows.
   */
  lexiconTokens(): boolean {
    if (!this.lexiconSafe || !this.tagger) return false;
    const count = this.scoredCount;
    let out = this.lexiconIds.ids;
    if (out.length < count) out = this.lexiconIds.ids = new Int32Array(this.ids.length);
    for (let t = 0; t < count; t++) out[t] = this.tags[this.ids[t]];
    this.lexiconIds.count = count;
    return true;
  }

  /**
   * Sums each member's weights over the distinct hashed features of `sentence`
   * into `this.sums` (and their number into `this.counts`), adding them in the
   * order hashedFeatures lists them.
   */
  score(sentence: string): void {
    // Start over between sentences, never within one (the ids of its first tokens would go stale).
    if (this.tokens.length >= CACHE_TOKENS) this.clear();
    const count = this.tokenize(sentence);
    this.scoredCount = count;
    const ids = this.ids;
    if (++this.stamp === 0x100) {
      for (const stamps of this.stamps) stamps.fill(0);
      this.seen.fill(0);
      this.stamp = 1;
    }
    const stamp = this.stamp;
    const seen = this.seen;
    if (this.repeats.length < count) this.repeats = new Uint8Array(this.ids.length);
    const repeats = this.repeats;
    for (let t = 0; t < count; t++) {
      repeats[t] = seen[ids[t]] === stamp ? 1 : 0;
      seen[ids[t]] = stamp;
    }
    for (let m = 0; m < this.members.length; m++) {
      const stamps = this.stamps[m];
      const weights = this.members[m].weights;
      const scale = this.members[m].scale;
      const mask = this.masks[m];
      const pool = this.pools[m];
      const starts = this.starts[m];
      const words = this.words[m];
      const prior = this.priors[m];
      let sum = 0;
      let distinct = 0;
      let prefix = START_PREFIX;
      for (let t = 0; t < count; t++) {
        const id = ids[t];
        let k = starts[id];
        const repeated = repeats[t] === 1;
        const stop = repeated ? k : starts[id + 1];
        if (prior !== undefined && !repeated) sum += prior[id];
        if (words) {
          if (!repeated) {
            const index = pool[k++];
            if (stamps[index] !== stamp) {
              stamps[index] = stamp;
              sum += weights[index] * scale;
              distinct++;
            }
          }
          const index = (continueHash(prefix, this.tokens[id]) >>> 0) & mask;
          if (stamps[index] !== stamp) {
            stamps[index] = stamp;
            sum += weights[index] * scale;
            distinct++;
          }
          prefix = this.prefixes[id];
        }
        for (; k < stop; k++) {
          const index = pool[k];
          if (stamps[index] !== stamp) {
            stamps[index] = stamp;
            sum += weights[index] * scale;
            distinct++;
          }
        }
      }
      if (words) {
        const index = (continueHash(prefix, SENTENCE_END) >>> 0) & mask;
        if (stamps[index] !== stamp) {
          stamps[index] = stamp;
          sum += weights[index] * scale;
          distinct++;
        }
      }
      this.sums[m] = sum;
      this.counts[m] = distinct;
    }
  }
}

const START_PREFIX = pairPrefix(SENTENCE_START);

/** FNV-1a continued over `value` (pairHash of checkworthiness-features). */
function continueHash(hash: number, value: string): number {
  for (let i = 0; i < value.length; i++) hash = Math.imul(hash ^ value.charCodeAt(i), FNV_PRIME);
  return hash;
}

/** text[start, start + 4) is a year of TOKEN's numbers: (?:1[89]|20)\d\d (all four are digits already). */
function isYear(text: string, start: number): boolean {
  const a = text.charCodeAt(start);
  const b = text.charCodeAt(start + 1);
  return (a === 49 && (b === 56 || b === 57)) || (a === 50 && b === 48);
}
