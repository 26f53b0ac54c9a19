/**
 * Hypothesis-compatible JSON: the `{export_date, client_version, annotations}`
 * file the Hypothesis client exports, holding API-shaped annotations
 * (id, created, updated, uri, text, tags, target[{source, selector[]}], document{title[]}).
 *
 * Export: the verdict travels as a tag `verdict:<key>` (Hypothesis has no
 * verdict field); sources are appended to `text` for Hypothesis readers. A
 * `factmark` object carries what Hypothesis has no field for (kind, figures,
 * colour, the bare comment and sources); Hypothesis ignores it on import and
 * we read it back, so our own files round-trip exactly.
 *
 * Import: Hypothesis ids become deterministic UUIDs (v5), so re-importing a file
 * adds nothing. Replies and page notes (no quoted text) are skipped and counted.
 * Hypothesis RangeSelectors are dropped: their XPaths start at the document body,
 * ours at the article root.
 */
import { isVerdict, type Annotation, type AnnotationKind, type Selector, type TextQuoteSelector, type Verdict } from '../annotation';
import { exportTime, liveAnnotations, pageTitles, type ExportOptions, type PageInfo } from './export-options';
import {
  expectArray,
  expectRecord,
  expectString,
  expectText,
  expectTimestamp,
  expectWebUrl,
  fail,
  isRecord,
  isWebUrl,
  own,
  type JsonRecord,
} from './import-reader';
import { isUuid, uuidV5 } from './stable-id';
import { textFragmentUrl } from './text-fragment';
import { readSelector, type EntryResult } from './web-annotation';

export const VERDICT_TAG_PREFIX = 'verdict:';
export const CLIENT_VERSION = 'factmark-0.1.0';

/** Our selectors already use Hypothesis's shapes (its RangeSelector is the flat form); order is kept for exact round trips. */
function hypothesisSelectors(selectors: readonly Selector[]): Selector[] {
  return selectors.map((s) => ({ ...s }));
}

export function toHypothesisAnnotation(annotation: Annotation, title: string | undefined): JsonRecord {
  const sourcesText = annotation.sources.length ? `Sources:\n${annotation.sources.map((s) => `- ${s}`).join('\n')}` : '';
  const text = [annotation.comment ?? '', sourcesText].filter(Boolean).join('\n\n');
  return {
    id: annotation.id,
    created: annotation.createdAt,
    updated: annotation.updatedAt,
    uri: annotation.pageUrl,
    text,
    tags: [...(annotation.verdict ? [`${VERDICT_TAG_PREFIX}${annotation.verdict}`] : []), ...annotation.tags],
    target: [{ source: annotation.pageUrl, selector: hypothesisSelectors(annotation.selectors) }],
    document: { title: [title ?? annotation.pageUrl] },
    links: { incontext: textFragmentUrl(annotation) },
    factmark: {
      id: annotation.id,
      kind: annotation.kind,
      ...(annotation.comment !== undefined ? { comment: annotation.comment } : {}),
      sources: annotation.sources,
      ...(annotation.figures ? { figures: annotation.figures } : {}),
      ...(annotation.color ? { color: annotation.color } : {}),
    },
  };
}

export function toHypothesisExport(annotations: readonly Annotation[], options: ExportOptions = {}): JsonRecord {
  const titles = pageTitles(options.pages);
  return {
    export_date: exportTime(options),
    client_version: CLIENT_VERSION,
    annotations: liveAnnotations(annotations).map((a) => toHypothesisAnnotation(a, titles.get(a.pageUrl))),
  };
}

export function exportHypothesis(annotations: readonly Annotation[], options: ExportOptions = {}): string {
  return JSON.stringify(toHypothesisExport(annotations, options), null, 1);
}

// ---------------------------------------------------------------- import

/** The annotations list of a Hypothesis export (`annotations`) or API search result (`rows`). */
export function hypothesisEntries(root: unknown): { items: unknown[]; basePath: string } | null {
  if (!isRecord(root)) return null;
  const annotations = own(root, 'annotations');
  if (annotations !== undefined && !Array.isArray(annotations) && own(root, 'export_date') !== undefined) {
    fail('annotations', 'an array of annotations', annotations);
  }
  for (const key of ['annotations', 'rows'] as const) {
    const list = own(root, key);
    if (Array.isArray(list) && (key === 'annotations' || own(root, 'total') !== undefined)) {
      const declared = key === 'annotations' && own(root, 'export_date') !== undefined;
      const looksRight = list.length === 0 || list.some((a) => isRecord(a) && (own(a, 'uri') !== undefined || own(a, 'target') !== undefined));
      if ((declared || looksRight) && own(root, 'type') === undefined) return { items: list, basePath: key };
    }
  }
  return null;
}

