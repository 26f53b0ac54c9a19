/**
 * W3C Web Annotation Data Model (JSON-LD): export as an AnnotationCollection,
 * and read Annotations back, ours or other tools'.
 *
 * Mapping (https://www.w3.org/TR/annotation-model/):
 * - motivation: `assessing` with a verdict, else `commenting` with a comment, else `highlighting`;
 * - target: `{source: pageUrl, selector: [TextQuoteSelector, TextPositionSelector, RangeSelector?]}`;
 *   our RangeSelector becomes the W3C form (XPathSelector start/end refined by a zero-width
 *   TextPositionSelector holding the character offset);
 * - bodies: comment → TextualBody `commenting`; verdict → TextualBody `assessing` whose value is the
 *   verdict key and whose label is the VERDICTS label; sources → SpecificResource `linking`;
 *   tags → TextualBody `tagging`;
 * - what the model has no term for lives under the `factmark:` namespace (id, kind, figures,
 *   color, page titles), so that our own export re-imports exactly.
 *
 * Note: our TextPositionSelector and RangeSelector count within the extracted article text,
 * not the whole document; other tools should rely on the TextQuoteSelector.
 */
import { MAX_SHORT } from '../annotation-schema';
import {
  isVerdict,
  VERDICTS,
  type Annotation,
  type AnnotationKind,
  type RangeSelector,
  type Selector,
  type TextPositionSelector,
  type TextQuoteSelector,
  type Verdict,
} from '../annotation';
import { exportTime, liveAnnotations, type ExportOptions, type PageInfo, verdictLabel } from './export-options';
import {
  asList,
  expectArray,
  expectOffset,
  expectRecord,
  expectString,
  expectText,
  expectTimestamp,
  FieldError,
  fail,
  isRecord,
  isWebUrl,
  own,
  type JsonRecord,
} from './import-reader';
import { isUuid, uuidV5 } from './stable-id';

export const WEB_ANNOTATION_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
/** Our extension vocabulary. `.invalid` is reserved: the IRI names terms, it is never fetched. */
export const FACTMARK_NAMESPACE = 'https://factmark.invalid/ns#';

const CONTEXT = [
  WEB_ANNOTATION_CONTEXT,
  {
    '@version': 1.1,
    factmark: FACTMARK_NAMESPACE,
    // Stored as JSON literals: their keys are ours, not RDF terms.
    'factmark:figures': { '@id': 'factmark:figures', '@type': '@json' },
    'factmark:pages': { '@id': 'factmark:pages', '@type': '@json' },
  },
];

type W3CBody =
  | { type: 'TextualBody'; purpose: 'commenting' | 'tagging'; value: string; format?: 'text/plain' }
  | { type: 'TextualBody'; purpose: 'assessing'; value: Verdict; label: string; 'factmark:ratingValue'?: number }
  | { type: 'SpecificResource'; purpose: 'linking'; source: string };

function toW3CSelector(selector: Selector): JsonRecord {
  if (selector.type !== 'RangeSelector') return { ...selector };
  const point = (xpath: string, offset: number) => ({
    type: 'XPathSelector',
    value: xpath,
    refinedBy: { type: 'TextPositionSelector', start: offset, end: offset },
  });
  return {
    type: 'RangeSelector',
    startSelector: point(selector.startContainer, selector.startOffset),
    endSelector: point(selector.endContainer, selector.endOffset),
  };
}

export function annotationIri(id: string): string {
  return isUuid(id) ? `urn:uuid:${id.toLowerCase()}` : `urn:factmark:annotation:${encodeURIComponent(id)}`;
}

export function toWebAnnotation(annotation: Annotation, options: ExportOptions = {}): JsonRecord {
  const body: W3CBody[] = [];
  if (annotation.comment) body.push({ type: 'TextualBody', purpose: 'commenting', value: annotation.comment, format: 'text/plain' });
  if (annotation.verdict) {
    const rating = VERDICTS.find((v) => v.key === annotation.verdict)?.ratingValue;
    body.push({
      type: 'TextualBody',
      purpose: 'assessing',
      value: annotation.verdict,
      label: verdictLabel(annotation.verdict, options.language),
      ...(rating != null ? { 'factmark:ratingValue': rating } : {}),
    });
  }
  for (const source of annotation.sources) body.push({ type: 'SpecificResource', purpose: 'linking', source });
  for (const tag of annotation.tags) body.push({ type: 'TextualBody', purpose: 'tagging', value: tag });
  return {
    id: annotationIri(annotation.id),
    type: 'Annotation',
    motivation: annotation.verdict ? 'assessing' : annotation.comment ? 'commenting' : 'highlighting',
    created: annotation.createdAt,
    modified: annotation.updatedAt,
    ...(body.length ? { body } : {}),
    target: { source: annotation.pageUrl, selector: annotation.selectors.map(toW3CSelector) },
    'factmark:id': annotation.id,
    'factmark:kind': annotation.kind,
    ...(annotation.figures ? { 'factmark:figures': annotation.figures } : {}),
    ...(annotation.color ? { 'factmark:color': annotation.color } : {}),
  };
}

