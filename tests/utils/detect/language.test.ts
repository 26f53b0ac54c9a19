import { describe, expect, it } from 'vitest';
import { countScripts, detectLanguage } from '../../../utils/detect/language';
import { dominantLanguage, splitParagraphs } from '../../../utils/detect/claims';

describe('detectLanguage', () => {
  it.each([
    ['일론 머스크 테슬라 최고경영자(CEO)가 이끄는 인공지능(AI) 기업 xAI가 챗봇을 공개한다.', 'ko'],
    ['오픈AI GPT-4o와 Llama 3.1, H100 GPU를 비교했다.', 'ko'],
    ['The company said the machine reaches 2.4 exaflops.', 'en'],
    ['马斯克的公司发布了新的聊天机器人。', 'other'],
    ['Компания представила новый чат-бот.', 'other'],
    ['12,345 — 67%', 'other'],
  ])('%s → %s', (text, lang) => {
    expect(detectLanguage(text)).toBe(lang);
  });
});

describe('paragraph languages', () => {
  it('detects each paragraph separately and weighs the page by length', () => {
    const text = '머스크는 “그록3가 가장 뛰어나다”고 말했다. 업계는 신중한 반응을 보였다.\n"Grok 3 is the smartest AI on Earth," Musk said.\n\n첫 달 무료 행사는 끝났다.';
    const paragraphs = splitParagraphs(text);
    expect(paragraphs.map((p) => p.lang)).toEqual(['ko', 'en', 'ko']);
    expect(paragraphs.map((p) => text.slice(p.start, p.end))[1]).toBe('"Grok 3 is the smartest AI on Earth," Musk said.');
    expect(dominantLanguage(paragraphs)).toBe('ko');
    expect(dominantLanguage(splitParagraphs('One English line.\n짧은 줄.'))).toBe('en');
  });
});

describe('countScripts', () => {
  it('counts one code unit for its script', () => {
    expect(countScripts('가')).toEqual({ hangul: 1, latin: 0, other: 0 });
    expect(countScripts('é')).toEqual({ hangul: 0, latin: 1, other: 0 });
    expect(countScripts('ж')).toEqual({ hangul: 0, latin: 0, other: 1 });
    expect(countScripts('—')).toEqual({ hangul: 0, latin: 0, other: 0 });
  });

  it('counts runs longer than its packed counters hold (255 per script) exactly', () => {
    for (const n of [254, 255, 256, 1000, 70_000]) {
      expect(countScripts('가'.repeat(n))).toEqual({ hangul: n, latin: 0, other: 0 });
      expect(countScripts('a'.repeat(n))).toEqual({ hangul: 0, latin: n, other: 0 });
      expect(countScripts('中'.repeat(n))).toEqual({ hangul: 0, latin: 0, other: n });
      expect(countScripts(' '.repeat(n) + 'x')).toEqual({ hangul: 0, latin: 1, other: 0 });
    }
    const mixed = '가a中 '.repeat(3000);
    expect(countScripts(mixed, 5, mixed.length - 7)).toEqual({ hangul: 2997, latin: 2997, other: 2997 });
  });

  it('equals a count of each code unit on pseudo-random text and ranges', () => {
    let seed = 7;
    const random = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
    const units = ['가', '힣', 'ㄱ', 'ᄀ', 'a', 'Z', 'é', 'ẞ', '中', 'ж', 'α', ' ', '1', '.', '—', '、', '！', '\ud83d'];
    for (let k = 0; k < 300; k++) {
      const length = Math.floor(random() * 1200);
      let text = '';
      for (let j = 0; j < length; j++) text += units[Math.floor(random() * units.length)];
      const from = Math.floor(random() * (length + 1));
      const to = from + Math.floor(random() * (length - from + 1));
      // Each code unit counted alone (a range of one cannot fill a packed counter).
      const expected = { hangul: 0, latin: 0, other: 0 };
      for (let i = from; i < to; i++) {
        const one = countScripts(text[i]);
        expected.hangul += one.hangul;
        expected.latin += one.latin;
        expected.other += one.other;
      }
      expect(countScripts(text, from, to)).toEqual(expected);
    }
  });
});
