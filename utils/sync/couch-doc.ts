/**
 * Mapping between the local annotation record and its CouchDB document
 * `annotation:<id>`. Tombstones carry no note content to the server: deleting
 * a note removes its words from the shared database (older revision bodies
 * go at the server's next compaction).
 */
import * as v from 'valibot';
import type { Annotation } from '../annotation';
import { AnnotationSchema } from '../annotation-schema';

export const DOC_PREFIX = 'annotation:';
export const DOC_TYPE = 'annotation';

export function docIdOf(annotationId: string): string {
  return DOC_PREFIX + annotationId;
}

export function annotationIdOf(docId: string): string | null {
  return docId.startsWith(DOC_PREFIX) ? docId.slice(DOC_PREFIX.length) : null;
}

/** The document body (no `_id`, `_rev`, `_revisions`); hashed for revision ids. */
export type CouchBody = Record<string, unknown>;

export function toCouchBody(annotation: Annotation): CouchBody {
  if (annotation.deleted) {
    return { type: DOC_TYPE, pageUrl: annotation.pageUrl, updatedAt: annotation.updatedAt, _deleted: true };
  }
  const { id: _id, rev: _rev, deleted: _deleted, ...content } = annotation;
  const body: CouchBody = { type: DOC_TYPE };
  for (const [key, value] of Object.entries(content)) if (value !== undefined) body[key] = value;
  return body;
}

/** A full document for `_bulk_docs` with `new_edits: false`. */
export function toCouchDoc(id: string, rev: string, revisions: { start: number; ids: string[] }, body: CouchBody): CouchBody {
  return { ...body, _id: docIdOf(id), _rev: rev, _revisions: revisions };
}

/**
 * `JSON.stringify(toCouchDoc(…))` in meaning, from the JSON text of a body
 * (an object) that has no `_id`, `_rev` or `_revisions` of its own: the
 * request reuses the text written for the revision hash.
 */
export function couchDocJson(id: string, rev: string, revisions: { start: number; ids: string[] }, bodyJson: string): string {
  const open = bodyJson.slice(0, -1);
  const meta = `"_id":${JSON.stringify(docIdOf(id))},"_rev":${JSON.stringify(rev)},"_revisions":${JSON.stringify(revisions)}}`;
  return open === '{' ? open + meta : `${open},${meta}`;
}

/**
 * A pulled document → an annotation (validated like an import), or an error
 * in plain words. Deleted documents return null content: the caller keeps the
 * local fields and marks them deleted.
 */
export function fromCouchDoc(doc: Record<string, unknown>): { ok: true; annotation: Annotation | null } | { ok: false; reason: string } {
  const id = typeof doc._id === 'string' ? annotationIdOf(doc._id) : null;
  if (!id) return { ok: false, reason: 'not an annotation document' };
  if (doc._deleted === true) return { ok: true, annotation: null };
  const candidate: Record<string, unknown> = { id };
  for (const [key, value] of Object.entries(doc)) {
    if (!key.startsWith('_') && key !== 'type' && key !== 'id' && key !== 'rev' && key !== 'deleted') candidate[key] = value;
  }
  const parsed = v.safeParse(AnnotationSchema, candidate);
  if (!parsed.success) {
    const issue = parsed.issues[0];
    const path = v.getDotPath(issue);
    return { ok: false, reason: `${path ? `${path}: ` : ''}${issue.message}` };
  }
  const annotation = parsed.output as Annotation;
  for (const key of Object.keys(annotation) as (keyof Annotation)[]) if (annotation[key] === undefined) delete annotation[key];
  return { ok: true, annotation };
}