export function toWebAnnotationCollection(annotations: readonly Annotation[], options: ExportOptions = {}): JsonRecord {
  const live = liveAnnotations(annotations);
  const used = new Set(live.map((a) => a.pageUrl));
  const pages = (options.pages ?? []).filter((p) => used.has(p.url)).map((p) => ({ url: p.url, title: p.title }));
  const generated = exportTime(options);
  return {
    '@context': CONTEXT,
    id: `urn:uuid:${uuidV5(`export:${generated}:${live.length}`)}`,
    type: 'AnnotationCollection',
    label: 'Factmark annotations',
    total: live.length,
    generated,
    generator: { id: 'https://factmark.invalid/', type: 'Software', name: 'Factmark' },
    'factmark:pages': pages,
    first: { type: 'AnnotationPage', startIndex: 0, items: live.map((a) => toWebAnnotation(a, options)) },
  };
}

export function exportWebAnnotation(annotations: readonly Annotation[], options: ExportOptions = {}): string {
  return JSON.stringify(toWebAnnotationCollection(annotations, options), null, 1);
}

// ---------------------------------------------------------------- import

/** Result of reading one entry: a note, or a reason it has no place in Factmark (not an error). */
export type EntryResult = { annotation: Annotation } | { skip: string };

function hasType(record: JsonRecord, type: string): boolean {
  return asList(own(record, 'type') ?? own(record, '@type')).some((t) => t === type || t === `oa:${type}`);
}

/** Finds the Annotation objects in any W3C container shape: collection, page, list, @graph or one annotation. */
export function webAnnotationEntries(root: unknown): { items: unknown[]; basePath: string } | null {
  if (Array.isArray(root)) {
    return root.some((item) => isRecord(item) && hasType(item, 'Annotation')) ? { items: root, basePath: '' } : null;
  }
  if (!isRecord(root)) return null;
  if (hasType(root, 'Annotation')) return { items: [root], basePath: '' };
  if (hasType(root, 'AnnotationPage')) return { items: asList(own(root, 'items')), basePath: 'items' };
  if (hasType(root, 'AnnotationCollection')) {
    const first = own(root, 'first');
    if (isRecord(first)) {
      // Embedded pages only: a reader's file never makes us fetch anything.
      const items: unknown[] = [];
      let page: unknown = first;
      let guard = 0;
      while (isRecord(page) && guard++ < 10_000) {
        items.push(...asList(own(page, 'items')));
        page = own(page, 'next');
      }
      return { items, basePath: 'first.items' };
    }
    if (first === undefined) return { items: [], basePath: 'first.items' };
    throw new FieldError('first', 'the collection links its pages by URL; export it with the annotations embedded');
  }
  const graph = own(root, '@graph');
  if (Array.isArray(graph) && graph.some((item) => isRecord(item) && hasType(item, 'Annotation'))) {
    return { items: graph, basePath: '@graph' };
  }
  return null;
}

export function webAnnotationPages(root: unknown): PageInfo[] {
  if (!isRecord(root)) return [];
  const pages = own(root, 'factmark:pages');
  if (!Array.isArray(pages)) return [];
  const out: PageInfo[] = [];
  pages.slice(0, 200_000).forEach((page, index) => {
    const path = `factmark:pages[${index}]`;
    const record = expectRecord(page, path);
    const url = expectString(own(record, 'url'), `${path}.url`);
    const title = expectString(own(record, 'title'), `${path}.title`);
    if (isWebUrl(url)) out.push({ url, title });
  });
  return out;
}

