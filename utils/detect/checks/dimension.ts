/**
 * Dimension check: a rate unit used for an amount, or an amount used for a
 * rate. FLOPS (operations per second) is not a quantity of work: "6엑사플롭스의
 * 연산량" / "total compute of 6 exaflops" mixes them up; so does "W" for the
 * energy a plant consumed in a year, or "MWh" for a plant's output.
 *
 * Only the figure's own clause counts as evidence, and a rate word right by
 * the figure (성능, performance, peak…) clears it.
 */
import type { Check, Figure } from '../types';
import { type CheckContext, textAfter, textBefore } from './context';
import { quoteFigure } from './format';

interface DimensionRule {
  units: string[];
  /** Words that make the figure an amount (for rate units) or a rate (for amount units). */
  wrongUse: RegExp;
  /** Words right next to the figure that show it is used correctly after all. */
  rightUse: RegExp;
  message: Record<'en' | 'ko', (figure: string, cue: string) => string>;
}

const RULES: DimensionRule[] = [
  {
    units: ['FLOP/s'],
    wrongUse:
      /연산량|계산량|총 연산|연산 횟수|\b(?:compute|computation|computing power)\s+(?:spent|used|budget|required|consumed)\b|\b(?:training|total|cumulative)\s+compute\b|\bamount of (?:compute|computation)\b|\bfloating[- ]point operations\b|\bFLOPs? (?:used|spent)\b/i,
    rightUse: /성능|속도|처리 능력|초당|\b(?:performance|speed|peak|capable of|per second|delivers?|deliver(?:ing|ed)|reach(?:es|ed)?|runs? at)\b/i,
    message: {
      en: (f, cue) =>
        `${f} is a rate (FLOPS, operations per second) but is used here for an amount of work (“${cue}”, counted in FLOPs) — worth verifying which was meant.`,
      ko: (f, cue) =>
        `${f}의 단위 FLOPS는 초당 연산 횟수(속도)를 나타내는데 여기서는 ‘${cue}’(총 연산 횟수, FLOP)에 쓰였습니다. 어느 쪽을 뜻하는지 확인이 필요합니다.`,
    },
  },
  {
    units: ['W'],
    wrongUse:
      /전력량|에너지|소비량|사용량|발전량|연간|한 해|1년간|\benergy\b|\b(?:consum\w*|used|generat\w*|produc\w*)\b[^.]{0,40}\b(?:a year|per year|annually|each year|in (?:19|20)\d\d|last year)\b|\b(?:a year|per year|annually|each year)\b/i,
    rightUse: /출력|(?<!사)용량|설비|규모|최대|\b(?:capacity|peak|output|load|draw|power of|rated|demand)\b/i,
    message: {
      en: (f, cue) =>
        `${f} is a power (watts, energy per unit of time) but is used here for an amount of energy (“${cue}”, counted in watt-hours) — worth verifying which was meant.`,
      ko: (f, cue) =>
        `${f}의 단위 W(와트)는 순간 전력(시간당 에너지)을 나타내는데 여기서는 ‘${cue}’(에너지의 양, Wh)에 쓰였습니다. 어느 쪽을 뜻하는지 확인이 필요합니다.`,
    },
  },
  {
    units: ['Wh', 'J'],
    wrongUse: /출력|발전 용량|설비 용량|\b(?:power output|output of|peak power|generating capacity|installed capacity|rated power)\b/i,
    rightUse: /저장|배터리|충전|소비|사용|생산|\b(?:storage|battery|stored|store|consum\w*|used|generated|per year|a year|annually)\b/i,
    message: {
      en: (f, cue) =>
        `${f} is an amount of energy but is used here for a power (“${cue}”, counted in watts) — worth verifying which was meant.`,
      ko: (f, cue) =>
        `${f}의 단위 Wh는 에너지의 양을 나타내는데 여기서는 ‘${cue}’(순간 전력, W)에 쓰였습니다. 어느 쪽을 뜻하는지 확인이 필요합니다.`,
    },
  },
  {
    units: ['FLOP'],
    wrongUse: /성능|속도|초당|\b(?:performance|speed|per second|peak|capable of)\b/i,
    rightUse: /연산량|계산량|\b(?:to train|training run|compute (?:used|spent|budget)|total compute)\b/i,
    message: {
      en: (f, cue) =>
        `${f} is an amount of work (FLOPs) but is used here for a speed (“${cue}”, counted in FLOPS, per second) — worth verifying which was meant.`,
      ko: (f, cue) =>
        `${f}의 단위 FLOP은 총 연산 횟수(작업량)를 나타내는데 여기서는 ‘${cue}’(초당 연산, FLOPS)에 쓰였습니다. 어느 쪽을 뜻하는지 확인이 필요합니다.`,
    },
  },
];

/** The figure's clause: up to a comma-free stretch before it and a short stretch after, inside its sentence. */
function clauseAround(ctx: CheckContext, index: number): { before: string; after: string } {
  const before = textBefore(ctx, index, 48);
  const after = textAfter(ctx, index, 24);
  // A clause ends at a semicolon or "but"/"while"; commas and 지만 do not (a Korean topic, "연산량은 …지만, … 2엑사플롭스", carries over).
  const beforeClause = before.split(/[;]|\b(?:but|while|whereas)\b/).pop() ?? '';
  const afterClause = after.split(/[;,]|\b(?:but|while|and|whereas)\b|지만|반면/)[0] ?? '';
  return { before: beforeClause, after: afterClause };
}

export function findDimensionChecks(ctx: CheckContext): Check[] {
  const checks: Check[] = [];
  ctx.figures.forEach((figure: Figure, index) => {
    if (!figure.unit) return;
    const rule = RULES.find((r) => r.units.includes(figure.unit!));
    if (!rule) return;
    const { before, after } = clauseAround(ctx, index);
    // A rate word touching the figure ("60페타플롭스의 연산 성능", "peak of 2 exaflops") settles it.
    const touching = before.slice(-14) + ' ' + after.replace(/^\s*\([^)]*\)/, '').slice(0, 12);
    if (rule.rightUse.test(touching)) return;
    const cue = rule.wrongUse.exec(after) ?? rule.wrongUse.exec(before);
    if (!cue) return;
    const message = rule.message[ctx.lang](quoteFigure(figure, ctx.lang), cue[0].trim());
    checks.push({ kind: 'dimension', message, figures: [index] });
  });
  return checks;
}
