import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkworthinessThresholds, compileModel, decodeInt8, encodeInt8, scoreCheckworthiness, type LinearModel } from '../../../utils/detect/checkworthiness';
import { DENSE_FEATURES, denseFeatures, hashedFeatures, hashString } from '../../../utils/detect/checkworthiness-features';

const WEIGHTS = join(import.meta.dirname, '../../../utils/detect/claimbuster-weights.json');

describe('claimbuster-weights.json', () => {
  const weights = JSON.parse(readFileSync(WEIGHTS, 'utf8'));

  it('stays under 100 KB', () => {
    expect(statSync(WEIGHTS).size).toBeLessThan(100 * 1024);
  });

  it('holds both models with every dense feature and a threshold from cross-validation', () => {
    for (const model of [weights.english, weights.dense]) {
      expect(model.threshold).toBeGreaterThan(0.05);
      expect(model.threshold).toBeLessThan(0.95);
      expect(model.cv.f1).toBeGreaterThan(0.5);
      for (const member of model.members) expect(Object.keys(member.dense).sort()).toEqual([...DENSE_FEATURES].sort());
    }
    // English: a word model and a character model, each a full hashed block of signed bytes.
    expect(weights.english.members.map((m: LinearModel) => [m.words, m.chars])).toEqual([[true, false], [false, true]]);
    for (const member of weights.english.members) {
      const block = decodeInt8(member.hashed);
      expect(block).toHaveLength(1 << member.bits);
      expect(block.some((q) => q !== 0)).toBe(true);
    }
    expect(weights.dense.members.map((m: LinearModel) => m.bits)).toEqual([0]);
  });

  it('every member compiles (the block sizes match the hash sizes)', () => {
    for (const member of [...weights.english.members, ...weights.dense.members]) expect(() => compileModel(member)).not.toThrow();
    expect(() => compileModel({ ...weights.english.members[0], bits: weights.english.members[0].bits + 1 })).toThrow(/wrong size/);
  });
});

describe('encodeInt8 / decodeInt8', () => {
  it('round-trip signed bytes through base64', () => {
    const values = [0, 1, -1, 127, -127, -128, 42, -42];
    expect(Array.from(decodeInt8(encodeInt8(values)))).toEqual(values);
  });
});

describe('scoreCheckworthiness: English', () => {
  it('scores a factual, checkable statement above an opinion or pleasantry', () => {
    const claim = scoreCheckworthiness('We have lost 2.5 million manufacturing jobs since 2001, and the deficit has tripled.', 'en');
    const opinion = scoreCheckworthiness('I think that is a wonderful idea, and I thank you for the question.', 'en');
    expect(claim.score).toBeGreaterThan(opinion.score);
    expect(claim.checkworthy).toBe(true);
    expect(opinion.checkworthy).toBe(false);
  });

  it('returns a probability and applies the English threshold', () => {
    const { english } = checkworthinessThresholds();
    for (const sentence of ['Thank you.', 'Unemployment rose to 8.1 percent last year.', 'Well, let me say this.']) {
      const { score, checkworthy } = scoreCheckworthiness(sentence, 'en');
      expect(score).toBeGreaterThanOrEqual(0);
      expect(score).toBeLessThanOrEqual(1);
      expect(checkworthy).toBe(score >= english - 0.0005);
    }
  });
});

describe('denseFeatures: money', () => {
  const money = (sentence: string) => denseFeatures(sentence, 'en')[DENSE_FEATURES.indexOf('money')];
  it('reads any currency sign before a number, not only the dollar', () => {
    for (const sentence of ['It cost $5 million.', 'The deal values it at £4.5bn.', 'The project costs €200m.', 'It fell past ¥150.', 'A ticket is ₩1,300.']) {
      expect(money(sentence), sentence).toBe(1);
    }
    expect(money('The committee met at 5 pm.')).toBe(0);
  });
});

describe('scoreCheckworthiness: Korean', () => {
  it('scores a reported figure above an opinion and a question', () => {
    const claim = scoreCheckworthiness('지난해 반도체 수출은 전년 대비 12% 증가한 1천억달러를 기록했다고 산업부가 밝혔다.', 'ko');
    const opinion = scoreCheckworthiness('저는 그렇게 생각합니다.', 'ko');
    const question = scoreCheckworthiness('과연 GPT보다 나을까요?', 'ko');
    expect(claim.score).toBeGreaterThan(opinion.score);
    expect(claim.score).toBeGreaterThan(question.score);
    expect(claim.checkworthy).toBe(true);
    expect(opinion.checkworthy).toBe(false);
  });

  it('counts a figure written in words when the figure detector found one', () => {
    const sentence = '참가자는 오십 이 명으로 집계됐다.';
    expect(scoreCheckworthiness(sentence, 'ko', { hasFigure: true }).score).toBeGreaterThan(scoreCheckworthiness(sentence, 'ko').score);
  });
});

describe('features', () => {
  it('read Korean cues through the Korean lexicon', () => {
    const f = denseFeatures('정부는 내년 예산이 올해보다 5% 늘어날 것이라고 밝혔다.', 'ko');
    const on = (name: (typeof DENSE_FEATURES)[number]) => f[DENSE_FEATURES.indexOf(name)];
    expect(on('digit')).toBe(1);
    expect(on('percent')).toBe(1);
    expect(on('comparison')).toBe(1);
    expect(on('quote')).toBe(1);
    expect(on('prediction')).toBe(1);
    expect(on('opinion')).toBe(0);
  });

  it('hash words into the block deterministically', () => {
    const a = hashedFeatures('Taxes rose 5 percent in 1990.', { bits: 14, suffixes: true, stems: true });
    const b = hashedFeatures('Taxes rose 5 percent in 1990.', { bits: 14, suffixes: true, stems: true });
    expect(a).toEqual(b);
    expect(a.every((i) => i >= 0 && i < 1 << 14)).toBe(true);
    // Numbers fold into classes: a different amount gives the same features.
    expect(hashedFeatures('Taxes rose 7 percent in 1990.', { bits: 14 }).sort()).toEqual(hashedFeatures('Taxes rose 5 percent in 1990.', { bits: 14 }).sort());
  });

  it('hash character 3-5-grams of the padded tokens, alone when words are off', () => {
    const grams = (word: string) => {
      const padded = ` ${word} `;
      const out: string[] = [];
      for (const n of [3, 4, 5]) for (let i = 0; i + n <= padded.length; i++) out.push(`c:${padded.slice(i, i + n)}`);
      return out;
    };
    const expected = [...new Set([...grams('taxes'), ...grams('rose')].map((g) => hashString(g) & ((1 << 20) - 1)))].sort((a, b) => a - b);
    expect(hashedFeatures('Taxes rose', { bits: 20, words: false, chars: true }).sort((a, b) => a - b)).toEqual(expected);
    // With words on, the word features come on top of the same character n-grams.
    const both = hashedFeatures('Taxes rose', { bits: 20, chars: true });
    expect(both.length).toBeGreaterThan(expected.length);
    expect(expected.every((i) => both.includes(i))).toBe(true);
  });
});
