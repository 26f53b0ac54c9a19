/**
 * One page as the content script handles it: extract and scan the article,
 * highlight detections, re-anchor and highlight saved notes, answer hovers,
 * clicks and selections, and keep all of it current as the page changes.
 *
 * Everything is injected (document, window, the message sender, the scanner),
 * so the entrypoint stays a few lines of wiring.
 */
import type { Annotation } from '../annotation';
import { anchorMany } from '../anchor/anchor';
import { describeOffsets, describeRange } from '../anchor/describe';
import { type TextIndex, createTextIndex } from '../anchor/text-index';
import { DEFAULT_SETTINGS, detectionDisabledOn, settingsFrom, type Settings } from '../background/settings';
import type { ArticleText } from '../detect/article';
import type { ScanResult } from '../detect/types';
import { rectUnder } from '../highlight/hit-test';
import { PageHighlights, type Mark } from '../highlight/page-highlights';
import type { RequestPayload, RequestType, Responses, TabCommand } from '../messages';
import type { NoteDraft } from '../../components/page-ui/note-draft';
import type { PageUiHandle } from '../../components/page-ui/mount';
import type { AnchorRect } from '../../components/page-ui/PageUi';
import { cardModel, figuresWithin } from './card-model';
import { type DomWatch, touchesArticle, watchDom } from './dom-watch';
import { debounce, whenIdle, yieldToMain } from './scheduler';

export interface PageSessionDeps {
  doc: Document;
  win: Window;
  send<T extends RequestType>(type: T, payload: RequestPayload<T>): Promise<Responses[T]>;
  /** The page's normalised URL (changes on history navigation). */
  pageUrl(): string;
  extract(doc: Document): ArticleText;
  /** The detector; the extension runs it in the background worker, off the page's main thread. */
  scan(text: string, languages: readonly string[]): ScanResult | Promise<ScanResult>;
  mountUi(doc: Document): PageUiHandle;
  locale: string;
  /** UI strings (browser.i18n in the extension). */
  t(key: string, substitutions?: string | string[]): string;
}

type Target = { kind: Annotation['kind']; start: number; end: number; annotation?: Annotation };

export class PageSession {
  private index: TextIndex | null = null;
  private scanResult: ScanResult | null = null;
  private notes = new Map<string, Annotation>();
  private orphans: string[] = [];
  private settings: Settings = DEFAULT_SETTINGS;
  private highlights: PageHighlights | null = null;
  private ui: PageUiHandle | null = null;
  private watch: DomWatch | null = null;
  private run = 0;
  private abort: AbortController | null = null;
  private url = '';
  private lastText = '';
  private pointer = { x: 0, y: 0 };
  private hoverFrame = 0;
  private hoverTimer: number | undefined;
  private shownCardKey = '';
  private cardPinned = false;
  private restoreFocus: Element | null = null;
  private repairTimer: number | undefined;
  private readonly cleanups: Array<() => void> = [];
  private readonly onMutation: ReturnType<typeof debounce>;
  private readonly onSelection: ReturnType<typeof debounce>;
  /** Resolves when the current run has drawn everything (tests, benchmarks). */
  ready: Promise<void> = Promise.resolve();

  constructor(private readonly deps: PageSessionDeps) {
    this.onMutation = debounce(deps.win, () => void this.refresh('mutation'), 400, 2_000);
    this.onSelection = debounce(deps.win, () => this.updateToolbar(), 200, 600);
  }

  get detectionEnabled(): boolean {
    return !detectionDisabledOn(this.deps.win.location.hostname, this.settings.disabledSites);
  }

  async start(): Promise<void> {
    try {
      const { settings } = await this.deps.send('settings.get', {});
      this.applySettings(settings);
    } catch {
      // Background asleep or restarting: defaults until a settings broadcast arrives.
    }
    this.listen();
    this.ready = this.refresh('load');
    await this.ready;
  }

  /** Full re-run after history navigation (pushState, popstate). */
  navigated(): void {
    // The Navigation API's `navigate` event fires before location changes: look a moment later.
    this.deps.win.setTimeout(() => {
      if (this.deps.pageUrl() === this.url) return;
      this.hideTransientUi();
      this.ready = this.refresh('navigation');
    }, 50);
  }

  private applySettings(raw: Record<string, unknown>): void {
    this.settings = settingsFrom(raw);
  }

  private extractIndex(): TextIndex {
    return createTextIndex(this.deps.extract(this.deps.doc));
  }

