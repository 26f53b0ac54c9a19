import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectFigures } from '../../../utils/detect/figures';
import type { Figure } from '../../../utils/detect/types';

/** The one figure whose text is exactly `surface` (fails loudly when missing). */
function figure(text: string, surface: string): Figure {
  const found = detectFigures(text).filter((f) => f.text === surface);
  expect(found, `${surface} in ${JSON.stringify(detectFigures(text).map((f) => f.text))}`).toHaveLength(1);
  return found[0]!;
}

function texts(text: string): string[] {
  return detectFigures(text).map((f) => f.text);
}

function assertOffsets(text: string, figures: Figure[]): void {
  let last = 0;
  for (const f of figures) {
    expect(text.slice(f.start, f.end)).toBe(f.text);
    expect(f.start).toBeGreaterThanOrEqual(last);
    last = f.end;
  }
}

describe('detectFigures: money', () => {
  it.each([
    ['비용(약 500만달러)으로', '약 500만달러', 5e6, 'USD', 'about'],
    ['2억 8천만 달러 상당의', '2억 8천만 달러', 2.8e8, 'USD', undefined],
    ['581억2000만달러를 투자', '581억2000만달러', 5.812e10, 'USD', undefined],
    ['9만 4천 달러를 지급했다', '9만 4천 달러', 94000, 'USD', undefined],
    ['매출 3조 2천억원을 기록', '3조 2천억원', 3.2e12, 'KRW', undefined],
    ['500만 엔을 받았다', '500만 엔', 5e6, 'JPY', undefined],
    ['1천억 위안을 돌파', '1천억 위안', 1e11, 'CNY', undefined],
    ['2백만 유로를 대출', '2백만 유로', 2e6, 'EUR', undefined],
    ['12월 계약은 1달러 20센트 상승', '1달러 20센트', 1.2, 'USD', undefined],
    ['cost about $1.8 billion to build', 'about $1.8 billion', 1.8e9, 'USD', 'about'],
    ['raised $5.6M in seed money', '$5.6M', 5.6e6, 'USD', undefined],
    ['a US$ 150 million loan', 'US$ 150 million', 1.5e8, 'USD', undefined],
    ['fined €2 million', '€2 million', 2e6, 'EUR', undefined],
    ['worth £8.10 million', '£8.10 million', 8.1e6, 'GBP', undefined],
    ['a ₩500 coin', '₩500', 500, 'KRW', undefined],
    ['down 34 cents', '34 cents', 0.34, 'USD', undefined],
    ['at 470 pence a share', '470 pence', 4.7, 'GBP', undefined],
    ['profit of 1.2bn euros', '1.2bn euros', 1.2e9, 'EUR', undefined],
  ])('%s', (text, surface, value, unit, qualifier) => {
    const f = figure(text, surface);
    expect(f.kind).toBe('money');
    expect(f.value).toBe(value);
    expect(f.unit).toBe(unit);
    expect(f.qualifier).toBe(qualifier);
  });

  it('reads 파운드 as money unless the sentence is about weight', () => {
    expect(figure('순 가치는 8백 10만 파운드로 추산', '8백 10만 파운드')).toMatchObject({ kind: 'money', unit: 'GBP', value: 8.1e6 });
    expect(figure('당신의 몸무게는 200 파운드입니다', '200 파운드')).toMatchObject({ kind: 'quantity', unit: 'g' });
    expect(figure('this baby is over two pounds', 'over two pounds')).toMatchObject({ kind: 'quantity', unit: 'g', qualifier: 'over' });
  });
});

