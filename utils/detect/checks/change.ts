/**
 * Change check: a stated change ("rose 62%", "doubled", "2배로 늘어",
 * "3%포인트 상승") set against the earlier and later values when the article
 * states both: "from $8.8 billion to $14.2 billion", "8조원에서 14조원으로",
 * or the earlier value in a nearby sentence marked "a year earlier"/"전년".
 * Rounding of every stated value is allowed for, and qualifiers widen it.
 */
import type { Check, Figure } from '../types';
import {
  type CheckContext,
  contentWords,
  figuresInSentences,
  hasValue,
  qualifierSense,
  roundingError,
  sentenceText,
  textAfter,
  textBefore,
} from './context';
import { formatPercent, formatValue } from './format';

type Valued = Figure & { value: number };

const UP_BEFORE_EN =
  /\b(?:rose|rise[sn]?|rising|increased?|increasing|grew|grown|grows?|growing|jumped|jumps?|climbed|climbs?|gained|gains?|surged|surges?|soared|soars?|up|advanced|expanded|expands?|swelled|boosted|raised|lifted)\s+(?:by\s+)?(?:an?\s+)?(?:about|nearly|some|almost|roughly|around|more than|over|a further|another)?\s*$/i;
const DOWN_BEFORE_EN =
  /\b(?:fell|falls?|falling|fallen|declined?|declining|decreased?|decreasing|dropped|drops?|slid|slides?|plunged|plunges?|shrank|shrunk|shrinks?|down|lost|slumped|tumbled|sank|cut|reduced|lowered)\s+(?:by\s+)?(?:an?\s+)?(?:about|nearly|some|almost|roughly|around|more than|over)?\s*$/i;
const UP_AFTER_EN = /^\s*(?:percent(?:age points?)?\s*)?(?:increase|rise|jump|gain|growth|higher|more|hike|surge|climb)\b/i;
const DOWN_AFTER_EN = /^\s*(?:percent(?:age points?)?\s*)?(?:decrease|decline|drop|fall|lower|less|cut|reduction|slide|plunge)\b/i;
const UP_AFTER_KO = /^\s*(?:이상\s*|가량\s*|정도\s*|나\s*|씩\s*)?(?:증가|늘|상승|올랐|오른|올라|급증|급등|성장|확대|뛰|불어|신장|많)/;
const DOWN_AFTER_KO = /^\s*(?:이상\s*|가량\s*|정도\s*|나\s*|씩\s*)?(?:감소|줄|하락|떨어|내린|내려|내렸|급감|급락|축소|쪼그라|빠졌|빠진|적)/;

const VERBAL_MULTIPLES: Array<{ pattern: RegExp; ratio: number; sense: 'exact' | 'min' | 'max' }> = [
  { pattern: /\bmore than (?:doubled|doubling)\b/i, ratio: 2, sense: 'min' },
  { pattern: /\b(?:nearly|almost) (?:doubled|doubling)\b/i, ratio: 2, sense: 'max' },
  { pattern: /\b(?:doubled|doubling|doubles)\b/i, ratio: 2, sense: 'exact' },
  { pattern: /\bmore than (?:tripled|trebled)\b/i, ratio: 3, sense: 'min' },
  { pattern: /\b(?:nearly|almost) (?:tripled|trebled)\b/i, ratio: 3, sense: 'max' },
  { pattern: /\b(?:tripled|trebled|tripling|triples)\b/i, ratio: 3, sense: 'exact' },
  { pattern: /\b(?:quadrupled|quadrupling)\b/i, ratio: 4, sense: 'exact' },
  { pattern: /\b(?:halved|cut in half|fell by half|dropped by half)\b/i, ratio: 0.5, sense: 'exact' },
  { pattern: /두 배 이상|두 배가 넘게|두 배 넘게/, ratio: 2, sense: 'min' },
  { pattern: /두 배 가까이|거의 두 배/, ratio: 2, sense: 'max' },
  { pattern: /두 배로|두 배 늘|두 배가 됐|곱절/, ratio: 2, sense: 'exact' },
  { pattern: /세 배 이상/, ratio: 3, sense: 'min' },
  { pattern: /세 배로|세 배 늘/, ratio: 3, sense: 'exact' },
  { pattern: /네 배로/, ratio: 4, sense: 'exact' },
  { pattern: /절반으로|반토막|반으로 줄/, ratio: 0.5, sense: 'exact' },
];

