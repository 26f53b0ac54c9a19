/**
 * A whitespace-collapsed view of a text with offset maps both ways.
 *
 * Quotes are compared in this view, so a page (or an extractor version) that
 * re-indents its HTML or joins blocks with a different separator still matches
 * exactly instead of spending fuzzy-match errors on spaces.
 */

/** Same set as the regex class \s, without a regex call per character. */
function isSpace(code: number): boolean {
  return (
    code === 32 ||
    (code >= 9 && code <= 13) ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

export interface CollapsedText {
  text: string;
  /** collapsed offset → raw offset (length text.length + 1). */
  toRaw: Int32Array;
  /** raw offset → collapsed offset (length raw.length + 1). */
  fromRaw: Int32Array;
}

/** Collapses each run of whitespace (including NBSP and ideographic space) to one U+0020. */
export function collapseWhitespace(raw: string): string {
  return raw.replace(/\s+/g, ' ');
}

export function buildCollapsedText(raw: string): CollapsedText {
  const fromRaw = new Int32Array(raw.length + 1);
  const toRaw = new Int32Array(raw.length + 1);
  const parts: string[] = [];
  let out = 0;
  let inSpace = false;
  let chunkStart = 0;
  for (let i = 0; i < raw.length; i++) {
    const space = isSpace(raw.charCodeAt(i));
    if (space && inSpace) {
      fromRaw[i] = out; // inside a run: maps to the position after the single space
      continue;
    }
    if (space) {
      inSpace = true;
      if (i > chunkStart) parts.push(raw.slice(chunkStart, i));
      parts.push(' ');
      fromRaw[i] = out;
      toRaw[out] = i;
      out += 1;
      continue;
    }
    if (inSpace) {
      inSpace = false;
      chunkStart = i;
    }
    fromRaw[i] = out;
    toRaw[out] = i;
    out += 1;
  }
  if (!inSpace && raw.length > chunkStart) parts.push(raw.slice(chunkStart));
  fromRaw[raw.length] = out;
  toRaw[out] = raw.length;
  return { text: parts.join(''), toRaw: toRaw.subarray(0, out + 1), fromRaw };
}

/** Maps a collapsed [start, end) back to raw offsets, trimming a collapsed space at either edge to its run. */
export function collapsedToRawRange(view: CollapsedText, start: number, end: number): { start: number; end: number } {
  const rawStart = view.toRaw[start];
  // End: one past the raw position of the last included collapsed char.
  const rawEnd = end > start ? view.toRaw[end - 1] + 1 : rawStart;
  return { start: rawStart, end: rawEnd };
}