describe('detectFigures: percent, points, multiples', () => {
  it.each([
    ['매출이 17% 늘었다', '17%', 'percent', 17, '%'],
    ['17퍼센트 증가', '17퍼센트', 'percent', 17, '%'],
    ['20프로 할인', '20프로', 'percent', 20, '%'],
    ['이십 퍼센트 할인 중', '이십 퍼센트', 'percent', 20, '%'],
    ['revenue rose 62% to', '62%', 'percent', 62, '%'],
    ['jumped 9.3 percent in early trading', '9.3 percent', 'percent', 9.3, '%'],
    ['기준금리를 0.25%포인트 인상', '0.25%포인트', 'pp', 0.25, 'pp'],
    ['지지율이 3%p 올랐다', '3%p', 'pp', 3, 'pp'],
    ['fell 1.5 percentage points', '1.5 percentage points', 'pp', 1.5, 'pp'],
    ['cut by 25 basis points', '25 basis points', 'pp', 0.25, 'pp'],
    ['a 25-basis-point cut', '25-basis-point', 'pp', 0.25, 'pp'],
    ['2.3배 늘었다', '2.3배', 'multiple', 2.3, 'x'],
    ['두 배로 늘었다', '두 배', 'multiple', 2, 'x'],
    ['a 3x speedup', '3x', 'multiple', 3, 'x'],
    ['a threefold increase', 'threefold', 'multiple', 3, 'x'],
    ['three times larger than', 'three times', 'multiple', 3, 'x'],
    ['전체의 3분의 1 수준', '3분의 1', 'multiple', 1 / 3, 'x'],
    ['raised rates by half a percentage point', 'half a percentage point', 'pp', 0.5, 'pp'],
    ['a cut of a quarter of a percentage point', 'a quarter of a percentage point', 'pp', 0.25, 'pp'],
    ['the Fed raised rates by a quarter point', 'a quarter point', 'pp', 0.25, 'pp'],
    ['a quarter-point cut in June', 'a quarter-point', 'pp', 0.25, 'pp'],
    ['응답자 10명 중 7명이 찬성했다', '10명 중 7명', 'multiple', 0.7, 'x'],
    ['국민 3명 가운데 1명꼴', '3명 가운데 1명', 'multiple', 1 / 3, 'x'],
    ['기업 100곳 중 3곳만', '100곳 중 3곳', 'multiple', 0.03, 'x'],
  ])('%s', (text, surface, kind, value, unit) => {
    const f = figure(text, surface);
    expect(f.kind).toBe(kind);
    expect(f.value).toBeCloseTo(value, 10);
    expect(f.unit).toBe(unit);
  });

  it.each([
    ['매출이 3배로 늘었다', '3배'],
    ['3 배 이상 빠르다', '3 배 이상'],
    ['2배가량 많다', '2배가량'],
    ['1.5배나 비싸다', '1.5배'],
    ['작년의 4배에 달한다', '4배'],
    ['5배까지 늘린다', '5배'],
    ['3배수로 압축했다', '3배'],
  ])('a multiple before a particle: %s', (text, surface) => {
    expect(figure(text, surface)).toMatchObject({ kind: 'multiple', unit: 'x' });
  });

  it.each([
    '그록3 배포 일정이 나왔다',
    '아이폰15 배터리 용량',
    '그록3 배달 서비스',
    '갤럭시S24 배경화면',
    '버전 2 배당 정책',
    '시즌3 배우들이 모였다',
  ])('a name before a word starting with 배 is not a multiple: %s', (text) => {
    expect(detectFigures(text).filter((f) => f.kind === 'multiple')).toEqual([]);
  });

  it('a share needs a small or round whole with the same counter', () => {
    expect(texts('참가자 300명 중 120명이 완주했다')).toEqual(['300명', '120명']);
    expect(texts('10명 중 3곳')).toEqual(['10명', '3곳']);
    expect(texts('5명 중 7명')).toEqual(['5명', '7명']);
  });

  it('a share a change is measured by, with the changed thing between the verb and `by`', () => {
    const third = figure('drought cut the harvest by a third this year', 'a third');
    expect(third.kind).toBe('multiple');
    expect(third.value).toBeCloseTo(1 / 3, 10);
    expect(figure('the firm reduced its global workforce by a quarter', 'a quarter')).toMatchObject({ kind: 'multiple', value: 0.25 });
    expect(texts('the deal was cut by a third party')).toEqual([]);
    expect(texts('the report was written by a third of the panel')).toEqual(['a third']); // `of` makes it a share anyway
    expect(texts('he won by a third of a second')).toEqual(['a third']);
    expect(texts('people who were stopped by a third officer')).toEqual([]);
  });

  it('a fraction before a noun other than a point stays a fraction', () => {
    expect(figure('a quarter of a century', 'a quarter')).toMatchObject({ kind: 'multiple', value: 0.25 });
    expect(detectFigures('half a pointless debate').filter((f) => f.kind === 'pp')).toEqual([]);
  });

  it('a negative percent keeps its sign', () => {
    expect(figure('성장률 -5% 기록', '-5%').value).toBe(-5);
    expect(figure('마이너스 오 퍼센트만 필요해', '마이너스 오 퍼센트').value).toBe(-5);
  });
});

