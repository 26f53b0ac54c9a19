// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { pageDataFromRows } from '../../components/page-data';
import { PopupApp } from '../../components/PopupApp';
import { openExistingDatabase, readPageRows } from '../../utils/db/page-notes';
import type { Annotation } from '../../utils/annotation';
import { importAnnotations, reportAnchors, saveAnnotation } from '../../utils/db/repository';
import { dispatch } from '../../utils/messages';
import { click, installEnglishStrings, key, mount, testEnv, waitFor } from './render-helpers';

const PAGE = 'https://news.example.kr/grok3';
const TEXT = '그록3는 엔비디아 H100 GPU 10만개로 훈련했다. 투자액은 500만달러였다. 성능은 60페타플롭스다.';

async function seedPage(setup: ReturnType<typeof testEnv>) {
  const reply = await dispatch(
    setup.handlers,
    {
      type: 'page.report',
      payload: {
        page: { url: PAGE, title: '그록3 발표', lang: 'ko' },
        figures: [
          { start: 20, end: 25, text: '10만개', kind: 'count', value: 100000, unit: null, counter: '개' },
          { start: 38, end: 44, text: '500만달러', kind: 'money', value: 5e6, unit: 'USD' },
          { start: 53, end: 60, text: '60페타플롭스', kind: 'quantity', value: 6e16, unit: 'FLOP/s' },
        ],
        claims: [
          { start: 0, end: 30, text: TEXT.slice(0, 30), score: 0.55, checkworthy: true, kinds: ['statistic'] },
          { start: 31, end: 49, text: '투자액은 500만달러였다.', score: 0.91, checkworthy: true, kinds: ['statistic'] },
          { start: 50, end: 62, text: '성능은 60페타플롭스다.', score: 0.2, checkworthy: false, kinds: ['statistic'] },
        ],
        checks: [{ kind: 'conversion', message: 'Is 60 petaFLOPS plausible for 100,000 H100s?', figures: [0, 2] }],
      },
    },
    'page',
    7,
  );
  expect(reply.ok).toBe(true);
}

beforeEach(() => {
  installEnglishStrings();
  document.body.innerHTML = '';
});

