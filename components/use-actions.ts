import { useMemo, useState } from 'preact/hooks';
import type { Annotation, Verdict } from '../utils/annotation';
import type { AnnotationDraft } from '../utils/db/repository';
import { t, verdictLabel } from '../utils/i18n';
import { ProtocolError, sendRequest, type TabCommand } from '../utils/messages';
import type { PopupEnv } from './popup-env';

export interface Announcement {
  text: string;
  error: boolean;
  /** Changes on every announcement so the same words are read again. */
  id: number;
}

export interface Actions {
  setVerdict(note: Annotation, verdict: Verdict | undefined): Promise<void>;
  save(draft: AnnotationDraft): Promise<void>;
  scrollTo(tabId: number, target: Extract<TabCommand, { type: 'tab.scrollTo' }>['payload']): Promise<void>;
  announce(text: string, error?: boolean): void;
}

/** The popup's writes: each goes through the background, and the outcome is announced in a live region. */
export function useActions(env: Pick<PopupEnv, 'transport' | 'sendToTab'>): { actions: Actions; announcement: Announcement | null } {
  const [announcement, setAnnouncement] = useState<Announcement | null>(null);
  const actions = useMemo<Actions>(() => {
    let counter = 0;
    const announce = (text: string, error = false) => setAnnouncement({ text, error, id: ++counter });
    const failed = (error: unknown) => {
      const message = error instanceof ProtocolError ? error.message : (error as Error)?.message ?? String(error);
      announce(t('popupActionFailed', message), true);
    };
    return {
      announce,
      async setVerdict(note, verdict) {
        try {
          await sendRequest(env.transport, 'annotation.update', verdict ? { id: note.id, patch: { verdict } } : { id: note.id, patch: {}, clearVerdict: true });
          announce(verdict ? t('popupVerdictSet', verdictLabel(verdict)) : t('popupVerdictCleared'));
        } catch (error) {
          failed(error);
        }
      },
      async save(draft) {
        try {
          await sendRequest(env.transport, 'annotation.save', { annotation: draft });
          announce(t('popupNoteSaved'));
        } catch (error) {
          failed(error);
        }
      },
      async scrollTo(tabId, target) {
        try {
          await env.sendToTab(tabId, { type: 'tab.scrollTo', payload: target });
        } catch {
          announce(t('popupPageUnreachable'), true);
        }
      },
    };
  }, [env]);
  return { actions, announcement };
}
