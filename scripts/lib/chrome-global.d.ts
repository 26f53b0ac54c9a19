/**
 * The part of the `chrome` global that Playwright-evaluated functions use inside
 * extension pages and the service worker. Declared here instead of pulling
 * @types/chrome into every context, where code must use `browser`.
 */
declare const chrome: {
  tabs: { query(filter: Record<string, unknown>): Promise<{ id?: number; url?: string }[]> };
  runtime: { sendMessage(message: unknown): Promise<any> };
};
