/**
 * Check-worthiness: how much a sentence is worth verifying, from 0 to 1.
 *
 * How the scorers decide
 * ----------------------
 * English: a logistic regression trained on ClaimBuster (U.S. presidential
 * debates before 2012; scripts/train-claimbuster.ts). Its inputs are hashed
 * words and word pairs (numbers folded into <num>, <year>, <pct>, <money>)
 * plus the dense cues of checkworthiness-features.ts: a number, a percentage,
 * money or time words, quantities in words, comparison, superlative, reported
 * speech, prediction, cause, a named-entity proxy, completed-event verbs,
 * sentence length; first-person opinion, hedges and questions push the score
 * down. The threshold is the one that maximised F1 in cross-validation within
 * the train split.
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
import { DENSE_FEATURES, denseFeatures, hashedSum, type FeatureLanguage, type HashOptions } from './checkworthiness-features';

export interface LinearModel {
  bits: number; // hashed block size = 2^bits (0: dense only)
  suffixes: boolean;
  stems: boolean;
  normalize: boolean; // hashed features count 1/√n each instead of 1
  scale: number; // hashed weights are integers times scale
  hashed: number[];
  dense: Record<string, number>;
  bias: number;
  threshold: number;
  cv?: { l2: number; f1: number };
}

export interface CheckworthinessWeights {
  source: string;
  trainedBy: string;
  features: string[];
  english: LinearModel;
  dense: LinearModel;
}

export interface CheckworthinessScore {
  score: number;
  checkworthy: boolean;
}

export interface ScoreOptions {
  /** The sentence holds a figure found by the figure detector (covers numbers written in words). */
  hasFigure?: boolean;
}

const weights = weightsJson as unknown as CheckworthinessWeights;

interface CompiledModel {
  options: HashOptions;
  normalize: boolean;
  hashed: Float64Array;
  dense: Float64Array;
  bias: number;
  threshold: number;
}

function compile(model: LinearModel): CompiledModel {
  if (model.hashed.length !== (model.bits ? 1 << model.bits : 0)) throw new Error('checkworthiness weights: hashed block has the wrong size');
  return {
    options: { bits: model.bits, suffixes: model.suffixes, stems: model.stems },
    normalize: model.normalize,
    hashed: Float64Array.from(model.hashed, (q) => q * model.scale),
    dense: Float64Array.from(DENSE_FEATURES, (name) => {
      const w = model.dense[name];
      if (typeof w !== 'number') throw new Error(`checkworthiness weights: no weight for ${name}`);
      return w;
    }),
    bias: model.bias,
    threshold: model.threshold,
  };
}

let compiled: { english: CompiledModel; dense: CompiledModel } | undefined;
function models() {
  return (compiled ??= { english: compile(weights.english), dense: compile(weights.dense) });
}

function sigmoid(z: number): number {
  return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
}

const DIGIT_INDEX = DENSE_FEATURES.indexOf('digit');
const NUMBER_COUNT_INDEX = DENSE_FEATURES.indexOf('numberCount');

function linear(model: CompiledModel, features: Float64Array, sentence: string): number {
  let z = model.bias;
  for (let k = 0; k < features.length; k++) z += model.dense[k] * features[k];
  if (model.options.bits) {
    const { sum, count } = hashedSum(sentence, model.options, model.hashed);
    z += model.normalize && count ? sum / Math.sqrt(count) : sum;
  }
  return z;
}

/**
 * Scores one sentence from its dense features (see checkworthiness-features.ts;
 * computed with the Korean lexicons for Korean, the English ones otherwise).
 * `lang` picks the model: 'en' → the lexical English model, anything else → the dense model.
 */
export function scoreFromFeatures(sentence: string, features: Float64Array, lang: string, options: ScoreOptions = {}): CheckworthinessScore {
  if (options.hasFigure && features[DIGIT_INDEX] === 0) {
    features = Float64Array.from(features);
    features[DIGIT_INDEX] = 1;
    features[NUMBER_COUNT_INDEX] = Math.log1p(1);
  }
  const model = lang === 'en' ? models().english : models().dense;
  const score = sigmoid(linear(model, features, sentence));
  return { score: Math.round(score * 1000) / 1000, checkworthy: score >= model.threshold };
}

/** Scores one sentence. `lang` is the paragraph's language ('ko', 'en' or anything else). */
export function scoreCheckworthiness(sentence: string, lang: string, options: ScoreOptions = {}): CheckworthinessScore {
  const featureLang: FeatureLanguage = lang === 'ko' ? 'ko' : 'en';
  return scoreFromFeatures(sentence, denseFeatures(sentence, featureLang), lang, options);
}

/** Decision thresholds, for tests and the benchmark. */
export function checkworthinessThresholds(): { english: number; dense: number } {
  return { english: weights.english.threshold, dense: weights.dense.threshold };
}
