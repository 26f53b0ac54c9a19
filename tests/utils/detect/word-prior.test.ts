import { describe, expect, it } from 'vitest';
import weightsJson from '../../../utils/detect/claimbuster-weights.json';
import { compileModel, scoreCheckworthiness, type CheckworthinessWeights } from '../../../utils/detect/checkworthiness';
import { hashedFeatures, type HashOptions } from '../../../utils/detect/checkworthiness-features';
import { HashedScorer, type HashedMember } from '../../../utils/detect/checkworthiness-hashed';
import { wordPriorHome, wordPriorSlot, wordPriorSlots } from '../../../utils/detect/word-prior';
import { claimBusterAvailable, loadClaimBuster } from '../../../scripts/claimbuster-data';

/** A table filled the way the training script fills one: linear probing, first come first placed, shadowed words left out. */
function table(words: string[], bits: number): { fingerprints: Uint8Array; placed: Map<string, number> } {
  const fingerprints = new Uint8Array(1 << bits);
  const placed = new Map<string, number>();
  for (const word of words) {
    const home = wordPriorHome(word, bits);
    let slot = home.slot;
    while (fingerprints[slot] !== 0 && fingerprints[slot] !== home.fingerprint) slot = (slot + 1) & ((1 << bits) - 1);
    if (fingerprints[slot] !== 0) continue;
    fingerprints[slot] = home.fingerprint;
    placed.set(word, slot);
  }
  return { fingerprints, placed };
}

function randomBytes(length: number, seed: number): Int8Array {
  const out = new Int8Array(length);
  for (let i = 0; i < length; i++) out[i] = ((seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff) % 255) - 127;
  return out;
}

const word = (n: number) => n.toString(26).replace(/\d/g, (d) => 'qrstuvwxyz'[Number(d)]);

/** The reference: the member's weights over hashedFeatures plus its prior over wordPriorSlots (the training script's sum). */
function referenceSum(sentence: string, member: HashedMember): number {
  let sum = 0;
  for (const index of hashedFeatures(sentence, member.options)) sum += member.weights[index] * member.scale;
  if (member.prior) for (const slot of wordPriorSlots(sentence, member.prior.fingerprints)) sum += member.prior.weights[slot] * member.prior.scale;
  return sum;
}

function expectSameAsReference(members: HashedMember[], sentences: string[]): void {
  const scorer = new HashedScorer(members);
  for (const sentence of sentences) {
    scorer.score(sentence);
    members.forEach((member, m) => {
      expect(Math.abs(scorer.sums[m] - referenceSum(sentence, member)), `${JSON.stringify(sentence)} (member ${m})`).toBeLessThan(1e-9);
      // The prior adds weight, not features: the count stays hashedFeatures'.
      expect(scorer.counts[m]).toBe(hashedFeatures(sentence, member.options).length);
    });
  }
}

describe('wordPriorSlot', () => {
  it('finds every placed word at its slot and mostly nothing for other words', () => {
    const words = Array.from({ length: 3000 }, (_, n) => word(n + 50));
    const { fingerprints, placed } = table(words, 12);
    expect(placed.size).toBeGreaterThan(2900);
    for (const [w, slot] of placed) expect(wordPriorSlot(w, fingerprints)).toBe(slot);
    const strangers = Array.from({ length: 3000 }, (_, n) => word(n + 1_000_000));
    const found = strangers.filter((w) => wordPriorSlot(w, fingerprints) >= 0).length;
    expect(found).toBeLessThan(strangers.length * 0.1);
    expect(wordPriorSlot('anything', new Uint8Array(16))).toBe(-1);
  });
});

describe('HashedScorer with a word prior', () => {
  const vocabulary = ['the', 'tax', 'taxes', 'rose', 'percent', 'million', 'jobs', "don't", 'unemployment', 'internationalization', ...Array.from({ length: 500 }, (_, n) => word(n))];
  const { fingerprints } = table(vocabulary, 10);
  const options: HashOptions = { bits: 12, words: true, stems: true, suffixes: true };
  const plain = { options, weights: randomBytes(1 << 12, 3), scale: 0.01 };
  const chars = { options: { bits: 12, words: false, chars: true }, weights: randomBytes(1 << 12, 4), scale: 0.01 };
  const withPrior: HashedMember = { ...plain, prior: { fingerprints, weights: randomBytes(1 << 10, 5), scale: 0.02 } };
  const sentences = [
    'Taxes rose 5 percent, the tax on jobs rose too.',
    "We don't know; the the THE unemployment rate.",
    'Internationalization of 1,000 jobs in 1990 cost $4 million.',
    ...Array.from({ length: 2000 }, (_, n) => `${word(n % 700)} the ${word((n * 7) % 900)} tax ${n} ${word(n % 300)}.`),
  ];

  it('adds each distinct token’s prior once, as the reference does (twice through: the second pass reads the cache)', () => {
    expectSameAsReference([withPrior, chars], [...sentences, ...sentences]);
  });

  it('leaves the sums of the members without a prior as they were', () => {
    const before = new HashedScorer([plain, chars]);
    const after = new HashedScorer([withPrior, chars]);
    let differs = 0;
    for (const sentence of sentences) {
      before.score(sentence);
      after.score(sentence);
      expect(after.sums[1]).toBe(before.sums[1]);
      if (after.sums[0] !== before.sums[0]) differs++;
    }
    expect(differs).toBeGreaterThan(sentences.length / 2);
  });

  it('stays right when its cache starts over', () => {
    const many = Array.from({ length: 20_000 }, (_, n) => `${word(n)} and the ${word(n * 7 + 3)}.`);
    expectSameAsReference([withPrior], many);
  }, 60_000);
});

describe('the shipped English model', () => {
  const weights = weightsJson as unknown as CheckworthinessWeights;
  const members = weights.english.members.filter((member) => member.bits > 0).map(compileModel);

  it('has a word prior on each hashed member, which the scorer sums as the reference does', () => {
    expect(members.length).toBeGreaterThan(0);
    for (const member of members) {
      const fingerprints = member.prior!.fingerprints;
      expect(fingerprints.filter((f) => f !== 0).length).toBeGreaterThan(fingerprints.length / 2);
      expect(wordPriorSlot('unemployment', fingerprints)).toBeGreaterThanOrEqual(0);
    }
    const sentences = [
      'Unemployment rose to 8 percent last year, the highest since 1983.',
      'I think we should all come together as a nation.',
      'Governor Romney said the deficit tripled under Obamacare.',
    ];
    if (claimBusterAvailable()) sentences.push(...loadClaimBuster().train.filter((_, i) => i % 9 === 0).map((row) => row.text));
    expectSameAsReference(
      members.map((m) => ({ options: m.options, weights: m.hashed, scale: m.scale, prior: m.prior })),
      sentences,
    );
  }, 30_000);

  it('moves the word member’s sums: a table that finds nothing would leave them as the hashed block alone gives', () => {
    const member = members.find((m) => m.prior)!;
    const withPrior = new HashedScorer([{ options: member.options, weights: member.hashed, scale: member.scale, prior: member.prior }]);
    const without = new HashedScorer([{ options: member.options, weights: member.hashed, scale: member.scale }]);
    const sentences = ['Unemployment rose to 8 percent last year.', 'I think we should all come together.', 'Medicare spending doubled under the plan.'];
    for (const sentence of sentences) {
      withPrior.score(sentence);
      without.score(sentence);
      expect(withPrior.sums[0], sentence).not.toBe(without.sums[0]);
    }
    expect(scoreCheckworthiness('Unemployment rose to 8 percent last year.', 'en').score).toBeGreaterThan(0);
  });
});
