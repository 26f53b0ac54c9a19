/**
 * Replication checkpoints, kept in `_local/<replication id>` on the server and
 * in `syncState` locally, as the CouchDB replication protocol describes.
 * Sequence values are opaque (strings on a clustered CouchDB): they are stored
 * and sent back as received, and only ever compared for equality by session.
 */
import type { FactmarkDB } from '../db/schema';
import type { CouchClient } from './couch-client';
import { canonicalJson } from './revision';

export type Seq = string | number;

export interface CheckpointDoc {
  last_seq: Seq;
  session_id: string;
  history: { session_id: string; last_seq: Seq }[];
  replicator: 'factmark';
  version: 1;
}

const HISTORY_LIMIT = 5;
const REPLICA_ID_KEY = 'replicaId';

/** This browser profile's replica id, made once and kept. */
export async function localReplicaId(db: FactmarkDB): Promise<string> {
  return db.transaction('rw', db.syncState, async () => {
    const row = await db.syncState.get(REPLICA_ID_KEY);
    if (typeof row?.value === 'string') return row.value;
    const id = crypto.randomUUID();
    await db.syncState.put({ key: REPLICA_ID_KEY, value: id });
    return id;
  });
}

/** Stable per (this replica, server, database): a new server or database starts fresh. */
export async function replicationId(replicaId: string, serverUrl: string, database: string): Promise<string> {
  const bytes = new TextEncoder().encode(canonicalJson(['factmark-sync-1', replicaId, serverUrl, database]));
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return Array.from(digest.slice(0, 16), (b) => b.toString(16).padStart(2, '0')).join('');
}

export function localCheckpointKey(repId: string): string {
  return `checkpoint:${repId}`;
}

export async function readLocalCheckpoint(db: FactmarkDB, repId: string): Promise<CheckpointDoc | undefined> {
  return (await db.syncState.get(localCheckpointKey(repId)))?.value as CheckpointDoc | undefined;
}

export interface RemoteCheckpoint {
  doc?: CheckpointDoc;
  rev?: string;
}

export async function readRemoteCheckpoint(client: CouchClient, repId: string): Promise<RemoteCheckpoint> {
  const response = await client.request(`_local/${repId}`, { allow: [404] });
  if (response.status === 404) return {};
  const { _id, _rev, ...doc } = response.body ?? {};
  return { doc: doc as CheckpointDoc, rev: _rev };
}

/**
 * Where to resume: the newest sequence both sides agree on (same session),
 * else from the start. Re-reading from the start is safe: every pulled
 * revision is compared with what is stored, so nothing is duplicated.
 */
export function resumeSeq(local: CheckpointDoc | undefined, remote: CheckpointDoc | undefined): Seq {
  if (!local || !remote) return 0;
  if (local.session_id === remote.session_id) return local.last_seq;
  const remoteSessions = new Map(remote.history.map((h) => [h.session_id, h.last_seq]));
  for (const entry of local.history) {
    if (remoteSessions.has(entry.session_id) && canonicalJson(remoteSessions.get(entry.session_id)) === canonicalJson(entry.last_seq)) {
      return entry.last_seq;
    }
  }
  return 0;
}

export function nextCheckpoint(previous: CheckpointDoc | undefined, sessionId: string, lastSeq: Seq): CheckpointDoc {
  const history = [{ session_id: sessionId, last_seq: lastSeq }, ...(previous?.history ?? []).filter((h) => h.session_id !== sessionId)];
  return { last_seq: lastSeq, session_id: sessionId, history: history.slice(0, HISTORY_LIMIT), replicator: 'factmark', version: 1 };
}

/** Writes the server side; retries once on a stale `_rev`. Returns the new `_rev`. */
export async function writeRemoteCheckpoint(client: CouchClient, repId: string, doc: CheckpointDoc, rev: string | undefined): Promise<string | undefined> {
  const put = (currentRev: string | undefined) =>
    client.request(`_local/${repId}`, { method: 'PUT', body: { ...doc, ...(currentRev ? { _rev: currentRev } : {}) }, allow: [409] });
  let response = await put(rev);
  if (response.status === 409) {
    response = await put((await readRemoteCheckpoint(client, repId)).rev);
  }
  if (response.status === 409) return undefined;
  return response.body?.rev;
}
