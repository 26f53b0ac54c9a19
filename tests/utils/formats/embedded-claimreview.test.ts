// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { AnnotationDraftSchema } from '../../../utils/annotation-schema';
import {
  claimReviewToDraft,
  parseClaimReviewJson,
  readEmbeddedClaimReviews,
  verdictForRating,
} from '../../../utils/formats/embedded-claimreview';

const html = readFileSync(join(__dirname, '../../fixtures/factcheck-claimreview.html'), 'utf8');

function fixtureDocument(): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

describe('embedded ClaimReview', () => {
  it('finds the reviews in @graph and arrays, skipping malformed and non-JSON-LD scripts', () => {
    const reviews = readEmbeddedClaimReviews(fixtureDocument());
    expect(reviews.map((r) => r.claimReviewed)).toEqual([
      '국내 데이터센터 전력 사용량이 10년 새 3배로 늘었다',
      '데이터센터가 국내 전체 전력의 10%를 쓴다',
      "Korea's data-centre capacity will double by 2028",
    ]);
    expect(reviews[0]).toEqual({
      claimReviewed: '국내 데이터센터 전력 사용량이 10년 새 3배로 늘었다',
      rating: { value: 2, best: 5, worst: 1, alternateName: '대체로 사실 아님' },
      author: { name: '팩트체크 뉴스', url: 'https://factcheck.example.kr/' },
      url: 'https://factcheck.example.kr/2025/03/datacenter-power#claim-1',
      datePublished: '2025-03-12',
      itemReviewed: {
        appearance: ['https://news.example.kr/politics/2025/03/05/energy-debate', 'https://www.youtube.com/watch?v=example123'],
        author: '이주장 의원',
        datePublished: '2025-03-05',
      },
    });
    expect(reviews[2].author).toEqual({ name: 'Partner Fact Network' });
  });

  it('finds reviews nested in other items and ignores hostile keys', () => {
    const nested = parseClaimReviewJson(
      JSON.stringify({
        '@type': 'NewsArticle',
        review: { '@type': 'ClaimReview', claimReviewed: 'nested', reviewRating: { '@type': 'Rating', alternateName: 'False' } },
        __proto__: { polluted: true },
      }).replace('"review"', '"__proto__":{"polluted":true},"review"'),
    );
    expect(nested.map((r) => r.claimReviewed)).toEqual(['nested']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(parseClaimReviewJson('[[[[[[')).toEqual([]);
    expect(parseClaimReviewJson(`${'['.repeat(10_000)}${']'.repeat(10_000)}`)).toEqual([]);
  });

  it('maps ratings to our verdicts: text first, then the numeric scale', () => {
    expect(verdictForRating({ alternateName: '대체로 사실 아님', value: 2 })).toBe('mostly-false');
    expect(verdictForRating({ alternateName: '사실 아님' })).toBe('false');
    expect(verdictForRating({ alternateName: 'Half True', value: 5, best: 10, worst: 0 })).toBe('half-true');
    expect(verdictForRating({ alternateName: 'Pants on Fire!' })).toBe('false');
    expect(verdictForRating({ alternateName: 'Misleading' })).toBe('mostly-false');
    expect(verdictForRating({ alternateName: 'Mostly True' })).toBe('mostly-true');
    expect(verdictForRating({ alternateName: 'Unproven' })).toBe('unverifiable');
    expect(verdictForRating({ alternateName: '판단 유보' })).toBe('unverifiable');
    expect(verdictForRating({ alternateName: 'Correct' })).toBe('true');
    expect(verdictForRating({ value: 9, best: 10, worst: 0 })).toBe('true');
    expect(verdictForRating({ value: 1 })).toBe('false');
    expect(verdictForRating({ value: 11, best: 10, worst: 0 })).toBeUndefined();
    expect(verdictForRating({ alternateName: 'Satire' })).toBeUndefined();
  });

  it('turns a review into a valid annotation.save draft with the review as source', () => {
    const [review] = readEmbeddedClaimReviews(fixtureDocument());
    const draft = claimReviewToDraft(review, 'http://127.0.0.1:1234/factcheck-claimreview.html');
    expect(v.safeParse(AnnotationDraftSchema, draft).success).toBe(true);
    expect(draft).toMatchObject({
      kind: 'claim',
      verdict: 'mostly-false',
      quote: review.claimReviewed,
      comment: '팩트체크 뉴스: 대체로 사실 아님 (2025-03-12)',
    });
    expect(draft.sources[0]).toBe('https://factcheck.example.kr/2025/03/datacenter-power#claim-1');
    expect(claimReviewToDraft(review, 'http://127.0.0.1:1234/factcheck-claimreview.html').id).toBe(draft.id);
    expect(claimReviewToDraft(review, 'http://127.0.0.1:1234/other.html').id).not.toBe(draft.id);
  });
});
