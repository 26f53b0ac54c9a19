import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportHypothesis, toHypothesisExport } from '../../../utils/formats/hypothesis';
import { parseImport } from '../../../utils/formats/import';
import { isUuid, uuidV5 } from '../../../utils/formats/stable-id';
import { sampleAnnotations, samplePages } from './sample-annotations';

const fixture = readFileSync(join(__dirname, '../../fixtures/formats/hypothesis-export.json'), 'utf8');

describe('Hypothesis JSON', () => {
  it('exports the client export shape with the verdict as a verdict: tag', () => {
    const file = toHypothesisExport(sampleAnnotations(), { pages: samplePages, exportedAt: '2025-04-01T00:00:00.000Z' }) as any;
    expect(file.export_date).toBe('2025-04-01T00:00:00.000Z');
    expect(file.annotations).toHaveLength(4);
    const [first] = file.annotations;
    expect(Object.keys(first)).toEqual(expect.arrayContaining(['id', 'created', 'updated', 'uri', 'text', 'tags', 'target', 'document']));
    expect(first.tags).toEqual(['verdict:mostly-true', 'AI', 'GPU', '반도체']);
    expect(first.target[0].source).toBe(first.uri);
    expect(first.target[0].selector.map((s: { type: string }) => s.type)).toEqual(['TextQuoteSelector', 'TextPositionSelector', 'RangeSelector']);
    expect(first.document.title).toEqual([samplePages[0].title]);
    // Hypothesis readers see the sources in the text; our importer reads them from the extension object.
    expect(first.text).toContain('Sources:\n- https://nvidianews.nvidia.com/news/xai-colossus');
    expect(file.annotations[3].tags).toEqual([]);
  });

  it('imports a real-shaped Hypothesis export: ids deterministic, verdict from the tag, URL normalised', () => {
    const parsed = parseImport(fixture);
    expect(parsed.format).toBe('hypothesis');
    expect(parsed.annotations).toHaveLength(2);
    expect(parsed.skipped.map((s) => s.reason)).toEqual(['a page note with no quoted text', 'a reply to another annotation']);
    const [gpu, power] = parsed.annotations;
    expect(gpu.id).toBe(uuidV5('hypothesis:Xq8mYPXLEe-3q0c0lWl1kA'));
    expect(isUuid(gpu.id)).toBe(true);
    expect(gpu.pageUrl).toBe('https://news.example.kr/article/2025/02/grok3');
    expect(gpu.verdict).toBe('mostly-true');
    expect(gpu.kind).toBe('claim');
    expect(gpu.tags).toEqual(['AI', 'GPU']);
    expect(gpu.quote).toBe('10만개');
    expect(gpu.comment).toContain('100k H100s');
    expect(gpu.createdAt).toBe('2025-02-18T09:30:12.482Z');
    // The document-rooted RangeSelector is dropped; quote and position stay.
    expect(gpu.selectors.map((s) => s.type)).toEqual(['TextPositionSelector', 'TextQuoteSelector']);
    expect(power.pageUrl).toBe('https://news.example.com/tech/datacenter-power?id=42');
    expect(power.verdict).toBe('half-true');
    expect(power.comment).toBeUndefined();
    expect(parsed.pages).toContainEqual({ url: 'https://news.example.kr/article/2025/02/grok3', title: '머스크 "그록3, 엔비디아 H100 10만개로 학습"' });
    expect(parseImport(fixture).annotations.map((a) => a.id)).toEqual(parsed.annotations.map((a) => a.id));
  });

  it('reads an API search result ({total, rows}) too', () => {
    const api = JSON.parse(fixture);
    const parsed = parseImport(JSON.stringify({ total: api.annotations.length, rows: api.annotations }));
    expect(parsed.annotations).toHaveLength(2);
  });

  it('keeps a user tag that merely looks like a verdict tag', () => {
    const file = JSON.parse(exportHypothesis(sampleAnnotations().slice(3), {}));
    file.annotations[0].tags = ['verdict:maybe'];
    expect(parseImport(JSON.stringify(file)).annotations[0].tags).toEqual(['verdict:maybe']);
  });
});
