/**
 * Stand-in for the extension's background worker in the in-browser benches:
 * answers { id, text } with scanText(text), off the page's main thread, as the
 * 'text.scan' request handler does.
 */
import { scanText } from '../../../utils/detect/scan';

self.onmessage = (event: MessageEvent<{ id: number; text: string }>) => {
  const { id, text } = event.data;
  (self as unknown as Worker).postMessage({ id, result: scanText(text) });
};
