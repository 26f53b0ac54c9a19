/**
 * One bidirectional replication between the local Dexie database and one
 * CouchDB database, following the CouchDB replication protocol:
 *
 * push: outbox → seal revisions → `_revs_diff` → `_bulk_docs` (new_edits: false,
 *       `_revisions`) → acknowledge (outbox rows removed only now)
 * pull: `_changes?style=all_docs&since=…&limit=N` (feed=normal) page by page →
 *       compare with stored revisions → `_bulk_get?revs=true` (or open_revs) →
 *       merge in one Dexie transaction together with the local checkpoint →
 *       `_local/<replication id>` on the server.
 */
import type { Annotation } from '../annotation';
import type { FactmarkDB, OutboxRecord, RevisionRecord } from '../db/schema';
import { siteOf } from '../db/page-url';
import { queuePendingImports } from '../db/repository';
import type { CouchClient } from './couch-client';
import { annotationIdOf, couchDocJson, docIdOf, fromCouchDoc, toCouchDoc } from './couch-doc';
import {
  localCheckpointKey,
  nextCheckpoint,
  readLocalCheckpoint,
  readRemoteCheckpoint,
  replicationId,
  resumeSeq,
  writeRemoteCheckpoint,
  type CheckpointDoc,
  type Seq,
} from './checkpoint';
import { fetchRevisions, type FetchedRevision, type RevisionFetcher } from './fetch-revisions';
import { knownRevs, mergeLeaves, type Leaf } from './merge';
import { enqueueAll, outboxByDoc, outboxRowsFor, sealAndCollect } from './outbox';
import {
  acknowledgePush,
  clearPushJournal,
  deleteOutboxRows,
  journalPush,
  JOURNAL_SLOTS,
  preparePush,
  readPushJournal,
  type PushJournal,
  type PreparedBatch,
  type PreparedItem,
} from './push-batch';
import { readLedger, withLedgerRev, type RevLedger } from './rev-ledger';
import { leafRev, stemPath } from './revision';
import { SyncError } from './sync-error';

export const DEFAULT_PUSH_BATCH = 500;
export const DEFAULT_PULL_BATCH = 500;
const MAX_PUSH_PASSES = 4;
/** `_bulk_docs` requests of one push under way at once. */
const MAX_IN_FLIGHT = 2;
const MAX_WRITE_ATTEMPTS = 5;
const RECORD_SCAN_THRESHOLD = 200;
const REMOTE_CHECKPOINT_INTERVAL_MS = 2_000;
const MAX_PAGE_GROWTH = 8;
const MAX_ECHO_PAGE = 10_000;

export interface ReplicateOptions {
  db: FactmarkDB;
  client: CouchClient;
  replicaId: string;
  pushBatchSize?: number;
  pullBatchSize?: number;
  now?: () => string;
  /** Called after every acknowledged push batch and every stored pull page. */
  onProgress?: (progress: { phase: 'push' | 'pull'; done: number }) => void;
}

export interface ReplicateResult {
  pushed: number;
  pulled: number;
  changed: { ids: string[]; pageUrls: string[] };
  /** Documents the server refused, or pulled documents that failed validation. */
  rejected: { id: string; reason: string }[];
  lastSeq: Seq;
}

export async function ensureDatabase(client: CouchClient): Promise<void> {
  const info = await client.request('', { allow: [404] });
  if (info.status !== 404) return;
  const created = await client.request('', { method: 'PUT', allow: [401, 403, 412] });
  if (created.status === 401) throw new SyncError('auth', 'Wrong user name or password (401)', 401);
  if (created.status === 403) {
    throw new SyncError('forbidden', `Database "${client.database}" does not exist and this account may not create it (403)`, 403);
  }
}