  private ensureHighlights(): PageHighlights {
    if (!this.highlights) {
      this.highlights = new PageHighlights(this.deps.doc, {
        getIndex: () => this.index!,
        freshIndex: () => (this.index = this.extractIndex()),
        onDomChanged: () => {
          // Only the <factmark-mark> fallback gets here: our wrapping split text nodes.
          this.index = this.extractIndex();
          this.watch?.discardPending();
        },
      });
    }
    return this.highlights;
  }

  /**
   * Extract, scan, highlight, fetch and re-anchor notes. `load`/`navigation`
   * report the page; `mutation` only redraws when the text really changed.
   */
  private async refresh(reason: 'load' | 'navigation' | 'mutation' | 'settings' | 'languages'): Promise<void> {
    const run = ++this.run;
    this.abort?.abort();
    const abort = (this.abort = new AbortController());
    const { win } = this.deps;
    await whenIdle(win);
    if (run !== this.run) return;

    const index = this.extractIndex();
    if (reason === 'mutation' && index.text === this.lastText) {
      // Same text, maybe new nodes: ranges must point at the live ones.
      this.index = index;
      this.redrawDetections();
      this.redrawNotes();
      return;
    }
    const detect = this.detectionEnabled;
    let scanned: ScanResult | null = null;
    if (detect) {
      try {
        scanned = await this.deps.scan(index.text, this.settings.languages);
      } catch {
        scanned = null; // the worker was unreachable: notes still anchor, detections wait for the next refresh
      }
      if (run !== this.run) return;
    }
    // Index and detections change together, so offsets always refer to the same text.
    this.index = index;
    this.lastText = index.text;
    this.url = this.deps.pageUrl();
    this.scanResult = scanned;
    this.redrawDetections();

    await yieldToMain(win);
    if (run !== this.run) return;
    let annotations: Annotation[];
    try {
      if (detect && this.scanResult && reason !== 'settings') {
        const reply = await this.deps.send('page.report', {
          page: { url: this.url, title: this.deps.doc.title.slice(0, 2_000), lang: this.scanResult.lang },
          figures: this.scanResult.figures.slice(0, 5_000),
          claims: this.scanResult.claims.slice(0, 5_000),
          checks: this.scanResult.checks.slice(0, 1_000),
        });
        annotations = reply.annotations;
      } else {
        annotations = (await this.deps.send('annotations.forPage', { url: this.url })).annotations;
      }
    } catch {
      annotations = [...this.notes.values()];
    }
    if (run !== this.run) return;
    await this.anchorNotes(annotations, abort.signal, run);
  }

  private redrawDetections(): void {
    if (!this.index) return;
    const highlights = this.ensureHighlights();
    if (this.scanResult && this.settings.highlightDetections && this.detectionEnabled) {
      highlights.showDetections(this.scanResult.claims, this.scanResult.figures, this.settings.minScore);
    } else highlights.clearDetections();
  }

  private anchored: Array<{ id: string; start: number; end: number }> = [];

  private async anchorNotes(annotations: readonly Annotation[], signal: AbortSignal, run: number): Promise<void> {
    const live = annotations.filter((a) => !a.deleted);
    const results = await anchorMany(this.index!, live, { signal, yieldToMain: () => yieldToMain(this.deps.win) });
    if (run !== this.run || signal.aborted) return;
    this.notes = new Map(live.map((a) => [a.id, a]));
    this.anchored = [];
    const orphans: string[] = [];
    live.forEach((annotation, i) => {
      const place = results[i];
      if (place) this.anchored.push({ id: annotation.id, start: place.start, end: place.end });
      else orphans.push(annotation.id);
    });
    this.redrawNotes();
    const changed = orphans.join() !== this.orphans.join();
    this.orphans = orphans;
    if (live.length && (changed || orphans.length)) {
      await this.deps
        .send('anchors.report', { url: this.url, orphans, anchored: this.anchored.map((a) => a.id) })
        .catch(() => undefined);
    }
  }

  private redrawNotes(): void {
    if (!this.index) return;
    this.ensureHighlights().showNotes(
      this.anchored.map((place) => {
        const note = this.notes.get(place.id);
        return { ...place, verdict: note?.verdict, color: note?.color };
      }),
    );
  }

  /** Notes that did not anchor on this page (listed as "not found on this page"). */
  get orphanIds(): readonly string[] {
    return this.orphans;
  }

  // ---- events -------------------------------------------------------------

  private on<K extends keyof DocumentEventMap>(target: Document | Window, type: K, handler: (event: DocumentEventMap[K]) => void, options?: AddEventListenerOptions): void {
    target.addEventListener(type, handler as EventListener, options);
    this.cleanups.push(() => target.removeEventListener(type, handler as EventListener, options));
  }