/** Matches where any of VERBAL_MULTIPLES does (their alternation; case-folding changes nothing for the Korean ones). */
const ANY_VERBAL_MULTIPLE = new RegExp(VERBAL_MULTIPLES.map((v) => `(?:${v.pattern.source})`).join('|'), 'i');

const EARLIER_MARKER =
  /\b(?:a year (?:earlier|ago|before)|last year|the (?:previous|prior|preceding) (?:year|quarter)|a quarter earlier|the same (?:period|quarter) (?:a year ago|last year))\b|전년|작년|지난해|1년 전|한 해 전|직전 분기|전 분기|전분기/i;

interface StatedChange {
  kind: 'percent' | 'pp' | 'multiple';
  value: number;
  sense: 'exact' | 'approx' | 'min' | 'max';
  direction: 1 | -1 | 0;
  /** "2배 증가" / "3x increase" may mean ×2 or ×3. */
  ambiguousMultiple: boolean;
  text: string;
  figure?: number;
}

function directionOf(ctx: CheckContext, index: number): 1 | -1 | 0 {
  const before = textBefore(ctx, index, 40);
  const after = textAfter(ctx, index, 24);
  if (UP_BEFORE_EN.test(before) || UP_AFTER_EN.test(after) || UP_AFTER_KO.test(after)) return 1;
  if (DOWN_BEFORE_EN.test(before) || DOWN_AFTER_EN.test(after) || DOWN_AFTER_KO.test(after)) return -1;
  return 0;
}

function sense(ctx: CheckContext, index: number): StatedChange['sense'] {
  return qualifierSense(ctx, index);
}

function statedChanges(ctx: CheckContext, sentence: number, members: readonly number[]): StatedChange[] {
  const changes: StatedChange[] = [];
  for (const i of members) {
    const f = ctx.figures[i];
    if (!hasValue(f)) continue;
    if (f.unit === '%' || f.unit === 'pp') {
      const direction = directionOf(ctx, i);
      if (!direction) continue;
      changes.push({ kind: f.unit === 'pp' ? 'pp' : 'percent', value: f.value, sense: sense(ctx, i), direction, ambiguousMultiple: false, text: f.text, figure: i });
    } else if (f.unit === 'x' || f.kind === 'multiple') {
      const after = textAfter(ctx, i, 16);
      const direction = directionOf(ctx, i);
      const toForm = /^\s*(?:로|으로|가\s*됐|가\s*되)/.test(after) || /\b(?:to|times)\b/.test(after.slice(0, 8));
      if (!direction && !toForm) continue;
      changes.push({ kind: 'multiple', value: f.value, sense: sense(ctx, i), direction: direction || 1, ambiguousMultiple: !toForm, text: f.text, figure: i });
    }
  }
  const text = sentenceText(ctx, sentence);
  // One pass for all the verbal patterns first: most sentences hold none of them.
  if (!ANY_VERBAL_MULTIPLE.test(text)) return changes;
  for (const verbal of VERBAL_MULTIPLES) {
    const match = verbal.pattern.exec(text);
    if (!match) continue;
    changes.push({ kind: 'multiple', value: verbal.ratio, sense: verbal.sense, direction: verbal.ratio >= 1 ? 1 : -1, ambiguousMultiple: false, text: match[0] });
    break;
  }
  return changes;
}

const TO_BEFORE_EN = /\b(?:to|reach(?:ed|ing)?|hit|at)\s+(?:an?\s+)?(?:about|nearly|some|almost|roughly|around|more than|over|record|a record|an estimated)?\s*$/i;
const TO_AFTER_KO = /^\s*(?:\)\s*)?(?:으로|로|을 기록|를 기록|에 달|에 이르|이 됐|가 됐)/;
const TO_BEFORE_KO = /(?:증가한|늘어난|늘어|증가해|상승한|오른|올라|감소한|줄어든|줄어|하락한|떨어진|떨어져|뛴|급증한|급감한)\s*$/;
const FROM_BEFORE_EN = /\b(?:from|compared (?:with|to)|versus|vs\.?|against)\s+(?:an?\s+)?(?:about|nearly|some|almost|roughly|around|more than|over)?\s*$/i;
const FROM_AFTER_KO = /^\s*(?:\)\s*)?(?:에서|대비|보다|였던|이던)/;

function isAfterValue(ctx: CheckContext, i: number): boolean {
  return TO_BEFORE_EN.test(textBefore(ctx, i, 40)) || TO_AFTER_KO.test(textAfter(ctx, i, 10)) || TO_BEFORE_KO.test(textBefore(ctx, i, 12));
}

