import { describe, expect, it } from 'vitest';
import { matchCurrencyBefore, matchUnitAt } from '../../../utils/detect/units';

describe('matchUnitAt', () => {
  it.each([
    ['5페타플롭스', 1, 'quantity', 'FLOP/s', 1e15],
    ['5 exaflops', 1, 'quantity', 'FLOP/s', 1e18],
    ['5PFLOPS', 1, 'quantity', 'FLOP/s', 1e15],
    ['5 TB', 1, 'quantity', 'B', 1e12],
    ['5GB/s', 1, 'quantity', 'B/s', 1e9],
    ['5 MW', 1, 'quantity', 'W', 1e6],
    ['5메가와트', 1, 'quantity', 'W', 1e6],
    ['5 km', 1, 'quantity', 'm', 1e3],
    ['5킬로미터', 1, 'quantity', 'm', 1e3],
    ['5 kg', 1, 'quantity', 'g', 1e3],
    ['5톤', 1, 'quantity', 'g', 1e6],
    ['5GHz', 1, 'quantity', 'Hz', 1e9],
    ['5달러', 1, 'money', 'USD', 1],
    ['5 위안', 1, 'money', 'CNY', 1],
    ['5 유로', 1, 'money', 'EUR', 1],
    ['5엔', 1, 'money', 'JPY', 1],
    ['5원', 1, 'money', 'KRW', 1],
    ['5 캐나다 달러', 1, 'money', 'CAD', 1],
    ['5 centimes', 1, null, null, 0],
    ['5%', 1, 'percent', '%', 1],
    ['5%포인트', 1, 'pp', 'pp', 1],
    ['5배럴', 1, 'quantity', 'L', 158.987294928],
    ['5개월', 1, 'count', null, 1],
    ['5명', 1, 'count', null, 1],
  ])('%s', (text, at, kind, unit, factor) => {
    const m = matchUnitAt(text, at);
    if (kind === null) {
      expect(m).toBeNull();
      return;
    }
    expect(m?.def.kind).toBe(kind);
    expect(m?.def.unit).toBe(unit);
    expect(m?.def.factor).toBe(factor);
  });

  it('prefers the longest surface (`배럴` over `배`, `개월` over `개`)', () => {
    expect(matchUnitAt('3배럴', 1)?.surface).toBe('배럴');
    expect(matchUnitAt('3개월', 1)?.surface).toBe('개월');
  });

  it('a unit word must not run into a longer word (`3원전`, `5 mother`)', () => {
    expect(matchUnitAt('3원전', 1)).toBeNull();
    expect(matchUnitAt('5 mother', 1)).toBeNull();
  });

  it('keeps the counter of a count', () => {
    expect(matchUnitAt('3곳', 1)?.def.counter).toBe('곳');
  });
});

describe('matchCurrencyBefore', () => {
  it.each([
    ['$5', 1, 'USD', 0],
    ['US$5', 3, 'USD', 0],
    ['hk $ 10', 5, 'HKD', 0],
    ['C$ 300', 3, 'CAD', 0],
    ['€2', 1, 'EUR', 0],
    ['£8', 1, 'GBP', 0],
    ['₩500', 1, 'KRW', 0],
    ['¥100', 1, 'JPY', 0],
    ['EUR 5', 4, 'EUR', 0],
  ])('%s', (text, at, unit, start) => {
    expect(matchCurrencyBefore(text, at)).toMatchObject({ unit, start });
  });

  it('no currency before a plain number', () => {
    expect(matchCurrencyBefore('about 5', 6)).toBeNull();
  });
});
