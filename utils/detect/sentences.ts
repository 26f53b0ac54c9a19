/**
 * Sentence splitting: Unicode sentence boundaries (Intl.Segmenter, or the same
 * rules run directly for text whose characters they know: ./sentence-breaks),
 * then the repairs news text needs.
 *
 * The Unicode rules (UAX #29) that Intl.Segmenter follows break in places a
 * reader would not:
 * - after a quoted sentence that a Korean quotative particle continues:
 *   “…좋다.”라고 말했다 / “…있다“며 (news sites also type “ as a closing quote);
 * - inside a multi-sentence quotation: “A. B.”라고 했다 / "A. B," he said;
 * - after abbreviations and initials: Mr. Kim, U.S. 정부, J. K. Rowling, 3 p.m. on;
 * - in dates and numbered lists written with dots: 2025. 2. 17.;
 * - after an ellipsis the sentence goes on from: "그런데... 결국", "and... then".
 * They already keep decimals (3.5%, 1.2bn) and version numbers together.
 */
import { isWhitespaceCode } from './whitespace';
import { ruleSentenceStarts } from './sentence-breaks';
import { isLatin } from './digits';

export interface SentenceSpan {
  start: number;
  end: number;
}

const segmenters = new Map<string, Intl.Segmenter>();
function segmenterFor(lang: string): Intl.Segmenter {
  const locale = lang === 'ko' ? 'ko' : 'en';
  let segmenter = segmenters.get(locale);
  if (!segmenter) {
    segmenter = new Intl.Segmenter(locale, { granularity: 'sentence' });
    segmenters.set(locale, segmenter);
  }
  return segmenter;
}

