import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSession, type Session } from './harness';

describe('the extension runs end to end in Chromium', () => {
  let session: Session;
  beforeAll(async () => {
    session = await startSession();
  });
  afterAll(async () => session?.close());

  it('content script scans the Korean fixture, the background stores it, the popup shows it', async () => {
    const { page, tabId } = await session.openFixture('news-ko-grok3.html');
    const stored = await session.waitForDetections(page.url());
    const figureTexts: string[] = stored.figures.map((f: { text: string }) => f.text);
    expect(figureTexts.some((text) => text.includes('10만개'))).toBe(true);
    expect(figureTexts.some((text) => text.includes('500만달러'))).toBe(true);

    const pages = await session.readTable('pages');
    expect(pages.map((p) => p.url)).toContain(page.url());

    const popup = await session.openPopup(tabId);
    await expect.poll(() => popup.getByText('10만개').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await popup.screenshot({ path: session.screenshotPath('foundation-popup.png') });
  });

  it('a malformed message gets a clear error and changes nothing', async () => {
    const before = await session.readTable('annotations');
    const replies = [
      await session.send({ type: 'annotation.save', payload: { annotation: { quote: 42 } } }),
      await session.send({ type: 'no.such.message', payload: {} }),
      await session.send('just a string'),
    ];
    for (const reply of replies) {
      expect(reply.ok).toBe(false);
      expect(reply.error.message.length).toBeGreaterThan(10);
    }
    expect(replies.map((r) => r.error.code)).toEqual(['invalid', 'unknown-type', 'invalid']);
    expect(await session.readTable('annotations')).toEqual(before);
  });
});
