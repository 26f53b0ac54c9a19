import { describe, expect, it } from 'vitest';
import { findChecks } from '../../../../utils/detect/checks';
import { buildFigures } from './figure-builder';

const pct = (text: string, occurrence = 1) => ({
  text,
  kind: 'percent' as const,
  value: Number.parseFloat(text),
  unit: '%',
  occurrence,
});
const partsChecks = (text: string, specs: Parameters<typeof buildFigures>[1]) =>
  findChecks(text, buildFigures(text, specs)).filter((c) => c.kind === 'parts');

describe('parts check (English)', () => {
  it('flags shares of one breakdown adding up to more than 100%', () => {
    const text = 'Coal accounted for 45% of generation, gas for 40% and renewables for 25%.';
    const checks = partsChecks(text, [pct('45%'), pct('40%'), pct('25%')]);
    expect(checks).toHaveLength(1);
    expect(checks[0].figures).toEqual([0, 1, 2]);
    expect(checks[0].message).toBe(
      'These shares add up to more than 100%: 45% + 40% + 25% = 110% — worth verifying that they describe the same whole.',
    );
  });

  it('allows for rounding and stays quiet on a breakdown that adds up', () => {
    expect(partsChecks('Coal accounted for 45% of generation, gas for 35% and renewables for 20%.', [pct('45%'), pct('35%'), pct('20%')])).toEqual([]);
    expect(partsChecks('Coal accounted for 33.4% of generation, gas for 33.4% and renewables for 33.4%.', [pct('33.4%'), pct('33.4%', 2), pct('33.4%', 3)])).toEqual([]);
  });

  it('does not add up changes or shares of two different years', () => {
    expect(partsChecks('Its market share rose 45% in Asia and 70% in Europe.', [pct('45%'), pct('70%')])).toEqual([]);
    expect(partsChecks('Support for the plan was 55% and 60% in 2020 and 2024, respectively.', [pct('55%'), pct('60%')])).toEqual([]);
  });

  it('flags a part larger than its whole', () => {
    const text = 'Of the 500 employees surveyed, 620 said they would accept a pay cut.';
    const checks = partsChecks(text, [
      { text: '500', kind: 'count', value: 500, unit: null },
      { text: '620', kind: 'count', value: 620, unit: null },
    ]);
    expect(checks).toHaveLength(1);
    expect(checks[0].message).toContain('The part (“620”, 620) is larger than the whole it belongs to (“500”, 500)');
    const fine = 'Of the 500 employees surveyed, 320 said they would accept a pay cut.';
    expect(partsChecks(fine, [
      { text: '500', kind: 'count', value: 500, unit: null },
      { text: '320', kind: 'count', value: 320, unit: null },
    ])).toEqual([]);
  });
});

describe('parts check (English): wholes need the right shape', () => {
  const count = (text: string) => ({ text, kind: 'count' as const, value: Number(text.replace(/,/g, '')), unit: null });

  it('reads "620 out of 500 respondents" as part and whole', () => {
    const checks = partsChecks('In all, 620 out of 500 respondents backed the plan.', [count('620'), count('500')]);
    expect(checks).toHaveLength(1);
    expect(checks[0].figures).toEqual([1, 0]);
  });

  // Both from ClaimBuster (1992-10-19, 2016-10-09): no whole here.
  it('ignores "Of the 3 of us, … 12 times" and "of the two people that killed 14"', () => {
    expect(partsChecks('Of the 3 of us, I have balanced a government budget 12 times.', [count('3'), count('12')])).toEqual([]);
    expect(
      partsChecks('Many people saw the bombs all over the apartment of the 2 people that killed 14 and wounded many.', [count('2'), count('14')]),
    ).toEqual([]);
  });
});

describe('parts check (Korean)', () => {
  it('flags 비중 adding up to more than 100%', () => {
    const text = '전체 매출 가운데 반도체가 차지하는 비중은 55%, 모바일은 35%, 가전은 20%였다.';
    const checks = partsChecks(text, [pct('55%'), pct('35%'), pct('20%')]);
    expect(checks).toHaveLength(1);
    expect(checks[0].message).toContain('55% + 35% + 20% = 110%');
    expect(checks[0].message).toContain('확인이 필요합니다');
  });

  it('stays quiet on a 비중 breakdown that adds up and on changes', () => {
    expect(partsChecks('전체 매출 가운데 반도체가 차지하는 비중은 55%, 모바일은 30%, 가전은 15%였다.', [pct('55%'), pct('30%'), pct('15%')])).toEqual([]);
    expect(partsChecks('수출은 반도체가 55% 늘었고 자동차는 62% 증가했다.', [pct('55%'), pct('62%')])).toEqual([]);
  });

  it('flags a part larger than its whole', () => {
    const text = '응답자 1,000명 중 1,200명이 찬성했다.';
    const specs = [
      { text: '1,000명', kind: 'count' as const, value: 1000, unit: null, counter: '명' },
      { text: '1,200명', kind: 'count' as const, value: 1200, unit: null, counter: '명' },
    ];
    const checks = partsChecks(text, specs);
    expect(checks).toHaveLength(1);
    expect(checks[0].message).toContain('부분(‘1,200명’, 1,200명)이 전체(‘1,000명’, 1,000명)보다 큽니다');
    const fine = '응답자 1,000명 중 620명이 찬성했다.';
    expect(partsChecks(fine, [specs[0], { text: '620명', kind: 'count', value: 620, unit: null, counter: '명' }])).toEqual([]);
  });
});
