/**
 * The typed, validated protocol between content scripts, extension pages and
 * the background worker. Every request is validated at runtime before any
 * handler runs, so a malformed or unknown message changes nothing.
 *
 * Envelope: { type, payload } → { ok: true, data } | { ok: false, error }.
 */
import * as v from 'valibot';
import {
  AnnotationDraftSchema,
  AnnotationSchema,
  CheckSchema,
  ClaimSchema,
  FigureSchema,
  PageReportSchema,
  MAX_SHORT,
} from './annotation-schema';
import type { Annotation, PageRecord, Verdict } from './annotation';
import { VERDICT_KEYS } from './annotation';
import type { Check, Claim, Figure, ScanResult } from './detect/types';

const pageUrl = PageReportSchema.entries.url;
const id = AnnotationSchema.entries.id;

/** Who may send a request: `page` = a content script in a tab, `extension` = the popup/options pages. */
export type Origin = 'page' | 'extension';

/** Request payload schemas. Adding a message = one entry here + one in `Responses`. */
export const requestSchemas = {
  'page.report': v.object({
    page: PageReportSchema,
    figures: v.pipe(v.array(FigureSchema), v.maxLength(5_000)),
    claims: v.pipe(v.array(ClaimSchema), v.maxLength(5_000)),
    checks: v.pipe(v.array(CheckSchema), v.maxLength(1_000)),
  }),
  'annotation.save': v.object({ annotation: AnnotationDraftSchema }),
  /** Article text scanned by the background worker, off the page's main thread. The text never leaves the machine. */
  'text.scan': v.object({
    text: v.pipe(v.string(), v.maxLength(4_000_000)),
    /** The reader's detection languages (settings); absent: all. */
    languages: v.optional(v.pipe(v.array(v.pipe(v.string(), v.maxLength(16))), v.maxLength(20))),
    /** Language of the checks' messages: that of the view showing them; absent: the worker's UI language. */
    checkLanguage: v.optional(v.picklist(['ko', 'en'])),
  }),
  'annotation.update': v.object({
    id,
    patch: v.partial(
      v.pick(AnnotationSchema, ['verdict', 'comment', 'sources', 'tags', 'color', 'selectors', 'quote']),
    ),
    /** Explicitly clears the verdict (a patch cannot say "undefined"). */
    clearVerdict: v.optional(v.boolean()),
  }),
  'annotation.delete': v.object({ id }),
  'annotations.forPage': v.object({ url: pageUrl }),
  'anchors.report': v.object({
    url: pageUrl,
    orphans: v.pipe(v.array(id), v.maxLength(10_000)),
    anchored: v.pipe(v.array(id), v.maxLength(10_000)),
  }),
  'annotations.import': v.object({
    annotations: v.pipe(v.array(AnnotationSchema), v.maxLength(200_000)),
    pages: v.optional(v.array(v.object({ url: pageUrl, title: v.pipe(v.string(), v.maxLength(MAX_SHORT)) }))),
  }),
  'annotations.clear': v.object({ confirm: v.literal(true) }),
  'settings.get': v.object({}),
  'settings.set': v.object({ patch: v.record(v.pipe(v.string(), v.maxLength(64)), v.unknown()) }),
  'sync.now': v.object({}),
  'sync.status': v.object({}),
  'sync.test': v.object({}),
  'sync.resolve': v.object({
    id,
    keepRev: v.pipe(v.string(), v.maxLength(200)),
    /**
     * Merge instead of keeping one version: the merged fields as previewed (sources and tags
     * of every version, comments joined, the verdict picked from one version). The background
     * checks them against the stored versions; `keepRev` supplies the other fields.
     */
    merged: v.optional(
      v.object({
        verdict: AnnotationSchema.entries.verdict,
        comment: AnnotationSchema.entries.comment,
        sources: AnnotationSchema.entries.sources,
        tags: AnnotationSchema.entries.tags,
      }),
    ),
  }),
} as const;

export type RequestType = keyof typeof requestSchemas;
export type RequestPayload<T extends RequestType> = v.InferOutput<(typeof requestSchemas)[T]>;

