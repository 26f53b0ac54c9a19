/**
 * Mounts the page UI in a closed shadow root on a <factmark-ui> host attached
 * to <html> (outside <body>, so the page's text and layout are untouched).
 * Key and pointer events inside stop at the host, so page shortcuts do not fire
 * while the reader types a note. No globals are exposed to the page.
 */
import { render } from 'preact';
import { PageUi, type PageUiState } from './PageUi';
import { PAGE_UI_CSS } from './styles';

export const HOST_TAG = 'factmark-ui';

export interface PageUiHandle {
  readonly host: HTMLElement;
  update(patch: Partial<PageUiState>): void;
  get state(): PageUiState;
  /** Is this event target our UI? */
  owns(target: EventTarget | null): boolean;
  /** Is the pointer over the card right now? */
  readonly pointerInCard: boolean;
  destroy(): void;
}

const HOST_STYLE =
  'all: initial !important; position: fixed !important; top: 0 !important; left: 0 !important; width: 0 !important; height: 0 !important; z-index: 2147483647 !important; display: block !important; contain: none !important;';

export function mountPageUi(doc: Document): PageUiHandle {
  const host = doc.createElement(HOST_TAG);
  host.setAttribute('style', HOST_STYLE);
  const shadow = host.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent = PAGE_UI_CSS;
  const container = doc.createElement('div');
  shadow.append(style, container);
  for (const type of ['keydown', 'keyup', 'keypress', 'input']) {
    container.addEventListener(type, (event) => event.stopPropagation());
  }
  doc.documentElement.appendChild(host);

  let state: PageUiState = {};
  let pointerInCard = false;
  const draw = () => render(<PageUi state={state} onCardPointer={(inside) => (pointerInCard = inside)} />, container);

  return {
    host,
    get state() {
      return state;
    },
    update(patch) {
      state = { ...state, ...patch };
      if (!state.card) pointerInCard = false;
      if (!host.isConnected) doc.documentElement.appendChild(host); // a page script removed it
      draw();
    },
    owns(target) {
      return target === host || (target instanceof Node && (host.contains(target) || shadow.contains(target)));
    },
    get pointerInCard() {
      return pointerInCard;
    },
    destroy() {
      render(null, container);
      host.remove();
    },
  };
}
