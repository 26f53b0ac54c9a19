/**
 * The fact-check note editor: verdict (the shared VERDICTS scale, labelled in
 * the UI language with the other language beside it), comment, sources (URLs,
 * validated) and tags. A modal dialog: focus starts inside, Tab is trapped,
 * Esc cancels. The caller restores focus when it unmounts the editor.
 *
 * Props are plain values and callbacks, so any context (the page, the popup)
 * can host it: `onSave` returns a promise; a rejection is shown in the dialog
 * and nothing typed is lost.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { VERDICTS, type Verdict } from '../utils/annotation';
import { isKoreanUi, t } from '../utils/i18n';
import { type NoteDraft, parseSources, parseTags } from './page-ui/note-draft';

export type { NoteDraft } from './page-ui/note-draft';

export interface NoteEditorProps {
  /** The quoted text the note is about (shown as text). */
  quote: string;
  initial?: Partial<NoteDraft>;
  /** True when editing an existing note (changes the title). */
  editing?: boolean;
  onSave: (draft: NoteDraft) => Promise<void>;
  onCancel: () => void;
}

const FOCUSABLE = 'button:not([disabled]), input:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

export function NoteEditor({ quote, initial, editing = false, onSave, onCancel }: NoteEditorProps) {
  const [verdict, setVerdict] = useState<Verdict | undefined>(initial?.verdict);
  const [comment, setComment] = useState(initial?.comment ?? '');
  const [sources, setSources] = useState((initial?.sources ?? []).join('\n'));
  const [tags, setTags] = useState((initial?.tags ?? []).join(', '));
  const [sourceError, setSourceError] = useState('');
  const [status, setStatus] = useState('');
  const [saving, setSaving] = useState(false);
  const dialog = useRef<HTMLDivElement>(null);
  const korean = isKoreanUi();

  useEffect(() => {
    const first = dialog.current?.querySelector<HTMLElement>('input[type="radio"]:checked') ?? dialog.current?.querySelector<HTMLElement>(FOCUSABLE);
    first?.focus();
  }, []);

  const submit = async (event?: Event) => {
    event?.preventDefault();
    if (saving) return;
    const parsed = parseSources(sources);
    if (parsed.invalid.length) {
      setSourceError(t('pageUiInvalidSources', parsed.invalid.slice(0, 3).join(', ')));
      dialog.current?.querySelector<HTMLElement>('#fm-sources')?.focus();
      return;
    }
    setSourceError('');
    setSaving(true);
    setStatus(t('pageUiSaving'));
    try {
      await onSave({ verdict, comment: comment.trim(), sources: parsed.valid, tags: parseTags(tags) });
    } catch (error) {
      setStatus(t('pageUiSaveFailed', (error as Error)?.message ?? String(error)));
      setSaving(false);
    }
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      onCancel();
      return;
    }
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      void submit(event);
      return;
    }
    if (event.key !== 'Tab' || !dialog.current) return;
    const focusable = [...dialog.current.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
      // Only the checked radio (or the first one) of the group takes a Tab stop.
      (el) => !(el instanceof HTMLInputElement && el.type === 'radio' && !el.checked && !(verdict === undefined && el.value === '')),
    );
    if (!focusable.length) return;
    const root = dialog.current.getRootNode() as Document | ShadowRoot;
    const active = root.activeElement as HTMLElement | null;
    const index = active ? focusable.indexOf(active) : -1;
    const next = event.shiftKey ? (index <= 0 ? focusable.length - 1 : index - 1) : index === focusable.length - 1 ? 0 : index + 1;
    event.preventDefault();
    focusable[next].focus();
  };

  const verdictOptions: Array<{ key: Verdict | ''; primary: string; secondary: string; color?: string }> = [
    { key: '', primary: t('pageUiNoVerdict'), secondary: '' },
    ...VERDICTS.map((v) => ({ key: v.key, primary: korean ? v.ko : v.en, secondary: korean ? v.en : v.ko, color: v.color })),
  ];

  return (
    <div
      class="fm-panel fm-editor"
      role="dialog"
      aria-modal="true"
      aria-labelledby="fm-editor-title"
      aria-describedby="fm-editor-quote"
      ref={dialog}
      onKeyDown={onKeyDown}
    >
      <form onSubmit={submit} noValidate>
        <h2 id="fm-editor-title">{editing ? t('pageUiEditNoteTitle') : t('pageUiNewNoteTitle')}</h2>
        <blockquote id="fm-editor-quote" class="fm-quote">
          {quote}
        </blockquote>
        <fieldset>
          <legend>{t('pageUiVerdict')}</legend>
          <div class="fm-radios" role="radiogroup" aria-label={t('pageUiVerdict')}>
            {verdictOptions.map((option) => (
              <label key={option.key || 'none'}>
                <input
                  type="radio"
                  name="fm-verdict"
                  value={option.key}
                  checked={(verdict ?? '') === option.key}
                  onChange={() => setVerdict(option.key || undefined)}
                />
                {option.color && <span class="fm-swatch" style={{ background: option.color }} aria-hidden="true" />}
                <span>
                  {option.primary}
                  {option.secondary && <span class="fm-alt" lang={korean ? 'en' : 'ko'}> · {option.secondary}</span>}
                </span>
              </label>
            ))}
          </div>
        </fieldset>
        <label class="fm-field">
          <span>{t('pageUiComment')}</span>
          <textarea id="fm-comment" value={comment} maxLength={100_000} onInput={(e) => setComment((e.target as HTMLTextAreaElement).value)} />
        </label>
        <label class="fm-field">
          <span>{t('pageUiSources')}</span>
          <textarea
            id="fm-sources"
            rows={2}
            value={sources}
            aria-invalid={sourceError ? 'true' : 'false'}
            aria-describedby={sourceError ? 'fm-sources-error' : 'fm-sources-hint'}
            onInput={(e) => setSources((e.target as HTMLTextAreaElement).value)}
          />
          {sourceError ? (
            <div id="fm-sources-error" class="fm-error" role="alert">
              {sourceError}
            </div>
          ) : (
            <div id="fm-sources-hint" class="fm-hint">
              {t('pageUiSourcesHint')}
            </div>
          )}
        </label>
        <label class="fm-field">
          <span>{t('pageUiTags')}</span>
          <input id="fm-tags" type="text" value={tags} aria-describedby="fm-tags-hint" onInput={(e) => setTags((e.target as HTMLInputElement).value)} />
          <div id="fm-tags-hint" class="fm-hint">
            {t('pageUiTagsHint')}
          </div>
        </label>
        <div class="fm-status" role="status" aria-live="polite">
          {status}
        </div>
        <div class="fm-actions">
          <button type="button" onClick={onCancel}>
            {t('pageUiCancel')}
          </button>
          <button type="submit" class="fm-primary" disabled={saving}>
            {t('pageUiSave')}
          </button>
        </div>
      </form>
    </div>
  );
}
