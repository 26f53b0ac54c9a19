/**
 * Highlight looks. Claims are a violet tint whose strength follows
 * check-worthiness; figures are a blue underline with a light tint; saved notes
 * take their verdict's colour. Only backgrounds (translucent) and underlines are
 * used, never the text colour, so the page's own contrast holds on light and
 * dark pages, and nothing here can change layout.
 */
import { VERDICTS, type Verdict } from '../annotation';

export type ClaimBucket = 1 | 2 | 3;
export type StyleKey = 'figure' | `claim-${ClaimBucket}` | `note-${Verdict}` | 'note-plain' | `note-c${string}` | 'flash';

/** Claims at or above `minScore`, split into three equal bands of the remaining scale. */
export function claimBucket(score: number, minScore: number): ClaimBucket {
  const span = Math.max(1e-6, 1 - minScore);
  const position = (score - minScore) / span;
  return position >= 2 / 3 ? 3 : position >= 1 / 3 ? 2 : 1;
}

export function claimStyle(score: number, minScore: number): StyleKey {
  return `claim-${claimBucket(score, minScore)}`;
}

const HEX = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i;

/** A note's style: its verdict colour, else its own colour, else a neutral marker. */
export function noteStyle(verdict?: Verdict, color?: string): StyleKey {
  if (verdict) return `note-${verdict}`;
  if (color && HEX.test(color)) return `note-c${expandHex(color).slice(1).toLowerCase()}`;
  return 'note-plain';
}

function expandHex(color: string): string {
  return color.length === 4 ? `#${[...color.slice(1)].map((c) => c + c).join('')}` : color;
}

function rgba(hex: string, alpha: number): string {
  const value = expandHex(hex).slice(1);
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(value.slice(i, i + 2), 16));
  return `rgba(${r}, ${g}, ${b}, ${alpha})`;
}

const CLAIM_RGB = '#8b5cf6';
const FIGURE_RGB = '#2f7de1';
const PLAIN_NOTE = '#e0b000';
const CLAIM_ALPHA: Record<ClaimBucket, number> = { 1: 0.12, 2: 0.22, 3: 0.34 };

/** CSS declarations for a style; only properties ::highlight() accepts, none that affect layout. */
export function styleDeclarations(key: StyleKey): string {
  const underline = (color: string, style = 'solid') =>
    `text-decoration-line: underline; text-decoration-style: ${style}; text-decoration-color: ${color}; text-decoration-thickness: 2px;`;
  if (key === 'figure') return `background-color: ${rgba(FIGURE_RGB, 0.14)}; ${underline(FIGURE_RGB)}`;
  if (key === 'flash') return 'background-color: rgba(255, 196, 0, 0.75); color: #111;';
  if (key.startsWith('claim-')) {
    const bucket = Number(key.slice(6)) as ClaimBucket;
    const base = `background-color: ${rgba(CLAIM_RGB, CLAIM_ALPHA[bucket] ?? 0.2)};`;
    return bucket === 3 ? `${base} ${underline(rgba(CLAIM_RGB, 0.8), 'dotted')}` : base;
  }
  if (key === 'note-plain') return `background-color: ${rgba(PLAIN_NOTE, 0.35)}; ${underline(PLAIN_NOTE)}`;
  if (key.startsWith('note-c')) {
    const color = `#${key.slice(6)}`;
    return HEX.test(color) ? `background-color: ${rgba(color, 0.32)}; ${underline(color)}` : '';
  }
  const verdict = VERDICTS.find((v) => `note-${v.key}` === key);
  return verdict ? `background-color: ${rgba(verdict.color, 0.3)}; ${underline(verdict.color)}` : '';
}

/** Paint order: notes over claims over figures; flash on top. */
export function stylePriority(key: StyleKey): number {
  if (key === 'flash') return 40;
  if (key.startsWith('note-')) return 30;
  if (key === 'figure') return 20;
  return 10 + Number(key.slice(6) || 0);
}

/** One stylesheet: a rule per style, with the selector the renderer uses for it. */
export function buildStyleSheet(keys: Iterable<StyleKey>, selectorFor: (key: StyleKey) => string): string {
  const rules: string[] = [];
  for (const key of [...new Set(keys)].sort()) {
    const declarations = styleDeclarations(key);
    if (declarations) rules.push(`${selectorFor(key)} { ${declarations} }`);
  }
  return rules.join('\n');
}

/** A namespace token unique to this content-script instance, valid in a CSS identifier. */
export function highlightToken(random: () => number = Math.random): string {
  return Array.from({ length: 8 }, () => 'abcdefghijklmnopqrstuvwxyz0123456789'[Math.floor(random() * 36)]).join('');
}
