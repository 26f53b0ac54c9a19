/**
 * Detection as the content script does it, timed on the page: extract the
 * article (main thread), hand the text to a worker that scans it, paint the
 * result (main thread). Main-thread time counts every task the page runs for
 * it: extraction, posting the text, reading the reply (deserialisation) and
 * highlighting; the scan itself runs in the worker.
 */
import { createTextIndex } from '../../../utils/anchor/text-index';
import { extractArticle } from '../../../utils/detect/article';
import type { ScanResult } from '../../../utils/detect/types';
import { PageHighlights } from '../../../utils/highlight/page-highlights';

export interface OffThreadTiming {
  mainThread: number;
  extract: number;
  post: number;
  receiveAndPaint: number;
  latency: number;
  ranges: number;
}

let nextId = 0;

export function offThreadDetector(workerUrl: string) {
  const worker = new Worker(workerUrl);
  const pending = new Map<number, (result: ScanResult, receivedAt: number) => void>();
  worker.onmessage = (event: MessageEvent<{ id: number; result: ScanResult }>) => {
    const receivedAt = performance.now();
    const { id, result } = event.data; // reading data is where the page deserialises the reply
    pending.get(id)?.(result, receivedAt);
    pending.delete(id);
  };
  let highlights: PageHighlights | null = null;
  return {
    async detect(doc: Document, minScore = 0.5): Promise<OffThreadTiming> {
      highlights?.destroy();
      highlights = null;
      const t0 = performance.now();
      const article = extractArticle(doc);
      const t1 = performance.now();
      const id = nextId++;
      const reply = new Promise<[ScanResult, number]>((resolve) => pending.set(id, (result, at) => resolve([result, at])));
      worker.postMessage({ id, text: article.text });
      const t2 = performance.now();
      const [result, receivedAt] = await reply;
      const index = createTextIndex(article);
      highlights = new PageHighlights(doc, { getIndex: () => index });
      highlights.showDetections(result.claims, result.figures, minScore);
      const t3 = performance.now();
      return {
        mainThread: t1 - t0 + (t2 - t1) + (t3 - receivedAt),
        extract: t1 - t0,
        post: t2 - t1,
        receiveAndPaint: t3 - receivedAt,
        latency: t3 - t0,
        ranges: result.claims.filter((c) => c.score >= minScore).length + result.figures.length,
      };
    },
    destroy() {
      highlights?.destroy();
      worker.terminate();
    },
  };
}

export const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
export const frame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

/** `runs` detections of this document, one per frame; the first (cold worker) apart, the rest as medians. */
export async function timeOffThread(workerUrl: string, runs: number) {
  const detector = offThreadDetector(workerUrl);
  const timings: OffThreadTiming[] = [];
  for (let i = 0; i < runs; i++) {
    await frame();
    timings.push(await detector.detect(document));
  }
  detector.destroy();
  const warm = timings.slice(1);
  return {
    cold: timings[0],
    mainThread: median(warm.map((t) => t.mainThread)),
    extract: median(warm.map((t) => t.extract)),
    post: median(warm.map((t) => t.post)),
    receiveAndPaint: median(warm.map((t) => t.receiveAndPaint)),
    latency: median(warm.map((t) => t.latency)),
    ranges: timings[0].ranges,
  };
}
