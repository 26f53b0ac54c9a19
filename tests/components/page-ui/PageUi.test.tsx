// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { act } from 'preact/test-utils';
import { mountPageUi, HOST_TAG } from '../../../components/page-ui/mount';
import { placePanel } from '../../../components/page-ui/PageUi';
import { installEnglishStrings } from '../render-helpers';

describe('page UI', () => {
  beforeEach(() => {
    installEnglishStrings();
    document.body.innerHTML = '<p>기사 본문</p>';
  });

  it('places panels below (or above) the anchor, inside the viewport', () => {
    const viewport = { width: 1000, height: 800 };
    expect(placePanel({ left: 100, top: 100, right: 200, bottom: 120 }, { width: 300, height: 200 }, viewport)).toEqual({ left: 100, top: 128 });
    expect(placePanel({ left: 100, top: 700, right: 200, bottom: 720 }, { width: 300, height: 200 }, viewport)).toEqual({ left: 100, top: 492 });
    expect(placePanel({ left: 900, top: 300, right: 950, bottom: 320 }, { width: 300, height: 40 }, viewport, 'above')).toEqual({ left: 692, top: 252 });
  });

  it('mounts outside <body> in a closed shadow root and survives a page removing it', async () => {
    const bodyText = document.body.textContent;
    const ui = mountPageUi(document);
    expect(ui.host.tagName.toLowerCase()).toBe(HOST_TAG);
    expect(ui.host.parentElement).toBe(document.documentElement);
    expect(ui.host.shadowRoot).toBeNull(); // closed
    expect(document.body.textContent).toBe(bodyText);
    await act(() => ui.update({ toolbar: { anchor: { left: 10, top: 100, right: 50, bottom: 120 }, props: { onHighlight: () => {}, onFactCheck: () => {} } } }));
    expect(ui.host.textContent).toBe(''); // nothing in the light DOM
    // A page script removing the host does not break us: it comes back on the next update.
    ui.host.remove();
    await act(() => ui.update({ announcement: 'Saved' }));
    expect(ui.host.isConnected).toBe(true);
    ui.destroy();
    expect(document.querySelector(HOST_TAG)).toBeNull();
  });
});
