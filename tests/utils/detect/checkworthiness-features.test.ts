import { describe, expect, it } from 'vitest';
import { KOREAN_LITERAL_TABLE_AFTER, lexicon } from '../../../utils/detect/checkworthiness-features';
import { fixtureSentences } from './lexicons/fixture-sentences';

describe('lexicon', () => {
  it('reads Korean with the plain patterns first, then with the literal table, finding the same cues', () => {
    const sentences = fixtureSentences();
    const first = lexicon('ko');
    const plain = sentences.map((s) => first.match(s));
    for (let i = 1; i < KOREAN_LITERAL_TABLE_AFTER; i++) expect(lexicon('ko')).toBe(first);
    const tabled = lexicon('ko');
    expect(tabled).not.toBe(first);
    expect(lexicon('ko')).toBe(tabled);
    expect(sentences.map((s) => tabled.match(s))).toEqual(plain);
    expect(plain.filter((cues) => cues !== 0).length).toBeGreaterThan(100);
  });

  it('compiles English once', () => {
    expect(lexicon('en')).toBe(lexicon('en'));
  });
});
