/**
 * In-page half of the detect suite's Chromium rows: on a fixture page, the
 * content script's detection with the scan in a worker (as the extension runs
 * it in its background worker), and for comparison scanText on the main thread.
 */
import { extractArticle } from '../../../utils/detect/article';
import { scanText } from '../../../utils/detect/scan';
import { frame, median, timeOffThread } from './off-thread';


(globalThis as unknown as { detectBench: unknown }).detectBench = {
  async measure(runs: number) {
    const offThread = await timeOffThread('/worker.js', runs);
    const inPage: number[] = [];
    for (let i = 0; i < runs; i++) {
      await frame();
      const t0 = performance.now();
      scanText(extractArticle(document).text);
      inPage.push(performance.now() - t0);
    }
    return {
      ...offThread,
      inPageScan: median(inPage.slice(1)),
      chars: extractArticle(document).text.length,
    };
  },
};