  private listen(): void {
    const { doc, win } = this.deps;
    this.on(doc, 'pointermove', (event) => this.onPointerMove(event), { passive: true });
    this.on(doc, 'click', (event) => this.onClick(event));
    this.on(doc, 'selectionchange', () => this.onSelection());
    this.on(doc, 'keydown', (event) => {
      if (event.key === 'Escape' && !this.ui?.state.editor) this.hideTransientUi();
    });
    this.on(win, 'scroll', () => {
      if (this.ui?.state.card && !this.cardPinned) this.hideCard();
      if (this.ui?.state.toolbar) this.onSelection();
    }, { passive: true });
    if (doc.body) this.watch = watchDom(doc.body, () => this.onMutation(), (record) => touchesArticle(record, this.index?.root ?? null));
    // Page scripts can clear the highlight registry or remove our <style>.
    this.repairTimer = win.setInterval(() => this.highlights?.repair(), 2_000);
  }

  private getUi(): PageUiHandle {
    if (!this.ui) this.ui = this.deps.mountUi(this.deps.doc);
    return this.ui;
  }

  private onPointerMove(event: PointerEvent): void {
    if (event.pointerType === 'touch' || !this.highlights || this.ui?.state.editor) return;
    if (this.ui?.owns(event.target)) return;
    this.pointer = { x: event.clientX, y: event.clientY };
    if (this.hoverFrame) return;
    this.hoverFrame = this.deps.win.requestAnimationFrame(() => {
      this.hoverFrame = 0;
      this.hover();
    });
  }

  private hover(): void {
    const marks = this.highlights!.marksAt(this.pointer.x, this.pointer.y);
    const { win } = this.deps;
    if (marks.length) {
      const key = markKey(marks[0]);
      if (key === this.shownCardKey) {
        win.clearTimeout(this.hoverTimer);
        return;
      }
      win.clearTimeout(this.hoverTimer);
      const point = { ...this.pointer };
      this.hoverTimer = win.setTimeout(() => this.showCard(marks, point, false), 180);
    } else if (this.ui?.state.card && !this.cardPinned) {
      win.clearTimeout(this.hoverTimer);
      this.hoverTimer = win.setTimeout(() => {
        if (!this.ui?.pointerInCard && !this.cardPinned) this.hideCard();
      }, 300);
    } else win.clearTimeout(this.hoverTimer);
  }

  private onClick(event: MouseEvent): void {
    if (!this.highlights || this.ui?.owns(event.target)) return;
    const selection = this.deps.doc.getSelection();
    if (selection && !selection.isCollapsed) return;
    const marks = this.highlights.marksAt(event.clientX, event.clientY);
    if (marks.length) this.showCard(marks, { x: event.clientX, y: event.clientY }, true);
    else if (this.ui?.state.card) this.hideCard();
  }

  private showCard(marks: Mark[], point: { x: number; y: number }, pinned: boolean): void {
    const model = cardModel(marks, this.scanResult, this.notes, this.settings.minScore);
    if (!model) return;
    const range = this.highlights!.rangeOf(model.target.start, model.target.end);
    const under = range ? rectUnder(range.getClientRects(), point.x, point.y) : undefined;
    const box = under ?? range?.getBoundingClientRect();
    const anchor: AnchorRect = box ? { left: box.left, top: box.top, right: box.right, bottom: box.bottom } : { left: point.x, top: point.y, right: point.x, bottom: point.y };
    this.shownCardKey = markKey(marks[0]);
    this.cardPinned = pinned;
    const existing = model.note;
    this.getUi().update({
      card: {
        anchor,
        props: {
          claim: model.claim ? { kinds: model.claim.kinds, score: model.claim.score } : undefined,
          figures: model.figures,
          checks: model.checks,
          note: existing ? { verdict: existing.verdict, comment: existing.comment, sources: existing.sources, tags: existing.tags } : undefined,
          locale: this.deps.locale,
          onAddNote: () =>
            this.openEditor(
              existing
                ? { kind: existing.kind, start: model.target.start, end: model.target.end, annotation: existing }
                : { kind: model.target.kind === 'figure' ? 'figure' : 'claim', start: model.claim && model.target.kind === 'claim' ? model.claim.start : model.target.start, end: model.claim && model.target.kind === 'claim' ? model.claim.end : model.target.end },
            ),
          onClose: () => this.hideCard(),
        },
      },
    });
  }

  private hideCard(): void {
    this.shownCardKey = '';
    this.cardPinned = false;
    if (this.ui?.state.card) this.ui.update({ card: undefined });
  }

