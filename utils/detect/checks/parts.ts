/**
 * Parts check: shares of one breakdown that add up to more than 100%, and a
 * part larger than its whole ("Of the 500 employees, 620 …", "전체 300명 중
 * 420명이").
 *
 * A breakdown is one sentence whose percentages are shares (share, accounted
 * for, 비중, 점유율, 차지, 각각…), none of them a change (rose 5%, 5% 증가),
 * and which compares no two periods or groups (from…to, 대비, a year earlier),
 * since then the shares belong to different wholes.
 */
import type { Check, Figure } from '../types';
import { type CheckContext, hasValue, qualifierSense, sentenceText, textAfter, textBefore } from './context';
import { formatPercent, formatValue, quoteFigure } from './format';

const SHARE_WORDS =
  /\b(?:shares?|accounted for|accounts? for|accounting for|made up|makes? up|making up|comprised|comprises?|of the (?:vote|votes|market|total|respondents|population|electorate|workforce|seats|budget|revenue|sales|portfolio)|respectively|split)\b|비중|점유율|차지|득표율|구성비|각각|나머지/i;
const NOT_ONE_WHOLE =
  /\b(?:from|compared|versus|vs\.?|earlier|ago|last year|previous|prior|rose|fell|grew|increased?|decreased?|declined?|jumped|dropped|up|down|each|among|multiple|more than one|poll(?:s|ed)? (?:in|of)|survey(?:s|ed)? (?:in|of))\b|대비|보다|[\d%]\s*에서|전년|작년|지난해|증가|감소|상승|하락|늘었|늘어|줄었|줄어|복수 응답|중복|각 지역|연령대별|오른|내린/i;
const CHANGE_NEAR_EN =
  /\b(?:rose|rise|increased?|grew|jumped|climbed|gained|surged|soared|up|fell|declined?|decreased?|dropped|slid|plunged|down|by|cut|raise)\s+(?:by\s+)?$/i;
const CHANGE_AFTER = /^\s*(?:증가|감소|상승|하락|늘|줄|오른|올라|내린|떨어|성장|급증|급감|higher|lower|increase|decrease|rise|drop|growth|gain|more|less|faster|slower)/i;
const DATE_LIKE = /(?:19|20)\d\d|\d+\s*(?:년|분기|월)|\bQ[1-4]\b|\b(?:quarter|January|February|March|April|May|June|July|August|September|October|November|December)\b/i;

function isShare(ctx: CheckContext, i: number): boolean {
  const f = ctx.figures[i];
  if (!hasValue(f) || f.unit !== '%' || f.value <= 0 || f.value > 100) return false;
  if (CHANGE_NEAR_EN.test(textBefore(ctx, i, 24)) || CHANGE_AFTER.test(textAfter(ctx, i, 10))) return false;
  const sense = qualifierSense(ctx, i);
  return sense !== 'max'; // "up to 40%" bounds nothing in a sum
}

function shareChecks(ctx: CheckContext, bySentence: ReadonlyMap<number, readonly number[]>): Check[] {
  const checks: Check[] = [];
  const lang = ctx.lang;
  for (const [sentence, members] of bySentence) {
    const percents = members.filter((i) => ctx.figures[i].unit === '%');
    if (percents.length < 2) continue;
    const text = sentenceText(ctx, sentence);
    if (!SHARE_WORDS.test(text) || NOT_ONE_WHOLE.test(text)) continue;
    // Shares of two different years or quarters belong to two wholes.
    if ((text.match(new RegExp(DATE_LIKE, 'gi')) ?? []).length > 1) continue;
    if (!percents.every((i) => isShare(ctx, i))) continue;
    const values = percents.map((i) => ctx.figures[i].value!);
    const sum = values.reduce((a, b) => a + b, 0);
    // Each share may be rounded by half a unit of its last digit; "about" widens it.
    const slack = percents.reduce((acc, i) => acc + (qualifierSense(ctx, i) === 'approx' ? 2 : 0.5), 0);
    if (sum <= 100 + slack) continue;
    const terms = values.map((v) => formatPercent(v, lang)).join(' + ');
    const arithmetic = `${terms} = ${formatPercent(sum, lang)}`;
    const message =
      lang === 'ko'
        ? `한 구성 안의 비율이 ${arithmetic}로 100%를 넘습니다. 같은 전체에 대한 비율인지 확인이 필요합니다.`
        : `These shares add up to more than 100%: ${arithmetic} — worth verifying that they describe the same whole.`;
    checks.push({ kind: 'parts', message, figures: percents, arithmetic: `${arithmetic} > 100%` });
  }
  return checks;
}

