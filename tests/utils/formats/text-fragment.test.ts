import { describe, expect, it } from 'vitest';
import { encodeTextDirectiveTerm, textDirective, textDirectiveParts, textFragmentUrl } from '../../../utils/formats/text-fragment';

describe('text fragments', () => {
  it('percent-encodes the characters the directive syntax reserves, including - , &', () => {
    expect(encodeTextDirectiveTerm('a-b, c & d')).toBe('a%2Db%2C%20c%20%26%20d');
    expect(decodeURIComponent(encodeTextDirectiveTerm('한국어 -1,000원 & "따옴표"'))).toBe('한국어 -1,000원 & "따옴표"');
    expect(encodeTextDirectiveTerm('-')).not.toContain('-');
  });

  it('links a long quote as textStart,textEnd and a short one as exact text with context', () => {
    const long = 'Data centres could consume 9% of US electricity by 2030, more than double today\'s share, according to the report.';
    expect(textDirectiveParts(long)).toEqual({ textStart: 'Data centres could consume', textEnd: 'according to the report.' });
    expect(textDirectiveParts('-40% since 2019', { prefix: 'sales fell ', suffix: ', while' })).toEqual({
      prefix: 'sales fell',
      textStart: '-40% since 2019',
      suffix: ', while',
    });
  });

  it('widens a Korean figure to the whole word, because browsers match on word boundaries', () => {
    const parts = textDirectiveParts('10만개', { prefix: '엔비디아 H100 GPU ', suffix: '를 사용해 학습했다.' });
    expect(parts?.textStart).toBe('10만개를');
    expect(parts?.prefix).toBe('엔비디아 H100 GPU');
    expect(parts?.suffix).toBe('사용해 학습했다.');
  });

  it('drops a context word that may have been cut mid-word when it was saved', () => {
    const prefix = 'ntinental shelf, the agency said '; // 33 chars: starts inside "continental"
    const suffix = ' tonnes of crude were found offsh'; // ends inside "offshore"
    const parts = textDirectiveParts('3 billion', { prefix, suffix });
    expect(parts?.prefix).toBe('the agency said');
    expect(parts?.suffix).toBe('tonnes of crude');
  });

  it('uses a range across paragraphs, since one textStart cannot cross a block boundary', () => {
    const parts = textDirectiveParts('First paragraph ends here.\nSecond one starts here and goes on.');
    expect(parts).toEqual({ textStart: 'First paragraph ends here.', textEnd: 'here and goes on.' });
  });

  it('builds the full URL, replacing any existing fragment', () => {
    const url = textFragmentUrl({
      pageUrl: 'https://news.example/a?x=1#top',
      quote: 'GDP grew 3%',
      selectors: [{ type: 'TextQuoteSelector', exact: 'GDP grew 3%', prefix: 'In 2024, ', suffix: ' in real terms' }],
    });
    expect(url).toBe('https://news.example/a?x=1#:~:text=In%202024%2C-,GDP%20grew%203%25,-in%20real%20terms');
    expect(textDirective({ textStart: 'a', textEnd: 'b' })).toBe('text=a,b');
  });
});
