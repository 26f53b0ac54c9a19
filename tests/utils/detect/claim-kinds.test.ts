import { describe, expect, it } from 'vitest';
import { claimKinds } from '../../../utils/detect/claim-kinds';
import type { ClaimKind } from '../../../utils/detect/types';
import { englishLexicon } from '../../../utils/detect/lexicons/en';
import { CUE_NAMES } from '../../../utils/detect/lexicons/types';

const cases: Array<[string, string, ClaimKind, boolean]> = [
  // Korean
  ['ko', '올해 수출은 지난해보다 크게 늘었다.', 'comparison', true],
  ['ko', '매출은 전년 대비 12% 증가했다.', 'comparison', true],
  ['ko', '딥시크는 GPT-4o에 비해 적은 비용을 들였다.', 'comparison', true],
  ['ko', '회사는 새 공장을 지었다.', 'comparison', false],
  ['ko', '그록3는 현존하는 챗봇 중 가장 뛰어나다.', 'superlative', true],
  ['ko', '국내 최초로 상용화에 성공했다.', 'superlative', true],
  ['ko', '수출액이 역대 최대를 기록했다.', 'superlative', true],
  ['ko', '회사는 새 공장을 지었다.', 'superlative', false],
  // Titles and everyday terms that only look superlative.
  ['ko', '최고경영자(CEO)는 사임했다.', 'superlative', false],
  ['ko', '내년 최저임금은 1만30원으로 결정됐다.', 'superlative', false],
  ['ko', '낮 최고기온은 33도를 기록했다.', 'superlative', false],
  ['ko', '주가는 사상 최고치를 경신했다.', 'superlative', true],
  ['ko', '그는 “그록3가 가장 뛰어나다”고 했다.', 'quote', true],
  ['ko', '김 교수는 경쟁이 심화됐다고 지적했다.', 'quote', true],
  ['ko', '업계에 따르면 출시는 다음 달이다.', 'quote', true],
  ['ko', '회사는 새 공장을 지었다.', 'quote', false],
  ['ko', '‘그록3’는 xAI의 새 모델이다.', 'quote', false],
  ['ko', '그는 “AI로 보인다“며 웃었다.', 'quote', true],
  ['ko', '그록3가 가장 뛰어난 추론 능력을 갖출 것이다.', 'prediction', true],
  ['ko', '내년 매출은 2조원에 이를 전망이다.', 'prediction', true],
  ['ko', '업계는 출시가 늦어질 것으로 예상했다.', 'prediction', true],
  ['ko', '회사는 새 공장을 지었다.', 'prediction', false],
  // A forecast figure beaten or missed is a past fact.
  ['ko', '영업이익은 시장 전망치를 밑돌았다.', 'prediction', false],
  ['ko', '실적이 예상보다 좋았다.', 'prediction', false],
  ['ko', '환율 상승 때문에 수입 물가가 올랐다.', 'causal', true],
  ['ko', '반도체 경기 회복에 힘입어 수출 증가를 견인했다.', 'causal', true],
  ['ko', '폭우로 인해 항공편이 결항됐다.', 'causal', true],
  ['ko', '회사는 새 공장을 지었다.', 'causal', false],
  // English
  ['en', 'Revenue was higher than analysts had expected.', 'comparison', true],
  ['en', 'Shares rose 9.3 percent from a year earlier.', 'comparison', true],
  ['en', 'Costs were 40% lower compared with its rival.', 'comparison', true],
  ['en', 'The company opened a plant.', 'comparison', false],
  ['en', 'It is the fastest AI training system in the world.', 'superlative', true],
  ['en', 'Exports hit a record in March.', 'superlative', true],
  ['en', 'She was the first woman to lead the bank.', 'superlative', true],
  ['en', 'The company opened a plant.', 'superlative', false],
  ['en', 'The company said the machine reaches 2.4 exaflops.', 'quote', true],
  ['en', 'According to the filing, profit doubled.', 'quote', true],
  ['en', '"Nobody else can do it," the chief executive told analysts.', 'quote', true],
  ['en', 'The company opened a plant.', 'quote', false],
  ['en', 'The United States has 50 states.', 'quote', false],
  ['en', 'Spending will reach $400 billion by 2027.', 'prediction', true],
  ['en', 'Analysts expect sales to slow.', 'prediction', true],
  ['en', 'The firm plans to open a second site.', 'prediction', true],
  ['en', 'The company opened a plant.', 'prediction', false],
  ['en', 'Prices rose in May.', 'prediction', false],
  // A result measured against a forecast is not a forecast (ko: 예상보다, 전망치를 밑돌았다).
  ['en', 'Inflation rose faster than expected in March.', 'prediction', false],
  ['en', 'Revenue was higher than analysts had expected.', 'prediction', false],
  ['en', 'Sales fell 3 percent, as widely forecast.', 'prediction', false],
  ['en', 'Analysts expected a 3 percent rise.', 'prediction', true],
  ['en', 'The deficit is projected to reach $1 trillion.', 'prediction', true],
  ['en', 'The forecast calls for a mild winter.', 'prediction', true],
  ['en', 'Prices rose because of the drought.', 'causal', true],
  ['en', 'The outage was caused by a faulty update.', 'causal', true],
  ['en', 'Higher rates led to fewer mortgages.', 'causal', true],
  ['en', 'The company opened a plant.', 'causal', false],
];

describe('claimKinds', () => {
  it.each(cases)('[%s] %s → %s: %s', (lang, sentence, kind, expected) => {
    expect(claimKinds(sentence, lang).includes(kind)).toBe(expected);
  });

  it('marks statistic exactly when the sentence holds a figure', () => {
    expect(claimKinds('회사는 새 공장을 지었다.', 'ko', true)).toEqual(['statistic']);
    expect(claimKinds('The company opened a plant.', 'en', false)).toEqual([]);
    expect(claimKinds('Sales fell 3% because of the strike.', 'en', true)).toEqual(['statistic', 'causal']);
  });

  it('gives languages without a lexicon only statistic', () => {
    expect(claimKinds('公司表示，这是世界上最快的系统。', 'other', true)).toEqual(['statistic']);
    expect(claimKinds('公司表示，这是世界上最快的系统。', 'other', false)).toEqual([]);
  });
});

describe('English lexicon', () => {
  it('is written in lower case: patterns run on the lower-cased sentence without the i flag', () => {
    for (const name of CUE_NAMES) {
      for (const phrase of englishLexicon[name].phrases ?? []) expect(phrase).toBe(phrase.toLowerCase());
      for (const gated of englishLexicon[name].patterns ?? []) {
        const pattern = gated instanceof RegExp ? gated : gated.pattern;
        // Upper-case letters may only appear in escapes (\S, \W, \D, \B).
        expect(pattern.source.replace(/\\[A-Z]/g, ''), `${name}: ${pattern}`).toBe(pattern.source.replace(/\\[A-Z]/g, '').toLowerCase());
      }
    }
  });
});
