import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { extractArticle } from '../utils/detect/article';
import { scanText } from '../utils/detect/scan';
import { normalizePageUrl } from '../utils/db/page-url';
import { sendRequest } from '../utils/messages';
import { readEmbeddedClaimReviews } from '../utils/formats/embedded-claimreview';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  async main() {
    const article = extractArticle(document);
    const result = scanText(article.text);
    const canonical = document.querySelector<HTMLLinkElement>('link[rel="canonical"]')?.href;
    const url = normalizePageUrl(location.href, canonical);
    browser.runtime.onMessage.addListener((message: unknown) => {
      if ((message as { type?: string })?.type === 'tab.pageUrl') return Promise.resolve({ url });
      return undefined;
    });
    // Fact-checks the page publishes itself (schema.org ClaimReview), read only when the popup asks.
    browser.runtime.onMessage.addListener((message: unknown) =>
      (message as { type?: string })?.type === 'tab.embeddedReviews' ? Promise.resolve({ reviews: readEmbeddedClaimReviews(document) }) : undefined,
    );
    await sendRequest(browser.runtime, 'page.report', {
      page: { url, title: document.title, lang: result.lang },
      figures: result.figures,
      claims: result.claims,
      checks: result.checks,
    });
  },
});