describe('detectFigures: quantities', () => {
  it.each([
    ['최대 60페타플롭스(PFLOPS)의 연산 성능', '최대 60페타플롭스', 6e16, 'FLOP/s', 'up to'],
    ['총 6엑사플롭스(EFLOPS)의 연산량', '6엑사플롭스', 6e18, 'FLOP/s', undefined],
    ['reaches 2.4 exaflops of peak', '2.4 exaflops', 2.4e18, 'FLOP/s', undefined],
    ['delivers up to 95 petaflops', 'up to 95 petaflops', 9.5e16, 'FLOP/s', 'up to'],
    ['a 1 EFLOPS system', '1 EFLOPS', 1e18, 'FLOP/s', undefined],
    ['as much as 300 megawatts of power', 'as much as 300 megawatts', 3e8, 'W', 'up to'],
    ['1.4GW 규모 데이터센터', '1.4GW', 1.4e9, 'W', undefined],
    ['500메가와트 규모', '500메가와트', 5e8, 'W', undefined],
    ['80GB HBM', '80GB', 8e10, 'B', undefined],
    ['3.35TB/s bandwidth', '3.35TB/s', 3.35e12, 'B/s', undefined],
    ['클럭 3.2GHz', '3.2GHz', 3.2e9, 'Hz', undefined],
    ['325 킬로미터 떨어진', '325 킬로미터', 325000, 'm', undefined],
    ['a 7.62mm barrel', '7.62mm', 0.00762, 'm', undefined],
    ['500 metres east', '500 metres', 500, 'm', undefined],
    ['19만 평방 미터에 이르는', '19만 평방 미터', 190000, 'm²', undefined],
    ['하루 50 만 배럴 감소', '50 만 배럴', 500000 * 158.987294928, 'L', undefined],
    ['145만 8천 톤에서', '145만 8천 톤', 1.458e12, 'g', undefined],
    ['시속 188 마일 이상', '시속 188 마일 이상', 188 * 1.609344, 'km/h', 'at least'],
    ['낮 최고기온이 35도까지 올라', '35도', 35, '°C', undefined],
    ['영하 10도의 한파', '영하 10도', -10, '°C', undefined],
    ['temperatures of 104°F', '104°F', 40, '°C', undefined],
    // Unit compatibility characters, common in Korean news and kept by NFC.
    ['반경 2㎞ 이내 주민', '2㎞', 2000, 'm', undefined],
    ['한 번 충전하면 최대 500㎞를 달린다', '최대 500㎞', 500000, 'm', 'up to'],
    ['쌀 20㎏ 한 포대', '20㎏', 20000, 'g', undefined],
    ['강수량 120㎜를 기록', '120㎜', 0.12, 'm', undefined],
    ['면적 84㎡ 아파트', '84㎡', 84, 'm²', undefined],
    ['50㎾ 급속충전기', '50㎾', 50000, 'W', undefined],
    ['연간 3,000㎿h를 생산', '3,000㎿h', 3e9, 'Wh', undefined],
    ['우유 200㎖', '200㎖', 0.2, 'L', undefined],
    ['3.5㎓ 대역', '3.5㎓', 3.5e9, 'Hz', undefined],
  ])('%s', (text, surface, value, unit, qualifier) => {
    const f = figure(text, surface);
    expect(f.kind).toBe('quantity');
    expect(f.value! / value).toBeCloseTo(1, 9);
    expect(f.unit).toBe(unit);
    expect(f.qualifier).toBe(qualifier);
  });

  it('도 without temperature context is not a figure', () => {
    expect(detectFigures('그는 3도 했다').filter((f) => f.unit === '°C')).toEqual([]);
    expect(detectFigures('각도를 30도 돌렸다').filter((f) => f.unit === '°C')).toEqual([]);
  });
});

