import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { currentPage, lookUpPage } from '../../utils/current-page';

describe('currentPage', () => {
  it('prefers the content script’s normalised URL for ?tabId=', async () => {
    const send = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue({ url: 'https://news.example/a' } as never);
    expect(await currentPage('?tabId=12')).toEqual({ tabId: 12, url: 'https://news.example/a' });
    expect(send).toHaveBeenCalledWith(12, { type: 'tab.pageUrl', payload: {} });
  });

  it('falls back to the tab URL without tracking parameters, and to nothing for non-web tabs', async () => {
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockRejectedValue(new Error('no receiver'));
    vi.spyOn(fakeBrowser.tabs, 'get').mockImplementation(async (id: number) =>
      id === 3 ? ({ id: 3, url: 'https://news.example/a?utm_source=x&id=2#top' } as never) : ({ id, url: 'chrome://newtab/' } as never),
    );
    expect(await currentPage('?tabId=3')).toEqual({ tabId: 3, url: 'https://news.example/a?id=2' });
    expect(await currentPage('?tabId=4')).toEqual({ tabId: 4 });
    expect(await currentPage('?tabId=abc')).toEqual({});
  });

  it('guesses the page from the tab alone while the content script answers', async () => {
    vi.spyOn(fakeBrowser.tabs, 'get').mockResolvedValue({ id: 5, url: 'https://news.example/a?utm_source=x' } as never);
    let reply!: (value: unknown) => void;
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockReturnValue(new Promise((resolve) => (reply = resolve)) as never);
    const lookup = lookUpPage('?tabId=5');
    expect(await lookup.guess).toEqual({ tabId: 5, url: 'https://news.example/a' });
    reply({ url: 'https://news.example/canonical' }); // the page names its canonical URL
    expect(await lookup.page).toEqual({ tabId: 5, url: 'https://news.example/canonical' });
  });

  it('looks up the active tab once, and asks its content script', async () => {
    const query = vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([{ id: 9, url: 'https://news.example/b#top' }] as never);
    const send = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue(undefined as never);
    const lookup = lookUpPage('');
    expect(await lookup.guess).toEqual({ tabId: 9, url: 'https://news.example/b' });
    expect(await lookup.page).toEqual({ tabId: 9, url: 'https://news.example/b' });
    expect(query).toHaveBeenCalledTimes(1);
    expect(send).toHaveBeenCalledWith(9, { type: 'tab.pageUrl', payload: {} });
  });
});
