import { describe, expect, it } from 'vitest';
import { qualifierAfter, qualifierBefore } from '../../../utils/detect/qualifiers';

describe('qualifiers', () => {
  it.each([
    ['약 5', 2, 'about'],
    ['최대 5', 3, 'up to'],
    ['최소 5', 3, 'at least'],
    ['nearly 5', 7, 'nearly'],
    ['more than 5', 10, 'over'],
    ['as much as 5', 11, 'up to'],
    ['fewer than 5', 11, 'under'],
  ])('before: %s', (text, at, qualifier) => {
    expect(qualifierBefore(text, at, 0)?.qualifier).toBe(qualifier);
  });

  it('before: whole words only (`요약 5`, `Moreover 5`)', () => {
    expect(qualifierBefore('요약 5', 3, 0)).toBeNull();
    expect(qualifierBefore('Moreover 5', 9, 0)).toBeNull();
  });

  it('before: never reaches behind the previous figure', () => {
    expect(qualifierBefore('약 5', 2, 1)).toBeNull();
  });

  it.each([
    ['5명 이상', 2, 'at least'],
    ['5명 이하', 2, 'at most'],
    ['5세 미만', 2, 'under'],
    ['5억원 초과', 3, 'over'],
    ['5억원 가량', 3, 'about'],
    ['5 or more', 1, 'at least'],
  ])('after: %s', (text, at, qualifier) => {
    expect(qualifierAfter(text, at)?.qualifier).toBe(qualifier);
  });

  it('after: `이상한` is strange, not at least', () => {
    expect(qualifierAfter('5명 이상한', 2)).toBeNull();
  });
});
