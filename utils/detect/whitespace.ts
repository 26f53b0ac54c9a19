/**
 * Character tests that replace one-character regular expressions in hot loops
 * (`/\s/.test(text[i])` allocates a string per character).
 */

/** Exactly the characters of the regular-expression class `\s` (ECMAScript WhiteSpace and LineTerminator). */
export function isWhitespaceCode(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f ||
    c === 0x3000 || c === 0xfeff
  );
}

/** Does text[from, to) hold a character outside `\s`? Same as `/\S/.test(text.slice(from, to))`. */
export function hasNonWhitespace(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!isWhitespaceCode(text.charCodeAt(i))) return true;
  return false;
}
