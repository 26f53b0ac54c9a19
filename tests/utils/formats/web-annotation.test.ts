import { describe, expect, it } from 'vitest';
import { parseImport } from '../../../utils/formats/import';
import { uuidV5 } from '../../../utils/formats/stable-id';
import { toWebAnnotationCollection, WEB_ANNOTATION_CONTEXT } from '../../../utils/formats/web-annotation';
import { sampleAnnotations, samplePages } from './sample-annotations';

describe('W3C Web Annotation JSON-LD', () => {
  const collection = toWebAnnotationCollection(sampleAnnotations(), { pages: samplePages, exportedAt: '2025-04-01T00:00:00.000Z' }) as any;
  const [figure, claim, halfTrue, highlight] = collection.first.items;

  it('is an AnnotationCollection with the W3C context and an embedded first page', () => {
    expect(collection['@context'][0]).toBe(WEB_ANNOTATION_CONTEXT);
    expect(collection.type).toBe('AnnotationCollection');
    expect(collection.total).toBe(4);
    expect(collection.first.type).toBe('AnnotationPage');
    expect(collection.id).toMatch(/^urn:uuid:/);
  });

  it('chooses the motivation from the content', () => {
    expect([figure.motivation, claim.motivation, halfTrue.motivation, highlight.motivation]).toEqual([
      'assessing',
      'assessing',
      'assessing',
      'highlighting',
    ]);
  });

  it('carries comment, verdict, sources and tags as bodies with purposes', () => {
    expect(figure.id).toBe('urn:uuid:0b9c2a4e-6a59-4f4e-9d7a-3f0e5d0c1a11');
    expect(figure.body).toEqual([
      { type: 'TextualBody', purpose: 'commenting', value: expect.stringContaining('엔비디아'), format: 'text/plain' },
      { type: 'TextualBody', purpose: 'assessing', value: 'mostly-true', label: 'Mostly true', 'factmark:ratingValue': 4 },
      { type: 'SpecificResource', purpose: 'linking', source: 'https://nvidianews.nvidia.com/news/xai-colossus' },
      { type: 'SpecificResource', purpose: 'linking', source: 'https://x.ai/blog/grok-3' },
      { type: 'TextualBody', purpose: 'tagging', value: 'AI' },
      { type: 'TextualBody', purpose: 'tagging', value: 'GPU' },
      { type: 'TextualBody', purpose: 'tagging', value: '반도체' },
    ]);
    // 'unverifiable' has no rating value on the scale.
    expect(claim.body.find((b: any) => b.purpose === 'assessing')).toEqual({ type: 'TextualBody', purpose: 'assessing', value: 'unverifiable', label: 'Unverifiable' });
    expect(highlight.body).toBeUndefined();
  });

  it('targets the page with quote, position and a W3C RangeSelector', () => {
    expect(figure.target.source).toBe(sampleAnnotations()[0].pageUrl);
    expect(figure.target.selector[0]).toEqual({ type: 'TextQuoteSelector', exact: '10만개', prefix: '그록3는 엔비디아 H100 GPU ', suffix: '를 사용해 학습했다고 밝혔다. 이는 ' });
    expect(figure.target.selector[1]).toEqual({ type: 'TextPositionSelector', start: 120, end: 124 });
    expect(figure.target.selector[2]).toEqual({
      type: 'RangeSelector',
      startSelector: { type: 'XPathSelector', value: '/p[3]', refinedBy: { type: 'TextPositionSelector', start: 18, end: 18 } },
      endSelector: { type: 'XPathSelector', value: '/p[3]', refinedBy: { type: 'TextPositionSelector', start: 22, end: 22 } },
    });
  });

  it('labels verdicts in Korean when asked', () => {
    const ko = toWebAnnotationCollection(sampleAnnotations(), { language: 'ko' }) as any;
    expect(ko.first.items[2].body.find((b: any) => b.purpose === 'assessing').label).toBe('절반의 사실');
  });

  it('imports another tool\'s annotations: single, bodyValue, label verdicts, IRI ids, no ids', () => {
    const foreign = {
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      type: 'AnnotationPage',
      items: [
        {
          id: 'https://annotations.example.org/anno/17',
          type: 'Annotation',
          motivation: 'assessing',
          created: '2024-12-01T10:00:00+09:00',
          body: [
            { type: 'TextualBody', purpose: 'assessing', value: 'Mostly false' },
            { type: 'TextualBody', purpose: 'tagging', value: 'economy' },
            { id: 'https://stats.example.gov/gdp', type: 'Text' },
          ],
          target: {
            source: { id: 'https://news.example/story?utm_campaign=x', type: 'Text' },
            selector: { type: 'TextQuoteSelector', exact: 'GDP grew 5%' },
          },
        },
        {
          type: 'Annotation',
          bodyValue: 'Nice turn of phrase',
          target: { source: 'https://news.example/story', selector: [{ type: 'CssSelector', value: 'p' }, { type: 'TextQuoteSelector', exact: 'a rising tide' }] },
        },
        { type: 'Annotation', motivation: 'bookmarking', target: 'https://news.example/story' },
      ],
    };
    const parsed = parseImport(JSON.stringify(foreign), '2025-01-01T00:00:00.000Z');
    expect(parsed.format).toBe('web-annotation');
    expect(parsed.skipped).toHaveLength(1);
    const [a, b] = parsed.annotations;
    expect(a.id).toBe(uuidV5('w3c:https://annotations.example.org/anno/17'));
    expect(a.verdict).toBe('mostly-false');
    expect(a.tags).toEqual(['economy']);
    expect(a.sources).toEqual(['https://stats.example.gov/gdp']);
    expect(a.pageUrl).toBe('https://news.example/story');
    expect(a.createdAt).toBe('2024-12-01T01:00:00.000Z');
    expect(b.comment).toBe('Nice turn of phrase');
    expect(b.kind).toBe('highlight');
    expect(b.createdAt).toBe('2025-01-01T00:00:00.000Z');
    // No id: derived from content, so the same file imports to the same id.
    expect(parseImport(JSON.stringify(foreign)).annotations[1].id).toBe(b.id);
  });
});
