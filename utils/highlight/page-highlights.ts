/**
 * The page's highlights as the content script sees them: detected claims and
 * figures, saved notes, and a short flash. Keeps what each highlight stands for
 * (a claim index, a note id) so hovers and clicks can be answered.
 */
import type { Verdict } from '../annotation';
import type { Claim, Figure } from '../detect/types';
import type { TextIndex } from '../anchor/text-index';
import { offsetsToRange } from '../anchor/text-index';
import { createCustomHighlightRenderer, type HighlightApi, nativeHighlightApi } from './custom-highlight-renderer';
import { hitTest } from './hit-test';
import { createMarkRenderer } from './mark-renderer';
import type { HighlightItem, Renderer } from './renderer';
import { claimStyle, highlightToken, noteStyle } from './styles';

export type Mark =
  | { kind: 'claim'; index: number; start: number; end: number; score: number }
  | { kind: 'figure'; index: number; start: number; end: number }
  | { kind: 'note'; id: string; start: number; end: number; verdict?: Verdict; color?: string };

export interface PageHighlightsOptions {
  /** The current text index; called again after a fallback draw changed the DOM. */
  getIndex: () => TextIndex;
  /** A freshly extracted index; the element fallback needs one after it unwrapped text. Defaults to getIndex. */
  freshIndex?: () => TextIndex;
  /** Called after the element fallback wrapped or unwrapped text (indexes must be rebuilt). */
  onDomChanged?: () => void;
  /** Overrides the native API (tests); `null` forces the element fallback. */
  highlightApi?: HighlightApi | null;
  token?: string;
}

export class PageHighlights {
  readonly renderer: Renderer;
  private detections: Mark[] = [];
  private notes: Mark[] = [];
  private flashTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly doc: Document,
    private readonly options: PageHighlightsOptions,
  ) {
    const token = options.token ?? highlightToken();
    const api = options.highlightApi === undefined ? nativeHighlightApi(doc.defaultView as Window & typeof globalThis) : options.highlightApi;
    this.renderer = api
      ? createCustomHighlightRenderer(doc, api, token, options.getIndex)
      : createMarkRenderer(doc, token, options.freshIndex ?? options.getIndex, () => options.onDomChanged?.());
  }

  /** Claims at or above `minScore` (by check-worthiness band) and every figure. */
  showDetections(claims: readonly Claim[], figures: readonly Figure[], minScore: number): void {
    const marks: Mark[] = [];
    claims.forEach((claim, index) => {
      if (claim.score >= minScore && claim.end > claim.start) marks.push({ kind: 'claim', index, start: claim.start, end: claim.end, score: claim.score });
    });
    figures.forEach((figure, index) => {
      if (figure.end > figure.start) marks.push({ kind: 'figure', index, start: figure.start, end: figure.end });
    });
    this.detections = marks;
    this.renderer.setLayer(
      'detections',
      marks.map((mark): HighlightItem => ({ start: mark.start, end: mark.end, style: mark.kind === 'claim' ? claimStyle(mark.score, minScore) : 'figure' })),
    );
  }

  clearDetections(): void {
    this.detections = [];
    this.renderer.setLayer('detections', []);
  }

  showNotes(notes: ReadonlyArray<{ id: string; start: number; end: number; verdict?: Verdict; color?: string }>): void {
    this.notes = notes.map((note) => ({ kind: 'note', ...note }));
    this.renderer.setLayer(
      'notes',
      notes.map((note) => ({ start: note.start, end: note.end, style: noteStyle(note.verdict, note.color) })),
    );
  }

  /** Marks under a viewport point, topmost first: notes, then claims, then figures (showDetections lists claims first). */
  marksAt(x: number, y: number): Mark[] {
    return hitTest(this.doc, this.options.getIndex(), [...this.notes, ...this.detections], x, y);
  }

  rangeOf(start: number, end: number): Range | null {
    return offsetsToRange(this.options.getIndex(), start, end);
  }

  /** Briefly paints [start, end) so the reader's eye finds it after a scroll. */
  flash(start: number, end: number, durationMs = 1_600): void {
    clearTimeout(this.flashTimer);
    this.renderer.setLayer('flash', [{ start, end, style: 'flash' }]);
    this.flashTimer = setTimeout(() => this.renderer.setLayer('flash', []), durationMs);
  }

  repair(): boolean {
    return this.renderer.repair();
  }

  destroy(): void {
    clearTimeout(this.flashTimer);
    this.renderer.destroy();
  }
}