/** What this sync run knows without asking the database again. */
interface RunMemory {
  /**
   * Revisions the server acknowledged during this run's push and that are
   * recorded here as the note's revision (their echo in _changes needs nothing).
   */
  pushed: Map<string, string>;
  /** Notes of push batches sent and not yet acknowledged locally (their echo may show up early). */
  inFlight: Set<string>;
  /** First revisions pushed from here (rev-ledger.ts), kept current by this run's acknowledgements. */
  ledger: RevLedger;
  /** Notes that may have a revision record (a superset: pulled notes are added). */
  recordIds?: Set<string>;
  /** Notes stored here (for large pulls: notes not in it need no read). */
  annotationIds?: Set<string>;
}

export async function replicate(options: ReplicateOptions): Promise<ReplicateResult> {
  const { db, client } = options;
  const now = options.now ?? (() => new Date().toISOString());
  const result: ReplicateResult = { pushed: 0, pulled: 0, changed: { ids: [], pageUrls: [] }, rejected: [], lastSeq: 0 };
  // Imported notes whose outbox rows could not be written yet (storage full, say) are local edits: queue them
  // before anything is pulled, or a pull could overwrite them. If that fails, the sync fails and pulls nothing.
  await queuePendingImports(db);
  // What the first push pass reads is read while the server answers the first requests (it needs none of them).
  const firstReads = startPassReads(db, options.pushBatchSize ?? DEFAULT_PUSH_BATCH);
  const repId = await replicationId(options.replicaId, client.serverUrl, client.database);
  // The checkpoints are asked for while the database is checked (in a database that
  // is not there yet, there is none: the same answer as reading it after creating it).
  const [, localCheckpoint, remote, ledger] = await Promise.all([
    ensureDatabase(client),
    readLocalCheckpoint(db, repId),
    readRemoteCheckpoint(client, repId),
    readLedger(db),
  ]);
  // First sync with this server, or its database was recreated: offer everything we have.
  const offerAll = !localCheckpoint || !remote.doc;

  const memory: RunMemory = { pushed: new Map(), inFlight: new Set(), ledger };
  const echo = new EchoReader(client, resumeSeq(localCheckpoint, remote.doc), memory, (options.pullBatchSize ?? DEFAULT_PULL_BATCH) * MAX_PAGE_GROWTH);
  try {
    await push(options, result, memory, echo, offerAll, now, firstReads);
  } catch (error) {
    echo.close(); // its answer, if any, is of no use now: no waiting for it
    throw error;
  }
  const since = await echo.finish();
  await pull(options, result, memory, repId, since, echo.unread(), localCheckpoint, remote.rev, now);
  return result;
}

