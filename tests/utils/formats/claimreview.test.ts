import { describe, expect, it } from 'vitest';
import { VERDICTS } from '../../../utils/annotation';
import { exportClaimReview, toClaimReviews } from '../../../utils/formats/claimreview';
import { sampleAnnotations, samplePages } from './sample-annotations';

/**
 * Google's fact-check structured data documentation, as a checklist:
 * required claimReviewed, reviewRating (Rating.alternateName), url;
 * recommended author, datePublished, itemReviewed (Claim: appearance, author, datePublished, firstAppearance);
 * Rating: bestRating, worstRating, ratingValue, name (numeric bounds consistent when present).
 */
function googleIssues(review: any): { errors: string[]; warnings: string[] } {
  const errors: string[] = [];
  const warnings: string[] = [];
  const isUrl = (u: unknown) => typeof u === 'string' && /^https?:\/\//.test(u) && !!new URL(u);
  const isDate = (d: unknown) => typeof d === 'string' && !Number.isNaN(Date.parse(d)) && /^\d{4}-\d{2}-\d{2}/.test(d);
  const isAgent = (a: any) => a && ['Person', 'Organization'].includes(a['@type']) && (typeof a.name === 'string' || isUrl(a.url));
  if (review['@context'] !== 'https://schema.org') errors.push('@context');
  if (review['@type'] !== 'ClaimReview') errors.push('@type');
  if (typeof review.claimReviewed !== 'string' || !review.claimReviewed.trim()) errors.push('claimReviewed');
  if (!isUrl(review.url)) errors.push('url');
  const rating = review.reviewRating;
  if (!rating || rating['@type'] !== 'Rating') errors.push('reviewRating');
  else {
    if (typeof rating.alternateName !== 'string' || !rating.alternateName) errors.push('reviewRating.alternateName');
    if ('ratingValue' in rating) {
      if (!(rating.bestRating > rating.worstRating)) errors.push('bestRating > worstRating');
      if (!(rating.ratingValue >= rating.worstRating && rating.ratingValue <= rating.bestRating)) errors.push('ratingValue in range');
    } else if ('bestRating' in rating || 'worstRating' in rating) warnings.push('bounds without a value');
    if (!rating.name) warnings.push('reviewRating.name');
  }
  if (!isAgent(review.author)) warnings.push('author');
  if (!isDate(review.datePublished)) warnings.push('datePublished');
  const item = review.itemReviewed;
  if (!item || item['@type'] !== 'Claim') warnings.push('itemReviewed');
  else {
    const appearance = [item.appearance].flat();
    if (!appearance.every((a: any) => isUrl(a) || (a?.['@type'] === 'CreativeWork' && isUrl(a.url)))) errors.push('itemReviewed.appearance');
    if (item.author !== undefined && !isAgent(item.author)) errors.push('itemReviewed.author');
  }
  return { errors, warnings };
}

describe('schema.org ClaimReview', () => {
  const reviews = toClaimReviews(sampleAnnotations(), { pages: samplePages }) as any[];

  it('covers exactly the notes with a verdict', () => {
    expect(reviews).toHaveLength(sampleAnnotations().filter((a) => a.verdict).length);
  });

  it('passes the documented required and recommended properties', () => {
    for (const review of reviews) expect(googleIssues(review)).toEqual({ errors: [], warnings: [] });
    const published = toClaimReviews(sampleAnnotations(), {
      author: { type: 'Organization', name: 'Example Fact Desk', url: 'https://facts.example/' },
      publishedAt: 'https://facts.example/2025/grok3',
    }) as any[];
    for (const review of published) expect(googleIssues(review).errors).toEqual([]);
    expect(published[0].url).toBe('https://facts.example/2025/grok3#factmark-0b9c2a4e-6a59-4f4e-9d7a-3f0e5d0c1a11');
    expect(published[0].author).toEqual({ '@type': 'Organization', name: 'Example Fact Desk', url: 'https://facts.example/' });
  });

  it('takes ratings and labels only from VERDICTS; unverifiable has alternateName only', () => {
    const [mostlyTrue, unverifiable, halfTrue] = reviews;
    expect(mostlyTrue.reviewRating).toEqual({ '@type': 'Rating', alternateName: 'Mostly true', name: 'Mostly true', ratingValue: 4, bestRating: 5, worstRating: 1 });
    expect(halfTrue.reviewRating.ratingValue).toBe(VERDICTS.find((v) => v.key === 'half-true')!.ratingValue);
    expect(unverifiable.reviewRating).toEqual({ '@type': 'Rating', alternateName: 'Unverifiable', name: 'Unverifiable' });
    const ko = toClaimReviews(sampleAnnotations(), { language: 'ko' }) as any[];
    expect(ko.map((r) => r.reviewRating.alternateName)).toEqual(['대체로 사실', '판단 유보', '절반의 사실']);
  });

  it('describes the claim: text, appearance on the page, author where known', () => {
    const [first] = reviews;
    expect(first.claimReviewed).toBe('10만개');
    expect(first.itemReviewed).toEqual({
      '@type': 'Claim',
      appearance: { '@type': 'CreativeWork', url: sampleAnnotations()[0].pageUrl, headline: samplePages[0].title },
    });
    expect(first.datePublished).toBe('2025-02-18T09:15:02.123Z');
    const withClaimant = toClaimReviews([{ ...sampleAnnotations()[1], tags: ['claimant:Elon Musk'] }]) as any[];
    expect(withClaimant[0].itemReviewed.author).toEqual({ '@type': 'Person', name: 'Elon Musk' });
  });

  it('is safe to paste into a script element', () => {
    const text = exportClaimReview([{ ...sampleAnnotations()[0], quote: '</script><script>alert(1)</script>' }]);
    expect(text).not.toContain('</script>');
    expect(JSON.parse(text)[0].claimReviewed).toBe('</script><script>alert(1)</script>');
  });
});
