import { describe, expect, it } from 'vitest';
import { hasNonWhitespace, isWhitespaceCode } from '../../../utils/detect/whitespace';

describe('isWhitespaceCode', () => {
  it('agrees with /\\s/ on every BMP code unit', () => {
    const disagreements: number[] = [];
    for (let c = 0; c <= 0xffff; c++) if (isWhitespaceCode(c) !== /\s/.test(String.fromCharCode(c))) disagreements.push(c);
    expect(disagreements).toEqual([]);
  });
});

describe('hasNonWhitespace', () => {
  it('looks only inside the range', () => {
    expect(hasNonWhitespace(' \u00a0\u3000x ', 0, 3)).toBe(false);
    expect(hasNonWhitespace(' \u00a0\u3000x ', 0, 4)).toBe(true);
    expect(hasNonWhitespace('', 0, 0)).toBe(false);
  });
});
