/**
 * In-page half of the "anchor" benchmark: the same modules the content script
 * uses, bundled with esbuild and run on a generated ~100 KB article page.
 * Exposes `anchorBench` on globalThis for the Node side to call.
 */
import type { Selector } from '../../../utils/annotation';
import { anchorMany } from '../../../utils/anchor/anchor';
import { describeOffsets } from '../../../utils/anchor/describe';
import { createTextIndex } from '../../../utils/anchor/text-index';
import { extractArticle } from '../../../utils/detect/article';
import { scanText } from '../../../utils/detect/scan';
import { PageHighlights } from '../../../utils/highlight/page-highlights';
import { frame, median, timeOffThread } from '../detect-browser/off-thread';

let cls = 0;
new PerformanceObserver((list) => {
  for (const entry of list.getEntries() as Array<PerformanceEntry & { value: number }>) cls += entry.value;
}).observe({ type: 'layout-shift', buffered: true });


/** Deterministic pseudo-random numbers, so every run picks the same quotes. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

let highlights: PageHighlights | null = null;
let index = createTextIndex(extractArticle(document));

const bench = {
  textLength: () => index.text.length,

  /** Extraction + detection + painting detections, timed together and apart. */
  async detectAndHighlight(runs: number) {
    const totals: number[] = [];
    const parts = { extract: [] as number[], scan: [] as number[], highlight: [] as number[] };
    const textBefore = document.body.innerText;
    const clsBefore = cls;
    let ranges = 0;
    for (let i = 0; i < runs; i++) {
      highlights?.destroy();
      highlights = null;
      await frame();
      const t0 = performance.now();
      const article = extractArticle(document);
      const t1 = performance.now();
      const scan = scanText(article.text);
      const t2 = performance.now();
      index = createTextIndex(article);
      highlights = new PageHighlights(document, { getIndex: () => index });
      highlights.showDetections(scan.claims, scan.figures, 0.5);
      const t3 = performance.now();
      totals.push(t3 - t0);
      parts.extract.push(t1 - t0);
      parts.scan.push(t2 - t1);
      parts.highlight.push(t3 - t2);
      ranges = scan.claims.filter((c) => c.score >= 0.5).length + scan.figures.length;
    }
    await frame();
    await new Promise((resolve) => setTimeout(resolve, 300)); // let layout-shift entries arrive
    return {
      first: totals[0],
      median: median(totals.slice(1)),
      extract: median(parts.extract.slice(1)),
      scan: median(parts.scan.slice(1)),
      highlight: median(parts.highlight.slice(1)),
      ranges,
      mode: highlights!.renderer.mode,
      innerTextUnchanged: document.body.innerText === textBefore,
      cls: cls - clsBefore,
    };
  },

  /** As the extension runs it: extract and paint on the page, scan in a worker (the background worker's stand-in). */
  async detectOffThread(runs: number) {
    highlights?.destroy();
    highlights = null;
    const { cold, mainThread, ...parts } = await timeOffThread('/worker.js', runs);
    return { first: cold.mainThread, median: mainThread, ...parts };
  },


  /** Selectors for `count` ranges of 4–160 characters, as saved notes would carry them. */
  makeNotes(count: number, seed = 7): Array<{ selectors: Selector[]; quote: string; start: number; end: number }> {
    const next = random(seed);
    const notes = [];
    while (notes.length < count) {
      const length = 4 + Math.floor(next() ** 2 * 156);
      const start = Math.floor(next() * (index.text.length - length));
      const described = describeOffsets(index, start, start + length);
      if (described && described.quote.length >= 4) notes.push({ selectors: described.selectors, quote: described.quote, start: described.start, end: described.end });
    }
    return JSON.parse(JSON.stringify(notes));
  },

  /** Re-anchors `notes` against a fresh index of the live page (index build included). */
  async reanchor(notes: Array<{ selectors: Selector[]; quote: string }>, runs: number) {
    const times: number[] = [];
    let result: Awaited<ReturnType<typeof anchorMany>> = [];
    for (let i = 0; i < runs; i++) {
      await frame();
      const t0 = performance.now();
      const fresh = createTextIndex(extractArticle(document));
      const t1 = performance.now();
      result = await anchorMany(fresh, notes, { sliceMs: 1e9, yieldToMain: async () => {} });
      times.push(performance.now() - t0 - (t1 - t0));
      index = fresh;
    }
    // With real yields: the longest uninterrupted stretch of work.
    let longest = 0;
    let last = performance.now();
    await anchorMany(index, notes, {
      sliceMs: 8,
      yieldToMain: async () => {
        longest = Math.max(longest, performance.now() - last);
        await new Promise((resolve) => setTimeout(resolve, 0));
        last = performance.now();
      },
    });
    longest = Math.max(longest, performance.now() - last);
    const methods: Record<string, number> = {};
    for (const r of result) methods[r ? r.method : 'orphan'] = (methods[r ? r.method : 'orphan'] ?? 0) + 1;
    return { median: median(times), longestSlice: longest, methods, places: result.map((r) => (r ? [r.start, r.end] : null)), texts: result.map((r) => (r ? index.text.slice(r.start, r.end) : null)) };
  },

  /** Inserts a paragraph at the top of the article: every saved position goes stale. */
  insertParagraph() {
    const root = index.root;
    const p = document.createElement('p');
    p.textContent = '[속보] 이 문단은 기사 수정으로 맨 앞에 새로 들어갔다. 기존 위치 정보는 모두 어긋난다. Breaking: this paragraph was inserted at the top.';
    const first = root.querySelector('p');
    first?.parentNode?.insertBefore(p, first);
  },

  /** Edits the text of each note's quote in the page: two characters replaced mid-quote. */
  editQuotes(notes: Array<{ quote: string; start: number; end: number }>): string[] {
    const expected: string[] = [];
    for (const note of notes) {
      const start = note.start + Math.floor((note.end - note.start) / 2) - 1;
      const range = highlights!.rangeOf(start, start + 2);
      if (!range || range.startContainer !== range.endContainer) {
        expected.push('');
        continue;
      }
      const node = range.startContainer as Text;
      node.replaceData(range.startOffset, range.endOffset - range.startOffset, '##');
      expected.push('edited');
    }
    return expected;
  },

  innerText: () => document.body.innerText,
  cls: () => cls,
};

(globalThis as unknown as { anchorBench: typeof bench }).anchorBench = bench;
