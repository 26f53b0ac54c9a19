/**
 * The 10,000 notes of the "formats" suite: Korean and English, figures on a
 * third, verdicts, comments and sources on most. Shared by the Node rows and
 * the in-browser page (so it imports nothing from Node).
 */
import type { Annotation, Verdict } from '../../../utils/annotation';
import { VERDICT_KEYS } from '../../../utils/annotation';

export const NOTES = 10_000;
export const PAGES = 400;

export function makeNote(i: number): Annotation {
  const korean = i % 2 === 0;
  const quote = korean
    ? `정부는 2024년 경제성장률이 ${(i % 50) / 10 + 1}%로 예상된다고 밝혔다 (주장 ${i})`
    : `Unemployment fell to ${(i % 40) / 10 + 3}% in the third quarter, the lowest in ${i % 20} years (claim ${i})`;
  const at = new Date(Date.UTC(2025, 0, 1, 0, 0, i % 60, i % 1000) + i * 60_000).toISOString();
  const verdict: Verdict | undefined = i % 5 === 4 ? undefined : VERDICT_KEYS[i % VERDICT_KEYS.length];
  return {
    id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    pageUrl: `https://news.example/article/${i % PAGES}`,
    kind: i % 3 === 0 ? 'figure' : 'claim',
    quote,
    selectors: [
      { type: 'TextQuoteSelector', exact: quote, prefix: korean ? '연합뉴스 보도에 따르면 ' : 'According to the agency, ', suffix: korean ? ' 고 덧붙였다.' : ', it added.' },
      { type: 'TextPositionSelector', start: i, end: i + quote.length },
    ],
    ...(i % 3 === 0 ? { figures: [{ start: 10, end: 14, text: '2024년', kind: 'date' as const, unit: null, iso: '2024' }] } : {}),
    ...(verdict ? { verdict } : {}),
    ...(i % 2 ? { comment: `Checked against the statistics office release, "table 3", row ${i}; differs by ${(i % 30) / 10} pp.` } : {}),
    sources: i % 4 ? ['https://kostat.go.kr/', `https://stats.example.org/release/${i}`] : [],
    tags: korean ? ['경제', 'GDP'] : ['labour', 'jobs'],
    createdAt: at,
    updatedAt: at,
  };
}

export function makePages(): { url: string; title: string }[] {
  return Array.from({ length: PAGES }, (_, i) => ({ url: `https://news.example/article/${i}`, title: `기사 제목 ${i} — Article ${i}` }));
}
