/**
 * Saved selectors → a place in the current article text, cheapest first:
 *   1. the TextPositionSelector, accepted only if the quote is still there;
 *   2. an exact quote search that ranks every occurrence by context and distance
 *      (taken at once when its context is intact and it is near the old place);
 *   3. the RangeSelector (DOM path), accepted only if it still holds the quote;
 *   4. a fuzzy search near the old position, widening only when needed; an
 *      exact hit from step 2 stands unless a near fuzzy match fits better.
 * Anything scoring below MIN_FUZZY_SCORE is an orphan (null): kept, never dropped.
 *
 * `anchorMany` re-anchors a batch against one index: steps 1–3 run for all at
 * once (they are cheap), fuzzy work runs in time slices that yield to the page.
 */
import type { Selector, TextPositionSelector, TextQuoteSelector, RangeSelector } from '../annotation';
import { GOOD_ENOUGH, MIN_FUZZY_SCORE, matchFuzzyQuote } from './fuzzy-quote';
import type { ScoredMatch } from './match-score';
import { type CollapsedText, buildCollapsedText, collapsedToRawRange } from './normalized-text';
import { resolveRangeSelector } from './range-selector';
import { type TextIndex, rangeToOffsets } from './text-index';
import { positionHoldsQuote } from './text-position';
import { matchExactQuote, normalizeQuote } from './text-quote';

export type AnchorMethod = 'position' | 'range' | 'quote' | 'fuzzy';

export interface Anchored {
  start: number;
  end: number;
  method: AnchorMethod;
  /** 1 for position/range; match score (0..1) for quote searches. */
  score: number;
}

export interface AnchorTarget {
  selectors: readonly Selector[];
  /** Used when no TextQuoteSelector was saved. */
  quote?: string;
}

/** An exact hit farther than this from the old position (chars) is checked against a near fuzzy match. */
const FAR = 2_048;
/** How much score a near fuzzy match may give up against a far exact copy. */
const NEAR_PREFERENCE = 0.1;
/** ...provided the near match still resembles the quote this closely. */
const MIN_NEAR_QUOTE = 0.8;

const collapsedViews = new WeakMap<TextIndex, CollapsedText>();

function collapsedView(index: TextIndex): CollapsedText {
  let view = collapsedViews.get(index);
  if (!view) {
    view = buildCollapsedText(index.text);
    collapsedViews.set(index, view);
  }
  return view;
}

function find<T extends Selector['type']>(selectors: readonly Selector[], type: T): Extract<Selector, { type: T }> | undefined {
  return selectors.find((s) => s.type === type) as Extract<Selector, { type: T }> | undefined;
}

/** What step 4 needs, prepared during the cheap pass. */
interface FuzzyJob {
  quote: string;
  prefix?: string;
  suffix?: string;
  hint?: number;
  /** An exact hit with weak context, to beat rather than replace blindly. */
  exact: ScoredMatch | null;
}

type CheapResult = { done: Anchored | null } | { fuzzy: FuzzyJob };

function cheapAnchor(index: TextIndex, target: AnchorTarget): CheapResult {
  const quoteSelector: TextQuoteSelector | undefined =
    find(target.selectors, 'TextQuoteSelector') ??
    (target.quote ? { type: 'TextQuoteSelector', exact: target.quote } : undefined);
  const position: TextPositionSelector | undefined = find(target.selectors, 'TextPositionSelector');
  const rangeSelector: RangeSelector | undefined = find(target.selectors, 'RangeSelector');
  const exactRaw = quoteSelector?.exact.normalize('NFC');

  if (!quoteSelector || !exactRaw?.trim()) {
    // Nothing to verify against: trust the position only if it fits the text.
    if (position && position.start >= 0 && position.end > position.start && position.end <= index.text.length) {
      return { done: { start: position.start, end: position.end, method: 'position', score: 1 } };
    }
    return { done: null };
  }

  if (position && positionHoldsQuote(index.text, position, exactRaw)) {
    return { done: { start: position.start, end: position.end, method: 'position', score: 1 } };
  }

  const view = collapsedView(index);
  const normalized = normalizeQuote({ ...quoteSelector, exact: exactRaw });
  const quote = normalized.exact.trim();
  const hint = position && position.start <= index.text.length ? view.fromRaw[position.start] : undefined;
  const context = { prefix: normalized.prefix, suffix: normalized.suffix, hint };
  const exact = matchExactQuote(view.text, quote, context);
  if (exact && (hint === undefined || (exact.score >= GOOD_ENOUGH && Math.abs(exact.start - hint) <= FAR)))
    return { done: toRaw(view, exact, 'quote') };

  // The DOM path still leads to the quote (the text around it was re-extracted differently).
  if (rangeSelector) {
    const range = resolveRangeSelector(index.root, rangeSelector);
    const offsets = range ? rangeToOffsets(index, range) : null;
    if (offsets && positionHoldsQuote(index.text, { type: 'TextPositionSelector', ...offsets }, exactRaw)) {
      return { done: { ...offsets, method: 'range', score: 1 } };
    }
  }
  return { fuzzy: { quote, ...context, exact } };
}