async function push(
  options: ReplicateOptions,
  result: ReplicateResult,
  memory: RunMemory,
  echo: EchoReader,
  offerAll: boolean,
  now: () => string,
  firstReads: PassReads,
): Promise<void> {
  const { db, client } = options;
  const batchSize = options.pushBatchSize ?? DEFAULT_PUSH_BATCH;
  const refused = new Set<string>();
  for (let pass = 0; pass < MAX_PUSH_PASSES; pass++) {
    // One read of the outbox per pass: the batches take their rows from it. A row
    // added meanwhile (an edit during the push) is left for the next pass.
    const reads = pass === 0 ? firstReads : startPassReads(db, batchSize);
    const outbox = await reads.outbox;
    let ids = outbox.ids;
    if (pass === 0 && offerAll) {
      const added = await enqueueAll(db, now, memory.ledger, new Set(ids), (await reads.keys)?.annotations);
      for (const row of added) {
        const list = outbox.rows.get(row.docId);
        if (list) list.push(row);
        else outbox.rows.set(row.docId, [row]);
      }
      if (added.length) ids = [...outbox.rows.keys()].sort();
    }
    ids = ids.filter((id) => !refused.has(id));
    if (!ids.length) return;
    const prepare = await planBatches(db, ids, outbox.rows, batchSize, memory.ledger, reads);
    // Acknowledged rows are deleted together at the end of the pass: a first
    // push's rows are then one run of row numbers, deleted as one key range.
    const ackedSeqs: number[] = [];
    // Pipelined: up to MAX_IN_FLIGHT batches on the wire (the server always has the
    // next one when it is done with one), while the next one is read, hashed and
    // journaled here and answered ones are acknowledged (disjoint notes, so no overlap).
    // A batch is journaled before it is sent, in slot index % JOURNAL_SLOTS: the
    // batch that used the slot before must be acknowledged first.
    const acks: Promise<void>[] = [];
    const prepareAndJournal = async (index: number) => {
      const batch = await prepare[index]();
      await acks[index - JOURNAL_SLOTS]; // if it failed, its journal entries are all it has: keep them
      if (batch.items.length) await journalPush(db, batch.items, index);
      return batch;
    };
    let next: Promise<PreparedBatch> | undefined = prepareAndJournal(0);
    let acknowledging: Promise<void> = Promise.resolve();
    const sending: Promise<void>[] = [];
    try {
      for (let index = 0; index < prepare.length; index++) {
        const batch = await next!;
        next = index + 1 < prepare.length ? prepareAndJournal(index + 1) : undefined;
        next?.catch(() => undefined); // surfaced when awaited
        while (sending.length >= MAX_IN_FLIGHT) await sending.shift();
        for (const item of batch.items) memory.inFlight.add(item.id);
        const send = (async () => {
          const acked = batch.items.length ? await pushItems(client, batch.items, refused, result) : [];
          acknowledging = acks[index] = acknowledging.then(async () => {
            const { seqs, recorded } = await acknowledgePush(db, acked, batch.dropSeqs, memory.ledger);
            ackedSeqs.push(...seqs);
            result.pushed += acked.length;
            for (const item of recorded) memory.pushed.set(item.id, item.rev);
            for (const item of batch.items) memory.inFlight.delete(item.id);
            options.onProgress?.({ phase: 'push', done: result.pushed });
            // Reading ahead pays while batches remain to be sent; the last one's echo is the pull's.
            if (index + 1 < prepare.length) echo.poke();
          });
        })();
        send.catch(() => undefined); // surfaced when awaited
        sending.push(send);
      }
      for (const send of sending) await send;
    } finally {
      await Promise.allSettled(sending); // no request of this pass left running
      await acknowledging.finally(() => deleteOutboxRows(db, ackedSeqs));
    }
    await clearPushJournal(db);
  }
}

/** What a push pass reads before its first batch, all at once. */
interface PassReads {
  outbox: ReturnType<typeof outboxByDoc>;
  journal: Promise<PushJournal>;
  /** For a large outbox: the key lists (key-only scans) that let each batch read only what exists, by the cheapest path. */
  keys: Promise<PushKeys | undefined>;
}

interface PushKeys {
  annotations: string[];
  revisions: string[];
}

const isLarge = (count: number, batchSize: number) => count > batchSize / 4;

function readKeys(db: FactmarkDB): Promise<PushKeys> {
  return Promise.all([db.annotations.toCollection().primaryKeys(), db.revisions.toCollection().primaryKeys()]).then(
    ([annotations, revisions]) => ({ annotations: annotations as string[], revisions: revisions as string[] }),
  );
}

function startPassReads(db: FactmarkDB, batchSize: number): PassReads {
  const outbox = outboxByDoc(db);
  const reads: PassReads = {
    outbox,
    journal: readPushJournal(db),
    keys: outbox.then((read) => (isLarge(read.ids.length, batchSize) ? readKeys(db) : undefined)),
  };
  // Surfaced when awaited (a pass may end before it needs some of them).
  for (const read of [reads.outbox, reads.journal, reads.keys]) read.catch(() => undefined);
  return reads;
}

/** Splits the outbox into batches: ranges of sorted note ids (all rows of a note together). */
async function planBatches(
  db: FactmarkDB,
  ids: string[],
  rows: Map<string, OutboxRecord[]>,
  batchSize: number,
  ledger: RevLedger,
  reads: PassReads,
): Promise<(() => Promise<PreparedBatch>)[]> {
  const large = isLarge(ids.length, batchSize);
  // Read with the outbox; read now if the notes queued since made the push large.
  const [journal, keys] = await Promise.all([reads.journal, large ? reads.keys.then((read) => read ?? readKeys(db)) : {}]);
  const plans: (() => Promise<PreparedBatch>)[] = [];
  for (let start = 0; start < ids.length; start += batchSize) {
    const batch = ids.slice(start, start + batchSize);
    plans.push(() => preparePush(db, batch, batch.flatMap((id) => rows.get(id) ?? []), keys, journal, ledger));
  }
  return plans;
}

