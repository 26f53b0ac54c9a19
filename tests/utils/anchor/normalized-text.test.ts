import { describe, expect, it } from 'vitest';
import { buildCollapsedText, collapsedToRawRange } from '../../../utils/anchor/normalized-text';

describe('collapsed text view', () => {
  it('collapses runs of any whitespace and maps offsets both ways', () => {
    const raw = 'a \n\t b\u00a0\u3000c  ';
    const view = buildCollapsedText(raw);
    expect(view.text).toBe('a b c ');
    expect(view.toRaw[2]).toBe(raw.indexOf('b'));
    expect(view.fromRaw[raw.indexOf('c')]).toBe(4);
    expect(view.fromRaw[raw.length]).toBe(view.text.length);
    const back = collapsedToRawRange(view, 2, 5);
    expect(raw.slice(back.start, back.end)).toBe('b\u00a0\u3000c');
  });

  it('is the identity on text without whitespace runs', () => {
    const view = buildCollapsedText('그록3 공개');
    expect(view.text).toBe('그록3 공개');
    expect([...view.toRaw]).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });
});