export function readSelector(raw: unknown, path: string): Selector | null {
  const record = expectRecord(raw, path);
  const type = own(record, 'type');
  if (type === 'TextQuoteSelector') {
    const selector: TextQuoteSelector = { type, exact: expectText(own(record, 'exact'), `${path}.exact`) };
    const prefix = own(record, 'prefix');
    const suffix = own(record, 'suffix');
    // Context longer than we keep is trimmed to its nearest part, not refused: it only helps anchoring.
    if (prefix !== undefined) selector.prefix = expectString(prefix, `${path}.prefix`, Infinity).slice(-MAX_SHORT);
    if (suffix !== undefined) selector.suffix = expectString(suffix, `${path}.suffix`, Infinity).slice(0, MAX_SHORT);
    return selector;
  }
  if (type === 'TextPositionSelector') {
    const start = expectOffset(own(record, 'start'), `${path}.start`);
    const end = expectOffset(own(record, 'end'), `${path}.end`);
    if (end < start) throw new FieldError(`${path}.end`, `expected end ≥ start (${start}), got ${end}`);
    return { type, start, end } satisfies TextPositionSelector;
  }
  if (type === 'RangeSelector') {
    // Hypothesis-style flat form, or the W3C form with start/end XPathSelectors.
    if (own(record, 'startContainer') !== undefined) {
      return {
        type,
        startContainer: expectString(own(record, 'startContainer'), `${path}.startContainer`),
        startOffset: expectOffset(own(record, 'startOffset'), `${path}.startOffset`),
        endContainer: expectString(own(record, 'endContainer'), `${path}.endContainer`),
        endOffset: expectOffset(own(record, 'endOffset'), `${path}.endOffset`),
      } satisfies RangeSelector;
    }
    const point = (key: 'startSelector' | 'endSelector') => {
      const sub = expectRecord(own(record, key), `${path}.${key}`);
      if (own(sub, 'type') !== 'XPathSelector') return null;
      const refined = own(sub, 'refinedBy');
      const offset = isRecord(refined) && own(refined, 'type') === 'TextPositionSelector' ? expectOffset(own(refined, 'start'), `${path}.${key}.refinedBy.start`) : 0;
      return { xpath: expectString(own(sub, 'value'), `${path}.${key}.value`), offset };
    };
    const start = point('startSelector');
    const end = point('endSelector');
    if (!start || !end) return null;
    return { type, startContainer: start.xpath, startOffset: start.offset, endContainer: end.xpath, endOffset: end.offset };
  }
  // Other selector types (CSS, XPath alone, Fragment, SVG …) cannot place text; they are ignored.
  return null;
}

function verdictFrom(value: string): Verdict | undefined {
  const text = value.trim();
  if (isVerdict(text)) return text;
  const lower = text.toLowerCase();
  return VERDICTS.find((v) => v.en.toLowerCase() === lower || v.ko === text)?.key;
}

interface BodyContent {
  comments: string[];
  verdict?: Verdict;
  sources: string[];
  tags: string[];
}

function readBodies(record: JsonRecord, path: string, motivations: unknown[]): BodyContent {
  const content: BodyContent = { comments: [], sources: [], tags: [] };
  const bodyValue = own(record, 'bodyValue');
  if (bodyValue !== undefined) content.comments.push(expectText(bodyValue, `${path}.bodyValue`));
  const bodies = own(record, 'body');
  const list = asList(bodies);
  expectArray(list, `${path}.body`, 1_000);
  list.forEach((raw, index) => {
    const bodyPath = Array.isArray(bodies) ? `${path}.body[${index}]` : `${path}.body`;
    if (typeof raw === 'string') {
      // A bare IRI body is an external resource: a source when it is a web page.
      if (isWebUrl(raw)) content.sources.push(raw);
      return;
    }
    const body = expectRecord(raw, bodyPath);
    const purposes = asList(own(body, 'purpose'));
    const purpose = purposes.find((p) => typeof p === 'string') ?? (motivations.includes('tagging') ? 'tagging' : undefined);
    const value = own(body, 'value');
    const source = own(body, 'source') ?? (hasType(body, 'TextualBody') ? undefined : own(body, 'id'));
    if (value === undefined) {
      if (source === undefined) return;
      const url = typeof source === 'string' ? source : isRecord(source) ? own(source, 'id') : undefined;
      const sourceUrl = expectString(url, `${bodyPath}.source`);
      if (isWebUrl(sourceUrl)) content.sources.push(sourceUrl);
      return;
    }
    const text = expectText(value, `${bodyPath}.value`);
    if (purpose === 'tagging') {
      if (text.trim()) content.tags.push(expectString(text.trim(), `${bodyPath}.value`, 200));
    } else if (purpose === 'assessing') {
      const verdict = verdictFrom(text);
      if (verdict && !content.verdict) content.verdict = verdict;
      else if (text.trim()) content.comments.push(text);
    } else if (purpose === 'linking' && isWebUrl(text.trim())) {
      content.sources.push(text.trim());
    } else if (text.trim()) {
      content.comments.push(text);
    }
  });
  return content;
}