/**
 * Sends what the server lacks; returns the items it now has. Revisions that
 * may already be there (re-offered, or sent before without an answer) are
 * checked with `_revs_diff`; fresh ones go straight to `_bulk_docs`.
 */
async function pushItems(client: CouchClient, items: PreparedItem[], refused: Set<string>, result: ReplicateResult): Promise<PreparedItem[]> {
  const toCheck = items.filter((item) => !item.fresh);
  let missing = items.filter((item) => item.fresh);
  if (toCheck.length) {
    const diffRequest: Record<string, string[]> = {};
    for (const item of toCheck) (diffRequest[docIdOf(item.id)] ??= []).push(item.rev);
    const diff = (await client.request<Record<string, { missing?: string[] }>>('_revs_diff', { body: diffRequest })).body ?? {};
    missing = missing.concat(toCheck.filter((item) => diff[docIdOf(item.id)]?.missing?.includes(item.rev)));
  }
  if (!missing.length) return items;
  // The request is written as text from each note's hashed JSON (no second serialisation of the batch).
  const docs = missing.map((item) =>
    item.json !== undefined && !('_id' in item.body || '_rev' in item.body || '_revisions' in item.body)
      ? couchDocJson(item.id, item.rev, item.revisions, item.json)
      : JSON.stringify(toCouchDoc(item.id, item.rev, item.revisions, item.body)),
  );
  const response = await client.request<any[]>('_bulk_docs', { json: `{"new_edits":false,"docs":[${docs.join(',')}]}` });
  const failed = new Map<string, string>();
  for (const entry of Array.isArray(response.body) ? response.body : []) {
    if (entry?.error) failed.set(`${entry.id} ${entry.rev ?? ''}`, `${entry.error}${entry.reason ? `: ${entry.reason}` : ''}`);
  }
  if (!failed.size) return items;
  return items.filter((item) => {
    const reason = failed.get(`${docIdOf(item.id)} ${item.rev}`) ?? failed.get(`${docIdOf(item.id)} `);
    if (reason === undefined) return true;
    refused.add(item.id);
    result.rejected.push({ id: item.id, reason });
    return false;
  });
}

interface ChangeRow {
  id: string;
  seq: Seq;
  changes: { rev: string }[];
  /** With `include_docs=true`: the current winner. */
  doc?: Record<string, any>;
  deleted?: boolean;
}

