/**
 * Magnitude check: the same quantity stated twice on a page, once with a
 * slipped magnitude word: 10× (천/만), 1,000× (million/billion) or 10,000×
 * (만/억, 억/조). Because two different quantities often share digits, it asks
 * for strong evidence that both statements are about the same thing: the same
 * unit (and counter), the same digits, the same period, and most of the
 * words around the two figures in common.
 */
import type { Check, Figure } from '../types';
import { type CheckContext, contentWords, hasValue, qualifierSense, significantDigits, textAfter, textBefore } from './context';
import { formatRatio, formatValue, quoteFigure } from './format';

const SLIPS = [1, 3, 4]; // powers of ten a slipped magnitude word produces
const PERIOD = /\b(?:19|20)\d\d\b|\d+\s*(?:년|분기|월)|\bQ[1-4]\b|\b(?:first|second|third|fourth) quarter\b|\b(?:last|this|next) (?:year|quarter|month)\b|지난해|올해|작년|내년|전년/gi;

function sameUnit(a: Figure, b: Figure): boolean {
  if (a.kind !== b.kind || a.unit !== b.unit || a.kind === 'date') return false;
  if (a.unit === null) return !!a.counter && a.counter === b.counter;
  return !['%', 'pp', 'x'].includes(a.unit);
}

/** Text around a figure with every figure in it blanked, so numbers do not count as shared words. */
function surroundings(ctx: CheckContext, index: number): { words: string[]; periods: string[] } {
  const f = ctx.figures[index];
  // Whole words only: a window that starts mid-word drops that word.
  const before = textBefore(ctx, index, 48).replace(/^\S*\s/, (m) => (textBefore(ctx, index).length > 48 ? '' : m));
  const after = textAfter(ctx, index, 24).replace(/\s\S*$/, (m) => (textAfter(ctx, index).length > 24 ? '' : m));
  let snippet = `${before} ${after}`;
  for (const other of ctx.figures) {
    if (other === f || other.start >= f.end + 24 || other.end <= f.start - 48) continue;
    snippet = snippet.replace(other.text, ' ');
  }
  return {
    words: [...new Set(contentWords(snippet))],
    periods: [...new Set((snippet.match(PERIOD) ?? []).map((p) => p.toLowerCase().replace(/\s+/g, '')))],
  };
}

export function findMagnitudeChecks(ctx: CheckContext): Check[] {
  const checks: Check[] = [];
  const { figures } = ctx;
  const lang = ctx.lang;
  const flagged = new Set<number>();
  const digitsOf: (string | undefined)[] = new Array(figures.length);
  const digitsAt = (k: number) => (digitsOf[k] ??= significantDigits(figures[k].value!));
  // Only figures in the same unit can pair (sameUnit): group them once, then visit each group's pairs in the
  // same (i, j) order as a loop over all pairs would.
  const groups = new Map<string, number[]>();
  const groupOf: (number[] | undefined)[] = new Array(figures.length);
  figures.forEach((f, k) => {
    if (!hasValue(f) || f.value <= 0 || !sameUnit(f, f)) return;
    const key = f.unit === null ? `counter|${f.kind}|${f.counter}` : `unit|${f.kind}|${f.unit}`;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = []));
    group.push(k);
    groupOf[k] = group;
  });
  for (let i = 0; i < figures.length; i++) {
    const a = figures[i];
    if (!hasValue(a) || a.value <= 0) continue;
    const group = groupOf[i];
    if (!group) continue;
    for (const j of group) {
      if (j <= i) continue;
      const b = figures[j];
      if (flagged.has(j) || !hasValue(b) || b.value <= 0 || !sameUnit(a, b)) continue;
      if (ctx.sentenceOf[i] === ctx.sentenceOf[j]) continue; // one sentence comparing two values is not a restatement
      const big = Math.max(a.value, b.value);
      const small = Math.min(a.value, b.value);
      const power = Math.round(Math.log10(big / small));
      if (!SLIPS.includes(power)) continue;
      if (digitsAt(i) !== digitsAt(j)) continue;
      // Single digits ("5", "20") recur by chance far too often to be evidence.
      if (digitsAt(i).length < 2 && !(a.unit !== null && power >= 3)) continue;
      if (qualifierSense(ctx, i) !== qualifierSense(ctx, j)) continue;
      const sa = surroundings(ctx, i);
      const sb = surroundings(ctx, j);
      // Two different periods named (2023 vs 2024) means two quantities.
      if (sa.periods.length && sb.periods.length && sa.periods.join('|') !== sb.periods.join('|')) continue;
      const shared = sa.words.filter((w) => sb.words.includes(w));
      // Most words of the sparser context must recur in the other one.
      if (shared.length < 2 || shared.length / Math.min(sa.words.length, sb.words.length) < 0.5) continue;
      flagged.add(j);
      const factor = formatRatio(10 ** power, lang);
      const aText = formatValue(a.value, a.unit, lang, undefined, a.counter);
      const bText = formatValue(b.value, b.unit, lang, undefined, b.counter);
      const topic = shared.slice(0, 3).join(', ');
      const message =
        lang === 'ko'
          ? `${quoteFigure(a, lang)}(${aText}), ${quoteFigure(b, lang)}(${bText}) 두 수치는 같은 대상(${topic})을 가리키는 것으로 보이는데 ${factor} 차이가 납니다. 단위(천·만·억·조) 표기를 확인할 필요가 있습니다.`
          : `${quoteFigure(a, lang)} (${aText}) and ${quoteFigure(b, lang)} (${bText}) seem to describe the same thing (${topic}) but differ by a factor of ${factor.replace('×', '')} — worth verifying the magnitude word (thousand/million/billion).`;
      checks.push({ kind: 'magnitude', message, figures: [i, j], arithmetic: `${aText} vs ${bText} (×${10 ** power})` });
    }
  }
  return checks;
}
