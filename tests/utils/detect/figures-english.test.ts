import { describe, expect, it } from 'vitest';
import { detectFigures } from '../../../utils/detect/figures';
import type { Figure } from '../../../utils/detect/types';

/** The one figure whose text is exactly `surface` (fails loudly when missing). */
function figure(text: string, surface: string): Figure {
  const found = detectFigures(text).filter((f) => f.text === surface);
  expect(found, `${surface} in ${JSON.stringify(detectFigures(text).map((f) => f.text))}`).toHaveLength(1);
  return found[0]!;
}

const texts = (text: string) => detectFigures(text).map((f) => f.text);

describe('detectFigures: English spelled-out numbers', () => {
  it.each([
    ['Twenty-one people were killed', 'Twenty-one', 21],
    ['one hundred and five people were hurt', 'one hundred and five', 105],
    ['the firm will hire a million workers', 'a million', 1e6],
    ['and half a million contractors', 'half a million', 5e5],
    ['two and a half million people', 'two and a half million', 2.5e6],
    ['10 and a half million new jobs', '10 and a half million', 1.05e7],
    ['a quarter million voters', 'a quarter million', 2.5e5],
    ['three quarters billion people', 'three quarters billion', 7.5e8],
  ])('%s → %s = %d', (text, surface, value) => {
    expect(figure(text, surface).value).toBe(value);
  });

  it('reads "point" decimals with a scale and a currency', () => {
    expect(figure('The deal is worth three point five billion dollars.', 'three point five billion dollars')).toMatchObject({ kind: 'money', value: 3.5e9, unit: 'USD' });
  });

  it('keeps a bare numeral word out: "one of the", "the one", ordinals', () => {
    expect(texts('One of the most important things is that the one you chose was the first and last.')).toEqual([]);
    expect(texts('The first quarter results and the 21st century.')).toEqual([]);
  });
});

describe('detectFigures: English fractions and ratios', () => {
  it.each([
    ['Two thirds of voters agreed', 'Two thirds', 2 / 3],
    ['one-third of respondents', 'one-third', 1 / 3],
    ['A quarter of the budget', 'A quarter', 0.25],
    ['half of Americans say so', 'half', 0.5],
    ['unemployment fell by half.', 'half', 0.5],
    ['The index has fallen by a third since its peak', 'a third', 1 / 3],
    ['emissions were cut by two-thirds.', 'two-thirds', 2 / 3],
    ['One in four children lives in poverty', 'One in four', 0.25],
    ['nine out of ten doctors agree', 'nine out of ten', 0.9],
    ['1 in 5 residents left', '1 in 5', 0.2],
    ['3/4 of the land', '3/4', 0.75],
  ])('%s → %s', (text, surface, value) => {
    const f = figure(text, surface);
    expect(f.kind).toBe('multiple');
    expect(f.value).toBeCloseTo(value, 9);
  });

  it('a half or quarter that names a period or part is not a share', () => {
    expect(texts('In the second half of the year, a third term, the third quarter.')).toEqual([]);
    expect(texts('The deal was approved by a third party.')).toEqual([]);
  });

  it('a slash number without a unit or "of" is not a figure (scores, 24/7)', () => {
    expect(texts('Her score was 3/4 and the store is open 24/7.')).toEqual([]);
  });

  it('"N in M" is not a ratio before a period or a year', () => {
    expect(texts('He scored 3 in 10 games').some((t) => t.includes(' in '))).toBe(false);
    expect(texts('It was 3 in 2020').some((t) => t.includes(' in '))).toBe(false);
  });

  it('mixed and slash fractions take their unit', () => {
    expect(figure('more than 10 1/2 miles of cable', 'more than 10 1/2 miles').value).toBeCloseTo(10.5 * 1609.344, 6);
    expect(figure('a 1/4 mile oval', '1/4 mile').value).toBeCloseTo(402.336, 6);
    expect(figure('add ½ inch', '½ inch').value).toBeCloseTo(0.0127, 9);
  });

  it('"one and a half times larger" is a multiple of 1.5', () => {
    expect(figure('It is one and a half times larger', 'one and a half times')).toMatchObject({ kind: 'multiple', value: 1.5, unit: 'x' });
  });
});

