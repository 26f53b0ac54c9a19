/**
 * Hand-built figures for check tests: each figure is located in the text by
 * its literal (the n-th occurrence when repeated), so offsets are always real.
 */
import type { Figure } from '../../../../utils/detect/types';

export type FigureSpec = Omit<Figure, 'start' | 'end' | 'text'> & { text: string; occurrence?: number };

export function buildFigures(text: string, specs: FigureSpec[]): Figure[] {
  return specs.map(({ occurrence = 1, ...spec }) => {
    let start = -1;
    for (let n = 0; n < occurrence; n++) {
      start = text.indexOf(spec.text, start + 1);
      if (start < 0) throw new Error(`figure text not found: ${spec.text} (#${occurrence})`);
    }
    return { ...spec, start, end: start + spec.text.length };
  });
}
