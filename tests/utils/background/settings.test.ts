import { describe, expect, it } from 'vitest';
import { detectionDisabledOn } from '../../../utils/background/settings';

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
