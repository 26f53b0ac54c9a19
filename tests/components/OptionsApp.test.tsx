// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { act } from 'preact/test-utils';
import { OptionsApp } from '../../components/OptionsApp';
import { siteKey } from '../../components/site-input';
import { readSettings } from '../../utils/background/settings';
import { saveAnnotation } from '../../utils/db/repository';
import { click, installEnglishStrings, mount, testEnv, waitFor } from './render-helpers';

beforeEach(() => {
  installEnglishStrings();
  document.body.innerHTML = '';
});

describe('siteKey', () => {
  it('turns what people type into a hostname key, refusing non-sites', () => {
    expect(siteKey('https://www.hani.co.kr/arti/1')).toBe('hani.co.kr');
    expect(siteKey(' News.Example.COM ')).toBe('news.example.com');
    expect(siteKey('localhost')).toBeNull();
    expect(siteKey('not a site')).toBeNull();
    expect(siteKey('')).toBeNull();
  });
});

describe('OptionsApp', () => {
  it('changes detection settings through settings.set and shows them back', async () => {
    const setup = testEnv();
    const root = await mount(<OptionsApp env={setup.env} />);
    const range = await waitFor(() => root.querySelector<HTMLInputElement>('#min-score'));
    expect(range.value).toBe('50');
    range.value = '70';
    await act(() => void range.dispatchEvent(new Event('change', { bubbles: true })));
    await waitFor(async () => (await readSettings(setup.db)).minScore === 0.7);
    await waitFor(() => root.querySelector('label[for="min-score"]')?.textContent === 'Minimum check-worthiness shown: 70');

    const english = [...root.querySelectorAll<HTMLLabelElement>('label.inline')].find((l) => l.textContent === 'English')!.querySelector('input')!;
    await click(english);
    await waitFor(async () => (await readSettings(setup.db)).languages.join() === 'ko');

    const input = root.querySelector<HTMLInputElement>('#site-input')!;
    input.value = 'https://www.hani.co.kr/arti/1';
    await act(() => void input.dispatchEvent(new Event('input', { bubbles: true })));
    await act(() => void root.querySelector('form.add-site')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true })));
    await waitFor(() => root.querySelector('.sites')?.textContent?.includes('hani.co.kr'));
    expect((await readSettings(setup.db)).disabledSites).toEqual(['hani.co.kr']);
    await click(root.querySelector('.sites button'));
    await waitFor(async () => (await readSettings(setup.db)).disabledSites.length === 0);
  });

  it('refuses a malformed site with a message and writes nothing', async () => {
    const setup = testEnv();
    const root = await mount(<OptionsApp env={setup.env} />);
    const input = await waitFor(() => root.querySelector<HTMLInputElement>('#site-input'));
    input.value = 'not a site';
    await act(() => void input.dispatchEvent(new Event('input', { bubbles: true })));
    await act(() => void root.querySelector('form.add-site')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true })));
    expect(root.querySelector('[role="alert"]')?.textContent).toContain('"not a site" is not a site name');
    expect(await setup.db.settings.count()).toBe(0);
  });

  it('deletes all notes only after a confirming second click', async () => {
    const setup = testEnv();
    await saveAnnotation(setup.db, { pageUrl: 'https://a.example/', kind: 'claim', quote: 'q', selectors: [], sources: [], tags: [] });
    const root = await mount(<OptionsApp env={setup.env} />);
    const first = await waitFor(() => [...root.querySelectorAll('button')].find((b) => b.textContent === 'Delete all notes…'));
    await click(first);
    expect((await setup.db.annotations.toArray())[0]?.deleted).toBeUndefined();
    await click([...root.querySelectorAll('button')].find((b) => b.textContent === 'Yes, delete all notes'));
    await waitFor(() => root.querySelector('[role="status"]')?.textContent === 'Notes deleted: 1.');
    expect((await setup.db.annotations.toArray())[0]?.deleted).toBe(true);
  });
});