/**
 * English wholes: "Of the 500 employees surveyed, 620 said…" (a sentence that
 * opens on the whole, then a comma, then the part) and "620 out of 500
 * respondents" (part, "out of", whole). "the apartment of the two people that
 * killed 14" and "Of the 3 of us, … 12 times" are neither.
 */
const WHOLE_OPENING_EN = /^\s*(?:of|among|out of) (?:the|its|their|these|those|all)?\s*(?:total\s+(?:of\s+)?)?$/i;
const OUT_OF_EN = /^\s*out of (?:the|a total of|all)?\s*$/i;
const WHOLE_AFTER_KO = /^\s*(?:가운데|중에서|중|의 ?\d*\s*중)/;

function sameUnit(a: Figure, b: Figure): boolean {
  if (a.unit !== b.unit || a.kind !== b.kind) return false;
  if (a.unit === null) return !a.counter || !b.counter || a.counter === b.counter;
  return a.unit !== '%' && a.unit !== 'pp' && a.unit !== 'x';
}

function partWholeChecks(ctx: CheckContext, bySentence: ReadonlyMap<number, readonly number[]>): Check[] {
  const checks: Check[] = [];
  const lang = ctx.lang;
  for (const [, members] of bySentence) {
    for (const w of members) {
      const whole = ctx.figures[w];
      if (!hasValue(whole) || whole.value <= 0) continue;
      const sentenceStart = ctx.sentences[ctx.sentenceOf[w]].start;
      const opening = WHOLE_OPENING_EN.test(ctx.text.slice(sentenceStart, whole.start));
      const korean = WHOLE_AFTER_KO.test(textAfter(ctx, w, 8));
      const previous = members.filter((i) => i < w).pop();
      const outOf = previous !== undefined && OUT_OF_EN.test(ctx.text.slice(ctx.figures[previous].end, whole.start));
      if (!opening && !korean && !outOf) continue;
      // The part: before "out of", else the next figure of the same unit after the whole.
      const p = outOf ? previous : members.find((i) => i > w && sameUnit(ctx.figures[i], whole) && hasValue(ctx.figures[i]));
      if (p === undefined || !sameUnit(ctx.figures[p], whole) || !hasValue(ctx.figures[p])) continue;
      const part = ctx.figures[p] as Figure & { value: number };
      if (!outOf) {
        const between = ctx.text.slice(whole.end, part.start);
        // A bare list ("25, 50, 75") has no part and no whole; "Of the 3 of us" counts people, not a whole.
        if (!/\p{L}/u.test(between.replace(/\b(?:and|or|to)\b/g, ''))) continue;
        if (/^\s*of\b/i.test(between)) continue;
        if (opening && !between.includes(',')) continue;
        // A comparison in between is not a part of that whole.
        if (/\b(?:than|compared|versus|from|to|up|down|rose|fell)\b|보다|대비|에서|늘었|늘어|줄었|줄어|증가|감소/.test(between)) continue;
        // "12 times", "14 years": the part counts something else.
        if (part.unit === null && /^\s*(?:times|years?|months?|days?|hours?|번|차례|년|개월|일)\b/i.test(textAfter(ctx, p, 10))) continue;
      }
      if (qualifierSense(ctx, p) === 'max' || qualifierSense(ctx, w) === 'min') continue;
      if (part.value <= whole.value * 1.01) continue;
      const wholeText = formatValue(whole.value, whole.unit, lang, undefined, whole.counter);
      const partText = formatValue(part.value, part.unit, lang, undefined, part.counter);
      const message =
        lang === 'ko'
          ? `부분(${quoteFigure(part, lang)}, ${partText})이 전체(${quoteFigure(whole, lang)}, ${wholeText})보다 큽니다. 확인이 필요합니다.`
          : `The part (${quoteFigure(part, lang)}, ${partText}) is larger than the whole it belongs to (${quoteFigure(whole, lang)}, ${wholeText}) — worth verifying.`;
      checks.push({ kind: 'parts', message, figures: [w, p], arithmetic: `${partText} > ${wholeText}` });
    }
  }
  return checks;
}

export function findPartsChecks(ctx: CheckContext): Check[] {
  return [...shareChecks(ctx, ctx.figuresBySentence), ...partWholeChecks(ctx, ctx.figuresBySentence)];
}