function isBeforeValue(ctx: CheckContext, i: number): boolean {
  return FROM_BEFORE_EN.test(textBefore(ctx, i, 40)) || FROM_AFTER_KO.test(textAfter(ctx, i, 8));
}

/** The earlier value in a nearby sentence of the same paragraph: "Revenue was $8.8 billion a year earlier." */
function earlierValueNearby(ctx: CheckContext, sentence: number, after: number, subject: string[]): number | undefined {
  const unit = ctx.figures[after].unit;
  // Only figures within two sentences can qualify: visit their contiguous range, in the same order as all figures.
  const [from, to] = figuresInSentences(ctx, sentence - 2, sentence + 2);
  for (let i = from; i < to; i++) {
    const s = ctx.sentenceOf[i];
    if (s === sentence || Math.abs(s - sentence) > 2) continue;
    if (ctx.paragraphOfSentence[s] !== ctx.paragraphOfSentence[sentence]) continue;
    const f = ctx.figures[i];
    if (!hasValue(f) || f.unit !== unit || f.kind !== ctx.figures[after].kind) continue;
    const near = textBefore(ctx, i, 40) + ' ' + textAfter(ctx, i, 40);
    if (!EARLIER_MARKER.test(near)) continue;
    // The same thing has to be talked about: one shared content word such as "revenue"/"매출".
    const words = new Set(contentWords(sentenceText(ctx, s)));
    if (!subject.some((w) => words.has(w))) continue;
    // Another stated change in that sentence means it is its own story.
    if (hasStatedChangeFigure(ctx, s)) continue;
    return i;
  }
  return undefined;
}

/** Whether sentence `s` holds a % or × figure (its figures are one contiguous range). */
function hasStatedChangeFigure(ctx: CheckContext, s: number): boolean {
  const [from, to] = figuresInSentences(ctx, s, s);
  for (let j = from; j < to; j++) if (ctx.figures[j].unit === '%' || ctx.figures[j].unit === 'x') return true;
  return false;
}

function interval(value: number, s: StatedChange['sense'], absolute: number): [number, number] {
  switch (s) {
    case 'approx':
      return [value - Math.max(absolute, Math.abs(value) * 0.1), value + Math.max(absolute, Math.abs(value) * 0.1)];
    case 'min':
      return [value - absolute, Infinity];
    case 'max':
      return [-Infinity, value + absolute];
    default:
      return [value - absolute, value + absolute];
  }
}

function overlaps(a: [number, number], b: [number, number], margin: number): boolean {
  return a[0] <= b[1] + margin && b[0] <= a[1] + margin;
}

/** Half a unit of the last decimal written in the figure's text: "62%" → 0.5, "9.3%" → 0.05. */
function statedRounding(value: number): number {
  const decimals = (String(value).split('.')[1] ?? '').length;
  return 0.5 * 10 ** -decimals;
}

function ratioInterval(before: number, after: number): [number, number] {
  const rb = Math.max(roundingError(before), 0.001);
  const ra = Math.max(roundingError(after), 0.001);
  return [(after * (1 - ra)) / (before * (1 + rb)), (after * (1 + ra)) / (before * (1 - rb))];
}

function consistent(change: StatedChange, before: Valued, after: Valued): boolean {
  const [lo, hi] = ratioInterval(before.value, after.value);
  const margin = 0.01; // one percentage point of looseness on top of rounding
  if (change.kind === 'multiple') {
    const candidates = change.ambiguousMultiple ? [change.value, change.value + 1] : [change.value];
    return candidates.some((m) => {
      // "doubled" tolerates a few percent; "2.3배" is rounded to its last digit.
      const slack = Math.max(m * 0.05, Number.isInteger(change.value) ? 0 : statedRounding(change.value));
      return overlaps(interval(m, change.sense, slack), [lo, hi], 0);
    });
  }
  const relative: [number, number] = [(lo - 1) * 100, (hi - 1) * 100];
  const signed = change.direction * change.value;
  const statedRange =
    change.direction === 1 ? interval(signed, change.sense, statedRounding(change.value)) : flip(interval(change.value, change.sense, statedRounding(change.value)));
  if (change.kind === 'percent' && overlaps(statedRange, relative, Math.max(margin * 100, Math.abs(signed) * 0.03))) return true;
  if (before.unit === '%' && after.unit === '%') {
    // Points: "3%포인트 상승", or a loose "rose 2%" meaning points.
    const ra = roundingError(after.value) * after.value;
    const rb = roundingError(before.value) * before.value;
    const diff: [number, number] = [after.value - before.value - ra - rb, after.value - before.value + ra + rb];
    if (overlaps(statedRange, diff, 0.15)) return true;
  }
  return false;
}

