import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { FactmarkDB } from '../utils/db/schema';
import type { MessageTransport, TabCommand } from '../utils/messages';

/**
 * Everything a popup/options component talks to, injected so that component
 * tests can run the real background handlers over fake-indexeddb.
 */
export interface PopupEnv {
  /** Read-only use: liveQuery. Writes go through `transport`. */
  db: FactmarkDB;
  transport: MessageTransport;
  sendToTab(tabId: number, command: TabCommand): Promise<unknown>;
  openUrl(url: string): void;
  locale: string;
}

export const PopupEnvContext = createContext<PopupEnv | null>(null);

export function usePopupEnv(): PopupEnv {
  const env = useContext(PopupEnvContext);
  if (!env) throw new Error('PopupEnvContext is missing');
  return env;
}
