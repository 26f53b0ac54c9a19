import { describe, expect, it } from 'vitest';
import { ruleSentenceStarts } from '../../../utils/detect/sentence-breaks';

const segmenters = ['en', 'ko'].map((locale) => new Intl.Segmenter(locale, { granularity: 'sentence' }));
const segmenterStarts = (segmenter: Intl.Segmenter, text: string) => [...segmenter.segment(text)].map((s) => s.index);

describe('ruleSentenceStarts', () => {
  it.each([
    'He said so. Then he left.',
    'Prices rose 3.5% in the U.S. economy. Mr. Kim agreed.',
    'etc. and so on. Is it? Yes! “Really.” She nodded.',
    '매출이 30% 늘었다. 그는 “좋다.”라고 말했다. 2025. 2. 17. 발표됐다',
    'Wait... what? (No.) [Fine.] ok.  Two  spaces.',
    'A.B. c. D! e? "f." G',
  ])('matches Intl.Segmenter on %j', (text) => {
    for (const segmenter of segmenters) expect(ruleSentenceStarts(text, 0, text.length)).toEqual(segmenterStarts(segmenter, text));
  });

  it('matches Intl.Segmenter on random strings of the known characters', () => {
    const pieces = ['.', '!', '?', ' ', '\u00a0', 'a', 'Z', '7', '"', "'", '(', ']', '“', '”', '‘', '’', ',', '-', ':', ';', '가', '다', '·', '…', '%', '$', 'U.S.', '...'];
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
    for (let n = 0; n < 5000; n++) {
      let text = '';
      const length = 1 + Math.floor(random() * 12);
      for (let i = 0; i < length; i++) text += pieces[Math.floor(random() * pieces.length)];
      for (const segmenter of segmenters) expect(ruleSentenceStarts(text, 0, text.length), text).toEqual(segmenterStarts(segmenter, text));
    }
  });

  it('reads only text[from, to) and gives offsets relative to from', () => {
    const text = 'xx. One. Two. yy';
    expect(ruleSentenceStarts(text, 4, 13)).toEqual([0, 5]);
    // Characters it does not know, or terminators, past `to` do not count (a paragraph ends at \n).
    expect(ruleSentenceStarts('One line\n東京', 0, 8)).toEqual([0]);
    expect(ruleSentenceStarts('One. Two\n東京', 0, 8)).toEqual([0, 5]);
    expect(ruleSentenceStarts('One two. Three', 0, 7)).toEqual([0]);
  });

  it('leaves text with other characters to the segmenter', () => {
    expect(ruleSentenceStarts('東京. 大阪.', 0, 7)).toBeUndefined();
    expect(ruleSentenceStarts('a.\tb', 0, 4)).toBeUndefined();
    expect(ruleSentenceStarts('Ünder. Yes.', 0, 11)).toBeUndefined();
  });
});