describe('PopupApp — This page', () => {
  it('ranks claims above the minimum score, normalises figures, lists checks, notes and orphans', async () => {
    const setup = testEnv();
    await seedPage(setup);
    const placed = await saveAnnotation(setup.db, { pageUrl: PAGE, kind: 'highlight', quote: '엔비디아 H100', selectors: [], sources: [], tags: ['AI'] });
    const orphan = await saveAnnotation(setup.db, { pageUrl: PAGE, kind: 'claim', quote: '사라진 문장', selectors: [], sources: [], tags: [] });
    await reportAnchors(setup.db, PAGE, { orphans: [orphan.id], anchored: [placed.id] });

    const root = await mount(<PopupApp env={setup.env} pageUrl={PAGE} tabId={7} />);
    await waitFor(() => root.querySelector('[data-rendered="this-page"]'));

    const claims = [...root.querySelectorAll('.claim .claim-text')].map((el) => el.textContent);
    expect(claims).toEqual(['투자액은 500만달러였다.', TEXT.slice(0, 30)]); // 0.2 < minScore 0.5 is hidden
    expect(root.textContent).toContain('1 more below your minimum score (50).');
    expect(root.querySelector('.claim .figure-normalised')?.textContent).toBe('USD 5,000,000');
    expect([...root.querySelectorAll('.figure-normalised')].map((el) => el.textContent)).toContain('6×10¹⁶ FLOP/s');
    expect(root.querySelector('.check-message')?.textContent).toContain('60 petaFLOPS');

    const notes = root.querySelector('[aria-labelledby="notes-heading"]')!;
    expect(notes.querySelectorAll('.note')).toHaveLength(1);
    const orphans = root.querySelector('[aria-labelledby="orphans-heading"]')!;
    expect(orphans.textContent).toContain('Not found on this page');
    expect(orphans.textContent).toContain('사라진 문장');
  });

  it('one-click verdict writes through the background and the view follows the database', async () => {
    const setup = testEnv();
    await seedPage(setup);
    const note = await saveAnnotation(setup.db, { pageUrl: PAGE, kind: 'claim', quote: '엔비디아 H100', selectors: [], sources: [], tags: [] });
    const root = await mount(<PopupApp env={setup.env} pageUrl={PAGE} tabId={7} />);
    const button = await waitFor(() => root.querySelector<HTMLButtonElement>('.note .verdict-false'));
    expect(button.getAttribute('aria-pressed')).toBe('false');
    await click(button);
    await waitFor(async () => (await setup.db.annotations.get(note.id))?.verdict === 'false');
    expect((await setup.db.annotations.get(note.id))?.verdict).toBe('false');
    await waitFor(() => root.querySelector('.note .verdict-false')?.getAttribute('aria-pressed') === 'true');
    expect(root.querySelector('[role="status"]')?.textContent).toBe('Verdict set: False');
    // Pressing it again clears the verdict.
    await click(root.querySelector('.note .verdict-false'));
    await waitFor(() => root.querySelector('.note .verdict-false')?.getAttribute('aria-pressed') === 'false');
    expect((await setup.db.annotations.get(note.id))?.verdict).toBeUndefined();
  });

  it('clicking a note or a claim scrolls the tab; "Make a note" saves a claim note once', async () => {
    const setup = testEnv();
    await seedPage(setup);
    const note = await saveAnnotation(setup.db, { pageUrl: PAGE, kind: 'claim', quote: '엔비디아 H100', selectors: [], sources: [], tags: [] });
    const root = await mount(<PopupApp env={setup.env} pageUrl={PAGE} tabId={7} />);
    await click(await waitFor(() => root.querySelector('.note .quote')));
    expect(setup.env.sendToTab).toHaveBeenCalledWith(7, { type: 'tab.scrollTo', payload: { annotationId: note.id } });
    await click(root.querySelector('.claim .claim-text'));
    expect(setup.env.sendToTab).toHaveBeenLastCalledWith(7, { type: 'tab.scrollTo', payload: { start: 31, end: 49 } });

    const make = root.querySelector<HTMLButtonElement>('.claim button.secondary')!;
    expect(make.textContent).toBe('Make a note');
    await click(make);
    await waitFor(() => root.querySelectorAll('.note').length === 2);
    const saved = (await setup.db.annotations.toArray()).find((a) => a.quote === '투자액은 500만달러였다.')!;
    expect(saved.kind).toBe('claim');
    expect(saved.selectors).toContainEqual({ type: 'TextPositionSelector', start: 31, end: 49 });
    expect(saved.figures?.[0]?.text).toBe('500만달러');
    await waitFor(() => root.querySelector<HTMLButtonElement>('.claim button.secondary')?.disabled);
    expect(root.querySelector('.claim button.secondary')?.textContent).toBe('Noted');
  });

  it('a check becomes a note on its sentence with the question as comment', async () => {
    const setup = testEnv();
    await seedPage(setup);
    const root = await mount(<PopupApp env={setup.env} pageUrl={PAGE} tabId={7} />);
    await click(await waitFor(() => root.querySelector('.check button.secondary')));
    await waitFor(() => root.querySelectorAll('.note').length === 1);
    const [saved] = await setup.db.annotations.toArray();
    expect(saved).toMatchObject({ kind: 'figure', quote: TEXT.slice(0, 30), comment: 'Is 60 petaFLOPS plausible for 100,000 H100s?' });
    expect(saved!.figures?.map((f) => f.text)).toEqual(['10만개', '60페타플롭스']);
  });

  it('shows a clear error when the background refuses a write', async () => {
    const setup = testEnv();
    await seedPage(setup);
    const note = await saveAnnotation(setup.db, { pageUrl: PAGE, kind: 'claim', quote: 'x', selectors: [], sources: [], tags: [] });
    const root = await mount(<PopupApp env={setup.env} pageUrl={PAGE} tabId={7} />);
    const button = await waitFor(() => root.querySelector<HTMLButtonElement>('.note .verdict-true'));
    await setup.db.annotations.update(note.id, { deleted: true }); // deleted elsewhere meanwhile
    await click(button);
    const alert = await waitFor(() => root.querySelector('[role="alert"] span'));
    expect(alert.textContent).toMatch(/^Not saved: No note with id/);
  });

  it('says so when the tab is not a web page, and starts on All notes', async () => {
    const setup = testEnv();
    const root = await mount(<PopupApp env={setup.env} />);
    const selected = root.querySelector('[role="tab"][aria-selected="true"]');
    expect(selected?.textContent).toBe('All notes');
    await waitFor(() => root.textContent?.includes('No notes yet'));
  });
});

