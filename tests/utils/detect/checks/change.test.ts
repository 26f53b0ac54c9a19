import { describe, expect, it } from 'vitest';
import { findChecks } from '../../../../utils/detect/checks';
import { type FigureSpec, buildFigures } from './figure-builder';

const usd = (text: string, value: number): FigureSpec => ({ text, kind: 'money', value, unit: 'USD' });
const krw = (text: string, value: number): FigureSpec => ({ text, kind: 'money', value, unit: 'KRW' });
const pct = (text: string, value = Number.parseFloat(text)): FigureSpec => ({ text, kind: 'percent', value, unit: '%' });
const changeChecks = (text: string, specs: FigureSpec[]) =>
  findChecks(text, buildFigures(text, specs)).filter((c) => c.kind === 'change');

describe('change check (English)', () => {
  it('flags "rose 62% to $14.2 billion" against an earlier $10.1 billion in the same sentence', () => {
    const text = 'Revenue rose 62% to $14.2 billion from $10.1 billion.';
    const checks = changeChecks(text, [pct('62%'), usd('$14.2 billion', 14.2e9), usd('$10.1 billion', 10.1e9)]);
    expect(checks).toHaveLength(1);
    expect(checks[0].figures).toEqual([0, 1, 2]);
    expect(checks[0].message).toBe('$10.1 billion → $14.2 billion is +41%; the article says “62%” — worth verifying.');
  });

  it('accepts a change that matches within rounding', () => {
    const text = 'Revenue rose 62% to $14.2 billion from $8.8 billion.';
    expect(changeChecks(text, [pct('62%'), usd('$14.2 billion', 14.2e9), usd('$8.8 billion', 8.8e9)])).toEqual([]);
  });

  it('finds the earlier value in a nearby "a year earlier" sentence', () => {
    const text = 'Northwind said revenue rose 62% to $14.2 billion in the fourth quarter. Revenue was $10.1 billion a year earlier.';
    const checks = changeChecks(text, [pct('62%'), usd('$14.2 billion', 14.2e9), usd('$10.1 billion', 10.1e9)]);
    expect(checks).toHaveLength(1);
  });

  it('stays quiet without an earlier value', () => {
    const text = "Northwind's revenue rose 62% to $14.2 billion in the fourth quarter, while its net income more than doubled to $5.1 billion.";
    expect(changeChecks(text, [pct('62%'), usd('$14.2 billion', 14.2e9), usd('$5.1 billion', 5.1e9)])).toEqual([]);
  });

  it('checks "more than doubled" against the two values', () => {
    const specs = (from: string, value: number) => [usd('$5.1 billion', 5.1e9), usd(from, value)];
    const flagged = changeChecks('Net income more than doubled to $5.1 billion from $3.2 billion.', specs('$3.2 billion', 3.2e9));
    expect(flagged).toHaveLength(1);
    expect(flagged[0].message).toContain('is ×1.59; the article says “more than doubled”');
    // "$3 billion" may be anything from $2.5 billion by rounding: not enough to doubt "more than doubled".
    expect(changeChecks('Net income more than doubled to $5.1 billion from $3 billion.', specs('$3 billion', 3e9))).toEqual([]);
    expect(changeChecks('Net income more than doubled to $5.1 billion from $2.4 billion.', specs('$2.4 billion', 2.4e9))).toEqual([]);
  });

  it('checks percentage points and the direction of a change', () => {
    const rate = (text: string) => ({ text, kind: 'percent' as const, value: Number.parseFloat(text), unit: '%' });
    const pp = (text: string) => ({ text, kind: 'pp' as const, value: Number.parseFloat(text), unit: 'pp' });
    expect(changeChecks('Unemployment rose 2 percentage points, from 3.5% to 5.5%.', [pp('2 percentage points'), rate('3.5%'), rate('5.5%')])).toEqual([]);
    expect(changeChecks('Unemployment rose 3 percentage points, from 3.5% to 5.5%.', [pp('3 percentage points'), rate('3.5%'), rate('5.5%')])).toHaveLength(1);
    const fell = changeChecks('Sales fell 10% to $5 billion from $4.5 billion.', [pct('10%'), usd('$5 billion', 5e9), usd('$4.5 billion', 4.5e9)]);
    expect(fell).toHaveLength(1);
    expect(fell[0].message).toContain('is +11%');
  });
});

describe('change check (Korean)', () => {
  it('flags "8조원에서 14조2000억원으로 62% 증가"', () => {
    const text = '매출은 8조원에서 14조2000억원으로 62% 증가했다.';
    const checks = changeChecks(text, [krw('8조원', 8e12), krw('14조2000억원', 14.2e12), pct('62%')]);
    expect(checks).toHaveLength(1);
    expect(checks[0].message).toBe('8조 원 → 14.2조 원의 변화는 +77%이지만 기사에 적힌 변화는 ‘62%’입니다. 확인이 필요합니다.');
  });

  it('accepts a matching change', () => {
    const text = '매출은 8조8000억원에서 14조2000억원으로 61% 증가했다.';
    expect(changeChecks(text, [krw('8조8000억원', 8.8e12), krw('14조2000억원', 14.2e12), pct('61%')])).toEqual([]);
  });

  it('checks 두 배 and reads "2배 증가" as either ×2 or ×3', () => {
    const doubled = changeChecks('영업이익은 2조1000억원에서 5조3000억원으로 두 배 늘었다.', [krw('2조1000억원', 2.1e12), krw('5조3000억원', 5.3e12)]);
    expect(doubled).toHaveLength(1);
    expect(doubled[0].message).toContain('2.52배');
    const times = (text: string, to: string, value: number) =>
      changeChecks(text, [krw('3조원', 3e12), krw(to, value), { text: '2배', kind: 'multiple', value: 2, unit: 'x' }]);
    expect(times('투자는 3조원에서 9조원으로 2배 증가했다.', '9조원', 9e12)).toEqual([]);
    const flagged = times('투자는 3조원에서 12조원으로 2배 증가했다.', '12조원', 12e12);
    expect(flagged).toHaveLength(1);
    expect(flagged[0].message).toContain('4배');
  });

  it('finds the earlier value in a nearby 전년 sentence', () => {
    const text = '삼성전자의 3분기 매출은 14조2000억원으로 62% 증가했다. 전년 동기 매출은 10조1000억원이었다.';
    const checks = changeChecks(text, [krw('14조2000억원', 14.2e12), pct('62%'), krw('10조1000억원', 10.1e12)]);
    expect(checks).toHaveLength(1);
  });
});
