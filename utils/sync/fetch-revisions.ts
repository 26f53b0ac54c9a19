/**
 * Fetching leaf revisions with their history: `_bulk_get?revs=true`, or, on
 * servers without it (CouchDB 1.x, some compatibles), one
 * `GET doc?revs=true&open_revs=[...]` per document, accepting the JSON array
 * or a multipart/mixed answer.
 */
import type { CouchClient } from './couch-client';
import { SyncError } from './sync-error';

export interface FetchedRevision {
  docId: string;
  rev: string;
  doc: Record<string, any>;
}

export interface RevisionFetcher {
  bulkGetSupported: boolean | undefined;
}

const OPEN_REVS_CONCURRENCY = 6;

export async function fetchRevisions(
  client: CouchClient,
  wanted: { id: string; rev: string }[],
  state: RevisionFetcher,
): Promise<{ found: FetchedRevision[]; missing: { id: string; rev: string }[] }> {
  if (!wanted.length) return { found: [], missing: [] };
  if (state.bulkGetSupported !== false) {
    const response = await client.request('_bulk_get', { query: { revs: true }, body: { docs: wanted }, allow: [400, 404, 405, 501] });
    if (response.status < 400) {
      state.bulkGetSupported = true;
      return parseBulkGet(response.body);
    }
    state.bulkGetSupported = false;
  }
  return fetchOpenRevs(client, wanted);
}

function parseBulkGet(body: any): { found: FetchedRevision[]; missing: { id: string; rev: string }[] } {
  if (!Array.isArray(body?.results)) throw new SyncError('protocol', 'The server sent a malformed _bulk_get answer');
  const found: FetchedRevision[] = [];
  const missing: { id: string; rev: string }[] = [];
  for (const result of body.results) {
    for (const entry of result.docs ?? []) {
      if (entry.ok) found.push({ docId: entry.ok._id, rev: entry.ok._rev, doc: entry.ok });
      else if (entry.error) missing.push({ id: entry.error.id ?? result.id, rev: entry.error.rev });
      else if (entry.missing) missing.push({ id: result.id, rev: entry.missing });
    }
  }
  return { found, missing };
}

async function fetchOpenRevs(client: CouchClient, wanted: { id: string; rev: string }[]) {
  const byDoc = new Map<string, string[]>();
  for (const { id, rev } of wanted) byDoc.set(id, [...(byDoc.get(id) ?? []), rev]);
  const found: FetchedRevision[] = [];
  const missing: { id: string; rev: string }[] = [];
  const queue = [...byDoc.entries()];
  const worker = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      const [id, revs] = next;
      const response = await client.request(encodeURIComponent(id), {
        query: { revs: true, latest: true, open_revs: JSON.stringify(revs) },
        headers: { Accept: 'application/json, multipart/mixed;q=0.5' },
      });
      const entries: any[] = Array.isArray(response.body) ? response.body : parseMultipartMixed(response.contentType, response.text ?? '');
      for (const entry of entries) {
        if (entry.ok) found.push({ docId: entry.ok._id, rev: entry.ok._rev, doc: entry.ok });
        else if (entry.missing) missing.push({ id, rev: entry.missing });
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(OPEN_REVS_CONCURRENCY, queue.length) }, worker));
  return { found, missing };
}

/** The JSON parts of a multipart/mixed open_revs answer, as `{ ok: doc }` entries. */
export function parseMultipartMixed(contentType: string, text: string): { ok?: any; missing?: string }[] {
  const boundary = /boundary="?([^";]+)"?/i.exec(contentType)?.[1];
  if (!boundary) throw new SyncError('protocol', 'The server sent an open_revs answer that is neither JSON nor multipart');
  const entries: { ok?: any; missing?: string }[] = [];
  for (const part of text.split(`--${boundary}`)) {
    const split = part.search(/\r?\n\r?\n/);
    if (split < 0) continue;
    const headers = part.slice(0, split).toLowerCase();
    const body = part.slice(split).trim();
    if (!headers.includes('application/json') || !body) continue;
    // A multipart/related part (document with attachments) nests one more level; its JSON part is what we need.
    const doc = JSON.parse(body);
    entries.push(doc.missing ? { missing: doc.missing } : { ok: doc });
  }
  return entries;
}