describe('detectFigures: counts', () => {
  it.each([
    ['엔비디아 H100 GPU 10만개를 탑재한', '10만개', 100000, '개'],
    ['1만6000개의 일자리', '1만6000개', 16000, '개'],
    ['관객 9만 4천 명이 찾았다', '9만 4천 명', 94000, '명'],
    ['세 곳에 짓는다', '세 곳', 3, '곳'],
    ['스물여섯명이 죽다', '스물여섯명', 26, '명'],
    ['삼천 명이 모였다', '삼천 명', 3000, '명'],
    ['126 대의 전투기', '126 대', 126, '대'],
  ])('%s', (text, surface, value, counter) => {
    const f = figure(text, surface);
    expect(f.kind).toBe('count');
    expect(f.value).toBe(value);
    expect(f.unit).toBeNull();
    expect(f.counter).toBe(counter);
  });

  it('English counts', () => {
    expect(figure('built from 48,000 of its own accelerators', '48,000')).toMatchObject({ kind: 'count', value: 48000, unit: null });
    expect(figure('a dozen engineers left', 'a dozen')).toMatchObject({ kind: 'count', value: 12 });
    expect(figure('in under three weeks', 'under three')).toMatchObject({ kind: 'count', value: 3, qualifier: 'under' });
    expect(figure('100,000 GPUs', '100,000').value).toBe(100000);
  });
});

describe('detectFigures: qualifiers', () => {
  it.each([
    ['약 500만달러', 'about'],
    ['최대 60페타플롭스', 'up to'],
    ['최소 3명', 'at least'],
    ['10만 명 이상', 'at least'],
    ['5만 명 이하', 'at most'],
    ['18세 미만', 'under'],
    ['1천억원 초과', 'over'],
    ['300억원 가량', 'about'],
    ['100여 명', 'over'],
    ['거의 50%', 'nearly'],
    ['nearly 40%', 'nearly'],
    ['almost $2 billion', 'nearly'],
    ['more than 300', 'over'],
    ['at least 14', 'at least'],
    ['roughly 40%', 'about'],
    ['over 188 miles', 'over'],
    ['less than 15%', 'under'],
    ['두 배 가까이', 'nearly'],
    ['100명 가까운', 'nearly'],
  ])('%s → %s', (text, qualifier) => {
    const found = detectFigures(text);
    expect(found).toHaveLength(1);
    expect(found[0]!.qualifier).toBe(qualifier);
    expect(found[0]!.text).toBe(text);
  });
});

describe('detectFigures: ranges', () => {
  it.each([
    ['약 1~2엑사플롭스 수준', '약 1~2엑사플롭스', 'quantity', 1e18, 2e18, 'FLOP/s', 'about'],
    ['30억∼40억달러 규모', '30억∼40억달러', 'money', 3e9, 4e9, 'USD', undefined],
    ['1~2억 원', '1~2억 원', 'money', 1e8, 2e8, 'KRW', undefined],
    ['3-4% growth', '3-4%', 'percent', 3, 4, '%', undefined],
    ['between 3 and 4 percent', 'between 3 and 4 percent', 'percent', 3, 4, '%', undefined],
    ['$3-4 billion deal', '$3-4 billion', 'money', 3e9, 4e9, 'USD', undefined],
    ['two to three times faster', 'two to three times', 'multiple', 2, 3, 'x', undefined],
    ['8 ~ 10 피트 높이', '8 ~ 10 피트', 'quantity', 8 * 0.3048, 10 * 0.3048, 'm', undefined],
    // `…대` is "in the … range": from the number up to the next step of its last digit.
    ['연 4%대 금리', '4%대', 'percent', 4, 5, '%', undefined],
    ['지지율은 30%대로 떨어졌다', '30%대', 'percent', 30, 40, '%', undefined],
    ['3천억원대 매출', '3천억원대', 'money', 3e11, 4e11, 'KRW', undefined],
    ['2500만원대 중고차', '2500만원대', 'money', 2.5e7, 2.6e7, 'KRW', undefined],
  ])('%s', (text, surface, kind, min, max, unit, qualifier) => {
    const f = figure(text, surface);
    expect(f.kind).toBe(kind);
    expect(f.value).toBeUndefined();
    expect(f.min! / min).toBeCloseTo(1, 9);
    expect(f.max! / max).toBeCloseTo(1, 9);
    expect(f.unit).toBe(unit);
    expect(f.qualifier).toBe(qualifier);
  });

  it('대 that starts another word is not a range (대비 "compared with", 대출 "loan")', () => {
    expect(detectFigures('전년 4% 대비').map((f) => [f.text, f.value])).toEqual([['4%', 4]]);
    expect(detectFigures('10%대비 증가').map((f) => [f.text, f.value])).toEqual([['10%', 10]]);
  });

  it('a change is not a range', () => {
    const found = detectFigures('sales rose from $180 billion to $400 billion');
    expect(found.map((f) => f.value)).toEqual([1.8e11, 4e11]);
  });

  it('years and scores with hyphens are not ranges', () => {
    expect(detectFigures('the 2025-2026 season').every((f) => f.min === undefined)).toBe(true);
  });
});

