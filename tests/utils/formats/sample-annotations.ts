/** Realistic notes for the format tests: Korean and English, every optional field, awkward characters. */
import type { Annotation } from '../../../utils/annotation';

export const KO_PAGE = 'https://news.example.kr/article/2025/02/grok3';
export const EN_PAGE = 'https://news.example.com/tech/datacenter-power?id=42';

export const samplePages = [
  { url: KO_PAGE, title: '머스크 "그록3, 엔비디아 H100 10만개로 학습"…"지구에서 가장 똑똑한 AI"' },
  { url: EN_PAGE, title: 'Data centres will use 9% of US power by 2030, report says' },
];

export function sampleAnnotations(): Annotation[] {
  return [
    {
      id: '0b9c2a4e-6a59-4f4e-9d7a-3f0e5d0c1a11',
      pageUrl: KO_PAGE,
      kind: 'figure',
      quote: '10만개',
      selectors: [
        { type: 'TextQuoteSelector', exact: '10만개', prefix: '그록3는 엔비디아 H100 GPU ', suffix: '를 사용해 학습했다고 밝혔다. 이는 ' },
        { type: 'TextPositionSelector', start: 120, end: 124 },
        { type: 'RangeSelector', startContainer: '/p[3]', startOffset: 18, endContainer: '/p[3]', endOffset: 22 },
      ],
      figures: [{ start: 120, end: 124, text: '10만개', kind: 'count', value: 100000, unit: null, counter: '개' }],
      verdict: 'mostly-true',
      comment: '엔비디아 발표와 일치. 다만 "10만개"는 최대치,\n실제 동시 가동은 더 적을 수 있음',
      sources: ['https://nvidianews.nvidia.com/news/xai-colossus', 'https://x.ai/blog/grok-3'],
      tags: ['AI', 'GPU', '반도체'],
      color: '#7cb342',
      createdAt: '2025-02-18T09:15:02.123Z',
      updatedAt: '2025-02-19T01:00:00.000Z',
    },
    {
      id: '5e1d7f22-0f0c-4b57-8a5e-2d8cbb7b9c22',
      pageUrl: KO_PAGE,
      kind: 'claim',
      quote: '지구에서 가장 똑똑한 AI',
      selectors: [
        { type: 'TextQuoteSelector', exact: '지구에서 가장 똑똑한 AI', prefix: '머스크는 그록3를 "', suffix: '"라고 소개했다.' },
        { type: 'TextPositionSelector', start: 40, end: 54 },
      ],
      verdict: 'unverifiable',
      comment: '=HYPERLINK("http://evil.example","click") 같은 문자열도 안전해야 함',
      sources: [],
      tags: ['주장'],
      createdAt: '2025-02-18T09:16:00.000Z',
      updatedAt: '2025-02-18T09:16:00.000Z',
    },
    {
      id: '9a3f6c11-2b7e-4d0a-b1c3-7e2f8a9d0b33',
      pageUrl: EN_PAGE,
      kind: 'claim',
      quote: 'Data centres could consume 9% of US electricity by 2030, more than double today\'s share, according to the report.',
      selectors: [
        {
          type: 'TextQuoteSelector',
          exact: 'Data centres could consume 9% of US electricity by 2030, more than double today\'s share, according to the report.',
          prefix: 'power grid. ',
          suffix: ' The estimate assumes',
        },
        { type: 'TextPositionSelector', start: 300, end: 414 },
      ],
      verdict: 'half-true',
      comment: 'EPRI gives a range of 4.6–9.1%; 9% is the top of it. Also: "double", really? -- check the 2023 baseline, & the "share", not usage',
      sources: ['https://www.epri.com/research/products/3002028905'],
      tags: ['energy', 'data centres'],
      createdAt: '2025-03-01T12:00:00.000Z',
      updatedAt: '2025-03-02T08:30:00.000Z',
    },
    {
      id: 'c4f0e8d2-7a6b-4c5d-9e8f-0a1b2c3d4e44',
      pageUrl: EN_PAGE,
      kind: 'highlight',
      quote: '-40% since 2019',
      selectors: [
        { type: 'TextQuoteSelector', exact: '-40% since 2019', prefix: 'fell ', suffix: ', while' },
        { type: 'TextPositionSelector', start: 520, end: 535 },
      ],
      sources: [],
      tags: [],
      createdAt: '2025-03-01T12:05:00.000Z',
      updatedAt: '2025-03-01T12:05:00.000Z',
    },
  ];
}