async function pull(
  options: ReplicateOptions,
  result: ReplicateResult,
  memory: RunMemory,
  repId: string,
  since: Seq,
  /** Rows of this run's echo still to come (a first page that takes them all, and shows it is the last). */
  echoLeft: number,
  localCheckpoint: CheckpointDoc | undefined,
  remoteRev: string | undefined,
  now: () => string,
): Promise<void> {
  const { db, client } = options;
  const limit = options.pullBatchSize ?? DEFAULT_PULL_BATCH;
  const sessionId = crypto.randomUUID();
  const fetcher: RevisionFetcher = { bulkGetSupported: undefined };
  let checkpoint = localCheckpoint;
  type Page = { more: boolean; lastSeq: Seq; leaves: Map<string, Leaf[]> };
  // Documents come with the changes (include_docs) while most rows are first
  // revisions this replica lacks: such a row's document is exactly its only
  // leaf, whose history is itself, so `_bulk_get` has nothing to add (PouchDB's
  // replicator makes the same shortcut for generation-1 revisions). That halves
  // the server's work on an initial pull. Otherwise (e.g. the echo of this run's
  // push) plain rows, and `_bulk_get` for what is missing.
  let includeDocs = memory.pushed.size === 0;
  // A page with nothing to fetch (the echo of this run's push, or changes
  // already here) makes the next page larger: fewer round trips, same rows.
  // The echo left by the push's reader comes as one page (rows that need nothing, ~150 bytes each).
  let pageLimit = Math.min(Math.max(limit, echoLeft + 1), MAX_ECHO_PAGE);
  const fetchPage = async (since: Seq): Promise<Page> => {
    const requested = pageLimit;
    const page = await client.request<{ results: ChangeRow[]; last_seq: Seq }>('_changes', {
      query: {
        style: 'all_docs',
        since: typeof since === 'string' ? since : JSON.stringify(since),
        limit: requested,
        feed: 'normal',
        ...(includeDocs ? { include_docs: true } : {}),
      },
    });
    const rows = page.body?.results;
    if (!Array.isArray(rows) || page.body.last_seq === undefined) throw new SyncError('protocol', 'The server sent a malformed _changes answer');
    const annotationRows = rows.filter((row) => annotationIdOf(row.id) !== null);
    const fetched = await fetchMissingLeaves(options, annotationRows, fetcher, result, memory);
    includeDocs = fetched.firstRevisions * 2 > rows.length;
    pageLimit = fetched.leaves.size || fetched.firstRevisions ? limit : Math.min(requested * 2, limit * MAX_PAGE_GROWTH);
    return { more: rows.length >= requested, lastSeq: page.body.last_seq, leaves: fetched.leaves };
  };
  // Pipelined: the next page is fetched while this one is stored. The local
  // checkpoint moves in the same transaction as the page's notes; the server's
  // copy follows in the background, after the first page and then at most every
  // REMOTE_CHECKPOINT_INTERVAL_MS (as CouchDB's replicator does), and at the end.
  // Resuming needs only the session to match, and the local copy says where.
  let remoteWrite: Promise<void> = Promise.resolve();
  let remoteQueued = false;
  let remoteWrittenAt = -Infinity;
  let remoteSaved: CheckpointDoc | undefined;
  const scheduleRemoteCheckpoint = (force = false) => {
    if (remoteQueued || (!force && Date.now() - remoteWrittenAt < REMOTE_CHECKPOINT_INTERVAL_MS)) return;
    remoteQueued = true;
    remoteWrittenAt = Date.now();
    remoteWrite = remoteWrite.then(async () => {
      remoteQueued = false;
      const doc = checkpoint!;
      remoteRev = await writeRemoteCheckpoint(client, repId, doc, remoteRev);
      remoteSaved = doc;
    });
    remoteWrite.catch(() => undefined); // surfaced when awaited below
  };
  let pending: Promise<Page> | undefined = fetchPage(since);
  let unsavedCheckpoint = false;
  while (pending) {
    const page: Page = await pending;
    pending = page.more ? fetchPage(page.lastSeq) : undefined;
    pending?.catch(() => undefined); // surfaced when awaited
    checkpoint = nextCheckpoint(checkpoint, sessionId, page.lastSeq);
    if (page.leaves.size) {
      if (!memory.annotationIds && page.leaves.size > RECORD_SCAN_THRESHOLD) {
        memory.annotationIds = new Set((await db.annotations.toCollection().primaryKeys()) as string[]);
        memory.recordIds ??= new Set((await db.revisions.toCollection().primaryKeys()) as string[]);
      }
      await storePulled(db, page.leaves, repId, checkpoint, result, now, memory);
      for (const id of page.leaves.keys()) {
        memory.recordIds?.add(id);
        memory.annotationIds?.add(id);
      }
      unsavedCheckpoint = false;
    } else {
      // Nothing to store (e.g. the echo of our own push): the checkpoint is saved
      // with the next page that has notes, or at the end.
      unsavedCheckpoint = true;
    }
    result.lastSeq = page.lastSeq;
    options.onProgress?.({ phase: 'pull', done: result.pulled });
    scheduleRemoteCheckpoint();
  }
  if (unsavedCheckpoint && checkpoint) await db.syncState.put({ key: localCheckpointKey(repId), value: checkpoint });
  await remoteWrite;
  if (checkpoint && remoteSaved !== checkpoint) {
    scheduleRemoteCheckpoint(true);
    await remoteWrite;
  }
}

