import { describe, expect, it } from 'vitest';
import { matchDigitDateAt, matchMonthDateAt } from '../../../utils/detect/dates';

describe('dates', () => {
  it.each([
    ['2025년 2월 17일', '2025-02-17'],
    ['2025년 2월', '2025-02'],
    ['2025년', '2025'],
    ['2025.02.17', '2025-02-17'],
    ['2025. 2. 17.', '2025-02-17'],
    ['2025-02-17', '2025-02-17'],
    ['2/17/2025', '2025-02-17'],
    ['2월 17일', '--02-17'],
    ['17 March 2025', '2025-03-17'],
  ])('%s → %s', (text, iso) => {
    const d = matchDigitDateAt(text, 0);
    expect(d?.iso).toBe(iso);
    expect(d?.end).toBe(text.length);
  });

  it('rejects impossible dates', () => {
    expect(matchDigitDateAt('2025.13.40', 0)).toBeNull();
    expect(matchDigitDateAt('13월', 0)).toBeNull();
  });

  it.each([
    ['March 4, 2025', '2025-03-04'],
    ['Sept. 30', '--09-30'],
    ['March 2025', '2025-03'],
  ])('%s → %s', (text, iso) => {
    expect(matchMonthDateAt(text, 0)?.iso).toBe(iso);
  });

  it('a month name alone is not a date figure', () => {
    expect(matchMonthDateAt('March madness', 0)).toBeNull();
  });
});