function toRaw(view: CollapsedText, match: ScoredMatch, method: AnchorMethod): Anchored {
  const { start, end } = collapsedToRawRange(view, match.start, match.end);
  return { start, end, method, score: match.score };
}

function runFuzzy(index: TextIndex, job: FuzzyJob): Anchored | null {
  const view = collapsedView(index);
  const { quote, prefix, suffix, hint, exact } = job;
  if (!exact) {
    const fuzzy = matchFuzzyQuote(view.text, quote, { prefix, suffix, hint });
    return fuzzy ? toRaw(view, fuzzy, 'fuzzy') : null;
  }
  // An exact hit exists but sits far from the old place or in a changed context:
  // look only near the old place for the same passage, slightly edited.
  const near = matchFuzzyQuote(view.text, quote, { prefix, suffix, hint }, MIN_FUZZY_SCORE, 1);
  if (near && near.start !== exact.start) {
    const far = hint !== undefined && Math.abs(exact.start - hint) > FAR;
    // A near match in the same context is where the note was, even against a far
    // exact copy (repeated boilerplate, a quoted sentence); otherwise it must score better.
    const margin = far ? -NEAR_PREFERENCE : 0.05;
    if (near.score >= exact.score + margin && near.quoteScore >= MIN_NEAR_QUOTE) return toRaw(view, near, 'fuzzy');
  }
  return toRaw(view, exact, 'quote');
}

/** Re-anchors one annotation synchronously (all steps). */
export function anchorTarget(index: TextIndex, target: AnchorTarget): Anchored | null {
  const cheap = cheapAnchor(index, target);
  return 'done' in cheap ? cheap.done : runFuzzy(index, cheap.fuzzy);
}

export interface AnchorManyOptions {
  /** Longest stretch of fuzzy work before yielding (ms). */
  sliceMs?: number;
  now?: () => number;
  /** Gives the page a turn; defaults to a macrotask. */
  yieldToMain?: () => Promise<void>;
  /** Stop early (e.g. the page navigated); remaining targets come back undefined. */
  signal?: AbortSignal;
}

const defaultYield = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Re-anchors a batch against one index. The index text and its collapsed view
 * are built once; fuzzy searches run in slices of `sliceMs`.
 * Returns results in the order of `targets` (null = orphan).
 */
export async function anchorMany(index: TextIndex, targets: readonly AnchorTarget[], options: AnchorManyOptions = {}): Promise<Array<Anchored | null>> {
  const { sliceMs = 8, now = () => performance.now(), yieldToMain = defaultYield, signal } = options;
  const results: Array<Anchored | null> = new Array(targets.length).fill(null);
  const pending: Array<[number, FuzzyJob]> = [];
  let sliceStart = now();
  /** Gives the page a turn and starts a new slice; true when the batch was cancelled meanwhile. */
  const pauseCancelled = async (): Promise<boolean> => {
    await yieldToMain();
    sliceStart = now();
    return !!signal?.aborted;
  };
  for (let i = 0; i < targets.length; i++) {
    const cheap = cheapAnchor(index, targets[i]);
    if ('done' in cheap) results[i] = cheap.done;
    else pending.push([i, cheap.fuzzy]);
    if (now() - sliceStart > sliceMs && (await pauseCancelled())) return results;
  }
  for (const [i, job] of pending) {
    if (now() - sliceStart > sliceMs && (await pauseCancelled())) return results;
    results[i] = runFuzzy(index, job);
  }
  return results;
}