async function fetchMissingLeaves(
  options: ReplicateOptions,
  rows: ChangeRow[],
  fetcher: RevisionFetcher,
  result: ReplicateResult,
  memory: RunMemory,
): Promise<{ leaves: Map<string, Leaf[]>; firstRevisions: number }> {
  const { db, client } = options;
  // The echo of what this run pushed is known without reading anything.
  const unknown = rows.filter((row) => {
    const pushed = memory.pushed.get(annotationIdOf(row.id)!);
    return !(pushed && row.changes.every(({ rev }) => rev === pushed));
  });
  // A note's known revisions are in its revision record, or, for a first
  // revision pulled without conflicts (no record written: its path is just
  // itself), in the note's `rev`, or for a first revision pushed from here in
  // the ledger (then `rev` is unset or the same: no read). Notes with none know nothing.
  // For large pages, key-only scans beat reading each note (a fresh replica has none).
  if (!memory.recordIds && unknown.length > RECORD_SCAN_THRESHOLD) {
    memory.recordIds = new Set((await db.revisions.toCollection().primaryKeys()) as string[]);
    memory.annotationIds ??= new Set((await db.annotations.toCollection().primaryKeys()) as string[]);
  }
  const ids = unknown.map((row) => annotationIdOf(row.id)!);
  const withRecord = ids.filter((id) => !memory.recordIds || memory.recordIds.has(id));
  const records = new Map((await db.revisions.bulkGet(withRecord)).filter(Boolean).map((r) => [r!.id, r!]));
  const withoutRecord = ids.filter((id) => !records.has(id) && !memory.ledger.has(id) && (!memory.annotationIds || memory.annotationIds.has(id)));
  const rowRevs = new Map(
    (await db.annotations.bulkGet(withoutRecord)).filter((a) => a?.rev).map((a) => [a!.id, a!.rev!]),
  );
  const wanted: { id: string; rev: string }[] = [];
  for (const row of unknown) {
    const id = annotationIdOf(row.id)!;
    const record = records.get(id);
    const rowRev = rowRevs.get(id) ?? memory.ledger.get(id);
    const known = record
      ? knownRevs({ annotation: { rev: leafRev(record.revisions) } as Annotation, record })
      : new Set<string>(rowRev ? [rowRev] : []);
    for (const { rev } of row.changes) if (!known.has(rev)) wanted.push({ id: row.id, rev });
  }
  const leaves = new Map<string, Leaf[]>();
  const rowById = new Map(unknown.map((row) => [row.id, row]));
  const isFirstRevision = ({ id, rev }: { id: string; rev: string }) => rev.startsWith('1-') && rowById.get(id)!.changes.length === 1;
  const firstRevisions = wanted.filter(isFirstRevision).length;
  // A first revision that is the document's only leaf: the included document is all there is to know.
  const inline = wanted.filter((want) => isFirstRevision(want) && rowById.get(want.id)!.doc?._rev === want.rev);
  const inlined = new Set(inline);
  const toFetch = inline.length ? wanted.filter((want) => !inlined.has(want)) : wanted;
  const found: FetchedRevision[] = inline.map(({ id, rev }) => ({ docId: id, rev, doc: rowById.get(id)!.doc! }));
  if (toFetch.length) found.push(...(await fetchRevisions(client, toFetch, fetcher)).found);
  for (const { docId, rev, doc } of found) {
    const id = annotationIdOf(docId);
    if (!id) continue;
    const parsed = fromCouchDoc(doc);
    if (!parsed.ok) {
      result.rejected.push({ id, reason: `received note is invalid (${parsed.reason})` });
      continue;
    }
    const leaf: Leaf = {
      rev,
      revisions: doc._revisions ?? stemPath(rev),
      deleted: doc._deleted === true,
      doc: parsed.annotation,
    };
    leaves.set(id, [...(leaves.get(id) ?? []), leaf]);
    result.pulled++;
  }
  return { leaves, firstRevisions };
}

