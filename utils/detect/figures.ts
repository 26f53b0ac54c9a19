/**
 * Figures in Korean and English news: money, percent, percentage points, multiples,
 * quantities with units, counts and dates, each with its normalised value.
 *
 * One pass: a single global regex finds anchors (a digit, a numeral word at a word
 * start, a month name); each anchor is parsed by hand-written readers that look a few
 * characters either side. Offsets are UTF-16 indexes into `text`; figures come out
 * sorted by start and never overlap.
 */
import type { Figure, FigureKind } from './types';
import { isDigit, isHangul, isLatin, isSpace, scaleByPow10, tidy } from './digits';
import { parseKoreanFractionAfter, parseKoreanNumberAt, SINO_DIGITS, type KoreanNumber } from './korean-numerals';
import { andFractionAfter, digitFractionAt, dozenAfter, ENGLISH_NUMBER_WORD_SOURCE, matchScaleAt, mixedFractionAfter, parseEnglishWordNumberAt, ratioAt, vulgarFractionAt, VULGAR_FRACTION_SOURCE } from './english-numbers';
import { ENGLISH_COUNT_NOUN, matchCurrencyBefore, matchUnitAt, type CurrencyPrefix, type UnitDef, type UnitMatch } from './units';
import { qualifierAfter, qualifierBefore, type Qualifier } from './qualifiers';
import { matchDigitDateAt, matchMonthDateAt, MONTH_SOURCE, YEAR_CONTEXT } from './dates';
import { isWhitespaceCode } from './whitespace';

/**
 * Word-numeral anchors, each with a lookahead so that ordinary words starting with the
 * same syllable (`이번`, `사람`, `조사`, `세계`, `열린`) are not even visited: a Sino digit
 * must lead a magnitude or a percent, a bare magnitude must end its word or lead a
 * numeral, unit or counter, an attributive native numeral must lead a counter.
 */
const KOREAN_WORD_START = [
  '[일이삼사오육칠팔구](?=[십백천만억조]|\\s?(?:퍼센트|프로|%))',
  '[십백천만억조](?![가-힣])',
  '[십백천만억조](?=[일이삼사오육칠팔구십백천만억조명개곳달원배톤엔위유파마킬미퍼프])',
  '스물|스무|서른|마흔|쉰|예순|일흔|여든|아흔|다섯|여섯|일곱|여덟|아홉|절반',
  '열(?=\\s?[한두세네다여일아개명곳]|\\s)',
  '[두세네](?=\\s|[개명곳대배번채척마권])',
].join('|');
// English number words and month names share one `\b` (same alternatives in the same order, one word-boundary test per position).
const ANCHOR_SOURCE = `\\d|\\.(?=\\d)|${VULGAR_FRACTION_SOURCE}|(?<![가-힣])(?:${KOREAN_WORD_START})|\\b(?:${ENGLISH_NUMBER_WORD_SOURCE}|${MONTH_SOURCE})`;

/** Shared by every call (detectFigures is synchronous and never re-entered); lastIndex is reset per call. */
const ANCHOR = new RegExp(ANCHOR_SOURCE, 'gi');

