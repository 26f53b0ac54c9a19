/**
 * Product check: a count of units × a per-unit figure, set against a total the
 * article states in the same unit ("10만개" × "60페타플롭스" vs "6엑사플롭스").
 *
 * Three figures are linked only on evidence: the per-unit figure's sentence
 * names the counted thing ("H100 GPU 10만개" … "H100은 … 60페타플롭스";
 * "48,000 … accelerators" … "Each accelerator … 95 petaflops"), and the total
 * is marked as a total, shares a sentence with the count, or follows the
 * count's sentence.
 */
import type { Check, Figure } from '../types';
import {
  type CheckContext,
  type QualifierSense,
  contentWords,
  figuresInSentences,
  figuresNear,
  hasValue,
  qualifierSense,
  roundingError,
  sentenceText,
  textAfter,
  textBefore,
} from './context';
import { formatCount, formatRatio, formatValue, siExponent } from './format';

/** Units a per-unit figure may carry; shares, ratios and temperatures do not multiply. */
const NON_MULTIPLYING = new Set(['%', 'pp', 'x', '°C', '°F']);
const MAX_SENTENCE_GAP = 3;
/** Looseness allowed on top of rounding and qualifiers. */
const SLACK = 1.1;

const PER_UNIT_EN = /\b(?:each|apiece|per (?:unit|chip|device|piece|item|car|vehicle|person|head|household|share)|a piece)\b/i;
const PER_UNIT_KO = /(?:개당|대당|장당|명당|인당|가구당|주당|기당|한 개|하나당|1개|1대|1인|개별)/;
const TOTAL_MARKER =
  /\b(?:total|in total|combined|altogether|in all|overall|aggregate|add(?:s|ed)? up|sum|whole|entire|together)\b|총|전체|합계|합산|모두|통틀어|이를|이들|이를 합|전부/i;
const OTHER_ENTITY = /\b(?:rival|competitor|compared|versus|vs\.?)\b|경쟁|대비|보다/i;

/** The words that name what a count counts: "H100 GPU 10만개" → [h100, gpu]; "48,000 of its own accelerators" → [accelerator]. */
function countedNouns(ctx: CheckContext, index: number): string[] {
  const f = ctx.figures[index];
  // Words up to the neighbouring figures only: "a million or 2 million barrels" does not count barrels with the first.
  let before = textBefore(ctx, index, 24);
  let afterText = textAfter(ctx, index, 40);
  const [lo, hi] = figuresNear(ctx, f.start - before.length, f.end + afterText.length);
  for (let k = lo; k < hi; k++) {
    const other = ctx.figures[k];
    if (other === f) continue;
    if (other.end <= f.start && other.end > f.start - before.length) before = ctx.text.slice(other.end, f.start);
    if (other.start >= f.end && other.start < f.end + afterText.length) afterText = ctx.text.slice(f.end, other.start);
  }
  const beforeWords = contentWords(before.split(/[,;:()]/).pop() ?? '').slice(-2);
  afterText = afterText.split(/[,;:()]|\b(?:that|which|who|is|are|was|were|to|in|at|for|with|or)\b/)[0] ?? '';
  const after = contentWords(afterText).slice(0, 2);
  // The figure detector may keep the counted noun itself ("chips"); a Korean counter (개, 대) names nothing.
  const counter = contentWords(f.counter ?? '').filter((w) => w.length > 1);
  // English names the counted thing after the number ("48,000 accelerators"); Korean mostly before ("H100 GPU 10만개").
  return [...counter, ...(ctx.textLang === 'ko' ? [...beforeWords, ...after.slice(0, 1)] : after)];
}

function isCount(f: Figure): f is Figure & { value: number } {
  return hasValue(f) && f.kind === 'count' && f.unit === null && f.value >= 2 && Number.isInteger(f.value);
}

function isPerUnitCandidate(f: Figure): f is Figure & { value: number; unit: string } {
  return hasValue(f) && f.unit !== null && !NON_MULTIPLYING.has(f.unit) && f.value > 0 && f.kind !== 'count';
}