describe('detectFigures: dates', () => {
  it.each([
    ['2025년 2월 17일 공개', '2025년 2월 17일', '2025-02-17'],
    ['2025.02.17 발표', '2025.02.17', '2025-02-17'],
    ['2025. 2. 17. 발표', '2025. 2. 17.', '2025-02-17'],
    ['2025-02-17 기준', '2025-02-17', '2025-02-17'],
    ['1989년에 팔았다', '1989년', '1989'],
    ['12월 1일부터', '12월 1일', '--12-01'],
    ['By Staff Reporter · March 4, 2025', 'March 4, 2025', '2025-03-04'],
    ['on 4 March 2025 the', '4 March 2025', '2025-03-04'],
    ['in March 2025', 'March 2025', '2025-03'],
    ['$400 billion by 2027', '2027', '2027'],
    ['ahead of the 2024 election', '2024', '2024'],
  ])('%s', (text, surface, iso) => {
    const f = figure(text, surface);
    expect(f.kind).toBe('date');
    expect(f.iso).toBe(iso);
    expect(f.unit).toBeNull();
  });

  it('a day without a month is left alone', () => {
    expect(texts('지난 16일 소셜미디어에')).toEqual([]);
  });
});

describe('detectFigures: spans that are not ranges', () => {
  it('a unit on the first number only is a change to a level', () => {
    expect(texts('The S&P 500 rose 1.2% to 5,800.5 on Friday')).toEqual(['1.2%', '5,800.5']);
    expect(figure('growth of 3 to 4% a year', '3 to 4%')).toMatchObject({ kind: 'percent', min: 3, max: 4 });
    expect(figure('between 3% and 4% a year', 'between 3% and 4%')).toMatchObject({ kind: 'percent', min: 3, max: 4 });
    expect(figure('$3-4 billion', '$3-4 billion')).toMatchObject({ kind: 'money', min: 3e9, max: 4e9 });
  });

  it('a span of months is one date', () => {
    expect(figure('올해 1~9월 누적 적자', '1~9월')).toMatchObject({ kind: 'date', iso: '--01/--09' });
    expect(texts('3-5월에 집중됐다')).toEqual(['3-5월']);
    expect(texts('1~9월 누적')).not.toContain('1');
  });
});

describe('detectFigures: addresses and times of day', () => {
  it('a house number is not a count', () => {
    expect(texts('talks at 10 Downing Street began')).toEqual([]);
    expect(texts('from 1600 Pennsylvania Avenue to the Hill')).toEqual([]);
    expect(texts('10 Downing officials said')).toEqual(['10']);
  });

  it('the minutes of a time of day are not a count of minutes', () => {
    expect(texts('오후 3시 30분에 공개했다')).toEqual([]);
    expect(texts('3시30분 회의')).toEqual([]);
    expect(texts('20분간 멈췄다')).toEqual(['20분']);
    expect(texts('회의는 30분 늦게 시작했다')).toEqual(['30분']);
  });
});

describe('detectFigures: not figures', () => {
  it.each([
    'Llama 3.1',
    'GPT-4o',
    'GPT-5',
    'GPT-4',
    'iOS 18',
    '엔비디아 H100',
    '그록3',
    '그록3가 공개된다',
    '그록3 배포',
    '아이폰15 배터리',
    '딥시크 R1',
    'FP8',
    'HBM3E',
    '5G 가입자',
    '한국은 일본을 2대1로 꺾었다',
    '3 대 2 역전승',
    '3분기 실적',
    'a Boeing 737 jet',
    'the S&P 500 index',
    'the FTSE 100 closed',
    'Fortune 500 companies',
    'an Xbox 360',
    'Route 66',
    '코스피 200 지수',
    '21대 국회',
    '3·1절 기념식',
    '6·25 전쟁',
    '5·18 민주화운동',
    '지난해 4분기 매출',
    '20대 남성이 숨졌다',
    '30대 초반 직장인',
    '4G LTE networks',
    'X 1.0',
    'Windows 11 update',
    'COVID-19 cases',
    '전화 010-1234-5678',
    'call +1-222-333-4444',
    'see https://example.com/a?id=3000&b=25',
    'mail me at a2000@example.com',
    '각주[1]',
    'chapter 3 explains',
    '제3조에 따라',
    '세계 1위',
    '두 번째 모델',
    'the 20th century',
    '192.168.1.2',
    'version 3.1.4',
    '오후 2시에 만나자',
    'at 10:30 am',
    '이 회사는',
    '사과를 먹었다',
    'one of the fastest',
    '만 18세 이상',
  ])('%s', (text) => {
    const found = detectFigures(text).filter((f) => !(text === '만 18세 이상' && f.text.startsWith('18')));
    expect(found).toEqual([]);
  });
});

