/**
 * Finding and launching Chromium with the built extension loaded. Shared by
 * `npm start`, the end-to-end tests and the in-browser benchmarks.
 */
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Worker } from 'playwright-core';

export const CHROMIUM_INSTALL_COMMAND = 'sudo apt-get install -y chromium fonts-nanum';

const CANDIDATES = [
  '/usr/lib/chromium/chromium', // Debian: the real binary behind the /usr/bin/chromium wrapper
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/snap/bin/chromium',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/opt/google/chrome/chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
];

export function findChromium(env: NodeJS.ProcessEnv = process.env): string | null {
  if (env.CHROME_PATH) return existsSync(env.CHROME_PATH) ? env.CHROME_PATH : null;
  return CANDIDATES.find((path) => existsSync(path)) ?? null;
}

export class ChromiumMissingError extends Error {
  constructor() {
    super(`Chromium was not found (looked at $CHROME_PATH and ${CANDIDATES.slice(0, 4).join(', ')}, …). Install it with:\n  ${CHROMIUM_INSTALL_COMMAND}`);
    this.name = 'ChromiumMissingError';
  }
}

export interface LaunchOptions {
  extensionDir: string;
  headless: boolean;
  userDataDir?: string;
  locale?: string; // e.g. 'ko' or 'en-US'
  colorScheme?: 'light' | 'dark';
  viewport?: { width: number; height: number } | null;
}

export interface LaunchedBrowser {
  context: BrowserContext;
  extensionId: string;
  serviceWorker: Worker;
  close(): Promise<void>;
}

export async function launchWithExtension(options: LaunchOptions): Promise<LaunchedBrowser> {
  const executablePath = findChromium();
  if (!executablePath) throw new ChromiumMissingError();
  const userDataDir = options.userDataDir ?? mkdtempSync(join(tmpdir(), 'factmark-profile-'));
  const args = [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    `--disable-extensions-except=${options.extensionDir}`,
    `--load-extension=${options.extensionDir}`,
  ];
  if (options.headless) args.unshift('--headless=new');
  if (options.locale) args.push(`--lang=${options.locale}`);
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    // Extensions need the new headless mode, which we pass ourselves.
    headless: false,
    args,
    locale: options.locale,
    colorScheme: options.colorScheme,
    viewport: options.viewport === undefined ? { width: 1280, height: 900 } : options.viewport,
    env: { ...process.env, LANGUAGE: options.locale ?? process.env.LANGUAGE ?? '' },
  });
  const serviceWorker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
  const extensionId = new URL(serviceWorker.url()).host;
  return { context, extensionId, serviceWorker, close: () => context.close() };
}