describe('PopupApp — first paint', () => {
  it('paints a screenful of the page from rows read before it, then every item, then follows the database', async () => {
    const setup = testEnv();
    await seedPage(setup);
    for (let i = 0; i < 7; i++) {
      await saveAnnotation(setup.db, { pageUrl: PAGE, kind: 'highlight', quote: `메모 ${i}`, selectors: [], sources: [], tags: [] });
    }
    const raw = await openExistingDatabase(setup.db.name);
    const rows = await readPageRows(raw!, PAGE);
    raw!.close();
    const container = document.createElement('div');
    document.body.append(container);
    // No act(): what the first synchronous render puts in the DOM, before any effect or live query ran.
    render(<PopupApp env={setup.env} pageUrl={PAGE} tabId={7} initialPageData={{ pageUrl: PAGE, data: pageDataFromRows(rows!) }} />, container);
    expect(container.querySelector('.loading')).toBeNull();
    expect(container.querySelector('#notes-heading .count')?.textContent).toBe('7');
    expect(container.querySelectorAll('.note')).toHaveLength(5); // the first screenful
    expect(container.querySelectorAll('.claim')).toHaveLength(0);
    expect(container.querySelector('[data-rendered="this-page"]')).toBeNull();

    await waitFor(() => container.querySelector('[data-rendered="this-page"]'));
    expect(container.querySelectorAll('.note')).toHaveLength(7);
    expect(container.querySelectorAll('.claim')).toHaveLength(2);
    // The live query took over from the rows read before the first paint.
    await saveAnnotation(setup.db, { pageUrl: PAGE, kind: 'claim', quote: '새 메모', selectors: [], sources: [], tags: [] });
    await waitFor(() => container.querySelectorAll('.note').length === 8);
    await act(() => render(null, container));
  });

  it('ignores rows read for another page', async () => {
    const setup = testEnv();
    await seedPage(setup);
    await saveAnnotation(setup.db, { pageUrl: PAGE, kind: 'highlight', quote: '이 페이지', selectors: [], sources: [], tags: [] });
    const other = { pageUrl: 'https://news.example.kr/other', data: { notes: [], orphanIds: new Set<string>(), settings: { disabledSites: [], minScore: 0.5, languages: ['ko'], highlightDetections: true } } };
    const container = document.createElement('div');
    document.body.append(container);
    render(<PopupApp env={setup.env} pageUrl={PAGE} tabId={7} initialPageData={other} />, container);
    expect(container.querySelector('.loading')).not.toBeNull();
    await waitFor(() => container.querySelector('[data-rendered="this-page"]'));
    expect([...container.querySelectorAll('.note .quote')].map((q) => q.textContent)).toEqual(['이 페이지']);
    await act(() => render(null, container));
  });
});

describe('PopupApp — keyboard and long pages', () => {
  it('moves between notes with arrows (one item in the Tab order) and shows the rest on request', async () => {
    const setup = testEnv();
    await seedPage(setup);
    for (let i = 0; i < 17; i++) {
      await saveAnnotation(setup.db, { pageUrl: PAGE, kind: 'highlight', quote: `메모 ${i}`, selectors: [], sources: [], tags: [] });
    }
    const root = await mount(<PopupApp env={setup.env} pageUrl={PAGE} tabId={7} />);
    const notesList = await waitFor(() => root.querySelector('[aria-labelledby="notes-heading"] ul'));
    const items = () => [...notesList.querySelectorAll<HTMLElement>(':scope > [data-roving-item]')];
    expect(items()).toHaveLength(15);
    expect(items().map((item) => item.tabIndex)).toEqual([0, ...Array(14).fill(-1)]);

    await act(() => items()[0]!.focus());
    await key(items()[0]!, 'ArrowDown');
    expect(document.activeElement).toBe(items()[1]);
    expect(items()[1]!.tabIndex).toBe(0);
    expect(items()[0]!.tabIndex).toBe(-1);
    await key(items()[1]!, 'End');
    expect(document.activeElement).toBe(items()[14]);
    await key(items()[14]!, 'Enter');
    expect(setup.env.sendToTab).toHaveBeenLastCalledWith(7, { type: 'tab.scrollTo', payload: { annotationId: items()[14]!.dataset.noteId } });

    const more = [...root.querySelectorAll('button')].find((b) => b.textContent === 'Show 2 more')!;
    await click(more);
    expect(items()).toHaveLength(17);
  });
});

