/**
 * Highlights through the CSS Custom Highlight API: one `Highlight` per style,
 * registered under a name unique to this content-script instance
 * (`factmark-<token>-<style>`). Page scripts can see and clear the registry,
 * so `repair` re-registers anything that went missing.
 */
import type { HighlightItem, Layer, Renderer } from './renderer';
import { injectStyle } from './style-element';
import { type StyleKey, buildStyleSheet, stylePriority } from './styles';
import { type TextIndex, offsetsToRange } from '../anchor/text-index';

/** The parts of the API we use, so tests can pass a stand-in. */
export interface HighlightApi {
  registry: { get(name: string): unknown; set(name: string, value: unknown): unknown; delete(name: string): boolean };
  create(ranges: AbstractRange[]): { add(range: AbstractRange): unknown; clear(): void; priority: number; size: number };
}

export function nativeHighlightApi(win: Window & typeof globalThis): HighlightApi | null {
  const css = (win as unknown as { CSS?: { highlights?: HighlightApi['registry'] } }).CSS;
  const HighlightCtor = (win as unknown as { Highlight?: new (...ranges: AbstractRange[]) => ReturnType<HighlightApi['create']> }).Highlight;
  if (!css?.highlights || typeof HighlightCtor !== 'function') return null;
  return { registry: css.highlights, create: (ranges) => new HighlightCtor(...ranges) };
}

export function highlightName(token: string, key: StyleKey): string {
  return `factmark-${token}-${key}`;
}

export function createCustomHighlightRenderer(doc: Document, api: HighlightApi, token: string, getIndex: () => TextIndex): Renderer {
  const style = injectStyle(doc, token);
  const layers = new Map<Layer, readonly HighlightItem[]>();
  const highlights = new Map<StyleKey, ReturnType<HighlightApi['create']>>();
  let styledKeys = '';

  const rebuild = (keys: Set<StyleKey>) => {
    const index = getIndex();
    const byKey = new Map<StyleKey, AbstractRange[]>();
    for (const key of keys) byKey.set(key, []);
    for (const items of layers.values()) {
      for (const item of items) {
        if (!keys.has(item.style)) continue;
        const range = offsetsToRange(index, item.start, item.end);
        if (range) byKey.get(item.style)!.push(range);
      }
    }
    for (const [key, ranges] of byKey) {
      const name = highlightName(token, key);
      let highlight = highlights.get(key);
      if (!ranges.length) {
        if (highlight) {
          highlight.clear();
          api.registry.delete(name);
          highlights.delete(key);
        }
        continue;
      }
      if (!highlight) {
        highlight = api.create([]);
        highlight.priority = stylePriority(key);
        highlights.set(key, highlight);
      } else highlight.clear();
      for (const range of ranges) highlight.add(range);
      if (api.registry.get(name) !== highlight) api.registry.set(name, highlight);
    }
    const allKeys = [...highlights.keys()].sort().join(' ');
    if (allKeys !== styledKeys) {
      styledKeys = allKeys;
      style.update(buildStyleSheet(highlights.keys(), (key) => `::highlight(${highlightName(token, key)})`));
    }
  };

  return {
    mode: 'custom-highlight',
    setLayer(layer, items) {
      const touched = new Set<StyleKey>();
      for (const item of layers.get(layer) ?? []) touched.add(item.style);
      for (const item of items) touched.add(item.style);
      layers.set(layer, items);
      rebuild(touched);
    },
    repair() {
      let repaired = style.ensure();
      for (const [key, highlight] of highlights) {
        const name = highlightName(token, key);
        if (api.registry.get(name) !== highlight) {
          api.registry.set(name, highlight);
          repaired = true;
        }
      }
      return repaired;
    },
    destroy() {
      for (const [key, highlight] of highlights) {
        highlight.clear();
        if (api.registry.get(highlightName(token, key)) === highlight) api.registry.delete(highlightName(token, key));
      }
      highlights.clear();
      layers.clear();
      style.remove();
    },
  };
}
