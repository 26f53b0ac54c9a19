/**
 * The note editor's values and their validation: sources must be http(s) URLs,
 * tags are trimmed and de-duplicated. Pure, shared by the in-page editor and
 * any other context that edits a note.
 */
import type { Verdict } from '../../utils/annotation';

export interface NoteDraft {
  verdict?: Verdict;
  comment: string;
  sources: string[];
  tags: string[];
}

export const EMPTY_DRAFT: NoteDraft = { comment: '', sources: [], tags: [] };

/** Splits the sources field (one per line, or separated by spaces/commas). */
export function parseSources(input: string): { valid: string[]; invalid: string[] } {
  const valid: string[] = [];
  const invalid: string[] = [];
  for (const token of input.split(/[\s,]+/u).map((s) => s.trim()).filter(Boolean)) {
    let url: URL | null = null;
    try {
      url = new URL(token);
    } catch {
      url = null;
    }
    if (url && (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.includes('.') && token.length <= 2_048) {
      if (!valid.includes(url.href)) valid.push(url.href);
    } else invalid.push(token);
  }
  return { valid, invalid };
}

/** Tags from "a, b ,#c": trimmed, leading # dropped, duplicates (case-insensitive) removed. */
export function parseTags(input: string): string[] {
  const seen = new Set<string>();
  const tags: string[] = [];
  for (const raw of input.split(/[,，\n]/u)) {
    const tag = raw.trim().replace(/^#/u, '').trim().slice(0, 200);
    if (!tag || seen.has(tag.toLowerCase())) continue;
    seen.add(tag.toLowerCase());
    tags.push(tag);
  }
  return tags.slice(0, 100);
}