/**
 * Reads `_changes` while the push is still running, so that the echo of
 * this run's push (on a first sync, every note) is already behind when the
 * pull starts: the server pages through it while this side prepares and
 * acknowledges batches. After every batch acknowledged locally it reads on
 * from where it stopped and moves past rows that are only revisions this run
 * pushed and recorded (the pull would skip them too). It stops at the first
 * other row and leaves it to the pull: a row of a batch still in flight
 * (read again after its acknowledgement), or anything else (no reading
 * ahead at all then: the pull takes over from there). It stores nothing, and
 * the checkpoint moves only with the pull, which goes on from `finish()`.
 */
export class EchoReader {
  private cursor: Seq;
  /** Echo rows moved past: with the recorded pushes, how many more can be there to read. */
  private passed = 0;
  private reading?: Promise<void>;
  private again = false;
  private closed = false;

  constructor(
    private readonly client: Pick<CouchClient, 'request'>,
    since: Seq,
    private readonly memory: Pick<RunMemory, 'pushed' | 'inFlight'>,
    private readonly limit: number,
  ) {
    this.cursor = since;
  }

  /** Something new was acknowledged: read on (one reader at a time). */
  poke(): void {
    if (this.closed) return;
    this.again = true;
    this.reading ??= this.read().then(
      () => void (this.reading = undefined),
      () => void ((this.reading = undefined), (this.closed = true)), // the pull reads it again, and reports
    );
  }

  /** How many rows of the recorded pushes it has not read (after `finish`: the pull's share of the echo). */
  unread(): number {
    return Math.max(this.memory.pushed.size - this.passed, 0);
  }

  /** Stops reading (a request under way runs out unused). */
  close(): void {
    this.closed = true;
  }

  /** Stops reading once the request under way is in; returns the sequence the pull starts from. */
  async finish(): Promise<Seq> {
    this.closed = true;
    await this.reading;
    return this.cursor;
  }

  private async read(): Promise<void> {
    pokes: while (this.again && !this.closed) {
      this.again = false;
      for (let full = true; full && !this.closed; ) {
        const since = this.cursor;
        // Ask only for rows that can be recorded echo: the server may be ahead of this side's acknowledgements.
        const limit = Math.min(this.memory.pushed.size - this.passed, this.limit);
        if (limit <= 0) break;
        const page = await this.client.request<{ results: ChangeRow[]; last_seq: Seq }>('_changes', {
          query: { style: 'all_docs', since: typeof since === 'string' ? since : JSON.stringify(since), limit, feed: 'normal' },
        });
        const rows = page.body?.results;
        if (!Array.isArray(rows) || page.body.last_seq === undefined) throw new SyncError('protocol', 'The server sent a malformed _changes answer');
        for (const row of rows) {
          const id = annotationIdOf(row.id);
          const pushed = id === null ? undefined : this.memory.pushed.get(id);
          if (id !== null && !(pushed && row.changes.every(({ rev }) => rev === pushed))) {
            // Not (yet) known: the pull decides. A batch in flight is acknowledged soon; anything else ends the reading ahead.
            if (!this.memory.inFlight.has(id)) this.closed = true;
            continue pokes;
          }
          if (row.seq === undefined || row.seq === null) {
            this.closed = true; // no position to resume from: the rest is the pull's
            return;
          }
          this.cursor = row.seq;
          if (id !== null) this.passed++;
        }
        if (rows.length) this.cursor = page.body.last_seq;
        full = rows.length >= limit;
      }
    }
  }
}

class LocalEditRace extends Error {}

/** Whether a revision record says no more than `annotation.rev` (see `currentRev`, `winnerPath`). */
function impliedByRev(record: RevisionRecord, annotation: Annotation): boolean {
  return (
    record.revisions.start === 1 &&
    record.revisions.ids.length === 1 &&
    !record.conflicts.length &&
    !record.pendingDeletes?.length &&
    annotation.rev === leafRev(record.revisions)
  );
}

