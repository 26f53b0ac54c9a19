/**
 * Qualifiers change what a figure claims: `약 500만달러` is an estimate, `최대 60페타플롭스`
 * a ceiling, `10여 명` a little over ten. Kept on the figure under a short English key.
 */
import { isHangul, isLatin } from './digits';

export type Qualifier = 'about' | 'nearly' | 'up to' | 'at most' | 'over' | 'at least' | 'under';

/** Before the number (closest first when several stack: `약 최대` is rare, first found wins). */
const PREFIXES: [string, Qualifier][] = [
  ['약', 'about'], ['대략', 'about'], ['어림잡아', 'about'], ['추정', 'about'],
  ['최대', 'up to'], ['최고', 'up to'], ['많게는', 'up to'],
  ['최소', 'at least'], ['적어도', 'at least'], ['최저', 'at least'], ['적게는', 'at least'],
  ['거의', 'nearly'], ['근', 'nearly'],
  ['approximately', 'about'], ['an estimated', 'about'], ['estimated', 'about'], ['roughly', 'about'], ['around', 'about'], ['about', 'about'], ['some', 'about'], ['circa', 'about'], ['approx.', 'about'], ['~', 'about'],
  ['nearly', 'nearly'], ['almost', 'nearly'], ['close to', 'nearly'], ['just under', 'nearly'],
  ['as much as', 'up to'], ['as many as', 'up to'], ['up to', 'up to'], ['as high as', 'up to'],
  ['no more than', 'at most'], ['at most', 'at most'],
  ['more than', 'over'], ['over', 'over'], ['above', 'over'], ['in excess of', 'over'], ['upwards of', 'over'], ['just over', 'over'],
  ['at least', 'at least'], ['no less than', 'at least'], ['a minimum of', 'at least'],
  ['less than', 'under'], ['fewer than', 'under'], ['under', 'under'], ['below', 'under'],
];

/** After the number and its unit. */
const SUFFIXES: [string, Qualifier][] = [
  ['이상', 'at least'], ['이하', 'at most'], ['미만', 'under'], ['초과', 'over'], ['가량', 'about'], ['남짓', 'over'],
  ['안팎', 'about'], ['내외', 'about'], ['정도', 'about'], ['쯤', 'about'], ['넘게', 'over'], ['넘는', 'over'], ['이 넘는', 'over'], ['가 넘는', 'over'], ['을 넘는', 'over'], ['를 넘는', 'over'],
  ['에 육박', 'nearly'], ['가까이', 'nearly'], ['가까운', 'nearly'], ['에 가까운', 'nearly'], ['에 달하는', 'about'], ['or more', 'at least'], ['or so', 'about'], ['or less', 'at most'], ['or fewer', 'at most'], ['plus', 'over'],
];

function lowerAt(text: string, p: number, word: string): boolean {
  if (p < 0 || p + word.length > text.length) return false;
  for (let k = 0; k < word.length; k++) {
    let c = text.charCodeAt(p + k);
    if (c >= 65 && c <= 90) c += 32;
    if (c !== word.charCodeAt(k)) return false;
  }
  return true;
}

/** Prefixes by their last character, suffixes by their first: most positions need no comparison at all. */
const PREFIX_BY_LAST = new Map<number, [string, Qualifier][]>();
for (const entry of PREFIXES) {
  const key = entry[0].charCodeAt(entry[0].length - 1);
  PREFIX_BY_LAST.set(key, [...(PREFIX_BY_LAST.get(key) ?? []), entry]);
}
const SUFFIX_BY_FIRST = new Map<number, [string, Qualifier][]>();
for (const entry of SUFFIXES) {
  const key = entry[0].charCodeAt(0);
  SUFFIX_BY_FIRST.set(key, [...(SUFFIX_BY_FIRST.get(key) ?? []), entry]);
}
const fold = (c: number) => (c >= 65 && c <= 90 ? c + 32 : c);

export interface QualifierMatch {
  qualifier: Qualifier;
  start: number;
  end: number;
}

/** A qualifier ending right before `i` (one space between allowed; `(약 500만달러)` works). */
export function qualifierBefore(text: string, i: number, floor: number): QualifierMatch | null {
  let p = i;
  if (p > floor && text[p - 1] === ' ') p--;
  const candidates = PREFIX_BY_LAST.get(fold(text.charCodeAt(p - 1)));
  if (!candidates) return null;
  for (const [word, qualifier] of candidates) {
    const s = p - word.length;
    if (s < floor) continue;
    if (!lowerAt(text, s, word)) continue;
    const before = text.charCodeAt(s - 1);
    // whole words only: `요약 5` is not `약 5`; `Moreover 5` is not `over 5`
    if (isLatin(word.charCodeAt(0)) ? isLatin(before) : isHangul(before)) continue;
    if (word === '~' && p !== i) continue;
    if (isHangul(word.charCodeAt(0)) && p === i && word !== '약') continue; // `최대60` glued is rare; `근` glued is a word
    return { qualifier, start: s, end: p };
  }
  return null;
}

/** A qualifier right after `i`: `10만 명 이상`, `500만달러 가량`, `$5 million or more`. */
export function qualifierAfter(text: string, i: number): QualifierMatch | null {
  let p = i;
  if (text[p] === ' ') p++;
  const candidates = SUFFIX_BY_FIRST.get(fold(text.charCodeAt(p)));
  if (!candidates) return null;
  for (const [word, qualifier] of candidates) {
    if (!lowerAt(text, p, word)) continue;
    const after = text.charCodeAt(p + word.length);
    if (isLatin(word.charCodeAt(0)) && isLatin(after)) continue;
    // `이상` must not be `이상한` (strange)
    if (word === '이상' && (text[p + 2] === '한' || text[p + 2] === '하')) continue;
    if (word === '정도' && text[p + 2] === '로') continue;
    return { qualifier, start: p, end: p + word.length };
  }
  return null;
}
