/**
 * Notes edited in two places before they synced. Both versions are kept and
 * shown side by side, with the fields that differ marked. The reader keeps one
 * version (the others are deleted everywhere on the next sync) or merges them:
 * every source and tag, the comments joined, the verdict picked from one side.
 */
import { Fragment } from 'preact';
import { useState } from 'preact/hooks';
import type { Annotation, Verdict } from '../utils/annotation';
import type { FactmarkDB, RevisionRecord } from '../utils/db/schema';
import { t, uiLanguage, verdictLabel } from '../utils/i18n';
import { sendRequest, type MessageTransport } from '../utils/messages';
import { mergeVersions, verdictChoices, type MergedFields } from '../utils/sync/merge-versions';
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

interface Version {
  rev: string;
  doc: Annotation;
  label: string;
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

type Field = 'verdict' | 'comment' | 'tags' | 'sources';

/** Fields whose values are not the same in every version. */
function differingFields(versions: Annotation[]): Set<Field> {
  const key: Record<Field, (v: Annotation) => string> = {
    verdict: (v) => v.verdict ?? '',
    comment: (v) => v.comment?.trim() ?? '',
    tags: (v) => JSON.stringify([...v.tags].sort()),
    sources: (v) => JSON.stringify([...v.sources].sort()),
  };
  return new Set((Object.keys(key) as Field[]).filter((field) => new Set(versions.map(key[field])).size > 1));
}

const verdictText = (verdict: Verdict | undefined) => (verdict ? verdictLabel(verdict) : t('syncConflictNoVerdict'));

/** One field: its name, and a visible marker (read out too) when the versions differ. */
function FieldRow({ name, differs, children, class: className }: { name: string; differs: boolean; children: preact.ComponentChildren; class?: string }) {
  return (
    <>
      <dt class={differs ? 'sync-field-differs' : undefined}>
        {name}
        {differs && <span class="sync-differs"> · {t('syncConflictDiffers')}</span>}
      </dt>
      <dd class={[className, differs ? 'sync-field-differs' : ''].filter(Boolean).join(' ') || undefined}>{children}</dd>
    </>
  );
}

/** A list of tags or sources; items missing from some other version are highlighted. */
function ItemList({ items, everywhere, separator }: { items: string[]; everywhere: Set<string>; separator: string }) {
  if (!items.length) return <>—</>;
  return (
    <>
      {items.map((item, index) => (
        <Fragment key={item}>
          {index > 0 && separator}
          {everywhere.has(item) ? item : <mark class="sync-only-here">{item}</mark>}
        </Fragment>
      ))}
    </>
  );
}

function FieldList({ version, differs, everywhere }: { version: MergedFields; differs: Set<Field>; everywhere: { tags: Set<string>; sources: Set<string> } }) {
  return (
    <dl>
      <FieldRow name={t('syncConflictVerdict')} differs={differs.has('verdict')}>
        {version.verdict ? verdictLabel(version.verdict) : '—'}
      </FieldRow>
      <FieldRow name={t('syncConflictComment')} differs={differs.has('comment')} class="sync-version-comment">
        {version.comment || '—'}
      </FieldRow>
      <FieldRow name={t('syncConflictTags')} differs={differs.has('tags')}>
        <ItemList items={version.tags} everywhere={everywhere.tags} separator=", " />
      </FieldRow>
      <FieldRow name={t('syncConflictSources')} differs={differs.has('sources')}>
        <ItemList items={version.sources} everywhere={everywhere.sources} separator=" " />
      </FieldRow>
    </dl>
  );
}

function VersionView({ version, differs, everywhere }: { version: Version; differs: Set<Field>; everywhere: { tags: Set<string>; sources: Set<string> } }) {
  const { doc } = version;
  const when = new Intl.DateTimeFormat(uiLanguage(), { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(doc.updatedAt));
  return (
    <div class="sync-version">
      <p class="sync-version-label">
        {version.label} · <time dateTime={doc.updatedAt}>{when}</time>
      </p>
      <FieldList version={doc} differs={differs} everywhere={everywhere} />
    </div>
  );
}

function ConflictItem({ entry, busy, working, onResolve }: { entry: ConflictEntry; busy: boolean; working: boolean; onResolve: (keepRev: string, merged?: MergedFields) => void }) {
  const { annotation, winnerRev, record } = entry;
  const versions: Version[] = [
    { rev: winnerRev, doc: annotation, label: t('syncConflictShown') },
    ...record.conflicts.map((c, index) => ({ rev: c.rev, doc: c.doc, label: t('syncConflictOther', String(index + 1)) })),
  ];
  const docs = versions.map((v) => v.doc);
  const differs = differingFields(docs);
  const common = (pick: (v: Annotation) => string[]) => new Set(pick(docs[0]).filter((item) => docs.every((d) => pick(d).includes(item))));
  const everywhere = { tags: common((d) => d.tags), sources: common((d) => d.sources) };
  const choices = verdictChoices(docs);
  const [verdictIndex, setVerdictIndex] = useState(0);
  const verdict = choices[Math.min(verdictIndex, choices.length - 1)];
  const merged = mergeVersions(docs, verdict);
  const groupName = `sync-merge-verdict-${annotation.id}`;
  return (
    <li class="sync-conflict" aria-busy={working}>
      <blockquote class="sync-conflict-quote">{annotation.quote}</blockquote>
      <div class="sync-versions">
        {versions.map((version) => (
          <div key={version.rev} class="sync-version-choice">
            <VersionView version={version} differs={differs} everywhere={everywhere} />
            <button type="button" disabled={busy} onClick={() => onResolve(version.rev)}>
              {t('syncConflictKeep')}
            </button>
          </div>
        ))}
      </div>
      <div class="sync-merge">
        <p class="sync-version-label">{t('syncConflictMergeHeading')}</p>
        <p class="hint">{t('syncConflictMergeHint')}</p>
        {choices.length > 1 && (
          <fieldset>
            <legend>{t('syncConflictMergeVerdict')}</legend>
            {choices.map((choice, index) => (
              <label key={choice ?? 'none'}>
                <input
                  type="radio"
                  name={groupName}
                  value={choice ?? ''}
                  checked={choice === verdict}
                  disabled={busy}
                  onChange={() => setVerdictIndex(index)}
                />{' '}
                {verdictText(choice)} ({versions.filter((v) => v.doc.verdict === choice).map((v) => v.label).join(', ')})
              </label>
            ))}
          </fieldset>
        )}
        <div class="sync-version sync-merged" aria-label={t('syncConflictMergePreview')} role="group">
          <p class="sync-version-label">{t('syncConflictMergePreview')}</p>
          <FieldList version={merged} differs={new Set()} everywhere={{ tags: new Set(merged.tags), sources: new Set(merged.sources) }} />
        </div>
        <button type="button" class="sync-merge-save" disabled={busy} onClick={() => onResolve(winnerRev, merged)}>
          {t('syncConflictMergeSave')}
        </button>
      </div>
    </li>
  );
}

export function SyncConflictList({ db, transport }: SyncConflictListProps) {
  const entries = useLiveQuery(() => loadConflicts(db), [db]);
  const [busy, setBusy] = useState<string>();
  const [error, setError] = useState<string>();

  const resolve = async (id: string, keepRev: string, merged?: MergedFields) => {
    setBusy(id);
    setError(undefined);
    try {
      await sendRequest(transport, 'sync.resolve', { id, keepRev, ...(merged ? { merged } : {}) });
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
        {entries.map((entry) => (
          <ConflictItem
            key={`${entry.annotation.id} ${entry.winnerRev} ${entry.record.conflicts.map((c) => c.rev).join(' ')}`}
            entry={entry}
            busy={!!busy}
            working={busy === entry.annotation.id}
            onResolve={(keepRev, merged) => resolve(entry.annotation.id, keepRev, merged)}
          />
        ))}
      </ul>
    </section>
  );
}

export default SyncConflictList;
