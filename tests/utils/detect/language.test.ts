import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../../../utils/detect/language';
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