/** An interval for a decrease stated as a positive number, turned into signed change. */
function flip([lo, hi]: [number, number]): [number, number] {
  return [-hi, -lo];
}

function impliedText(ctx: CheckContext, change: StatedChange, before: Valued, after: Valued): string {
  const lang = ctx.lang;
  if (change.kind === 'multiple') {
    const ratio = after.value / before.value;
    const digits = new Intl.NumberFormat(lang === 'ko' ? 'ko-KR' : 'en-US', { maximumFractionDigits: 2 }).format(ratio);
    return lang === 'ko' ? `${digits}배` : `×${digits}`;
  }
  if (change.kind === 'pp' || (before.unit === '%' && change.kind !== 'percent')) {
    const diff = after.value - before.value;
    return `${diff >= 0 ? '+' : ''}${Number(diff.toFixed(2))}${lang === 'ko' ? '%포인트' : ' points'}`;
  }
  const pct = (after.value / before.value - 1) * 100;
  return `${pct >= 0 ? '+' : ''}${formatPercent(pct, lang)}`;
}

export function findChangeChecks(ctx: CheckContext): Check[] {
  const checks: Check[] = [];
  for (const [sentence, members] of ctx.figuresBySentence) {
    const candidates = members.filter((i) => {
      const f = ctx.figures[i];
      return hasValue(f) && f.unit !== 'x' && f.kind !== 'multiple' && f.unit !== 'pp';
    });
    const afterCandidates = candidates.filter((i) => isAfterValue(ctx, i));
    // Every check below needs an after value that is no before value: without one, the sentence's
    // stated changes need not be read (most sentences end here, before the verbal-multiple patterns).
    if (!afterCandidates.some((i) => !isBeforeValue(ctx, i))) continue;
    const changes = statedChanges(ctx, sentence, members);
    if (!changes.length) continue;
    const isChangeFigure = (i: number) => changes.some((c) => c.figure === i);
    const valued = candidates.filter((i) => !isChangeFigure(i));
    const afters = afterCandidates.filter((i) => !isChangeFigure(i));
    const befores = valued.filter((i) => isBeforeValue(ctx, i));
    for (const change of changes) {
      // The values the change speaks of come after it in English ("rose 62% to"), around it in Korean.
      const after = afters.find((i) => !befores.includes(i));
      if (after === undefined) continue;
      const afterFig = ctx.figures[after] as Valued;
      let before = befores.find((i) => ctx.figures[i].unit === afterFig.unit && ctx.figures[i].kind === afterFig.kind);
      if (before === undefined) {
        const subjectEnd = change.figure !== undefined ? ctx.figures[change.figure].start : ctx.figures[after].start;
        const subject = contentWords(ctx.text.slice(ctx.sentences[sentence].start, subjectEnd)).slice(0, 6);
        before = earlierValueNearby(ctx, sentence, after, subject);
      }
      if (before === undefined) continue;
      const beforeFig = ctx.figures[before] as Valued;
      if (beforeFig.value <= 0) continue;
      if (consistent(change, beforeFig, afterFig)) continue;
      const lang = ctx.lang;
      const beforeText = formatValue(beforeFig.value, beforeFig.unit, lang, undefined, beforeFig.counter);
      const afterText = formatValue(afterFig.value, afterFig.unit, lang, undefined, afterFig.counter);
      const implied = impliedText(ctx, change, beforeFig, afterFig);
      const stated = lang === 'ko' ? `‘${change.text}’` : `“${change.text}”`;
      const message =
        lang === 'ko'
          ? `${beforeText} → ${afterText}의 변화는 ${implied}이지만 기사에 적힌 변화는 ${stated}입니다. 확인이 필요합니다.`
          : `${beforeText} → ${afterText} is ${implied}; the article says ${stated} — worth verifying.`;
      const figures = [before, ...(change.figure !== undefined ? [change.figure] : []), after].sort((a, b) => a - b);
      checks.push({ kind: 'change', message, figures, arithmetic: `${beforeText} → ${afterText} = ${implied} ≠ ${change.text}` });
    }
  }
  return checks;
}
