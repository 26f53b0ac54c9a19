import { describe, expect, it } from 'vitest';
import type { Annotation } from '../../../utils/annotation';
import { escapeMarkdown, exportMarkdown, markdownTag } from '../../../utils/formats/markdown';
import { EN_PAGE, KO_PAGE, sampleAnnotations, samplePages } from './sample-annotations';

describe('Markdown', () => {
  const en = exportMarkdown(sampleAnnotations(), { pages: samplePages, exportedAt: '2025-04-01T00:00:00.000Z' });
  const ko = exportMarkdown(sampleAnnotations(), { pages: samplePages, language: 'ko', exportedAt: '2025-04-01T00:00:00.000Z' });

  it('groups notes by page under a linked title heading', () => {
    const headings = en.split('\n').filter((l) => l.startsWith('## '));
    expect(headings).toHaveLength(2);
    expect(headings[0]).toContain(`](<${KO_PAGE}>)`);
    expect(headings[1]).toBe(`## [Data centres will use 9% of US power by 2030, report says](<${EN_PAGE}>)`);
    expect(en).toContain('4 notes · 2 pages');
    expect(ko).toContain('4개 노트 · 2개 페이지');
  });

  it('renders each quote as a blockquote with its verdict label in the chosen language', () => {
    expect(en).toContain('> 10만개\n\n**Verdict:** Mostly true · 2025-02-19');
    expect(ko).toContain('> 10만개\n\n**판정:** 대체로 사실 · 2025-02-19');
    expect(ko).toContain('**판정:** 판단 유보');
  });

  it('lists note, sources and tags, and links back with a text fragment', () => {
    expect(en).toContain('다만 "10만개"는 최대치,  \n실제 동시 가동은');
    expect(en).toContain('- [https://x.ai/blog/grok-3](<https://x.ai/blog/grok-3>)');
    expect(en).toContain('Tags: #AI #GPU #반도체');
    expect(en).toContain('Tags: #energy #data_centres');
    expect(en).toContain(`[↗ Open at the exact text](<${EN_PAGE}#:~:text=fell-,%2D40%25%20since%202019,-%2C%20while>)`);
  });

  it('escapes page text so it cannot become markup, links, HTML or tags', () => {
    const hostile: Annotation = {
      ...sampleAnnotations()[3],
      quote: '# Heading [link](javascript:alert(1)) <img src=x onerror=alert(1)> #tag *bold* $x$',
      comment: '> not a quote\n- not a list\n1. not numbered',
    };
    const md = exportMarkdown([hostile], { pages: [{ url: EN_PAGE, title: 'Title ](evil)' }] });
    expect(md).toContain('> \\# Heading \\[link\\](javascript:alert(1)) \\<img src=x onerror=alert(1)\\> \\#tag \\*bold\\* \\$x\\$');
    expect(md).toContain('\\> not a quote  \n\\- not a list  \n1\\. not numbered');
    expect(md).toContain('## [Title \\](evil)](<');
    expect(md).not.toMatch(/(^|[^\\])<img/);
  });

  it('helpers: escape and tag shapes', () => {
    expect(escapeMarkdown('a_b*c')).toBe('a\\_b\\*c');
    expect(markdownTag('data centres')).toBe('#data_centres');
    expect(markdownTag('2024')).toBe('`2024`');
  });
});
