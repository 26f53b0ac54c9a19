/**
 * What "This page" shows: the page's own rows only, read by key and index in one transaction
 * (live through Dexie: ./page-data-query.ts; before the first paint without it: pageDataFromRows).
 * No Dexie import here: the popup's first paint loads this module.
 */
import type { Annotation, PageRecord } from '../utils/annotation';
import { type Settings, withDefaults } from '../utils/background/settings';
import { liveNotesInOrder, type PageRows } from '../utils/db/page-notes';
import type { DetectionRecord } from '../utils/db/schema';

export interface PageData {
  detection?: DetectionRecord;
  notes: Annotation[];
  orphanIds: Set<string>;
  settings: Settings;
  page?: PageRecord;
}

/**
 * The same PageData from rows read without Dexie (utils/db/page-notes.ts, the first paint),
 * through the helpers annotationsForPage and readSettings use.
 */
export function pageDataFromRows(rows: PageRows): PageData {
  return {
    detection: rows.detection,
    notes: liveNotesInOrder(rows.annotations),
    orphanIds: new Set(rows.orphanIds),
    settings: withDefaults(rows.settings),
    page: rows.page,
  };
}

/** "This page"'s data read before the first render, for the page it was read for. */
export interface InitialPageData {
  pageUrl: string;
  data: PageData;
}
