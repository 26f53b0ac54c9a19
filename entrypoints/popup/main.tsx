import { render } from 'preact';
import { browserEnv } from '../../components/browser-env';
import { PopupApp } from '../../components/PopupApp';
import { currentPage } from '../../utils/current-page';
import { openDatabase } from '../../utils/db/schema';
import { isKoreanUi } from '../../utils/i18n';
import '../../components/theme.css';
import './style.css';

performance.mark('factmark:popup-script');
const db = openDatabase();
// Open IndexedDB while the current tab is being resolved, not after.
db.open().catch(() => {});
document.documentElement.lang = isKoreanUi() ? 'ko' : 'en';
document.title = 'Factmark';
const params = new URLSearchParams(location.search);
// Opened in a tab (`?tabId=N`, tests and keyboard users) the popup gets room to breathe.
if (params.has('tabId') || params.has('wide')) document.documentElement.classList.add('in-tab');

currentPage()
  .catch(() => ({ url: undefined, tabId: undefined }))
  .then(({ url, tabId }) => {
    performance.mark('factmark:popup-page-known');
    render(<PopupApp env={browserEnv(db)} pageUrl={url} tabId={tabId} />, document.getElementById('app')!);
  });
