/** Shape shared by the per-language cue lexicons (one sentence is tested at a time). */
export interface LanguageLexicon {
  /** Claim kinds other than `statistic`, which comes from the figure detector. */
  comparison: RegExp[];
  superlative: RegExp[];
  quote: RegExp[];
  prediction: RegExp[];
  causal: RegExp[];
  /** Check-worthiness cues. */
  opinion: RegExp[]; // first person, normative, evaluative: lowers check-worthiness
  hedge: RegExp[];
  time: RegExp[];
  numberWord: RegExp[]; // quantities written in words, statistical vocabulary
  money: RegExp[];
  institution: RegExp[]; // named-entity proxy: governments, companies, countries
  pastFact: RegExp[]; // completed, reportable events
  question: RegExp[];
}

export type CueName = keyof LanguageLexicon;

export function matchesAny(patterns: RegExp[], sentence: string): boolean {
  for (const pattern of patterns) if (pattern.test(sentence)) return true;
  return false;
}
