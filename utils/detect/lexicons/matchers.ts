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
