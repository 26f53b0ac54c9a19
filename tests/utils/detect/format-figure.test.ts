import { describe, expect, it } from 'vitest';
import { describeFigure, formatFigure, formatScientific } from '../../../utils/detect/format-figure';
import type { Figure } from '../../../utils/detect/types';

const fig = (partial: Partial<Figure> & Pick<Figure, 'kind'>): Figure => ({ start: 0, end: 1, text: 'x', unit: null, ...partial });

describe('formatFigure', () => {
  it('writes money as ISO code and grouped digits', () => {
    expect(formatFigure(fig({ kind: 'money', text: '500만달러', value: 5_000_000, unit: 'USD' }), 'en')).toBe('USD 5,000,000');
    expect(formatFigure(fig({ kind: 'money', text: '2억 8천만 달러', value: 280_000_000, unit: 'USD' }), 'ko')).toBe('USD 280,000,000');
  });

  it('writes large physical quantities in scientific notation with superscripts', () => {
    expect(formatFigure(fig({ kind: 'quantity', text: '60페타플롭스', value: 6e16, unit: 'FLOP/s' }), 'ko')).toBe('6×10¹⁶ FLOP/s');
    expect(formatFigure(fig({ kind: 'quantity', text: '1.5GW', value: 1.5e9, unit: 'W' }), 'en')).toBe('1.5×10⁹ W');
    expect(formatFigure(fig({ kind: 'quantity', text: '30도', value: 30, unit: '°C' }), 'en')).toBe('30 °C');
  });

  it('writes ranges once-united and keeps qualifiers as symbols', () => {
    expect(formatFigure(fig({ kind: 'quantity', text: '1~2엑사플롭스', min: 1e18, max: 2e18, unit: 'FLOP/s' }), 'ko')).toBe(
      '1×10¹⁸–2×10¹⁸ FLOP/s',
    );
    expect(formatFigure(fig({ kind: 'money', text: '30억∼40억달러', min: 3e9, max: 4e9, unit: 'USD' }), 'en')).toBe(
      'USD 3,000,000,000–USD 4,000,000,000',
    );
    expect(formatFigure(fig({ kind: 'percent', text: 'between 3 and 4 percent', min: 3, max: 4, unit: '%' }), 'en')).toBe('3–4%');
    expect(formatFigure(fig({ kind: 'count', text: '약 10만개', value: 100_000, counter: '개', qualifier: '약' }), 'ko')).toBe('≈ 100,000개');
    expect(formatFigure(fig({ kind: 'money', text: 'up to $5.6M', value: 5_600_000, unit: 'USD', qualifier: 'up to' }), 'en')).toBe(
      '≤ USD 5,600,000',
    );
    expect(formatFigure(fig({ kind: 'count', text: '100명 이상', value: 100, counter: '명', qualifier: '이상' }), 'ko')).toBe('≥ 100명');
    expect(formatFigure(fig({ kind: 'count', text: 'some odd', value: 3, qualifier: 'odd-marker' }), 'en')).toBe('odd-marker 3');
  });

  it('writes percent, percentage points and multiples per locale', () => {
    expect(formatFigure(fig({ kind: 'percent', text: '17퍼센트', value: 17, unit: '%' }), 'ko')).toBe('17%');
    expect(formatFigure(fig({ kind: 'pp', text: '0.25%포인트', value: 0.25, unit: 'pp' }), 'ko')).toBe('0.25%p');
    expect(formatFigure(fig({ kind: 'pp', text: '0.25 percentage points', value: 0.25, unit: 'pp' }), 'en')).toBe('0.25 pp');
    expect(formatFigure(fig({ kind: 'multiple', text: '2.3배', value: 2.3, unit: 'x' }), 'ko')).toBe('2.3×');
  });

  it('keeps dates and unresolved figures as written', () => {
    expect(formatFigure(fig({ kind: 'date', text: '2025년 2월 18일', iso: '2025-02-18' }), 'ko')).toBe('2025-02-18');
    expect(formatFigure(fig({ kind: 'date', text: '지난달' }), 'ko')).toBe('지난달');
    expect(formatFigure(fig({ kind: 'count', text: '수십 개' }), 'ko')).toBe('수십 개');
  });

  it('goes scientific for money beyond a quadrillion and for tiny values', () => {
    expect(formatFigure(fig({ kind: 'money', text: '2경원', value: 2e16, unit: 'KRW' }), 'ko')).toBe('KRW 2×10¹⁶');
    expect(formatScientific(0.00002, 'en')).toBe('2×10⁻⁵');
    expect(formatScientific(9.99999e16, 'en')).toBe('1×10¹⁷');
  });
});

describe('describeFigure', () => {
  it('omits the normalised form when it adds nothing', () => {
    expect(describeFigure(fig({ kind: 'percent', text: '17%', value: 17, unit: '%' }), 'en')).toEqual({ written: '17%', normalised: null });
    expect(describeFigure(fig({ kind: 'money', text: '500만달러', value: 5e6, unit: 'USD' }), 'ko').normalised).toBe('USD 5,000,000');
  });
});
