/** What "This page" shows: the page's own rows only, read by key and index in one transaction. */
import type { Annotation, PageRecord } from '../utils/annotation';
import { DEFAULT_SETTINGS, readSettings, type Settings } from '../utils/background/settings';
import type { PageRows } from '../utils/db/page-notes';
import { annotationsForPage, orphanIdsForPage } from '../utils/db/repository';
import type { DetectionRecord, FactmarkDB } from '../utils/db/schema';

export interface PageData {
  detection?: DetectionRecord;
  notes: Annotation[];
  orphanIds: Set<string>;
  settings: Settings;
  page?: PageRecord;
}

/** The live query behind "This page" (Dexie). */
export function pageDataQuery(db: FactmarkDB, pageUrl: string): () => Promise<PageData> {
  return () =>
    db.transaction('r', [db.detections, db.annotations, db.anchorStatus, db.settings, db.pages], async () => {
      const [detection, notes, orphanIds, settings, page] = await Promise.all([
        db.detections.get(pageUrl),
        annotationsForPage(db, pageUrl),
        orphanIdsForPage(db, pageUrl),
        readSettings(db),
        db.pages.get(pageUrl),
      ]);
      return { detection, notes, orphanIds, settings, page };
    });
}

/**
 * The same PageData from rows read without Dexie (utils/db/page-notes.ts, the first paint):
 * tombstones dropped and notes in creation order as annotationsForPage, defaults under the
 * stored settings as readSettings.
 */
export function pageDataFromRows(rows: PageRows): PageData {
  return {
    detection: rows.detection,
    notes: rows.annotations.filter((a) => !a.deleted).sort((a, b) => a.createdAt.localeCompare(b.createdAt)),
    orphanIds: new Set(rows.orphanIds),
    settings: { ...DEFAULT_SETTINGS, ...((rows.settings as Partial<Settings> | undefined) ?? {}) },
    page: rows.page,
  };
}

/** "This page"'s data read before the first render, for the page it was read for. */
export interface InitialPageData {
  pageUrl: string;
  data: PageData;
}
