/** The popup's UI, loaded by main.tsx while it looks up the page and reads its rows. */
import { render } from 'preact';
import { browserEnv } from '../../components/browser-env';
import { pageDataFromRows } from '../../components/page-data';
import { PopupApp } from '../../components/PopupApp';
import type { CurrentPage } from '../../utils/current-page';
import type { PageRows } from '../../utils/db/page-notes';
import { openDatabase } from '../../utils/db/schema';
import '../../components/theme.css';

export function startPopup({ url, tabId }: CurrentPage, rows: PageRows | undefined): void {
  const db = openDatabase();
  // With the rows at hand Dexie opens after the first paint (the live query); without them, now.
  if (!rows) db.open().catch(() => {});
  const initialPageData = url && rows ? { pageUrl: url, data: pageDataFromRows(rows) } : undefined;
  render(<PopupApp env={browserEnv(db)} pageUrl={url} tabId={tabId} initialPageData={initialPageData} />, document.getElementById('app')!);
}