  private hideTransientUi(): void {
    this.deps.win.clearTimeout(this.hoverTimer);
    this.shownCardKey = '';
    this.cardPinned = false;
    if (this.ui && (this.ui.state.card || this.ui.state.toolbar)) this.ui.update({ card: undefined, toolbar: undefined });
  }

  // ---- selection ----------------------------------------------------------

  /** The reader's selection as article offsets, or null. */
  private selectionTarget(): { start: number; end: number; range: Range } | null {
    if (!this.index) return null;
    const selection = this.deps.doc.getSelection();
    if (!selection || selection.isCollapsed || !selection.rangeCount) return null;
    const range = selection.getRangeAt(0);
    if (this.ui?.owns(range.commonAncestorContainer)) return null;
    const described = describeRange(this.index, range);
    return described ? { start: described.start, end: described.end, range } : null;
  }

  private updateToolbar(): void {
    if (this.ui?.state.editor) return;
    const target = this.selectionTarget();
    if (!target) {
      if (this.ui?.state.toolbar) this.ui.update({ toolbar: undefined });
      return;
    }
    const rect = target.range.getBoundingClientRect();
    this.getUi().update({
      card: undefined,
      toolbar: {
        anchor: { left: rect.left, top: rect.top, right: rect.right, bottom: rect.bottom },
        props: {
          onHighlight: () => void this.saveSelectionAsHighlight(),
          onFactCheck: () => this.factCheckSelection(),
        },
      },
    });
  }

  factCheckSelection(): boolean {
    const target = this.selectionTarget();
    if (!target) {
      this.announce(this.deps.t('pageUiNoSelection'));
      return false;
    }
    // Fact-checking a selection checks a claim, or a figure when exactly one figure is selected.
    const figure = this.scanResult?.figures.find((f) => f.start === target.start && f.end === target.end);
    this.openEditor({ kind: figure ? 'figure' : 'claim', start: target.start, end: target.end });
    return true;
  }

  async saveSelectionAsHighlight(): Promise<boolean> {
    const target = this.selectionTarget();
    if (!target) {
      this.announce(this.deps.t('pageUiNoSelection'));
      return false;
    }
    this.ui?.update({ toolbar: undefined });
    try {
      await this.saveNew({ kind: 'highlight', start: target.start, end: target.end }, { comment: '', sources: [], tags: [] });
      this.deps.doc.getSelection()?.removeAllRanges();
      this.announce(this.deps.t('pageUiHighlightSaved'));
      return true;
    } catch (error) {
      this.announce(this.deps.t('pageUiSaveFailed', (error as Error).message));
      return false;
    }
  }

  // ---- the editor ---------------------------------------------------------

  private openEditor(target: Target): void {
    if (!this.index) return;
    const doc = this.deps.doc;
    this.restoreFocus = doc.activeElement;
    const existing = target.annotation;
    const quote = existing?.quote ?? describeOffsets(this.index, target.start, target.end)?.quote ?? '';
    const close = () => {
      this.getUi().update({ editor: undefined });
      const previous = this.restoreFocus as HTMLElement | null;
      this.restoreFocus = null;
      if (previous?.isConnected && typeof previous.focus === 'function') previous.focus();
    };
    this.getUi().update({
      card: undefined,
      toolbar: undefined,
      editor: {
        quote,
        editing: !!existing,
        initial: existing ? { verdict: existing.verdict, comment: existing.comment ?? '', sources: existing.sources, tags: existing.tags } : undefined,
        onCancel: close,
        onSave: async (draft) => {
          if (existing) await this.saveEdit(existing, draft);
          else await this.saveNew(target, draft);
          close();
          this.announce(this.deps.t('pageUiSaved'));
        },
      },
    });
  }

  private async saveNew(target: Target, draft: NoteDraft): Promise<Annotation> {
    const described = describeOffsets(this.index!, target.start, target.end);
    if (!described) throw new Error(this.deps.t('pageUiNoSelection'));
    const figures = this.scanResult ? figuresWithin(this.scanResult.figures, described.start, described.end) : [];
    const { annotation } = await this.deps.send('annotation.save', {
      annotation: {
        pageUrl: this.url,
        kind: target.kind,
        quote: described.quote,
        selectors: described.selectors,
        ...(figures.length ? { figures } : {}),
        ...(draft.verdict ? { verdict: draft.verdict } : {}),
        ...(draft.comment ? { comment: draft.comment } : {}),
        sources: draft.sources,
        tags: draft.tags,
      },
    });
    // Show it at once; the 'annotations.changed' broadcast re-syncs with the store.
    this.notes.set(annotation.id, annotation);
    this.anchored = [...this.anchored.filter((a) => a.id !== annotation.id), { id: annotation.id, start: described.start, end: described.end }];
    this.redrawNotes();
    return annotation;
  }

