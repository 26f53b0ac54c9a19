// @vitest-environment jsdom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { HoverCard } from '../../components/HoverCard';
import { installEnglishStrings, mount } from './render-helpers';

describe('HoverCard', () => {
  beforeEach(() => {
    installEnglishStrings();
    document.body.innerHTML = '';
  });

  it('shows claim kinds, normalised figures, checks, the verdict and the note as text', async () => {
    const onAddNote = vi.fn();
    const root = await mount(
      <HoverCard
        claim={{ kinds: ['statistic', 'comparison'], score: 0.91 }}
        figures={[{ start: 0, end: 6, text: '500만달러', kind: 'money', value: 5_000_000, unit: 'USD' }]}
        checks={['Is 60 petaFLOPS plausible for 100,000 H100s?']}
        note={{ verdict: 'false', comment: '<img src=x onerror="alert(1)">', sources: ['https://a.example/'], tags: [] }}
        locale="en"
        onAddNote={onAddNote}
        onClose={() => {}}
      />,
    );
    const text = root.textContent!;
    expect(text).toContain('check-worthiness 91/100');
    expect(text).toContain('statistic');
    expect(text).toContain('comparison');
    expect(root.querySelector('.fm-figures li')!.textContent).toBe('500만달러→USD 5,000,000');
    expect(text).toContain('Is 60 petaFLOPS plausible');
    expect(text).toContain('False');
    expect(text).toContain('<img src=x onerror="alert(1)">');
    expect(root.querySelector('img')).toBeNull();
    const button = [...root.querySelectorAll('button')].find((b) => b.textContent === 'Edit note')!;
    button.click();
    expect(onAddNote).toHaveBeenCalledOnce();
  });

  it('offers "Add fact-check note" when there is no note yet', async () => {
    const root = await mount(<HoverCard figures={[]} checks={[]} locale="en" onAddNote={() => {}} onClose={() => {}} />);
    expect([...root.querySelectorAll('button')].map((b) => b.textContent)).toContain('Add fact-check note');
  });
});