function isMoney(unit: string): boolean {
  return /^[A-Z]{3}$/.test(unit);
}

/** Does the per-unit figure's sentence talk about one of the counted things? */
function namesCountedThing(ctx: CheckContext, rate: number, nouns: string[], memo: Memo): boolean {
  if (!nouns.length) return false;
  if (!nouns.some((n) => mayBeContentWordOf(rateTexts(ctx, rate, memo), n))) return false;
  const words = (memo.rateWords[rate] ??= new Set([...contentWords(textBefore(ctx, rate)), ...contentWords(textAfter(ctx, rate, 30))]));
  return nouns.some((n) => words.has(n));
}

/** The rate's sentence before it and the 30 characters after it, lower-cased (what namesCountedThing reads). */
function rateTexts(ctx: CheckContext, rate: number, memo: Memo): [string, string] {
  return (memo.rateTexts[rate] ??= [textBefore(ctx, rate).toLowerCase(), textAfter(ctx, rate, 30).toLowerCase()]);
}

/**
 * Necessary for `contentWords(text)` to hold `word`: a content word is its lower-cased token minus a
 * suffix (a particle, `'s`, a plural `s`), so it appears in the lower-cased text, except `-ies` → `-y`.
 * Lets namesCountedThing skip tokenising a sentence that cannot name the counted thing.
 */
function mayBeContentWordOf(lowered: [string, string], word: string): boolean {
  const plural = word.endsWith('y') ? `${word.slice(0, -1)}ies` : null;
  return lowered.some((text) => text.includes(word) || (plural !== null && text.includes(plural)));
}

/**
 * What the loops below ask about one figure again and again (each per-unit figure against every nearby
 * count and total), computed once per figure: the answers depend only on the article.
 */
interface Memo {
  nouns: (string[] | undefined)[];
  rateWords: (Set<string> | undefined)[];
  rateTexts: ([string, string] | undefined)[];
  /** 0 not asked yet, 1 no, 2 yes. */
  perUnit: Int8Array;
  totalMarker: Int8Array;
}

function newMemo(n: number): Memo {
  return { nouns: new Array(n), rateWords: new Array(n), rateTexts: new Array(n), perUnit: new Int8Array(n), totalMarker: new Int8Array(n) };
}

function countedNounsOf(ctx: CheckContext, index: number, memo: Memo): string[] {
  return (memo.nouns[index] ??= countedNouns(ctx, index));
}

function perUnitMarked(ctx: CheckContext, index: number, memo: Memo): boolean {
  if (!memo.perUnit[index]) memo.perUnit[index] = hasPerUnitMarker(ctx, index) ? 2 : 1;
  return memo.perUnit[index] === 2;
}

function totalMarked(ctx: CheckContext, index: number, memo: Memo): boolean {
  if (!memo.totalMarker[index]) memo.totalMarker[index] = hasTotalMarker(ctx, index) ? 2 : 1;
  return memo.totalMarker[index] === 2;
}

/**
 * "each"/"apiece"/"대당" right by the figure: the words between it and the
 * previous figure of its sentence ("Each accelerator delivers up to 95
 * petaflops", "대당 3억원") or just after it ("$750,000 each"). Not anywhere in
 * the sentence: "$750,000 each, a total outlay of $90 million" makes only the
 * first a per-unit figure.
 */
function hasPerUnitMarker(ctx: CheckContext, index: number): boolean {
  const f = ctx.figures[index];
  const sentence = ctx.sentences[ctx.sentenceOf[index]];
  let from = Math.max(sentence.start, f.start - 48);
  let to = Math.min(sentence.end, f.end + 20);
  const [lo, hi] = figuresNear(ctx, from, to);
  for (let k = lo; k < hi; k++) {
    const other = ctx.figures[k];
    if (other === f) continue;
    if (other.end <= f.start && other.end > from) from = other.end;
    if (other.start >= f.end && other.start < to) to = other.start;
  }
  // "each" right after the previous figure ("$500,000 each, … $1.5 billion") belongs to that figure.
  const before = ctx.text.slice(from, f.start).replace(/^\s*(?:each|apiece|a piece)\b/i, '');
  const near = before + ' ' + ctx.text.slice(f.end, to);
  return PER_UNIT_EN.test(near) || PER_UNIT_KO.test(near);
}