  private async saveEdit(existing: Annotation, draft: NoteDraft): Promise<Annotation> {
    const { annotation } = await this.deps.send('annotation.update', {
      id: existing.id,
      patch: { ...(draft.verdict ? { verdict: draft.verdict } : {}), comment: draft.comment, sources: draft.sources, tags: draft.tags },
      ...(!draft.verdict && existing.verdict ? { clearVerdict: true } : {}),
    });
    this.notes.set(annotation.id, annotation);
    this.redrawNotes();
    return annotation;
  }

  private announce(message: string): void {
    this.getUi().update({ announcement: message });
  }

  // ---- messages -----------------------------------------------------------

  /** Handles a broadcast or tab command; undefined when the message is not ours. */
  handleMessage(message: unknown): Promise<unknown> | undefined {
    const { type, payload } = (message ?? {}) as { type?: string; payload?: any };
    switch (type) {
      case 'tab.pageUrl':
        return Promise.resolve({ url: this.url || this.deps.pageUrl() });
      case 'annotations.changed':
        if (Array.isArray(payload?.pageUrls) && !payload.pageUrls.includes(this.url)) return Promise.resolve({ ok: true });
        return this.refetchNotes().then(() => ({ ok: true }));
      case 'settings.changed': {
        const before = this.settings;
        this.applySettings(payload?.settings ?? {});
        // Other languages change what is detected, so the page's stored detections (the popup's list) are re-reported.
        if (this.settings.languages.join() !== before.languages.join()) this.ready = this.refresh('languages');
        else if (JSON.stringify(this.settings) !== JSON.stringify(before)) this.ready = this.refresh('settings');
        return this.ready.then(() => ({ ok: true }));
      }
      case 'tab.scrollTo':
        return Promise.resolve(this.scrollTo(payload ?? {}));
      case 'tab.detections':
        return Promise.resolve({
          url: this.url,
          lang: this.scanResult?.lang,
          figures: this.scanResult?.figures ?? [],
          claims: this.scanResult?.claims ?? [],
          checks: this.scanResult?.checks ?? [],
          orphans: this.orphans,
        });
      case 'tab.selectionAction': {
        const action = (payload as Extract<TabCommand, { type: 'tab.selectionAction' }>['payload'])?.action;
        if (action === 'highlight') return this.saveSelectionAsHighlight().then((ok) => ({ ok }));
        return Promise.resolve({ ok: this.factCheckSelection() });
      }
      default:
        return undefined;
    }
  }

  private async refetchNotes(): Promise<void> {
    if (!this.index || !this.url) return;
    try {
      const { annotations } = await this.deps.send('annotations.forPage', { url: this.url });
      this.abort?.abort();
      const abort = (this.abort = new AbortController());
      await this.anchorNotes(annotations, abort.signal, this.run);
    } catch {
      // Keep what is drawn; the next change will try again.
    }
  }

  private scrollTo(target: { annotationId?: string; start?: number; end?: number }): { found: boolean } {
    let place: { start: number; end: number } | undefined;
    if (target.annotationId) place = this.anchored.find((a) => a.id === target.annotationId);
    else if (typeof target.start === 'number' && typeof target.end === 'number') place = { start: target.start, end: target.end };
    const range = place && this.highlights?.rangeOf(place.start, place.end);
    if (!place || !range) return { found: false };
    const { win } = this.deps;
    const rect = range.getBoundingClientRect();
    const reduce = win.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
    win.scrollTo({ top: win.scrollY + rect.top - win.innerHeight / 3, behavior: reduce ? 'auto' : 'smooth' });
    this.highlights!.flash(place.start, place.end);
    return { found: true };
  }

  destroy(): void {
    this.run++;
    this.abort?.abort();
    this.onMutation.cancel();
    this.onSelection.cancel();
    this.watch?.stop();
    this.deps.win.clearInterval(this.repairTimer);
    this.deps.win.clearTimeout(this.hoverTimer);
    for (const cleanup of this.cleanups.splice(0)) cleanup();
    this.highlights?.destroy();
    this.ui?.destroy();
  }
}

function markKey(mark: Mark): string {
  return mark.kind === 'note' ? `note:${mark.id}` : `${mark.kind}:${mark.index}`;
}
