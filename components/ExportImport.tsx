/**
 * Export and import, for the popup footer and the options page.
 *
 * Export: scope (all notes, this page, or the list the popup currently shows),
 * a format, and a file named `factmark-YYYY-MM-DD.<ext>`. Reads go straight to
 * Dexie (read-only, like every extension page); serialising is utils/formats.
 *
 * Import: file → parseImportInChunks (the whole file is validated, with a
 * progress bar) → one `annotations.import` message, which the background writes
 * in one transaction. A bad file shows where it is wrong and changes nothing.
 */
import { useMemo, useRef, useState } from 'preact/hooks';
import type { Annotation } from '../utils/annotation';
import { annotationsForPage, listAnnotations } from '../utils/db/repository';
import type { FactmarkDB } from '../utils/db/schema';
import { EXPORT_FORMATS, exportFileName, type ExportFormat, type ExportFormatId } from '../utils/formats/export-formats';
import type { PageInfo } from '../utils/formats/export-options';
import { ImportError, MAX_IMPORT_CHARS, parseImportInChunks } from '../utils/formats/import';
import { isKoreanUi, t } from '../utils/i18n';
import { ProtocolError, sendRequest, type MessageTransport } from '../utils/messages';
import { useLiveQuery } from './use-live-query';

export type ExportScope = 'all' | 'page' | 'filtered';

export interface OfferedFile {
  name: string;
  mime: string;
  text: string;
}

export interface ExportImportProps {
  /** Read-only: notes and page titles for the export. */
  db: FactmarkDB;
  /** Carries `annotations.import` to the background. */
  transport: MessageTransport;
  /** Normalised URL of the current page; offers the "This page" scope. */
  pageUrl?: string;
  /** The notes the popup list shows right now (after search/filters); offers the "Current list" scope. */
  filtered?: readonly Annotation[];
  /** Smaller layout for the popup footer (a disclosure). */
  compact?: boolean;
  /** Test seam: how a finished file is handed to the reader (default: a download link). */
  offerFile?: (file: OfferedFile) => void;
  /** Test seam for the file-name date. */
  now?: () => Date;
}

type Status =
  | { kind: 'idle' }
  | { kind: 'busy'; text: string; progress?: number }
  | { kind: 'done'; text: string; detail?: string }
  | { kind: 'error'; text: string; issues?: string[] };

const FORMAT_LABEL_KEYS: Record<ExportFormatId, string> = {
  'web-annotation': 'exportImportFormatWebAnnotation',
  hypothesis: 'exportImportFormatHypothesis',
  markdown: 'exportImportFormatMarkdown',
  csv: 'exportImportFormatCsv',
  claimreview: 'exportImportFormatClaimreview',
};

