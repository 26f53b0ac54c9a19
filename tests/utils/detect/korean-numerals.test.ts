import { describe, expect, it } from 'vitest';
import { findKoreanNumbers, parseKoreanNumberAt } from '../../../utils/detect/korean-numerals';
import { probeUnit } from '../../../utils/detect/units';

const value = (text: string) => parseKoreanNumberAt(text, 0);

describe('parseKoreanNumberAt', () => {
  it.each([
    ['1만6000', 16000],
    ['2억 8천만', 2.8e8],
    ['581억2000만', 5.812e10],
    ['9만 4천', 94000],
    ['4천 820만', 4.82e7],
    ['1만 2천 345', 12345],
    ['50만 9375', 509375],
    ['2.3억', 2.3e8],
    ['1.2조', 1.2e12],
    ['3백21', 321],
    ['2.12백', 212],
    ['삼천', 3000],
    ['오십 이', 52],
    ['이십일조 삼백', 21000000000300],
    ['천 4백만', 1.4e7],
    ['만 6천', 16000],
    ['스물여섯', 26],
    ['일흔일곱', 77],
  ])('%s = %d', (text, expected) => {
    const n = value(text);
    expect(n?.value).toBe(expected);
    expect(n?.end).toBe(text.length);
  });

  it('does not merge numbers a space apart without a magnitude', () => {
    expect(value('4000 3백21')?.end).toBe(4);
    expect(value('423 0000')?.end).toBe(3);
  });

  it('never reads a particle after digits as a Sino digit (`3천이 넘는` is 3000)', () => {
    expect(value('3천이 넘는')?.value).toBe(3000);
    expect(value('10만이')?.value).toBe(100000);
  });

  it('`만 18세` is an age prefix, not 10018', () => {
    expect(value('만 18세')).toBeNull();
  });

  it('word numerals must start a word', () => {
    expect(parseKoreanNumberAt('통일', 1)).toBeNull();
  });
});

describe('findKoreanNumbers (the number layer)', () => {
  // values at 12 significant digits, as the layer rounds them
  const numbers = (text: string) => findKoreanNumbers(text, probeUnit).map((n) => [text.slice(n.start, n.end), Number(n.value.toPrecision(12))]);

  it('reads fractions, negatives and spoken decimals', () => {
    expect(numbers('케이크의 삼분의 이를 먹었다')).toEqual([['삼분의 이', 0.666666666667]]);
    expect(numbers('3분의 1조각만')).toEqual([['3분의 1', 0.333333333333]]);
    expect(numbers('일과 이분의 일은')).toEqual([['일과 이분의 일', 1.5]]);
    expect(numbers('답은 마이너스 5이다')).toEqual([['마이너스 5', -5]]);
    expect(numbers('이백점 칠일이다')).toEqual([['이백점 칠일', 200.71]]);
  });

  it('leaves words that only look like numerals', () => {
    expect(numbers('사과를 먹었다')).toEqual([]);
    expect(numbers('오늘 내일')).toEqual([]);
    expect(numbers('이 가방은')).toEqual([]);
    expect(numbers('경미한 수치')).toEqual([]);
  });

  it('leaves numbers that belong to a unit or a date to those layers', () => {
    expect(numbers('1미터는')).toEqual([]);
    expect(numbers('5월 4일')).toEqual([]);
    expect(numbers('180ml 액체')).toEqual([]);
  });

  it('splits dotted addresses and phone parts', () => {
    expect(numbers('192.168.1.2').map(([, v]) => v)).toEqual([192, 168, 1, 2]);
  });
});
