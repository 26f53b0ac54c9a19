import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, detectionDisabledOn, settingsFrom } from '../../../utils/background/settings';

describe('detectionDisabledOn', () => {
  const disabled = ['hani.co.kr', 'example.org'];

  it('covers a disabled site, its www. form and its subdomains', () => {
    expect(detectionDisabledOn('hani.co.kr', disabled)).toBe(true);
    expect(detectionDisabledOn('www.hani.co.kr', disabled)).toBe(true);
    expect(detectionDisabledOn('m.hani.co.kr', disabled)).toBe(true);
  });

  it('leaves other sites alone, including ones that merely end with the same letters', () => {
    expect(detectionDisabledOn('nothani.co.kr', disabled)).toBe(false);
    expect(detectionDisabledOn('co.kr', disabled)).toBe(false);
    expect(detectionDisabledOn('reuters.com', disabled)).toBe(false);
    expect(detectionDisabledOn('hani.co.kr', [])).toBe(false);
  });
});

describe('settingsFrom (shared by the background writer and the content script)', () => {
  it('takes valid values and keeps the base for missing, mistyped or out-of-range ones', () => {
    const base = { ...DEFAULT_SETTINGS, minScore: 0.3 };
    expect(settingsFrom({ minScore: 0.8, languages: ['ko'] }, base)).toEqual({ ...base, minScore: 0.8, languages: ['ko'] });
    expect(settingsFrom({ minScore: 7, highlightDetections: 'yes', disabledSites: 'a.com' }, base)).toEqual(base);
    expect(settingsFrom({ disabledSites: ['a.com', 3, null, 'b.org'] }).disabledSites).toEqual(['a.com', 'b.org']);
    expect(settingsFrom({})).toEqual(DEFAULT_SETTINGS);
  });
});