function bulkNotes(count: number): Annotation[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `bulk-${String(i).padStart(5, '0')}`,
    pageUrl: `https://site${i % 5}.example/${i}`,
    kind: 'claim' as const,
    quote: i === 1234 ? '차세대 슈퍼컴퓨터는 2엑사플롭스급' : `Claim number ${i} about ${i % 2 ? 'energy' : '반도체'}`,
    selectors: [],
    sources: [],
    tags: i % 3 === 0 ? ['tri'] : [],
    ...(i % 4 === 0 ? { verdict: 'false' as const } : {}),
    createdAt: new Date(Date.UTC(2025, 0, 1) + i * 60_000).toISOString(),
    updatedAt: new Date(Date.UTC(2025, 0, 1) + i * 60_000).toISOString(),
  }));
}

describe('PopupApp — All notes', () => {
  it('windows 3,000 notes, searches Korean substrings, filters and moves by keyboard', async () => {
    const setup = testEnv();
    await importAnnotations(setup.db, bulkNotes(3000));
    const root = await mount(<PopupApp env={setup.env} pageUrl={PAGE} tabId={7} listHeight={336} />);
    const tabs = [...root.querySelectorAll<HTMLButtonElement>('[role="tab"]')];
    await act(() => tabs[0]!.focus());
    await key(tabs[0]!, 'ArrowRight');
    expect(tabs[1]!.getAttribute('aria-selected')).toBe('true');
    expect(document.activeElement).toBe(tabs[1]);
    expect(root.querySelector('#panel-all')?.hasAttribute('hidden')).toBe(false);

    // The newest notes show first from a quick read; the count appears once all are indexed.
    await waitFor(() => root.querySelector('.result-count')?.textContent === '3,000 notes');
    const list = await waitFor(() => root.querySelector('[data-testid="all-notes"]'));
    const rows = list.querySelectorAll('[role="listitem"]');
    expect(rows.length).toBeGreaterThan(3);
    expect(rows.length).toBeLessThan(20); // 3,000 notes, a window of rows
    expect(rows[0]!.getAttribute('aria-setsize')).toBe('3000');
    expect(rows[0]!.querySelector('.quote')?.textContent).toBe('Claim number 2999 about energy'); // newest edit first

    // Keyboard: End jumps to the last note, which is rendered and focused.
    await act(() => (rows[0] as HTMLElement).focus());
    await key(rows[0]!, 'ArrowDown');
    expect(document.activeElement?.getAttribute('aria-posinset')).toBe('2');
    await key(document.activeElement!, 'End');
    expect(document.activeElement?.getAttribute('aria-posinset')).toBe('3000');
    await key(document.activeElement!, 'Enter');
    expect(setup.env.openUrl).toHaveBeenCalledWith('https://site0.example/0');

    const search = root.querySelector<HTMLInputElement>('input[type="search"]')!;
    search.value = '엑사';
    await act(() => void search.dispatchEvent(new Event('input', { bubbles: true })));
    await waitFor(() => root.querySelectorAll('[data-testid="all-notes"] [role="listitem"]').length === 1);
    expect(root.querySelector('.result-count')?.textContent).toBe('1 of 3,000 notes');

    search.value = '반도체';
    await act(() => void search.dispatchEvent(new Event('input', { bubbles: true })));
    const verdict = root.querySelector<HTMLSelectElement>('.filter-row select')!;
    verdict.value = 'false';
    await act(() => void verdict.dispatchEvent(new Event('change', { bubbles: true })));
    await waitFor(() => root.querySelector('.result-count')?.textContent === '750 of 3,000 notes');

    search.value = 'nothing-like-this';
    await act(() => void search.dispatchEvent(new Event('input', { bubbles: true })));
    await waitFor(() => root.textContent?.includes('No notes match this search.'));
    await click([...root.querySelectorAll('button')].find((b) => b.textContent === 'Clear filters' && b.classList.contains('secondary')));
    await waitFor(() => root.querySelector('.result-count')?.textContent === '3,000 notes');
  });

  it('verdict squares in a row write through the background', async () => {
    const setup = testEnv();
    await importAnnotations(setup.db, bulkNotes(5));
    const root = await mount(<PopupApp env={setup.env} initialTab="all" />);
    const square = await waitFor(() => root.querySelector<HTMLButtonElement>('[data-note-id="bulk-00004"] .verdict-half-true'));
    expect(square.getAttribute('aria-label')).toBe('Half true');
    await click(square);
    await waitFor(async () => (await setup.db.annotations.get('bulk-00004'))?.verdict === 'half-true');
    await waitFor(() => root.querySelector('[data-note-id="bulk-00004"] .verdict-half-true')?.getAttribute('aria-pressed') === 'true');
  });
});
