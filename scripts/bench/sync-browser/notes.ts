/** Benchmark notes: realistic size (Korean quote, two selectors, comment, tags). */
import type { Annotation } from '../../../utils/annotation';

export function makeNote(i: number): Annotation {
  const quote = `정부는 2024년 경제성장률이 ${(i % 50) / 10 + 1}%로 예상된다고 밝혔다 (claim ${i})`;
  const at = new Date(Date.UTC(2026, 0, 1, 0, 0, i % 60, i % 1000)).toISOString();
  return {
    id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    pageUrl: `https://news.example/article/${i % 400}`,
    kind: 'claim',
    quote,
    selectors: [
      { type: 'TextQuoteSelector', exact: quote, prefix: '연합뉴스 보도에 따르면 ', suffix: ' 고 덧붙였다.' },
      { type: 'TextPositionSelector', start: i, end: i + quote.length },
    ],
    verdict: 'half-true',
    comment: `통계청 자료와 대조: 실제 수치는 ${(i % 30) / 10}%포인트 낮다.`,
    sources: ['https://kostat.go.kr/'],
    tags: ['경제', 'GDP'],
    createdAt: at,
    updatedAt: at,
  };
}
