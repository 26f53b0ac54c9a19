/**
 * CouchDB revision arithmetic: `N-hash` ids, revision paths (`_revisions`),
 * the deterministic winner and pruning.
 *
 * Hash choice: SHA-256 (Web Crypto, available in service workers, extension
 * pages and Node 20) over a canonical JSON of [parent rev, deleted, body],
 * truncated to 32 hex characters (128 bits, the length of CouchDB's own MD5
 * revision hashes). Deterministic, so the same edit on the same parent gives
 * the same revision on every replica (no false conflicts, and a push retried
 * after a crash is recognised by `_revs_diff`). No dependency needed.
 */

/** A revision path, newest first: CouchDB's `_revisions`. */
export interface RevisionPath {
  start: number;
  ids: string[];
}

/** CouchDB's default `_revs_limit`. */
export const REVS_LIMIT = 100;

export function parseRev(rev: string): { pos: number; hash: string } {
  const dash = rev.indexOf('-');
  const pos = Number(rev.slice(0, dash));
  if (dash <= 0 || !Number.isInteger(pos) || pos < 1) throw new Error(`Malformed revision: ${JSON.stringify(rev)}`);
  return { pos, hash: rev.slice(dash + 1) };
}

export function revPos(rev: string): number {
  return parseRev(rev).pos;
}

export function formatRev(pos: number, hash: string): string {
  return `${pos}-${hash}`;
}

/** The leaf rev of a path. */
export function leafRev(path: RevisionPath): string {
  return formatRev(path.start, path.ids[0]);
}

/** Every rev on a path, newest first. */
export function revsOnPath(path: RevisionPath): string[] {
  return path.ids.map((hash, index) => formatRev(path.start - index, hash));
}

export function pathContains(path: RevisionPath, rev: string): boolean {
  const { pos, hash } = parseRev(rev);
  const index = path.start - pos;
  return index >= 0 && index < path.ids.length && path.ids[index] === hash;
}

/** Extends a path with a child revision and prunes it to `limit` entries. */
export function extendPath(path: RevisionPath | undefined, childHash: string, limit = REVS_LIMIT): RevisionPath {
  if (!path) return { start: 1, ids: [childHash] };
  return prunePath({ start: path.start + 1, ids: [childHash, ...path.ids] }, limit);
}

export function prunePath(path: RevisionPath, limit = REVS_LIMIT): RevisionPath {
  return path.ids.length <= limit ? path : { start: path.start, ids: path.ids.slice(0, limit) };
}

/** A path for a rev when its history is unknown (a one-entry stem). */
export function stemPath(rev: string): RevisionPath {
  const { pos, hash } = parseRev(rev);
  return { start: pos, ids: [hash] };
}

export interface LeafLike {
  rev: string;
  deleted: boolean;
}

/**
 * CouchDB's winning revision: non-deleted leaves first, then the highest
 * position, then the highest revision id (ASCII order; CouchDB compares the
 * hashes as binary, which for same-length lowercase hex is the same order).
 * Returns a negative number when `a` wins.
 */
export function compareLeaves(a: LeafLike, b: LeafLike): number {
  if (a.deleted !== b.deleted) return a.deleted ? 1 : -1;
  const pa = parseRev(a.rev);
  const pb = parseRev(b.rev);
  if (pa.pos !== pb.pos) return pb.pos - pa.pos;
  if (pa.hash === pb.hash) return 0;
  return pa.hash > pb.hash ? -1 : 1;
}

export function pickWinner<T extends LeafLike>(leaves: T[]): T {
  if (!leaves.length) throw new Error('No leaves to choose from.');
  return [...leaves].sort(compareLeaves)[0];
}

/**
 * JSON with object keys sorted, so equal content always serialises equally.
 * Revision ids hash this text, so it must never change: it is exactly
 * `JSON.stringify` of a copy whose objects were rebuilt with their keys
 * sorted and undefined values left out, and such a rebuilt object lists
 * array-index keys ("0", "12") first, in numeric order, like every JS object.
 * Written directly, without the copy: a push hashes every note it sends.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  const parts: string[] = [];
  writeCanonical(value, parts);
  return parts.join('');
}

function writeCanonical(value: unknown, out: string[]): void {
  if (value === null || typeof value !== 'object') {
    // In an array, what JSON has no text for (undefined, functions) is null.
    out.push(JSON.stringify(value) ?? 'null');
    return;
  }
  if (Array.isArray(value)) {
    out.push('[');
    for (let i = 0; i < value.length; i++) {
      if (i) out.push(',');
      writeCanonical(value[i], out);
    }
    out.push(']');
    return;
  }
  const record = value as Record<string, unknown>;
  let indices: string[] | undefined;
  const names: string[] = [];
  for (const key of Object.keys(record)) {
    if (record[key] === undefined) continue;
    if (isArrayIndex(key)) (indices ??= []).push(key);
    else names.push(key);
  }
  names.sort();
  const keys = indices ? [...indices.sort((a, b) => Number(a) - Number(b)), ...names] : names;
  out.push('{');
  let first = true;
  for (const key of keys) {
    const item = record[key];
    // JSON leaves out members it has no text for (functions, symbols).
    if (typeof item === 'function' || typeof item === 'symbol') continue;
    if (!first) out.push(',');
    first = false;
    out.push(JSON.stringify(key), ':');
    writeCanonical(item, out);
  }
  out.push('}');
}

/** Whether a property key is an array index (the keys every JS object lists first, in numeric order). */
function isArrayIndex(key: string): boolean {
  const code = key.charCodeAt(0);
  if (!(code >= 48 && code <= 57)) return false;
  const n = Number(key);
  return n < 4294967295 && String(n >>> 0) === key;
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
const encoder = new TextEncoder();

/** The hash part of the child revision of `parentRev` carrying `body`. */
export async function revisionHash(parentRev: string | undefined, deleted: boolean, body: unknown): Promise<string> {
  return revisionHashOfJson(parentRev, deleted, canonicalJson(body));
}

/** `revisionHash` for a body already written as `canonicalJson(body)` (reused for the request). */
export async function revisionHashOfJson(parentRev: string | undefined, deleted: boolean, bodyJson: string): Promise<string> {
  // The text of canonicalJson([parentRev ?? null, deleted, body]).
  const bytes = encoder.encode(`[${JSON.stringify(parentRev ?? null)},${deleted},${bodyJson}]`);
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  let hex = '';
  for (let i = 0; i < 16; i++) hex += HEX[digest[i]];
  return hex;
}

/** The child revision id (`N+1-hash`) of `parentRev` carrying `body`. */
export async function childRev(parentRev: string | undefined, deleted: boolean, body: unknown): Promise<string> {
  const pos = parentRev ? revPos(parentRev) + 1 : 1;
  return formatRev(pos, await revisionHash(parentRev, deleted, body));
}