/** A total marker touching the figure: "총 6엑사플롭스", "a total outlay of $90 million", "add up to 2.4 exaflops". */
function hasTotalMarker(ctx: CheckContext, index: number): boolean {
  return TOTAL_MARKER.test(textBefore(ctx, index, 32)) || /^\s*(?:in total|combined|altogether|in all|에 달|규모)/i.test(textAfter(ctx, index, 12));
}

/** Multiplicative bounds a qualifier puts on a stated value. */
function bounds(sense: QualifierSense, value: number): [number, number] {
  const r = Math.max(roundingError(value), 0.005);
  switch (sense) {
    case 'approx':
      return [0.85, 1.15];
    case 'max':
      return [1 / 1.5, 1 + r];
    case 'min':
      return [1 - r, 1.5];
    default:
      return [1 - r, 1 + r];
  }
}

function totalEvidence(ctx: CheckContext, total: number, count: number, memo: Memo): boolean {
  const sTotal = ctx.sentenceOf[total];
  const sCount = ctx.sentenceOf[count];
  if (OTHER_ENTITY.test(textBefore(ctx, total, 40))) return false;
  if (perUnitMarked(ctx, total, memo)) return false; // another per-unit figure, not a total
  if (totalMarked(ctx, total, memo)) return true;
  const [lo, hi] = figuresInSentences(ctx, sTotal, sTotal);
  for (let i = lo; i < hi; i++) if (i !== total && isCount(ctx.figures[i])) return true;
  return sTotal === sCount + 1 || sTotal === sCount;
}

/** How far a figure sits from the others, in sentences: the closest evidence wins. */
function distance(ctx: CheckContext, a: number, b: number): number {
  return Math.abs(ctx.sentenceOf[a] - ctx.sentenceOf[b]);
}

/** Cheap necessary condition for a check on `rate`: a count and a bigger figure in its unit among figures [lo, hi). */
function hasCountAndTotalNear(figures: Figure[], rate: number, lo: number, hi: number): boolean {
  const { unit, value } = figures[rate];
  let count = false;
  let total = false;
  for (let i = lo; i < hi && !(count && total); i++) {
    if (i === rate) continue;
    const f = figures[i];
    if (!count && isCount(f)) count = true;
    if (!total && hasValue(f) && f.unit === unit && f.value > value! * 1.5) total = true;
  }
  return count && total;
}

