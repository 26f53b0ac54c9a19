import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../../utils/detect/sentences';

function split(text: string, lang: string): string[] {
  return splitSentences(text, lang).map(({ start, end }) => text.slice(start, end));
}

describe('splitSentences: Korean news', () => {
  it('splits at 다. and 요. endings, with or without a following space', () => {
    expect(split('매출이 늘었다. 이익도 늘었어요. 그러나 주가는 내렸다.다음 날 반등했다.', 'ko')).toEqual([
      '매출이 늘었다.', '이익도 늘었어요.', '그러나 주가는 내렸다.', '다음 날 반등했다.',
    ]);
  });

  it('keeps a quoted sentence with the particle that continues it', () => {
    expect(split('그는 “좋다.”라고 말했다. 다음 문장이다.', 'ko')).toEqual(['그는 “좋다.”라고 말했다.', '다음 문장이다.']);
    expect(split('“정말 그럴까?”라며 반문했다.', 'ko')).toEqual(['“정말 그럴까?”라며 반문했다.']);
  });

  it('keeps multi-sentence quotations whole, even with “ typed as the closing quote', () => {
    expect(split('“첫 문장이다. 둘째 문장이다.”라고 밝혔다. 끝.', 'ko')).toEqual(['“첫 문장이다. 둘째 문장이다.”라고 밝혔다.', '끝.']);
    expect(split('김 소장은 “그록3는 AI로 보인다“며 “걸러낸다“고 했다. 다음 문장이다.', 'ko')).toEqual([
      '김 소장은 “그록3는 AI로 보인다“며 “걸러낸다“고 했다.', '다음 문장이다.',
    ]);
  });

  it('does not split decimals, dotted dates or abbreviations', () => {
    expect(split('성장률은 3.5%였다. U.S. 정부는 2025. 2. 17. 발표했다. 끝났다.', 'ko')).toEqual([
      '성장률은 3.5%였다.', 'U.S. 정부는 2025. 2. 17. 발표했다.', '끝났다.',
    ]);
  });

  it('continues after an ellipsis that does not end the sentence, splits after one that does', () => {
    expect(split('그런데... 결국 무산됐다. 아쉽다... 다음을 기약했다.', 'ko')).toEqual([
      '그런데... 결국 무산됐다.', '아쉽다...', '다음을 기약했다.',
    ]);
  });

  it('returns absolute offsets inside the given paragraph range', () => {
    const text = '첫 문단이다.\n둘째 문단. 셋째 문장이다.';
    const from = text.indexOf('\n') + 1;
    const spans = splitSentences(text, 'ko', from, text.length);
    expect(spans.map(({ start, end }) => text.slice(start, end))).toEqual(['둘째 문단.', '셋째 문장이다.']);
    expect(spans[0].start).toBe(from);
  });
});

describe('splitSentences: English', () => {
  it('handles titles, initials, a.m./p.m., decimals and quotations', () => {
    expect(
      split('Mr. Smith met Dr. Jones at 3 p.m. on Monday. J. K. Rowling agreed. The U.S. economy grew 2.5%. "We lost. We will win," he said. Then he left.', 'en'),
    ).toEqual([
      'Mr. Smith met Dr. Jones at 3 p.m. on Monday.',
      'J. K. Rowling agreed.',
      'The U.S. economy grew 2.5%.',
      '"We lost. We will win," he said.',
      'Then he left.',
    ]);
  });

  it('splits after an abbreviation that ends a sentence', () => {
    expect(split('He moved to the U.S. The move cost $5.6M.', 'en')).toEqual(['He moved to the U.S.', 'The move cost $5.6M.']);
  });

  it('continues after an ellipsis followed by lower case', () => {
    expect(split('It rose... and then fell. Done.', 'en')).toEqual(['It rose... and then fell.', 'Done.']);
  });
});

describe('splitSentences: no terminator before the end', () => {
  it('keeps a paragraph whose terminators all trail it whole, even where the Unicode rules would break before …', () => {
    expect(split('A Inc...…!', 'en')).toEqual(['A Inc...…!']);
    expect(split('!. ”\'...', 'en')).toEqual(['!. ”\'...']);
    expect(split('그런데…!', 'ko')).toEqual(['그런데…!']);
  });

  it('keeps it whole where the rules break before a closing quote or bracket that trails it', () => {
    expect(split('Mr가. ”', 'en')).toEqual(['Mr가. ”']);
    expect(split('”). " ', 'en')).toEqual(['”). "']);
    expect(split('끝났다. ’)', 'ko')).toEqual(['끝났다. ’)']);
  });
});
