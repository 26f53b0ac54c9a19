import { describe, expect, it } from 'vitest';
import { findChecks } from '../../../../utils/detect/checks';
import { buildFigures } from './figure-builder';

const dimensionChecks = (text: string, specs: Parameters<typeof buildFigures>[1]) =>
  findChecks(text, buildFigures(text, specs)).filter((c) => c.kind === 'dimension');

describe('dimension check (Korean)', () => {
  it('flags FLOPS used for 연산량 but not for 연산 성능', () => {
    const text =
      'H100은 최대 60페타플롭스(PFLOPS)의 연산 성능을 제공한다. 그록3의 훈련에는 총 6엑사플롭스(EFLOPS)의 연산량이 동원될 수 있다. ' +
      '오픈AI GPT-4의 훈련 연산량은 공식적으로 공개되지 않았지만, 업계에서는 약 1~2엑사플롭스 수준으로 추정하고 있다.';
    const checks = dimensionChecks(text, [
      { text: '60페타플롭스', kind: 'quantity', value: 6e16, unit: 'FLOP/s', qualifier: '최대' },
      { text: '6엑사플롭스', kind: 'quantity', value: 6e18, unit: 'FLOP/s' },
      { text: '1~2엑사플롭스', kind: 'quantity', min: 1e18, max: 2e18, unit: 'FLOP/s', qualifier: '약' },
    ]);
    expect(checks.map((c) => c.figures)).toEqual([[1], [2]]);
    expect(checks[0].message).toContain('‘6엑사플롭스’');
    expect(checks[0].message).toContain('연산량');
    expect(checks[0].message).toContain('확인이 필요합니다');
  });

  it('flags W used for an amount of energy, not for capacity', () => {
    const text = '이 데이터센터의 연간 전력 사용량은 300메가와트에 이른다. 새 발전소의 설비 용량은 500메가와트 규모다.';
    const checks = dimensionChecks(text, [
      { text: '300메가와트', kind: 'quantity', value: 3e8, unit: 'W' },
      { text: '500메가와트', kind: 'quantity', value: 5e8, unit: 'W' },
    ]);
    expect(checks.map((c) => c.figures)).toEqual([[0]]);
    expect(checks[0].message).toContain('W(와트)');
  });

  it('flags Wh used for a power output', () => {
    const text = '이 발전소의 출력은 500메가와트시다. 배터리는 100메가와트시를 저장한다.';
    const checks = dimensionChecks(text, [
      { text: '500메가와트시', kind: 'quantity', value: 5e8, unit: 'Wh' },
      { text: '100메가와트시', kind: 'quantity', value: 1e8, unit: 'Wh' },
    ]);
    expect(checks.map((c) => c.figures)).toEqual([[0]]);
  });
});

describe('dimension check (English)', () => {
  it('flags FLOPS for compute spent, not for peak performance', () => {
    const text =
      'The machine reaches 2.4 exaflops of peak performance. Training the model took a total compute of 6 exaflops, the company said.';
    const checks = dimensionChecks(text, [
      { text: '2.4 exaflops', kind: 'quantity', value: 2.4e18, unit: 'FLOP/s' },
      { text: '6 exaflops', kind: 'quantity', value: 6e18, unit: 'FLOP/s' },
    ]);
    expect(checks.map((c) => c.figures)).toEqual([[1]]);
    expect(checks[0].message).toBe(
      '“6 exaflops” is a rate (FLOPS, operations per second) but is used here for an amount of work (“total compute”, counted in FLOPs) — worth verifying which was meant.',
    );
  });

  it('flags megawatts consumed in a year, not a plant drawing power', () => {
    const text =
      'The data center consumed 300 megawatts of energy last year. The company plans a second site, which will draw as much as 300 megawatts of power.';
    const checks = dimensionChecks(text, [
      { text: '300 megawatts', kind: 'quantity', value: 3e8, unit: 'W' },
      { text: '300 megawatts', kind: 'quantity', value: 3e8, unit: 'W', qualifier: 'as much as', occurrence: 2 },
    ]);
    expect(checks.map((c) => c.figures)).toEqual([[0]]);
  });

  it('flags an energy unit given as a power output, not battery storage', () => {
    const text = 'The plant has a power output of 500 MWh. Its battery stores 100 MWh.';
    const checks = dimensionChecks(text, [
      { text: '500 MWh', kind: 'quantity', value: 5e8, unit: 'Wh' },
      { text: '100 MWh', kind: 'quantity', value: 1e8, unit: 'Wh' },
    ]);
    expect(checks.map((c) => c.figures)).toEqual([[0]]);
    expect(checks[0].message).toContain('amount of energy');
  });
});
