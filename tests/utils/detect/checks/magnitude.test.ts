import { describe, expect, it } from 'vitest';
import { findChecks } from '../../../../utils/detect/checks';
import { type FigureSpec, buildFigures } from './figure-builder';

const usd = (text: string, value: number): FigureSpec => ({ text, kind: 'money', value, unit: 'USD' });
const krw = (text: string, value: number): FigureSpec => ({ text, kind: 'money', value, unit: 'KRW' });
const magnitudeChecks = (text: string, specs: FigureSpec[]) =>
  findChecks(text, buildFigures(text, specs)).filter((c) => c.kind === 'magnitude');

describe('magnitude check (English)', () => {
  it('flags the same revenue stated as billion and million', () => {
    const text =
      'Northwind reported fourth-quarter revenue of $14.2 billion on Monday.\nAnalysts said Northwind fourth-quarter revenue of $14.2 million beat forecasts.';
    const checks = magnitudeChecks(text, [usd('$14.2 billion', 14.2e9), usd('$14.2 million', 14.2e6)]);
    expect(checks).toHaveLength(1);
    expect(checks[0].figures).toEqual([0, 1]);
    expect(checks[0].message).toContain('“$14.2 billion” ($14.2 billion) and “$14.2 million” ($14.2 million) seem to describe the same thing');
    expect(checks[0].message).toContain('factor of 1,000');
  });

  it('does not confuse two different budgets or two different years', () => {
    expect(
      magnitudeChecks("The city's annual budget is $5 billion. The park's renovation budget is $5 million.", [
        usd('$5 billion', 5e9),
        usd('$5 million', 5e6),
      ]),
    ).toEqual([]);
    expect(
      magnitudeChecks('Northwind revenue reached $14.2 billion in 2024. Northwind revenue was $14.2 million in 2004.', [
        usd('$14.2 billion', 14.2e9),
        usd('$14.2 million', 14.2e6),
      ]),
    ).toEqual([]);
  });
});

describe('magnitude check (Korean)', () => {
  it('flags a slipped 억/조 between two statements of the same investment', () => {
    const text = '현대차의 올해 연구개발 투자액은 4조5000억원이다. 업계는 현대차 연구개발 투자액 4500억원이 역대 최대라고 평가했다.';
    const checks = magnitudeChecks(text, [krw('4조5000억원', 4.5e12), krw('4500억원', 4.5e11)]);
    expect(checks).toHaveLength(1);
    expect(checks[0].message).toContain('10배 차이');
    expect(checks[0].message).toContain('현대차');
  });

  it('flags a slipped 만 on a count with the same counter, not different things', () => {
    const specs = (a: string, av: number, b: string, bv: number): FigureSpec[] => [
      { text: a, kind: 'count', value: av, unit: null, counter: '명' },
      { text: b, kind: 'count', value: bv, unit: null, counter: '명' },
    ];
    const slipped = '올해 부산국제영화제 관람객은 16만2000명으로 집계됐다. 부산국제영화제 관람객 1만6200명은 역대 최다다.';
    expect(magnitudeChecks(slipped, specs('16만2000명', 162000, '1만6200명', 16200))).toHaveLength(1);
    const different = '부산국제영화제 관람객은 16만2000명이었다. 개막식 초청 인원은 1만6200명이었다.';
    expect(magnitudeChecks(different, specs('16만2000명', 162000, '1만6200명', 16200))).toEqual([]);
  });
});
