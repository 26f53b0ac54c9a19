/**
 * Links back to the exact text with a URL text fragment (`#:~:text=`), per the
 * WICG "URL Fragment Text Directives" spec: `text=[prefix-,]textStart[,textEnd][,-suffix]`.
 *
 * Browsers match each part on word boundaries and a single textStart never
 * crosses a block boundary, so the builder:
 * - widens the quote to whole words using the saved prefix/suffix (a Korean
 *   figure "10만개" inside "10만개를" would otherwise never match);
 * - uses textStart,textEnd for long or multi-paragraph quotes;
 * - adds prefix-/-suffix context for short quotes, which are the ambiguous ones.
 */
import type { Annotation, TextQuoteSelector } from '../annotation';

/** Quotes shorter than this get prefix/suffix context: short strings recur on a page. */
export const SHORT_QUOTE = 30;
/** Quotes longer than this (or spanning paragraphs) are linked as a start…end range. */
export const LONG_QUOTE = 80;
const RANGE_WORDS = 4;
const CONTEXT_WORDS = 3;
/** Context at least this long may have been cut mid-word when it was saved (Hypothesis and our anchoring save 32). */
const CONTEXT_CUT = 32;

const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;
const WORD_CHAR_AT_START = /^[\p{L}\p{N}\p{M}]+/u;

/** The run of word characters ending `text` (a backward scan: a `+$` regex retries from every position). */
function trailingWord(text: string): string {
  let start = text.length;
  while (start > 0) {
    const code = text.charCodeAt(start - 1);
    // Step over a surrogate pair as one character.
    const width = code >= 0xdc00 && code <= 0xdfff && start > 1 ? 2 : 1;
    if (!WORD_CHAR.test(text.slice(start - width, start))) break;
    start -= width;
  }
  return text.slice(start);
}

/** Percent-encodes one directive term: everything encodeURIComponent does, plus '-' (which it leaves alone). */
export function encodeTextDirectiveTerm(term: string): string {
  return encodeURIComponent(term).replace(/-/g, '%2D');
}

function collapse(text: string): string {
  return text.replace(/[ \t\u00a0\r\f\v]+/g, ' ').replace(/ *\n[\s]*/g, '\n').trim();
}

function words(text: string): string[] {
  return text.split(/\s+/).filter(Boolean);
}

export interface TextDirectiveParts {
  prefix?: string;
  textStart: string;
  textEnd?: string;
  suffix?: string;
}

/** Chooses the directive parts for a quote and its saved context. Returns null when nothing matchable remains. */
export function textDirectiveParts(quote: string, selector?: Pick<TextQuoteSelector, 'prefix' | 'suffix'>): TextDirectiveParts | null {
  let prefix = selector?.prefix ?? '';
  let suffix = selector?.suffix ?? '';
  let exact = quote;
  // Widen to whole words: a match that starts or ends inside a word fails.
  if (WORD_CHAR_AT_START.test(exact)) {
    const head = trailingWord(prefix);
    exact = head + exact;
    prefix = prefix.slice(0, prefix.length - head.length);
  }
  if (trailingWord(exact)) {
    const tail = suffix.match(WORD_CHAR_AT_START)?.[0] ?? '';
    exact += tail;
    suffix = suffix.slice(tail.length);
  }
  const text = collapse(exact);
  if (!text) return null;

  let parts: TextDirectiveParts;
  const lines = text.split('\n');
  if (lines.length > 1 || text.length > LONG_QUOTE) {
    const startWords = words(lines[0]).slice(0, RANGE_WORDS);
    const endWords = words(lines[lines.length - 1]).slice(-RANGE_WORDS);
    const allWords = words(text);
    // Only a range when start and end do not overlap; otherwise the quote itself is short enough.
    parts =
      allWords.length > RANGE_WORDS * 2 || lines.length > 1
        ? { textStart: startWords.join(' '), textEnd: endWords.join(' ') }
        : { textStart: text };
  } else {
    parts = { textStart: text };
  }

  if (text.length < SHORT_QUOTE) {
    // Browsers match the prefix from a word start and the suffix up to a word
    // end. Saved context is cut at a fixed length, so its outermost word may be
    // partial: drop it unless a line break or whitespace proves it whole.
    const originalPrefix = selector?.prefix ?? '';
    const prefixLines = prefix.split('\n');
    const prefixWords = words(prefixLines[prefixLines.length - 1]);
    const prefixWhole = prefixLines.length > 1 || /^\s/.test(originalPrefix) || originalPrefix.length < CONTEXT_CUT;
    const usablePrefix = (prefixWhole ? prefixWords : prefixWords.slice(1)).slice(-CONTEXT_WORDS);
    if (usablePrefix.length) parts.prefix = usablePrefix.join(' ');

    const originalSuffix = selector?.suffix ?? '';
    const suffixLines = suffix.split('\n');
    const suffixWords = words(suffixLines[0]);
    const suffixWhole = suffixLines.length > 1 || /\s$/.test(originalSuffix) || originalSuffix.length < CONTEXT_CUT;
    const usableSuffix = (suffixWhole ? suffixWords : suffixWords.slice(0, -1)).slice(0, CONTEXT_WORDS);
    if (usableSuffix.length) parts.suffix = usableSuffix.join(' ');
  }
  return parts;
}

export function textDirective(parts: TextDirectiveParts): string {
  const terms = [
    ...(parts.prefix ? [`${encodeTextDirectiveTerm(parts.prefix)}-`] : []),
    encodeTextDirectiveTerm(parts.textStart),
    ...(parts.textEnd ? [encodeTextDirectiveTerm(parts.textEnd)] : []),
    ...(parts.suffix ? [`-${encodeTextDirectiveTerm(parts.suffix)}`] : []),
  ];
  return `text=${terms.join(',')}`;
}

/** The page URL with a fragment that scrolls to and highlights the annotation's text. */
export function textFragmentUrl(annotation: Pick<Annotation, 'pageUrl' | 'quote' | 'selectors'>): string {
  const base = annotation.pageUrl.split('#')[0];
  const selector = annotation.selectors.find((s): s is TextQuoteSelector => s.type === 'TextQuoteSelector');
  const parts = textDirectiveParts(selector?.exact ?? annotation.quote, selector);
  return parts ? `${base}#:~:${textDirective(parts)}` : base;
}
