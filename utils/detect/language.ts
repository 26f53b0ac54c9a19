/**
 * Language of a paragraph by script: Hangul → 'ko', Latin → 'en', anything
 * else (Han, Kana, Cyrillic…) → 'other'. Korean news is full of Latin names
 * (AI, GPT, xAI), so a paragraph counts as Korean once a fifth of its letters
 * are Hangul.
 */
import { codeUnitTable } from './code-unit-table';

export type DetectedLanguage = 'ko' | 'en' | 'other';

const HANGUL_SHARE_FOR_KOREAN = 0.2;
const LATIN_SHARE_FOR_ENGLISH = 0.5;

export interface ScriptCounts {
  hangul: number;
  latin: number;
  other: number;
}

const NONE = 0;
const HANGUL = 1;
const LATIN = 2;
const OTHER = 3;

/** The script a UTF-16 code unit counts for. */
function scriptOf(c: number): number {
  if (c < 0x80) return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) ? LATIN : NONE;
  if ((c >= 0xac00 && c <= 0xd7a3) || (c >= 0x1100 && c <= 0x11ff) || (c >= 0x3130 && c <= 0x318f)) return HANGUL;
  if ((c >= 0xc0 && c <= 0x24f) || (c >= 0x1e00 && c <= 0x1eff)) return LATIN;
  if (c >= 0x370 && !(c >= 0x2000 && c <= 0x2bff) && !(c >= 0x3000 && c <= 0x303f) && !(c >= 0xfe30 && c <= 0xfe4f) && !(c >= 0xff00 && c <= 0xff20) && !(c >= 0xd800 && c <= 0xdfff)) return OTHER;
  return NONE;
}

/**
 * Per code unit, the shift of its script's 8-bit field in a packed counter (NONE in bits 0-7,
 * HANGUL 8-15, LATIN 16-23, OTHER 24-31): countScripts adds `1 << shift`, one register add per
 * character instead of a load and store of a count in memory.
 */
const shiftTable = codeUnitTable((c) => scriptOf(c) * 8);
/** Characters per packed counter: no 8-bit field can overflow. */
const BLOCK = 255;

export function countScripts(text: string, from = 0, to = text.length): ScriptCounts {
  const shifts = shiftTable();
  let hangul = 0;
  let latin = 0;
  let other = 0;
  for (let block = from; block < to; block += BLOCK) {
    const end = Math.min(block + BLOCK, to);
    let packed = 0;
    for (let i = block; i < end; i++) packed = (packed + (1 << shifts[text.charCodeAt(i)])) | 0;
    hangul += (packed >>> (HANGUL * 8)) & 0xff;
    latin += (packed >>> (LATIN * 8)) & 0xff;
    other += packed >>> (OTHER * 8);
  }
  return { hangul, latin, other };
}

export function languageOfCounts({ hangul, latin, other }: ScriptCounts): DetectedLanguage {
  const letters = hangul + latin + other;
  if (!letters) return 'other';
  if (hangul / letters >= HANGUL_SHARE_FOR_KOREAN) return 'ko';
  if (latin / letters >= LATIN_SHARE_FOR_ENGLISH) return 'en';
  return 'other';
}

export function detectLanguage(text: string, from = 0, to = text.length): DetectedLanguage {
  return languageOfCounts(countScripts(text, from, to));
}
