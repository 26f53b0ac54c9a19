/** Benchmark notes: realistic size (Korean quote, two selectors, comment, tags). */
import type { Annotation } from '../../../utils/annotation';

/** A UUID-shaped id that is random-looking (like crypto.randomUUID) but the same for the same i. */
function noteId(i: number): string {
  let x = (i + 1) * 0x9e3779b1;
  const hex = Array.from({ length: 32 }, () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return ((x >>> 0) % 16).toString(16);
  }).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export function makeNote(i: number): Annotation {
  const quote = `정부는 2024년 경제성장률이 ${(i % 50) / 10 + 1}%로 예상된다고 밝혔다 (claim ${i})`;
  const at = new Date(Date.UTC(2026, 0, 1, 0, 0, i % 60, i % 1000)).toISOString();
  return {
    id: noteId(i),
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
