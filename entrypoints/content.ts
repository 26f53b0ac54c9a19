import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { extractArticle } from '../utils/detect/article';
import { normalizePageUrl } from '../utils/db/page-url';
import { sendRequest } from '../utils/messages';
import { readEmbeddedClaimReviews } from '../utils/formats/embedded-claimreview';
import { PageSession } from '../utils/content/page-session';
import { mountPageUi } from '../components/page-ui/mount';
import { isKoreanUi, t, uiLanguage } from '../utils/i18n';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  async main(ctx) {
    const pageUrl = () => {
      const canonical = document.querySelector<HTMLLinkElement>('link[rel="canonical"]')?.href;
      return normalizePageUrl(location.href, canonical);
    };
    const session = new PageSession({
      doc: document,
      win: window,
      send: (type, payload) => sendRequest(browser.runtime, type, payload),
      pageUrl,
      extract: (doc) => extractArticle(doc),
      // Detection runs in the background worker: the page's main thread only extracts and paints.
      scan: (text, languages) =>
        sendRequest(browser.runtime, 'text.scan', { text, languages: [...languages], checkLanguage: isKoreanUi() ? 'ko' : 'en' }),
      mountUi: mountPageUi,
      locale: uiLanguage(),
      t,
    });
    // The WXT fake browser drops promise replies: answer through sendResponse.
    browser.runtime.onMessage.addListener((message: unknown, _sender, sendResponse: (reply: unknown) => void) => {
      // Fact-checks the page publishes itself (schema.org ClaimReview), read only when the popup asks.
      if ((message as { type?: string })?.type === 'tab.embeddedReviews') {
        sendResponse({ reviews: readEmbeddedClaimReviews(document) });
        return true;
      }
      const reply = session.handleMessage(message);
      if (!reply) return undefined;
      reply.then(sendResponse, (error: unknown) => sendResponse({ ok: false, error: String(error) }));
      return true;
    });
    // History navigation in single-page sites (WXT polls the URL; popstate is immediate).
    ctx.addEventListener(window, 'wxt:locationchange', () => session.navigated());
    ctx.addEventListener(window, 'popstate', () => session.navigated());
    ctx.onInvalidated(() => session.destroy());
    await session.start();
  },
});
