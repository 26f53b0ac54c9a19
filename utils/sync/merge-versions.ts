/**
 * Merging the versions of a conflicted note into one, as the reader asks in
 * the conflict list: every source and tag of every version, the comments
 * joined with a visible separator, and the verdict the reader picks from one
 * of the versions. Pure: the list computes a preview with it, and the
 * background checks a requested merge against the stored versions with it.
 */
import type { Annotation, Verdict } from '../annotation';

/** Between joined comments: visible in the editor, the list and exports (plain text). */
export const MERGED_COMMENT_SEPARATOR = '\n\n— — —\n\n';

/** The fields a merge decides; everything else comes from the winning version. */
export interface MergedFields {
  verdict?: Verdict;
  comment?: string;
  sources: string[];
  tags: string[];
}

function union(lists: string[][]): string[] {
  return [...new Set(lists.flat())];
}

/**
 * Distinct comments in version order; a comment another version contains
 * whole (one side appended to the other's text) is not repeated.
 */
export function mergeComments(comments: (string | undefined)[]): string | undefined {
  const distinct = [...new Set(comments.map((c) => c?.trim()).filter((c): c is string => !!c))];
  const kept = distinct.filter((comment) => !distinct.some((other) => other !== comment && other.includes(comment)));
  return kept.length ? kept.join(MERGED_COMMENT_SEPARATOR) : undefined;
}

/** The verdicts a reader may pick for the merge: one per distinct verdict, `undefined` for "no verdict". */
export function verdictChoices(versions: Annotation[]): (Verdict | undefined)[] {
  return [...new Set(versions.map((v) => v.verdict))];
}

export function mergeVersions(versions: Annotation[], verdict: Verdict | undefined): MergedFields {
  if (!verdictChoices(versions).includes(verdict)) throw new RangeError('The merged verdict must be one of the versions’ verdicts.');
  const comment = mergeComments(versions.map((v) => v.comment));
  return {
    ...(verdict ? { verdict } : {}),
    ...(comment !== undefined ? { comment } : {}),
    sources: union(versions.map((v) => v.sources)),
    tags: union(versions.map((v) => v.tags)),
  };
}