/** Default hand-off: a Blob URL behind a temporary download link. */
export function downloadFile(file: OfferedFile): void {
  const url = URL.createObjectURL(new Blob([file.text], { type: file.mime }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.name;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoke later: some browsers start reading the Blob only after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** FileReader rather than File#text(): it reports progress on large files (and exists in every test DOM). */
function readFileText(file: File, onProgress: (fraction: number) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onprogress = (event) => event.lengthComputable && onProgress(event.loaded / event.total);
    reader.onload = () => resolve(String(reader.result ?? ''));
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read.'));
    reader.readAsText(file, 'utf-8');
  });
}

/** Scoped to this component's classes; extension pages only. */
const STYLES = `
.export-import { display: grid; gap: 8px; }
.export-import .row { display: flex; flex-wrap: wrap; align-items: center; gap: 8px; }
.export-import .row.column { flex-direction: column; align-items: stretch; gap: 2px; }
.export-import select { padding: 4px 6px; border: 1px solid var(--border, #d7dae1); border-radius: 6px; background: var(--bg, #fff); }
.export-import progress { width: 100%; height: 8px; }
.export-import-status:empty, .export-import-error:empty { display: none; }
.export-import-error { color: var(--error, #b3261e); }
.export-import-error ul { margin: 4px 0 0; padding-left: 18px; max-height: 10em; overflow: auto; }
.export-import-error code { white-space: pre-wrap; overflow-wrap: anywhere; font-size: 12px; }
.export-import-compact { margin: 0 12px 8px; border-top: 1px solid var(--border, #d7dae1); padding-top: 6px; }
.export-import-compact summary { cursor: pointer; font-weight: 600; padding: 4px 0; }
`;

const nextFrame = () => new Promise((resolve) => setTimeout(resolve, 0));

export function ExportImport({ db, transport, pageUrl, filtered, compact, offerFile = downloadFile, now = () => new Date() }: ExportImportProps) {
  const [scope, setScope] = useState<ExportScope>(filtered ? 'filtered' : 'all');
  const [formatId, setFormatId] = useState<ExportFormatId>('web-annotation');
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const fileInput = useRef<HTMLInputElement>(null);
  const busy = status.kind === 'busy';

  const counts = useLiveQuery(
    async () => ({
      all: await db.annotations.filter((a) => !a.deleted).count(),
      page: pageUrl ? (await annotationsForPage(db, pageUrl)).length : 0,
    }),
    [pageUrl],
  );
  const scopes = useMemo(() => {
    const list: { id: ExportScope; label: string }[] = [{ id: 'all', label: t('exportImportScopeAll', String(counts?.all ?? '…')) }];
    if (pageUrl) list.push({ id: 'page', label: t('exportImportScopePage', String(counts?.page ?? '…')) });
    if (filtered) list.push({ id: 'filtered', label: t('exportImportScopeFiltered', String(filtered.length)) });
    return list;
  }, [counts, pageUrl, filtered]);
  const activeScope = scopes.some((s) => s.id === scope) ? scope : 'all';

  async function notesInScope(): Promise<Annotation[]> {
    if (activeScope === 'filtered' && filtered) return [...filtered];
    if (activeScope === 'page' && pageUrl) return annotationsForPage(db, pageUrl);
    return listAnnotations(db);
  }

  async function runExport() {
    const format = EXPORT_FORMATS.find((f) => f.id === formatId) as ExportFormat;
    setStatus({ kind: 'busy', text: t('exportImportExporting') });
    try {
      await nextFrame(); // let the status paint before the synchronous serialiser runs
      const notes = await notesInScope();
      const exported = format.id === 'claimreview' ? notes.filter((n) => n.verdict) : notes;
      if (!exported.length) {
        setStatus({ kind: 'error', text: t('exportImportNothing') });
        return;
      }
      const urls = [...new Set(notes.map((n) => n.pageUrl))];
      const pages: PageInfo[] = (await db.pages.bulkGet(urls)).filter((p) => p !== undefined).map((p) => ({ url: p!.url, title: p!.title }));
      const text = format.serialize(notes, { pages, language: isKoreanUi() ? 'ko' : 'en' });
      const name = exportFileName(format, now());
      offerFile({ name, mime: format.mime, text });
      setStatus({ kind: 'done', text: t('exportImportExported', [String(exported.length), name]) });
    } catch (error) {
      setStatus({ kind: 'error', text: (error as Error).message || String(error) });
    }
  }

  async function runImport(file: File) {
    if (file.size > MAX_IMPORT_CHARS * 2) {
      setStatus({ kind: 'error', text: t('exportImportTooLarge', String(MAX_IMPORT_CHARS / 1048576)) });
      return;
    }
    try {
      setStatus({ kind: 'busy', text: t('exportImportReading'), progress: 0 });
      const text = await readFileText(file, (fraction) => setStatus({ kind: 'busy', text: t('exportImportReading'), progress: fraction }));
      setStatus({ kind: 'busy', text: t('exportImportValidating'), progress: 0 });
      const parsed = await parseImportInChunks(text, (fraction) => setStatus({ kind: 'busy', text: t('exportImportValidating'), progress: fraction }));
      setStatus({ kind: 'busy', text: t('exportImportSaving', String(parsed.annotations.length)) });
      const result = parsed.annotations.length
        ? await sendRequest(transport, 'annotations.import', { annotations: parsed.annotations, pages: parsed.pages })
        : { added: 0, updated: 0, unchanged: 0 };
      setStatus({
        kind: 'done',
        text: t('exportImportImported', [String(result.added), String(result.updated), String(result.unchanged)]),
        detail: parsed.skipped.length ? t('exportImportSkipped', String(parsed.skipped.length)) : undefined,
      });
    } catch (error) {
      if (error instanceof ImportError) {
        setStatus({
          kind: 'error',
          text: t('exportImportInvalid'),
          issues: error.issues.slice(0, 8).map((issue) => (issue.path ? `${issue.path}: ${issue.message}` : issue.message)),
        });
      } else {
        const message = error instanceof ProtocolError ? error.message : (error as Error)?.message ?? String(error);
        setStatus({ kind: 'error', text: t('exportImportFailed', message) });
      }
    } finally {
      if (fileInput.current) fileInput.current.value = '';
    }
  }

  const body = (
    <div class="export-import" aria-busy={busy}>
      <style>{STYLES}</style>
      <div class="row column">
        <label for="export-scope">{t('exportImportScope')}</label>
        <select id="export-scope" value={activeScope} disabled={busy} onChange={(e) => setScope((e.currentTarget as HTMLSelectElement).value as ExportScope)}>
          {scopes.map((s) => (
            <option key={s.id} value={s.id}>
              {s.label}
            </option>
          ))}
        </select>
      </div>
      <div class="row column">
        <label for="export-format">{t('exportImportFormat')}</label>
        <select id="export-format" value={formatId} disabled={busy} onChange={(e) => setFormatId((e.currentTarget as HTMLSelectElement).value as ExportFormatId)}>
          {EXPORT_FORMATS.map((f) => (
            <option key={f.id} value={f.id}>
              {t(FORMAT_LABEL_KEYS[f.id])}
            </option>
          ))}
        </select>
      </div>
      <div class="row">
        <button type="button" class="primary" disabled={busy} onClick={runExport}>
          {t('exportImportExport')}
        </button>
        <button type="button" class="secondary" disabled={busy} onClick={() => fileInput.current?.click()} aria-describedby="import-hint">
          {t('exportImportImport')}
        </button>
        <input
          ref={fileInput}
          type="file"
          accept=".jsonld,.json,application/ld+json,application/json"
          class="visually-hidden"
          tabIndex={-1}
          aria-hidden="true"
          data-testid="import-file"
          onChange={(e) => {
            const file = (e.currentTarget as HTMLInputElement).files?.[0];
            if (file) void runImport(file);
          }}
        />
      </div>
      <p id="import-hint" class="hint">
        {t('exportImportImportHint')}
      </p>
      <div aria-live="polite" aria-atomic="true" class="export-import-status">
        {status.kind === 'busy' && (
          <>
            <span>{status.text}</span>{' '}
            <progress aria-label={t('exportImportProgress')} max={1} value={status.progress} />
          </>
        )}
        {status.kind === 'done' && (
          <>
            <span>{status.text}</span>
            {status.detail && <span class="hint"> {status.detail}</span>}
          </>
        )}
      </div>
      <div aria-live="assertive" aria-atomic="true" class="export-import-error">
        {status.kind === 'error' && (
          <>
            <p>{status.text}</p>
            {status.issues && (
              <ul>
                {status.issues.map((issue) => (
                  <li key={issue}>
                    <code>{issue}</code>
                  </li>
                ))}
              </ul>
            )}
          </>
        )}
      </div>
    </div>
  );

  if (!compact) return body;
  return (
    <details class="export-import-compact" open={status.kind !== 'idle'}>
      <summary>{t('exportImportHeading')}</summary>
      {body}
    </details>
  );
}

export default ExportImport;
