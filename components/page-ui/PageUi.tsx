/**
 * Everything Factmark draws over a page, inside our shadow root: the hover
 * card, the selection toolbar and the note editor. Stateless: the content
 * script passes what to show.
 */
import type { ComponentChildren } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';
import { t } from '../../utils/i18n';
import { HoverCard, type HoverCardProps } from '../HoverCard';
import { NoteEditor, type NoteEditorProps } from '../NoteEditor';
import { SelectionToolbar, type SelectionToolbarProps } from '../SelectionToolbar';

/** A viewport rectangle to place a panel next to. */
export interface AnchorRect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface PageUiState {
  card?: { props: HoverCardProps; anchor: AnchorRect };
  toolbar?: { props: SelectionToolbarProps; anchor: AnchorRect };
  editor?: NoteEditorProps;
  /** Read out by screen readers (e.g. "Highlight saved"). */
  announcement?: string;
}

const GAP = 8;
const MARGIN = 8;

/** Below the anchor if it fits, else above; clamped into the viewport. */
export function placePanel(anchor: AnchorRect, size: { width: number; height: number }, viewport: { width: number; height: number }, prefer: 'below' | 'above' = 'below'): { left: number; top: number } {
  const below = anchor.bottom + GAP;
  const above = anchor.top - GAP - size.height;
  const fitsBelow = below + size.height <= viewport.height - MARGIN;
  const fitsAbove = above >= MARGIN;
  let top = prefer === 'below' ? (fitsBelow || !fitsAbove ? below : above) : fitsAbove || !fitsBelow ? above : below;
  top = Math.max(MARGIN, Math.min(top, viewport.height - size.height - MARGIN));
  const left = Math.max(MARGIN, Math.min(anchor.left, viewport.width - size.width - MARGIN));
  return { left, top };
}

function Positioned({ anchor, prefer, className, label, children, onPointerEnter, onPointerLeave }: {
  anchor: AnchorRect;
  prefer: 'below' | 'above';
  className: string;
  label?: string;
  children: ComponentChildren;
  onPointerEnter?: () => void;
  onPointerLeave?: () => void;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const view = element.ownerDocument.defaultView!;
    const { left, top } = placePanel(anchor, { width: element.offsetWidth, height: element.offsetHeight }, { width: view.innerWidth, height: view.innerHeight }, prefer);
    element.style.left = `${left}px`;
    element.style.top = `${top}px`;
  });
  return (
    <div ref={ref} class={`fm-panel ${className}`} style={{ left: `${anchor.left}px`, top: `${anchor.bottom + GAP}px` }} role={label ? 'region' : undefined} aria-label={label} onPointerEnter={onPointerEnter} onPointerLeave={onPointerLeave}>
      {children}
    </div>
  );
}

export function PageUi({ state, onCardPointer }: { state: PageUiState; onCardPointer?: (inside: boolean) => void }) {
  return (
    <div class="fm-layer">
      {state.toolbar && !state.editor && (
        <Positioned anchor={state.toolbar.anchor} prefer="above" className="fm-toolbar-panel">
          <SelectionToolbar {...state.toolbar.props} />
        </Positioned>
      )}
      {state.card && !state.editor && (
        <Positioned
          anchor={state.card.anchor}
          prefer="below"
          className="fm-card"
          label={t('extName')}
          onPointerEnter={() => onCardPointer?.(true)}
          onPointerLeave={() => onCardPointer?.(false)}
        >
          <HoverCard {...state.card.props} />
        </Positioned>
      )}
      {state.editor && (
        <>
          <div class="fm-backdrop" onClick={state.editor.onCancel} />
          <NoteEditor {...state.editor} />
        </>
      )}
      <div role="status" aria-live="polite" style={{ position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clip: 'rect(0 0 0 0)' }}>
        {state.announcement ?? ''}
      </div>
    </div>
  );
}