describe('detectFigures: offsets and order', () => {
  it('every figure text is the slice it points at, sorted, no overlap', () => {
    const text = '약 1~2엑사플롭스, $1.8 billion, 2025년 2월 17일, 10만개, between 3 and 4 percent, 0.25%포인트 😀 17%';
    const found = detectFigures(text);
    expect(found.length).toBe(7);
    assertOffsets(text, found);
  });

  it('UTF-16 offsets survive astral characters before a figure', () => {
    const text = '𝕏😀 17%';
    const [f] = detectFigures(text);
    expect(f!.start).toBe(5);
    expect(text.slice(f!.start, f!.end)).toBe('17%');
  });
});

function paragraphs(html: string): string {
  const article = /<article[\s\S]*?<\/article>/.exec(html)?.[0] ?? html;
  return article
    .replace(/<(script|style|aside|figure)[\s\S]*?<\/\1>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&nbsp;/g, ' ')
    .replace(/[ \t]+/g, ' ');
}

describe('detectFigures on the fixtures', () => {
  it('news-ko-grok3.html: the article figures with their values, no model names', () => {
    const text = paragraphs(readFileSync('tests/fixtures/news-ko-grok3.html', 'utf8'));
    const found = detectFigures(text);
    assertOffsets(text, found);
    const byText = new Map(found.map((f) => [f.text, f]));
    expect(byText.get('10만개')).toMatchObject({ kind: 'count', value: 100000, counter: '개' });
    expect(byText.get('최대 60페타플롭스')).toMatchObject({ kind: 'quantity', value: 6e16, unit: 'FLOP/s', qualifier: 'up to' });
    expect(byText.get('6엑사플롭스')).toMatchObject({ kind: 'quantity', value: 6e18, unit: 'FLOP/s' });
    expect(byText.get('약 1~2엑사플롭스')).toMatchObject({ kind: 'quantity', min: 1e18, max: 2e18, unit: 'FLOP/s', qualifier: 'about' });
    expect(byText.get('약 500만달러')).toMatchObject({ kind: 'money', value: 5e6, unit: 'USD', qualifier: 'about' });
    for (const name of ['그록3', 'H100', 'GPT-4', 'GPT-5', 'GPT-4o', 'R1', '3.1', 'FP8', '3', '4', '5', '1', '8', '17일', '16일']) {
      expect(found.some((f) => f.text === name), name).toBe(false);
    }
  });

  it('news-en-datacenter.html: the article figures with their values', () => {
    const text = paragraphs(readFileSync('tests/fixtures/news-en-datacenter.html', 'utf8'));
    const found = detectFigures(text);
    assertOffsets(text, found);
    const values = found.map((f) => [f.text, f.kind, f.value ?? [f.min, f.max], f.unit]);
    expect(values).toEqual(
      expect.arrayContaining([
        ['48,000', 'count', 48000, null],
        ['2.4 exaflops', 'quantity', 2.4e18, 'FLOP/s'],
        ['about $1.8 billion', 'money', 1.8e9, 'USD'],
        ['roughly 40%', 'percent', 40, '%'],
        ['up to 95 petaflops', 'quantity', 9.5e16, 'FLOP/s'],
        ['62%', 'percent', 62, '%'],
        ['$14.2 billion', 'money', 1.42e10, 'USD'],
        ['$5.1 billion', 'money', 5.1e9, 'USD'],
        ['9.3 percent', 'percent', 9.3, '%'],
        ['about $38 billion', 'money', 3.8e10, 'USD'],
        ['$400 billion', 'money', 4e11, 'USD'],
        ['$180 billion', 'money', 1.8e11, 'USD'],
        ['as much as 300 megawatts', 'quantity', 3e8, 'W'],
        ['2027', 'date', [undefined, undefined], null],
      ]),
    );
    expect(found.find((f) => f.text === 'March 4, 2025')?.iso).toBe('2025-03-04');
  });
});
