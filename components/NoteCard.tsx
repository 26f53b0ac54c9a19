import type { Annotation, Verdict } from '../utils/annotation';
import { verdictDefinition } from '../utils/annotation';
import { t, verdictLabel } from '../utils/i18n';
import { formatDate } from './format';
import { usePopupEnv } from './popup-env';
import { VerdictButtons } from './VerdictButtons';

/** A saved note on this page: quote, comment, tags and one-click verdicts. */
export function NoteCard({
  note,
  orphan = false,
  onOpen,
  onVerdict,
}: {
  note: Annotation;
  orphan?: boolean;
  onOpen?: () => void;
  onVerdict: (verdict: Verdict | undefined) => void;
}) {
  const { locale } = usePopupEnv();
  const color = note.verdict ? verdictDefinition(note.verdict).color : undefined;
  return (
    <li
      class={`item note${orphan ? ' orphan' : ''}`}
      data-roving-item
      data-note-id={note.id}
      style={color ? { '--verdict': color } : undefined}
      aria-label={note.verdict ? `${verdictLabel(note.verdict)}: ${note.quote.slice(0, 80)}` : note.quote.slice(0, 80)}
      onClick={(e) => onOpen && !(e.target as HTMLElement).closest('button, a') && onOpen()}
      onKeyDown={(e) => e.key === 'Enter' && e.target === e.currentTarget && onOpen?.()}
    >
      <blockquote class="quote">{note.quote}</blockquote>
      {note.comment && <p class="comment">{note.comment}</p>}
      <p class="meta">
        {note.verdict && <span class="verdict-chip">{verdictLabel(note.verdict)}</span>}
        <span>{t(`popupKind_${note.kind}`)}</span>
        <span>{formatDate(note.updatedAt, locale)}</span>
        {note.tags.map((tag) => (
          <span key={tag} class="tag">
            #{tag}
          </span>
        ))}
        {note.sources.length > 0 && <span>{t('popupSourcesCount', String(note.sources.length))}</span>}
      </p>
      <VerdictButtons value={note.verdict} onChange={onVerdict} />
    </li>
  );
}