const URL_OR_EMAIL = /\b(?:https?:\/\/|www\.)[^\s<>"'）)]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+/gi;
const PHONE = /(?:\+\d{1,3}[-. ]?)?(?:\(\d{2,4}\)\s?|\d{2,4}[-. ])\d{3,4}[-. ]\d{4}(?!\d)/y;
const ORDINAL_SUFFIX = /(?:st|nd|rd|th)(?![A-Za-z])/y;
const KOREAN_ORDINAL = /\s?(?:번째|위(?![안해])|차(?!례|관|량|이|원|세대)|등(?![록장])|호(?![텔주])|층|회차|기(?=[가-힣\s]))/y;
const TIME_AFTER = /(?::\d{2})|\s?(?:a\.?m\.?|p\.?m\.?)(?![A-Za-z])|\s?시(?![간속대장작리민정청공])/y;
const MAGNITUDE_SYLLABLES = '십백천만억조';
const DAY_ONLY = /\s?일(?![간째])/y;
const CHAPTER_BEFORE = /(?:^|[^A-Za-z])(?:chapter|section|article|part|no\.|vol\.|volume|page|p\.|pp\.|episode|season|round|step|level|phase|version|ver\.|v\.|model|series|gen|generation|number|#|제)\s?$/i;
const TEMPERATURE_CONTEXT = /기온|온도|수온|체온|영하|영상|섭씨|화씨|폭염|한파|더위|추위|최고기온|최저기온|temperature|celsius|fahrenheit|heat|warm|cold|hot|freez/i;
const WEIGHT_CONTEXT = /무게|몸무게|체중|감량|빼|살|아기|weigh|weight|lose|lost|drop|baby|heavy|lighter|heavier|metric ton|톤/i;
const COMPARATIVE_AFTER = /^\s(?:more|less|larger|bigger|higher|greater|faster|slower|smaller|lower|as|the|over|that|what)\b/i;
/** Latin words that may precede a plain number without naming a product. */
const FUNCTION_WORDS = new Set([
  'in', 'by', 'to', 'of', 'at', 'on', 'for', 'from', 'since', 'until', 'about', 'around', 'over', 'under', 'nearly', 'almost', 'some', 'roughly', 'approximately',
  'and', 'or', 'than', 'with', 'was', 'were', 'is', 'are', 'be', 'been', 'rose', 'fell', 'up', 'down', 'top', 'only', 'just', 'all', 'total', 'the', 'a', 'an', 'its', 'his', 'her', 'their', 'our',
  'estimated', 'expected', 'least', 'most', 'more', 'less', 'fewer', 'between', 'reached', 'hit', 'costs', 'cost', 'paid', 'said', 'had', 'has', 'have', 'after', 'before', 'during', 'into', 'per', 'plus', 'minus', 'like',
]);
const SCORE_AFTER = /^[-–](\d{1,3})(?![\d%]|[.,]\d)/;
const INCHES_AFTER = /^(?:,? (?:and )?(\d{1,2}(?:\.\d+)?) ?(?:inches|inch|in\.?(?![A-Za-z])|″|")|-(\d{1,2})(?![\d.A-Za-z-]))/;
const GLUED_CODE = /(?:^|[^A-Za-z])(?:USD|EUR|GBP|JPY|CNY|RMB|KRW|AUD|CAD|CHF|HKD|INR|SGD)$/;
const FOLD_WORD = /^([a-z]+)-?fold(?![a-z])/i;
const FOLD_VALUES: Record<string, number> = { two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, twenty: 20, hundred: 100, thousand: 1000 };
const MONTH_WORDS = /^(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)$/i;

interface NumberCore {
  start: number;
  end: number;
  value: number;
  pow: number;
  digits: boolean;
  words: boolean;
  decimals: number;
  grouped: boolean;
  intDigits: number;
  fraction: boolean;
  native: boolean;
  /** Written with a slash or a vulgar fraction (`3/4`, `10 1/2`, `½`): a figure only with a unit or `of`. */
  slash?: boolean;
}

interface Built {
  figure?: Figure;
  next: number;
}

function fromKorean(n: KoreanNumber): NumberCore {
  return { start: n.start, end: n.end, value: n.value, pow: n.pow, digits: n.digits, words: n.words || n.native, decimals: n.decimals, grouped: n.grouped, intDigits: n.intDigits, fraction: n.fraction, native: n.native };
}

function alnumRunEnd(text: string, i: number): number {
  let j = i;
  while (j < text.length) {
    const c = text.charCodeAt(j);
    if (isLatin(c) || isDigit(c) || c === 95 || ((c === 46 || c === 45) && (isDigit(text.charCodeAt(j + 1)) || isLatin(text.charCodeAt(j + 1))))) j++;
    else break;
  }
  return j;
}

function sticky(re: RegExp, text: string, i: number): RegExpExecArray | null {
  re.lastIndex = i;
  return re.exec(text);
}

/** First letters of ORDINAL_SUFFIX: s(t), n(d), r(d), t(h). */
function isOrdinalSuffixStart(c: number): boolean {
  return c === 115 || c === 110 || c === 114 || c === 116;
}

/** First syllables of KOREAN_ORDINAL's words: 번(째) 위 차 등 호 층 회(차) 기. */
function isKoreanOrdinalStart(c: number): boolean {
  return c === 0xbc88 || c === 0xc704 || c === 0xcc28 || c === 0xb4f1 || c === 0xd638 || c === 0xce35 || c === 0xd68c || c === 0xae30;
}

/**
 * Necessary condition for PHONE at `i`: a `+` or `(`, or two to four digits then `-`, `.` or a space
 * (its first digit group; a longer run or any other character after it cannot match).
 */
function mayStartPhone(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c === 43 || c === 40) return true;
  let j = i;
  while (j - i < 5 && isDigit(text.charCodeAt(j))) j++;
  const sep = text.charCodeAt(j);
  return j - i >= 2 && j - i <= 4 && (sep === 45 || sep === 46 || sep === 32);
}

function windowAround(text: string, start: number, end: number, span = 30): string {
  return text.slice(Math.max(0, start - span), Math.min(text.length, end + span));
}

/** The number (digits, Korean or English words) starting at `i`, with an English scale applied. */
function readNumber(text: string, i: number, hasCurrency: boolean): NumberCore | null {
  const c = text.charCodeAt(i);
  let core: NumberCore | null = null;
  if (isLatin(c)) {
    const fold = FOLD_WORD.exec(text.slice(i, i + 16));
    if (fold && fold[1]!.toLowerCase() in FOLD_VALUES) {
      return { start: i, end: i + fold[0].length, value: FOLD_VALUES[fold[1]!.toLowerCase()]!, pow: 0, digits: false, words: true, decimals: 0, grouped: false, intDigits: 0, fraction: false, native: false, fold: true } as NumberCore;
    }
    const w = parseEnglishWordNumberAt(text, i);
    if (!w) return null;
    core = { start: i, end: w.end, value: w.value, pow: w.pow, digits: false, words: true, decimals: 0, grouped: false, intDigits: 0, fraction: !!w.fraction, native: false };
  } else if (vulgarFractionAt(text, i) !== undefined) {
    const f = digitFractionAt(text, i)!;
    return { start: i, end: f.end, value: f.value, pow: 0, digits: true, words: false, decimals: 0, grouped: false, intDigits: 0, fraction: true, native: false, slash: true };
  } else {
    const k = parseKoreanNumberAt(text, i);
    if (!k) return null;
    core = fromKorean(k);
    // `3/4`, `10 1/2`, `2½`
    if (k.digits && !k.words && k.pow === 0 && k.decimals === 0 && !k.grouped && !k.fraction) {
      const slash = text.charCodeAt(k.end) === 47 ? digitFractionAt(text, k.start) : null;
      if (slash) return { ...core, end: slash.end, value: slash.value, fraction: true, slash: true };
      const mixed = mixedFractionAfter(text, k.end);
      if (mixed) return { ...core, end: mixed.end, value: tidy(k.value + mixed.value), fraction: true, slash: true };
    }
    // `3 dozen eggs`
    const dozen = k.digits && !k.words && k.pow === 0 && k.decimals === 0 ? dozenAfter(text, k.end) : -1;
    if (dozen > 0) return { ...core, end: dozen, value: k.value * 12 };
    if (k.digits && k.pow === 0) {
      const scale = matchScaleAt(text, core.end, hasCurrency);
      if (scale) {
        core.value = scaleByPow10(core.value, scale.pow);
        core.pow = scale.pow;
        core.end = scale.end;
      }
    }
    // `10 and a half million jobs`, `$3 million and a half`
    if (k.digits && !k.words && (k.decimals === 0 || core.pow >= 3)) {
      const joined = andFractionAfter(text, core.end, core.value, core.pow);
      if (joined && (joined.pow >= 3 || core.pow >= 3)) return { ...core, end: joined.end, value: joined.value, pow: joined.pow };
    }
    const fraction = !core.fraction && core.pow === 0 ? parseKoreanFractionAfter(text, k) : null;
    if (fraction) core = { ...fromKorean(fraction), fraction: true };
  }
  return core;
}

/** Decides `파운드`/`pounds` and `도`/`degrees`, drops units that are not units here. */
function acceptUnit(text: string, core: NumberCore, unit: UnitMatch | null, hasScale: boolean): UnitMatch | null {
  if (!unit) return null;
  const def = unit.def;
  const glued = unit.start === core.end;
  const s = unit.surface;
  if (s.length === 1 && isLatin(s.charCodeAt(0)) && !glued) return null; // `5 m` is too often prose; `5m` is metres
  if ((s === 'x' || s === 'X' || s === '×' || def.gluedOnly) && !glued) return null;
  if (def.times && !COMPARATIVE_AFTER.test(text.slice(unit.end, unit.end + 12))) return null;
  // `10 €` yes; `10 $ 30` is the next amount's symbol
  if (def.symbolAfter && /^\s?[\d.]/.test(text.slice(unit.end, unit.end + 2)) && isDigit(text.charCodeAt(unit.end + (text[unit.end] === ' ' ? 1 : 0) + (text[unit.end + (text[unit.end] === ' ' ? 1 : 0)] === '.' ? 1 : 0)))) return null;
  if (def.degree) {
    if (s === '°' && !glued) return null;
    if (!TEMPERATURE_CONTEXT.test(windowAround(text, core.start, unit.end, 40))) return null;
  }
  if (def.pound && !hasScale) {
    const around = windowAround(text, core.start, unit.end, 25);
    if (WEIGHT_CONTEXT.test(around)) return { ...unit, def: { kind: 'quantity', unit: 'g', factor: 453.59237 } };
  }
  if (def.kind === 'count' && core.fraction) return null;
  return unit;
}

/** Rate news writes a fraction of a percentage point in words: `half a percentage point`, `a quarter of a point`, `a quarter-point cut`. */
const FRACTION_OF_POINT = /^(?:(?: of)? an? (percentage points?|basis points?|points?)|[ -](points?)|[ -](percentage points?))(?![A-Za-z-])/i;
const PERCENTAGE_POINT: UnitDef = { kind: 'pp', unit: 'pp', factor: 1 };

function fractionOfPointAfter(text: string, end: number): UnitMatch | null {
  const m = FRACTION_OF_POINT.exec(text.slice(end, end + 28));
  if (!m) return null;
  const surface = m[1] ?? m[2] ?? m[3]!;
  const start = end + m[0].length - surface.length;
  const named = /^(?:percentage|basis)/i.test(surface) ? matchUnitAt(text, start, false) : null;
  return { def: named?.def ?? PERCENTAGE_POINT, start, end: end + m[0].length, surface };
}

/** Wholes a Korean share is written against: `3명 중 1명`, `10명 중 7명`, `100명 중 3명`; `300명 중 120명` stays two counts. */
const SHARE_WHOLES = new Set([2, 3, 4, 5, 6, 7, 8, 9, 10, 100, 1000]);
const SHARE_JOIN = /^\s?(?:중|가운데)\s?/;

/** `중 7명` after `10명`: the part, with the whole's counter, as a fraction of the whole. */
function koreanShareAfter(text: string, end: number, whole: number, counter: string): { value: number; end: number } | null {
  if (!SHARE_WHOLES.has(whole)) return null;
  const join = SHARE_JOIN.exec(text.slice(end, end + 6));
  if (!join) return null;
  const at = end + join[0].length;
  const part = readNumber(text, at, false);
  if (!part || part.start !== at || part.decimals !== 0 || part.fraction || !(part.value > 0 && part.value <= whole)) return null;
  const unit = matchUnitAt(text, part.end);
  if (!unit || unit.def.kind !== 'count' || unit.def.counter !== counter) return null;
  return { value: tidy(part.value / whole), end: unit.end };
}

/**
 * Every figure has the same fields in the same order, absent ones undefined: one object shape, so the code
 * reading figures (checks, claims) is not slowed by a property lookup per shape. JSON drops the undefined
 * fields and keeps the others' order.
 */
function newFigure(start: number, end: number, text: string, kind: FigureKind, unit: string | null, value: number | undefined, min: number | undefined, max: number | undefined, qualifier: string | undefined, counter: string | undefined, iso: string | undefined): Figure {
  return { start, end, text, kind, unit, value, min, max, qualifier, counter, iso };
}

/** The date text[start, end), resolved to `iso` where it can be. */
function dateFigure(text: string, start: number, end: number, iso: string | undefined): Figure {
  return newFigure(start, end, text.slice(start, end), 'date', null, undefined, undefined, undefined, undefined, undefined, iso);
}

function normalise(value: number, def: UnitDef | null): number {
  if (!def) return value;
  if (def.fahrenheit) return tidy((value - 32) * def.factor);
  return def.factor === 1 ? value : tidy(value * def.factor);
}

/** `1달러 20센트`, `13 dollars and 45 cents`, `thirteen dollars forty-five cents` → the cents as dollars. */
function centsAfter(text: string, end: number): { value: number; end: number } | null {
  const m = /^\s?(\d{1,2})\s?(?:센트|cents?)(?![A-Za-z])/.exec(text.slice(end, end + 12));
  if (m) return { value: Number(m[1]) / 100, end: end + m[0].length };
  const w = /^,? (?:and )?(?=[a-z\d])/i.exec(text.slice(end, end + 6));
  if (!w) return null;
  const p = end + w[0].length;
  let cents = -1;
  let q = p;
  if (isDigit(text.charCodeAt(p))) {
    const d = /^\d{1,2}(?!\d)/.exec(text.slice(p, p + 3));
    if (d) {
      cents = Number(d[0]);
      q = p + d[0].length;
    }
  } else {
    const n = parseEnglishWordNumberAt(text, p);
    if (n && !n.fraction && n.value < 100) {
      cents = n.value;
      q = n.end;
    }
  }
  if (cents < 0) return null;
  const unit = /^ cents?(?![A-Za-z])/i.exec(text.slice(q, q + 7));
  return unit ? { value: cents / 100, end: q + unit[0].length } : null;
}

/** Words before `half`/`quarter` that make it a period or a part, not a share (`the second half of 2024`). */
const PART_BEFORE = /(?:first|second|third|fourth|final|last|other|latter|former|back|front|top|bottom|upper|lower|northern|southern|eastern|western|opening|closing|the)\s$/i;

/** An English word fraction is a figure when it is a share of something: `two thirds of`, `half of`, `by half`, `in half`. */
function englishFractionStands(text: string, core: NumberCore): boolean {
  const after = text.slice(core.end, core.end + 4);
  const before = text.slice(Math.max(0, core.start - 8), core.start);
  if (PART_BEFORE.test(before)) return false;
  if (/^ of /.test(after)) return true;
  if (/^[-\w]/.test(text.slice(core.end, core.end + 1))) return false;
  if (/^(?:half|a half)$/i.test(text.slice(core.start, core.end))) return /(?:by|in)\s$/i.test(before);
  // `has fallen by a third`, `cut the harvest by two-thirds`: a change by a share (not `by a third party`).
  return CHANGED_BY.test(text.slice(Math.max(0, core.start - 64), core.start)) && !/^ part(?:y|ies)\b/i.test(text.slice(core.end, core.end + 9));
}

/** A change verb, at most four words of its object, then `by`. */
const CHANGED_BY = /\b(?:fallen|fell|dropped|declined|rose|risen|grown|grew|increased|decreased|cut|reduced|shrunk|shrank|slashed|jumped|climbed|surged|plunged|slumped|tumbled|raised|lowered|boosted|trimmed|expanded|doubled)\s+(?:[\w'’-]+\s+){0,4}by\s$/i;

const ORDINAL_DAE_AFTER = /^\s?(?:국회|대선|총선|대통령|국회의원|지방선거|의회|대법원장|정부)/;
const NAMED_NUMBER_BEFORE = /(?:S&P|FTSE|Fortune|KOSPI|KOSDAQ|코스피|코스닥|Nasdaq|NASDAQ|Nikkei|닛케이|Russell|Stoxx|STOXX|Xbox|Boeing|보잉|Highway|Route|Interstate|Room|Flight|Gate|Platform|Channel|Section|Article|Chapter|Proposition|Apollo)\s$/;
/** A range mark after one or two digits (and at most one space): most numbers are not followed by one, and a failed sticky exec costs as much as a match. */
function monthSpanMayStart(text: string, i: number): boolean {
  let k = isDigit(text.charCodeAt(i + 1)) ? i + 2 : i + 1;
  if (text.charCodeAt(k) === 32) k++;
  const mark = text.charCodeAt(k);
  return mark === 0x7e || mark === 0x223c || mark === 0xff5e || mark === 0x301c || mark === 0x2d || mark === 0x2013;
}
const MONTH_SPAN = /(\d{1,2})\s?[~∼～〜\-–]\s?(\d{1,2})\s?월(?![요급드\d])/y;
const STREET_AFTER = /^ (?:[A-Z][a-z]+ ){1,2}(?:Street|St\.|Road|Rd\.|Avenue|Ave\.|Boulevard|Blvd\.|Lane|Drive|Place|Square)(?![A-Za-z])/;
/** Nouns a bare year names (`the 2024 election`, `2022 World Cup`). */
const YEAR_NOUN_AFTER = /^\s(?:elections?|campaign|season|budget|census|survey|Olympics|Olympic|World Cup|race|midterms?|presidential|general election|fiscal|financial year|edition|referendum|summit|crisis|war|games|Games|championship|tournament|World Series|Super Bowl|Paris|Tokyo|Beijing|model year|tax year)\b/;
const AGE_GROUP_AFTER = /^(?:초반|중반|후반|\s?(?:남성|여성|남녀|남자|여자|청년|젊은|이상|이하|연령|가구|직장인|환자|응답자|여성은|남성은|층|세대|주부|부부|대학생|취업자|근로자|가장|엄마|아빠|배우|가수|의원|초|중|후))/;

function isVersionLike(text: string, core: NumberCore): boolean {
  // `Llama 3.1`, `iOS 18`, `X 1.0`, `Windows 11`, `(Llama) 3.1`
  const m = /([A-Za-z][A-Za-z0-9]*)\)?\s$/.exec(text.slice(Math.max(0, core.start - 24), core.start));
  if (!m) return false;
  const word = m[1]!;
  if (FUNCTION_WORDS.has(word.toLowerCase()) || MONTH_WORDS.test(word)) return false;
  const capitalised = /[A-Z]/.test(word);
  if (!capitalised) return false;
  if (core.grouped || core.intDigits > 2) return false;
  return true;
}

const RANGE_LEAD = new Set([0x7e, 0x223c, 0xff5e, 0x301c, 0x2013, 0x2014, 0x2d, 0x74 /* t */, 0x61 /* a */, 0x6f /* o */]);

function rangeTail(text: string, from: number, floor: number, start: number): { connector: number; next: number } | null {
  if (!RANGE_LEAD.has(text.charCodeAt(text.charCodeAt(from) === 32 ? from + 1 : from))) return null;
  const rest = text.slice(from, from + 8);
  const m = /^(\s?)(~|∼|～|〜|–|—|-)(\s?)/.exec(rest);
  if (m) {
    if (m[2] === '-' && m[1] !== m[3]) return null; // `75 -300mm` is not a range
    return { connector: from, next: from + m[0].length };
  }
  const before = text.slice(Math.max(floor, start - 12), start).toLowerCase();
  const w = /^\s(to|and|or)\s/.exec(rest);
  if (!w) return null;
  if (w[1] === 'and' && !/between\s$/.test(before)) return null;
  if (w[1] === 'or' && !/^\s?or\s/.test(rest)) return null;
  if (w[1] === 'to' && /(?:rose|rising|fell|falling|grew|climbed|jumped|dropped|declined|increased|decreased|cut|raised|up|down|went|moved|slipped|surged|soared)\s+from\s$/.test(text.slice(Math.max(0, start - 24), start).toLowerCase())) return null;
  return { connector: from, next: from + w[0].length };
}

const SIGN_WORD_BEFORE = /(마이너스|영하|minus|negative)\s?$/i;

/** Cheap necessary condition for SIGN_WORD_BEFORE before `start`: the last letter of one of its words, maybe then one space. */
function signWordMayEndAt(text: string, start: number): boolean {
  let k = start - 1;
  if (k >= 0 && isWhitespaceCode(text.charCodeAt(k))) k--;
  const c = text.charCodeAt(k);
  return c === 0xc2a4 /* 스 */ || c === 0xd558 /* 하 */ || c === 115 || c === 83 || c === 101 || c === 69;
}

function isMiddleDot(c: number): boolean {
  return c === 0xb7 || c === 0x30fb;
}

function figureAt(text: string, i: number, floor: number): Built {
  const c = text.charCodeAt(i);
  const prev = text.charCodeAt(i - 1);

  if (isLatin(c)) {
    if (isLatin(prev)) return { next: i + 1 };
    const date = matchMonthDateAt(text, i);
    if (date) return { figure: dateFigure(text, date.start, date.end, date.iso), next: date.end };
  } else if (isDigit(c) || c === 46) {
    // `USD115`: an ISO code glued to the amount
    if (isLatin(prev) && !GLUED_CODE.test(text.slice(Math.max(0, i - 4), i))) return { next: alnumRunEnd(text, i) };
    if (isDigit(prev) || prev === 95 || (c === 46 && isDigit(prev))) return { next: alnumRunEnd(text, i) };
    // `GPT-4o`, `COVID-19`, `F-35`: a name with a number
    if ((prev === 45 || prev === 0x2010) && (isLatin(text.charCodeAt(i - 2)) || isDigit(text.charCodeAt(i - 2)))) return { next: alnumRunEnd(text, i) };
    if (prev === 91 /* [ */ && /^\d{1,3}\]/.test(text.slice(i, i + 4))) return { next: text.indexOf(']', i) + 1 };
    // `3·1절`, `6·25 전쟁`, `5·18`: Korean names events by their date with a middle dot; neither number counts.
    if ((prev === 0xb7 || prev === 0x30fb) && isDigit(text.charCodeAt(i - 2))) return { next: alnumRunEnd(text, i) };
    const dotted = isMiddleDot(text.charCodeAt(i + 1)) || isMiddleDot(text.charCodeAt(i + 2)) ? /^\d{1,2}[·・]\d{1,2}(?!\d)/.exec(text.slice(i, i + 6)) : null;
    if (dotted) return { next: i + dotted[0].length };
    const phoneStart = prev === 43 /* + */ || prev === 40 /* ( */ ? i - 1 : i;
    const phone = mayStartPhone(text, phoneStart) ? sticky(PHONE, text, phoneStart) : null;
    if (phone) return { next: phoneStart + phone[0].length };
    // `1~9월`, `3-5월`: a span of months (January to September), neither a count nor two dates
    const months = isDigit(c) && monthSpanMayStart(text, i) ? sticky(MONTH_SPAN, text, i) : null;
    if (months && Number(months[1]) >= 1 && Number(months[1]) < Number(months[2]) && Number(months[2]) <= 12) {
      const end = i + months[0].length;
      const month = (m: string) => `--${m.padStart(2, '0')}`;
      return { figure: dateFigure(text, i, end, `${month(months[1]!)}/${month(months[2]!)}`), next: end };
    }
    const date = matchDigitDateAt(text, i);
    if (date) return { figure: dateFigure(text, date.start, date.end, date.iso), next: date.end };
    const b = text.charCodeAt(prev === 32 ? i - 2 : i - 1);
    if ((isLatin(b) || b === 46 || b === 35 || b === 0xc81c /* 제 */) && CHAPTER_BEFORE.test(text.slice(Math.max(0, i - 12), i))) return { next: alnumRunEnd(text, i) };
  }

  // a lone Sino digit glued to a syllable is a word (`이번`, `일부`, `사람`, `오늘`), the commonest anchor by far
  if (isHangul(c) && text[i]! in SINO_DIGITS && isHangul(text.charCodeAt(i + 1)) && !MAGNITUDE_SYLLABLES.includes(text[i + 1]!)) return { next: i + 1 };
  let currency: CurrencyPrefix | null = isDigit(c) || c === 46 ? matchCurrencyBefore(text, i) : null;
  // `10 rmb 20 usd`: a code that ended the previous figure is not this one's prefix
  if (currency && currency.start < floor) currency = null;
  const core = readNumber(text, i, !!currency);
  if (!core) return { next: i + 1 };

  // dotted versions and addresses: `3.1.4`, `192.168.1.2`
  if (core.digits && text[core.end] === '.' && isDigit(text.charCodeAt(core.end + 1))) return { next: alnumRunEnd(text, core.end) };
  if (core.digits && !core.words && core.pow === 0) {
    // Each pattern below is tried only when the character it must start with (after at most one `\s`) is there:
    // most numbers are followed by none of them, and a failed sticky exec costs as much as a match.
    const after = text.charCodeAt(core.end);
    const lead = isWhitespaceCode(after) ? text.charCodeAt(core.end + 1) : after;
    if (isOrdinalSuffixStart(after) && sticky(ORDINAL_SUFFIX, text, core.end)) return { next: core.end + 2 };
    if (isKoreanOrdinalStart(lead) && sticky(KOREAN_ORDINAL, text, core.end) && !text.startsWith('차례', core.end)) return { next: core.end + 1 };
    if ((after === 58 /* : */ || lead === 97 /* a */ || lead === 112 /* p */ || lead === 0xc2dc /* 시 */) && sticky(TIME_AFTER, text, core.end)) return { next: core.end + 1 };
    // `17일` alone: a day of an unknown month is not resolvable, and not a count either
    if (lead === 0xc77c /* 일 */ && sticky(DAY_ONLY, text, core.end)) return { next: core.end + 1 };
  }

  let end = core.end;
  let innerQualifier: Qualifier | undefined;
  // `10여 명`, `1천여 가구`: 여 between the number and its counter means "a little over"
  if (text[end] === '여' && (core.digits || core.words)) {
    const u = matchUnitAt(text, end + 1);
    if (u) {
      innerQualifier = 'over';
      end += 1;
    }
  }
  const hasScale = core.pow > 0;
  let unit = acceptUnit(text, core, matchUnitAt(text, end), hasScale);
  if (!unit && core.words && core.fraction && isLatin(c)) unit = fractionOfPointAfter(text, end);
  // `1 in 5 residents`, `nine out of ten doctors`: a ratio (a fraction, like `3분의 1`)
  let ratio = false;
  if (!unit && !currency && core.pow === 0 && !core.fraction && core.decimals === 0 && (isLatin(c) || isDigit(c))) {
    const r = ratioAt(text, core.end, core.value);
    if (r) {
      core.end = end = r.end;
      core.value = r.value;
      core.fraction = true;
      ratio = true;
    }
  }
  // `3/4`, `½` alone may be a score, a date or `24/7`: a figure only with a unit, a currency or `of`
  if (core.slash && !unit && !currency && !/^ of /.test(text.slice(end, end + 4))) return { next: end };
  // a number glued to letters that are not a unit or scale is a name: `4o`, `3E`
  if (!unit && core.digits && isLatin(text.charCodeAt(core.end)) && core.end === end) return { next: alnumRunEnd(text, core.end) };

  let value = core.value;
  let min: number | undefined;
  let max: number | undefined;
  let figureEnd = unit ? unit.end : end;
  let sign = 1;
  let start = core.start;

  // negative numbers: `-5%`, `마이너스 5`, `영하 10도`
  if (core.digits && (prev === 45 || prev === 0x2212) && !isDigit(text.charCodeAt(i - 2)) && !isLatin(text.charCodeAt(i - 2)) && !currency) {
    sign = -1;
    start = i - 1;
  }
  const koreanSign = signWordMayEndAt(text, start) ? SIGN_WORD_BEFORE.exec(text.slice(Math.max(0, start - 9), start)) : null;
  if (koreanSign && (koreanSign[1] !== '영하' || unit?.def.unit === '°C')) {
    sign = -1;
    start -= koreanSign[0].length;
  }
  if (currency) start = Math.min(start, currency.start);

  // `1~2엑사플롭스`, `30억∼40억달러`, `3-4%`, `$3-$4 billion`, `between 3 and 4 percent`
  const range = rangeTail(text, figureEnd, floor, start);
  if (range) {
    const secondCurrency = matchCurrencyBefore(text, range.next);
    const numberStart = secondCurrency && secondCurrency.start >= range.next ? range.next + (text.slice(range.next).search(/[\d.]/)) : range.next;
    const second = readNumber(text, numberStart, !!currency || !!secondCurrency);
    if (second && second.digits === core.digits && !(second.digits && isLatin(text.charCodeAt(numberStart - 1)))) {
      const unit2 = acceptUnit(text, second, matchUnitAt(text, second.end), second.pow > 0);
      // `rose 1.2% to 5,800.5`: a unit on the first number only is a change to a level, not a range (`3 to 4%` is one)
      const sameUnit = unit ? (unit2 ? unit.def.kind === unit2.def.kind && unit.def.unit === unit2.def.unit : second.pow > 0) : true;
      const yearPair = core.intDigits === 4 && second.intDigits === 4 && !unit2 && !currency;
      const strongEnough = !!unit2 || !!unit || !!currency || second.pow > 0;
      if (sameUnit && !yearPair && strongEnough) {
        let low = value;
        const secondCoefficient = second.value / 10 ** second.pow;
        if (core.pow === 0 && second.pow > 0 && low < secondCoefficient) low = scaleByPow10(low, second.pow);
        if (second.value > low) {
          min = low;
          max = second.value;
          unit = unit ?? unit2;
          figureEnd = unit2 ? unit2.end : second.end;
        }
      }
    }
  }

  // `won 3-1`, `the 5-4 vote`, `ages 18-24` without a unit: a score or a bare pair, not the count `3`
  if (min === undefined && !unit && !currency && core.digits && !core.words && core.pow === 0 && core.decimals === 0 && core.intDigits <= 3 && !core.fraction) {
    const dash = text.charCodeAt(end);
    // SCORE_AFTER opens on `-` or `–`: no slice and regex for the other numbers.
    const pair = dash === 45 || dash === 0x2013 ? SCORE_AFTER.exec(text.slice(end, end + 6)) : null;
    if (pair) return { next: end + pair[0].length };
  }

  // `5 feet 2 inches`, `6 ft 1 in`, `the 6-foot-4 center`: one length
  if (unit?.def.unit === 'm' && unit.def.factor === 0.3048 && min === undefined) {
    const inches = INCHES_AFTER.exec(text.slice(figureEnd, figureEnd + 16));
    if (inches && Number(inches[1] ?? inches[2]) < 12) {
      value = tidy(value + Number(inches[1] ?? inches[2]) / 12);
      figureEnd += inches[0].length;
    }
  }

  // `75 USD million`: a scale word after an ISO code
  if (unit?.def.kind === 'money' && min === undefined && core.pow === 0 && /^[A-Z]{3}$/.test(unit.surface)) {
    const scale = matchScaleAt(text, figureEnd, false);
    if (scale && scale.pow >= 3 && text[figureEnd] === ' ') {
      value = scaleByPow10(value, scale.pow);
      figureEnd = scale.end;
    }
  }

  // cents after whole dollars: `1달러 20센트`, `3 달러 50 센트`
  if (unit?.def.kind === 'money' && unit.def.unit === 'USD' && unit.def.factor === 1 && min === undefined && Number.isInteger(value)) {
    const cents = centsAfter(text, figureEnd);
    if (cents) {
      value += cents.value;
      figureEnd = cents.end;
    }
  }

  let kind: FigureKind;
  let unitCode: string | null;
  let def: UnitDef | null = unit?.def ?? null;
  let counter: string | undefined;
  if (currency && (!def || def.kind !== 'money')) {
    if (def && def.kind !== 'count') def = null;
    kind = 'money';
    unitCode = currency.unit;
    if (def?.kind === 'count') {
      def = null;
      figureEnd = min !== undefined ? figureEnd : end;
    }
  } else if (def) {
    kind = def.kind;
    unitCode = def.unit;
    counter = def.counter;
  } else if (core.fraction || (core as NumberCore & { fold?: boolean }).fold) {
    kind = 'multiple';
    unitCode = 'x';
  } else {
    kind = 'count';
    unitCode = null;
  }

  // `2대1로 꺾고` is a score, not a count of 대.
  if (def?.kind === 'count' && !currency && min === undefined) {
    if (def.counter === '대') {
      // A score's second number stands alone: `2대1로`, `3 대 2 역전승`, not `3대 2천만원` (3 trucks, 20 million won).
      const score = /^\s?\d{1,3}(.?)/.exec(text.slice(figureEnd, figureEnd + 6));
      const next = score?.[1] ?? '';
      if (score && !/[\d.,%만억조천백원달배명개]/.test(next) && (!isHangul(next.charCodeAt(0)) || /[로으의]/.test(next))) {
        return { next: figureEnd + score[0].length - next.length };
      }
    }
    // `21대 국회`, `20대 대선`: the 21st National Assembly, the 20th presidential election.
    if (def.counter === '대' && ORDINAL_DAE_AFTER.test(text.slice(figureEnd, figureEnd + 6))) return { next: figureEnd };
    // `오후 3시 30분`: the minutes of a time of day, not a count of minutes.
    if (def.counter === '분' && /\d\s?시\s?$/.test(text.slice(Math.max(0, start - 5), start))) return { next: figureEnd };
    // `20대 남성`, `30대 초반`: an age group (people in their twenties), not twenty vehicles.
    if (def.counter === '대' && value >= 10 && value <= 90 && value % 10 === 0 && AGE_GROUP_AFTER.test(text.slice(figureEnd, figureEnd + 6))) {
      return { next: figureEnd };
    }
  }

  // `10명 중 7명`, `5곳 가운데 1곳`: a share of a small or round whole, as `seven in ten` is
  if (def?.kind === 'count' && def.counter && !currency && min === undefined && sign === 1 && core.decimals === 0) {
    const share = koreanShareAfter(text, figureEnd, value, def.counter);
    if (share) {
      value = share.value;
      figureEnd = share.end;
      kind = 'multiple';
      unitCode = 'x';
      def = null;
      counter = undefined;
    }
  }

  // numeral words alone are prose (`one of the`, `이 회사`); they need a unit, a scale or a counted noun
  const fold = (core as NumberCore & { fold?: boolean }).fold === true;
  if (core.words && !def && !currency && !fold) {
    const english = isLatin(c);
    const noun = english && core.value >= 2 && ENGLISH_COUNT_NOUN.exec(text.slice(core.end + 1, core.end + 30).toLowerCase());
    if (core.fraction && text.startsWith('절반', core.start)) {
      // `절반` (half) is a figure on its own
    } else if (english && (ratio || (core.fraction && englishFractionStands(text, core)))) {
      // `two thirds of voters`, `half of Americans`, `cut by half`, `1 in 5`
    } else if (!(english && (core.pow > 0 || (noun && text[core.end] === ' '))) && !(core.fraction && !english)) return { next: core.end };
  }
  // a lone Sino digit (`이`, `사`, `오`) is a pronoun or a word far more often than a number;
  // it counts only before a real unit (`오 퍼센트`), never before a counter (`이 곳` is "this place")
  if (core.words && !core.digits && !core.native && isHangul(c) && core.end - core.start === 1 && !core.fraction && text[core.start]! in SINO_DIGITS && !(def && def.kind !== 'count' && def.kind !== 'multiple')) return { next: core.end };
  if (core.digits && !def && !currency && core.pow === 0) {
    // `그록3`: a name glued to a Hangul word, not a count
    if (isHangul(prev)) return { next: core.end };
    // `3분기`, `4분기 매출`: a quarter of the year names a period, it counts nothing.
    if (text.startsWith('분기', core.end)) return { next: core.end + 2 };
    // `S&P 500`, `FTSE 100`, `Boeing 737`, `Route 66`, `코스피 200`: the number is part of a name.
    if (NAMED_NUMBER_BEFORE.test(text.slice(Math.max(0, core.start - 12), core.start))) return { next: core.end };
    // `10 Downing Street`, `1600 Pennsylvania Avenue`: a house number.
    if (text.charCodeAt(core.end) === 32 && STREET_AFTER.test(text.slice(core.end, core.end + 40))) return { next: core.end };
    if (isVersionLike(text, core) && min === undefined) return { next: core.end };
  }
  if (core.digits && !def && !currency && core.pow === 0 && core.intDigits === 4 && !core.grouped && core.decimals === 0 && min === undefined && value >= 1000 && value <= 2999) {
    if (YEAR_CONTEXT.test(text.slice(Math.max(0, start - 16), start)) || YEAR_NOUN_AFTER.test(text.slice(core.end, core.end + 24))) {
      return { figure: dateFigure(text, start, core.end, String(value)), next: core.end };
    }
  }

  // speed written around a length: `시속 188 마일`, `초속 10미터`
  if (def?.unit === 'm') {
    const speed = /(시속|초속)\s?$/.exec(text.slice(Math.max(0, start - 4), start));
    if (speed) {
      start -= speed[0].length;
      unitCode = 'km/h';
      def = { ...def, unit: 'km/h', factor: speed[1] === '시속' ? def.factor / 1000 : def.factor * 3.6 };
    }
  }
  if (def?.unit === '°C') {
    const scaleWord = /(섭씨|화씨)\s?$/.exec(text.slice(Math.max(0, start - 4), start));
    if (scaleWord) {
      start -= scaleWord[0].length;
      if (scaleWord[1] === '화씨') def = { ...def, fahrenheit: true, factor: 5 / 9 };
    }
  }

  if (min !== undefined && /between\s$/i.test(text.slice(Math.max(floor, start - 8), start))) start -= /between\s$/i.exec(text.slice(start - 8, start))![0].length;
  const before = qualifierBefore(text, start, floor);
  const after = qualifierAfter(text, figureEnd);
  const qualifier = innerQualifier ?? before?.qualifier ?? after?.qualifier;
  if (before && (innerQualifier === undefined || true)) start = before.start;
  if (after && !innerQualifier && !(before && after)) figureEnd = after.end;
  else if (after && before && after.qualifier === before.qualifier) figureEnd = after.end;

  // `4%대`, `3천억원대`: "in the 4% range" is 4 up to 5, not exactly 4 (but `4% 대비`, `10%대비` compare).
  if (min === undefined && (kind === 'percent' || kind === 'money') && text[figureEnd] === '대' && !BAND_NOT_AFTER.test(text[figureEnd + 1] ?? '')) {
    min = value;
    max = value + lastDigitStep(value);
    figureEnd++;
  }
  const surface = text.slice(start, figureEnd);
  const figure = min !== undefined && max !== undefined
    ? newFigure(start, figureEnd, surface, kind, unitCode, undefined, normalise(sign * min, def), normalise(max, def), qualifier || undefined, counter || undefined, undefined)
    : newFigure(start, figureEnd, surface, kind, unitCode, normalise(sign * value, def), undefined, undefined, qualifier || undefined, counter || undefined, undefined);
  return { figure, next: figureEnd };
}

/** Syllables that make `대` the start of another word (대비 "compared with", 대출 "loan", 대응, 대형…). */
const BAND_NOT_AFTER = /[비출응형표한상신규략체]/;

/** The place value of a number's last non-zero digit: 4 → 1, 30 → 10, 2.5e7 → 1e6, 4.5 → 0.1. */
function lastDigitStep(value: number): number {
  if (!Number.isInteger(value)) {
    const decimals = (String(value).split('.')[1] ?? '').length;
    return 10 ** -decimals;
  }
  let step = 1;
  while (value !== 0 && value % (step * 10) === 0) step *= 10;
  return step;
}

function urlSpans(text: string): [number, number][] {
  const spans: [number, number][] = [];
  if (!text.includes('://') && !text.includes('www.') && !text.includes('@')) return spans;
  URL_OR_EMAIL.lastIndex = 0;
  for (let m = URL_OR_EMAIL.exec(text); m; m = URL_OR_EMAIL.exec(text)) spans.push([m.index, m.index + m[0].length]);
  return spans;
}

/** All figures in `text`, sorted by start, never overlapping. */
export function detectFigures(text: string): Figure[] {
  // Compiled once: building this long pattern per call cost about as much as scanning a short article with it.
  const anchor = ANCHOR;
  anchor.lastIndex = 0;
  const urls = urlSpans(text);
  let urlIndex = 0;
  const figures: Figure[] = [];
  let floor = 0;
  for (let m = anchor.exec(text); m; m = anchor.exec(text)) {
    const i = m.index;
    while (urlIndex < urls.length && urls[urlIndex]![1] <= i) urlIndex++;
    if (urlIndex < urls.length && urls[urlIndex]![0] <= i) {
      anchor.lastIndex = urls[urlIndex]![1];
      continue;
    }
    const built = figureAt(text, i, floor);
    if (built.figure && built.figure.start >= floor && built.figure.end > built.figure.start) {
      figures.push(built.figure);
      floor = built.figure.end;
    }
    anchor.lastIndex = Math.max(built.next, i + 1, floor);
  }
  return figures;
}

export { isSpace };