/** Merges one page of pulled leaves and moves the local checkpoint, in one transaction. */
async function storePulled(
  db: FactmarkDB,
  remoteLeaves: Map<string, Leaf[]>,
  repId: string,
  checkpoint: CheckpointDoc,
  result: ReplicateResult,
  now: () => string,
  memory: RunMemory,
): Promise<void> {
  const ids = [...remoteLeaves.keys()];
  // Reading a note that is not there costs as much as reading one that is: skip the known-absent.
  const readable = (known: Set<string> | undefined) => (known ? ids.filter((id) => known.has(id)) : ids);
  for (let attempt = 0; ; attempt++) {
    // Local edits not yet sealed take part in the merge as their own revision.
    const unsealed = [...new Set((await outboxRowsFor(db, ids)).filter((row) => !row.rev).map((row) => row.docId))];
    if (unsealed.length) await sealAndCollect(db, unsealed, now, memory.ledger);
    try {
      await db.transaction('rw', [db.annotations, db.revisions, db.outbox, db.pages, db.anchorStatus, db.syncState], async () => {
        const rows = await outboxRowsFor(db, ids);
        if (rows.some((row) => !row.rev)) throw new LocalEditRace();
        const [annotationRows, recordRows] = await Promise.all([
          db.annotations.bulkGet(readable(memory.annotationIds)),
          db.revisions.bulkGet(readable(memory.recordIds)),
        ]);
        const annotationById = new Map(annotationRows.filter(Boolean).map((a) => [a!.id, a!]));
        const recordById = new Map(recordRows.filter(Boolean).map((r) => [r!.id, r!]));
        const annotations = ids.map((id) => withLedgerRev(annotationById.get(id), recordById.get(id), memory.ledger));
        const records = ids.map((id) => recordById.get(id));
        const putAnnotations: Annotation[] = [];
        const putRecords: RevisionRecord[] = [];
        const dropRecords: string[] = [];
        const changed: Annotation[] = [];
        const removedAnchors: string[] = [];
        ids.forEach((id, index) => {
          const merged = mergeLeaves(id, { annotation: annotations[index], record: records[index] }, remoteLeaves.get(id)!);
          if (!merged.annotation) return;
          putAnnotations.push(merged.annotation);
          // A first revision without conflicts is fully described by the note's `rev`:
          // no record (on an initial pull that halves the rows written).
          if (merged.record && (records[index] || !impliedByRev(merged.record, merged.annotation))) putRecords.push(merged.record);
          else if (!merged.record) dropRecords.push(id);
          if (merged.changed) {
            changed.push(merged.annotation);
            if (annotations[index]?.pageUrl && annotations[index]!.pageUrl !== merged.annotation.pageUrl) changed.push(annotations[index]!);
            if (merged.annotation.deleted) removedAnchors.push(id);
          }
        });
        await db.annotations.bulkPut(putAnnotations);
        await db.revisions.bulkPut(putRecords);
        await db.revisions.bulkDelete(dropRecords);
        await db.anchorStatus.bulkDelete(removedAnchors);
        const at = now();
        const pageUrls = [...new Set(changed.filter((a) => !a.deleted).map((a) => a.pageUrl))];
        const knownPages = new Set((await db.pages.bulkGet(pageUrls)).filter(Boolean).map((p) => p!.url));
        await db.pages.bulkPut(
          pageUrls.filter((url) => !knownPages.has(url)).map((url) => ({ url, title: url, site: siteOf(url), firstSeen: at, lastSeen: at })),
        );
        await db.syncState.put({ key: localCheckpointKey(repId), value: checkpoint });
        const changedIds = new Set(result.changed.ids);
        const changedUrls = new Set(result.changed.pageUrls);
        for (const annotation of changed) {
          changedIds.add(annotation.id);
          changedUrls.add(annotation.pageUrl);
        }
        result.changed = { ids: [...changedIds], pageUrls: [...changedUrls] };
      });
      return;
    } catch (error) {
      if (!(error instanceof LocalEditRace) || attempt >= MAX_WRITE_ATTEMPTS) throw error;
    }
  }
}
