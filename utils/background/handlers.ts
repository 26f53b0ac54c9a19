/**
 * The background worker's request handlers: validated payloads in, repository
 * writes and broadcasts out. Built from injected dependencies so Node tests can
 * drive the exact code the extension runs.
 */
import type { Annotation } from '../annotation';
import type { FactmarkDB } from '../db/schema';
import {
  annotationsForPage,
  deleteAnnotation,
  importAnnotations,
  NotFoundError,
  reportAnchors,
  saveAnnotation,
  saveDetections,
  systemClock,
  tombstoneAllAnnotations,
  updateAnnotation,
  upsertPage,
  type Clock,
} from '../db/repository';
import { type Broadcast, type Handlers, ProtocolError, type RequestPayload, type SyncStatusView } from '../messages';
import { readSettings, writeSettings } from './settings';
import { isKoreanUi } from '../i18n';
import { scanText } from '../detect/scan';

/** What the sync module offers the handlers (utils/sync implements it). */
export interface SyncService {
  /** Called after every local write; debounces and schedules a push. */
  noteLocalChange(): void;
  syncNow(): Promise<SyncStatusView>;
  status(): Promise<SyncStatusView>;
  testConnection(): Promise<{ ok: boolean; message: string }>;
  /** Keeps version `keepRev`, or writes `merged` (see the 'sync.resolve' message) on top of it. */
  resolveConflict(id: string, keepRev: string, merged?: RequestPayload<'sync.resolve'>['merged']): Promise<Annotation>;
}

export interface HandlerDeps {
  db: FactmarkDB;
  broadcast: (message: Broadcast) => void;
  sync?: SyncService;
  clock?: Clock;
}

const SYNC_OFF: SyncStatusView = { state: 'disabled', pending: 0, conflicts: 0 };

export function createHandlers({ db, broadcast, sync, clock = systemClock }: HandlerDeps): Handlers {
  const changed = (annotations: Pick<Annotation, 'id' | 'pageUrl'>[]) => {
    broadcast({
      type: 'annotations.changed',
      payload: { pageUrls: [...new Set(annotations.map((a) => a.pageUrl))], ids: annotations.map((a) => a.id) },
    });
    sync?.noteLocalChange();
  };
  const notFoundToProtocol = async <T>(work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      if (error instanceof NotFoundError) throw new ProtocolError('not-found', error.message);
      throw error;
    }
  };

  return {
    async 'page.report'({ page, figures, claims, checks }) {
      const record = await upsertPage(db, page, clock);
      await saveDetections(db, record.url, { figures, claims, checks }, clock);
      return { page: record, annotations: await annotationsForPage(db, record.url) };
    },
    async 'text.scan'({ text, languages, checkLanguage }) {
      // Pure and synchronous: the worker keeps the segmenters and weights warm between pages.
      // The checks' messages are read in the popup and the hover card: in the reader's language, not the
      // page's. The asking view names it: a worker's UI language can differ from its pages' (Chromium
      // without its locale files, where pages still follow the OS language).
      return scanText(text, { languages, checkLanguage: checkLanguage ?? (isKoreanUi() ? 'ko' : 'en') });
    },
    async 'annotation.save'({ annotation }) {
      const saved = await saveAnnotation(db, annotation, clock);
      changed([saved]);
      return { annotation: saved };
    },
    async 'annotation.update'({ id, patch, clearVerdict }) {
      const updated = await notFoundToProtocol(() => updateAnnotation(db, id, patch, { clearVerdict }, clock));
      changed([updated]);
      return { annotation: updated };
    },
    async 'annotation.delete'({ id }) {
      const tombstone = await notFoundToProtocol(() => deleteAnnotation(db, id, clock));
      changed([tombstone]);
      return { id };
    },
    async 'annotations.forPage'({ url }) {
      return { annotations: await annotationsForPage(db, url) };
    },
    async 'anchors.report'({ url, orphans, anchored }) {
      return { orphans: await reportAnchors(db, url, { orphans, anchored }, clock) };
    },
    async 'annotations.import'({ annotations, pages }) {
      const result = await importAnnotations(db, annotations, pages, clock);
      if (result.added || result.updated) changed(annotations);
      return result;
    },
    async 'annotations.clear'() {
      // The tombstones name what was removed: no second read of the table, outside the transaction.
      const tombstones = await tombstoneAllAnnotations(db, clock);
      if (tombstones.length) changed(tombstones);
      return { removed: tombstones.length };
    },
    async 'settings.get'() {
      return { settings: { ...(await readSettings(db)) } };
    },
    async 'settings.set'({ patch }) {
      const settings = { ...(await writeSettings(db, patch)) };
      broadcast({ type: 'settings.changed', payload: { settings } });
      return { settings };
    },
    async 'sync.now'() {
      return sync ? sync.syncNow() : SYNC_OFF;
    },
    async 'sync.status'() {
      return sync ? sync.status() : SYNC_OFF;
    },
    async 'sync.test'() {
      return sync ? sync.testConnection() : { ok: false, message: 'Sync is not configured.' };
    },
    async 'sync.resolve'({ id, keepRev, merged }) {
      if (!sync) throw new ProtocolError('invalid', 'Sync is not configured.');
      const annotation = await sync.resolveConflict(id, keepRev, merged);
      changed([annotation]);
      return { annotation };
    },
  };
}
