/**
 * Claims: every sentence of the article with its kinds and check-worthiness.
 * Paragraphs are the "\n"-separated lines of the text; each gets its own
 * language, so a Korean page quoting an English paragraph is read correctly.
 */
import type { Claim, Figure } from './types';
import { detectLanguage, type DetectedLanguage } from './language';
import { splitSentences } from './sentences';
import { DENSE_FEATURES, denseFeaturesInto, lexicon } from './checkworthiness-features';
import { englishHashedScorer, scoreFromFeatures } from './checkworthiness';
import type { HashedScorer } from './checkworthiness-hashed';
import { claimKindsFromFeatures, lexiconLanguage } from './claim-kinds';
import { hasNonWhitespace } from './whitespace';

export interface Paragraph {
  start: number;
  end: number;
  lang: DetectedLanguage;
}

export function splitParagraphs(text: string): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    let s = start;
    let e = end;
    if (e > s && text[e - 1] === '\r') e--;
    if (hasNonWhitespace(text, s, e)) paragraphs.push({ start: s, end: e, lang: detectLanguage(text, s, e) });
    start = end + 1;
  }
  return paragraphs;
}

/** The language of most of the text's letters, weighing each paragraph by its length. */
export function dominantLanguage(paragraphs: Paragraph[]): DetectedLanguage {
  const weight: Record<DetectedLanguage, number> = { ko: 0, en: 0, other: 0 };
  for (const p of paragraphs) weight[p.lang] += p.end - p.start;
  if (!paragraphs.length) return 'other';
  return (Object.keys(weight) as DetectedLanguage[]).reduce((a, b) => (weight[b] > weight[a] ? b : a));
}

/** detectClaims' dense features of the sentence at hand (a typed array is slow to create; the function is synchronous). */
const sentenceFeatures = new Float64Array(DENSE_FEATURES.length);

let taggedScorer: HashedScorer | undefined | null = null;
/** The English hashed scorer, its tokens tagged with the English lexicon's words so that both read a sentence once. */
function englishScorer(): HashedScorer | undefined {
  if (taggedScorer === null) {
    taggedScorer = englishHashedScorer();
    const english = lexicon('en');
    taggedScorer?.tagWith((token) => english.wordId(token));
  }
  return taggedScorer;
}

/**
 * `figures` must be sorted by start (the figure detector returns them in
 * reading order); a sentence holding one is a `statistic`.
 */
export function detectClaims(text: string, figures: Figure[], paragraphs = splitParagraphs(text)): Claim[] {
  const claims: Claim[] = [];
  const features = sentenceFeatures; // each sentence's, overwritten by the next
  let figureIndex = 0;
  for (const paragraph of paragraphs) {
    const featureLang = lexiconLanguage(paragraph.lang);
    for (const { start, end } of splitSentences(text, paragraph.lang, paragraph.start, paragraph.end)) {
      while (figureIndex < figures.length && figures[figureIndex].end <= start) figureIndex++;
      const hasFigure = figureIndex < figures.length && figures[figureIndex].start < end;
      const sentence = text.slice(start, end);
      // English: the hashed scorer reads the words first, and the lexicon reuses its tokens when it can.
      const scorer = paragraph.lang === 'en' ? englishScorer() : undefined;
      if (scorer) {
        scorer.score(sentence);
        const english = lexicon('en');
        const cues = scorer.lexiconTokens() ? english.matchTokens(sentence, scorer.lexiconIds.ids, scorer.lexiconIds.count) : english.match(sentence);
        denseFeaturesInto(sentence, 'en', features, cues);
      } else denseFeaturesInto(sentence, featureLang ?? 'en', features);
      const { score, checkworthy } = scoreFromFeatures(sentence, features, paragraph.lang, { hasFigure, hashedScored: scorer !== undefined });
      claims.push({ start, end, text: sentence, score, checkworthy, kinds: claimKindsFromFeatures(featureLang && features, hasFigure) });
    }
  }
  return claims;
}