const CLOSING_QUOTE_END = /[.?!…~]\s*["”“’'」』)]\s*$/;
const QUOTATIVE_START = /^(?:이?라고|이?라며|이?라면서|이?라는|이?란|이?라|고|며|하고|하며|면서|는|등)(?![가-힣]{3})/;
/** Titles that always precede a name. */
const TITLE_END = /(?:^|[\s(“"'])(?:Mr|Mrs|Ms|Mx|Dr|Prof|Sen|Rep|Gov|Gen|Lt|Col|Capt|Sgt|Cmdr|Adm|Pres|Supt|Rev|Hon|Messrs|St|Mt|Ft|Fig|Figs|No|Nos|Vol|Art|Sec|Ch|pp?|cf|vs|v|approx|ca|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|e\.g|i\.e|viz)\.\s*$/;
/** Abbreviations that may also end a sentence: merged only when the next piece does not start one. */
const ABBREVIATION_END = /(?:^|[\s(“"'])(?:U\.S|U\.K|U\.N|E\.U|D\.C|L\.A|N\.Y|Inc|Corp|Co|Ltd|Bros|Jr|Sr|etc|a\.m|p\.m|Ph\.D|est|al|ft|oz|lb|lbs|mi|km|yr|yrs|mo|min|sec|hr|hrs)\.\s*$/;
const INITIAL_END = /(?:^|[\s(“"'])[A-Z]\.\s*$/;
const DOTTED_NUMBER_END = /(?:^|[\s(])\d{1,4}\.\s*$/;
const DOTTED_DATE_END = /(?:^|[\s(])\d{4}\.\s?\d{1,2}\.\s?\d{1,2}\.\s*$/;
const ELLIPSIS_END = /(?:\.\.\.|…)\s*$/;
/** Korean sentence-final syllables: a period after one of these really ends the sentence. */
const KOREAN_FINAL_BEFORE_ELLIPSIS = /[다요죠까네라자오음함임됨지]\s*(?:\.\.\.|…)\s*$/;
const STARTS_LOWER_OR_DIGIT = /^[\s"“'‘(]*[a-z0-9]/;
const STARTS_HANGUL = /^[\s"“'‘(]*[가-힣]/;
const STARTS_UPPER = /^[\s"“'‘(]*[A-Z]/;
const STARTS_DIGIT = /^\s*\d/;

const MAX_QUOTE_PIECES = 4;

/** An opening quote with no closing quote yet: the quotation goes on in the next piece. Reads paragraph[start, end). */
function opensQuote(paragraph: string, start: number, end: number): boolean {
  let open = 0;
  let close = 0;
  let straight = 0;
  for (let i = start; i < end; i++) {
    const c = paragraph.charCodeAt(i);
    if (c === 0x201c) open++;
    else if (c === 0x201d) close++;
    else if (c === 34) straight++;
  }
  if (open > close) {
    // “ typed as a closing quote right before a particle (…보인다“며) closes rather than opens.
    const misusedClosers = paragraph.slice(start, end).match(/(?<=\S)“(?=(?:이?라고|이?라며|이?라는|고|며|하며|면서)(?![가-힣]{3}))/g)?.length ?? 0;
    if (open - misusedClosers > close + misusedClosers) return true;
  }
  return straight % 2 === 1;
}

/** paragraph[start, end) ends in Hangul + "." (…했다. / …이다.): a sentence end for every rule below but quotation. */
function endsKoreanSentence(paragraph: string, start: number, end: number): boolean {
  let last = end - 1;
  while (last >= start && paragraph.charCodeAt(last) <= 32) last--;
  if (last < start + 1 || paragraph.charCodeAt(last) !== 46) return false;
  const before = paragraph.charCodeAt(last - 1);
  return before >= 0xac00 && before <= 0xd7a3;
}

/** Every rule below needs paragraph[start, end) to end (before spaces) in a period, an ellipsis or a closing quote. */
function mayContinue(paragraph: string, start: number, end: number): boolean {
  let last = end - 1;
  while (last >= start && isWhitespaceCode(paragraph.charCodeAt(last))) last--;
  if (last < start) return false;
  const c = paragraph.charCodeAt(last);
  return c === 46 || c === 0x2026 || c === 34 || c === 0x201d || c === 0x201c || c === 0x2019 || c === 39 || c === 0x300d || c === 0x300f || c === 41;
}

/** The last two characters of `text` before its trailing whitespace (0 where there is none). */
function lastTwo(text: string): { last: number; before: number } {
  let end = text.length;
  while (end > 0 && isWhitespaceCode(text.charCodeAt(end - 1))) end--;
  return { last: end > 0 ? text.charCodeAt(end - 1) : 0, before: end > 1 ? text.charCodeAt(end - 2) : 0 };
}

/**
 * `text` (ending in a period and maybe spaces) from the character before the run of ASCII
 * letters and periods that ends it, or from its start when the run starts it. TITLE_END,
 * ABBREVIATION_END and INITIAL_END need (^|boundary character) letters-and-dots \. \s*$, so
 * they match this tail exactly when they match `text`; V8 tries an end-anchored pattern at
 * every position, and the tail is a few characters long.
 */
function lastWord(text: string): string {
  let end = text.length;
  while (end > 0 && isWhitespaceCode(text.charCodeAt(end - 1))) end--;
  let start = end - 1; // the final period
  while (start > 0) {
    const c = text.charCodeAt(start - 1);
    if (!isLatin(c) && c !== 46) break;
    start--;
  }
  return text.slice(Math.max(0, start - 1));
}

/**
 * The rules after the cheap gates (endsKoreanSentence, mayContinue), on the two pieces' text.
 * Each rule's test of `next` (anchored at its start) and of the characters before the
 * period runs before the regular expression anchored at the end of `previous`, which
 * V8 tries at every position of it.
 */
function shouldMerge(previous: string, next: string, lang: string): boolean {
  const { last, before } = lastTwo(previous);
  if (QUOTATIVE_START.test(next) && CLOSING_QUOTE_END.test(previous)) return true;
  // Every rule below but the ellipsis ends `previous` in a period: titles, abbreviations and initials after a letter.
  const afterLetter = last === 46 && isLatin(before);
  // Those three match a boundary (or the start), letters and dots, the period and spaces: the
  // end of `previous` from the character before its last run of letters and dots holds the same matches.
  const word = afterLetter ? lastWord(previous) : '';
  if (afterLetter && TITLE_END.test(word)) return true;
  if (afterLetter && (STARTS_LOWER_OR_DIGIT.test(next) || STARTS_HANGUL.test(next)) && ABBREVIATION_END.test(word)) return true;
  if (afterLetter && (STARTS_UPPER.test(next) || STARTS_HANGUL.test(next)) && INITIAL_END.test(word) && !/\s[A-Z]{2,}\.\s*$/.test(word)) {
    // "J. K. Rowling" / "Plan B. The" : an initial follows a capitalised word or another initial.
    if (/(?:^|\s)(?:[A-Z]\.\s*){1,3}$/.test(previous) || /[A-Z][a-z]+\s+[A-Z]\.\s*$/.test(previous)) return true;
  }
  const afterDigit = last === 46 && before >= 48 && before <= 57;
  if (afterDigit && STARTS_DIGIT.test(next) && DOTTED_NUMBER_END.test(previous)) return true;
  if (afterDigit && !STARTS_UPPER.test(next) && DOTTED_DATE_END.test(previous)) return true; // 2025. 2. 17. 발표됐다
  if (afterDigit && /^\s*\d{1,2}\.\s*$/.test(previous)) return true; // "1. " list marker alone
  if ((last === 0x2026 || (last === 46 && before === 46)) && ELLIPSIS_END.test(previous)) {
    if (STARTS_LOWER_OR_DIGIT.test(next)) return true;
    if (lang === 'ko' && STARTS_HANGUL.test(next) && !KOREAN_FINAL_BEFORE_ELLIPSIS.test(previous)) return true;
  }
  return false;
}

/**
 * Sentences of text[from, to) (one paragraph), trimmed of surrounding
 * whitespace, as absolute offsets into `text`.
 */
export function splitSentences(text: string, lang: string, from = 0, to = text.length): SentenceSpan[] {
  const paragraph = text.slice(from, to);
  // The pieces, as their starts relative to `from`: each ends where the next starts.
  let starts = ruleSentenceStarts(text, from, to);
  // One piece is the whole paragraph, as singleSentence would return it; it is checked for more (… ends a sentence for it, not for the rules).
  // The rules' first break follows a . ! or ?: when the character it breaks before cannot trail a sentence, that
  // terminator is inside the body singleSentence reads, which then returns undefined.
  if (!starts || (starts.length > 1 && isTrailing(paragraph.charCodeAt(starts[1])))) {
    const single = singleSentence(paragraph);
    if (single) return single.end > single.start ? [{ start: from + single.start, end: from + single.end }] : [];
  }
  if (!starts) {
    starts = [];
    for (const { index } of segmenterFor(lang).segment(paragraph)) starts.push(index);
  }
  const sentences: SentenceSpan[] = [];
  if (!starts.length) return sentences;
  let start = starts[0];
  let end = starts.length > 1 ? starts[1] : paragraph.length;
  let quotePieces = 0;
  // opensQuote needs an opening “ or a straight quote: without one in the paragraph, skip its count.
  const quoted = paragraph.includes('“') || paragraph.includes('"');
  for (let i = 1; i < starts.length; i++) {
    const pieceStart = starts[i];
    const pieceEnd = i + 1 < starts.length ? starts[i + 1] : paragraph.length;
    const insideQuote = quoted && quotePieces < MAX_QUOTE_PIECES && opensQuote(paragraph, start, end);
    if (
      insideQuote ||
      (!endsKoreanSentence(paragraph, start, end) &&
        mayContinue(paragraph, start, end) &&
        shouldMerge(paragraph.slice(start, end), paragraph.slice(pieceStart, pieceEnd), lang))
    ) {
      end = pieceEnd;
      quotePieces = insideQuote ? quotePieces + 1 : quotePieces;
      continue;
    }
    quotePieces = 0;
    pushTrimmed(sentences, paragraph, from, start, end);
    start = pieceStart;
    end = pieceEnd;
  }
  pushTrimmed(sentences, paragraph, from, start, end);
  return sentences;
}

/** paragraph[start, end) without its surrounding whitespace, as offsets into the text (paragraph starts at `from`), if anything is left. */
function pushTrimmed(sentences: SentenceSpan[], paragraph: string, from: number, start: number, end: number): void {
  while (start < end && isWhitespaceCode(paragraph.charCodeAt(start))) start++;
  while (end > start && isWhitespaceCode(paragraph.charCodeAt(end - 1))) end--;
  if (end > start) sentences.push({ start: from + start, end: from + end });
}

/** [.!?…。！？] */
function isTerminator(c: number): boolean {
  return c === 46 || c === 33 || c === 63 || c === 0x2026 || c === 0x3002 || c === 0xff01 || c === 0xff1f;
}

/** What may trail the last sentence: [\s.!?…。！？"”’'」』)\]] */
function isTrailing(c: number): boolean {
  return isTerminator(c) || isWhitespaceCode(c) || c === 34 || c === 0x201d || c === 0x2019 || c === 39 || c === 0x300d || c === 0x300f || c === 41 || c === 93;
}

/**
 * Headlines, captions and table rows with no sentence terminator before their
 * end are one sentence: skip the segmenter for them.
 */
function singleSentence(paragraph: string): SentenceSpan | undefined {
  let body = paragraph.length;
  while (body > 0 && isTrailing(paragraph.charCodeAt(body - 1))) body--;
  for (let i = 0; i < body; i++) if (isTerminator(paragraph.charCodeAt(i))) return undefined;
  let start = 0;
  let end = paragraph.length;
  while (start < end && isWhitespaceCode(paragraph.charCodeAt(start))) start++;
  while (end > start && isWhitespaceCode(paragraph.charCodeAt(end - 1))) end--;
  return { start, end };
}

/** Creates the segmenters ahead of time (the first segment() call builds ICU's break iterator). */
export function warmSentenceSegmenters(): void {
  segmenterFor('ko').segment('가. 나.')[Symbol.iterator]().next();
  segmenterFor('en').segment('A. B.')[Symbol.iterator]().next();
}
