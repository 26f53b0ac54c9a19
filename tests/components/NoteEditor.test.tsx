// @vitest-environment jsdom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { act } from 'preact/test-utils';
import { NoteEditor } from '../../components/NoteEditor';
import { VERDICTS } from '../../utils/annotation';
import { installEnglishStrings, mount } from './render-helpers';

const press = (target: Element, key: string, init: KeyboardEventInit = {}) =>
  act(() => {
    target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...init }));
  });

const type = (element: HTMLInputElement | HTMLTextAreaElement, value: string) =>
  act(() => {
    element.value = value;
    element.dispatchEvent(new Event('input', { bubbles: true }));
  });

describe('NoteEditor', () => {
  beforeEach(() => {
    installEnglishStrings();
    document.body.innerHTML = '';
  });

  it('is a labelled modal dialog with every verdict in both languages, focus inside', async () => {
    const root = await mount(<NoteEditor quote="10만개" onSave={async () => {}} onCancel={() => {}} />);
    const dialog = root.querySelector('[role="dialog"]')!;
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(root.querySelector(`#${dialog.getAttribute('aria-labelledby')}`)!.textContent).toBe('New fact-check note');
    const labels = [...root.querySelectorAll('.fm-radios label')].map((l) => l.textContent);
    expect(labels).toHaveLength(VERDICTS.length + 1);
    for (const v of VERDICTS) expect(labels).toContain(`${v.en} · ${v.ko}`);
    expect(document.activeElement).toBe(root.querySelector('input[type="radio"][value=""]'));
  });

  it('refuses sources that are not web links, then saves the parsed draft', async () => {
    const onSave = vi.fn(async () => {});
    const root = await mount(<NoteEditor quote="q" onSave={onSave} onCancel={() => {}} />);
    await act(() => (root.querySelector('input[value="mostly-false"]') as HTMLInputElement).click());
    await type(root.querySelector('#fm-comment')!, '  출처 확인 필요  ');
    await type(root.querySelector('#fm-sources')!, 'https://example.com/a\njavascript:alert(1)');
    await type(root.querySelector('#fm-tags')!, 'GPU, #gpu, 연산량');
    await act(() => void root.querySelector('form')!.dispatchEvent(new Event('submit', { cancelable: true })));
    expect(onSave).not.toHaveBeenCalled();
    expect(root.querySelector('[role="alert"]')!.textContent).toContain('javascript:alert(1)');
    expect(root.querySelector('#fm-sources')!.getAttribute('aria-invalid')).toBe('true');

    await type(root.querySelector('#fm-sources')!, 'https://example.com/a https://example.org/b');
    await act(() => void root.querySelector('form')!.dispatchEvent(new Event('submit', { cancelable: true })));
    expect(onSave).toHaveBeenCalledWith({
      verdict: 'mostly-false',
      comment: '출처 확인 필요',
      sources: ['https://example.com/a', 'https://example.org/b'],
      tags: ['GPU', '연산량'],
    });
  });

  it('keeps what was typed and says why when saving fails', async () => {
    const root = await mount(<NoteEditor quote="q" onSave={async () => Promise.reject(new Error('Browser storage is full'))} onCancel={() => {}} />);
    await type(root.querySelector('#fm-comment')!, '메모');
    await act(() => void root.querySelector('form')!.dispatchEvent(new Event('submit', { cancelable: true })));
    await act(() => new Promise((r) => setTimeout(r, 0)));
    expect(root.querySelector('[role="status"]')!.textContent).toContain('Browser storage is full');
    expect((root.querySelector('#fm-comment') as HTMLTextAreaElement).value).toBe('메모');
  });

  it('closes on Esc and traps Tab inside', async () => {
    const onCancel = vi.fn();
    const root = await mount(<NoteEditor quote="q" initial={{ verdict: 'true' }} onSave={async () => {}} onCancel={onCancel} />);
    const dialog = root.querySelector('[role="dialog"]')!;
    expect(document.activeElement).toBe(root.querySelector('input[value="true"]'));
    const save = root.querySelector('button[type="submit"]') as HTMLButtonElement;
    save.focus();
    await press(save, 'Tab');
    expect(document.activeElement).toBe(root.querySelector('input[value="true"]'));
    await press(document.activeElement!, 'Tab', { shiftKey: true });
    expect(document.activeElement).toBe(save);
    await press(dialog, 'Escape');
    expect(onCancel).toHaveBeenCalledOnce();
  });
});