function documentTitle(record: JsonRecord, path: string): string | undefined {
  const doc = own(record, 'document');
  if (doc === undefined || doc === null) return undefined;
  const title = own(expectRecord(doc, `${path}.document`), 'title');
  const first = Array.isArray(title) ? title[0] : title;
  return first === undefined ? undefined : expectString(first, `${path}.document.title`);
}

export function readHypothesisAnnotation(raw: unknown, path: string, now: string): EntryResult & { page?: PageInfo } {
  const record = expectRecord(raw, path);
  const references = own(record, 'references');
  if (Array.isArray(references) && references.length) return { skip: 'a reply to another annotation' };

  const rawId = expectString(own(record, 'id'), `${path}.id`, 128);
  if (!rawId) fail(`${path}.id`, 'a non-empty id', rawId);
  const uri = expectString(own(record, 'uri'), `${path}.uri`);

  const targets = own(record, 'target');
  const targetList = expectArray(targets, `${path}.target`, 100);
  let selectors: Selector[] = [];
  let source = uri;
  for (let index = 0; index < targetList.length && !selectors.some((s) => s.type === 'TextQuoteSelector'); index++) {
    const targetPath = `${path}.target[${index}]`;
    const target = expectRecord(targetList[index], targetPath);
    const rawSource = own(target, 'source');
    if (rawSource !== undefined) source = expectString(Array.isArray(rawSource) ? rawSource[0] : rawSource, `${targetPath}.source`);
    const selectorValue = own(target, 'selector');
    if (selectorValue === undefined) continue;
    const list = expectArray(selectorValue, `${targetPath}.selector`, 8);
    selectors = list
      .map((s, i) => readSelector(s, `${targetPath}.selector[${i}]`))
      .filter((s): s is Selector => s !== null);
  }
  const quoteSelector = selectors.find((s): s is TextQuoteSelector => s.type === 'TextQuoteSelector');
  if (!quoteSelector) return { skip: 'a page note with no quoted text' };
  const pageUrl = isWebUrl(source) ? source : isWebUrl(uri) ? uri : null;
  if (!pageUrl) return { skip: `not a web page (${source.slice(0, 80)})` };

  const tagsValue = own(record, 'tags');
  const rawTags = tagsValue === undefined || tagsValue === null ? [] : expectArray(tagsValue, `${path}.tags`, 100);
  let verdict: Verdict | undefined;
  const tags: string[] = [];
  rawTags.forEach((tag, i) => {
    const text = expectString(tag, `${path}.tags[${i}]`, 200).trim();
    const key = text.startsWith(VERDICT_TAG_PREFIX) ? text.slice(VERDICT_TAG_PREFIX.length) : '';
    if (!verdict && isVerdict(key)) verdict = key;
    else if (text) tags.push(text);
  });

  const textValue = own(record, 'text');
  let comment = textValue === undefined || textValue === null ? '' : expectText(textValue, `${path}.text`);
  let sources: string[] = [];
  let kind: AnnotationKind = verdict ? 'claim' : 'highlight';
  const extension = own(record, 'factmark');
  const ours = isRecord(extension) && own(extension, 'id') === rawId;
  const annotation: Partial<Annotation> = {};
  if (ours) {
    const extPath = `${path}.factmark`;
    const ext = extension as JsonRecord;
    const rawKind = own(ext, 'kind');
    if (rawKind !== 'claim' && rawKind !== 'figure' && rawKind !== 'highlight') fail(`${extPath}.kind`, '"claim", "figure" or "highlight"', rawKind);
    kind = rawKind;
    const extComment = own(ext, 'comment');
    comment = extComment === undefined ? '' : expectText(extComment, `${extPath}.comment`);
    sources = expectArray(own(ext, 'sources') ?? [], `${extPath}.sources`, 100).map((s, i) => expectWebUrl(s, `${extPath}.sources[${i}]`));
    const figures = own(ext, 'figures');
    if (figures !== undefined) annotation.figures = expectArray(figures, `${extPath}.figures`, 200) as Annotation['figures'];
    const color = own(ext, 'color');
    if (color !== undefined) annotation.color = expectString(color, `${extPath}.color`, 16);
  }

  const created = own(record, 'created');
  const updated = own(record, 'updated');
  const createdAt = created !== undefined ? expectTimestamp(created, `${path}.created`) : now;
  const updatedAt = updated !== undefined ? expectTimestamp(updated, `${path}.updated`) : createdAt;
  const result: Annotation = {
    id: ours && isUuid(rawId) ? rawId : uuidV5(`hypothesis:${rawId}`),
    pageUrl,
    kind,
    quote: quoteSelector.exact,
    selectors: ours ? selectors : selectors.filter((s) => s.type !== 'RangeSelector'),
    sources,
    tags,
    createdAt,
    updatedAt,
    ...annotation,
  };
  if (verdict) result.verdict = verdict;
  if (comment) result.comment = comment;
  const title = documentTitle(record, path);
  return { annotation: result, ...(title ? { page: { url: pageUrl, title } } : {}) };
}
