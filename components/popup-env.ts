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

/**
 * What the popup's components see: the env, except that the database is absent during the
 * popup's first paint, which shows rows read without Dexie while Dexie's module loads
 * (entrypoints/popup/app.tsx). Options pages and tests always pass a database.
 */
export type PopupViewEnv = Omit<PopupEnv, 'db'> & { db?: FactmarkDB };

export const PopupEnvContext = createContext<PopupViewEnv | null>(null);

export function usePopupEnv(): PopupViewEnv {
  const env = useContext(PopupEnvContext);
  if (!env) throw new Error('PopupEnvContext is missing');
  return env;
}
