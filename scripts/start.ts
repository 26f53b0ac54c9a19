/**
 * `npm start`: build the extension, start the local sync server, serve the
 * fixtures and open Chromium with Factmark on the Korean sample article.
 * With a display the window stays open; without one (or with --headless) it
 * runs headless, writes demo-output/{page,popup}.png and report.json, and exits.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildExtension, PROJECT_ROOT } from './lib/build-extension';
import { CHROMIUM_INSTALL_COMMAND, findChromium, launchWithExtension } from './lib/chromium';
import { serveDirectory } from './lib/static-server';
import { readExtensionTable, tabIdOf, waitForDetections } from './lib/extension-page';

const SAMPLE = 'news-ko-grok3.html';
const OUTPUT_DIR = join(PROJECT_ROOT, 'demo-output');

function log(message: string) {
  process.stdout.write(`factmark: ${message}\n`);
}

function ensureChromium(): string {
  const found = findChromium();
  if (found) return found;
  const isRoot = process.getuid?.() === 0;
  const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { encoding: 'utf8' }).status === 0;
  if (isRoot && hasApt) {
    log('Chromium not found: installing it with apt-get (chromium fonts-nanum)...');
    const update = spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    const install = spawnSync('apt-get', ['install', '-y', '-qq', 'chromium', 'fonts-nanum'], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    const installed = findChromium();
    if (update.status === 0 && install.status === 0 && installed) return installed;
  }
  process.stderr.write(`factmark: Chromium was not found. Install it, then run npm start again:\n  ${CHROMIUM_INSTALL_COMMAND}\n(or set CHROME_PATH to a Chromium or Chrome binary)\n`);
  process.exit(1);
}

interface SyncServerHandle {
  url: string;
  close(): Promise<void>;
}

/** The sync server is optional for the demo: the extension works fully offline. */
async function startLocalSyncServer(): Promise<SyncServerHandle | null> {
  const modulePath = join(PROJECT_ROOT, 'scripts', 'sync-server.ts');
  if (!existsSync(modulePath)) return null;
  try {
    const { startSyncServer } = (await import(modulePath)) as {
      startSyncServer: (o: { port: number; dataDir: string }) => Promise<SyncServerHandle>;
    };
    return await startSyncServer({ port: 5984, dataDir: join(PROJECT_ROOT, '.sync-data') });
  } catch (error) {
    log(`sync server not started (${(error as Error).message}); notes stay local.`);
    return null;
  }
}

async function main() {
  const args = new Set(process.argv.slice(2));
  const hasDisplay = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY) || process.platform === 'darwin';
  const headless = args.has('--headless') || !hasDisplay;

  ensureChromium();
  log('building the extension (.output/chrome-mv3)...');
  const extensionDir = await buildExtension(join(PROJECT_ROOT, '.output'), { quiet: true, env: { FACTMARK_DEMO_SYNC: '1' } });

  const sync = await startLocalSyncServer();
  if (sync) log(`sync server: ${sync.url}`);
  const fixtures = await serveDirectory(join(PROJECT_ROOT, 'tests', 'fixtures'));
  log(`fixtures: ${fixtures.url}`);

  const browser = await launchWithExtension({ extensionDir, headless, locale: 'ko', viewport: headless ? { width: 1280, height: 1000 } : null });
  const { context, extensionId } = browser;
  const cleanup = async () => {
    await browser.close().catch(() => {});
    await fixtures.close();
    await sync?.close();
  };
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(new URL(SAMPLE, fixtures.url).toString());
  log(`Chromium opened ${SAMPLE} with Factmark (extension id ${extensionId}).`);

  if (!headless) {
    log('Close the browser window to stop.');
    await new Promise<void>((resolve) => context.on('close', () => resolve()));
    await cleanup();
    return;
  }

  const report = await writeHeadlessReport(browser, page);
  await cleanup();
  log(`headless run: ${report.figures} figures, ${report.claims} claims (${report.checkworthy} check-worthy), ${report.checks} figure checks found and stored.`);
  log(`wrote demo-output/page.png, demo-output/popup.png and demo-output/report.json`);
}

async function writeHeadlessReport(browser: Awaited<ReturnType<typeof launchWithExtension>>, page: import('playwright-core').Page) {
  const { context, extensionId, serviceWorker } = browser;
  mkdirSync(OUTPUT_DIR, { recursive: true });
  const helper = await context.newPage();
  await helper.goto(`chrome-extension://${extensionId}/popup.html`);
  const detection = await waitForDetections(helper, page.url()).catch(async (error) => {
    await helper.close();
    throw error;
  });

  await page.bringToFront();
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(OUTPUT_DIR, 'page.png') });
  const tabId = await tabIdOf(serviceWorker, page);
  const popup = await context.newPage();
  await popup.setViewportSize({ width: 420, height: 700 });
  await popup.goto(`chrome-extension://${extensionId}/popup.html?tabId=${tabId}`);
  await popup.waitForTimeout(800);
  await popup.screenshot({ path: join(OUTPUT_DIR, 'popup.png'), fullPage: true });
  const syncStatus = await popup.evaluate(() => chrome.runtime.sendMessage({ type: 'sync.status', payload: {} }));
  const pages = await readExtensionTable(helper, 'pages');
  await helper.close();

  const report = {
    article: page.url(),
    generatedAt: new Date().toISOString(),
    page: pages.find((p) => p.url === page.url()) ?? null,
    figures: detection.figures,
    claims: detection.claims,
    checks: detection.checks,
    sync: syncStatus?.ok ? syncStatus.data : syncStatus,
  };
  writeFileSync(join(OUTPUT_DIR, 'report.json'), JSON.stringify(report, null, 2) + '\n');
  return {
    figures: detection.figures.length,
    claims: detection.claims.length,
    checkworthy: detection.claims.filter((c: { checkworthy: boolean }) => c.checkworthy).length,
    checks: detection.checks.length,
  };
}

main().catch((error) => {
  // The stack names the step that failed (a page that closed, a timeout), which the message alone does not.
  process.stderr.write(`factmark: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
