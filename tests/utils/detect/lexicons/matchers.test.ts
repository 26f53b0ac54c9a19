import { describe, expect, it } from 'vitest';
import { endsAsKoreanQuestion, endsWithQuestionMark } from '../../../../utils/detect/lexicons/matchers';
import { englishLexicon } from '../../../../utils/detect/lexicons/en';
import { koreanLexicon } from '../../../../utils/detect/lexicons/ko';
import type { GatedPattern } from '../../../../utils/detect/lexicons/types';

/** The lexicon's own regular expression for a hand-written matcher. */
function specOf(patterns: GatedPattern[] | undefined, test: (text: string) => boolean): RegExp {
  const found = patterns?.find((p) => !(p instanceof RegExp) && p.test === test);
  if (!found || found instanceof RegExp) throw new Error('matcher not used by the lexicon');
  return found.pattern;
}

const matchers = [
  { name: 'endsWithQuestionMark', test: endsWithQuestionMark, spec: () => specOf(englishLexicon.question.patterns, endsWithQuestionMark) },
  { name: 'endsAsKoreanQuestion', test: endsAsKoreanQuestion, spec: () => specOf(koreanLexicon.question.patterns, endsAsKoreanQuestion) },
];

const examples = [
  'Is it true?', 'Is it true? " ', 'Really?” ) ', 'No? Yes.', '?', '', 'What?\u3000',
  '과연 나을까?', '그럴까요.', '이게 맞나', '누가 했는가 .', '알 수 있는지.', '했는지 ?', '는지 ', '갈까 ? ',
  '증가할 것으로 보인다', '오를 전망이다', '열릴 예정', '할  것', '될 수 있다', '될 수있다', '할수 있다', '갈 수  있다', '한 것', '할 가능성이', '가능',
];

describe.each(matchers)('$name', ({ test, spec }) => {
  it('agrees with the lexicon pattern it replaces on examples', () => {
    const pattern = spec();
    for (const text of examples) expect(test(text), text).toBe(pattern.test(text));
  });

  it('agrees with the lexicon pattern on random strings', () => {
    const pattern = spec();
    const pieces = ['?', '.', ' ', '\n', '\u3000', '”', '"', '’', ')', '까', '냐', '나', '가', '는지', '지', '할', '될', '것', '전망', '예정', '계획', '방침', '가능성', '수', '있', '강', 'a'];
    let seed = 11;
    const random = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
    let matches = 0;
    for (let n = 0; n < 20000; n++) {
      let text = '';
      const length = Math.floor(random() * 8);
      for (let i = 0; i < length; i++) text += pieces[Math.floor(random() * pieces.length)];
      const expected = pattern.test(text);
      if (expected) matches++;
      expect(test(text), text).toBe(expected);
    }
    expect(matches).toBeGreaterThan(100);
  });
});
