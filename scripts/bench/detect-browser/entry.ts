/**
 * In-page half of the detect suite's Chromium rows: on a fixture page, the
 * content script's detection with the scan in a worker (as the extension runs
 * it in its background worker), and for comparison scanText on the main thread.
 */
import { extractArticle } from '../../../utils/detect/article';
import { scanText } from '../../../utils/detect/scan';
import { offThreadDetector } from './off-thread';

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const frame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

(globalThis as unknown as { detectBench: unknown }).detectBench = {
  async measure(runs: number) {
    const detector = offThreadDetector('/worker.js');
    const timings = [];
    for (let i = 0; i < runs; i++) {
      await frame();
      timings.push(await detector.detect(document));
    }
    detector.destroy();
    const inPage: number[] = [];
    for (let i = 0; i < runs; i++) {
      await frame();
      const t0 = performance.now();
      scanText(extractArticle(document).text);
      inPage.push(performance.now() - t0);
    }
    const warm = timings.slice(1);
    return {
      cold: timings[0],
      mainThread: median(warm.map((t) => t.mainThread)),
      extract: median(warm.map((t) => t.extract)),
      post: median(warm.map((t) => t.post)),
      receiveAndPaint: median(warm.map((t) => t.receiveAndPaint)),
      latency: median(warm.map((t) => t.latency)),
      ranges: timings[0].ranges,
      inPageScan: median(inPage.slice(1)),
      chars: extractArticle(document).text.length,
    };
  },
};
