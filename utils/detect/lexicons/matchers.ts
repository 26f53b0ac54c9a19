/**
 * Hand-written equivalents of lexicon patterns that run on every sentence:
 * each reads char codes where its regular expression would try every start
 * position. The lexicons keep the regular expression as the specification;
 * tests check both agree on real and random sentences.
 */
import { isWhitespaceCode } from '../whitespace';

function isQuestionCloser(c: number): boolean {
  return c === 0x201d || c === 34 || c === 0x2019 || c === 41; // ” " ’ )
}

/** Index of the first character of text[0, end) that ends the run of whitespace before `end`. */
function skipWhitespaceBack(text: string, end: number): number {
  while (end > 0 && isWhitespaceCode(text.charCodeAt(end - 1))) end--;
  return end;
}

/** /\?\s*[”"’)]*\s*$/ — a question mark, then only closing quotes and spaces. */
export function endsWithQuestionMark(text: string): boolean {
  let end = skipWhitespaceBack(text, text.length);
  while (end > 0 && isQuestionCloser(text.charCodeAt(end - 1))) end--;
  end = skipWhitespaceBack(text, end);
  return end > 0 && text.charCodeAt(end - 1) === 63;
}

function isDotOrQuestion(c: number): boolean {
  return c === 46 || c === 63;
}

/** /\?\s*[”"’)]*\s*$|[까냐나가]\s*[.?]?\s*$|는지\s*[.?]?$/ — a Korean question at the end of a sentence. */
export function endsAsKoreanQuestion(text: string): boolean {
  if (endsWithQuestionMark(text)) return true;
  // [까냐나가]\s*[.?]?\s*$
  let end = skipWhitespaceBack(text, text.length);
  if (end > 0 && isDotOrQuestion(text.charCodeAt(end - 1))) end = skipWhitespaceBack(text, end - 1);
  if (end > 0) {
    const c = text.charCodeAt(end - 1);
    if (c === 0xae4c || c === 0xb0d0 || c === 0xb098 || c === 0xac00) return true; // 까 냐 나 가
  }
  // 는지\s*[.?]?$
  end = text.length;
  if (end > 0 && isDotOrQuestion(text.charCodeAt(end - 1))) end--;
  end = skipWhitespaceBack(text, end);
  return end >= 2 && text.charCodeAt(end - 2) === 0xb294 && text.charCodeAt(end - 1) === 0xc9c0; // 는지
}

/** A Hangul syllable whose final consonant is ㄹ (갈, 할, 될 …). */
export function isRieulFinal(c: number): boolean {
  return c >= 0xac00 && c <= 0xd7a3 && (c - 0xac00) % 28 === 8;
}

const AFTER_RIEUL = ['것', '전망', '예정', '계획', '방침', '가능성'];

/** First syllables of AFTER_RIEUL and 수: 것 전 예 계 방 가 수. */
function startsFutureWord(c: number): boolean {
  return c === 0xac83 || c === 0xc804 || c === 0xc608 || c === 0xacc4 || c === 0xbc29 || c === 0xac00 || c === 0xc218;
}

/** What may follow the ㄹ-final syllable at `at`: 것|전망|예정|계획|방침|가능성|수\s?있 */
function futureWordAt(text: string, at: number): boolean {
  // 을 and 를 are ㄹ-final: most candidates are particles, followed by none of the words' first syllables.
  if (!startsFutureWord(text.charCodeAt(at))) return false;
  for (const word of AFTER_RIEUL) if (text.startsWith(word, at)) return true;
  if (text.charCodeAt(at) !== 0xc218) return false; // 수
  let next = at + 1;
  if (text.charCodeAt(next) === 0xc788) return true; // 있
  if (next < text.length && isWhitespaceCode(text.charCodeAt(next))) next++;
  return text.charCodeAt(next) === 0xc788;
}

/** [ㄹ-final syllable]\s?(?:것|전망|예정|계획|방침|가능성|수\s?있) — "…할 것", "…될 전망". */
export function hasRieulFuture(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    if (!isRieulFinal(text.charCodeAt(i))) continue;
    if (futureWordAt(text, i + 1)) return true;
    if (i + 1 < text.length && isWhitespaceCode(text.charCodeAt(i + 1)) && futureWordAt(text, i + 2)) return true;
  }
  return false;
}
