/**
 * End-to-end harness: Chromium with the built extension, the fixtures served on
 * 127.0.0.1, and helpers to open a fixture, open the popup for its tab, send
 * protocol messages from an extension page and read the database.
 *
 *   const session = await startSession();           // { locale: 'ko', colorScheme: 'dark' } optional
 *   const { page, tabId } = await session.openFixture('news-ko-grok3.html');
 *   await session.waitForDetections(page.url());
 *   const popup = await session.openPopup(tabId);
 *   await session.close();
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page, Worker } from 'playwright-core';
import { inject } from 'vitest';
import { launchWithExtension, type LaunchOptions } from '../../scripts/lib/chromium';
import { PROJECT_ROOT } from '../../scripts/lib/build-extension';
import { serveDirectory, type StaticServer } from '../../scripts/lib/static-server';
import { readExtensionTable, tabIdOf, waitForDetections } from '../../scripts/lib/extension-page';

export const FIXTURES_DIR = join(PROJECT_ROOT, 'tests', 'fixtures');
export const TEST_OUTPUT_DIR = join(PROJECT_ROOT, 'test-output');

export interface Session {
  context: BrowserContext;
  extensionId: string;
  serviceWorker: Worker;
  fixtures: StaticServer;
  fixtureUrl(name: string): string;
  openFixture(name: string): Promise<{ page: Page; tabId: number }>;
  tabIdOf(page: Page): Promise<number>;
  /** Opens popup.html (or another extension page) in a tab, bound to `tabId` like a real popup. */
  openPopup(tabId?: number, path?: string): Promise<Page>;
  /** An extension page kept open for messages and database reads. */
  extensionPage(): Promise<Page>;
  /** Sends a protocol request from an extension page; resolves to the raw reply envelope. */
  send(message: unknown): Promise<any>;
  /** Reads every row of a Dexie table through raw IndexedDB in an extension page. */
  readTable<T = any>(table: string): Promise<T[]>;
  /** Waits until the background has stored detections for this (normalised) page URL. */
  waitForDetections(pageUrl: string, timeoutMs?: number): Promise<any>;
  screenshotPath(name: string): string;
  close(): Promise<void>;
}

export async function startSession(options: Partial<Omit<LaunchOptions, 'extensionDir'>> & { extensionDir?: string } = {}): Promise<Session> {
  const extensionDir = options.extensionDir ?? inject('extensionDir');
  const browser = await launchWithExtension({ headless: true, ...options, extensionDir });
  const fixtures = await serveDirectory(FIXTURES_DIR);
  const { context, extensionId, serviceWorker } = browser;
  let helperPage: Page | undefined;

  const session: Session = {
    context,
    extensionId,
    serviceWorker,
    fixtures,
    fixtureUrl: (name) => new URL(name, fixtures.url).toString(),
    async openFixture(name) {
      const page = await context.newPage();
      await page.goto(session.fixtureUrl(name));
      return { page, tabId: await session.tabIdOf(page) };
    },
    tabIdOf: (page) => tabIdOf(serviceWorker, page),
    async openPopup(tabId, path = 'popup.html') {
      const page = await context.newPage();
      const query = tabId === undefined ? '' : `?tabId=${tabId}`;
      await page.goto(`chrome-extension://${extensionId}/${path}${query}`);
      return page;
    },
    async extensionPage() {
      if (!helperPage || helperPage.isClosed()) {
        helperPage = await context.newPage();
        await helperPage.goto(`chrome-extension://${extensionId}/popup.html`);
      }
      return helperPage;
    },
    async send(message) {
      const page = await session.extensionPage();
      return page.evaluate((m) => chrome.runtime.sendMessage(m), message);
    },
    async readTable(table) {
      return readExtensionTable(await session.extensionPage(), table);
    },
    async waitForDetections(pageUrl, timeoutMs) {
      return waitForDetections(await session.extensionPage(), pageUrl, timeoutMs);
    },
    screenshotPath(name) {
      mkdirSync(TEST_OUTPUT_DIR, { recursive: true });
      return join(TEST_OUTPUT_DIR, name);
    },
    async close() {
      await browser.close().catch(() => {});
      await fixtures.close();
    },
  };
  return session;
}
