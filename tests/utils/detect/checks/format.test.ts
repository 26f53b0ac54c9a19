import { describe, expect, it } from 'vitest';
import { formatNumber, formatPercent, formatRatio } from '../../../../utils/detect/checks/format';
import { xorshiftRandom } from '../../../seeded-random';

const LOCALE = { en: 'en-US', ko: 'ko-KR' } as const;

/** Deterministic pseudo-random values (xorshift), whole and fractional, small and past 2^53. */
function* values(count: number): Generator<number> {
  const next = xorshiftRandom(0x2545f491);
  for (let i = 0; i < count; i++) {
    const sign = next() < 0.2 ? -1 : 1;
    const r = next();
    if (r < 0.5) yield sign * Math.round(next() * 10 ** Math.floor(next() * 19));
    else yield sign * next() * 10 ** Math.floor(next() * 12 - 3);
  }
}

const edges = [0, -0, 1, -1, 999, 1000, 9999, 10000, 99999, 100000, 999999, 1e6, 2 ** 53 - 1, 2 ** 53, 2 ** 53 + 2, 1e21, 0.5, 2.5, -2.5, 1234.5678, NaN, Infinity, -Infinity];

describe('check number formatting', () => {
  it('writes whole numbers the way Intl.NumberFormat does, in both languages', () => {
    for (const lang of ['en', 'ko'] as const) {
      const plain = new Intl.NumberFormat(LOCALE[lang], { maximumFractionDigits: 3 });
      const ratio = new Intl.NumberFormat(LOCALE[lang], { maximumFractionDigits: 1 });
      const percent = [0, 1].map((digits) => new Intl.NumberFormat(LOCALE[lang], { maximumFractionDigits: digits }));
      for (const value of [...edges, ...values(2_000)]) {
        for (const significant of [1, 4, 6]) {
          expect(formatNumber(value, lang, significant)).toBe(plain.format(Number(value.toPrecision(significant))));
        }
        const r = value >= 10 ? Number(value.toPrecision(2)) : Math.round(value * 10) / 10;
        expect(formatRatio(value, lang)).toBe(`${ratio.format(r)}${lang === 'ko' ? '배' : '×'}`);
        const fractionDigits = Math.abs(value) < 10 ? 1 : 0;
        expect(formatPercent(value, lang)).toBe(`${percent[fractionDigits].format(value)}%`);
      }
    }
  });

  it('groups digits by three', () => {
    expect(formatNumber(100000, 'ko', 6)).toBe('100,000');
    expect(formatNumber(-1234, 'en')).toBe('-1,234');
    expect(formatRatio(1000, 'ko')).toBe('1,000배');
  });
});