/** Which origins may send each request. Settings and bulk writes never come from a web page's tab. */
export const requestOrigins: Record<RequestType, readonly Origin[]> = {
  'page.report': ['page'],
  'text.scan': ['page'],
  'annotation.save': ['page', 'extension'],
  'annotation.update': ['page', 'extension'],
  'annotation.delete': ['page', 'extension'],
  'annotations.forPage': ['page', 'extension'],
  'anchors.report': ['page'],
  'annotations.import': ['extension'],
  'annotations.clear': ['extension'],
  'settings.get': ['page', 'extension'],
  'settings.set': ['extension'],
  'sync.now': ['extension'],
  'sync.status': ['extension'],
  'sync.test': ['extension'],
  'sync.resolve': ['extension'],
};

export interface SyncStatusView {
  state: 'idle' | 'syncing' | 'error' | 'disabled';
  lastSyncAt?: string;
  pending: number;
  conflicts: number;
  lastError?: string;
  nextRetryAt?: string;
}

export interface Responses {
  'page.report': { page: PageRecord; annotations: Annotation[] };
  'annotation.save': { annotation: Annotation };
  'text.scan': ScanResult;
  'annotation.update': { annotation: Annotation };
  'annotation.delete': { id: string };
  'annotations.forPage': { annotations: Annotation[] };
  'anchors.report': { orphans: number };
  'annotations.import': { added: number; updated: number; unchanged: number };
  'annotations.clear': { removed: number };
  'settings.get': { settings: Record<string, unknown> };
  'settings.set': { settings: Record<string, unknown> };
  'sync.now': SyncStatusView;
  'sync.status': SyncStatusView;
  'sync.test': { ok: boolean; message: string };
  'sync.resolve': { annotation: Annotation };
}

export interface Request<T extends RequestType = RequestType> {
  type: T;
  payload: RequestPayload<T>;
}

export type ErrorCode = 'invalid' | 'unknown-type' | 'forbidden' | 'not-found' | 'quota' | 'internal';

export type Reply<T extends RequestType = RequestType> =
  | { ok: true; data: Responses[T] }
  | { ok: false; error: { code: ErrorCode; message: string } };

/** An error a handler throws to send a specific code back. */
export class ProtocolError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ProtocolError';
  }
}

/** Messages the background broadcasts to every tab and extension page. */
export type Broadcast =
  | { type: 'annotations.changed'; payload: { pageUrls: string[]; ids: string[] } }
  | { type: 'sync.changed'; payload: SyncStatusView }
  | { type: 'settings.changed'; payload: { settings: Record<string, unknown> } };

/** Messages an extension page sends to the content script of a tab. */
export type TabCommand =
  | { type: 'tab.scrollTo'; payload: { annotationId?: string; start?: number; end?: number } }
  | { type: 'tab.detections'; payload: Record<string, never> }
  | { type: 'tab.embeddedReviews'; payload: Record<string, never> }
  /** From the context menu or a keyboard command: act on the tab's current selection. */
  | { type: 'tab.selectionAction'; payload: { action: 'fact-check' | 'highlight' } };

export function isBroadcast(message: unknown): message is Broadcast {
  return (
    typeof message === 'object' &&
    message !== null &&
    typeof (message as { type?: unknown }).type === 'string' &&
    ['annotations.changed', 'sync.changed', 'settings.changed'].includes((message as { type: string }).type)
  );
}

/** Plain-words summary of a validation failure: the path and what was expected. */
function describeIssues(issues: readonly v.BaseIssue<unknown>[]): string {
  return issues
    .slice(0, 5)
    .map((issue) => {
      const path = v.getDotPath(issue);
      return path ? `${path}: ${issue.message}` : issue.message;
    })
    .join('; ');
}

export type ValidatedRequest = { [T in RequestType]: Request<T> }[RequestType];

