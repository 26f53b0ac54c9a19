import { describe, expect, it } from 'vitest';
import { VERDICTS } from '../../../utils/annotation';
import { buildStyleSheet, claimBucket, highlightToken, noteStyle, styleDeclarations, stylePriority } from '../../../utils/highlight/styles';

describe('highlight styles', () => {
  it('bands claims by check-worthiness above the minimum score', () => {
    expect(claimBucket(0.5, 0.5)).toBe(1);
    expect(claimBucket(0.7, 0.5)).toBe(2);
    expect(claimBucket(0.95, 0.5)).toBe(3);
    expect(claimBucket(0.34, 0)).toBe(2);
  });

  it('gives claims, figures and every verdict distinct looks', () => {
    const keys = ['figure', 'claim-1', 'claim-2', 'claim-3', ...VERDICTS.map((v) => noteStyle(v.key)), 'note-plain'] as const;
    const looks = keys.map((k) => styleDeclarations(k));
    expect(new Set(looks).size).toBe(keys.length);
    for (const verdict of VERDICTS) {
      const [r, g, b] = [1, 3, 5].map((i) => parseInt(verdict.color.slice(i, i + 2), 16));
      expect(styleDeclarations(noteStyle(verdict.key))).toContain(`rgba(${r}, ${g}, ${b}, 0.3)`);
    }
  });

  it('uses no property that could move layout, and keeps the page text colour (except the brief flash)', () => {
    for (const key of ['figure', 'claim-1', 'claim-3', 'note-false', 'note-plain', 'note-c123abc'] as const) {
      const css = styleDeclarations(key);
      expect(css).not.toMatch(/padding|margin|border|font|display|width|height|letter|word-spacing|line-height|(^|[^-])color:/);
    }
  });

  it('accepts only real hex colours for custom note colours', () => {
    expect(noteStyle(undefined, '#ABC')).toBe('note-caabbcc');
    expect(noteStyle(undefined, 'red; background:url(x)')).toBe('note-plain');
    expect(styleDeclarations('note-cnothex' as never)).toBe('');
  });

  it('paints notes above figures above claims', () => {
    expect(stylePriority('note-true')).toBeGreaterThan(stylePriority('figure'));
    expect(stylePriority('figure')).toBeGreaterThan(stylePriority('claim-3'));
  });

  it('builds one rule per style with the renderer selector', () => {
    const css = buildStyleSheet(['figure', 'claim-2', 'figure'], (k) => `::highlight(factmark-t-${k})`);
    expect(css.split('\n')).toHaveLength(2);
    expect(css).toMatch(/^::highlight\(factmark-t-claim-2\) \{/);
    expect(highlightToken()).toMatch(/^[a-z0-9]{8}$/);
  });
});
