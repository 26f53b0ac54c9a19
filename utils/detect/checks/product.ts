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
  const before = contentWords(textBefore(ctx, index, 24).split(/[,;:()]/).pop() ?? '').slice(-2);
  const afterText = textAfter(ctx, index, 40).split(/[,;:()]|\b(?:that|which|who|is|are|was|were|to|in|at|for|with)\b/)[0] ?? '';
  const after = contentWords(afterText).slice(0, 2);
  // The figure detector may keep the counted noun itself ("chips"); a Korean counter (개, 대) names nothing.
  const counter = contentWords(ctx.figures[index].counter ?? '').filter((w) => w.length > 1);
  return [...counter, ...(ctx.lang === 'ko' ? [...before, ...after.slice(0, 1)] : [...after, ...before.slice(-1)])];
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
function namesCountedThing(ctx: CheckContext, rate: number, nouns: string[]): boolean {
  if (!nouns.length) return false;
  const words = new Set([...contentWords(textBefore(ctx, rate)), ...contentWords(textAfter(ctx, rate, 30))]);
  return nouns.some((n) => words.has(n));
}

function hasPerUnitMarker(ctx: CheckContext, rate: number): boolean {
  const near = textBefore(ctx, rate) + ' ' + textAfter(ctx, rate, 20);
  return PER_UNIT_EN.test(near) || PER_UNIT_KO.test(near);
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

function totalEvidence(ctx: CheckContext, total: number, count: number): boolean {
  const sTotal = ctx.sentenceOf[total];
  const sCount = ctx.sentenceOf[count];
  const sentence = sentenceText(ctx, sTotal);
  if (OTHER_ENTITY.test(textBefore(ctx, total, 40))) return false;
  if (TOTAL_MARKER.test(sentence)) return true;
  if (ctx.figures.some((f, i) => i !== total && ctx.sentenceOf[i] === sTotal && isCount(f))) return true;
  return sTotal === sCount + 1 || sTotal === sCount;
}

export function findProductChecks(ctx: CheckContext): Check[] {
  const { figures, sentenceOf } = ctx;
  const checks: Check[] = [];
  const seen = new Set<string>();
  for (let c = 0; c < figures.length; c++) {
    const count = figures[c];
    if (!isCount(count)) continue;
    const nouns = countedNouns(ctx, c);
    for (let r = 0; r < figures.length; r++) {
      const rate = figures[r];
      if (r === c || !isPerUnitCandidate(rate)) continue;
      if (Math.abs(sentenceOf[r] - sentenceOf[c]) > MAX_SENTENCE_GAP) continue;
      const perUnit = hasPerUnitMarker(ctx, r);
      const linked = namesCountedThing(ctx, r, nouns);
      // Money per unit needs an explicit "each"/"개당"; a physical rate needs the counted thing named.
      if (isMoney(rate.unit) ? !(perUnit && (linked || sentenceOf[r] === sentenceOf[c])) : !linked) continue;
      if (TOTAL_MARKER.test(textBefore(ctx, r, 12))) continue; // "총 60페타플롭스" is itself a total
      const key = `${count.value}|${rate.value}|${rate.unit}`;
      if (seen.has(key)) continue;

      const candidates: number[] = [];
      for (let t = 0; t < figures.length; t++) {
        const total = figures[t];
        if (t === r || t === c || !hasValue(total) || total.unit !== rate.unit) continue;
        if (total.value <= rate.value * 1.5) continue; // a total is bigger than one unit's share
        if (Math.abs(sentenceOf[t] - sentenceOf[r]) > MAX_SENTENCE_GAP) continue;
        if (Math.abs(sentenceOf[t] - sentenceOf[c]) > MAX_SENTENCE_GAP + 1) continue;
        if (!totalEvidence(ctx, t, c)) continue;
        candidates.push(t);
      }
      if (!candidates.length) continue;
      // Prefer a plainly stated total ("reaches 2.4 exaflops") over a bound ("more than 2.4 exaflops"), then the nearest.
      candidates.sort((a, b) => {
        const qa = qualifierSense(ctx, a) === 'exact' ? 0 : 1;
        const qb = qualifierSense(ctx, b) === 'exact' ? 0 : 1;
        return qa - qb || Math.abs(sentenceOf[a] - sentenceOf[r]) - Math.abs(sentenceOf[b] - sentenceOf[r]) || a - b;
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
  }
  return checks;
}
