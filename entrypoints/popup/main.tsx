/**
 * The popup's entry: only what finds the page and reads its rows, and the theme's styles. The
 * UI (Preact and the components: ./app; Dexie only after the first paint) loads meanwhile, so
 * the tab lookup and the IndexedDB read overlap with fetching and evaluating it instead of
 * following it.
 */
import { lookUpPage } from '../../utils/current-page';
import { openExistingDatabase, type PageRows, readPageRows } from '../../utils/db/page-notes';
import { isKoreanUi } from '../../utils/i18n';
import themeCss from '../../components/theme.css?inline';

performance.mark('factmark:popup-script');
document.documentElement.lang = isKoreanUi() ? 'ko' : 'en';
document.title = 'Factmark';
// The theme inline, not a stylesheet that the UI's import would wait for (one request less).
const themeStyle = document.createElement('style');
themeStyle.textContent = themeCss;
document.head.append(themeStyle);
// Opened in a tab (`?tabId=N`, tests and keyboard users) the popup gets room to breathe.
const params = new URLSearchParams(location.search);
if (params.has('tabId') || params.has('wide')) document.documentElement.classList.add('in-tab');

/** Longest the first paint waits for the page's rows once the UI is ready; then it shows "Loading…". */
const ROWS_WAIT_MS = 300;

const app = import('./app');
const database = openExistingDatabase();
const lookup = lookUpPage();
const read = (url: string | undefined) => (url ? database.then((db) => (db ? readPageRows(db, url) : undefined)) : Promise.resolve(undefined));
// The tab's own URL is nearly always the page: read its rows while the content script confirms.
const guessed = lookup.guess.then(({ url }) => ({ url, rows: read(url) }));
const rows: Promise<PageRows | undefined> = lookup.page.then(async ({ url }) => {
  performance.mark('factmark:popup-page-known');
  const guess = await guessed;
  const found = await (guess.url === url ? guess.rows : read(url));
  if (found) performance.mark('factmark:popup-data');
  // Both reads have settled: the connection is not needed any more (Dexie takes over).
  void database.then((db) => db?.close());
  return found;
});

Promise.all([app, lookup.page]).then(async ([{ startPopup }, page]) => {
  const timeout = new Promise<undefined>((resolve) => setTimeout(resolve, ROWS_WAIT_MS));
  startPopup(page, await Promise.race([rows, timeout]));
});
