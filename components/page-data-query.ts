/** "This page"'s data through Dexie, live. Loaded after the popup's first paint (./page-data.ts). */
import { liveQuery } from 'dexie';
import { readSettings } from '../utils/background/settings';
import { annotationsForPage, orphanIdsForPage } from '../utils/db/repository';
import type { FactmarkDB } from '../utils/db/schema';
import type { PageData } from './page-data';

/** The query behind "This page": one read-only transaction. */
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

/** Calls `next` with the page's data now and after every change to what it read; returns the unsubscribe. */
export function watchPageData(db: FactmarkDB, pageUrl: string, next: (data: PageData) => void): () => void {
  const subscription = liveQuery(pageDataQuery(db, pageUrl)).subscribe({ next, error: (e) => console.error('Factmark liveQuery', e) });
  return () => subscription.unsubscribe();
}
