import { describe, expect, it } from 'vitest';
import { findEnglishNumbers, matchScaleAt, parseEnglishWordNumberAt } from '../../../utils/detect/english-numbers';

describe('parseEnglishWordNumberAt', () => {
  it.each([
    ['three', 3],
    ['twenty-two', 22],
    ['one hundred and five', 105],
    ['five million', 5e6],
    ['a dozen', 12],
    ['a million', 1e6],
    ['two thousand three hundred', 2300],
  ])('%s = %d', (text, expected) => {
    expect(parseEnglishWordNumberAt(text, 0)?.value).toBe(expected);
  });

  it('`a` alone is not a number', () => {
    expect(parseEnglishWordNumberAt('a car', 0)).toBeNull();
  });

  it('does not start inside a word (`someone`)', () => {
    expect(parseEnglishWordNumberAt('someone', 4)).toBeNull();
  });
});

describe('matchScaleAt', () => {
  it('reads scale words and abbreviations', () => {
    expect(matchScaleAt('5 million', 1, false)?.pow).toBe(6);
    expect(matchScaleAt('1.2bn', 3, false)?.pow).toBe(9);
    expect(matchScaleAt('70B', 2, false)?.pow).toBe(9);
  });

  it('`m` and `k` are millions and thousands only after a currency', () => {
    expect(matchScaleAt('5m', 1, false)).toBeNull();
    expect(matchScaleAt('5m', 1, true)?.pow).toBe(6);
    expect(matchScaleAt('50k', 2, true)?.pow).toBe(3);
  });

  it('needs the word to end (`5 millionaires` is not 5e6)', () => {
    expect(matchScaleAt('5 millionaires', 1, false)).toBeNull();
  });
});

describe('findEnglishNumbers', () => {
  it('finds digits with scales and number words', () => {
    const text = 'It cost 1.8 billion and took twenty-two days, 100,000 chips.';
    expect(findEnglishNumbers(text).map((n) => n.value)).toEqual([1.8e9, 22, 100000]);
  });
});
