/** UTF-16 code-unit classes the detector's character loops share (tests on numbers, no string per character). */

/** 0-9, what `\d` matches without the u flag. */
export function isAsciiDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** a-z. */
export function isAsciiLower(c: number): boolean {
  return c >= 97 && c <= 122;
}

/** A precomposed Hangul syllable (가-힣). */
export function isHangulSyllable(c: number): boolean {
  return c >= 0xac00 && c <= 0xd7a3;
}
