// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { readMicrodataItems } from '../../../utils/formats/microdata';
import { readEmbeddedClaimReviews } from '../../../utils/formats/embedded-claimreview';

function page(body: string, base = 'https://factcheck.example.org/2025/04/review.html'): Document {
  return new DOMParser().parseFromString(`<!doctype html><html><head><base href="${base}"></head><body>${body}</body></html>`, 'text/html');
}

// The shape fact-checkers used before JSON-LD took over (and some CMS templates still emit).
const MICRODATA_REVIEW = `
<article itemscope itemtype="http://schema.org/ClaimReview">
  <meta itemprop="datePublished" content="2025-04-02">
  <link itemprop="url" href="/2025/04/review.html#minimum-wage">
  <div itemprop="author" itemscope itemtype="http://schema.org/Organization">
    <span itemprop="name">Example Fact Desk</span>
    <link itemprop="url" href="https://factcheck.example.org/">
  </div>
  <h1>Claim: <span itemprop="claimReviewed">The minimum wage rose 30 percent in two years</span></h1>
  <div itemprop="itemReviewed" itemscope itemtype="http://schema.org/Claim">
    <div itemprop="author" itemscope itemtype="http://schema.org/Person"><span itemprop="name">A. Senator</span></div>
    <time itemprop="datePublished" datetime="2025-03-28">28 March</time>
    <a itemprop="appearance" href="https://news.example.com/debate">seen here</a>
  </div>
  <div itemprop="reviewRating" itemscope itemtype="http://schema.org/Rating">
    Rating: <span itemprop="alternateName">Mostly False</span>
    <meta itemprop="ratingValue" content="2"><meta itemprop="bestRating" content="5"><meta itemprop="worstRating" content="1">
  </div>
</article>`;

describe('microdata reader', () => {
  it('reads a microdata ClaimReview the same way as its JSON-LD form', () => {
    const [review] = readEmbeddedClaimReviews(page(MICRODATA_REVIEW));
    expect(review).toEqual({
      claimReviewed: 'The minimum wage rose 30 percent in two years',
      rating: { value: 2, best: 5, worst: 1, alternateName: 'Mostly False' },
      author: { name: 'Example Fact Desk', url: 'https://factcheck.example.org/' },
      url: 'https://factcheck.example.org/2025/04/review.html#minimum-wage',
      datePublished: '2025-04-02',
      itemReviewed: { appearance: ['https://news.example.com/debate'], author: 'A. Senator', datePublished: '2025-03-28' },
    });
  });

  it('keeps nested items’ properties to themselves and follows itemref', () => {
    const [item] = readMicrodataItems(
      page(`<div itemscope itemtype="https://schema.org/ClaimReview" itemref="rating-box">
        <span itemprop="claimReviewed">Exports doubled</span>
        <div itemprop="author" itemscope itemtype="https://schema.org/Organization"><span itemprop="name">Desk</span></div>
      </div>
      <aside id="rating-box"><span itemprop="reviewRating" itemscope itemtype="https://schema.org/Rating"><span itemprop="ratingValue">1</span></span></aside>`),
      'ClaimReview',
    );
    expect(item).toEqual({
      '@type': ['https://schema.org/ClaimReview'],
      claimReviewed: 'Exports doubled',
      author: { '@type': ['https://schema.org/Organization'], name: 'Desk' },
      reviewRating: { '@type': ['https://schema.org/Rating'], ratingValue: '1' },
    });
  });

  it('does not let a page reach the prototype or loop through itemref', () => {
    const items = readMicrodataItems(
      page(`<div id="a" itemscope itemtype="https://schema.org/ClaimReview" itemref="b">
        <span itemprop="__proto__ claimReviewed">x</span>
      </div>
      <div id="b" itemprop="itemReviewed" itemscope itemref="a"><span itemprop="name">loop</span></div>`),
      'ClaimReview',
    );
    expect(items).toHaveLength(1);
    expect(items[0].claimReviewed).toBe('x');
    expect(Object.getPrototypeOf(items[0])).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).claimReviewed).toBeUndefined();
  });

  it('lists a review published both as JSON-LD and as microdata once', () => {
    const jsonLd = {
      '@context': 'https://schema.org',
      '@type': 'ClaimReview',
      claimReviewed: 'The minimum wage rose 30 percent in two years',
      url: 'https://factcheck.example.org/2025/04/review.html#minimum-wage',
      reviewRating: { '@type': 'Rating', alternateName: 'Mostly False', ratingValue: 2 },
    };
    const doc = page(`<script type="application/ld+json">${JSON.stringify(jsonLd)}</script>${MICRODATA_REVIEW}`);
    expect(readEmbeddedClaimReviews(doc)).toHaveLength(1);
  });

  it('ignores items of other types and microdata without a claim or rating', () => {
    const doc = page(`<div itemscope itemtype="https://schema.org/NewsArticle"><span itemprop="headline">h</span></div>
      <div itemscope itemtype="https://schema.org/ClaimReview"><span itemprop="claimReviewed">no rating</span></div>`);
    expect(readMicrodataItems(doc, 'ClaimReview')).toHaveLength(1);
    expect(readEmbeddedClaimReviews(doc)).toEqual([]);
  });
});
