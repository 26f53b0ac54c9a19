/**
 * Export and import end to end in Chromium with the built extension:
 * notes saved on the fact-check fixture (one through the popup's "This page
 * reviews N claims" → "Save as note", one through the protocol), exported from
 * the popup as W3C JSON-LD (a real download), the database cleared, the file
 * imported back through the popup, and the notes highlighted on the page again.
 * A malformed file shows where it is wrong and changes nothing.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSession, type Session } from './harness';

const FIXTURE = 'factcheck-claimreview.html';
const REVIEWED_CLAIM = '국내 데이터센터 전력 사용량이 10년 새 3배로 늘었다';
const OWN_QUOTE = '2023년 기준 데이터센터 전력 사용량 5,900GWh는 국내 전체 전력 판매량의 약 1.1%다';

async function noteHighlights(page: Page): Promise<Record<string, string[]>> {
  return page.evaluate(() => {
    const out: Record<string, string[]> = {};
    for (const [name, highlight] of (CSS as any).highlights as Map<string, Set<Range>>) {
      const key = name.replace(/^factmark-[a-z0-9]+-/, '');
      if (key.startsWith('note-')) out[key] = [...highlight].map((r) => r.toString());
    }
    return out;
  });
}

const liveNotes = async (session: Session) => (await session.readTable('annotations')).filter((a) => !a.deleted);
const comparable = (a: any) => ({ id: a.id, pageUrl: a.pageUrl, kind: a.kind, quote: a.quote, selectors: a.selectors, verdict: a.verdict, comment: a.comment, sources: a.sources, tags: a.tags, createdAt: a.createdAt });

describe('export and import in the browser', () => {
  let session: Session;
  beforeAll(async () => {
    session = await startSession();
  });
  afterAll(async () => session?.close());

  it('saves notes, exports them, clears the database, imports the file and the notes anchor again', async () => {
    const { page, tabId } = await session.openFixture(FIXTURE);
    const pageUrl = (await session.waitForDetections(page.url())).pageUrl as string;

    // 1. The popup lists the page's own ClaimReviews; save the first as a note.
    const popup = await session.openPopup(tabId);
    const reviews = popup.getByTestId('embedded-reviews');
    await expect.poll(() => reviews.locator('h2').textContent(), { timeout: 10_000 }).toMatch(/3/);
    await popup.screenshot({ path: session.screenshotPath('embedded-reviews-popup.png') });
    const firstReview = reviews.locator('li').first();
    await firstReview.getByRole('button').click();
    await expect.poll(async () => (await liveNotes(session)).length, { timeout: 5_000 }).toBe(1);
    await expect.poll(() => firstReview.getByRole('button').isDisabled()).toBe(true);

    // 2. A second note of the reader's own, through the protocol.
    const saved = await session.send({
      type: 'annotation.save',
      payload: {
        annotation: {
          pageUrl,
          kind: 'claim',
          quote: OWN_QUOTE,
          selectors: [{ type: 'TextQuoteSelector', exact: OWN_QUOTE, prefix: '베인 것으로 보인다. ', suffix: '. 10%라는 수치는' }],
          verdict: 'true',
          comment: '한전 전력통계월보와 일치: 5,900 / 546,000 ≈ 1.08%',
          sources: ['https://home.kepco.co.kr/'],
          tags: ['전력', '데이터센터'],
        },
      },
    });
    expect(saved.ok).toBe(true);
    await page.bringToFront();
    await expect.poll(() => noteHighlights(page), { timeout: 10_000 }).toEqual({ 'note-mostly-false': [REVIEWED_CLAIM], 'note-true': [OWN_QUOTE] });
    const before = (await liveNotes(session)).map(comparable).sort((a, b) => a.id.localeCompare(b.id));
    expect(before).toHaveLength(2);

    // 3. Export from the popup: a real download named factmark-YYYY-MM-DD.jsonld.
    await popup.bringToFront();
    await popup.locator('details.export-import-compact summary').click();
    await popup.locator('#export-format').selectOption('web-annotation');
    const downloading = popup.waitForEvent('download');
    await popup.getByRole('button', { name: /^Export$|^내보내기$/ }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^factmark-\d{4}-\d{2}-\d{2}\.jsonld$/);
    const exportedPath = session.screenshotPath(download.suggestedFilename());
    await download.saveAs(exportedPath);
    const exported = JSON.parse(readFileSync(exportedPath, 'utf8'));
    expect(exported.type).toBe('AnnotationCollection');
    expect(exported.total).toBe(2);

    // 4. Clear the database: the notes leave the page.
    const cleared = await session.send({ type: 'annotations.clear', payload: { confirm: true } });
    expect(cleared).toMatchObject({ ok: true, data: { removed: 2 } });
    expect(await liveNotes(session)).toHaveLength(0);
    await page.bringToFront();
    await expect.poll(() => noteHighlights(page), { timeout: 10_000 }).toEqual({});

    // 5. A malformed file: a clear error naming the entry and field, nothing written.
    await popup.bringToFront();
    const broken = structuredClone(exported);
    broken.first.items[1].target.selector = 7;
    const brokenPath = session.screenshotPath('broken-export.jsonld');
    writeFileSync(brokenPath, JSON.stringify(broken));
    await popup.getByTestId('import-file').setInputFiles(brokenPath);
    await expect.poll(() => popup.locator('.export-import-error').textContent(), { timeout: 10_000 }).toContain('first.items[1].target.selector');
    await popup.locator('.export-import').screenshot({ path: session.screenshotPath('import-error-popup.png') });
    expect(await liveNotes(session)).toHaveLength(0);

    // 6. Import the real export: both notes return, identical, and anchor on the page again.
    await popup.getByTestId('import-file').setInputFiles(exportedPath);
    await expect.poll(() => popup.locator('.export-import-status').textContent(), { timeout: 10_000 }).toMatch(/2/);
    await popup.locator('.export-import').screenshot({ path: session.screenshotPath('import-done-popup.png') });
    const after = (await liveNotes(session)).map(comparable).sort((a, b) => a.id.localeCompare(b.id));
    expect(after).toEqual(before);
    await page.bringToFront();
    await expect.poll(() => noteHighlights(page), { timeout: 10_000 }).toEqual({ 'note-mostly-false': [REVIEWED_CLAIM], 'note-true': [OWN_QUOTE] });
    await page.reload();
    await expect.poll(() => noteHighlights(page), { timeout: 15_000 }).toEqual({ 'note-mostly-false': [REVIEWED_CLAIM], 'note-true': [OWN_QUOTE] });
    // Neither imported note is listed as "not found on this page".
    expect((await session.readTable('anchorStatus')).filter((s) => s.orphan === 1)).toEqual([]);
    await page.screenshot({ path: session.screenshotPath('export-import-anchored.png') });

    // 7. Importing the same file again adds nothing.
    await popup.bringToFront();
    await popup.getByTestId('import-file').setInputFiles(exportedPath);
    await expect.poll(() => popup.locator('.export-import-status').textContent(), { timeout: 10_000 }).toMatch(/0\D+0\D+2/);
    expect(await liveNotes(session)).toHaveLength(2);
  });
});
