import { describe, expect, it } from 'vitest';
import { findChecks } from '../../../../utils/detect/checks';
import { buildFigures } from './figure-builder';

const productChecks = (text: string, specs: Parameters<typeof buildFigures>[1], lang?: 'ko' | 'en') =>
  findChecks(text, buildFigures(text, specs), { lang }).filter((c) => c.kind === 'product');

describe('product check (Korean)', () => {
  const text =
    '그록3는 엔비디아 H100 GPU 10만개를 탑재한 콜로서스 슈퍼컴퓨터에서 훈련됐다. H100은 FP8 기준 최대 60페타플롭스(PFLOPS)의 연산 성능을 제공한다. ' +
    '이를 이론적으로 계산하면, 그록3의 훈련에는 총 {TOTAL}(EFLOPS)의 연산량이 동원될 수 있다.';
  const specs = (total: string, value: number) => [
    { text: '10만개', kind: 'count' as const, value: 1e5, unit: null, counter: '개' },
    { text: '60페타플롭스', kind: 'quantity' as const, value: 6e16, unit: 'FLOP/s', qualifier: '최대' },
    { text: total, kind: 'quantity' as const, value, unit: 'FLOP/s', qualifier: '총' },
  ];

  it('flags 10만개 × 60페타플롭스 against a stated 6엑사플롭스, with the arithmetic', () => {
    const t = text.replace('{TOTAL}', '6엑사플롭스');
    const checks = productChecks(t, specs('6엑사플롭스', 6e18));
    expect(checks).toHaveLength(1);
    expect(checks[0].figures).toEqual([0, 1, 2]);
    expect(checks[0].message).toContain('100,000개 × 60 PFLOPS = 6,000 EFLOPS');
    expect(checks[0].message).toContain('6 EFLOPS');
    expect(checks[0].message).toContain('1,000배 차이');
    expect(checks[0].message).toContain('확인이 필요합니다');
  });

  it('stays quiet when the total matches within the "up to" allowance', () => {
    // 6,000 EFLOPS peak; 4,500 EFLOPS sustained is inside 1.5× of a maximum.
    const t = text.replace('{TOTAL}', '4500엑사플롭스');
    expect(productChecks(t, specs('4500엑사플롭스', 4.5e21))).toEqual([]);
  });

  it('links money per unit through 대당', () => {
    const t = '시는 전기버스 300대를 대당 5억원에 사들였다. 이 사업에 총 {T}이 들었다.';
    const make = (total: string, value: number) =>
      productChecks(t.replace('{T}', total), [
        { text: '300대', kind: 'count', value: 300, unit: null, counter: '대' },
        { text: '5억원', kind: 'money', value: 5e8, unit: 'KRW' },
        { text: total, kind: 'money', value, unit: 'KRW' },
      ]);
    expect(make('1500억원', 1.5e11)).toEqual([]);
    const flagged = make('15조원', 1.5e13);
    expect(flagged).toHaveLength(1);
    expect(flagged[0].message).toContain('300대 × 5억 원 = 1500억 원');
    expect(flagged[0].message).toContain('15조 원');
  });
});

describe('product check (English)', () => {
  const text =
    'Its new Halcyon cluster, built from 48,000 of its own accelerators, is the fastest in the world.\n' +
    'The company said the machine reaches {TOTAL} of peak performance.\n' +
    'Each accelerator delivers up to 95 petaflops, according to the specification sheet.';
  const specs = (total: string, value: number) => [
    { text: '48,000', kind: 'count' as const, value: 48000, unit: null },
    { text: total, kind: 'quantity' as const, value, unit: 'FLOP/s' },
    { text: '95 petaflops', kind: 'quantity' as const, value: 9.5e16, unit: 'FLOP/s', qualifier: 'up to' },
  ];

  it('flags 48,000 × 95 petaflops against 2.4 exaflops', () => {
    const t = text.replace('{TOTAL}', '2.4 exaflops');
    const checks = productChecks(t, specs('2.4 exaflops', 2.4e18));
    expect(checks).toHaveLength(1);
    expect(checks[0].figures).toEqual([0, 2, 1]);
    expect(checks[0].message).toBe(
      '48,000 × 95 PFLOPS = 4,560 EFLOPS; the article states 2.4 EFLOPS (1,900× apart, too far even for a per-unit maximum) — worth verifying.',
    );
    expect(checks[0].arithmetic).toBe('48,000 × 95 PFLOPS = 4,560 EFLOPS ≠ 2.4 EFLOPS');
  });

  it('treats "up to" as a maximum: 1.3× below the product is not flagged, 1.8× is', () => {
    expect(productChecks(text.replace('{TOTAL}', '3.5 zettaflops'), specs('3.5 zettaflops', 3.5e21))).toEqual([]);
    expect(productChecks(text.replace('{TOTAL}', '2.5 zettaflops'), specs('2.5 zettaflops', 2.5e21))).toHaveLength(1);
  });

  it('flags an exact per-unit figure that misses by more than rounding', () => {
    const t = 'The city bought 300 buses at $500,000 each, spending a total of $1.5 billion.';
    const checks = productChecks(t, [
      { text: '300', kind: 'count', value: 300, unit: null },
      { text: '$500,000', kind: 'money', value: 5e5, unit: 'USD' },
      { text: '$1.5 billion', kind: 'money', value: 1.5e9, unit: 'USD' },
    ]);
    expect(checks).toHaveLength(1);
    expect(checks[0].message).toContain('300 × $500,000 = $150 million');
    expect(checks[0].message).toContain('states $1.5 billion');
    expect(checks[0].message).toContain('10× apart');
  });

  it('does not multiply a count by a figure about something else', () => {
    const t =
      'The retailer operates 5,000 stores across the country. Frontier, the fastest public supercomputer, reaches 1.1 exaflops, and a single Nvidia chip delivers 60 petaflops.';
    const checks = productChecks(t, [
      { text: '5,000', kind: 'count', value: 5000, unit: null },
      { text: '1.1 exaflops', kind: 'quantity', value: 1.1e18, unit: 'FLOP/s' },
      { text: '60 petaflops', kind: 'quantity', value: 6e16, unit: 'FLOP/s' },
    ]);
    expect(checks).toEqual([]);
  });

  // From ClaimBuster (1980-09-21): "a million or 2 million barrels" is one range, not a count times a rate.
  it('does not take the second half of "a million or 2 million barrels" as a per-unit figure', () => {
    const t =
      'Our total consumption of oil may not increase by more than a million or 2 million barrels of oil a day. The rest of the world may see its consumption rise from 51 million barrels to about 66 million.';
    const checks = productChecks(t, [
      { text: 'a million', kind: 'count', value: 1e6, unit: null },
      { text: '2 million barrels', kind: 'quantity', value: 318e6, unit: 'L' },
      { text: '51 million barrels', kind: 'quantity', value: 8108e6, unit: 'L' },
      { text: '66 million', kind: 'count', value: 66e6, unit: null, qualifier: 'about' },
    ]);
    expect(checks).toEqual([]);
  });

  it('writes the message in the requested language', () => {
    const t = text.replace('{TOTAL}', '2.4 exaflops');
    const [check] = productChecks(t, specs('2.4 exaflops', 2.4e18), 'ko');
    expect(check.message).toContain('48,000 × 95 PFLOPS = 4,560 EFLOPS이지만');
  });
});
