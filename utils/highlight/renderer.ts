/**
 * What draws highlights. Two implementations: the CSS Custom Highlight API
 * (preferred: no DOM, layout or page-script changes) and, where that API is
 * missing, wrapping text in <factmark-mark> elements.
 */
import type { StyleKey } from './styles';

export type Layer = 'detections' | 'notes' | 'flash';

export interface HighlightItem {
  style: StyleKey;
  start: number;
  end: number;
}

export interface Renderer {
  readonly mode: 'custom-highlight' | 'element';
  /** Replaces one layer's highlights. */
  setLayer(layer: Layer, items: readonly HighlightItem[]): void;
  /** Puts back whatever page scripts removed (registry entries, the style element); true if it had to. */
  repair(): boolean;
  destroy(): void;
}