export function findProductChecks(ctx: CheckContext): Check[] {
  const { figures, sentenceOf } = ctx;
  const checks: Check[] = [];
  const seen = new Set<string>();
  const memo = newMemo(figures.length);
  for (let r = 0; r < figures.length; r++) {
    const rate = figures[r];
    if (!isPerUnitCandidate(rate)) continue;
    // Counts and totals lie within MAX_SENTENCE_GAP sentences of the figure: only those figures are visited.
    const [nearLo, nearHi] = figuresInSentences(ctx, sentenceOf[r] - MAX_SENTENCE_GAP, sentenceOf[r] + MAX_SENTENCE_GAP);
    // No count or no possible total nearby: nothing below can pair, skip the text tests (most figures end here).
    if (!hasCountAndTotalNear(figures, r, nearLo, nearHi)) continue;
    // Money per unit needs an explicit "each"/"대당" (asked first: most sums of money have none); other units do not ask.
    if (isMoney(rate.unit) && !perUnitMarked(ctx, r, memo)) continue;
    if (totalMarked(ctx, r, memo)) continue; // "총 60페타플롭스" is itself a total

    // The count this per-unit figure multiplies: the nearest one whose counted thing the figure's sentence names.
    let c = -1;
    for (let i = nearLo; i < nearHi; i++) {
      if (i === r || !isCount(figures[i]) || distance(ctx, i, r) > MAX_SENTENCE_GAP) continue;
      // "a million or 2 million barrels", "3~5개": the two figures are one range.
      const [lo, hi] = i < r ? [figures[i], rate] : [rate, figures[i]];
      if (/^\s*(?:or|to|and|-|–|~|또는|내지)\s*$/i.test(ctx.text.slice(lo.end, hi.start))) continue;
      const sameSentence = sentenceOf[i] === sentenceOf[r];
      if (!namesCountedThing(ctx, r, countedNounsOf(ctx, i, memo), memo) && !(isMoney(rate.unit) && sameSentence)) continue;
      // Nearest wins; at equal distance, the count stated before the figure.
      if (c < 0 || distance(ctx, i, r) < distance(ctx, c, r) || (distance(ctx, i, r) === distance(ctx, c, r) && i < r && c > r)) c = i;
    }
    if (c < 0) continue;
    const count = figures[c] as Figure & { value: number };
    const key = `${count.value}|${rate.value}|${rate.unit}`;
    if (seen.has(key)) continue;

    const candidates: number[] = [];
    for (let t = nearLo; t < nearHi; t++) {
      const total = figures[t];
      if (t === r || t === c || !hasValue(total) || total.unit !== rate.unit) continue;
      if (total.value <= rate.value * 1.5) continue; // a total is bigger than one unit's share
      if (distance(ctx, t, r) > MAX_SENTENCE_GAP || distance(ctx, t, c) > MAX_SENTENCE_GAP + 1) continue;
      if (!totalEvidence(ctx, t, c, memo)) continue;
      candidates.push(t);
    }
    if (!candidates.length) continue;
    // Prefer the total closest to both figures, then one stated plainly ("reaches 2.4 exaflops") over a bound ("more than 2.4 exaflops").
    const closeness = (t: number) => Math.min(distance(ctx, t, r), distance(ctx, t, c)) + Math.max(distance(ctx, t, r), distance(ctx, t, c)) / 10;
    candidates.sort((a, b) => {
      const qa = qualifierSense(ctx, a) === 'exact' ? 0 : 1;
      const qb = qualifierSense(ctx, b) === 'exact' ? 0 : 1;
      return closeness(a) - closeness(b) || qa - qb || a - b;
    });
    const t = candidates[0];
    const total = figures[t] as Figure & { value: number };
    seen.add(key);
    const product = count.value * rate.value;
    const [cLo, cHi] = bounds(qualifierSense(ctx, c), count.value);
    const [rLo, rHi] = bounds(qualifierSense(ctx, r), rate.value);
    const [tLo, tHi] = bounds(qualifierSense(ctx, t), total.value);
    const consistent = product * cLo * rLo <= total.value * tHi * SLACK && product * cHi * rHi * SLACK >= total.value * tLo;
    if (consistent) continue;

    const ratio = product > total.value ? product / total.value : total.value / product;
    const exponent = isMoney(rate.unit) ? undefined : siExponent(total.value);
    const lang = ctx.lang;
    const countText = formatCount(count.value, lang, count.counter);
    const rateText = formatValue(rate.value, rate.unit, lang);
    const productText = formatValue(product, rate.unit, lang, exponent);
    const totalText = formatValue(total.value, rate.unit, lang, exponent);
    const arithmetic = `${countText} × ${rateText} = ${productText}`;
    const upTo = qualifierSense(ctx, r) === 'max';
    const message =
      lang === 'ko'
        ? `${arithmetic}이지만 기사에 적힌 총량은 ${totalText}입니다(${formatRatio(ratio, lang)} 차이${upTo ? ', 단위당 수치를 최대치로 보더라도 큰 차이' : ''}). 확인이 필요합니다.`
        : `${arithmetic}; the article states ${totalText} (${formatRatio(ratio, lang)} apart${upTo ? ', too far even for a per-unit maximum' : ''}) — worth verifying.`;
    checks.push({ kind: 'product', message, figures: [c, r, t], arithmetic: `${arithmetic} ≠ ${totalText}` });
  }
  return checks;
}