/** Validates an untrusted message. Returns the typed request or an error reply. */
export function validateRequest(
  message: unknown,
  origin: Origin,
): { ok: true; request: ValidatedRequest } | { ok: false; error: { code: ErrorCode; message: string } } {
  if (typeof message !== 'object' || message === null || Array.isArray(message)) {
    return { ok: false, error: { code: 'invalid', message: 'Message must be an object with "type" and "payload".' } };
  }
  const { type, payload } = message as { type?: unknown; payload?: unknown };
  if (typeof type !== 'string' || !Object.hasOwn(requestSchemas, type)) {
    return {
      ok: false,
      error: { code: 'unknown-type', message: `Unknown message type: ${JSON.stringify(String(type)).slice(0, 80)}.` },
    };
  }
  const requestType = type as RequestType;
  if (!requestOrigins[requestType].includes(origin)) {
    return { ok: false, error: { code: 'forbidden', message: `"${requestType}" may not be sent from a ${origin}.` } };
  }
  const parsed = v.safeParse(requestSchemas[requestType], payload ?? {});
  if (!parsed.success) {
    return { ok: false, error: { code: 'invalid', message: `Invalid "${requestType}" payload: ${describeIssues(parsed.issues)}.` } };
  }
  return { ok: true, request: { type: requestType, payload: parsed.output } as ValidatedRequest };
}

export type Handlers = {
  [T in RequestType]: (payload: RequestPayload<T>, context: { origin: Origin; tabId?: number }) => Promise<Responses[T]>;
};

/** Minimal view of runtime.MessageSender, so Node tests can build one. */
export interface SenderLike {
  id?: string;
  url?: string;
  tab?: { id?: number };
}

/**
 * Classifies a sender. Only this extension's own contexts are trusted: a content
 * script (has a tab) or one of our pages (URL on our origin). Anything else is refused.
 */
export function senderOrigin(sender: SenderLike, extensionId: string, extensionOrigin: string): Origin | null {
  if (sender.id !== extensionId) return null;
  if (sender.url && sender.url.startsWith(extensionOrigin)) return 'extension';
  if (sender.tab) return 'page';
  return null;
}

/** Validates, authorises and routes one message; never throws. */
export async function dispatch(
  handlers: Handlers,
  message: unknown,
  origin: Origin | null,
  tabId?: number,
): Promise<Reply> {
  if (origin === null) {
    return { ok: false, error: { code: 'forbidden', message: 'Messages are accepted from Factmark itself only.' } };
  }
  const validated = validateRequest(message, origin);
  if (!validated.ok) return validated;
  const { request } = validated;
  try {
    const handler = handlers[request.type] as (p: unknown, c: { origin: Origin; tabId?: number }) => Promise<unknown>;
    const data = await handler(request.payload, { origin, tabId });
    return { ok: true, data } as Reply;
  } catch (error) {
    return { ok: false, error: toErrorPayload(error) };
  }
}

export function toErrorPayload(error: unknown): { code: ErrorCode; message: string } {
  if (error instanceof ProtocolError) return { code: error.code, message: error.message };
  const name = (error as { name?: string } | null)?.name ?? '';
  const message = (error as { message?: string } | null)?.message ?? String(error);
  // Dexie reports a quota failure as a transaction AbortError whose `inner` is the QuotaExceededError.
  const inner = (error as { inner?: { name?: string } } | null)?.inner;
  if (name === 'QuotaExceededError' || inner?.name === 'QuotaExceededError' || /quota/i.test(message)) {
    return { code: 'quota', message: 'Browser storage is full: the note was not saved. Free some space or export and delete old notes.' };
  }
  return { code: 'internal', message: message || 'Unexpected error.' };
}

/** Anything that can carry a message to the background (browser.runtime, or a fake in tests). */
export interface MessageTransport {
  sendMessage(message: unknown): Promise<unknown>;
}

/** Sends a typed request and unwraps the reply; throws ProtocolError on an error reply. */
export async function sendRequest<T extends RequestType>(
  transport: MessageTransport,
  type: T,
  payload: RequestPayload<T>,
): Promise<Responses[T]> {
  const reply = (await transport.sendMessage({ type, payload })) as Reply<T> | undefined;
  if (!reply || typeof reply !== 'object') {
    throw new ProtocolError('internal', 'No reply from the Factmark background worker.');
  }
  if (!reply.ok) throw new ProtocolError(reply.error.code, reply.error.message);
  return reply.data;
}

