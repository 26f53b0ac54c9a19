/**
 * Notes edited in two places before they synced. Both versions are kept; the
 * reader picks the one to keep (the other is deleted everywhere on the next
 * sync) and can edit the kept note afterwards to merge by hand.
 */
import { useState } from 'preact/hooks';
import type { Annotation } from '../utils/annotation';
import type { FactmarkDB, RevisionRecord } from '../utils/db/schema';
import { t, uiLanguage, verdictLabel } from '../utils/i18n';
import { sendRequest, type MessageTransport } from '../utils/messages';
import { currentRev } from '../utils/sync/outbox';
import { useLiveQuery } from './use-live-query';

export interface SyncConflictListProps {
  db: FactmarkDB;
  transport: MessageTransport;
}

interface ConflictEntry {
  annotation: Annotation;
  winnerRev: string;
  record: RevisionRecord;
}

async function loadConflicts(db: FactmarkDB): Promise<ConflictEntry[]> {
  const records = await db.revisions.filter((r) => r.conflicts.length > 0).toArray();
  const annotations = await db.annotations.bulkGet(records.map((r) => r.id));
  return records.flatMap((record, i) => {
    const annotation = annotations[i];
    const winnerRev = annotation ? currentRev(annotation, record) : undefined;
    return annotation && winnerRev ? [{ annotation, winnerRev, record }] : [];
  });
}

function VersionView({ version, label }: { version: Annotation; label: string }) {
  const when = new Intl.DateTimeFormat(uiLanguage(), { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(version.updatedAt));
  return (
    <div class="sync-version">
      <p class="sync-version-label">
        {label} · <time dateTime={version.updatedAt}>{when}</time>
      </p>
      <dl>
        <dt>{t('syncConflictVerdict')}</dt>
        <dd>{version.verdict ? verdictLabel(version.verdict) : '—'}</dd>
        <dt>{t('syncConflictComment')}</dt>
        <dd class="sync-version-comment">{version.comment || '—'}</dd>
        {version.tags.length > 0 && (
          <>
            <dt>{t('syncConflictTags')}</dt>
            <dd>{version.tags.join(', ')}</dd>
          </>
        )}
        {version.sources.length > 0 && (
          <>
            <dt>{t('syncConflictSources')}</dt>
            <dd>{version.sources.join(' ')}</dd>
          </>
        )}
      </dl>
    </div>
  );
}

export function SyncConflictList({ db, transport }: SyncConflictListProps) {
  const entries = useLiveQuery(() => loadConflicts(db), [db]);
  const [busy, setBusy] = useState<string>();
  const [error, setError] = useState<string>();

  const keep = async (id: string, rev: string) => {
    setBusy(id);
    setError(undefined);
    try {
      await sendRequest(transport, 'sync.resolve', { id, keepRev: rev });
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(undefined);
    }
  };

  if (!entries) return null;
  if (!entries.length) return <p class="hint">{t('syncConflictNone')}</p>;
  return (
    <section class="sync-conflicts-list" aria-label={t('syncConflictHeading')}>
      <h3>{t('syncConflictHeading')}</h3>
      <p class="hint">{t('syncConflictHint')}</p>
      {error && <p class="sync-error" role="alert">{error}</p>}
      <ul>
        {entries.map(({ annotation, winnerRev, record }) => {
          const versions = [
            { rev: winnerRev, doc: annotation },
            ...record.conflicts.map((c) => ({ rev: c.rev, doc: c.doc })),
          ];
          return (
            <li key={annotation.id} class="sync-conflict" aria-busy={busy === annotation.id}>
              <blockquote class="sync-conflict-quote">{annotation.quote}</blockquote>
              <div class="sync-versions">
                {versions.map((version, index) => (
                  <div key={version.rev} class="sync-version-choice">
                    <VersionView version={version.doc} label={index === 0 ? t('syncConflictShown') : t('syncConflictOther', String(index))} />
                    <button type="button" disabled={!!busy} onClick={() => keep(annotation.id, version.rev)}>
                      {t('syncConflictKeep')}
                    </button>
                  </div>
                ))}
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

export default SyncConflictList;
