/**
 * Claim kinds of a sentence. `statistic` means the sentence holds a figure
 * (from the figure detector); the other kinds come from the per-language cue
 * lexicons in ./lexicons, through the same dense features the check-worthiness
 * scorer reads, so a sentence is matched once.
 */
import type { ClaimKind } from './types';
import { DENSE_FEATURES, denseFeatures, type FeatureLanguage } from './checkworthiness-features';

const KIND_FEATURES = ['comparison', 'superlative', 'quote', 'prediction', 'causal'] as const;
const KIND_INDEX = KIND_FEATURES.map((kind) => DENSE_FEATURES.indexOf(kind));

/** Languages whose lexicons we have; other scripts get `statistic` only. */
export function lexiconLanguage(lang: string): FeatureLanguage | undefined {
  return lang === 'ko' || lang === 'en' ? lang : undefined;
}

export function claimKindsFromFeatures(features: Float64Array | undefined, hasFigure: boolean): ClaimKind[] {
  const kinds: ClaimKind[] = hasFigure ? ['statistic'] : [];
  // A plain loop: a callback would be a new closure per sentence.
  if (features) for (let k = 0; k < KIND_FEATURES.length; k++) if (features[KIND_INDEX[k]]) kinds.push(KIND_FEATURES[k]);
  return kinds;
}

export function claimKinds(sentence: string, lang: string, hasFigure = false): ClaimKind[] {
  const featureLang = lexiconLanguage(lang);
  return claimKindsFromFeatures(featureLang && denseFeatures(sentence, featureLang), hasFigure);
}
