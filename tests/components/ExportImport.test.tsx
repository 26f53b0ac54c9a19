// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { act } from 'preact/test-utils';
import { ExportImport, type OfferedFile } from '../../components/ExportImport';
import { importAnnotations } from '../../utils/db/repository';
import { parseImport } from '../../utils/formats/import';
import { exportWebAnnotation } from '../../utils/formats/web-annotation';
import { sampleAnnotations, samplePages, KO_PAGE } from '../utils/formats/sample-annotations';
import { click, installEnglishStrings, mount, testEnv, waitFor } from './render-helpers';

beforeEach(() => {
  installEnglishStrings();
  document.body.innerHTML = '';
});

async function chooseFile(container: HTMLElement, name: string, text: string) {
  const input = container.querySelector<HTMLInputElement>('[data-testid="import-file"]')!;
  const file = new File([text], name, { type: 'application/json' });
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  await act(() => void input.dispatchEvent(new Event('change', { bubbles: true })));
}

function select(container: HTMLElement, id: string, value: string) {
  const element = container.querySelector<HTMLSelectElement>(`#${id}`)!;
  element.value = value;
  return act(() => void element.dispatchEvent(new Event('change', { bubbles: true })));
}

describe('ExportImport', () => {
  it('exports the chosen scope and format under factmark-YYYY-MM-DD.<ext>', async () => {
    const { db, env } = testEnv();
    await importAnnotations(db, sampleAnnotations(), samplePages);
    const offered: OfferedFile[] = [];
    const container = await mount(
      <ExportImport db={db} transport={env.transport} pageUrl={KO_PAGE} offerFile={(f) => offered.push(f)} now={() => new Date(2025, 3, 9)} />,
    );
    await waitFor(() => container.querySelector('#export-scope option[value="page"]')?.textContent?.includes('(2)'));
    expect([...container.querySelectorAll('#export-scope option')].map((o) => o.textContent)).toEqual(['All notes (4)', 'This page (2)']);

    await click([...container.querySelectorAll('button')].find((b) => b.textContent === 'Export'));
    await waitFor(() => offered.length === 1);
    expect(offered[0].name).toBe('factmark-2025-04-09.jsonld');
    expect(parseImport(offered[0].text).annotations).toHaveLength(4);
    expect(container.querySelector('.export-import-status')?.textContent).toContain('Exported 4 notes to factmark-2025-04-09.jsonld');

    await select(container, 'export-scope', 'page');
    await select(container, 'export-format', 'csv');
    await click([...container.querySelectorAll('button')].find((b) => b.textContent === 'Export'));
    await waitFor(() => offered.length === 2);
    expect(offered[1].name).toBe('factmark-2025-04-09.csv');
    expect(offered[1].text.startsWith('\uFEFF')).toBe(true);
    expect(offered[1].text.trim().split('\r\n').filter((l) => l.startsWith('"')).length).toBeGreaterThanOrEqual(3);
  });

  it('offers the filtered list passed in', async () => {
    const { db, env } = testEnv();
    const offered: OfferedFile[] = [];
    const container = await mount(<ExportImport db={db} transport={env.transport} filtered={sampleAnnotations().slice(2)} offerFile={(f) => offered.push(f)} />);
    expect(container.querySelector<HTMLSelectElement>('#export-scope')!.value).toBe('filtered');
    await select(container, 'export-format', 'markdown');
    await click([...container.querySelectorAll('button')].find((b) => b.textContent === 'Export'));
    await waitFor(() => offered.length === 1);
    expect(offered[0].name).toMatch(/^factmark-\d{4}-\d{2}-\d{2}\.md$/);
    expect(offered[0].text).toContain('2 notes · 1 page');
  });

  it('imports a file through annotations.import and reports what changed', async () => {
    const { db, env, sent } = testEnv();
    const container = await mount(<ExportImport db={db} transport={env.transport} />);
    await chooseFile(container, 'notes.jsonld', exportWebAnnotation(sampleAnnotations(), { pages: samplePages }));
    await waitFor(() => container.querySelector('.export-import-status')?.textContent?.includes('Imported: 4 new'));
    expect(await db.annotations.count()).toBe(4);
    expect(sent.filter((m) => (m as { type: string }).type === 'annotations.import')).toHaveLength(1);

    await chooseFile(container, 'notes.jsonld', exportWebAnnotation(sampleAnnotations(), { pages: samplePages }));
    await waitFor(() => container.querySelector('.export-import-status')?.textContent?.includes('0 new, 0 updated, 4 already there'));
    expect(await db.annotations.count()).toBe(4);
  });

  it('shows where a bad file is wrong and writes nothing', async () => {
    const { db, env, sent } = testEnv();
    const container = await mount(<ExportImport db={db} transport={env.transport} />);
    const file = JSON.parse(exportWebAnnotation(sampleAnnotations(), {}));
    file.first.items[2].target.selector = 'oops';
    await chooseFile(container, 'bad.jsonld', JSON.stringify(file));
    const alert = await waitFor(() => container.querySelector('.export-import-error li')?.closest(".export-import-error"));
    expect(alert.textContent).toContain('This file was not imported. Nothing was changed.');
    expect(alert.textContent).toContain('first.items[2].target.selector: expected a selector object or an array of selectors');
    expect(sent).toHaveLength(0);
    expect(await db.annotations.count()).toBe(0);
  });
});
