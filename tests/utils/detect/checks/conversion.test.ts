import { describe, expect, it } from 'vitest';
import { findChecks } from '../../../../utils/detect/checks';
import { type FigureSpec, buildFigures } from './figure-builder';

const usd = (text: string, value: number, qualifier?: string): FigureSpec => ({ text, kind: 'money', value, unit: 'USD', qualifier });
const krw = (text: string, value: number, qualifier?: string): FigureSpec => ({ text, kind: 'money', value, unit: 'KRW', qualifier });
const conversionChecks = (text: string, specs: FigureSpec[]) =>
  findChecks(text, buildFigures(text, specs)).filter((c) => c.kind === 'conversion');

describe('conversion check (Korean)', () => {
  const text = '미국은 5000억달러(약 718조원)를 반도체에 투자한다. 한국 정부도 300억달러(약 {KRW})를 지원하기로 했다.';
  const specs = (second: string, value: number) => [
    usd('5000억달러', 5e11),
    krw('718조원', 718e12, '약'),
    usd('300억달러', 3e10),
    krw(second, value, '약'),
  ];

  it('flags two conversions that imply different exchange rates', () => {
    const checks = conversionChecks(text.replace('{KRW}', '60조원'), specs('60조원', 60e12));
    expect(checks).toHaveLength(1);
    expect(checks[0].figures).toEqual([0, 1, 2, 3]);
    expect(checks[0].message).toBe(
      '‘5000억달러(약 718조원)’에서는 1달러 ≈ 1,436원, ‘300억달러(약 60조원)’에서는 1달러 ≈ 2,000원의 환율이 나옵니다(39% 차이). 환산을 확인할 필요가 있습니다.',
    );
  });

  it('accepts conversions that agree within rounding', () => {
    expect(conversionChecks(text.replace('{KRW}', '43조원'), specs('43조원', 43e12))).toEqual([]);
  });
});

describe('conversion check (English)', () => {
  it('flags two conversions between the same currencies that disagree', () => {
    const text = 'The U.S. will invest $500 billion (718 trillion won) in chips. Seoul pledged $30 billion (60 trillion won) more.';
    const checks = conversionChecks(text, [
      usd('$500 billion', 5e11),
      krw('718 trillion won', 718e12),
      usd('$30 billion', 3e10),
      krw('60 trillion won', 60e12),
    ]);
    expect(checks).toHaveLength(1);
    expect(checks[0].message).toBe(
      '“$500 billion (718 trillion won)” implies 1 USD ≈ 1,436 KRW, but “$30 billion (60 trillion won)” implies 1 USD ≈ 2,000 KRW (39% apart) — worth verifying.',
    );
  });

  it('orients the rate the same way whichever currency is written first', () => {
    const text = 'The deal is worth 1.8 trillion won ($1.3 billion). A second deal is worth $2 billion (2.8 trillion won).';
    const checks = conversionChecks(text, [
      krw('1.8 trillion won', 1.8e12),
      usd('$1.3 billion', 1.3e9),
      usd('$2 billion', 2e9),
      krw('2.8 trillion won', 2.8e12),
    ]);
    expect(checks).toEqual([]);
  });

  it('flags a unit conversion that does not come out equal', () => {
    const m = (text: string, value: number): FigureSpec => ({ text, kind: 'quantity', value, unit: 'm' });
    const bad = 'The pipeline runs 100 miles (about 260 km) across the state.';
    const checks = conversionChecks(bad, [m('100 miles', 160934), m('260 km', 260000)]);
    expect(checks).toHaveLength(1);
    expect(checks[0].message).toContain('“100 miles” is 160.9 km but the conversion beside it, “260 km”, is 260 km');
    const good = 'The pipeline runs 100 miles (about 161 km) across the state.';
    expect(conversionChecks(good, [m('100 miles', 160934), m('161 km', 161000)])).toEqual([]);
  });
});
