/**
 * The single <style> element we add to a page. Page scripts may remove it
 * (or replace <head>), so `ensure` puts it back; its content is only rules for
 * our own namespaced highlights or our own element, so it cannot restyle the page.
 */
export interface InjectedStyle {
  update(css: string): void;
  /** Re-inserts the element if the page removed it; returns true if it had to. */
  ensure(): boolean;
  remove(): void;
}

export function injectStyle(doc: Document, marker: string): InjectedStyle {
  const element = doc.createElement('style');
  element.setAttribute('data-factmark', marker);
  const attach = () => (doc.head ?? doc.documentElement).appendChild(element);
  attach();
  return {
    update(css) {
      if (element.textContent !== css) element.textContent = css;
    },
    ensure() {
      if (element.isConnected) return false;
      attach();
      return true;
    },
    remove() {
      element.remove();
    },
  };
}