describe('detectFigures: English negatives, dozens, scores', () => {
  it('negative and minus', () => {
    expect(figure('Inflation was negative 0.3 percent.', 'negative 0.3 percent')).toMatchObject({ kind: 'percent', value: -0.3 });
    expect(figure('fell to -3 degrees Celsius', '-3 degrees Celsius').value).toBe(-3);
  });

  it('3 dozen is 36; dozens has no value', () => {
    expect(figure('sold 3 dozen eggs', '3 dozen').value).toBe(36);
    expect(texts('dozens of people protested')).toEqual([]);
  });

  it('a score or a bare pair is not a count', () => {
    expect(texts('The team won 3-1 on Sunday; the vote was 5-4.')).toEqual([]);
    expect(figure('prices rose 3-4%', '3-4%')).toMatchObject({ min: 3, max: 4 });
  });

  it('Indian digit grouping', () => {
    expect(figure('a loan of 12,34,567 rupees', '12,34,567 rupees')).toMatchObject({ value: 1234567, unit: 'INR' });
  });

  it('years after "from 2001 to"', () => {
    expect(detectFigures('He served from 2001 to 2005.').map((f) => f.kind)).toEqual(['date', 'date']);
  });
});

describe('detectFigures: English money', () => {
  it.each([
    ['won a $48.2 million contract', '$48.2 million', 48.2e6, 'USD'],
    ["country music's $500 million man", '$500 million', 5e8, 'USD'],
    ['worth A$5 billion', 'A$5 billion', 5e9, 'AUD'],
    ['a C$ 300 million charge', 'C$ 300 million', 3e8, 'CAD'],
    ['sold for USD$ 15', 'USD$ 15', 15, 'USD'],
    ['Sell Mex$ 10 million', 'Mex$ 10 million', 1e7, 'MXN'],
    ['paid USD115 in fees', 'USD115', 115, 'USD'],
    ['earned 20 bucks', '20 bucks', 20, 'USD'],
    ['cost 30 quid', '30 quid', 30, 'GBP'],
    ['10 €, please', '10 €', 10, 'EUR'],
    ['100,000 ₭ prize', '100,000 ₭', 1e5, 'LAK'],
    ['They lost 75 USD million', '75 USD million', 7.5e7, 'USD'],
    ['an increase to 120 MEUR', '120 MEUR', 1.2e8, 'EUR'],
    ['cost 500 Swedish kronor', '500 Swedish kronor', 500, 'SEK'],
    ['paid 20 Turkish lira', '20 Turkish lira', 20, 'TRY'],
    ['cost 100 Chinese yuan', '100 Chinese yuan', 100, 'CNY'],
    ['It costs half million usd', 'half million usd', 5e5, 'USD'],
  ])('%s → %s', (text, surface, value, unit) => {
    expect(figure(text, surface)).toMatchObject({ kind: 'money', value, unit });
  });

  it('dollars and cents in words and digits are one amount', () => {
    expect(figure('it cost thirteen dollars and forty-five cents', 'thirteen dollars and forty-five cents').value).toBeCloseTo(13.45, 9);
    expect(figure('it cost 13 dollars 45 cents', '13 dollars 45 cents').value).toBeCloseTo(13.45, 9);
  });

  it('"10 $ 30" takes the symbol for the following amount', () => {
    expect(texts('10 $ 30 is odd')).not.toContain('10 $');
  });

  it('a code that ended one amount is not the next one\'s prefix', () => {
    expect(detectFigures('10 rmb 20 usd').map((f) => [f.text, f.unit])).toEqual([['10 rmb', 'CNY'], ['20 usd', 'USD']]);
  });
});

describe('detectFigures: English dimensions and percent', () => {
  it.each([
    ['he is 5 feet 2 inches tall', '5 feet 2 inches', (5 * 12 + 2) * 0.0254],
    ['he is 6 ft 1 in', '6 ft 1 in', (6 * 12 + 1) * 0.0254],
    ['The 6-foot-4 forward', '6-foot-4', (6 * 12 + 4) * 0.0254],
  ])('%s → %s', (text, surface, metres) => {
    const f = figure(text, surface);
    expect(f.unit).toBe('m');
    expect(f.value).toBeCloseTo(metres, 9);
  });

  it('3.4pc is a percent only glued', () => {
    expect(figure('imports were down 3.4pc.', '3.4pc')).toMatchObject({ kind: 'percent', value: 3.4 });
    expect(texts('bought 5 pc games').some((t) => t.includes('pc'))).toBe(false);
  });
});
