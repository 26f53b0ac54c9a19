import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import weightsJson from '../../../utils/detect/claimbuster-weights.json';
import { compileModel, type CheckworthinessWeights } from '../../../utils/detect/checkworthiness';
import { hashedFeatures, lexicon, type HashOptions } from '../../../utils/detect/checkworthiness-features';
import { HashedScorer, LOWERS_TO_ASCII } from '../../../utils/detect/checkworthiness-hashed';
import { claimBusterAvailable, loadClaimBuster } from '../../../scripts/claimbuster-data';
import { lcgRandom, randomJoins } from '../../seeded-random';

const FIXTURES = join(import.meta.dirname, '../../fixtures');

/** The reference the scorer must equal: `weights` summed over hashedFeatures, the training script's features. */
function hashedSum(sentence: string, options: HashOptions, weights: Float64Array): { sum: number; count: number } {
  const indexes = hashedFeatures(sentence, options);
  let sum = 0;
  for (let i = 0; i < indexes.length; i++) sum += weights[indexes[i]];
  return { sum, count: indexes.length };
}

function fixtureText(file: string): string {
  const html = readFileSync(join(FIXTURES, file), 'utf8');
  return html.replace(/<(script|style)[\s\S]*?<\/\1>/g, ' ').replace(/<[^>]+>/g, '\n');
}

/** Rough sentences of the fixtures (news in English and Korean, the no-false-alarm lists) and ClaimBuster when present. */
function realSentences(): string[] {
  const texts = [
    fixtureText('news-en-datacenter.html'),
    fixtureText('news-ko-grok3.html'),
    readFileSync(join(FIXTURES, 'checks-no-false-alarms-en.txt'), 'utf8'),
    readFileSync(join(FIXTURES, 'checks-no-false-alarms-ko.txt'), 'utf8'),
  ];
  const sentences = texts.flatMap((text) => text.split(/(?<=[.!?])\s+|\n/)).filter((s) => s.trim());
  if (claimBusterAvailable()) {
    const { train, test } = loadClaimBuster();
    sentences.push(...[...train, ...test].filter((_, i) => i % 7 === 0).map((row) => row.text));
  }
  return sentences;
}

/** Random sentences from pieces that stress TOKEN: case, ’, numbers and their classes, \s before %, İ and K, Hangul, long words. */
function randomSentences(count: number, seed: number): string[] {
  const pieces = [
    'Tax', 'TAXES', 'rose', "don't", 'don’t', "rock'n'roll", "'", '’', ' ', ' ', '\u00a0', '\t', '5', '1990', '2024', '1850', '12,345.6', '3.',
    '$', '$4', '€20', '£1.5', '€', '£', '%', 'percent', 'Percent', 'PERCENTAGE', 'percent_', 'percents', '.', ',', '-', 'İ', 'K', 'Kelvin',
    'internationalization', 'counterrevolutionaries', 'abcdefghijklm', 'abcdefghijkl', '정부는', '5%', '늘었다', 'é', 'naïve',
    '<num>', 'the', 'the', 'of', 'a', '_', 'x1y2', '(', '"', '“', '”',
  ];
  return randomJoins(pieces, count, 14, lcgRandom(seed));
}

/** Random signed-byte weights, as the weights file stores them. */
function randomWeights(bits: number, seed: number): Int8Array {
  const weights = new Int8Array(1 << bits);
  for (let i = 0; i < weights.length; i++) weights[i] = ((seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff) % 255) - 127;
  return weights;
}

function expectSameAsReference(members: Array<{ options: HashOptions; weights: Int8Array; scale: number }>, sentences: string[]): void {
  const scorer = new HashedScorer(members);
  // The reference reads one double per bucket, as the scorer did before it kept the bytes.
  const doubles = members.map(({ weights, scale }) => Float64Array.from(weights, (q) => q * scale));
  for (const sentence of sentences) {
    scorer.score(sentence);
    members.forEach(({ options }, m) => {
      const reference = hashedSum(sentence, options, doubles[m]);
      expect(Math.abs(scorer.sums[m] - reference.sum), `${JSON.stringify(sentence)} (member ${m})`).toBeLessThan(1e-9);
      expect(scorer.counts[m], JSON.stringify(sentence)).toBe(reference.count);
    });
  }
}