function readTarget(record: JsonRecord, path: string): { source: string; selectors: Selector[]; targetPath: string } | { skip: string } {
  const targets = own(record, 'target');
  if (targets === undefined) throw new FieldError(`${path}.target`, 'expected a target, got nothing');
  const list = expectArray(asList(targets), `${path}.target`, 100);
  for (let index = 0; index < list.length; index++) {
    const targetPath = Array.isArray(targets) ? `${path}.target[${index}]` : `${path}.target`;
    const raw = list[index];
    if (typeof raw === 'string') continue; // a whole-resource target: a page note, no text to anchor
    const target = expectRecord(raw, targetPath);
    const rawSource = own(target, 'source');
    const sourceValue = isRecord(rawSource) ? own(rawSource, 'id') : Array.isArray(rawSource) ? rawSource[0] : rawSource;
    const source = expectString(sourceValue, `${targetPath}.source`);
    const selectorValue = own(target, 'selector');
    if (selectorValue === undefined) continue;
    if (!isRecord(selectorValue) && !Array.isArray(selectorValue)) fail(`${targetPath}.selector`, 'a selector object or an array of selectors', selectorValue);
    const selectorList = expectArray(asList(selectorValue), `${targetPath}.selector`, 8);
    const selectors = selectorList
      .map((s, i) => readSelector(s, Array.isArray(selectorValue) ? `${targetPath}.selector[${i}]` : `${targetPath}.selector`))
      .filter((s): s is Selector => s !== null);
    if (!selectors.some((s) => s.type === 'TextQuoteSelector')) continue;
    if (!isWebUrl(source)) return { skip: `${targetPath}.source is not a web page (${source.slice(0, 80)})` };
    return { source, selectors, targetPath };
  }
  return { skip: 'no quoted text to anchor (a page note or a non-text target)' };
}

/**
 * Reads one W3C Annotation. Ours (with `factmark:id`) keep every field; others get a
 * deterministic id from their IRI (or their content when they have none).
 */
export function readWebAnnotation(raw: unknown, path: string, now: string): EntryResult {
  const record = expectRecord(raw, path);
  if (!hasType(record, 'Annotation')) fail(`${path}.type`, '"Annotation"', own(record, 'type'));
  const motivations = asList(own(record, 'motivation'));
  if (motivations.includes('replying')) return { skip: 'a reply to another annotation' };
  const target = readTarget(record, path);
  if ('skip' in target) return target;
  const content = readBodies(record, path, motivations);

  const ours = own(record, 'factmark:id') !== undefined;
  const iri = own(record, 'id') ?? own(record, '@id');
  let id: string;
  if (ours) {
    id = expectString(own(record, 'factmark:id'), `${path}.factmark:id`, 128);
    if (!id) fail(`${path}.factmark:id`, 'a non-empty id', id);
  } else if (typeof iri === 'string' && /^urn:uuid:/i.test(iri) && isUuid(iri.slice(9))) {
    id = iri.slice(9).toLowerCase();
  } else if (iri !== undefined) {
    id = uuidV5(`w3c:${expectString(iri, `${path}.id`)}`);
  } else {
    id = uuidV5(`w3c-content:${JSON.stringify([target.source, target.selectors, content])}`);
  }

  const created = own(record, 'created');
  const modified = own(record, 'modified');
  const createdAt = created !== undefined ? expectTimestamp(created, `${path}.created`) : modified !== undefined ? expectTimestamp(modified, `${path}.modified`) : now;
  const updatedAt = modified !== undefined ? expectTimestamp(modified, `${path}.modified`) : createdAt;

  let kind: AnnotationKind = content.verdict ? 'claim' : 'highlight';
  const rawKind = own(record, 'factmark:kind');
  if (rawKind !== undefined) {
    if (rawKind !== 'claim' && rawKind !== 'figure' && rawKind !== 'highlight') fail(`${path}.factmark:kind`, '"claim", "figure" or "highlight"', rawKind);
    kind = rawKind;
  }
  const quote = target.selectors.find((s): s is TextQuoteSelector => s.type === 'TextQuoteSelector')!.exact;
  const annotation: Annotation = {
    id,
    pageUrl: target.source,
    kind,
    quote,
    selectors: ours ? target.selectors : target.selectors.filter((s) => s.type !== 'RangeSelector'),
    sources: [...new Set(content.sources)],
    tags: content.tags,
    createdAt,
    updatedAt,
  };
  if (content.verdict) annotation.verdict = content.verdict;
  if (content.comments.length) annotation.comment = content.comments.join('\n\n');
  const figures = own(record, 'factmark:figures');
  if (figures !== undefined) annotation.figures = expectArray(figures, `${path}.factmark:figures`, 200) as Annotation['figures'];
  const color = own(record, 'factmark:color');
  if (color !== undefined) annotation.color = expectString(color, `${path}.factmark:color`, 16);
  return { annotation };
}
