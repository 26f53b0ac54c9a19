/** The popup's UI, loaded by main.tsx while it looks up the page and reads its rows. */
import { render } from 'preact';
import { browserShellEnv } from '../../components/browser-env';
import { pageDataFromRows } from '../../components/page-data';
import { PopupApp } from '../../components/PopupApp';
import type { CurrentPage } from '../../utils/current-page';
import type { PageRows } from '../../utils/db/page-notes';
import type { FactmarkDB } from '../../utils/db/schema';

export function startPopup({ url, tabId }: CurrentPage, rows: PageRows | undefined): void {
  const root = document.getElementById('app')!;
  const initialPageData = url && rows ? { pageUrl: url, data: pageDataFromRows(rows) } : undefined;
  const shell = browserShellEnv();
  const show = (db?: FactmarkDB) => render(<PopupApp env={{ ...shell, db }} pageUrl={url} tabId={tabId} initialPageData={initialPageData} />, root);
  const loadDatabase = () =>
    import('../../utils/db/schema')
      .then(({ openDatabase }) => {
        const db = openDatabase();
        // With the rows at hand Dexie opens with the live query; without them, now.
        if (!initialPageData) db.open().catch(() => {});
        show(db);
      })
      .catch((error) => console.error('Factmark: the database module failed to load', error));
  // The first paint needs no Dexie (~100 KB to evaluate): with the page's rows at hand it is
  // loaded after that paint (then the live query takes over); without them, at once.
  show();
  if (initialPageData) requestAnimationFrame(() => setTimeout(loadDatabase));
  else void loadDatabase();
}