describe('HashedScorer', () => {
  const weights = weightsJson as unknown as CheckworthinessWeights;
  const shipped = weights.english.members.filter((member) => member.bits > 0).map(compileModel);

  it('sums the shipped English members exactly as hashedFeatures does, on news, Korean and mixed text', () => {
    expect(shipped.length).toBeGreaterThan(0);
    const sentences = realSentences();
    expect(sentences.length).toBeGreaterThan(300);
    // Twice: the second pass reads every token from the cache.
    expectSameAsReference(shipped.map((m) => ({ options: m.options, weights: m.hashed, scale: m.scale })), [...sentences, ...sentences]);
  }, 30_000);

  it('agrees with the reference on random strings, for every feature family and with many bucket collisions', () => {
    const sentences = randomSentences(3000, 17);
    expectSameAsReference(
      [
        { options: { bits: 14, words: true, stems: true, suffixes: true }, weights: randomWeights(14, 1), scale: 0.01 },
        { options: { bits: 14, words: false, chars: true }, weights: randomWeights(14, 2), scale: 0.01 },
        { options: { bits: 5, words: true, stems: true, suffixes: true, chars: true }, weights: randomWeights(5, 3), scale: 0.01 },
        { options: { bits: 9, chars: true }, weights: randomWeights(9, 4), scale: 0.01 },
      ],
      sentences,
    );
  }, 30_000);

  it('keeps bucket indexes above 16 bits whole when a member has more than 2^16 buckets', () => {
    expectSameAsReference(
      [
        { options: { bits: 18, words: true, stems: true, suffixes: true }, weights: randomWeights(18, 7), scale: 0.01 },
        { options: { bits: 14, words: false, chars: true }, weights: randomWeights(14, 8), scale: 0.01 },
      ],
      randomSentences(1000, 19),
    );
  }, 30_000);

  it('stays right when its cache starts over, and for a sentence with more new words than the cache holds', () => {
    const members = [
      { options: { bits: 12, words: true, stems: true }, weights: randomWeights(12, 5), scale: 0.01 },
      { options: { bits: 12, words: false, chars: true }, weights: randomWeights(12, 6), scale: 0.01 },
    ];
    const word = (n: number) => n.toString(26).replace(/\d/g, (d) => 'qrstuvwxyz'[Number(d)]);
    const many = Array.from({ length: 12_000 }, (_, n) => `${word(n)} and ${word(n * 7 + 3)}.`);
    const huge = Array.from({ length: 20_000 }, (_, n) => word(n + 100_000)).join(' ');
    expectSameAsReference(members, [...many.slice(0, 6_000), huge, ...many.slice(6_000), 'Taxes rose 5 percent.']);
  }, 60_000);
});

describe('LOWERS_TO_ASCII', () => {
  it('lists every non-ASCII character whose lower case holds ASCII, € £ ’ or white space (what TOKEN reads)', () => {
    const found: number[] = [];
    for (let c = 0x80; c <= 0x10ffff; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      const char = String.fromCodePoint(c);
      const lower = char.toLowerCase();
      if (lower === char) continue;
      if ([...lower].some((l) => l.charCodeAt(0) < 0x80 || '€£’'.includes(l) || /\s/.test(l))) found.push(c);
    }
    expect(found).toEqual(LOWERS_TO_ASCII);
  }, 30_000);
});

describe('HashedScorer.lexiconTokens', () => {
  /** Lexicon words next to digits, apostrophes and "percent" (where the two tokenisers part), between plain text. */
  function tokenBoundarySentences(count: number, seed: number): string[] {
    const pieces = [
      'will', 'Will', 'said', 'than', 'more', 'rose', 'by', 'u', 's', 'U.S.', 'according', 'to', 'compared', 'with', 'record', 'the', 'most',
      'percent', 'Percent', 'percentage', 'one', 'tax', "'", '’', "'s", '’s', "won't", 'won’t', ' ', ' ', ' ', '\u00a0', '5', '1990', '12,345.6', '3.',
      '$', '€20', '%', '.', ',', '-', 'İ', 'K', '정부는', 'x', '"', '“', '?',
    ];
    return randomJoins(pieces, count, 12, lcgRandom(seed));
  }

  it('gives the English lexicon the cues it finds reading the sentence itself, whenever it offers the tokens', () => {
    const english = lexicon('en');
    const members = (weightsJson as unknown as CheckworthinessWeights).english.members.filter((member) => member.bits > 0).map(compileModel);
    const scorer = new HashedScorer(members.map((m) => ({ options: m.options, weights: m.hashed, scale: m.scale })));
    const sentences = [...realSentences(), ...tokenBoundarySentences(20_000, 23)];
    // Half the sentences are read before the tagger is set: tagWith must tag the tokens already cached.
    sentences.slice(0, sentences.length / 2).forEach((sentence) => scorer.score(sentence));
    scorer.tagWith((token) => english.wordId(token));
    let offered = 0;
    let cues = 0;
    for (const sentence of sentences) {
      scorer.score(sentence);
      if (!scorer.lexiconTokens()) continue;
      offered++;
      const expected = english.match(sentence);
      cues += expected !== 0 ? 1 : 0;
      const { ids, count } = scorer.lexiconIds;
      if (english.matchTokens(sentence, ids, count) !== expected) expect(english.matchTokens(sentence, ids, count), JSON.stringify(sentence)).toBe(expected);
    }
    expect(offered).toBeGreaterThan(sentences.length / 3);
    expect(cues).toBeGreaterThan(5000);
  }, 60_000);
});
