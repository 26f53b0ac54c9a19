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

describe('findEnglishNumbers: fractions, decimals, ratios, signs', () => {
  const values = (text: string) => findEnglishNumbers(text).map((n) => [text.slice(n.start, n.end), n.value]);

  it.each([
    ['two thirds', 2 / 3],
    ['one-third', 1 / 3],
    ['a quarter', 0.25],
    ['three quarters', 0.75],
    ['one and a half', 1.5],
    ['five and a quarter', 5.25],
    ['twenty-three fifths', 4.6],
    ['two hundred and fifty-four hundredths', 200.54],
    ['half a million', 5e5],
    ['two thirds of a million', 2e6 / 3],
    ['five and a half million', 5.5e6],
    ['one million and a half', 1.5e6],
    ['one billion and three quarters million', 1.00075e9],
    ['three point five', 3.5],
    ['two hundred point zero three', 200.03],
    ['nought point eleven', 0.11],
    ['a twentieth', 0.05],
    ['one twenty-fifth', 0.04],
  ])('%s', (text, value) => {
    const found = findEnglishNumbers(text);
    expect(found).toHaveLength(1);
    expect(text.slice(found[0]!.start, found[0]!.end)).toBe(text);
    expect(found[0]!.value).toBeCloseTo(value, 6);
  });

  it('digit fractions, vulgar fractions, exponents and loose scales', () => {
    expect(values('3/4')).toEqual([['3/4', 0.75]]);
    expect(values('2 1/4')).toEqual([['2 1/4', 2.25]]);
    expect(values('-4/5')).toEqual([['-4/5', -0.8]]);
    expect(values('the result is ¾')).toEqual([['¾', 0.75]]);
    expect(values('1.3e6')).toEqual([['1.3e6', 1.3e6]]);
    expect(values('6.23x10^-4')).toEqual([['6.23x10^-4', 0.000623]]);
    expect(values('10k')).toEqual([['10k', 10000]]);
    expect(values('US$ 1MM')).toEqual([['1MM', 1e6]]);
    expect(values('3 dozen')).toEqual([['3 dozen', 36]]);
  });

  it('ratios: over, out of, in', () => {
    expect(values('one over three')[0]![1]).toBeCloseTo(1 / 3, 9);
    expect(values('1 in twenty-one')[0]![1]).toBeCloseTo(1 / 21, 9);
    expect(values('two out of five hundred')[0]![1]).toBeCloseTo(0.004, 9);
    // a period, not a ratio
    expect(values('I want to earn $2000 over 3 years')).toEqual([['2000', 2000], ['3', 3]]);
  });

  it('minus and negative', () => {
    expect(values('The answer is minus five point five')).toEqual([['minus five point five', -5.5]]);
    expect(values('The answer is negative one')).toEqual([['negative one', -1]]);
  });

  it('Indian grouping and dotted parts', () => {
    expect(values('12,34,567.89')).toEqual([['12,34,567.89', 1234567.89]]);
    expect(values('192.168.1.2').map((v) => v[1])).toEqual([192, 168, 1, 2]);
  });

  it('a pronoun "one" is not a number', () => {
    expect(findEnglishNumbers('Which one do you prefer? The one you mentioned.')).toEqual([]);
  });
});
