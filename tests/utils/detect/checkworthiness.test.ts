import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkworthinessThresholds, compileModel, decodeInt8, encodeInt8, scoreCheckworthiness, type LinearModel } from '../../../utils/detect/checkworthiness';
import { DENSE_FEATURES, denseFeatures, hashedFeatures, hashString, PERCENT_WORD } from '../../../utils/detect/checkworthiness-features';

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

describe('denseFeatures: percent', () => {
  const percent = (sentence: string, lang: 'en' | 'ko') => denseFeatures(sentence, lang)[DENSE_FEATURES.indexOf('percent')];
  /** What the feature means: a percent sign or a match of PERCENT_WORD (read by hand in denseFeatures' character loop). */
  const spec = (sentence: string) => (sentence.includes('%') || PERCENT_WORD.test(sentence) ? 1 : 0);

  it('reads %, percent, 퍼센트, 포인트 and a number before 프로', () => {
    for (const [sentence, expected] of [
      ['It rose 5%.', 1], ['Up 5 Percent', 1], ['percentage', 1], ['Perce nt', 0], ['5퍼센트 올랐다', 1], ['3%포인트', 1], ['2포인트', 1],
      ['30프로', 1], ['30 프로', 1], ['30  프로', 0], ['프로그램', 0], ['3프로젝트', 0], ['프로 야구', 0], ['3프로그', 0], ['3\u00a0프로', 1],
    ] as const) {
      expect(percent(sentence, 'ko'), sentence).toBe(expected);
      expect(spec(sentence), sentence).toBe(expected);
    }
  });

  it('agrees with PERCENT_WORD on random strings', () => {
    const pieces = ['p', 'P', 'ercent', 'percent', '퍼', '센트', '프', '로', '그', '젝', '포', '인트', '3', ' ', '\u3000', '%', 'x', '가'];
    let seed = 23;
    const random = () => (seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff) / 0x7fffffff;
    let hits = 0;
    for (let n = 0; n < 20000; n++) {
      let sentence = '';
      const length = Math.floor(random() * 7);
      for (let i = 0; i < length; i++) sentence += pieces[Math.floor(random() * pieces.length)];
      expect(percent(sentence, n % 2 ? 'ko' : 'en'), sentence).toBe(spec(sentence));
      hits += spec(sentence);
    }
    expect(hits).toBeGreaterThan(1000);
  });
});
